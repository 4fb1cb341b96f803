//! What the bot knows of the guilds it serves and of their members' roles.
//!
//! The bot runs without serenity's cache (memory), yet roles by standing need
//! each member's current roles. They are learnt from what the gateway sends
//! anyway (GUILD_CREATE members, GUILD_MEMBER_ADD/UPDATE/REMOVE, the member of
//! every message, reaction and slash command) and, once per guild and process, from paging
//! `GET /guilds/{g}/members`: members whose standing decays are exactly the
//! ones who stopped talking, so events alone would miss them after a restart.
//! The bot's own role changes are written back here when Discord accepts them.

use std::collections::{BTreeMap, HashMap};
use std::sync::RwLock;
use std::time::{Duration, Instant};

use crate::capital::message::{GuildId, MemberId};
use crate::capital::roles::RoleId;

/// How long to wait before paging a guild's members again after a failure
/// (e.g. no Server Members Intent: Discord answers 403 every time).
pub const SEED_RETRY: Duration = Duration::from_secs(3600);

#[derive(Debug, Default)]
struct GuildRoster {
    /// Member -> role ids (sorted, no duplicates).
    members: BTreeMap<MemberId, Vec<RoleId>>,
    seeded: bool,
    /// No paging before this moment (after a failed attempt).
    next_seed: Option<Instant>,
}

/// Guilds served and their members' roles. Cheap to update from the raw event
/// handler (a short write lock, no awaits).
#[derive(Debug, Default)]
pub struct Roster {
    guilds: RwLock<HashMap<GuildId, GuildRoster>>,
}

fn normal(mut roles: Vec<RoleId>) -> Vec<RoleId> {
    roles.sort_unstable();
    roles.dedup();
    roles
}

impl Roster {
    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<GuildId, GuildRoster>> {
        self.guilds.write().unwrap_or_else(|e| e.into_inner())
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<GuildId, GuildRoster>> {
        self.guilds.read().unwrap_or_else(|e| e.into_inner())
    }

    /// The bot serves `guild` (GUILD_CREATE).
    pub fn guild_seen(&self, guild: GuildId) {
        self.write().entry(guild).or_default();
    }

    /// The bot left `guild` (GUILD_DELETE that is not an outage).
    pub fn guild_gone(&self, guild: GuildId) {
        self.write().remove(&guild);
    }

    /// Every guild served, in id order.
    pub fn guilds(&self) -> Vec<GuildId> {
        let mut g: Vec<GuildId> = self.read().keys().copied().collect();
        g.sort_unstable();
        g
    }

    /// A member's full current role list, as Discord just told it. Returns
    /// whether it differs from what was known (a member first seen without
    /// roles is no change): then the roles are worth storing.
    pub fn set_roles(&self, guild: GuildId, member: MemberId, roles: Vec<RoleId>) -> bool {
        let roles = normal(roles);
        let old = self
            .write()
            .entry(guild)
            .or_default()
            .members
            .insert(member, roles.clone());
        match old {
            Some(o) => o != roles,
            None => !roles.is_empty(),
        }
    }

    pub fn remove_member(&self, guild: GuildId, member: MemberId) {
        if let Some(g) = self.write().get_mut(&guild) {
            g.members.remove(&member);
        }
    }

    /// Discord accepted adding (`add`) or removing a role.
    pub fn role_changed(&self, guild: GuildId, member: MemberId, role: RoleId, add: bool) {
        if let Some(roles) = self
            .write()
            .get_mut(&guild)
            .and_then(|g| g.members.get_mut(&member))
        {
            roles.retain(|r| *r != role);
            if add {
                roles.push(role);
                roles.sort_unstable();
            }
        }
    }

    /// Members known in `guild` with their roles, in id order.
    pub fn members(&self, guild: GuildId) -> Vec<(MemberId, Vec<RoleId>)> {
        self.read()
            .get(&guild)
            .map(|g| g.members.iter().map(|(m, r)| (*m, r.clone())).collect())
            .unwrap_or_default()
    }

    /// Whether the member list of `guild` should be paged now.
    pub fn needs_seed(&self, guild: GuildId, now: Instant) -> bool {
        self.read()
            .get(&guild)
            .is_some_and(|g| !g.seeded && g.next_seed.is_none_or(|t| now >= t))
    }

    /// Paging finished (`ok`) or failed (try again after [`SEED_RETRY`]).
    pub fn seed_done(&self, guild: GuildId, ok: bool, now: Instant) {
        if let Some(g) = self.write().get_mut(&guild) {
            if ok {
                g.seeded = true;
            } else {
                g.next_seed = Some(now + SEED_RETRY);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_members_and_own_changes() {
        let r = Roster::default();
        r.guild_seen(GuildId(1));
        r.set_roles(GuildId(1), MemberId(10), vec![5, 3, 5]);
        r.role_changed(GuildId(1), MemberId(10), 7, true);
        r.role_changed(GuildId(1), MemberId(10), 3, false);
        // Unknown members are not invented by a role change.
        r.role_changed(GuildId(1), MemberId(11), 7, true);
        assert_eq!(r.members(GuildId(1)), vec![(MemberId(10), vec![5, 7])]);
        r.remove_member(GuildId(1), MemberId(10));
        assert!(r.members(GuildId(1)).is_empty());
        assert_eq!(r.guilds(), vec![GuildId(1)]);
        r.guild_gone(GuildId(1));
        assert!(r.guilds().is_empty());
    }

    #[test]
    fn a_failed_seed_waits_before_the_next_try() {
        let r = Roster::default();
        r.guild_seen(GuildId(1));
        let now = Instant::now();
        assert!(r.needs_seed(GuildId(1), now));
        r.seed_done(GuildId(1), false, now);
        assert!(!r.needs_seed(GuildId(1), now + Duration::from_secs(60)));
        assert!(r.needs_seed(GuildId(1), now + SEED_RETRY));
        r.seed_done(GuildId(1), true, now);
        assert!(!r.needs_seed(GuildId(1), now + SEED_RETRY * 2));
        assert!(
            !r.needs_seed(GuildId(2), now),
            "unknown guilds are not paged"
        );
    }
}

//! Roles by standing: which configured tier roles a member should have, and
//! the changes to make. Pure: the bot reads members' current roles from
//! Discord and applies the plan; roles the bot cannot manage (missing Manage
//! Roles, role above the bot's) are passed in as `blocked` and left alone until
//! a moderator fixes them, so nothing is retried in a loop.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use super::message::MemberId;
use super::settings::{RoleSettings, Tier};

pub type RoleId = u64;

/// One member as the bot sees them now.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRoles {
    pub member_id: MemberId,
    /// Their tier by standing.
    pub tier: String,
    /// Every role they have now (only the configured tier roles are looked at).
    pub roles: Vec<RoleId>,
}

/// What to change for one member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleChange {
    pub member_id: MemberId,
    pub add: Vec<RoleId>,
    pub remove: Vec<RoleId>,
}

/// The roles a member in `tier` should hold among the configured ones.
pub fn wanted_roles(cfg: &RoleSettings, tiers: &[Tier], tier: &str) -> BTreeSet<RoleId> {
    let Some(idx) = tiers.iter().position(|t| t.name == tier) else {
        return BTreeSet::new();
    };
    tiers
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == idx || (cfg.cumulative && *i < idx))
        .filter_map(|(_, t)| cfg.by_tier.get(&t.name).copied())
        .filter(|r| *r != 0)
        .collect()
}

/// The changes that bring every member's tier roles in line. Empty when roles
/// are disabled. Blocked roles are never added or removed.
pub fn plan_roles(
    cfg: &RoleSettings,
    tiers: &[Tier],
    members: &[MemberRoles],
    blocked: &HashSet<RoleId>,
) -> Vec<RoleChange> {
    if !cfg.enabled {
        return vec![];
    }
    let managed: BTreeSet<RoleId> = cfg.by_tier.values().copied().filter(|r| *r != 0).collect();
    let mut out = Vec::new();
    for m in members {
        let want = wanted_roles(cfg, tiers, &m.tier);
        let has: BTreeSet<RoleId> = m
            .roles
            .iter()
            .copied()
            .filter(|r| managed.contains(r))
            .collect();
        let add: Vec<RoleId> = want
            .difference(&has)
            .copied()
            .filter(|r| !blocked.contains(r))
            .collect();
        let remove: Vec<RoleId> = has
            .difference(&want)
            .copied()
            .filter(|r| !blocked.contains(r))
            .collect();
        if !add.is_empty() || !remove.is_empty() {
            out.push(RoleChange {
                member_id: m.member_id,
                add,
                remove,
            });
        }
    }
    out
}

/// The changes that give each period role (`role`, the members who earned
/// it) to exactly those members. Blocked roles are left alone.
pub fn plan_period_roles(
    period_roles: &[(RoleId, HashSet<MemberId>)],
    members: &[MemberRoles],
    blocked: &HashSet<RoleId>,
) -> Vec<RoleChange> {
    let mut out = Vec::new();
    for m in members {
        let mut change = RoleChange {
            member_id: m.member_id,
            add: vec![],
            remove: vec![],
        };
        for (role, holders) in period_roles {
            if *role == 0 || blocked.contains(role) {
                continue;
            }
            match (holders.contains(&m.member_id), m.roles.contains(role)) {
                (true, false) => change.add.push(*role),
                (false, true) => change.remove.push(*role),
                _ => {}
            }
        }
        if !change.add.is_empty() || !change.remove.is_empty() {
            out.push(change);
        }
    }
    out
}

/// Both plans as one change per member.
pub fn merge_changes(mut a: Vec<RoleChange>, b: Vec<RoleChange>) -> Vec<RoleChange> {
    for c in b {
        match a.iter_mut().find(|x| x.member_id == c.member_id) {
            Some(x) => {
                x.add.extend(c.add);
                x.remove.extend(c.remove);
            }
            None => a.push(c),
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_settings;

    #[test]
    fn plan_follows_tiers_and_skips_blocked_roles() {
        let s = default_settings();
        let mut cfg = RoleSettings::default();
        cfg.by_tier.insert("Contributor".into(), 10);
        cfg.by_tier.insert("Trusted".into(), 20);
        let members = vec![
            MemberRoles {
                member_id: MemberId(1),
                tier: "Trusted".into(),
                roles: vec![10, 99],
            },
            MemberRoles {
                member_id: MemberId(2),
                tier: "Newcomer".into(),
                roles: vec![20],
            },
            MemberRoles {
                member_id: MemberId(3),
                tier: "Contributor".into(),
                roles: vec![10],
            },
        ];
        assert!(plan_roles(&cfg, &s.tiers, &members, &HashSet::new()).is_empty());
        cfg.enabled = true;
        let plan = plan_roles(&cfg, &s.tiers, &members, &HashSet::new());
        assert_eq!(
            plan,
            vec![
                RoleChange {
                    member_id: MemberId(1),
                    add: vec![20],
                    remove: vec![10]
                },
                RoleChange {
                    member_id: MemberId(2),
                    add: vec![],
                    remove: vec![20]
                },
            ]
        );
        cfg.cumulative = true;
        let plan = plan_roles(&cfg, &s.tiers, &members, &HashSet::from([20]));
        assert!(plan.is_empty(), "{plan:?}");
    }

    #[test]
    fn period_roles_go_to_the_winners_and_leave_the_others() {
        let m = |id: u64, roles: Vec<RoleId>| MemberRoles {
            member_id: MemberId(id),
            tier: "Member".into(),
            roles,
        };
        let members = vec![
            m(1, vec![]),
            m(2, vec![70]),
            m(3, vec![70, 80]),
            m(4, vec![]),
        ];
        let winners: HashSet<MemberId> = [MemberId(1), MemberId(3)].into();
        let months: HashSet<MemberId> = [MemberId(4)].into();
        let plan = plan_period_roles(&[(70, winners), (80, months)], &members, &HashSet::new());
        let of = |id: u64| plan.iter().find(|c| c.member_id == MemberId(id)).cloned();
        assert_eq!(of(1).unwrap().add, vec![70]);
        assert_eq!(of(2).unwrap().remove, vec![70]);
        assert_eq!(of(3).unwrap().remove, vec![80]);
        assert!(of(3).unwrap().add.is_empty());
        assert_eq!(of(4).unwrap().add, vec![80]);
        // A blocked role is not touched; merged with tier changes per member.
        let blocked: HashSet<RoleId> = [70].into();
        let plan = plan_period_roles(&[(70, [MemberId(1)].into())], &members, &blocked);
        assert!(plan.is_empty());
        let tier = vec![RoleChange {
            member_id: MemberId(4),
            add: vec![10],
            remove: vec![],
        }];
        let merged = merge_changes(tier, vec![of(4).unwrap()]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].add, vec![10, 80]);
    }
}

//! The moderation task of the running bot: every tick, for each guild served,
//! post the decay-warning digest and the opted-in DMs, bring tier roles in
//! line with standings, and post new log lines.
//!
//! The decisions are the service's (`take_digest`, `role_plan`,
//! `pending_log_lines`, which remember what was sent in the database, so a
//! restart repeats nothing); this module only talks to Discord. One guild's
//! failure (database down, Discord refusing) is logged with its id and the
//! tick goes on with the next guild; nothing here panics or loops on an error:
//! a role Discord refuses is recorded once as a role problem, reported to the
//! moderators once, and left alone until they fix it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serenity::all as sy;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tracing::Instrument;

use super::locales::GuildLocales;
use super::roster::Roster;
use crate::capital::message::{GuildId, MemberId};
use crate::capital::roles::RoleId;
use crate::capital::settings::Settings;
use crate::i18n::{Lang, Tr};
use crate::render::moderation::{digest_message, warning_dm};
use crate::service::Goodwill;

/// Default time between two ticks (`GOODWILL_MODERATION_TICK_SECS`).
pub const DEFAULT_TICK: Duration = Duration::from_secs(60);

/// Discord's limit on a message's content.
pub const MESSAGE_LIMIT: usize = 2000;

/// Log entries taken per batch, and batches posted per guild and tick (so a
/// burst of adjustments drains over a few ticks instead of flooding).
const LOG_BATCH: u32 = 40;
const LOG_BATCHES_PER_TICK: usize = 5;

/// Guilds handled concurrently within a tick.
const GUILDS_AT_ONCE: usize = 4;

/// Between two weekly digests, how often opted-in DMs are looked for: a
/// crossing is projected up to `report.at_risk_days` ahead, so a quarter of an
/// hour is timely, and a report per guild every tick would not be cheap.
const DM_CHECK_EVERY: Duration = Duration::from_secs(15 * 60);

/// Members fetched per `GET /guilds/{g}/members` page (Discord's maximum).
const MEMBER_PAGE: u64 = 1000;

/// The running task; [`ModerationTask::shutdown`] stops it.
pub struct ModerationTask {
    stop: watch::Sender<bool>,
    /// Taken by `shutdown`; aborted on drop otherwise (an early error in
    /// `run_bot` must not leave the task running).
    handle: Option<JoinHandle<()>>,
}

impl Drop for ModerationTask {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.abort();
        }
    }
}

struct Ctx {
    service: Goodwill,
    http: Arc<sy::Http>,
    roster: Arc<Roster>,
    /// Each guild's language for posts and DMs.
    locales: Arc<GuildLocales>,
    /// When each guild's opted-in DMs were last looked for (building the
    /// report that finds them is the costly part of a tick).
    dm_checked: Mutex<HashMap<GuildId, Instant>>,
}

impl ModerationTask {
    /// Tick every `every` (the first tick right away).
    pub fn start(
        service: Goodwill,
        http: Arc<sy::Http>,
        roster: Arc<Roster>,
        locales: Arc<GuildLocales>,
        every: Duration,
    ) -> Self {
        let (stop, mut stopped) = watch::channel(false);
        let ctx = Ctx {
            service,
            http,
            roster,
            locales,
            dm_checked: Mutex::new(HashMap::new()),
        };
        let every = every.max(Duration::from_millis(10));
        let handle = tokio::spawn(async move {
            let mut interval = tokio::time::interval(every);
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = interval.tick() => {}
                    _ = stopped.changed() => break,
                }
                ctx.tick(Utc::now()).await;
            }
        });
        ModerationTask {
            stop,
            handle: Some(handle),
        }
    }

    /// Let a tick in progress finish (at most `grace`), then stop.
    pub async fn shutdown(mut self, grace: Duration) {
        let _ = self.stop.send(true);
        let Some(mut handle) = self.handle.take() else {
            return;
        };
        if tokio::time::timeout(grace, &mut handle).await.is_err() {
            tracing::warn!(?grace, "moderation tick still running at shutdown; stopped");
            handle.abort();
        }
    }
}

impl Ctx {
    /// Guilds are served a few at a time, so one slow guild (a large member
    /// list, a Discord rate limit) does not hold up the others; nothing is
    /// cancelled midway (a digest claimed must be posted or released).
    async fn tick(&self, at: DateTime<Utc>) {
        use futures_util::StreamExt;
        futures_util::stream::iter(self.roster.guilds())
            .for_each_concurrent(GUILDS_AT_ONCE, |guild| {
                let span = tracing::info_span!("moderation", guild_id = guild.get());
                self.guild_tick(guild, at).instrument(span)
            })
            .await;
    }

    async fn guild_tick(&self, guild: GuildId, at: DateTime<Utc>) {
        let settings = match self.service.settings(guild).await {
            Ok(s) => s,
            Err(e) => {
                tracing::warn!(guild_id = guild.get(), error = %e, "moderation tick: cannot read the settings; next tick retries");
                return;
            }
        };
        // The `locale` setting may have changed in another process.
        self.locales.choose(guild.get(), &settings.locale);
        if let Err(e) = self.digest(guild, at).await {
            tracing::warn!(guild_id = guild.get(), error = %format!("{e:#}"), "decay-warning digest failed");
        }
        let period_roles = settings.board.week_role_id != 0 || settings.board.month_role_id != 0;
        if settings.roles.enabled || period_roles {
            if let Err(e) = self.roles(guild, &settings, at).await {
                tracing::warn!(guild_id = guild.get(), error = %format!("{e:#}"), "roles by standing failed");
            }
        }
        if settings.log.channel_id != 0 {
            if let Err(e) = self.log_lines(guild).await {
                tracing::warn!(guild_id = guild.get(), error = %format!("{e:#}"), "log channel failed");
            }
        }
        if settings.board.winners_channel_id != 0 {
            if let Err(e) = self.winners(guild, at).await {
                tracing::warn!(guild_id = guild.get(), error = %format!("{e:#}"), "winners post failed");
            }
        }
        if settings.board.channel_id != 0 {
            if let Err(e) = self.living_board(guild, at).await {
                tracing::warn!(guild_id = guild.get(), error = %format!("{e:#}"), "living leaderboard failed");
            }
        }
        if settings.forum.nudge_days > 0 {
            if let Err(e) = self.nudges(guild, at).await {
                tracing::warn!(guild_id = guild.get(), error = %format!("{e:#}"), "solution nudges failed");
            }
        }
    }

    // ----- period winners and the living leaderboard ------------------------------

    /// Post each ended week's and month's winners once (claimed in the
    /// database first; a post Discord refuses is released and retried).
    async fn winners(&self, guild: GuildId, at: DateTime<Utc>) -> anyhow::Result<()> {
        for w in self.service.take_winners(guild, at).await? {
            let sent = sy::ChannelId::new(w.channel_id)
                .send_message(
                    &*self.http,
                    sy::CreateMessage::new()
                        .embed(super::embeds::period_board(
                            &w.board,
                            true,
                            self.locales.guild_tr(guild.get()),
                        ))
                        .allowed_mentions(sy::CreateAllowedMentions::new()),
                )
                .await;
            if let Err(e) = sent {
                self.service.release_winners(guild, &w.key).await?;
                return Err(anyhow::Error::new(e).context("winners not posted; retried next tick"));
            }
            tracing::info!(guild_id = guild.get(), period = %w.key, "posted the period's winners");
        }
        Ok(())
    }

    /// Keep one leaderboard message up to date in `board.channel_id`: edit
    /// the stored message at most every `board.refresh_minutes`; post a new
    /// one when there is none (or it was deleted).
    async fn living_board(&self, guild: GuildId, at: DateTime<Utc>) -> anyhow::Result<()> {
        let Some(due) = self.service.board_due(guild, at).await? else {
            return Ok(());
        };
        let (embed, _) = super::embeds::standings(&due.page, self.locales.guild_tr(guild.get()));
        let channel = sy::ChannelId::new(due.channel_id);
        if let Some(m) = due.message_id {
            let edited = channel
                .edit_message(
                    &*self.http,
                    sy::MessageId::new(m),
                    sy::EditMessage::new().embed(embed.clone()),
                )
                .await;
            match edited {
                Ok(_) => {
                    self.service
                        .board_posted(guild, due.channel_id, m, at)
                        .await?;
                    return Ok(());
                }
                Err(sy::Error::Http(sy::HttpError::UnsuccessfulRequest(r)))
                    if r.status_code.as_u16() == 404 =>
                {
                    tracing::info!(
                        guild_id = guild.get(),
                        message = m,
                        "the living leaderboard was deleted; posting a new one"
                    );
                }
                Err(e) => {
                    return Err(anyhow::Error::new(e).context("living leaderboard not edited"))
                }
            }
        }
        let posted = channel
            .send_message(
                &*self.http,
                sy::CreateMessage::new()
                    .embed(embed)
                    .allowed_mentions(sy::CreateAllowedMentions::new()),
            )
            .await?;
        self.service
            .board_posted(guild, due.channel_id, posted.id.get(), at)
            .await?;
        Ok(())
    }

    // ----- nudges ---------------------------------------------------------------

    /// Ask the opener of each quiet, answered, unsolved post, once, whether
    /// it was solved and how to mark it. A post Discord refuses (deleted,
    /// locked) is skipped: it was claimed and is not asked again.
    async fn nudges(&self, guild: GuildId, at: DateTime<Utc>) -> anyhow::Result<()> {
        for c in self.service.take_nudges(guild, at).await? {
            let sent = sy::ChannelId::new(c.channel.get())
                .send_message(
                    &*self.http,
                    sy::CreateMessage::new()
                        .content(nudge_message(c.opener, self.locales.guild_tr(guild.get())))
                        .allowed_mentions(
                            sy::CreateAllowedMentions::new()
                                .users([sy::UserId::new(c.opener.get())]),
                        ),
                )
                .await;
            if let Err(e) = sent {
                tracing::info!(guild_id = guild.get(), thread = c.channel.get(), error = %e, "could not post a nudge");
            }
        }
        Ok(())
    }

    // ----- digest --------------------------------------------------------------

    async fn digest(&self, guild: GuildId, at: DateTime<Utc>) -> anyhow::Result<()> {
        let pending = self.service.digest_pending(guild, at).await?;
        let dms_now = pending.dm_subscribers && {
            let now = Instant::now();
            let mut checked = self.dm_checked.lock().unwrap_or_else(|e| e.into_inner());
            let stale = checked
                .get(&guild)
                .is_none_or(|t| now.duration_since(*t) >= DM_CHECK_EVERY);
            if stale {
                checked.insert(guild, now);
            }
            stale
        };
        if !pending.channel_due && !dms_now {
            return Ok(());
        }
        // Claims each crossing once (in the database) before anything is sent,
        // so two processes never both send it. A channel post Discord refuses
        // un-claims the digest (retried next tick, DMs included); a refused DM
        // is logged and not repeated (the channel has the warning).
        let view = self.service.take_digest(guild, at).await?;
        if let (true, Some(channel)) = (view.due, view.channel_id) {
            if let Some(text) = digest_message(&view, self.locales.guild_tr(guild.get())) {
                tracing::info!(
                    guild_id = guild.get(),
                    channel,
                    warnings = view.warnings.len(),
                    "posting the decay-warning digest"
                );
                if let Err(e) = self.post(channel, &text).await {
                    self.service.digest_not_sent(&view).await?;
                    return Err(e.context("digest not posted; retried next tick"));
                }
            }
        }
        // A DM answers no interaction: the server's language.
        let t = self.locales.guild_tr(guild.get());
        for w in view.warnings.iter().filter(|w| w.dm) {
            let user = sy::UserId::new(w.member_id.get());
            let sent = async {
                let dm = user.create_dm_channel(&*self.http).await?;
                dm.id
                    .send_message(
                        &*self.http,
                        sy::CreateMessage::new().content(warning_dm(w, t)),
                    )
                    .await
            }
            .await;
            match sent {
                Ok(_) => tracing::info!(
                    guild_id = guild.get(),
                    member = w.member_id.get(),
                    "decay warning sent by DM"
                ),
                // DMs closed (50007) and the like: the member asked, Discord
                // refused; the crossing stays announced (the channel has it).
                Err(e) => {
                    tracing::warn!(guild_id = guild.get(), member = w.member_id.get(), error = %e, "could not send the decay warning by DM")
                }
            }
        }
        Ok(())
    }

    // ----- roles -----------------------------------------------------------------

    /// Page the guild's members once per process (see [`super::roster`]).
    async fn seed(&self, guild: GuildId) {
        let now = Instant::now();
        if !self.roster.needs_seed(guild, now) {
            return;
        }
        let mut after = None;
        let mut seen = 0usize;
        let ok = loop {
            let page = self
                .http
                .get_guild_members(sy::GuildId::new(guild.get()), Some(MEMBER_PAGE), after)
                .await;
            match page {
                Ok(page) => {
                    let mut changed = Vec::new();
                    for m in &page {
                        let roles: Vec<u64> = m.roles.iter().map(|r| r.get()).collect();
                        if !m.user.bot
                            && self.roster.set_roles(
                                guild,
                                MemberId(m.user.id.get()),
                                roles.clone(),
                            )
                        {
                            changed.push((super::convert::member_person(m), roles));
                        }
                    }
                    // Stored for `exclude.roles` (best effort: events keep it current).
                    if let Err(e) = self
                        .service
                        .handle_member_roles(guild, &changed, Utc::now())
                        .await
                    {
                        tracing::warn!(guild_id = guild.get(), error = %e, "could not store member roles");
                    }
                    seen += page.len();
                    match page.last() {
                        Some(last) if page.len() as u64 == MEMBER_PAGE => {
                            after = Some(last.user.id.get())
                        }
                        _ => break true,
                    }
                }
                Err(e) => {
                    tracing::warn!(
                        guild_id = guild.get(),
                        error = %e,
                        "cannot list the server's members (is the Server Members Intent on?); \
                         roles follow the members seen in messages and member events meanwhile"
                    );
                    break false;
                }
            }
        };
        if ok {
            tracing::info!(
                guild_id = guild.get(),
                members = seen,
                "member roles loaded"
            );
        }
        self.roster.seed_done(guild, ok, now);
    }

    async fn roles(&self, guild: GuildId, s: &Settings, at: DateTime<Utc>) -> anyhow::Result<()> {
        let tier_roles = s.roles.enabled && s.roles.by_tier.values().any(|r| *r != 0);
        if !tier_roles && s.board.week_role_id == 0 && s.board.month_role_id == 0 {
            return Ok(());
        }
        self.seed(guild).await;
        let members = self.roster.members(guild);
        let plan = self.service.role_plan(guild, &members, at).await?;
        // Roles found unmanageable during this tick: not tried again for
        // other members either.
        let mut blocked: HashSet<RoleId> = plan.blocked.iter().map(|b| b.0).collect();
        let g = sy::GuildId::new(guild.get());
        for change in &plan.changes {
            let user = sy::UserId::new(change.member_id.get());
            let steps = change
                .add
                .iter()
                .map(|r| (*r, true))
                .chain(change.remove.iter().map(|r| (*r, false)));
            // Shown in the server's audit log, in the server's language.
            let audit = self.locales.guild_tr(guild.get()).s("audit-roles");
            for (role, add) in steps {
                if blocked.contains(&role) {
                    continue;
                }
                let rid = sy::RoleId::new(role);
                let result = if add {
                    self.http.add_member_role(g, user, rid, Some(&audit)).await
                } else {
                    self.http
                        .remove_member_role(g, user, rid, Some(&audit))
                        .await
                };
                match result {
                    Ok(()) => {
                        tracing::info!(
                            guild_id = guild.get(),
                            member = change.member_id.get(),
                            role,
                            add,
                            "tier role updated"
                        );
                        self.roster.role_changed(guild, change.member_id, role, add);
                    }
                    Err(e) => match RoleTrouble::of(&e) {
                        Some(trouble) => {
                            blocked.insert(role);
                            self.report_role_problem(guild, s, role, trouble, at)
                                .await?;
                        }
                        None if is_unknown_member(&e) => {
                            self.roster.remove_member(guild, change.member_id);
                        }
                        // Network or server trouble: the next tick plans again.
                        None => tracing::warn!(
                            guild_id = guild.get(),
                            member = change.member_id.get(),
                            role,
                            error = %e,
                            "role change failed; retried next tick"
                        ),
                    },
                }
            }
        }
        Ok(())
    }

    async fn report_role_problem(
        &self,
        guild: GuildId,
        s: &Settings,
        role: RoleId,
        trouble: RoleTrouble,
        at: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        let first = self
            .service
            .role_problem(guild, role, trouble.problem(), at)
            .await?;
        if !first {
            return Ok(());
        }
        let tier = s
            .roles
            .by_tier
            .iter()
            .find(|(_, r)| **r == role)
            .map(|(t, _)| t.as_str());
        let text = role_problem_message(role, tier, trouble, Tr(Lang::En));
        tracing::warn!(
            guild_id = guild.get(),
            role,
            problem = trouble.problem(),
            "{text}"
        );
        let channel = [s.log.channel_id, s.digest.channel_id]
            .into_iter()
            .find(|c| *c != 0);
        match channel {
            // The moderators read it in the server's language.
            Some(c) => {
                let t = self.locales.guild_tr(guild.get());
                self.post(c, &role_problem_message(role, tier, trouble, t))
                    .await?
            }
            None => tracing::warn!(
                guild_id = guild.get(),
                "no log or digest channel is set: the role problem is only in this log"
            ),
        }
        Ok(())
    }

    // ----- log channel --------------------------------------------------------------

    async fn log_lines(&self, guild: GuildId) -> anyhow::Result<()> {
        for _ in 0..LOG_BATCHES_PER_TICK {
            let Some((channel, lines)) = self
                .service
                .pending_log_lines(guild, LOG_BATCH, self.locales.guild_lang(guild.get()))
                .await?
            else {
                return Ok(());
            };
            let n = lines.len();
            let chunks = chunk_keyed_lines(
                lines.into_iter().map(|l| (l.text, l.entry_id)),
                MESSAGE_LIMIT,
            );
            for (text, last_entry) in chunks {
                if !text.trim().is_empty() {
                    // Not marked posted: the same lines are tried again next tick.
                    if let Err(e) = self.post(channel, &text).await {
                        tracing::warn!(guild_id = guild.get(), channel, error = %format!("{e:#}"), "log lines not posted; retried next tick");
                        return Ok(());
                    }
                }
                self.service.log_lines_posted(guild, last_entry).await?;
            }
            if n < LOG_BATCH as usize {
                break;
            }
        }
        Ok(())
    }

    /// Post `text` (split at line ends to fit Discord's limit) without pinging
    /// anyone: mentions show names only.
    async fn post(&self, channel: u64, text: &str) -> anyhow::Result<()> {
        for part in chunk_lines(text.lines().map(str::to_string), MESSAGE_LIMIT) {
            sy::ChannelId::new(channel)
                .send_message(
                    &*self.http,
                    sy::CreateMessage::new()
                        .content(part)
                        .allowed_mentions(sy::CreateAllowedMentions::new()),
                )
                .await?;
        }
        Ok(())
    }
}

/// The one message a nudge posts in a quiet, answered, unsolved post, in
/// the server's language `t`.
pub fn nudge_message(opener: MemberId, t: Tr) -> String {
    t.a("nudge", &[("opener", opener.to_string().into())])
}

/// Lines packed into messages of at most `limit` bytes, joined by newlines; a
/// single longer line is cut (with an ellipsis).
pub fn chunk_lines(lines: impl IntoIterator<Item = String>, limit: usize) -> Vec<String> {
    chunk_keyed_lines(lines.into_iter().map(|l| (l, ())), limit)
        .into_iter()
        .map(|(text, ())| text)
        .filter(|text| !text.trim().is_empty())
        .collect()
}

/// [`chunk_lines`] for lines that carry a key (a ledger entry id): each chunk
/// comes with the key of its last line, so what was posted can be marked.
/// Blank chunks are kept (their keys must be marked too).
pub fn chunk_keyed_lines<K: Copy>(
    lines: impl IntoIterator<Item = (String, K)>,
    limit: usize,
) -> Vec<(String, K)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut last: Option<K> = None;
    for (line, key) in lines {
        let line = if line.len() > limit {
            // `truncate` counts the ellipsis (3 bytes) as one.
            super::embeds::truncate(&line, limit.saturating_sub(2))
        } else {
            line
        };
        if let Some(k) = last {
            if cur.len() + 1 + line.len() > limit {
                out.push((std::mem::take(&mut cur), k));
            } else {
                cur.push('\n');
            }
        }
        cur.push_str(&line);
        last = Some(key);
    }
    if let Some(k) = last {
        out.push((cur, k));
    }
    out
}

/// Why Discord refused a role change, when a moderator must act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleTrouble {
    /// 403 code 50013: no Manage Roles, or the role is above the bot's.
    MissingPermissions,
    /// 403 code 50001: the bot cannot reach the server's roles.
    MissingAccess,
    /// 404 code 10011: the role was deleted.
    UnknownRole,
}

impl RoleTrouble {
    /// Classify a serenity error; None for errors a later tick may not hit
    /// (network, 5xx, unknown member).
    pub fn of(e: &sy::Error) -> Option<RoleTrouble> {
        let (status, code) = discord_error(e)?;
        match (status, code) {
            (_, 10011) => Some(RoleTrouble::UnknownRole),
            (_, 50001) => Some(RoleTrouble::MissingAccess),
            (_, 50013) | (403, _) => Some(RoleTrouble::MissingPermissions),
            _ => None,
        }
    }

    /// Short problem text recorded with the role.
    pub fn problem(self) -> &'static str {
        match self {
            RoleTrouble::MissingPermissions => "403 Missing Permissions (code 50013)",
            RoleTrouble::MissingAccess => "403 Missing Access (code 50001)",
            RoleTrouble::UnknownRole => "404 Unknown Role (code 10011)",
        }
    }
}

fn discord_error(e: &sy::Error) -> Option<(u16, isize)> {
    match e {
        sy::Error::Http(sy::HttpError::UnsuccessfulRequest(r)) => {
            Some((r.status_code.as_u16(), r.error.code))
        }
        _ => None,
    }
}

fn is_unknown_member(e: &sy::Error) -> bool {
    discord_error(e).is_some_and(|(_, code)| code == 10007)
}

/// The one message moderators get about a role the bot cannot manage: which
/// role, what is wrong, how to fix it and how to make the bot try again; in
/// the language `t` (Discord's own error text stays as Discord wrote it).
pub fn role_problem_message(
    role: RoleId,
    tier: Option<&str>,
    trouble: RoleTrouble,
    t: Tr,
) -> String {
    let which = match tier {
        Some(name) => t.a(
            "role-which-tier",
            &[("tier", name.into()), ("role", role.to_string().into())],
        ),
        None => t.a("role-which", &[("role", role.to_string().into())]),
    };
    let id = match trouble {
        RoleTrouble::MissingPermissions => "role-missing-permissions",
        RoleTrouble::MissingAccess => "role-missing-access",
        RoleTrouble::UnknownRole => "role-unknown",
    };
    t.a(
        id,
        &[
            ("which", which.into()),
            ("problem", trouble.problem().into()),
            ("key", tier.unwrap_or("TIER").into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_packed_under_the_limit() {
        let lines: Vec<String> = (0..100)
            .map(|i| format!("line {i:03} {}", "x".repeat(40)))
            .collect();
        let parts = chunk_lines(lines.clone(), 200);
        assert!(parts.iter().all(|p| p.len() <= 200), "{parts:?}");
        assert!(parts.len() > 1 && parts.len() < 100, "several per message");
        assert_eq!(
            parts.join("\n"),
            lines.join("\n"),
            "nothing lost or reordered"
        );
        let long = chunk_lines(vec!["y".repeat(500)], 200);
        assert_eq!(long.len(), 1);
        assert!(long[0].len() <= 200);
        assert!(chunk_lines(Vec::<String>::new(), 200).is_empty());
    }

    #[test]
    fn the_role_message_says_what_and_how() {
        let m = role_problem_message(
            42,
            Some("Trusted"),
            RoleTrouble::MissingPermissions,
            Tr(Lang::En),
        );
        assert!(m.contains("<@&42>") && m.contains("Trusted"), "{m}");
        assert!(
            m.contains("Manage Roles") && m.contains("/config set roles.enabled true"),
            "{m}"
        );
        let m = role_problem_message(42, Some("Trusted"), RoleTrouble::UnknownRole, Tr(Lang::En));
        assert!(m.contains("/config set roles.by_tier.Trusted"), "{m}");
        let m = role_problem_message(42, Some("Trusted"), RoleTrouble::UnknownRole, Tr(Lang::De));
        assert!(
            m.contains("<@&42>") && m.contains("roles.by_tier.Trusted") && m.contains("Rolle"),
            "{m}"
        );
    }
}

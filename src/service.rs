//! The application services: one front for everything the bot and the CLI do.
//! Discord commands and terminal views are thin adapters over these calls; the
//! gateway events and the importer go through the same pipeline.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::capital::message::{ChannelId, GuildId, MemberId, MessageId, MessageIn, ReactionIn};
use crate::capital::signal::EntryKind;

/// Errors a member, moderator or operator can act on.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The database cannot be reached right now (outage, restart).
    #[error("the ledger database is unavailable right now; try again shortly")]
    Unavailable(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("unknown member {0:?} in this server (give an id, a name, or a mention)")]
    UnknownMember(String),
    #[error("unknown guild {0:?}; the database holds: {1}")]
    UnknownGuild(String, String),
    #[error("{0}")]
    Invalid(String),
    /// A command option with a bad value: names the option and the fix.
    #[error(transparent)]
    BadOption(#[from] crate::options::OptionError),
}

/// One member's figures at a moment (`/balance`, `goodwill balance`).
#[derive(Debug, Clone, Serialize)]
pub struct BalanceView {
    pub guild_id: GuildId,
    pub member_id: MemberId,
    pub member_name: String,
    pub at: DateTime<Utc>,
    /// Fast-decaying balance (default half-life 30 days).
    pub recent: f64,
    /// Slow-decaying reputation (default half-life 365 days).
    pub lasting: f64,
    /// The blend of the two that tiers are measured on.
    pub standing: f64,
    pub tier: String,
    /// Lower bound of the current tier.
    pub tier_floor: f64,
    /// Next tier up and the standing it needs.
    pub next_tier: Option<String>,
    pub next_tier_at: Option<f64>,
    /// Standing now minus standing 7 days ago.
    pub trend_7d: f64,
    /// When standing falls below `tier_floor` if nothing more is deposited.
    pub decay_date: Option<DateTime<Utc>>,
    /// What would keep the tier (e.g. "about 2 thanks before 2026-03-01").
    pub decay_advice: Option<String>,
    /// How many ordinary asks before standing goes below zero.
    pub headroom: u32,
    /// 1-based rank by standing, if ranked.
    pub rank: Option<u64>,
    pub entries: u64,
    pub opted_out: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct StandingRow {
    pub rank: u64,
    pub member_id: MemberId,
    pub member_name: String,
    pub standing: f64,
    pub recent: f64,
    pub lasting: f64,
    pub tier: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StandingsPage {
    pub guild_id: GuildId,
    pub at: DateTime<Utc>,
    /// 1-based.
    pub page: u32,
    pub pages: u32,
    pub per_page: u32,
    pub total_members: u64,
    pub rows: Vec<StandingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    pub entry_id: i64,
    pub at: DateTime<Utc>,
    pub kind: EntryKind,
    pub amount: f64,
    pub counterpart_id: Option<MemberId>,
    pub counterpart_name: Option<String>,
    pub reason: String,
    pub channel_id: Option<ChannelId>,
    pub message_id: Option<MessageId>,
    /// https://discord.com/channels/{guild}/{channel}/{message}
    pub jump_url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryPage {
    pub guild_id: GuildId,
    pub member_id: MemberId,
    pub member_name: String,
    pub rows: Vec<HistoryRow>,
}

pub use crate::capital::classify::Category;

#[derive(Debug, Clone, Serialize)]
pub struct ReportMember {
    pub member_id: MemberId,
    pub member_name: String,
    pub category: Category,
    /// Sum of deposits in the window.
    pub earned: f64,
    /// Sum of withdrawals in the window (positive number).
    pub spent: f64,
    pub deposits: u64,
    pub withdrawals: u64,
    pub helpful_replies: u64,
    pub standing: f64,
    pub tier: String,
    /// Standing change over the window.
    pub change: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AtRisk {
    pub member_id: MemberId,
    pub member_name: String,
    pub tier: String,
    pub standing: f64,
    pub tier_floor: f64,
    pub falls_on: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    pub guild_id: GuildId,
    pub at: DateTime<Utc>,
    pub window_days: u32,
    /// Every member active in the window, with their category.
    pub members: Vec<ReportMember>,
    pub givers: Vec<ReportMember>,
    pub takers: Vec<ReportMember>,
    pub matchers: Vec<ReportMember>,
    pub quiet: Vec<ReportMember>,
    /// Members whose standing falls a tier within the at-risk horizon (7 days).
    pub at_risk: Vec<AtRisk>,
    pub risers: Vec<ReportMember>,
    pub fallers: Vec<ReportMember>,
    pub top_helpers: Vec<ReportMember>,
    /// The community's total standing over the window (sums over members),
    /// exact from the ledger: daily points (coarser for windows over 400 days).
    pub trend: Vec<TrendPoint>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub at: DateTime<Utc>,
    pub recent: f64,
    pub lasting: f64,
    pub standing: f64,
}

/// What happened to a `/kudos`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum KudosOutcome {
    Given {
        amount: f64,
        remaining_today: u32,
    },
    /// The giver has used today's kudos.
    CapReached {
        cap: u32,
        resets_at: DateTime<Utc>,
    },
    SelfKudos,
    ToBot,
    /// The giver or the receiver opted out of tracking.
    OptedOut,
    /// The same kudos (same interaction) was already recorded.
    AlreadyRecorded,
}

use std::sync::Arc;

use chrono::Duration;

use crate::capital::classify::{classify, Thresholds};
use crate::capital::decay::{projected_fall, Scales};
use crate::capital::message::Person;
use crate::capital::score::{Decision, EntryDraft};
use crate::capital::settings::Settings;
use crate::capital::standing::{headroom, tier_floor, tier_of};
use crate::pipeline::{GuildRuntime, Pipeline};
use crate::store::{is_unavailable, Batch, GuildRow, MessageRow, Store};

impl ServiceError {
    fn db(e: sqlx::Error) -> ServiceError {
        if is_unavailable(&e) {
            ServiceError::Unavailable(e)
        } else {
            ServiceError::Database(e)
        }
    }
}

type R<T> = Result<T, ServiceError>;

/// The application: the pipeline, the store and the views, behind one cheap handle.
#[derive(Clone)]
pub struct Goodwill {
    inner: Arc<Pipeline>,
}

impl Goodwill {
    pub fn new(store: Store, base: toml::Value) -> Self {
        Goodwill {
            inner: Arc::new(Pipeline::new(store, base)),
        }
    }

    pub fn pipeline(&self) -> &Pipeline {
        &self.inner
    }

    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    async fn guild_row(&self, guild: GuildId) -> R<GuildRow> {
        match self.store().guild(guild).await.map_err(ServiceError::db)? {
            Some(g) => Ok(g),
            None => {
                let all = self.store().guilds().await.map_err(ServiceError::db)?;
                let list = if all.is_empty() {
                    "no guilds yet (import a history or run the bot)".to_string()
                } else {
                    all.iter()
                        .map(|g| format!("{} ({})", g.guild_id, g.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                Err(ServiceError::UnknownGuild(guild.to_string(), list))
            }
        }
    }

    /// Effective settings of a guild.
    pub async fn settings(&self, guild: GuildId) -> R<Settings> {
        let row = self.store().guild(guild).await.map_err(ServiceError::db)?;
        match row {
            Some(r) => crate::pipeline::settings_for(&self.inner.base, &r.settings)
                .map_err(|e| ServiceError::Invalid(e.to_string())),
            None => Ok(self.inner.base_settings()),
        }
    }

    /// Resolve the one guild to show when none is named.
    pub async fn only_guild(&self) -> R<GuildId> {
        let all = self.store().guilds().await.map_err(ServiceError::db)?;
        match all.as_slice() {
            [g] => Ok(g.guild_id),
            [] => Err(ServiceError::Invalid(
                "the database holds no guild yet: import a history first".into(),
            )),
            many => Err(ServiceError::Invalid(format!(
                "the database holds several guilds, choose one with --guild: {}",
                many.iter()
                    .map(|g| format!("{} ({})", g.guild_id, g.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Resolve a guild given by id or name.
    pub async fn resolve_guild(&self, q: Option<&str>) -> R<GuildId> {
        let Some(q) = q else {
            return self.only_guild().await;
        };
        let all = self.store().guilds().await.map_err(ServiceError::db)?;
        let found: Vec<&GuildRow> = all
            .iter()
            .filter(|g| g.guild_id.to_string() == q || g.name.eq_ignore_ascii_case(q))
            .collect();
        match found.as_slice() {
            [g] => Ok(g.guild_id),
            _ => Err(ServiceError::UnknownGuild(
                q.to_string(),
                all.iter()
                    .map(|g| format!("{} ({})", g.guild_id, g.name))
                    .collect::<Vec<_>>()
                    .join(", "),
            )),
        }
    }

    /// Resolve a member given by id, mention or name.
    pub async fn resolve_member(&self, guild: GuildId, q: &str) -> R<MemberId> {
        let q = &crate::options::member_query(q)?;
        let found = self
            .store()
            .find_members(guild, q, 10)
            .await
            .map_err(ServiceError::db)?;
        match found.as_slice() {
            [(id, _)] => Ok(*id),
            [] => Err(ServiceError::UnknownMember(crate::options::quote(q))),
            many => Err(ServiceError::Invalid(format!(
                "{} matches several members: {}; give an id",
                crate::options::quote(q),
                many.iter()
                    .map(|(id, n)| format!("{n} ({id})"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    pub async fn search_members(
        &self,
        guild: GuildId,
        prefix: &str,
        limit: u32,
    ) -> R<Vec<(MemberId, String)>> {
        let prefix = &crate::options::member_query(prefix)?;
        self.store()
            .find_members(guild, prefix, limit)
            .await
            .map_err(ServiceError::db)
    }

    // ----- events -------------------------------------------------------------

    pub async fn upsert_guild(&self, guild: GuildId, name: &str) -> R<()> {
        let s = self.inner.base_settings();
        self.store()
            .ensure_guild(guild, name, &Scales::from(&s.decay), Utc::now())
            .await
            .map_err(ServiceError::db)?;
        Ok(())
    }

    async fn write(&self, rt: &GuildRuntime, batch: &Batch) -> R<u64> {
        match self
            .store()
            .write_batch(&rt.row, batch, rt.settings.decay.rebase_after_half_lives)
            .await
        {
            Ok(o) => Ok(o.entries_new),
            Err(e) => {
                // Memory may now be ahead of the store: rebuild it next time.
                self.inner.forget(rt.row.guild_id);
                Err(ServiceError::db(e))
            }
        }
    }

    pub async fn handle_message(&self, msg: MessageIn) -> R<()> {
        let span = tracing::debug_span!(
            "message",
            guild_id = msg.guild_id,
            member_id = msg.author.id,
            message_id = msg.id
        );
        let _e = span.enter();
        let rt = self
            .inner
            .runtime(msg.guild_id, "", msg.at)
            .await
            .map_err(ServiceError::db)?;
        let mut rt = rt.lock().await;
        if !self
            .store()
            .known_messages(msg.guild_id, &[msg.id])
            .await
            .map_err(ServiceError::db)?
            .is_empty()
        {
            return Ok(()); // delivered again (reconnect, resume): already processed
        }
        // The replied-to message from the store when the channel memory does
        // not have it, or will drop it as too old before this message is
        // read (else a reply 30+ minutes later would lose its link, unlike
        // the same reply after a restart, when the memory starts empty).
        let window = rt.settings.detect.context_window();
        let replied = match msg.reply_to {
            Some(r)
                if rt
                    .state
                    .recent(msg.channel_id, r)
                    .is_none_or(|m| msg.at - m.at > window) =>
            {
                self.store()
                    .stored_message(msg.guild_id, r)
                    .await
                    .map_err(ServiceError::db)?
                    .map(|x| x.1)
            }
            _ => None,
        };
        let settings = rt.settings.clone();
        let processed = rt.state.process_message(&msg, replied, &settings);
        let mut batch = Batch::default();
        batch
            .channels
            .push((msg.channel_id, msg.channel_name.clone()));
        batch.members.push((msg.author.clone(), msg.at));
        batch
            .members
            .extend(msg.mentions.iter().map(|p| (p.clone(), msg.at)));
        if let Some(r) = &processed.remembered {
            // Nothing is kept of an opted-out member's messages.
            if !rt.state.memory.opted_out.contains(&msg.author.id) {
                batch
                    .messages
                    .push(MessageRow::from_recent(msg.channel_id, r));
            }
        }
        batch.entries = entries(&processed.decisions);
        self.write(&rt, &batch).await?;
        Ok(())
    }

    /// An edited message: when what it credits or costs changed, the old
    /// entries are reversed and the new ones written.
    pub async fn handle_message_update(&self, msg: MessageIn) -> R<()> {
        let rt = self
            .inner
            .runtime(msg.guild_id, "", msg.at)
            .await
            .map_err(ServiceError::db)?;
        let mut rt = rt.lock().await;
        let Some((channel, _)) = self
            .store()
            .stored_message(msg.guild_id, msg.id)
            .await
            .map_err(ServiceError::db)?
        else {
            drop(rt);
            return self.handle_message(msg).await;
        };
        let settings = rt.settings.clone();
        // Evaluate the new text against a copy of the memory.
        let mut scratch = rt.state.clone();
        if let Some(ctx) = scratch.channels.get_mut(&channel) {
            ctx.messages.retain(|m| m.id != msg.id);
        }
        let processed = scratch.process_message(&msg, None, &settings);
        let new_entries = entries(&processed.decisions);
        let old = self
            .store()
            .reversals_for(
                msg.guild_id,
                msg.id,
                Some(&format!("m:{}", msg.id)),
                "message edited",
            )
            .await
            .map_err(ServiceError::db)?;
        let sig = |kind: &str, m: u64, amount: f64| format!("{kind}:{m}:{:.6}", amount.abs());
        let mut old_set: Vec<String> = old
            .iter()
            .map(|e| {
                sig(
                    e.reason
                        .split('(')
                        .nth(1)
                        .unwrap_or("")
                        .split(')')
                        .next()
                        .unwrap_or(""),
                    e.member,
                    e.amount,
                )
            })
            .collect();
        let mut new_set: Vec<String> = new_entries
            .iter()
            .map(|e| sig(e.kind.as_str(), e.member, e.amount))
            .collect();
        old_set.sort();
        new_set.sort();
        if old_set == new_set {
            return Ok(());
        }
        let edit_tag = format!("m:{}@{}", msg.id, msg.at.timestamp_millis());
        // The reversals are not in the scratch memory (its scoring recorded the new entries).
        for e in &old {
            scratch.memory.record(e, &settings);
        }
        let mut batch = Batch {
            entries: old,
            ..Default::default()
        };
        for mut e in new_entries {
            e.idem_key = e.idem_key.replacen(&format!("m:{}", msg.id), &edit_tag, 1);
            batch.entries.push(e);
        }
        if let Some(r) = &processed.remembered {
            let mut row = MessageRow::from_recent(channel, r);
            row.channel_id = channel;
            batch.messages.push(row);
        }
        rt.state = scratch;
        self.write(&rt, &batch).await?;
        Ok(())
    }

    pub async fn handle_message_delete(
        &self,
        guild: GuildId,
        _channel: ChannelId,
        ids: &[MessageId],
        at: DateTime<Utc>,
    ) -> R<()> {
        let rt = self
            .inner
            .runtime(guild, "", at)
            .await
            .map_err(ServiceError::db)?;
        let mut rt = rt.lock().await;
        let mut batch = Batch::default();
        for id in ids {
            let why = format!("message deleted at {}", at.format("%Y-%m-%d %H:%M UTC"));
            batch.entries.extend(
                self.store()
                    .reversals_for(guild, *id, None, &why)
                    .await
                    .map_err(ServiceError::db)?,
            );
        }
        self.write(&rt, &batch).await?;
        remember(&mut rt, &batch);
        self.store()
            .mark_deleted(guild, ids, at)
            .await
            .map_err(ServiceError::db)?;
        Ok(())
    }

    pub async fn handle_reaction(&self, r: ReactionIn) -> R<()> {
        let rt = self
            .inner
            .runtime(r.guild_id, "", r.at)
            .await
            .map_err(ServiceError::db)?;
        let mut rt = rt.lock().await;
        let prefix = format!("r:{}:{}:{}", r.message_id, r.user.id, r.emoji);
        if !r.added {
            let batch = Batch {
                entries: self
                    .store()
                    .reversals_for(r.guild_id, r.message_id, Some(&prefix), "reaction removed")
                    .await
                    .map_err(ServiceError::db)?,
                ..Default::default()
            };
            self.write(&rt, &batch).await?;
            remember(&mut rt, &batch);
            return Ok(());
        }
        let target = match rt.state.recent(r.channel_id, r.message_id).cloned() {
            Some(t) => Some(t),
            None => self
                .store()
                .stored_message(r.guild_id, r.message_id)
                .await
                .map_err(ServiceError::db)?
                .map(|x| x.1),
        };
        let Some(target) = target else {
            return Ok(()); // a message we never saw (before the bot joined): nothing to credit
        };
        let settings = rt.settings.clone();
        let processed = rt.state.process_reaction(&r, &target, &settings);
        let batch = Batch {
            members: vec![(r.user.clone(), r.at)],
            entries: entries(&processed.decisions),
            ..Default::default()
        };
        self.write(&rt, &batch).await?;
        Ok(())
    }

    pub async fn handle_member_join(
        &self,
        guild: GuildId,
        member: &Person,
        at: DateTime<Utc>,
    ) -> R<()> {
        let rt = self
            .inner
            .runtime(guild, "", at)
            .await
            .map_err(ServiceError::db)?;
        let rt = rt.lock().await;
        let batch = Batch {
            members: vec![(member.clone(), at)],
            ..Default::default()
        };
        self.write(&rt, &batch).await?;
        Ok(())
    }

    pub async fn handle_member_leave(
        &self,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> R<()> {
        sqlx::query("UPDATE members SET left_at = $3 WHERE guild_id = $1 AND member_id = $2")
            .bind(guild as i64)
            .bind(member as i64)
            .bind(at)
            .execute(&self.store().pool)
            .await
            .map_err(ServiceError::db)?;
        Ok(())
    }

    /// Delete the data of members who left more than `members.leave_cleanup_days`
    /// ago and did not come back (a background job of the bot; `goodwill cleanup`).
    /// Returns the members forgotten.
    pub async fn cleanup_departed(&self, at: DateTime<Utc>) -> R<Vec<(GuildId, MemberId)>> {
        let mut done = Vec::new();
        for g in self.store().guilds().await.map_err(ServiceError::db)? {
            let s = self.settings(g.guild_id).await?;
            let before = at - Duration::days(s.members.leave_cleanup_days as i64);
            let rows: Vec<(i64,)> = sqlx::query_as(
                "SELECT member_id FROM members WHERE guild_id = $1 AND left_at IS NOT NULL AND left_at <= $2",
            )
            .bind(g.guild_id as i64)
            .bind(before)
            .fetch_all(&self.store().pool)
            .await
            .map_err(ServiceError::db)?;
            for (m,) in rows {
                self.store()
                    .forget_member(g.guild_id, m as u64, false)
                    .await
                    .map_err(ServiceError::db)?;
                tracing::info!(
                    guild_id = g.guild_id,
                    member_id = m,
                    "forgot a member who left"
                );
                done.push((g.guild_id, m as u64));
            }
            if !done.is_empty() {
                self.inner.forget(g.guild_id);
            }
        }
        Ok(done)
    }

    // ----- member commands ------------------------------------------------------

    /// Exact recent and lasting balances at `at`: from the accumulators (one row)
    /// when `at` is after the member's last entry, else from the ledger.
    pub async fn balance(
        &self,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> R<BalanceView> {
        // One round trip: guild row, accumulators, name, opt-out, rank and the
        // member's entries of the last 7 days (enough for the trend and the
        // escalation window of asks; the balance is exact at any `at`).
        let week_ago = at - Duration::days(7);
        let Some(snap) = self
            .store()
            .balance_snapshot(guild, member, week_ago)
            .await
            .map_err(ServiceError::db)?
        else {
            // Unknown guild: the error lists the known ones.
            self.guild_row(guild).await?;
            return Err(ServiceError::Invalid(format!("unknown guild {guild}")));
        };
        let g = &snap.guild;
        let s = self
            .inner
            .cached_settings(guild, &g.settings)
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let scales = g.scales;
        let (recent, lasting, entries) = snap.values_at(at);
        let standing = scales.standing(recent, lasting);
        let (r7, l7, _) = snap.values_at(week_ago);
        let (idx, tier) = tier_of(&s.tiers, standing);
        let floor = tier_floor(&s.tiers, idx);
        let decay_date = if floor.is_finite() {
            projected_fall(recent, lasting, floor, &scales, at)
        } else {
            None
        };
        let decay_advice = decay_date.map(|d| {
            let need = (floor
                - scales.standing(
                    recent
                        * crate::capital::decay::growth(
                            -crate::capital::decay::days_between(at, d),
                            scales.recent_half_life,
                        ),
                    lasting
                        * crate::capital::decay::growth(
                            -crate::capital::decay::days_between(at, d),
                            scales.lasting_half_life,
                        ),
                ))
            .max(0.0);
            let thanks = ((floor * 0.02 + need.max(0.1)) / s.scoring.thanks)
                .ceil()
                .max(1.0);
            format!(
                "stays {} with about {} more thanks received before {}",
                tier.name,
                thanks,
                d.format("%Y-%m-%d")
            )
        });
        let next = s.tiers.get(idx + 1);
        let ask_from = at - Duration::hours(s.scoring.escalation_window_hours as i64);
        let asks = if ask_from >= week_ago {
            snap.asks_between(ask_from, at)
        } else {
            // An escalation window longer than the snapshot's week: ask the ledger.
            self.store()
                .asks_since(guild, member, ask_from, at)
                .await
                .map_err(ServiceError::db)?
        };
        Ok(BalanceView {
            guild_id: guild,
            member_id: member,
            member_name: snap.name.clone().unwrap_or_else(|| member.to_string()),
            at,
            recent,
            lasting,
            standing,
            tier: tier.name.clone(),
            tier_floor: if floor.is_finite() { floor } else { 0.0 },
            next_tier: next.map(|t| t.name.clone()),
            next_tier_at: next.map(|t| t.floor),
            trend_7d: standing - scales.standing(r7, l7),
            decay_date,
            decay_advice,
            headroom: headroom(standing, asks, &s.scoring),
            rank: if entries > 0 { snap.rank } else { None },
            entries,
            opted_out: snap.opted_out,
        })
    }

    /// Every member's exact (recent, lasting) at `at`.
    async fn all_at(
        &self,
        g: &GuildRow,
        s: &Settings,
        at: DateTime<Utc>,
    ) -> R<Vec<(MemberId, f64, f64)>> {
        let rows = self
            .store()
            .all_balances(g.guild_id)
            .await
            .map_err(ServiceError::db)?;
        if rows.iter().all(|b| b.last_at <= at) {
            return Ok(rows
                .iter()
                .map(|b| {
                    let (r, l) = b.acc.values_at(g.ref_time, at, &g.scales);
                    (b.member_id, r, l)
                })
                .collect());
        }
        let v = self
            .store()
            .balances_as_of(g.guild_id, at, &Scales::from(&s.decay), None)
            .await
            .map_err(ServiceError::db)?;
        Ok(v.into_iter()
            .map(|a| (a.member_id, a.recent, a.lasting))
            .collect())
    }

    /// The leaderboard. Near the stored keys' time it is an index scan (keys are
    /// refreshed once they are older than `decay.standings_refresh_hours`); for
    /// any other moment it is computed exactly for every member.
    pub async fn standings(
        &self,
        guild: GuildId,
        page: u32,
        at: DateTime<Utc>,
    ) -> R<StandingsPage> {
        let page = page.max(1);
        let near_now = |g: &GuildRow, s: &Settings| {
            let refresh =
                Duration::milliseconds((s.decay.standings_refresh_hours * 3_600_000.0) as i64);
            (
                (Utc::now() - at).abs() < refresh,
                at - g.standings_at > refresh,
            )
        };
        let per_page = self.inner.base_parsed_page_size();
        let offset = (page as u64 - 1) * per_page as u64;
        // The common case, one round trip: the page by the stored key, names, count.
        let snap = self
            .store()
            .standings_page(guild, offset, per_page as u64)
            .await
            .map_err(ServiceError::db)?;
        let Some(snap) = snap else {
            self.guild_row(guild).await?;
            return Err(ServiceError::Invalid(format!("unknown guild {guild}")));
        };
        let s = self
            .inner
            .cached_settings(guild, &snap.guild.settings)
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let (now, stale) = near_now(&snap.guild, &s);
        let (g, total, mut rows, per_page, offset, names): PageParts =
            if now && !stale && s.report.page_size == per_page {
                let g = snap.guild;
                let rows = snap
                    .rows
                    .iter()
                    .map(|(b, _)| {
                        let (r, l) = b.acc.values_at(g.ref_time, at.max(b.last_at), &g.scales);
                        (b.member_id, r, l)
                    })
                    .collect();
                let names = snap
                    .rows
                    .into_iter()
                    .map(|(b, n)| (b.member_id, n))
                    .collect();
                (g, snap.total, rows, per_page, offset, names)
            } else {
                let per_page = s.report.page_size;
                let offset = (page as u64 - 1) * per_page as u64;
                let mut g = snap.guild;
                let total = snap.total;
                let rows: Vec<(MemberId, f64, f64)> = if now {
                    if stale {
                        g = self
                            .store()
                            .refresh_standings(guild, at)
                            .await
                            .map_err(ServiceError::db)?;
                    }
                    self.store()
                        .standings_by_key(guild, offset, per_page as u64)
                        .await
                        .map_err(ServiceError::db)?
                        .into_iter()
                        .map(|b| {
                            let (r, l) = b.acc.values_at(g.ref_time, at.max(b.last_at), &g.scales);
                            (b.member_id, r, l)
                        })
                        .collect()
                } else {
                    let mut all = self.all_at(&g, &s, at).await?;
                    sort_by_standing(&mut all, &g.scales);
                    all.into_iter()
                        .skip(offset as usize)
                        .take(per_page as usize)
                        .collect()
                };
                let ids: Vec<MemberId> = rows.iter().map(|r| r.0).collect();
                let names = self
                    .store()
                    .member_names(guild, &ids)
                    .await
                    .map_err(ServiceError::db)?;
                (g, total, rows, per_page, offset, names)
            };
        let pages = (total.div_ceil(per_page as u64)).max(1) as u32;
        sort_by_standing(&mut rows, &g.scales);
        Ok(StandingsPage {
            guild_id: guild,
            at,
            page,
            pages,
            per_page,
            total_members: total,
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, (m, r, l))| {
                    let st = g.scales.standing(r, l);
                    StandingRow {
                        rank: offset + i as u64 + 1,
                        member_id: m,
                        member_name: names.get(&m).cloned().unwrap_or_else(|| m.to_string()),
                        standing: st,
                        recent: r,
                        lasting: l,
                        tier: tier_of(&s.tiers, st).1.name.clone(),
                    }
                })
                .collect(),
        })
    }

    pub async fn history(&self, guild: GuildId, member: MemberId, limit: u32) -> R<HistoryPage> {
        self.history_at(guild, member, limit, Utc::now()).await
    }

    pub async fn history_at(
        &self,
        guild: GuildId,
        member: MemberId,
        limit: u32,
        at: DateTime<Utc>,
    ) -> R<HistoryPage> {
        self.guild_row(guild).await?;
        let rows = self
            .store()
            .history(guild, member, at, limit.clamp(1, 1000))
            .await
            .map_err(ServiceError::db)?;
        let mut ids: Vec<MemberId> = rows.iter().filter_map(|r| r.counterpart_id).collect();
        ids.push(member);
        let names = self
            .store()
            .member_names(guild, &ids)
            .await
            .map_err(ServiceError::db)?;
        Ok(HistoryPage {
            guild_id: guild,
            member_id: member,
            member_name: names
                .get(&member)
                .cloned()
                .unwrap_or_else(|| member.to_string()),
            rows: rows
                .into_iter()
                .map(|r| HistoryRow {
                    entry_id: r.entry_id,
                    at: r.at,
                    kind: r.kind,
                    amount: r.amount,
                    counterpart_id: r.counterpart_id,
                    counterpart_name: r.counterpart_id.and_then(|c| names.get(&c).cloned()),
                    reason: r.reason,
                    channel_id: r.channel_id,
                    message_id: r.message_id,
                    jump_url: match (r.channel_id, r.message_id) {
                        (Some(c), Some(m)) => {
                            Some(format!("https://discord.com/channels/{guild}/{c}/{m}"))
                        }
                        _ => None,
                    },
                })
                .collect(),
        })
    }

    #[allow(clippy::too_many_arguments)]
    pub async fn kudos(
        &self,
        guild: GuildId,
        giver: &Person,
        receiver: &Person,
        reason: &str,
        interaction_id: u64,
        channel: ChannelId,
        at: DateTime<Utc>,
    ) -> R<KudosOutcome> {
        crate::options::member_id(receiver.id)?;
        if giver.id == receiver.id {
            return Ok(KudosOutcome::SelfKudos);
        }
        if receiver.is_bot {
            return Ok(KudosOutcome::ToBot);
        }
        let reason = &crate::options::reason(reason, 1)?;
        let rt = self
            .inner
            .runtime(guild, "", at)
            .await
            .map_err(ServiceError::db)?;
        let mut rt = rt.lock().await;
        let settings = rt.settings.clone();
        if rt.state.memory.opted_out.contains(&giver.id)
            || rt.state.memory.opted_out.contains(&receiver.id)
        {
            return Ok(KudosOutcome::OptedOut);
        }
        let (n, resets) = rt.state.memory.kudos_in_day(giver.id, at);
        let cap = settings.scoring.kudos_daily_cap;
        if n >= cap {
            return Ok(KudosOutcome::CapReached {
                cap,
                resets_at: resets.unwrap_or(at + Duration::hours(24)),
            });
        }
        let processed = rt.state.process_kudos(
            giver.id,
            receiver.id,
            reason,
            interaction_id,
            channel,
            at,
            &settings,
        );
        let entries = entries(&processed.decisions);
        let amount = entries.iter().map(|e| e.amount).sum();
        let batch = Batch {
            members: vec![(giver.clone(), at), (receiver.clone(), at)],
            entries,
            ..Default::default()
        };
        let written = self.write(&rt, &batch).await?;
        if written == 0 {
            return Ok(KudosOutcome::AlreadyRecorded);
        }
        Ok(KudosOutcome::Given {
            amount,
            remaining_today: cap.saturating_sub(n + 1),
        })
    }

    /// Stop tracking a member and delete what is stored about them. Entries of
    /// others where they were only the counterpart keep their amount but lose
    /// the link.
    pub async fn opt_out(&self, guild: GuildId, member: MemberId, at: DateTime<Utc>) -> R<u64> {
        let rt = self
            .inner
            .runtime(guild, "", at)
            .await
            .map_err(ServiceError::db)?;
        let mut rt = rt.lock().await;
        let deleted = self
            .store()
            .forget_member(guild, member, true)
            .await
            .map_err(ServiceError::db)?;
        rt.state.memory.opted_out.insert(member);
        rt.state.memory.members.remove(&member);
        Ok(deleted)
    }

    pub async fn opt_in(&self, guild: GuildId, member: MemberId) -> R<()> {
        sqlx::query("UPDATE members SET opted_out = false WHERE guild_id = $1 AND member_id = $2")
            .bind(guild as i64)
            .bind(member as i64)
            .execute(&self.store().pool)
            .await
            .map_err(ServiceError::db)?;
        self.inner.forget(guild);
        Ok(())
    }

    pub async fn report(
        &self,
        guild: GuildId,
        window_days: u32,
        at: DateTime<Utc>,
    ) -> R<ReportView> {
        let g = self.guild_row(guild).await?;
        let s = self.settings(guild).await?;
        let window_days = window_days.clamp(1, 3650);
        let from = at - Duration::days(window_days as i64);
        let stats = self
            .store()
            .window_stats(guild, from, at)
            .await
            .map_err(ServiceError::db)?;
        let now_vals: std::collections::HashMap<MemberId, (f64, f64)> = self
            .all_at(&g, &s, at)
            .await?
            .into_iter()
            .map(|(m, r, l)| (m, (r, l)))
            .collect();
        let then_vals: std::collections::HashMap<MemberId, (f64, f64)> = self
            .store()
            .balances_as_of(guild, from, &g.scales, None)
            .await
            .map_err(ServiceError::db)?
            .into_iter()
            .map(|a| (a.member_id, (a.recent, a.lasting)))
            .collect();
        let mut ids: Vec<MemberId> = now_vals.keys().copied().collect();
        ids.extend(stats.iter().map(|x| x.member_id));
        ids.sort();
        ids.dedup();
        let names = self
            .store()
            .member_names(guild, &ids)
            .await
            .map_err(ServiceError::db)?;
        let th = Thresholds {
            quiet_below: s.report.quiet_below,
            giver_ratio: s.report.giver_ratio,
            taker_ratio: s.report.taker_ratio,
        };
        let stat_by: std::collections::HashMap<MemberId, &crate::store::views::WindowStat> =
            stats.iter().map(|x| (x.member_id, x)).collect();
        let mut members = Vec::new();
        let mut at_risk = Vec::new();
        for id in &ids {
            let (r, l) = now_vals.get(id).copied().unwrap_or((0.0, 0.0));
            let standing = g.scales.standing(r, l);
            let (tr, tl) = then_vals.get(id).copied().unwrap_or((0.0, 0.0));
            let st = stat_by.get(id);
            let (idx, tier) = tier_of(&s.tiers, standing);
            let name = names.get(id).cloned().unwrap_or_else(|| id.to_string());
            let floor = tier_floor(&s.tiers, idx);
            if floor.is_finite() {
                if let Some(d) = projected_fall(r, l, floor, &g.scales, at) {
                    if d - at <= Duration::days(s.report.at_risk_days as i64) {
                        at_risk.push(AtRisk {
                            member_id: *id,
                            member_name: name.clone(),
                            tier: tier.name.clone(),
                            standing,
                            tier_floor: floor,
                            falls_on: d,
                        });
                    }
                }
            }
            let earned = st.map(|x| x.earned).unwrap_or(0.0);
            let spent = st.map(|x| x.spent).unwrap_or(0.0);
            members.push(ReportMember {
                member_id: *id,
                member_name: name,
                category: classify(earned, spent, th),
                earned,
                spent,
                deposits: st.map(|x| x.deposits).unwrap_or(0),
                withdrawals: st.map(|x| x.withdrawals).unwrap_or(0),
                helpful_replies: st.map(|x| x.helpful_replies).unwrap_or(0),
                standing,
                tier: tier.name.clone(),
                change: standing - g.scales.standing(tr, tl),
            });
        }
        members.sort_by(|a, b| {
            b.standing
                .total_cmp(&a.standing)
                .then(a.member_id.cmp(&b.member_id))
        });
        at_risk.sort_by_key(|a| a.falls_on);
        let n = s.report.page_size as usize;
        let pick = |c: Category, key: &dyn Fn(&ReportMember) -> f64| {
            let mut v: Vec<ReportMember> = members
                .iter()
                .filter(|m| m.category == c)
                .cloned()
                .collect();
            v.sort_by(|a, b| {
                key(b)
                    .total_cmp(&key(a))
                    .then(a.member_id.cmp(&b.member_id))
            });
            v
        };
        let givers = pick(Category::Giver, &|m| m.earned);
        let takers = pick(Category::Taker, &|m| m.spent);
        let matchers = pick(Category::Matcher, &|m| m.earned + m.spent);
        let quiet = pick(Category::Quiet, &|m| m.standing);
        let mut risers: Vec<ReportMember> =
            members.iter().filter(|m| m.change > 0.0).cloned().collect();
        risers.sort_by(|a, b| b.change.total_cmp(&a.change));
        risers.truncate(n);
        let mut fallers: Vec<ReportMember> =
            members.iter().filter(|m| m.change < 0.0).cloned().collect();
        fallers.sort_by(|a, b| a.change.total_cmp(&b.change));
        fallers.truncate(n);
        let mut top_helpers: Vec<ReportMember> = members
            .iter()
            .filter(|m| m.helpful_replies > 0)
            .cloned()
            .collect();
        top_helpers.sort_by(|a, b| {
            b.helpful_replies
                .cmp(&a.helpful_replies)
                .then(a.member_id.cmp(&b.member_id))
        });
        top_helpers.truncate(n);
        let step_days = (window_days as f64 / 400.0).max(1.0);
        let points = (window_days as f64 / step_days).floor() as u32 + 1;
        let start =
            at - Duration::milliseconds((step_days * (points - 1) as f64 * 86_400_000.0) as i64);
        let trend = self
            .store()
            .totals_series(guild, start, step_days * 86_400.0, points, &g.scales)
            .await
            .map_err(ServiceError::db)?
            .into_iter()
            .map(|(t, r, l)| TrendPoint {
                at: t,
                recent: r,
                lasting: l,
                standing: g.scales.standing(r, l),
            })
            .collect();
        Ok(ReportView {
            guild_id: guild,
            at,
            window_days,
            members,
            givers,
            takers,
            matchers,
            quiet,
            at_risk,
            risers,
            fallers,
            top_helpers,
            trend,
        })
    }

    /// The guild's effective settings as TOML.
    pub async fn config_view(&self, guild: GuildId) -> R<String> {
        let s = self.settings(guild).await?;
        toml::to_string_pretty(&s).map_err(|e| ServiceError::Invalid(e.to_string()))
    }

    /// Change one setting for a guild (`section.key`, TOML value). Rejects
    /// unknown keys and invalid values; a change of half-lives recomputes the
    /// accumulators from the ledger.
    pub async fn config_set(&self, guild: GuildId, key: &str, value: &str) -> R<String> {
        use crate::options::{quote, OptionError};
        let bad = |option: &'static str, problem: String| {
            ServiceError::BadOption(OptionError { option, problem })
        };
        let key = &crate::options::config_key(key)?;
        let value = &crate::options::config_value(value)?;
        let g = self.guild_row(guild).await?;
        let current = self
            .inner
            .cached_settings(guild, &g.settings)
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let tree = toml::Value::try_from(current.as_ref())
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let open_map = key
            .rsplit_once('.')
            .is_some_and(|(parent, _)| OPEN_MAPS.contains(&parent));
        let old = crate::config::get_path(&tree, key)
            .or(if open_map {
                Some(&toml::Value::Integer(0))
            } else {
                None
            })
            .ok_or_else(|| {
                bad(
                    "key",
                    format!(
                        "unknown setting {}; see /config view for the keys",
                        quote(key)
                    ),
                )
            })?
            .clone();
        if old.is_table() {
            return Err(bad(
                "key",
                format!("{} is a section; name a key inside it", quote(key)),
            ));
        }
        let mut over =
            toml::Value::try_from(&g.settings).unwrap_or(toml::Value::Table(Default::default()));
        let new = crate::config::parse_value(value);
        if open_map && new == toml::Value::Integer(0) {
            // 0 removes the entry from the map.
            if let Some((parent, leaf)) = key.rsplit_once('.') {
                let mut t = crate::config::get_path(&tree, parent)
                    .cloned()
                    .unwrap_or(toml::Value::Table(Default::default()));
                if let Some(t) = t.as_table_mut() {
                    t.remove(leaf);
                }
                crate::config::set_path(&mut over, parent, t)
                    .map_err(|e| bad("key", e.to_string()))?;
            }
        } else {
            crate::config::set_path(&mut over, key, new.clone())
                .map_err(|e| bad("key", e.to_string()))?;
        }
        let new_settings = crate::config::guild_settings(&self.inner.base, &over).map_err(|e| {
            bad(
                "value",
                format!(
                    "{key} = {} was not applied: {e}; give a value of the type /config view shows",
                    quote(value)
                ),
            )
        })?;
        if let Some(("roles.by_tier", tier)) = key.rsplit_once('.') {
            // Checked here, not in Settings::validate: a later rename of the
            // tiers must not make the guild's settings unreadable.
            if new != toml::Value::Integer(0) && !new_settings.tiers.iter().any(|t| t.name == tier)
            {
                return Err(bad(
                    "key",
                    format!(
                        "no tier is named {}; give one of the tiers: {}",
                        quote(tier),
                        new_settings
                            .tiers
                            .iter()
                            .map(|t| t.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        let json = serde_json::to_value(&over).map_err(|e| ServiceError::Invalid(e.to_string()))?;
        // New half-lives first: the recompute can fail for this ledger (a
        // half-life so short the accumulators overflow), and then nothing
        // may have changed.
        let scales = Scales::from(&new_settings.decay);
        if scales != g.scales {
            if let Err(e) = self.store().recompute_balances(guild, &scales).await {
                if crate::store::is_unavailable(&e) {
                    return Err(ServiceError::Unavailable(e));
                }
                tracing::warn!(guild, key, error = %e, "half-life change refused: recompute failed");
                // The recompute is one transaction: the old accumulators stand.
                return Err(bad(
                    "value",
                    format!(
                        "{key} = {} cannot be applied to this server's ledger (the balances would overflow); give a longer half-life",
                        quote(value)
                    ),
                ));
            }
        }
        sqlx::query("UPDATE guilds SET settings = $2 WHERE guild_id = $1")
            .bind(guild as i64)
            .bind(&json)
            .execute(&self.store().pool)
            .await
            .map_err(ServiceError::db)?;
        if key.starts_with("roles.") {
            // New role settings: roles that could not be managed are tried again (once).
            self.store()
                .clear_role_problems(guild)
                .await
                .map_err(ServiceError::db)?;
        }
        self.inner.forget(guild);
        Ok(format!("{key}: {old} -> {new}"))
    }

    /// A moderator's audited correction.
    #[allow(clippy::too_many_arguments)]
    pub async fn adjust(
        &self,
        guild: GuildId,
        moderator: MemberId,
        member: MemberId,
        amount: f64,
        reason: &str,
        interaction_id: u64,
        at: DateTime<Utc>,
    ) -> R<BalanceView> {
        crate::options::member_id(member)?;
        let amount = crate::options::amount(amount)?;
        // Audited: a reason of 3 to 300 characters.
        let reason = &crate::options::reason(reason, 3)?;
        {
            let rt = self
                .inner
                .runtime(guild, "", at)
                .await
                .map_err(ServiceError::db)?;
            let mut rt = rt.lock().await;
            let settings = rt.settings.clone();
            let p = rt.state.process_adjustment(
                moderator,
                member,
                amount,
                reason.trim(),
                interaction_id,
                at,
                &settings,
            );
            let batch = Batch {
                entries: entries(&p.decisions),
                ..Default::default()
            };
            self.write(&rt, &batch).await?;
        }
        self.balance(guild, member, at).await
    }
}

/// Record written reversals in the scoring memory, so it matches what a
/// memory rebuilt from the ledger (after a restart) holds.
fn remember(rt: &mut GuildRuntime, batch: &Batch) {
    let settings = rt.settings.clone();
    for e in &batch.entries {
        rt.state.memory.record(e, &settings);
    }
}

/// Settings that are maps with free keys (`roles.by_tier.<tier name>`).
const OPEN_MAPS: &[&str] = &["roles.by_tier"];

fn entries(ds: &[Decision]) -> Vec<EntryDraft> {
    ds.iter()
        .filter_map(|d| {
            if let Decision::Entry(e) = d {
                Some(e.clone())
            } else {
                None
            }
        })
        .collect()
}

/// A standings page before rendering: guild, member count, rows (member,
/// recent, lasting), page size, offset and names.
type PageParts = (
    GuildRow,
    u64,
    Vec<(MemberId, f64, f64)>,
    u32,
    u64,
    std::collections::HashMap<MemberId, String>,
);

fn sort_by_standing(rows: &mut [(MemberId, f64, f64)], scales: &Scales) {
    rows.sort_by(|a, b| {
        scales
            .standing(b.1, b.2)
            .total_cmp(&scales.standing(a.1, a.2))
            .then(a.0.cmp(&b.0))
    });
}

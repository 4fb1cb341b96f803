//! Read queries behind balances, standings, history and reports.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::ledger::i;
use super::Store;
use crate::capital::decay::{Accumulator, Scales};
use crate::capital::message::{ChannelId, GuildId, MemberId, MessageId};
use crate::capital::score::EntryDraft;
use crate::capital::signal::EntryKind;

/// A member's accumulators as stored.
#[derive(Debug, Clone, Copy)]
pub struct BalanceRow {
    pub member_id: MemberId,
    pub acc: Accumulator,
    pub entries: u64,
    pub last_at: DateTime<Utc>,
}

/// Recent and lasting balances computed from the ledger as of a moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AsOf {
    pub member_id: MemberId,
    pub recent: f64,
    pub lasting: f64,
    pub entries: u64,
}

#[derive(Debug, Clone)]
pub struct EntryRow {
    pub entry_id: i64,
    pub member_id: MemberId,
    pub counterpart_id: Option<MemberId>,
    pub kind: EntryKind,
    pub amount: f64,
    pub at: DateTime<Utc>,
    pub channel_id: Option<ChannelId>,
    pub message_id: Option<MessageId>,
    pub reason: String,
}

/// What a member did in a window (reversed entries and their reversals left out).
#[derive(Debug, Clone, Default)]
pub struct WindowStat {
    pub member_id: MemberId,
    pub earned: f64,
    pub spent: f64,
    pub deposits: u64,
    pub withdrawals: u64,
    pub helpful_replies: u64,
    /// Accepted solutions credited (not moved away since).
    pub solutions: u64,
}

/// Columns: entry_id, member_id, counterpart_id, kind, amount, at, channel_id,
/// message_id, reason.
fn entry_row(r: &sqlx::postgres::PgRow) -> EntryRow {
    EntryRow {
        entry_id: r.get(0),
        member_id: r.get::<MemberId, _>(1),
        counterpart_id: r.get::<Option<MemberId>, _>(2),
        kind: EntryKind::parse(r.get::<&str, _>(3)).unwrap_or(EntryKind::Adjustment),
        amount: r.get(4),
        at: r.get(5),
        channel_id: r.get::<Option<ChannelId>, _>(6),
        message_id: r.get::<Option<MessageId>, _>(7),
        reason: r.get(8),
    }
}

pub(crate) fn balance_row(r: &sqlx::postgres::PgRow) -> BalanceRow {
    BalanceRow {
        member_id: r.get::<MemberId, _>("member_id"),
        acc: Accumulator {
            recent: r.get("acc_recent"),
            lasting: r.get("acc_lasting"),
        },
        entries: r.get::<i64, _>("entries") as u64,
        last_at: r.get("last_at"),
    }
}

impl<A> Store<A> {
    /// One row read: the member's accumulators.
    pub async fn balance_row(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Option<BalanceRow>, sqlx::Error> {
        let r = sqlx::query(
            "SELECT member_id, acc_recent, acc_lasting, entries, last_at FROM balances WHERE guild_id = $1 AND member_id = $2",
        )
        .bind(i(guild))
        .bind(i(member))
        .fetch_optional(&self.pool)
        .await?;
        Ok(r.as_ref().map(balance_row))
    }

    /// Every member's accumulators.
    pub async fn all_balances(&self, guild: GuildId) -> Result<Vec<BalanceRow>, sqlx::Error> {
        let rows = sqlx::query("SELECT member_id, acc_recent, acc_lasting, entries, last_at FROM balances WHERE guild_id = $1")
            .bind(i(guild))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(balance_row).collect())
    }

    pub async fn count_balances(&self, guild: GuildId) -> Result<u64, sqlx::Error> {
        let r = sqlx::query("SELECT count(*) FROM balances WHERE guild_id = $1")
            .bind(i(guild))
            .fetch_one(&self.pool)
            .await?;
        Ok(r.get::<i64, _>(0) as u64)
    }

    /// Balances computed from the ledger as of `at` (entries after `at` ignored),
    /// for one member or all. Exact at any moment, past or present.
    pub async fn balances_as_of(
        &self,
        guild: GuildId,
        at: DateTime<Utc>,
        scales: &Scales,
        member: Option<MemberId>,
    ) -> Result<Vec<AsOf>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT member_id,
                    sum(amount * power(2::float8, -(extract(epoch FROM $2 - at)::float8 / 86400.0) / $3)),
                    sum(amount * power(2::float8, -(extract(epoch FROM $2 - at)::float8 / 86400.0) / $4)),
                    count(*)
             FROM ledger WHERE guild_id = $1 AND at <= $2 AND ($5::bigint IS NULL OR member_id = $5)
             GROUP BY member_id",
        )
        .bind(i(guild))
        .bind(at)
        .bind(scales.recent_half_life)
        .bind(scales.lasting_half_life)
        .bind(member.map(i))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| AsOf {
                member_id: r.get::<MemberId, _>(0),
                recent: r.get(1),
                lasting: r.get(2),
                entries: r.get::<i64, _>(3) as u64,
            })
            .collect())
    }

    /// Latest entry time in the guild (None when the ledger is empty).
    pub async fn last_entry_at(
        &self,
        guild: GuildId,
    ) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
        let r = sqlx::query("SELECT max(at) FROM ledger WHERE guild_id = $1")
            .bind(i(guild))
            .fetch_one(&self.pool)
            .await?;
        Ok(r.get(0))
    }

    /// The time of the latest thing the guild's memory is rebuilt from: an
    /// entry, or a stored message (most messages write no entry).
    pub async fn last_event_at(
        &self,
        guild: GuildId,
    ) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
        let r = sqlx::query(
            "SELECT greatest((SELECT max(at) FROM ledger WHERE guild_id = $1),
                             (SELECT max(at) FROM messages WHERE guild_id = $1))",
        )
        .bind(i(guild))
        .fetch_one(&self.pool)
        .await?;
        Ok(r.get(0))
    }

    /// A member's entries, newest first, up to `at`.
    pub async fn history(
        &self,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<EntryRow>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT entry_id, member_id, counterpart_id, kind, amount, at, channel_id, message_id, reason
             FROM ledger WHERE guild_id = $1 AND member_id = $2 AND at <= $3
             ORDER BY at DESC, entry_id DESC LIMIT $4",
        )
        .bind(i(guild))
        .bind(i(member))
        .bind(at)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(entry_row).collect())
    }

    /// A member's entries dated in `(from, to]`, oldest first (at most `limit`).
    pub async fn entries_between(
        &self,
        guild: GuildId,
        member: MemberId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<EntryRow>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT entry_id, member_id, counterpart_id, kind, amount, at, channel_id, message_id, reason
             FROM ledger WHERE guild_id = $1 AND member_id = $2 AND at > $3 AND at <= $4
             ORDER BY at, entry_id LIMIT $5",
        )
        .bind(i(guild))
        .bind(i(member))
        .bind(from)
        .bind(to)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(entry_row).collect())
    }

    /// Per-member activity in `(from, to]`, leaving out entries that were
    /// reversed and the reversals themselves.
    pub async fn window_stats(
        &self,
        guild: GuildId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<WindowStat>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT l.member_id,
                    coalesce(sum(l.amount) FILTER (WHERE l.amount > 0), 0),
                    coalesce(-sum(l.amount) FILTER (WHERE l.amount < 0), 0),
                    count(*) FILTER (WHERE l.amount > 0),
                    count(*) FILTER (WHERE l.amount < 0),
                    count(*) FILTER (WHERE l.kind = 'helpful_reply'),
                    count(*) FILTER (WHERE l.kind = 'solution')
             FROM ledger l
             WHERE l.guild_id = $1 AND l.at > $2 AND l.at <= $3 AND l.kind <> 'reversal'
               AND NOT EXISTS (SELECT 1 FROM ledger r WHERE r.guild_id = $1 AND r.idem_key = 'rev:' || l.idem_key)
             GROUP BY l.member_id",
        )
        .bind(i(guild))
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| WindowStat {
                member_id: r.get::<MemberId, _>(0),
                earned: r.get(1),
                spent: r.get(2),
                deposits: r.get::<i64, _>(3) as u64,
                withdrawals: r.get::<i64, _>(4) as u64,
                helpful_replies: r.get::<i64, _>(5) as u64,
                solutions: r.get::<i64, _>(6) as u64,
            })
            .collect())
    }

    /// Requests a member made since `since` and since they were last
    /// credited for helping (for headroom's escalation).
    pub async fn asks_since(
        &self,
        guild: GuildId,
        member: MemberId,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<u32, sqlx::Error> {
        let r = sqlx::query(
            "SELECT count(*) FROM ledger WHERE guild_id = $1 AND member_id = $2 AND kind = 'request' AND at <= $4
               AND at > greatest($3, (SELECT max(at) FROM ledger
                                      WHERE guild_id = $1 AND member_id = $2 AND at > $3 AND at <= $4
                                        AND kind IN ('helpful_reply', 'solution') AND amount > 0
                                        AND NOT starts_with(idem_key, 'vest:')))",
        )
        .bind(i(guild))
        .bind(i(member))
        .bind(since)
        .bind(until)
        .fetch_one(&self.pool)
        .await?;
        Ok(r.get::<i64, _>(0) as u32)
    }

    /// Display names of members.
    pub async fn member_names(
        &self,
        guild: GuildId,
        ids: &[MemberId],
    ) -> Result<HashMap<MemberId, String>, sqlx::Error> {
        let arr: Vec<i64> = ids.iter().map(|x| x.get() as i64).collect();
        let rows = sqlx::query(
            "SELECT member_id, coalesce(nickname, name) FROM members WHERE guild_id = $1 AND member_id = ANY($2)",
        )
        .bind(i(guild))
        .bind(&arr)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<MemberId, _>(0), r.get::<String, _>(1)))
            .collect())
    }

    /// Find members by id, mention (`<@id>`) or name (exact, case-insensitive;
    /// then prefix). Returns every match so callers can report ambiguity.
    pub async fn find_members(
        &self,
        guild: GuildId,
        query: &str,
        limit: u32,
    ) -> Result<Vec<(MemberId, String)>, sqlx::Error> {
        let q = query
            .trim()
            .trim_start_matches("<@")
            .trim_start_matches('!')
            .trim_end_matches('>');
        if let Ok(id) = q.parse::<u64>() {
            let r = sqlx::query("SELECT member_id, coalesce(nickname, name) FROM members WHERE guild_id = $1 AND member_id = $2")
                .bind(i(guild))
                .bind(i(id))
                .fetch_optional(&self.pool)
                .await?;
            if let Some(r) = r {
                return Ok(vec![(r.get::<MemberId, _>(0), r.get(1))]);
            }
        }
        let name = q.trim_start_matches('@').to_lowercase();
        let exact = sqlx::query(
            "SELECT member_id, coalesce(nickname, name) FROM members
             WHERE guild_id = $1 AND (lower(name) = $2 OR lower(nickname) = $2) ORDER BY member_id LIMIT $3",
        )
        .bind(i(guild))
        .bind(&name)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        if !exact.is_empty() {
            return Ok(exact
                .iter()
                .map(|r| (r.get::<MemberId, _>(0), r.get(1)))
                .collect());
        }
        let rows = sqlx::query(
            "SELECT member_id, coalesce(nickname, name) FROM members
             WHERE guild_id = $1 AND (starts_with(lower(name), $2) OR starts_with(lower(coalesce(nickname, '')), $2))
             ORDER BY name LIMIT $3",
        )
        .bind(i(guild))
        .bind(&name)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<MemberId, _>(0), r.get(1)))
            .collect())
    }

    pub async fn opted_out_members(&self, guild: GuildId) -> Result<Vec<MemberId>, sqlx::Error> {
        let rows = sqlx::query("SELECT member_id FROM members WHERE guild_id = $1 AND opted_out")
            .bind(i(guild))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(|r| r.get::<MemberId, _>(0)).collect())
    }

    pub async fn is_opted_out(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<bool, sqlx::Error> {
        let r = sqlx::query("SELECT opted_out FROM members WHERE guild_id = $1 AND member_id = $2")
            .bind(i(guild))
            .bind(i(member))
            .fetch_optional(&self.pool)
            .await?;
        Ok(r.map(|r| r.get::<bool, _>(0)).unwrap_or(false))
    }

    /// Each member's first own ledger entry before `before` (their tenure, for scoring).
    pub async fn first_entries(
        &self,
        guild: GuildId,
        before: DateTime<Utc>,
    ) -> Result<Vec<(MemberId, DateTime<Utc>)>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT member_id, min(at) FROM ledger WHERE guild_id = $1 AND at < $2 GROUP BY member_id",
        )
        .bind(i(guild))
        .bind(before)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<MemberId, _>(0), r.get(1)))
            .collect())
    }

    /// Entries dated after `since`, in the order they were written, as the
    /// scorer remembers them (to rebuild scoring memory exactly as it was
    /// built: a reaction is dated on receipt, possibly after messages scored
    /// later, and the memory's windows depend on the order it saw entries
    /// in). Reasons are left out: the memory never reads them.
    pub async fn memory_entries_since(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
    ) -> Result<Vec<EntryDraft>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT member_id, counterpart_id, kind, amount, at, channel_id, message_id, idem_key, reverses, held
             FROM ledger WHERE guild_id = $1 AND at > $2 ORDER BY entry_id",
        )
        .bind(i(guild))
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| EntryDraft {
                member: r.get::<MemberId, _>(0),
                counterpart: r.get::<Option<MemberId>, _>(1),
                kind: EntryKind::parse(r.get::<&str, _>(2)).unwrap_or(EntryKind::Adjustment),
                amount: r.get(3),
                at: r.get(4),
                channel_id: r.get::<Option<ChannelId>, _>(5),
                message_id: r.get::<Option<MessageId>, _>(6),
                reason: String::new(),
                idem_key: r.get(7),
                reverses: r.get(8),
                held: r.get(9),
            })
            .collect())
    }
}

/// Everything `/balance` needs, read in one round trip (see [`Store::balance_snapshot`]).
#[derive(Debug, Clone)]
pub struct BalanceSnapshot {
    pub guild: super::GuildRow,
    /// The member's accumulators (None: no entries yet).
    pub row: Option<BalanceRow>,
    pub name: Option<String>,
    pub opted_out: bool,
    /// The member's entries after `since` (amount, time, what it counts
    /// as for escalation), oldest first.
    pub tail: Vec<(f64, DateTime<Utc>, TailKind)>,
    /// 1-based rank by the stored leaderboard key (None: not ranked).
    pub rank: Option<u64>,
    /// Accepted solutions credited to the member (moved ones left out).
    pub solutions: u64,
    /// Vacations the member ever took (their balance needs them).
    pub vacations: u64,
}

/// What an entry of the balance's tail counts as for escalation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TailKind {
    Other,
    /// A request charged.
    Request,
    /// Credit for helping (see `EntryKind::is_credit_for_giving`): asks
    /// before it no longer escalate.
    Gave,
}

impl TailKind {
    fn of_code(code: i16) -> TailKind {
        match code {
            1 => TailKind::Request,
            2 => TailKind::Gave,
            _ => TailKind::Other,
        }
    }
}

impl BalanceSnapshot {
    /// Exact (recent, lasting, entries) at `t`, for any `t >= since`: the
    /// accumulators minus the entries dated after `t` (all of them are in the tail).
    pub fn values_at(&self, t: DateTime<Utc>) -> (f64, f64, u64) {
        use crate::capital::decay::{days_between, growth};
        let Some(b) = &self.row else {
            return (0.0, 0.0, 0);
        };
        let g = &self.guild;
        let (mut ar, mut al, mut n) = (b.acc.recent, b.acc.lasting, b.entries);
        for (amount, at, _) in self.tail.iter().filter(|e| e.1 > t) {
            let d = days_between(g.ref_time, *at);
            ar -= amount * growth(d, g.scales.recent_half_life);
            al -= amount * growth(d, g.scales.lasting_half_life);
            n = n.saturating_sub(1);
        }
        let acc = Accumulator {
            recent: ar,
            lasting: al,
        };
        let (r, l) = acc.values_at(g.ref_time, t, &g.scales);
        (r, l, n)
    }

    /// Requests in `(from, to]` (from >= since) made after the member was
    /// last credited for helping: the asks that escalate the next one.
    pub fn asks_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> u32 {
        escalating_asks(&self.tail, from, to)
    }
}

/// Requests of `tail` in `(from, to]` made after the last credit for
/// helping in that span (what scoring's `asks_in_window` counts).
fn escalating_asks(
    tail: &[(f64, DateTime<Utc>, TailKind)],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> u32 {
    let within = |e: &&(f64, DateTime<Utc>, TailKind)| e.1 > from && e.1 <= to;
    let gave = tail
        .iter()
        .filter(within)
        .filter(|e| e.2 == TailKind::Gave)
        .map(|e| e.1)
        .max();
    tail.iter()
        .filter(within)
        .filter(|e| e.2 == TailKind::Request && gave.is_none_or(|g| e.1 > g))
        .count() as u32
}

/// The statement behind `/balance` (see [`Store::balance_snapshot`]):
/// $1 guild, $2 member, $3 since.
pub const BALANCE_SNAPSHOT_SQL: &str = "SELECT g.guild_id, g.name, g.ref_time, g.recent_half_life_days, g.lasting_half_life_days,
                    g.recent_weight, g.standings_at, g.settings,
                    b.member_id, b.acc_recent, b.acc_lasting, b.entries, b.last_at,
                    coalesce(m.nickname, m.name) AS display, coalesce(m.opted_out, false) AS opted_out,
                    t.amounts, t.ats, t.requests,
                    (SELECT count(*) FROM ledger l
                     WHERE l.guild_id = $1 AND l.member_id = $2 AND l.kind = 'solution'
                       AND NOT EXISTS (SELECT 1 FROM ledger r
                                       WHERE r.guild_id = $1 AND r.idem_key = 'rev:' || l.idem_key)
                    ) AS solutions,
                    (SELECT count(*) FROM vacations v WHERE v.guild_id = $1 AND v.member_id = $2) AS vacations,
                    -- Members kept off the boards have no rank, and are not
                    -- counted ahead of anyone (members_hidden: O(hidden)).
                    CASE WHEN b.member_id IS NULL OR coalesce(m.excluded OR m.left_at IS NOT NULL, false)
                    THEN NULL ELSE
                      -- Rows ahead of (key, id) in the sweep's order: the sweep rank of the
                      -- last one (two probes of balances_sweep_key) ...
                      1 + coalesce(
                            (SELECT o.sweep_rank FROM balances o
                             WHERE o.guild_id = $1 AND o.sweep_key = b.standing_key AND o.member_id < b.member_id
                             ORDER BY o.sweep_key DESC, o.member_id DESC LIMIT 1),
                            (SELECT o.sweep_rank FROM balances o
                             WHERE o.guild_id = $1 AND o.sweep_key > b.standing_key
                             ORDER BY o.sweep_key, o.member_id DESC LIMIT 1),
                            0)
                        -- ... plus the unswept rows ahead by their current key, less those
                        -- counted there by their old key (one scan of balances_unswept).
                        + (SELECT count(*) FILTER (WHERE o.standing_key > b.standing_key
                                                     OR (o.standing_key = b.standing_key AND o.member_id < b.member_id))
                                - count(*) FILTER (WHERE o.sweep_key > b.standing_key
                                                     OR (o.sweep_key = b.standing_key AND o.member_id < b.member_id))
                           FROM (SELECT o.standing_key, o.sweep_key, o.member_id FROM balances o
                                 WHERE o.guild_id = $1 AND o.unswept
                                 -- the order of balances_unswept: the planner walks it
                                 ORDER BY o.standing_key DESC, o.member_id) o)
                        - (SELECT count(*) FROM members hm
                           JOIN balances hb ON hb.guild_id = hm.guild_id AND hb.member_id = hm.member_id
                           WHERE hm.guild_id = $1 AND (hm.excluded OR hm.left_at IS NOT NULL)
                             AND (hb.standing_key > b.standing_key
                                  OR (hb.standing_key = b.standing_key AND hb.member_id < b.member_id)))
                    END AS rank
             FROM guilds g
             LEFT JOIN balances b ON b.guild_id = g.guild_id AND b.member_id = $2
             LEFT JOIN members m ON m.guild_id = g.guild_id AND m.member_id = $2
             CROSS JOIN LATERAL (
               SELECT array_agg(l.amount ORDER BY l.at) AS amounts, array_agg(l.at ORDER BY l.at) AS ats,
                      array_agg(CASE WHEN l.kind = 'request' THEN 1
                                     WHEN l.kind IN ('helpful_reply', 'solution') AND l.amount > 0
                                          AND NOT starts_with(l.idem_key, 'vest:') THEN 2
                                     ELSE 0 END::int2 ORDER BY l.at) AS requests
               FROM ledger l WHERE l.guild_id = $1 AND l.member_id = $2 AND l.at > $3
             ) t
             WHERE g.guild_id = $1";

/// The statement behind `/standings` (see [`Store::standings_page`]):
/// $1 guild, $2 offset, $3 limit, $4 [`UNSWEPT_MAX`].
pub const STANDINGS_PAGE_SQL: &str = "WITH u AS (
               SELECT member_id, acc_recent, acc_lasting, entries, last_at, standing_key, sweep_rank
               FROM balances WHERE guild_id = $1 AND unswept
               ORDER BY standing_key DESC, member_id LIMIT $4 + 1
             ), n AS (SELECT count(*) AS n FROM u),
             hid AS (
               SELECT hm.member_id, hb.standing_key
               FROM members hm
               LEFT JOIN balances hb ON hb.guild_id = hm.guild_id AND hb.member_id = hm.member_id
               WHERE hm.guild_id = $1 AND (hm.excluded OR hm.left_at IS NOT NULL)
               LIMIT $5 + 1
             ), hn AS (SELECT count(standing_key) AS n FROM hid),
             w AS (
               -- Both bounds as values known before the scan (not join
               -- columns): one range of balances_sweep_rank.
               SELECT b.member_id, b.acc_recent, b.acc_lasting, b.entries, b.last_at, b.standing_key, b.sweep_rank
               FROM balances b
               WHERE (SELECT n FROM n) <= $4 AND b.guild_id = $1
                 AND b.sweep_rank BETWEEN $2 - (SELECT n FROM n)
                                      AND $2 + $3 + (SELECT n FROM hn) + (SELECT n FROM n) + 1
                 AND NOT b.unswept
             )
             SELECT g.guild_id, g.name, g.ref_time, g.recent_half_life_days, g.lasting_half_life_days,
                    g.recent_weight, g.standings_at, g.settings,
                    (SELECT max(sweep_rank) FROM balances s WHERE s.guild_id = $1) AS swept,
                    (SELECT n FROM n) AS unswept,
                    (SELECT count(*) FROM members hm WHERE hm.guild_id = $1
                       AND (hm.excluded OR hm.left_at IS NOT NULL)) AS hidden,
                    (SELECT count(*) FROM vacations v WHERE v.guild_id = $1) AS vacations,
                    (SELECT array_agg(member_id ORDER BY member_id) FROM hid) AS hidden_ids,
                    (SELECT array_agg(standing_key ORDER BY member_id) FROM hid) AS hidden_keys,
                    c.member_id, c.acc_recent, c.acc_lasting, c.entries, c.last_at, c.standing_key,
                    c.sweep_rank, c.moved,
                    coalesce((SELECT coalesce(m.nickname, m.name) FROM members m
                              WHERE m.guild_id = $1 AND m.member_id = c.member_id),
                             c.member_id::text) AS display
             FROM guilds g
             LEFT JOIN LATERAL (
               SELECT u.*, true AS moved FROM u, n WHERE n.n <= $4
               UNION ALL SELECT w.*, false FROM w
             ) c ON true
             WHERE g.guild_id = $1";

/// Most rows moved since the sweep that [`Store::standings_page`] merges
/// before it falls back to OFFSET.
pub const UNSWEPT_MAX: i64 = 2_000;

/// A row read for a standings page from the sweep's snapshot.
#[derive(Debug, Clone)]
struct Candidate {
    row: BalanceRow,
    name: String,
    key: f64,
    sweep_rank: Option<i64>,
    /// Key moved since the sweep (or no sweep rank yet).
    moved: bool,
}

/// Leaderboard order: key descending, then member id.
fn ahead(a_key: f64, a_id: MemberId, b_key: f64, b_id: MemberId) -> bool {
    a_key > b_key || (a_key == b_key && a_id < b_id)
}

/// A row placed on a page: its accumulators, display name and key.
type Placed = (BalanceRow, String, f64);

/// The page `[offset, offset + limit)` from every moved row and the swept rows
/// of a window of sweep ranks (see [`Store::standings_page`]); also the number
/// of rows created since the sweep. `covers_start` / `covers_end`: the window
/// reaches the first / last sweep rank. None when the window cannot place the
/// page (the caller then reads it by OFFSET).
fn page_from_snapshot(
    mut cands: Vec<Candidate>,
    offset: u64,
    limit: u64,
    covers_start: bool,
    covers_end: bool,
) -> Option<(Vec<Placed>, u64)> {
    let new_rows = cands
        .iter()
        .filter(|c| c.moved && c.sweep_rank.is_none())
        .count() as u64;
    cands.sort_by(|a, b| {
        b.key
            .total_cmp(&a.key)
            .then(a.row.member_id.cmp(&b.row.member_id))
    });
    let moved: Vec<(f64, MemberId, Option<i64>)> = cands
        .iter()
        .filter(|c| c.moved)
        .map(|c| (c.key, c.row.member_id, c.sweep_rank))
        .collect();
    let swept_idx: Vec<usize> = (0..cands.len()).filter(|&i| !cands[i].moved).collect();
    // Position (1-based) of cands[i0] and the range of indices whose position
    // follows from it.
    let (i0, pos0) = if covers_start {
        (0usize, 1i64)
    } else {
        let &i0 = swept_idx.first()?;
        let c = &cands[i0];
        let r = c.sweep_rank?;
        let before_in_sweep = moved
            .iter()
            .filter(|m| m.2.is_some_and(|mr| mr < r))
            .count() as i64;
        let before_now = moved
            .iter()
            .filter(|m| ahead(m.0, m.1, c.key, c.row.member_id))
            .count() as i64;
        (i0, r - before_in_sweep + before_now)
    };
    let i1 = if covers_end {
        cands.len()
    } else {
        swept_idx.last()? + 1
    };
    let (first, last) = (offset as i64 + 1, (offset + limit) as i64);
    let pos_end = pos0 + (i1 - i0) as i64; // one past the last placed position
                                           // The page must lie inside what is placed (or run past the end of the board).
    if first < pos0 || (last >= pos_end && !covers_end) {
        return None;
    }
    let rows = (i0..i1)
        .filter(|&i| {
            let p = pos0 + (i - i0) as i64;
            p >= first && p <= last
        })
        .map(|i| (cands[i].row, cands[i].name.clone(), cands[i].key))
        .collect();
    Some((rows, new_rows))
}

/// A leaderboard page read in one round trip (see [`Store::standings_page`]).
#[derive(Debug, Clone)]
pub struct StandingsSnapshot {
    pub guild: super::GuildRow,
    pub total: u64,
    pub rows: Vec<(BalanceRow, String)>,
    /// Members kept off the boards (excluded or departed): `rows` and
    /// `total` leave them out.
    pub hidden: u64,
    /// Vacations taken in the guild: when any, the rows of members who took
    /// one are computed again with their decay paused.
    pub vacations: u64,
}

impl<A> Store<A> {
    /// `/balance` in one round trip: the guild row, the member's accumulators,
    /// name and opt-out, their entries after `since` (to evaluate the balance
    /// exactly at any moment after `since`, e.g. now and 7 days ago, and count
    /// recent asks) and their rank.
    ///
    /// Cost: primary-key reads, an index range scan over the member's entries
    /// after `since`, and the rank: two index-only range counts over the
    /// members ahead (O(rank), not O(members)). `since` should be no later
    /// than both the moment viewed and the trend's start.
    pub async fn balance_snapshot(
        &self,
        guild: GuildId,
        member: MemberId,
        since: DateTime<Utc>,
    ) -> Result<Option<BalanceSnapshot>, sqlx::Error> {
        let r = sqlx::query(BALANCE_SNAPSHOT_SQL)
            .bind(i(guild))
            .bind(i(member))
            .bind(since)
            .fetch_optional(&self.pool)
            .await?;
        let Some(r) = r else { return Ok(None) };
        let guild = super::ledger::row_to_guild(&r)?;
        let row = r
            .try_get::<Option<i64>, _>("member_id")?
            .map(|_| balance_row(&r));
        let amounts: Option<Vec<f64>> = r.try_get("amounts")?;
        let ats: Option<Vec<DateTime<Utc>>> = r.try_get("ats")?;
        let requests: Option<Vec<i16>> = r.try_get("requests")?;
        let tail = match (amounts, ats, requests) {
            (Some(a), Some(t), Some(q)) => a
                .into_iter()
                .zip(t)
                .zip(q)
                .map(|((a, t), q)| (a, t, TailKind::of_code(q)))
                .collect(),
            _ => Vec::new(),
        };
        Ok(Some(BalanceSnapshot {
            guild,
            row,
            name: r.try_get("display")?,
            opted_out: r.try_get("opted_out")?,
            tail,
            rank: r.try_get::<Option<i64>, _>("rank")?.map(|x| x as u64),
            solutions: r.try_get::<i64, _>("solutions")? as u64,
            vacations: r.try_get::<i64, _>("vacations")? as u64,
        }))
    }

    /// A `/standings` page in one round trip: the guild row, the number of
    /// ranked members, and the page (accumulators and display names) in
    /// (standing_key DESC, member_id) order, without the members kept off
    /// the boards (excluded or departed; up to
    /// [`super::exclusions::HIDDEN_WINDOW_MAX`] of them: the same statement
    /// reads their keys and a page wider by their number: of H hidden members
    /// with a balance, B rank ahead of the wider page's first row, so the
    /// visible page is that page less its hidden rows and its first B
    /// visible ones, whose visible rank is below `offset`).
    ///
    /// Read from the sweep's snapshot (migration 0006): the rows whose key
    /// moved since the sweep ("unswept", U of them, read whole through the
    /// partial index `balances_unswept`) and the swept rows whose sweep rank
    /// lies within U of the page (a range of `balances_sweep_rank`), merged by
    /// the current key. A swept row at sweep rank r is now at r − (unswept rows
    /// the sweep had ahead of it) + (unswept rows now ahead of it), which is
    /// within U of r, so that window holds the page whatever its depth. Cost
    /// O(log members + page + U). With more than [`UNSWEPT_MAX`] unswept rows,
    /// or if the window does not pin the page, the page is read by OFFSET
    /// (O(depth)) as before: same rows either way.
    pub async fn standings_page(
        &self,
        guild: GuildId,
        offset: u64,
        limit: u64,
    ) -> Result<Option<StandingsSnapshot>, sqlx::Error> {
        let rows = sqlx::query(STANDINGS_PAGE_SQL)
            .bind(i(guild))
            .bind(offset as i64)
            .bind(limit as i64)
            .bind(UNSWEPT_MAX)
            .bind(super::exclusions::HIDDEN_WINDOW_MAX as i64)
            .fetch_all(&self.pool)
            .await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let unswept = first.try_get::<i64, _>("unswept")?;
        if unswept > UNSWEPT_MAX {
            return self.standings_page_by_offset(guild, offset, limit).await;
        }
        let hidden = first.try_get::<i64, _>("hidden")? as u64;
        if hidden as usize > super::exclusions::HIDDEN_WINDOW_MAX {
            return self.standings_page_by_offset(guild, offset, limit).await;
        }
        let hidden_ids: Vec<MemberId> = first
            .try_get::<Option<Vec<MemberId>>, _>("hidden_ids")?
            .unwrap_or_default();
        let hidden_keys: Vec<Option<f64>> = first
            .try_get::<Option<Vec<Option<f64>>>, _>("hidden_keys")?
            .unwrap_or_default();
        // The hidden members with a balance: the page is read wider by
        // their number, then cut around them.
        let ranked_hidden: Vec<(f64, MemberId)> = hidden_keys
            .iter()
            .zip(&hidden_ids)
            .filter_map(|(k, m)| k.map(|k| (k, *m)))
            .collect();
        let widen = ranked_hidden.len() as u64;
        let swept = first.try_get::<Option<i64>, _>("swept")?.unwrap_or(0);
        let mut cands = Vec::with_capacity(rows.len());
        for r in &rows {
            if r.try_get::<Option<i64>, _>("member_id")?.is_some() {
                cands.push(Candidate {
                    row: balance_row(r),
                    name: r.try_get("display")?,
                    key: r.try_get("standing_key")?,
                    sweep_rank: r.try_get::<Option<i64>, _>("sweep_rank")?,
                    moved: r.try_get("moved")?,
                });
            }
        }
        let lo = offset as i64 - unswept;
        let hi = offset as i64 + (limit + widen) as i64 + unswept + 1;
        match page_from_snapshot(cands, offset, limit + widen, lo <= 1, hi >= swept) {
            Some((full, new_rows)) => {
                // Hidden members ranked ahead of the widened page's first
                // row pushed that many visible rows into it.
                let before = full.first().map_or(0, |(b, _, k)| {
                    ranked_hidden
                        .iter()
                        .filter(|(hk, hm)| ahead(*hk, *hm, *k, b.member_id))
                        .count()
                });
                let rows = super::exclusions::visible_page(
                    full.into_iter().map(|(b, n, _)| (b, n)),
                    &hidden_ids,
                    before,
                    limit as usize,
                );
                Ok(Some(StandingsSnapshot {
                    guild: super::ledger::row_to_guild(first)?,
                    total: (swept as u64 + new_rows).saturating_sub(widen),
                    rows,
                    hidden,
                    vacations: first.try_get::<i64, _>("vacations")? as u64,
                }))
            }
            None => self.standings_page_by_offset(guild, offset, limit).await,
        }
    }

    /// [`Store::standings_page`] by OFFSET over `balances_standing`: a deep
    /// page costs its depth, the member count O(members). Leaves the hidden
    /// members out however many there are.
    pub async fn standings_page_by_offset(
        &self,
        guild: GuildId,
        offset: u64,
        limit: u64,
    ) -> Result<Option<StandingsSnapshot>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT g.guild_id, g.name, g.ref_time, g.recent_half_life_days, g.lasting_half_life_days,
                    g.recent_weight, g.standings_at, g.settings,
                    (SELECT count(*) FROM balances c WHERE c.guild_id = $1
                       AND NOT EXISTS (SELECT 1 FROM members x WHERE x.guild_id = $1
                         AND x.member_id = c.member_id AND (x.excluded OR x.left_at IS NOT NULL))) AS total,
                    (SELECT count(*) FROM members hm WHERE hm.guild_id = $1
                       AND (hm.excluded OR hm.left_at IS NOT NULL)) AS hidden,
                    (SELECT count(*) FROM vacations v WHERE v.guild_id = $1) AS vacations,
                    p.member_id, p.acc_recent, p.acc_lasting, p.entries, p.last_at,
                    coalesce(m.nickname, m.name, p.member_id::text) AS display
             FROM guilds g
             LEFT JOIN LATERAL (
               SELECT b.member_id, b.acc_recent, b.acc_lasting, b.entries, b.last_at, b.standing_key
               FROM balances b WHERE b.guild_id = g.guild_id
                 AND NOT EXISTS (SELECT 1 FROM members x WHERE x.guild_id = g.guild_id
                   AND x.member_id = b.member_id AND (x.excluded OR x.left_at IS NOT NULL))
               ORDER BY b.standing_key DESC, b.member_id OFFSET $2 LIMIT $3
             ) p ON true
             LEFT JOIN members m ON m.guild_id = g.guild_id AND m.member_id = p.member_id
             WHERE g.guild_id = $1
             ORDER BY p.standing_key DESC, p.member_id",
        )
        .bind(i(guild))
        .bind(offset as i64)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let guild_row = super::ledger::row_to_guild(first)?;
        let total = first.try_get::<i64, _>("total")? as u64;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            if r.try_get::<Option<i64>, _>("member_id")?.is_some() {
                out.push((balance_row(r), r.try_get("display")?));
            }
        }
        Ok(Some(StandingsSnapshot {
            guild: guild_row,
            total,
            rows: out,
            hidden: first.try_get::<i64, _>("hidden")? as u64,
            vacations: first.try_get::<i64, _>("vacations")? as u64,
        }))
    }

    /// The baseline of the benchmark: one primary-key lookup of a balances row.
    pub async fn pk_lookup(&self, guild: GuildId, member: MemberId) -> Result<f64, sqlx::Error> {
        let r =
            sqlx::query("SELECT acc_recent FROM balances WHERE guild_id = $1 AND member_id = $2")
                .bind(i(guild))
                .bind(i(member))
                .fetch_optional(&self.pool)
                .await?;
        Ok(r.map(|r| r.get::<f64, _>(0)).unwrap_or(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn asks_escalate_until_the_member_helps() {
        let t = |h| Utc.with_ymd_and_hms(2025, 3, 1, h, 0, 0).unwrap();
        let mut tail = vec![
            (-3.0, t(1), TailKind::Request),
            (0.5, t(2), TailKind::Other),
            (-4.5, t(3), TailKind::Request),
        ];
        assert_eq!(escalating_asks(&tail, t(0), t(23)), 2);
        assert_eq!(escalating_asks(&tail, t(1), t(23)), 1, "from is exclusive");
        tail.push((3.0, t(4), TailKind::Gave));
        assert_eq!(escalating_asks(&tail, t(0), t(23)), 0);
        tail.push((-3.0, t(5), TailKind::Request));
        assert_eq!(escalating_asks(&tail, t(0), t(23)), 1);
        assert_eq!(
            escalating_asks(&tail, t(0), t(3)),
            2,
            "help after `to` is not seen"
        );
    }
}

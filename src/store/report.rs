//! Queries for reports, decay warnings, roles by standing and the log channel
//! (tables of `migrations/0003_report.sql`).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::ledger::i;
use super::Store;
use crate::capital::decay::Scales;
use crate::capital::digest::Announced;
use crate::capital::message::{ChannelId, GuildId, MemberId, MessageId};
use crate::capital::replay::StoredEntry;
use crate::capital::signal::EntryKind;

/// A warning to claim: member, tier, projected date and standing now.
#[derive(Debug, Clone, PartialEq)]
pub struct WarningClaim {
    pub member_id: MemberId,
    pub tier: String,
    pub falls_on: DateTime<Utc>,
    pub standing: f64,
}

fn stored_entry(r: &sqlx::postgres::PgRow) -> StoredEntry {
    StoredEntry {
        entry_id: r.get(0),
        member_id: r.get::<MemberId, _>(1),
        counterpart_id: r.get::<Option<MemberId>, _>(2),
        kind: EntryKind::parse(r.get::<&str, _>(3)).unwrap_or(EntryKind::Adjustment),
        amount: r.get(4),
        at: r.get(5),
        channel_id: r.get::<Option<ChannelId>, _>(6),
        message_id: r.get::<Option<MessageId>, _>(7),
        reason: r.get(8),
        idem_key: r.get(9),
        reverses: r.get(10),
    }
}

impl Store {
    // ----- decay warnings ------------------------------------------------------

    /// Announcements made in a guild (all of them that can still matter: those
    /// whose projected date is after `since`).
    pub async fn warnings_sent(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
    ) -> Result<Vec<Announced>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT member_id, tier, falls_on, sent_at FROM warnings_sent
             WHERE guild_id = $1 AND falls_on >= $2 ORDER BY sent_at, member_id",
        )
        .bind(i(guild))
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Announced {
                member_id: r.get::<MemberId, _>(0),
                tier: r.get(1),
                falls_on: r.get(2),
                sent_at: r.get(3),
            })
            .collect())
    }

    /// Record warnings as sent; returns those that were not recorded before
    /// (a second process claiming the same crossing gets nothing back).
    pub async fn claim_warnings(
        &self,
        guild: GuildId,
        claims: &[WarningClaim],
        at: DateTime<Utc>,
    ) -> Result<Vec<WarningClaim>, sqlx::Error> {
        let mut out = Vec::new();
        let mut tx = self.pool.begin().await?;
        for c in claims {
            let r = sqlx::query(
                "INSERT INTO warnings_sent (guild_id, member_id, tier, falls_on, standing, sent_at)
                 SELECT $1, $2, $3, $4, $5, $6
                 WHERE NOT EXISTS (SELECT 1 FROM warnings_sent
                                   WHERE guild_id = $1 AND member_id = $2 AND tier = $3
                                     AND (falls_on = $4 OR falls_on >= $6))
                 ON CONFLICT DO NOTHING",
            )
            .bind(i(guild))
            .bind(i(c.member_id))
            .bind(&c.tier)
            .bind(c.falls_on)
            .bind(c.standing)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            if r.rows_affected() == 1 {
                out.push(c.clone());
            }
        }
        tx.commit().await?;
        Ok(out)
    }

    pub async fn digest_last_run(
        &self,
        guild: GuildId,
    ) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
        let r = sqlx::query("SELECT last_run_at FROM digest_runs WHERE guild_id = $1")
            .bind(i(guild))
            .fetch_optional(&self.pool)
            .await?;
        Ok(r.map(|r| r.get(0)))
    }

    /// A digest claimed at `at` could not be posted: forget its claims and
    /// its run, so the next tick claims and posts it again.
    pub async fn release_digest(
        &self,
        guild: GuildId,
        members: &[MemberId],
        at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        let ids: Vec<i64> = members.iter().map(|m| i(*m)).collect();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "DELETE FROM warnings_sent WHERE guild_id = $1 AND sent_at = $2 AND member_id = ANY($3)",
        )
        .bind(i(guild))
        .bind(at)
        .bind(&ids)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM digest_runs WHERE guild_id = $1 AND last_run_at = $2")
            .bind(i(guild))
            .bind(at)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_digest_run(
        &self,
        guild: GuildId,
        at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO digest_runs (guild_id, last_run_at) VALUES ($1, $2)
             ON CONFLICT (guild_id) DO UPDATE SET last_run_at = greatest(digest_runs.last_run_at, EXCLUDED.last_run_at)",
        )
        .bind(i(guild))
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Opt a member in or out of decay warnings by direct message.
    pub async fn set_digest_dm(
        &self,
        guild: GuildId,
        member: MemberId,
        on: bool,
        at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        if on {
            sqlx::query(
                "INSERT INTO digest_subscribers (guild_id, member_id, since) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            )
            .bind(i(guild))
            .bind(i(member))
            .bind(at)
            .execute(&self.pool)
            .await?;
        } else {
            sqlx::query("DELETE FROM digest_subscribers WHERE guild_id = $1 AND member_id = $2")
                .bind(i(guild))
                .bind(i(member))
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }

    pub async fn digest_dm_members(
        &self,
        guild: GuildId,
    ) -> Result<HashSet<MemberId>, sqlx::Error> {
        let rows = sqlx::query("SELECT member_id FROM digest_subscribers WHERE guild_id = $1")
            .bind(i(guild))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(|r| r.get::<MemberId, _>(0)).collect())
    }

    // ----- roles by standing ---------------------------------------------------

    /// Remember that a tier role cannot be managed. Returns true the first
    /// time (tell the moderators), false when it was already known.
    pub async fn report_role_problem(
        &self,
        guild: GuildId,
        role: u64,
        problem: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let r = sqlx::query(
            "INSERT INTO role_problems (guild_id, role_id, problem, first_seen) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING",
        )
        .bind(i(guild))
        .bind(i(role))
        .bind(problem)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Roles the planner must leave alone, with the problem recorded.
    pub async fn role_problems(&self, guild: GuildId) -> Result<Vec<(u64, String)>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT role_id, problem FROM role_problems WHERE guild_id = $1 ORDER BY role_id",
        )
        .bind(i(guild))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<i64, _>(0) as u64, r.get(1)))
            .collect())
    }

    /// Forget role problems (after the role settings or the bot's permissions
    /// changed): the roles are tried again, once.
    pub async fn clear_role_problems(&self, guild: GuildId) -> Result<u64, sqlx::Error> {
        let r = sqlx::query("DELETE FROM role_problems WHERE guild_id = $1")
            .bind(i(guild))
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected())
    }

    // ----- log channel ---------------------------------------------------------

    /// The kudos, reversals and adjustments not posted to the log channel yet
    /// (oldest first, at most `limit`); the cursor stays where it is until
    /// [`Store::log_posted`] says they went out, so a failed post is retried
    /// rather than lost. The first call only sets the cursor at the end of the
    /// ledger (history is not posted).
    pub async fn pending_log_entries(
        &self,
        guild: GuildId,
        limit: u32,
    ) -> Result<Vec<StoredEntry>, sqlx::Error> {
        let cur = sqlx::query("SELECT last_entry_id FROM log_cursor WHERE guild_id = $1")
            .bind(i(guild))
            .fetch_optional(&self.pool)
            .await?;
        let Some(cur) = cur.map(|r| r.get::<i64, _>(0)) else {
            sqlx::query(
                "INSERT INTO log_cursor (guild_id, last_entry_id)
                 SELECT $1, coalesce(max(entry_id), 0) FROM ledger WHERE guild_id = $1
                 ON CONFLICT DO NOTHING",
            )
            .bind(i(guild))
            .execute(&self.pool)
            .await?;
            return Ok(vec![]);
        };
        let rows = sqlx::query(
            "SELECT entry_id, member_id, counterpart_id, kind, amount, at, channel_id, message_id, reason, idem_key, reverses
             FROM ledger WHERE guild_id = $1 AND entry_id > $2
               AND kind IN ('kudos', 'reversal', 'adjustment')
             ORDER BY entry_id LIMIT $3",
        )
        .bind(i(guild))
        .bind(cur)
        .bind(limit.max(1) as i64)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(stored_entry).collect())
    }

    /// The log channel has everything up to `entry_id`: move the cursor there
    /// (never backwards).
    pub async fn log_posted(&self, guild: GuildId, entry_id: i64) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE log_cursor SET last_entry_id = greatest(last_entry_id, $2) WHERE guild_id = $1",
        )
        .bind(i(guild))
        .bind(entry_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

impl<A> Store<A> {
    /// Every ledger entry of a guild up to `at`, in ledger order (for what-if).
    pub async fn ledger_until(
        &self,
        guild: GuildId,
        at: DateTime<Utc>,
    ) -> Result<Vec<StoredEntry>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT entry_id, member_id, counterpart_id, kind, amount, at, channel_id, message_id, reason, idem_key, reverses
             FROM ledger WHERE guild_id = $1 AND at <= $2 ORDER BY at, entry_id",
        )
        .bind(i(guild))
        .bind(at)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(stored_entry).collect())
    }

    /// The community's total (recent, lasting) at `points` moments `from + k·step`
    /// (k = 0..points), exact: entries are summed per interval in reference-time
    /// units relative to the last point and accumulated.
    pub async fn totals_series(
        &self,
        guild: GuildId,
        from: DateTime<Utc>,
        step_secs: f64,
        points: u32,
        scales: &Scales,
    ) -> Result<Vec<(DateTime<Utc>, f64, f64)>, sqlx::Error> {
        let points = points.max(1);
        let last = from
            + chrono::Duration::milliseconds((step_secs * 1000.0 * (points - 1) as f64) as i64);
        let rows = sqlx::query(
            "SELECT greatest(0, ceil(extract(epoch FROM at - $2)::float8 / $4))::int AS k,
                    sum(amount * power(2::float8, extract(epoch FROM at - $3)::float8 / 86400.0 / $5)),
                    sum(amount * power(2::float8, extract(epoch FROM at - $3)::float8 / 86400.0 / $6))
             FROM ledger WHERE guild_id = $1 AND at <= $3
             GROUP BY k ORDER BY k",
        )
        .bind(i(guild))
        .bind(from)
        .bind(last)
        .bind(step_secs)
        .bind(scales.recent_half_life)
        .bind(scales.lasting_half_life)
        .fetch_all(&self.pool)
        .await?;
        let mut buckets = vec![(0.0f64, 0.0f64); points as usize];
        for r in &rows {
            let k = (r.get::<i32, _>(0).max(0) as usize).min(points as usize - 1);
            buckets[k].0 += r.get::<Option<f64>, _>(1).unwrap_or(0.0);
            buckets[k].1 += r.get::<Option<f64>, _>(2).unwrap_or(0.0);
        }
        let (mut ar, mut al) = (0.0, 0.0);
        let mut out = Vec::with_capacity(points as usize);
        for (k, (br, bl)) in buckets.into_iter().enumerate() {
            ar += br;
            al += bl;
            let t = from + chrono::Duration::milliseconds((step_secs * 1000.0 * k as f64) as i64);
            let d = crate::capital::decay::days_between(t, last);
            out.push((
                t,
                ar * crate::capital::decay::growth(d, scales.recent_half_life),
                al * crate::capital::decay::growth(d, scales.lasting_half_life),
            ));
        }
        Ok(out)
    }
}

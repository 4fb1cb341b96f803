//! Period boards (what members earned in a week or month), the winners
//! posts claimed once per period, and the living leaderboard's message
//! (migration 0013).

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::ledger::i;
use super::views::BalanceRow;
use super::Store;
use crate::capital::message::{GuildId, MemberId};

/// One member on a period board.
#[derive(Debug, Clone)]
pub struct PeriodTotal {
    pub member_id: MemberId,
    pub name: String,
    /// Sum of the member's entries in the period (reversals included).
    pub earned: f64,
    pub balance: Option<BalanceRow>,
}

impl Store {
    /// Claim the winners post of `period` (e.g. `month:2026-10`): true the
    /// first time only, across restarts and processes.
    pub async fn claim_period_post(
        &self,
        guild: GuildId,
        period: &str,
        channel: u64,
        at: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let r = sqlx::query(
            "INSERT INTO period_posts (guild_id, period, channel_id, claimed_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (guild_id, period) DO NOTHING",
        )
        .bind(i(guild))
        .bind(period)
        .bind(channel as i64)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Give a claim back (the post failed: the next tick tries again).
    pub async fn release_period_post(
        &self,
        guild: GuildId,
        period: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM period_posts WHERE guild_id = $1 AND period = $2")
            .bind(i(guild))
            .bind(period)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_board_message(
        &self,
        guild: GuildId,
        channel: u64,
        message: u64,
        at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO board_messages (guild_id, channel_id, message_id, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (guild_id) DO UPDATE SET channel_id = $2, message_id = $3, updated_at = $4",
        )
        .bind(i(guild))
        .bind(channel as i64)
        .bind(message as i64)
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

impl<A> Store<A> {
    /// The members who earned most in `[from, to)`, excluded and departed
    /// members left out, with their accumulators (for the all-time standing
    /// beside it). An index range scan of the period's entries.
    pub async fn period_totals(
        &self,
        guild: GuildId,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<PeriodTotal>, sqlx::Error> {
        let rows = sqlx::query(
            "WITH t AS (
               SELECT l.member_id, sum(l.amount) AS earned FROM ledger l
               WHERE l.guild_id = $1 AND l.at >= $2 AND l.at < $3
               GROUP BY l.member_id HAVING sum(l.amount) > 0
             )
             SELECT t.member_id, t.earned, coalesce(m.nickname, m.name, t.member_id::text) AS display,
                    b.member_id AS has_balance, b.acc_recent, b.acc_lasting, b.entries, b.last_at
             FROM t
             LEFT JOIN members m ON m.guild_id = $1 AND m.member_id = t.member_id
             LEFT JOIN balances b ON b.guild_id = $1 AND b.member_id = t.member_id
             WHERE NOT coalesce(m.excluded OR m.left_at IS NOT NULL, false)
             ORDER BY t.earned DESC, t.member_id LIMIT $4",
        )
        .bind(i(guild))
        .bind(from)
        .bind(to)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let has = r.try_get::<Option<i64>, _>("has_balance")?.is_some();
            out.push(PeriodTotal {
                member_id: r.try_get("member_id")?,
                name: r.try_get("display")?,
                earned: r.try_get("earned")?,
                balance: has.then(|| super::views::balance_row(r)),
            });
        }
        Ok(out)
    }

    /// The living leaderboard's message: (channel, message, last edited).
    pub async fn board_message(
        &self,
        guild: GuildId,
    ) -> Result<Option<(u64, u64, DateTime<Utc>)>, sqlx::Error> {
        let r = sqlx::query(
            "SELECT channel_id, message_id, updated_at FROM board_messages WHERE guild_id = $1",
        )
        .bind(i(guild))
        .fetch_optional(&self.pool)
        .await?;
        Ok(r.map(|r| {
            (
                r.get::<i64, _>(0) as u64,
                r.get::<i64, _>(1) as u64,
                r.get(2),
            )
        }))
    }
}

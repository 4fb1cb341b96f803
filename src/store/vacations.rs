//! Vacations (migration 0013): spans during which a member's capital does not
//! decay (see `crate::capital::vacation`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::ledger::i;
use super::Store;
use crate::capital::message::{GuildId, MemberId};
use crate::capital::vacation::Span;

impl Store {
    pub async fn start_vacation(
        &self,
        guild: GuildId,
        member: MemberId,
        span: Span,
    ) -> Result<i64, sqlx::Error> {
        let r = sqlx::query(
            "INSERT INTO vacations (guild_id, member_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)
             RETURNING vacation_id",
        )
        .bind(i(guild))
        .bind(i(member))
        .bind(span.start)
        .bind(span.end)
        .fetch_one(&self.pool)
        .await?;
        Ok(r.get(0))
    }

    /// End the member's vacation going on at `at` (a moderator's decision):
    /// its span now ends at `at`. Returns the span as it was, if there was one.
    pub async fn end_vacation(
        &self,
        guild: GuildId,
        member: MemberId,
        moderator: MemberId,
        at: DateTime<Utc>,
    ) -> Result<Option<Span>, sqlx::Error> {
        let r = sqlx::query(
            "UPDATE vacations v SET ends_at = $3, ended_by = $4, ended_at = $3
             FROM (SELECT vacation_id, ends_at FROM vacations
                   WHERE guild_id = $1 AND member_id = $2 AND starts_at <= $3 AND ends_at > $3
                   FOR UPDATE) old
             WHERE v.guild_id = $1 AND v.vacation_id = old.vacation_id
             RETURNING v.starts_at, old.ends_at",
        )
        .bind(i(guild))
        .bind(i(member))
        .bind(at)
        .bind(i(moderator))
        .fetch_optional(&self.pool)
        .await?;
        Ok(r.map(|r| Span {
            start: r.get(0),
            end: r.get(1),
        }))
    }
}

impl<A> Store<A> {
    /// A member's vacations, oldest first (the effective spans).
    pub async fn vacations_of(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Vec<Span>, sqlx::Error> {
        Ok(self
            .vacations_in(guild, &[member])
            .await?
            .remove(&member)
            .unwrap_or_default())
    }

    /// The vacations of several members.
    pub async fn vacations_in(
        &self,
        guild: GuildId,
        members: &[MemberId],
    ) -> Result<HashMap<MemberId, Vec<Span>>, sqlx::Error> {
        let ids: Vec<i64> = members.iter().map(|m| i(*m)).collect();
        let rows = sqlx::query(
            "SELECT member_id, starts_at, ends_at FROM vacations
             WHERE guild_id = $1 AND member_id = ANY($2::bigint[]) ORDER BY starts_at",
        )
        .bind(i(guild))
        .bind(&ids)
        .fetch_all(&self.pool)
        .await?;
        let mut out: HashMap<MemberId, Vec<Span>> = HashMap::new();
        for r in rows {
            out.entry(r.get::<MemberId, _>(0)).or_default().push(Span {
                start: r.get(1),
                end: r.get(2),
            });
        }
        Ok(out)
    }

    /// Members on vacation at `at`.
    pub async fn on_vacation(
        &self,
        guild: GuildId,
        at: DateTime<Utc>,
    ) -> Result<Vec<MemberId>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT DISTINCT member_id FROM vacations
             WHERE guild_id = $1 AND starts_at <= $2 AND ends_at > $2",
        )
        .bind(i(guild))
        .bind(at)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(|r| r.get::<MemberId, _>(0)).collect())
    }

    /// How many vacations the guild has ever had (0: no balance needs them).
    pub async fn count_vacations(&self, guild: GuildId) -> Result<u64, sqlx::Error> {
        let r = sqlx::query("SELECT count(*) FROM vacations WHERE guild_id = $1")
            .bind(i(guild))
            .fetch_one(&self.pool)
            .await?;
        Ok(r.get::<i64, _>(0) as u64)
    }

    /// Every entry of a member as (amount, time), oldest first: what a
    /// balance with vacations is computed from.
    pub async fn member_amounts(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<Vec<(f64, DateTime<Utc>)>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT amount, at FROM ledger WHERE guild_id = $1 AND member_id = $2 ORDER BY at",
        )
        .bind(i(guild))
        .bind(i(member))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }
}

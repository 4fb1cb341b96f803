//! A member's life in the store: leaving, coming back to tracking, being
//! forgotten. Everything else about members (names, opt-out lists, first
//! entries) is read with the views that need it.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::ledger::{i, snapshot_standings};
use super::Store;
use crate::capital::message::{GuildId, MemberId};

impl Store {
    /// Note that a member left the guild (their data is kept until the
    /// departure clean-up, see [`Store::departed_before`]).
    pub async fn mark_left(
        &self,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE members SET left_at = $3 WHERE guild_id = $1 AND member_id = $2")
            .bind(i(guild))
            .bind(i(member))
            .bind(at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Members who left at or before `before` and did not come back.
    pub async fn departed_before(
        &self,
        guild: GuildId,
        before: DateTime<Utc>,
    ) -> Result<Vec<MemberId>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT member_id FROM members WHERE guild_id = $1 AND left_at IS NOT NULL AND left_at <= $2",
        )
        .bind(i(guild))
        .bind(before)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(|r| r.get::<i64, _>(0) as u64).collect())
    }

    /// Track an opted-out member again (from their next message on: what was
    /// deleted at opt-out stays deleted).
    pub async fn opt_in(&self, guild: GuildId, member: MemberId) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE members SET opted_out = false WHERE guild_id = $1 AND member_id = $2")
            .bind(i(guild))
            .bind(i(member))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Delete what is stored about a member (opt-out, departure, `goodwill forget`).
    /// Their own entries and accumulators go; entries of others where they were
    /// only the counterpart keep the other member's amount but lose the link.
    /// With `remember_opt_out` the member row stays, anonymised, to keep them untracked.
    pub async fn forget_member(
        &self,
        guild: GuildId,
        member: MemberId,
        remember_opt_out: bool,
    ) -> Result<u64, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let g = i(guild);
        let m = i(member);
        sqlx::query("SELECT 1 FROM guilds WHERE guild_id = $1 FOR UPDATE")
            .bind(g)
            .execute(&mut *tx)
            .await?;
        let deleted = sqlx::query("DELETE FROM ledger WHERE guild_id = $1 AND member_id = $2")
            .bind(g)
            .bind(m)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query(
            "UPDATE ledger SET counterpart_id = NULL, reason = replace(reason, $2::text, 'a former member')
             WHERE guild_id = $1 AND counterpart_id = $2",
        )
        .bind(g)
        .bind(m)
        .execute(&mut *tx)
        .await?;
        let gone = sqlx::query("DELETE FROM balances WHERE guild_id = $1 AND member_id = $2")
            .bind(g)
            .bind(m)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone > 0 {
            snapshot_standings(&mut tx, guild).await?;
        }
        sqlx::query("DELETE FROM messages WHERE guild_id = $1 AND author_id = $2")
            .bind(g)
            .bind(m)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE messages SET thanked = array_remove(thanked, $2), addressees = array_remove(addressees, $2)
             WHERE guild_id = $1 AND ($2 = ANY(thanked) OR $2 = ANY(addressees))",
        )
        .bind(g)
        .bind(m)
        .execute(&mut *tx)
        .await?;
        if remember_opt_out {
            sqlx::query(
                "INSERT INTO members (guild_id, member_id, name, first_seen, opted_out) VALUES ($1, $2, 'opted-out member', now(), true)
                 ON CONFLICT (guild_id, member_id) DO UPDATE SET opted_out = true, name = 'opted-out member', nickname = NULL",
            )
            .bind(g)
            .bind(m)
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query("DELETE FROM members WHERE guild_id = $1 AND member_id = $2")
                .bind(g)
                .bind(m)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(deleted)
    }
}

//! What the web pages and the API read besides the views: who must not be
//! shown, the name search, and the API tokens (hashes only).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::ledger::i;
use super::Store;
use crate::capital::message::{GuildId, MemberId};

/// One API token as listed to moderators (never the token itself).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ApiTokenRow {
    pub name: String,
    pub created_by: MemberId,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Store a new token's hash; false if the guild already has a token of that name.
    pub async fn insert_api_token(
        &self,
        guild: GuildId,
        name: &str,
        hash: &str,
        by: MemberId,
        at: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let r = sqlx::query(
            "INSERT INTO api_tokens (guild_id, name, token_hash, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(i(guild))
        .bind(name)
        .bind(hash)
        .bind(i(by))
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Delete a token by name; false if there was none.
    pub async fn delete_api_token(&self, guild: GuildId, name: &str) -> Result<bool, sqlx::Error> {
        let r = sqlx::query("DELETE FROM api_tokens WHERE guild_id = $1 AND name = $2")
            .bind(i(guild))
            .bind(name)
            .execute(&self.pool)
            .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Whether the guild has a token with this hash; notes its use (at most
    /// once a minute, so a busy client does not write on every call).
    pub async fn use_api_token(
        &self,
        guild: GuildId,
        hash: &str,
        at: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let r = sqlx::query(
            "WITH t AS (SELECT name, last_used_at FROM api_tokens WHERE guild_id = $1 AND token_hash = $2),
                  u AS (UPDATE api_tokens a SET last_used_at = $3 FROM t
                        WHERE a.guild_id = $1 AND a.name = t.name
                          AND (t.last_used_at IS NULL OR t.last_used_at < $3 - interval '1 minute'))
             SELECT count(*) FROM t",
        )
        .bind(i(guild))
        .bind(hash)
        .bind(at)
        .fetch_one(&self.pool)
        .await?;
        Ok(r.get::<i64, _>(0) > 0)
    }
}

impl<A> Store<A> {
    /// Members who opted out, are excluded from the boards or left: the web
    /// never shows them.
    pub async fn web_hidden_members(
        &self,
        guild: GuildId,
    ) -> Result<HashSet<MemberId>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT member_id FROM members WHERE guild_id = $1 AND (opted_out OR excluded OR left_at IS NOT NULL)",
        )
        .bind(i(guild))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(|r| r.get::<MemberId, _>(0)).collect())
    }

    /// Ranked members (with a balance) whose name or nickname contains `q`
    /// (case-insensitive), best stored standing first; opted-out, excluded and
    /// departed members are left out. Returns the page and the number of matches.
    pub async fn search_ranked(
        &self,
        guild: GuildId,
        q: &str,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<MemberId>, u64), sqlx::Error> {
        let rows = sqlx::query(
            "SELECT m.member_id, count(*) OVER () AS total
             FROM members m JOIN balances b ON b.guild_id = m.guild_id AND b.member_id = m.member_id
             WHERE m.guild_id = $1 AND NOT m.opted_out AND NOT m.excluded AND m.left_at IS NULL
               AND (strpos(lower(m.name), lower($2)) > 0 OR strpos(lower(coalesce(m.nickname, '')), lower($2)) > 0)
             ORDER BY b.standing_key DESC, m.member_id
             OFFSET $3 LIMIT $4",
        )
        .bind(i(guild))
        .bind(q)
        .bind(offset as i64)
        .bind(limit as i64)
        .fetch_all(&self.pool)
        .await?;
        let total = rows.first().map(|r| r.get::<i64, _>(1) as u64).unwrap_or(0);
        Ok((
            rows.iter().map(|r| r.get::<MemberId, _>(0)).collect(),
            total,
        ))
    }

    pub async fn api_tokens(&self, guild: GuildId) -> Result<Vec<ApiTokenRow>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT name, created_by, created_at, last_used_at FROM api_tokens
             WHERE guild_id = $1 ORDER BY created_at, name",
        )
        .bind(i(guild))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| ApiTokenRow {
                name: r.get(0),
                created_by: r.get(1),
                created_at: r.get(2),
                last_used_at: r.get(3),
            })
            .collect())
    }
}

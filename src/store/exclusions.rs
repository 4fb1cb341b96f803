//! Who is kept off the boards: members the guild's `[exclude]` settings cover
//! (by id or by one of their Discord roles) and members who left. The flag
//! `members.excluded` is written with the roles and recomputed when the
//! settings change, so boards read one partial index (migration 0012).

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::ledger::i;
use super::Store;
use crate::capital::message::{GuildId, MemberId, Person};
use crate::capital::settings::ExcludeSettings;

fn ids(v: &[u64]) -> Vec<i64> {
    v.iter().map(|x| *x as i64).collect()
}

impl Store {
    /// Store members' current role ids (and whether `ex` now excludes them).
    /// A member not stored yet gets a row (named as the gateway names them).
    pub async fn set_member_roles(
        &self,
        guild: GuildId,
        members: &[(Person, Vec<u64>)],
        ex: &ExcludeSettings,
        at: DateTime<Utc>,
    ) -> Result<(), sqlx::Error> {
        if members.is_empty() {
            return Ok(());
        }
        let mut mids = Vec::with_capacity(members.len());
        let mut names = Vec::with_capacity(members.len());
        let mut nicks = Vec::with_capacity(members.len());
        let mut roles = Vec::with_capacity(members.len());
        for (p, r) in members {
            mids.push(i(p.id));
            names.push(p.name.replace('\0', ""));
            nicks.push(p.nickname.as_ref().map(|n| n.replace('\0', "")));
            roles.push(
                r.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            );
        }
        sqlx::query(
            "INSERT INTO members (guild_id, member_id, name, nickname, first_seen, roles, excluded)
             SELECT $1, x.m, x.n, x.k, $5, string_to_array(x.r, ',')::bigint[],
                    string_to_array(x.r, ',')::bigint[] && $6::bigint[] OR x.m = ANY($7::bigint[])
             FROM UNNEST($2::bigint[], $3::text[], $4::text[], $8::text[]) AS x(m, n, k, r)
             ON CONFLICT (guild_id, member_id) DO UPDATE SET
               roles = excluded.roles, excluded = excluded.excluded",
        )
        .bind(i(guild))
        .bind(&mids)
        .bind(&names)
        .bind(&nicks)
        .bind(at)
        .bind(ids(&ex.roles))
        .bind(ids(&ex.members))
        .bind(&roles)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Recompute `members.excluded` for the whole guild after its exclude
    /// settings changed (or at start, when the file settings may have).
    pub async fn refresh_excluded(
        &self,
        guild: GuildId,
        ex: &ExcludeSettings,
    ) -> Result<u64, sqlx::Error> {
        let r = sqlx::query(
            "UPDATE members SET excluded = x.now
             FROM (SELECT member_id, (roles && $2::bigint[] OR member_id = ANY($3::bigint[])) AS now
                   FROM members WHERE guild_id = $1) x
             WHERE members.guild_id = $1 AND members.member_id = x.member_id
               AND members.excluded <> x.now",
        )
        .bind(i(guild))
        .bind(ids(&ex.roles))
        .bind(ids(&ex.members))
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected())
    }
}

impl<A> Store<A> {
    /// Members the exclude settings cover (not tracked).
    pub async fn excluded_members(&self, guild: GuildId) -> Result<Vec<MemberId>, sqlx::Error> {
        let rows = sqlx::query("SELECT member_id FROM members WHERE guild_id = $1 AND excluded")
            .bind(i(guild))
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.iter().map(|r| r.get::<MemberId, _>(0)).collect())
    }

    /// Members kept off the boards (excluded, or left the guild), with a
    /// balance or not.
    pub async fn hidden_members(&self, guild: GuildId) -> Result<Vec<MemberId>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT member_id FROM members WHERE guild_id = $1 AND (excluded OR left_at IS NOT NULL)",
        )
        .bind(i(guild))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(|r| r.get::<MemberId, _>(0)).collect())
    }

    /// A leaderboard page by the stored key without the `hidden` members, and
    /// how many members it ranks (O(depth); used while any are hidden).
    pub async fn standings_visible(
        &self,
        guild: GuildId,
        hidden: &[MemberId],
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<super::views::BalanceRow>, u64), sqlx::Error> {
        let h: Vec<i64> = hidden.iter().map(|m| i(*m)).collect();
        let rows = sqlx::query(
            "SELECT b.member_id, b.acc_recent, b.acc_lasting, b.entries, b.last_at FROM balances b
             WHERE b.guild_id = $1 AND b.member_id <> ALL($4::bigint[])
             ORDER BY b.standing_key DESC, b.member_id
             OFFSET $2 LIMIT $3",
        )
        .bind(i(guild))
        .bind(offset as i64)
        .bind(limit as i64)
        .bind(&h)
        .fetch_all(&self.pool)
        .await?;
        let total = sqlx::query(
            "SELECT count(*) FROM balances WHERE guild_id = $1 AND member_id <> ALL($2::bigint[])",
        )
        .bind(i(guild))
        .bind(&h)
        .fetch_one(&self.pool)
        .await?
        .get::<i64, _>(0) as u64;
        Ok((rows.iter().map(super::views::balance_row).collect(), total))
    }
}

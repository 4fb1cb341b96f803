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

    /// A leaderboard page by the stored key without the members kept off
    /// the boards, and how many members it ranks: [`Store::standings_page`]
    /// without the guild row.
    pub async fn standings_visible(
        &self,
        guild: GuildId,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<super::views::BalanceRow>, u64), sqlx::Error> {
        Ok(match self.standings_page(guild, offset, limit).await? {
            Some(page) => (page.rows.into_iter().map(|r| r.0).collect(), page.total),
            None => (Vec::new(), 0),
        })
    }
}

/// Most hidden members [`Store::standings_page`] reads around; past it, a
/// page is read by OFFSET.
pub const HIDDEN_WINDOW_MAX: usize = 1_000;

/// A page of the board without the hidden members, from the full board's
/// rows starting at the page's offset (widened by the hidden count): the
/// hidden rows dropped, then the first `skip` visible rows (those the hidden
/// members ahead of the offset pushed down into it), then `limit` rows.
pub(super) fn visible_page(
    full: impl Iterator<Item = (super::views::BalanceRow, String)>,
    hidden: &[MemberId],
    skip: usize,
    limit: usize,
) -> Vec<(super::views::BalanceRow, String)> {
    let hidden: std::collections::HashSet<MemberId> = hidden.iter().copied().collect();
    full.filter(|r| !hidden.contains(&r.0.member_id))
        .skip(skip)
        .take(limit)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::views::BalanceRow;

    fn row(m: u64) -> BalanceRow {
        BalanceRow {
            member_id: MemberId(m),
            acc: Default::default(),
            entries: 1,
            last_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }

    /// The window rule against the definition (drop the hidden, then page)
    /// on every offset of a board with hidden members in every position.
    #[test]
    fn reading_around_hidden_members_gives_the_pages_of_the_board_without_them() {
        let board: Vec<u64> = (1..=40).collect();
        let hidden: Vec<MemberId> = [1, 2, 7, 8, 9, 20, 33, 40].map(MemberId).to_vec();
        let visible: Vec<u64> = board
            .iter()
            .copied()
            .filter(|m| !hidden.contains(&MemberId(*m)))
            .collect();
        let limit = 5;
        for offset in 0..board.len() {
            let end = (offset + limit + hidden.len()).min(board.len());
            let window = &board[offset.min(end)..end];
            let before = hidden
                .iter()
                .filter(|h| board.iter().position(|m| MemberId(*m) == **h) < Some(offset))
                .count();
            let rows = window.iter().map(|m| (row(*m), String::new()));
            let got: Vec<u64> = visible_page(rows, &hidden, before, limit)
                .iter()
                .map(|r| r.0.member_id.get())
                .collect();
            let want: Vec<u64> = visible.iter().copied().skip(offset).take(limit).collect();
            assert_eq!(got, want, "offset {offset}");
        }
    }
}

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
        // What else names them: vacations, appeals they filed, the decay
        // warnings sent to them and their DM subscription.
        for sql in [
            "DELETE FROM vacations WHERE guild_id = $1 AND member_id = $2",
            "DELETE FROM appeals WHERE guild_id = $1 AND member_id = $2",
            "DELETE FROM warnings_sent WHERE guild_id = $1 AND member_id = $2",
            "DELETE FROM digest_subscribers WHERE guild_id = $1 AND member_id = $2",
        ] {
            sqlx::query(sql).bind(g).bind(m).execute(&mut *tx).await?;
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

impl<A> Store<A> {
    /// Everything stored about one member of a guild, as one JSON document
    /// (`/mydata`): the member row, every ledger entry about them, the
    /// metadata of their messages (no content is stored), the conversations
    /// they opened, their vacations and appeals, their warning and digest
    /// settings. Ids are strings (a
    /// snowflake does not fit a JavaScript number).
    pub async fn member_data(
        &self,
        guild: GuildId,
        member: MemberId,
    ) -> Result<serde_json::Value, sqlx::Error> {
        let r = sqlx::query(
            "SELECT json_build_object(
               'member', (SELECT json_build_object('member_id', m.member_id::text, 'name', m.name,
                              'nickname', m.nickname, 'first_seen', m.first_seen,
                              'opted_out', m.opted_out, 'left_at', m.left_at)
                          FROM members m WHERE m.guild_id = $1 AND m.member_id = $2),
               'balance', (SELECT json_build_object('entries', b.entries, 'last_at', b.last_at)
                           FROM balances b WHERE b.guild_id = $1 AND b.member_id = $2),
               'entries', coalesce((SELECT json_agg(json_build_object(
                              'entry_id', l.entry_id, 'kind', l.kind, 'amount', l.amount, 'at', l.at,
                              'counterpart_id', l.counterpart_id::text, 'channel_id', l.channel_id::text,
                              'message_id', l.message_id::text, 'reason', l.reason,
                              'reverses', l.reverses) ORDER BY l.at, l.entry_id)
                           FROM ledger l WHERE l.guild_id = $1 AND l.member_id = $2), '[]'::json),
               'messages', coalesce((SELECT json_agg(json_build_object(
                              'message_id', x.message_id::text, 'channel_id', x.channel_id::text,
                              'at', x.at, 'reply_to', x.reply_to::text, 'flags', x.flags,
                              'conversation_id', x.conversation_id::text, 'deleted_at', x.deleted_at)
                              ORDER BY x.at, x.message_id)
                           FROM messages x WHERE x.guild_id = $1 AND x.author_id = $2), '[]'::json),
               'conversations_opened', coalesce((SELECT json_agg(json_build_object(
                              'conversation_id', c.conversation_id::text, 'channel_id', c.channel_id::text,
                              'opened_at', c.opened_at, 'state', c.state,
                              'solution_message_id', c.solution_message_id::text) ORDER BY c.opened_at)
                           FROM conversations c WHERE c.guild_id = $1 AND c.opener_id = $2), '[]'::json),
               'warnings_sent', coalesce((SELECT json_agg(json_build_object(
                              'tier', w.tier, 'falls_on', w.falls_on, 'sent_at', w.sent_at) ORDER BY w.sent_at)
                           FROM warnings_sent w WHERE w.guild_id = $1 AND w.member_id = $2), '[]'::json),
               'vacations', coalesce((SELECT json_agg(json_build_object(
                              'starts_at', v.starts_at, 'ends_at', v.ends_at,
                              'ended_by', v.ended_by::text, 'ended_at', v.ended_at) ORDER BY v.starts_at)
                           FROM vacations v WHERE v.guild_id = $1 AND v.member_id = $2), '[]'::json),
               'appeals', coalesce((SELECT json_agg(json_build_object(
                              'entry_id', a.entry_id, 'reason', a.reason, 'filed_at', a.filed_at,
                              'status', a.status, 'decided_at', a.decided_at, 'note', a.note)
                              ORDER BY a.filed_at)
                           FROM appeals a WHERE a.guild_id = $1 AND a.member_id = $2), '[]'::json),
               'warnings_by_dm', EXISTS (SELECT 1 FROM digest_subscribers d
                                         WHERE d.guild_id = $1 AND d.member_id = $2))",
        )
        .bind(i(guild))
        .bind(i(member))
        .fetch_one(&self.pool)
        .await?;
        r.try_get(0)
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
        Ok(rows.iter().map(|r| r.get::<MemberId, _>(0)).collect())
    }
}

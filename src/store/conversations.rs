//! Conversations in PostgreSQL: written with the batch that changed them (in
//! the same transaction as the entries they caused), read back when a guild's
//! memory is rebuilt, and listed for helpers.

use chrono::{DateTime, Utc};
use sqlx::{Postgres, Row, Transaction};

use super::ledger::i;
use super::Store;
use crate::capital::conversation::{Ask, Conversation, ConversationId, Responder, Solution, State};
use crate::capital::message::{
    ChannelId, GuildId, MemberId, MessageFlags, MessageId, Person, RecentMessage,
};

/// Columns read back into a [`Conversation`], in [`row_to_conversation`]'s order.
macro_rules! conversation_cols {
    () => {
        "conversation_id, channel_id, thread, opener_id, opened_at, last_at,
         ask_message_id, ask_at, ask_evidence, charged, state, responders,
         solution_message_id, solver_id, solution_by, solved_at"
    };
}

fn row_to_conversation(r: &sqlx::postgres::PgRow) -> Result<Conversation, sqlx::Error> {
    let responders: serde_json::Value = r.try_get(11)?;
    let responders: Vec<Responder> =
        serde_json::from_value(responders).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let ask = match r.try_get::<Option<i64>, _>(6)? {
        Some(m) => Some(Ask {
            message: MessageId(m as u64),
            at: r.try_get(7)?,
            evidence: r.try_get::<Option<String>, _>(8)?.unwrap_or_default(),
        }),
        None => None,
    };
    let state: String = r.try_get(10)?;
    let solution = match (
        r.try_get::<Option<i64>, _>(12)?,
        r.try_get::<Option<i64>, _>(13)?,
        r.try_get::<Option<DateTime<Utc>>, _>(15)?,
    ) {
        (Some(m), Some(solver), Some(at)) => Some(Solution {
            message: MessageId(m as u64),
            solver: MemberId(solver as u64),
            marked_by: r.try_get::<Option<MemberId>, _>(14)?,
            at,
        }),
        _ => None,
    };
    Ok(Conversation {
        id: ConversationId(r.try_get::<MessageId, _>(0)?),
        channel: r.try_get::<ChannelId, _>(1)?,
        thread: r.try_get(2)?,
        opener: r.try_get::<MemberId, _>(3)?,
        opened_at: r.try_get(4)?,
        last_at: r.try_get(5)?,
        ask,
        charged: r.try_get(9)?,
        responders,
        state: State::parse(&state).unwrap_or_default(),
        solution,
    })
}

/// Insert or update conversations (the latest version of each wins).
pub(crate) async fn upsert(
    tx: &mut Transaction<'_, Postgres>,
    guild: GuildId,
    convs: &[Conversation],
) -> Result<(), sqlx::Error> {
    if convs.is_empty() {
        return Ok(());
    }
    // One row per conversation: a batch may carry several versions.
    let mut latest: Vec<&Conversation> = Vec::with_capacity(convs.len());
    let mut seen = std::collections::HashMap::new();
    for c in convs {
        match seen.get(&c.id) {
            Some(&k) => latest[k] = c,
            None => {
                seen.insert(c.id, latest.len());
                latest.push(c);
            }
        }
    }
    let n = latest.len();
    let mut ids = Vec::with_capacity(n);
    let mut chans = Vec::with_capacity(n);
    let mut threads = Vec::with_capacity(n);
    let mut openers = Vec::with_capacity(n);
    let mut opened = Vec::with_capacity(n);
    let mut last = Vec::with_capacity(n);
    let mut ask_ids: Vec<Option<i64>> = Vec::with_capacity(n);
    let mut ask_ats: Vec<Option<DateTime<Utc>>> = Vec::with_capacity(n);
    let mut ask_ev: Vec<Option<String>> = Vec::with_capacity(n);
    let mut charged = Vec::with_capacity(n);
    let mut states = Vec::with_capacity(n);
    let mut responders = Vec::with_capacity(n);
    let mut sol_msg: Vec<Option<i64>> = Vec::with_capacity(n);
    let mut solver: Vec<Option<i64>> = Vec::with_capacity(n);
    let mut sol_by: Vec<Option<i64>> = Vec::with_capacity(n);
    let mut solved_at: Vec<Option<DateTime<Utc>>> = Vec::with_capacity(n);
    for c in latest {
        let sol = c.solution.as_ref();
        sol_msg.push(sol.map(|x| x.message.get() as i64));
        solver.push(sol.map(|x| x.solver.get() as i64));
        sol_by.push(sol.and_then(|x| x.marked_by).map(|x| x.get() as i64));
        solved_at.push(sol.map(|x| x.at));
        ids.push(c.id.0.get() as i64);
        chans.push(c.channel.get() as i64);
        threads.push(c.thread);
        openers.push(c.opener.get() as i64);
        opened.push(c.opened_at);
        last.push(c.last_at);
        ask_ids.push(c.ask.as_ref().map(|a| a.message.get() as i64));
        ask_ats.push(c.ask.as_ref().map(|a| a.at));
        ask_ev.push(c.ask.as_ref().map(|a| a.evidence.clone()));
        charged.push(c.charged);
        states.push(c.state.as_str().to_string());
        responders.push(serde_json::to_string(&c.responders).unwrap_or_else(|_| "[]".into()));
    }
    sqlx::query(
        "INSERT INTO conversations (guild_id, conversation_id, channel_id, thread, opener_id, opened_at,
             last_at, ask_message_id, ask_at, ask_evidence, charged, state, responders,
             solution_message_id, solver_id, solution_by, solved_at)
         SELECT $1, u.id, u.ch, u.th, u.op, u.oa, u.la, u.am, u.aa, u.ae, u.cg, u.st, u.rs::jsonb,
                u.sm, u.sv, u.sb, u.sa
         FROM UNNEST($2::bigint[], $3::bigint[], $4::bool[], $5::bigint[], $6::timestamptz[],
                     $7::timestamptz[], $8::bigint[], $9::timestamptz[], $10::text[], $11::bool[],
                     $12::text[], $13::text[], $14::bigint[], $15::bigint[], $16::bigint[],
                     $17::timestamptz[])
              AS u(id, ch, th, op, oa, la, am, aa, ae, cg, st, rs, sm, sv, sb, sa)
         ON CONFLICT (guild_id, conversation_id) DO UPDATE SET
             last_at = greatest(conversations.last_at, excluded.last_at),
             ask_message_id = excluded.ask_message_id, ask_at = excluded.ask_at,
             ask_evidence = excluded.ask_evidence, charged = excluded.charged,
             state = excluded.state, responders = excluded.responders,
             solution_message_id = excluded.solution_message_id, solver_id = excluded.solver_id,
             solution_by = excluded.solution_by, solved_at = excluded.solved_at",
    )
    .bind(i(guild))
    .bind(&ids)
    .bind(&chans)
    .bind(&threads)
    .bind(&openers)
    .bind(&opened)
    .bind(&last)
    .bind(&ask_ids)
    .bind(&ask_ats)
    .bind(&ask_ev)
    .bind(&charged)
    .bind(&states)
    .bind(&responders)
    .bind(&sol_msg)
    .bind(&solver)
    .bind(&sol_by)
    .bind(&solved_at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
    /// Conversations active in `[since, before)`, and threads active since
    /// `threads_since`: what a rebuilt memory needs to continue them.
    pub async fn conversations_active(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
        threads_since: DateTime<Utc>,
        before: DateTime<Utc>,
    ) -> Result<Vec<Conversation>, sqlx::Error> {
        sqlx::query(concat!(
            "SELECT ",
            conversation_cols!(),
            " FROM conversations WHERE guild_id = $1 AND opened_at < $3
                AND (last_at >= $2 OR (thread AND last_at >= $4))
              ORDER BY opened_at"
        ))
        .bind(i(guild))
        .bind(since)
        .bind(before)
        .bind(threads_since)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(row_to_conversation)
        .collect()
    }

    /// The time of the latest stored message before `before`: what a rebuilt
    /// channel memory is anchored on (the first event after a restart may be
    /// a reaction, dated on receipt, long after the last message).
    pub async fn last_message_before(
        &self,
        guild: GuildId,
        before: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
        let r = sqlx::query("SELECT max(at) FROM messages WHERE guild_id = $1 AND at < $2")
            .bind(i(guild))
            .bind(before)
            .fetch_one(&self.pool)
            .await?;
        r.try_get(0)
    }

    /// The stored messages of `[since, before)`, oldest first, as the
    /// channel memory keeps them (deleted ones too: a memory that saw a
    /// message deleted still places later messages by it): a rebuilt memory starts where the last one
    /// stopped, so a restart in the middle of a conversation changes nothing.
    pub async fn recent_messages(
        &self,
        guild: GuildId,
        since: DateTime<Utc>,
        before: DateTime<Utc>,
    ) -> Result<Vec<(ChannelId, RecentMessage)>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT m.channel_id, m.message_id, m.author_id, m.at, m.reply_to, m.flags, m.thanked,
                    m.addressees, m.conversation_id,
                    coalesce(mb.name, ''), mb.nickname, coalesce(mb.is_bot, false)
             FROM messages m LEFT JOIN members mb ON mb.guild_id = m.guild_id AND mb.member_id = m.author_id
             WHERE m.guild_id = $1 AND m.at >= $2 AND m.at < $3
             ORDER BY m.at, m.message_id",
        )
        .bind(i(guild))
        .bind(since)
        .bind(before)
        .fetch_all(&self.pool)
        .await?;
        let ids = |v: Vec<i64>| {
            v.into_iter()
                .map(|x| MemberId(x as u64))
                .collect::<Vec<_>>()
        };
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get::<ChannelId, _>(0)?,
                    RecentMessage {
                        id: r.try_get::<MessageId, _>(1)?,
                        author: Person {
                            id: r.try_get::<MemberId, _>(2)?,
                            name: r.try_get(9)?,
                            nickname: r.try_get(10)?,
                            is_bot: r.try_get(11)?,
                        },
                        at: r.try_get(3)?,
                        reply_to: r.try_get::<Option<MessageId>, _>(4)?,
                        mentions: vec![],
                        addressees: ids(r.try_get(7)?),
                        flags: MessageFlags::from_bits(r.try_get(5)?),
                        thanked: ids(r.try_get(6)?),
                        conversation: r
                            .try_get::<Option<i64>, _>(8)?
                            .map(|x| ConversationId(MessageId(x as u64))),
                    },
                ))
            })
            .collect()
    }

    /// The last member other than `opener` (and no bot) who wrote in a
    /// conversation, with that message: whom a Solved tag applied by hand
    /// credits.
    pub async fn last_responder(
        &self,
        guild: GuildId,
        id: ConversationId,
        opener: MemberId,
    ) -> Result<Option<(MemberId, MessageId)>, sqlx::Error> {
        let r = sqlx::query(
            "SELECT m.author_id, m.message_id FROM messages m
             LEFT JOIN members mb ON mb.guild_id = m.guild_id AND mb.member_id = m.author_id
             WHERE m.guild_id = $1 AND m.conversation_id = $2 AND m.author_id <> $3
               AND m.deleted_at IS NULL AND NOT coalesce(mb.is_bot, false)
             ORDER BY m.at DESC, m.message_id DESC LIMIT 1",
        )
        .bind(i(guild))
        .bind(i(id.0))
        .bind(i(opener))
        .fetch_optional(&self.pool)
        .await?;
        Ok(r.map(|r| (r.get::<MemberId, _>(0), r.get::<MessageId, _>(1))))
    }

    /// Threads and forum posts that were answered (or thanked) but have no
    /// accepted solution, quiet since before `idle_before`, opened since
    /// `since`, and whose opener was never asked whether it was solved.
    pub async fn nudges_due(
        &self,
        guild: GuildId,
        idle_before: DateTime<Utc>,
        since: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Conversation>, sqlx::Error> {
        sqlx::query(concat!(
            "SELECT ",
            conversation_cols!(),
            " FROM conversations WHERE guild_id = $1 AND thread AND ask_message_id IS NOT NULL
                AND solution_message_id IS NULL AND nudged_at IS NULL
                AND state IN ('answered', 'thanked') AND last_at < $2 AND opened_at >= $3
              ORDER BY last_at LIMIT $4"
        ))
        .bind(i(guild))
        .bind(idle_before)
        .bind(since)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(row_to_conversation)
        .collect()
    }

    /// Remember that the opener was asked (once per conversation). Returns
    /// false when someone else (another process) did it first.
    pub async fn set_nudged(
        &self,
        guild: GuildId,
        id: ConversationId,
        at: DateTime<Utc>,
    ) -> Result<bool, sqlx::Error> {
        let r = sqlx::query(
            "UPDATE conversations SET nudged_at = $3
             WHERE guild_id = $1 AND conversation_id = $2 AND nudged_at IS NULL",
        )
        .bind(i(guild))
        .bind(i(id.0))
        .bind(at)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }
}

/// One conversation `/unsolved` lists.
#[derive(Debug, Clone, serde::Serialize)]
pub struct UnsolvedRow {
    pub conversation: ConversationId,
    pub channel_id: ChannelId,
    pub thread: bool,
    pub opener_id: MemberId,
    pub opener_name: String,
    pub opened_at: DateTime<Utc>,
    pub last_at: DateTime<Utc>,
    pub ask_message_id: MessageId,
    pub state: State,
    /// Members other than the opener who took part.
    pub responders: u32,
    pub channel_name: String,
}

impl<A> Store<A> {
    /// Conversations that asked for help and have no accepted solution (nor
    /// a thanks), opened since `since`, oldest first: `limit` of them and how
    /// many there are. `channel` narrows to one channel: its own id, or its
    /// name (a forum's posts are stored under the forum's name).
    pub async fn unsolved(
        &self,
        guild: GuildId,
        channel: Option<(ChannelId, &str)>,
        since: DateTime<Utc>,
        limit: u32,
    ) -> Result<(Vec<UnsolvedRow>, u64), sqlx::Error> {
        let rows = sqlx::query(
            "SELECT c.conversation_id, c.channel_id, c.thread, c.opener_id,
                    coalesce(mb.nickname, mb.name, c.opener_id::text), c.opened_at, c.last_at,
                    c.ask_message_id, c.state, jsonb_array_length(c.responders),
                    coalesce(ch.name, ''), count(*) OVER ()
             FROM conversations c
             LEFT JOIN members mb ON mb.guild_id = c.guild_id AND mb.member_id = c.opener_id
             LEFT JOIN channels ch ON ch.guild_id = c.guild_id AND ch.channel_id = c.channel_id
             WHERE c.guild_id = $1 AND c.ask_message_id IS NOT NULL
               AND c.solution_message_id IS NULL AND c.state <> 'thanked' AND c.opened_at >= $2
               AND ($3::bigint IS NULL OR c.channel_id = $3 OR ch.name = $4)
               AND NOT coalesce(mb.opted_out, false)
             ORDER BY c.opened_at, c.conversation_id
             LIMIT $5",
        )
        .bind(i(guild))
        .bind(since)
        .bind(channel.map(|c| i(c.0)))
        .bind(channel.map(|c| c.1))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        let total = rows.first().map_or(0, |r| r.get::<i64, _>(11) as u64);
        let rows = rows
            .iter()
            .map(|r| UnsolvedRow {
                conversation: ConversationId(r.get::<MessageId, _>(0)),
                channel_id: r.get::<ChannelId, _>(1),
                thread: r.get(2),
                opener_id: r.get::<MemberId, _>(3),
                opener_name: r.get(4),
                opened_at: r.get(5),
                last_at: r.get(6),
                ask_message_id: r.get::<MessageId, _>(7),
                state: State::parse(r.get::<&str, _>(8)).unwrap_or_default(),
                responders: r.get::<i32, _>(9).max(0) as u32,
                channel_name: r.get(10),
            })
            .collect();
        Ok((rows, total))
    }

    /// A channel's stored name ("" when unknown).
    pub async fn channel_name(
        &self,
        guild: GuildId,
        channel: ChannelId,
    ) -> Result<String, sqlx::Error> {
        let r = sqlx::query("SELECT name FROM channels WHERE guild_id = $1 AND channel_id = $2")
            .bind(i(guild))
            .bind(i(channel))
            .fetch_optional(&self.pool)
            .await?;
        Ok(r.map(|r| r.get(0)).unwrap_or_default())
    }

    /// One conversation.
    pub async fn conversation(
        &self,
        guild: GuildId,
        id: ConversationId,
    ) -> Result<Option<Conversation>, sqlx::Error> {
        sqlx::query(concat!(
            "SELECT ",
            conversation_cols!(),
            " FROM conversations WHERE guild_id = $1 AND conversation_id = $2"
        ))
        .bind(i(guild))
        .bind(i(id.0))
        .fetch_optional(&self.pool)
        .await?
        .map(|r| row_to_conversation(&r))
        .transpose()
    }
}

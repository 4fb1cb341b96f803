//! Conversations in PostgreSQL: written with the batch that changed them (in
//! the same transaction as the entries they caused), read back when a guild's
//! memory is rebuilt, and listed for helpers.

use chrono::{DateTime, Utc};
use sqlx::{Postgres, Row, Transaction};

use super::ledger::i;
use super::Store;
use crate::capital::conversation::{Ask, Conversation, ConversationId, Responder, State};
use crate::capital::message::{ChannelId, GuildId, MessageFlags, Person, RecentMessage};

/// Columns read back into a [`Conversation`], in [`row_to_conversation`]'s order.
macro_rules! conversation_cols {
    () => {
        "conversation_id, channel_id, thread, opener_id, opened_at, last_at,
         ask_message_id, ask_at, ask_evidence, charged, state, responders"
    };
}

fn row_to_conversation(r: &sqlx::postgres::PgRow) -> Result<Conversation, sqlx::Error> {
    let responders: serde_json::Value = r.try_get(11)?;
    let responders: Vec<Responder> =
        serde_json::from_value(responders).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    let ask = match r.try_get::<Option<i64>, _>(6)? {
        Some(m) => Some(Ask {
            message: m as u64,
            at: r.try_get(7)?,
            evidence: r.try_get::<Option<String>, _>(8)?.unwrap_or_default(),
        }),
        None => None,
    };
    let state: String = r.try_get(10)?;
    Ok(Conversation {
        id: ConversationId(r.try_get::<i64, _>(0)? as u64),
        channel: r.try_get::<i64, _>(1)? as u64,
        thread: r.try_get(2)?,
        opener: r.try_get::<i64, _>(3)? as u64,
        opened_at: r.try_get(4)?,
        last_at: r.try_get(5)?,
        ask,
        charged: r.try_get(9)?,
        responders,
        state: State::parse(&state).unwrap_or_default(),
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
    for c in latest {
        ids.push(c.id.0 as i64);
        chans.push(c.channel as i64);
        threads.push(c.thread);
        openers.push(c.opener as i64);
        opened.push(c.opened_at);
        last.push(c.last_at);
        ask_ids.push(c.ask.as_ref().map(|a| a.message as i64));
        ask_ats.push(c.ask.as_ref().map(|a| a.at));
        ask_ev.push(c.ask.as_ref().map(|a| a.evidence.clone()));
        charged.push(c.charged);
        states.push(c.state.as_str().to_string());
        responders.push(serde_json::to_string(&c.responders).unwrap_or_else(|_| "[]".into()));
    }
    sqlx::query(
        "INSERT INTO conversations (guild_id, conversation_id, channel_id, thread, opener_id, opened_at,
             last_at, ask_message_id, ask_at, ask_evidence, charged, state, responders)
         SELECT $1, u.id, u.ch, u.th, u.op, u.oa, u.la, u.am, u.aa, u.ae, u.cg, u.st, u.rs::jsonb
         FROM UNNEST($2::bigint[], $3::bigint[], $4::bool[], $5::bigint[], $6::timestamptz[],
                     $7::timestamptz[], $8::bigint[], $9::timestamptz[], $10::text[], $11::bool[],
                     $12::text[], $13::text[])
              AS u(id, ch, th, op, oa, la, am, aa, ae, cg, st, rs)
         ON CONFLICT (guild_id, conversation_id) DO UPDATE SET
             last_at = greatest(conversations.last_at, excluded.last_at),
             ask_message_id = excluded.ask_message_id, ask_at = excluded.ask_at,
             ask_evidence = excluded.ask_evidence, charged = excluded.charged,
             state = excluded.state, responders = excluded.responders",
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
    .execute(&mut **tx)
    .await?;
    Ok(())
}

impl Store {
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
        let ids = |v: Vec<i64>| v.into_iter().map(|x| x as u64).collect::<Vec<_>>();
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get::<i64, _>(0)? as u64,
                    RecentMessage {
                        id: r.try_get::<i64, _>(1)? as u64,
                        author: Person {
                            id: r.try_get::<i64, _>(2)? as u64,
                            name: r.try_get(9)?,
                            nickname: r.try_get(10)?,
                            is_bot: r.try_get(11)?,
                        },
                        at: r.try_get(3)?,
                        reply_to: r.try_get::<Option<i64>, _>(4)?.map(|x| x as u64),
                        mentions: vec![],
                        addressees: ids(r.try_get(7)?),
                        flags: MessageFlags::from_bits(r.try_get(5)?),
                        thanked: ids(r.try_get(6)?),
                        conversation: r
                            .try_get::<Option<i64>, _>(8)?
                            .map(|x| ConversationId(x as u64)),
                    },
                ))
            })
            .collect()
    }
}

//! Reading back what the ledger stored about messages: which are stored,
//! a stored message as detection remembers it, and the reversals that undo
//! a message's entries (edits, deletes, appeals).

use std::collections::{HashMap, HashSet};

use sqlx::Row;

use super::ledger::i;
use super::Store;
use crate::capital::conversation::ConversationId;
use crate::capital::message::{
    ChannelId, GuildId, MemberId, MessageFlags, MessageId, Person, RecentMessage,
};
use crate::capital::reason::{Reason, Undo};
use crate::capital::score::EntryDraft;
use crate::capital::signal::EntryKind;

/// The columns [`stored_message_of`] reads, from `messages m` joined to
/// `members mb`.
macro_rules! stored_message_cols {
    () => {
        "m.channel_id, m.author_id, m.at, m.reply_to, m.flags, m.thanked, m.addressees,
         coalesce(mb.name, ''), mb.nickname, coalesce(mb.is_bot, false), m.conversation_id"
    };
}

/// A stored message as detection remembers it, from a row of
/// [`stored_message_cols`].
fn stored_message_of(r: &sqlx::postgres::PgRow, id: MessageId) -> (ChannelId, RecentMessage) {
    let ids = |v: Vec<i64>| {
        v.into_iter()
            .map(|x| MemberId(x as u64))
            .collect::<Vec<_>>()
    };
    (
        r.get::<ChannelId, _>(0),
        RecentMessage {
            id,
            author: Person {
                id: r.get::<MemberId, _>(1),
                name: r.get(7),
                nickname: r.get(8),
                is_bot: r.get(9),
            },
            at: r.get(2),
            reply_to: r.get::<Option<MessageId>, _>(3),
            mentions: vec![],
            addressees: ids(r.get(6)),
            flags: MessageFlags::from_bits(r.get(4)),
            thanked: ids(r.get(5)),
            conversation: r
                .get::<Option<i64>, _>(10)
                .map(|x| ConversationId(MessageId(x as u64))),
        },
    )
}

/// A reversal ready to write, with the kind of the entry it cancels (an edit
/// compares what a message credited before and after by kind, member and
/// amount; the reversal's own kind is always `reversal`).
#[derive(Debug, Clone)]
pub struct Reversal {
    /// Kind of the entry reversed.
    pub of: EntryKind,
    pub entry: EntryDraft,
}

/// The reversal of a ledger row read by [`Store::reversals_for`] (columns
/// entry_id, member_id, counterpart_id, kind, amount, at, channel_id,
/// idem_key).
fn reversal_of(r: &sqlx::postgres::PgRow, message: MessageId, why: &Undo) -> Reversal {
    let id: i64 = r.get(0);
    let kind: String = r.get(3);
    let key: String = r.get(7);
    let entry = EntryDraft {
        kind: EntryKind::Reversal,
        member: r.get::<MemberId, _>(1),
        counterpart: r.get::<Option<MemberId>, _>(2),
        amount: -r.get::<f64, _>(4),
        at: r.get(5),
        channel_id: r.get::<Option<ChannelId>, _>(6),
        message_id: Some(message),
        reason: Reason::Reversal {
            entry: id,
            kind: kind.clone(),
            why: why.clone(),
        }
        .to_string(),
        idem_key: format!("rev:{key}"),
        reverses: Some(id),
        held: 0.0,
    };
    Reversal {
        // As the other readers do: the schema allows only known kinds.
        of: EntryKind::parse(&kind).unwrap_or(EntryKind::Adjustment),
        entry,
    }
}

impl Store {
    /// Which of these message ids are already processed.
    ///
    /// Not a prepared statement (`persistent(false)`): PostgreSQL caches a
    /// generic plan after five runs, and one made while the table was small
    /// (a new install, a new guild) scans every message of the guild through
    /// `messages_at` and filters the array, instead of probing the primary
    /// key per id. In the live bench that grew to 0.5 s per group of 2,000
    /// events within 20 s; planned for each call it stays a few ms.
    pub async fn known_messages(
        &self,
        guild: GuildId,
        ids: &[MessageId],
    ) -> Result<HashSet<MessageId>, sqlx::Error> {
        let mut out = HashSet::new();
        for chunk in ids.chunks(10_000) {
            let arr: Vec<i64> = chunk.iter().map(|x| x.get() as i64).collect();
            let rows = sqlx::query(
                "SELECT message_id FROM messages WHERE guild_id = $1 AND message_id = ANY($2)",
            )
            .persistent(false)
            .bind(i(guild))
            .bind(&arr)
            .fetch_all(&self.pool)
            .await?;
            for r in rows {
                out.insert(r.get::<MessageId, _>(0));
            }
        }
        Ok(out)
    }

    /// A stored message as detection remembers it (for replies and reactions
    /// to messages older than the in-memory window).
    pub async fn stored_message(
        &self,
        guild: GuildId,
        id: MessageId,
    ) -> Result<Option<(ChannelId, RecentMessage)>, sqlx::Error> {
        let r = sqlx::query(concat!(
            "SELECT ",
            stored_message_cols!(),
            " FROM messages m LEFT JOIN members mb ON mb.guild_id = m.guild_id AND mb.member_id = m.author_id
             WHERE m.guild_id = $1 AND m.message_id = $2 AND m.deleted_at IS NULL"
        ))
        .bind(i(guild))
        .bind(i(id))
        .fetch_optional(&self.pool)
        .await?;
        Ok(r.map(|r| stored_message_of(&r, id)))
    }

    /// [`Store::stored_message`] of several messages in one read (those not
    /// stored, or deleted, are absent). Planned per call, like
    /// `known_messages`.
    pub async fn stored_messages(
        &self,
        guild: GuildId,
        ids: &[MessageId],
    ) -> Result<HashMap<MessageId, (ChannelId, RecentMessage)>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let arr: Vec<i64> = ids.iter().map(|x| x.get() as i64).collect();
        let rows = sqlx::query(concat!(
            "SELECT ",
            stored_message_cols!(),
            ", m.message_id FROM messages m LEFT JOIN members mb ON mb.guild_id = m.guild_id AND mb.member_id = m.author_id
             WHERE m.guild_id = $1 AND m.message_id = ANY($2) AND m.deleted_at IS NULL"
        ))
        .persistent(false)
        .bind(i(guild))
        .bind(&arr)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| {
                let id = r.get::<MessageId, _>(11);
                (id, stored_message_of(r, id))
            })
            .collect())
    }
    /// Entries caused by a message (or by reactions on it, when `key_prefix`
    /// narrows it) that are not reversed yet, as reversal drafts dated like the
    /// originals so that original + reversal cancel exactly at every moment.
    pub async fn reversals_for(
        &self,
        guild: GuildId,
        message: MessageId,
        key_prefix: Option<&str>,
        why: &Undo,
    ) -> Result<Vec<Reversal>, sqlx::Error> {
        let rows = sqlx::query(
            "SELECT l.entry_id, l.member_id, l.counterpart_id, l.kind, l.amount, l.at, l.channel_id, l.idem_key
             FROM ledger l
             WHERE l.guild_id = $1 AND l.message_id = $2 AND l.kind <> 'reversal'
               AND ($3::text IS NULL OR starts_with(l.idem_key, $3))
               AND NOT EXISTS (SELECT 1 FROM ledger r WHERE r.guild_id = $1 AND r.idem_key = 'rev:' || l.idem_key)
             ORDER BY l.entry_id",
        )
        .bind(i(guild))
        .bind(i(message))
        .bind(key_prefix)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(|r| reversal_of(r, message, why)).collect())
    }

    /// What [`Store::reversals_for`] gives an edit of each of these
    /// messages (key prefix `m:<id>`, [`Undo::MessageEdited`]), in one
    /// read: every message is a key, with no reversals when it has none.
    pub async fn edit_reversals(
        &self,
        guild: GuildId,
        messages: &[MessageId],
    ) -> Result<HashMap<MessageId, Vec<Reversal>>, sqlx::Error> {
        let mut out: HashMap<MessageId, Vec<Reversal>> =
            messages.iter().map(|m| (*m, Vec::new())).collect();
        if messages.is_empty() {
            return Ok(out);
        }
        let arr: Vec<i64> = messages.iter().map(|x| x.get() as i64).collect();
        let rows = sqlx::query(
            "SELECT l.entry_id, l.member_id, l.counterpart_id, l.kind, l.amount, l.at, l.channel_id, l.idem_key, l.message_id
             FROM ledger l
             WHERE l.guild_id = $1 AND l.message_id = ANY($2) AND l.kind <> 'reversal'
               AND starts_with(l.idem_key, 'm:' || l.message_id::text)
               AND NOT EXISTS (SELECT 1 FROM ledger r WHERE r.guild_id = $1 AND r.idem_key = 'rev:' || l.idem_key)
             ORDER BY l.entry_id",
        )
        .persistent(false)
        .bind(i(guild))
        .bind(&arr)
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            let message = r.get::<MessageId, _>(8);
            out.entry(message)
                .or_default()
                .push(reversal_of(r, message, &Undo::MessageEdited));
        }
        Ok(out)
    }
}

//! What the domain sees of Discord: messages, reactions and the short memory of a
//! channel that detection needs. Plain data, no serenity types, so the gateway and
//! the history importer can both build it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Discord ids as types of their own: a member id cannot be passed where a
/// guild id is expected, nor a giver swapped with a channel. Serialized as the
/// bare number (`#[serde(transparent)]`), stored as BIGINT.
macro_rules! snowflake_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl $name {
            /// The raw snowflake.
            pub const fn get(self) -> u64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<u64> for $name {
            fn from(v: u64) -> Self {
                $name(v)
            }
        }

        impl From<$name> for u64 {
            fn from(v: $name) -> u64 {
                v.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }

        impl sqlx::Type<sqlx::Postgres> for $name {
            fn type_info() -> sqlx::postgres::PgTypeInfo {
                <i64 as sqlx::Type<sqlx::Postgres>>::type_info()
            }
        }

        impl sqlx::postgres::PgHasArrayType for $name {
            fn array_type_info() -> sqlx::postgres::PgTypeInfo {
                <i64 as sqlx::postgres::PgHasArrayType>::array_type_info()
            }
        }

        impl<'q> sqlx::Encode<'q, sqlx::Postgres> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut sqlx::postgres::PgArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <i64 as sqlx::Encode<sqlx::Postgres>>::encode_by_ref(&(self.0 as i64), buf)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Postgres> for $name {
            fn decode(value: sqlx::postgres::PgValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                Ok($name(<i64 as sqlx::Decode<sqlx::Postgres>>::decode(value)? as u64))
            }
        }
    };
}

snowflake_id!(
    /// A Discord server.
    GuildId
);
snowflake_id!(
    /// A text channel, thread or forum post.
    ChannelId
);
snowflake_id!(
    /// A message (also names the conversation it opened).
    MessageId
);
snowflake_id!(
    /// A member (a Discord user within a guild).
    MemberId
);
pub type RoleId = u64;

/// When a Discord account (or any snowflake) was created: ids carry their
/// creation time in milliseconds since 2015 in their top 42 bits.
pub fn created_at(id: u64) -> DateTime<Utc> {
    let ms = (id >> 22) as i64 + 1_420_070_400_000;
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default()
}

/// A person (or bot) as named in a message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Person {
    pub id: MemberId,
    /// Account name (`author.name` in exports, username on the gateway).
    pub name: String,
    /// Server nickname or display name, when known.
    pub nickname: Option<String>,
    pub is_bot: bool,
}

/// One incoming message, from the gateway or from an export.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageIn {
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    /// Channel name, used for help / promo channel rules.
    pub channel_name: String,
    pub id: MessageId,
    pub author: Person,
    /// Sent through a webhook (never tracked).
    pub is_webhook: bool,
    /// A system message (joins, pins, boosts...): never tracked.
    pub is_system: bool,
    pub at: DateTime<Utc>,
    pub content: String,
    /// The message this one replies to (Discord reply link), if any.
    pub reply_to: Option<MessageId>,
    /// Users mentioned with `<@id>` (or `@name` in exports).
    pub mentions: Vec<Person>,
    /// `@everyone` or `@here` was used.
    pub mentions_everyone: bool,
    /// Roles pinged.
    pub role_mentions: Vec<RoleId>,
    /// Number of attached files.
    pub attachments: u32,
    /// The thread (or forum post) it was posted in: the thread is the
    /// message's conversation.
    pub thread: Option<ThreadRef>,
}

/// A thread or forum post a message was posted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThreadRef {
    /// The thread's channel id (a forum post's first message has the same id).
    pub id: ChannelId,
    /// Who started it, when known (the gateway's `owner_id`; an export does
    /// not say, and the first message's author is taken).
    pub starter: Option<MemberId>,
}

/// A reaction added to or removed from a message.
#[derive(Debug, Clone, PartialEq)]
pub struct ReactionIn {
    pub guild_id: GuildId,
    pub channel_id: ChannelId,
    pub message_id: MessageId,
    pub user: Person,
    /// Unicode emoji, or the custom emoji's name.
    pub emoji: String,
    pub at: DateTime<Utc>,
    pub added: bool,
}

/// What a message was classified as. Stored with the message metadata so later
/// replies, reactions and deletes can be resolved without re-reading the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageFlags {
    pub request: bool,
    pub thanks: bool,
    pub helpful_reply: bool,
    pub shared_content: bool,
    pub self_promotion: bool,
    pub broadcast: bool,
}

impl MessageFlags {
    pub fn bits(self) -> i16 {
        (self.request as i16)
            | (self.thanks as i16) << 1
            | (self.helpful_reply as i16) << 2
            | (self.shared_content as i16) << 3
            | (self.self_promotion as i16) << 4
            | (self.broadcast as i16) << 5
    }
    pub fn from_bits(b: i16) -> Self {
        MessageFlags {
            request: b & 1 != 0,
            thanks: b & 2 != 0,
            helpful_reply: b & 4 != 0,
            shared_content: b & 8 != 0,
            self_promotion: b & 16 != 0,
            broadcast: b & 32 != 0,
        }
    }
}

/// The little that detection remembers of an earlier message in the channel.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RecentMessage {
    pub id: MessageId,
    pub author: Person,
    pub at: DateTime<Utc>,
    pub reply_to: Option<MessageId>,
    /// Members explicitly mentioned.
    pub mentions: Vec<MemberId>,
    /// Members this message was aimed at (mentions, reply author, names in the
    /// text, as resolved by detection).
    pub addressees: Vec<MemberId>,
    pub flags: MessageFlags,
    /// Members credited by the thanks in this message (so a thank reaction on a
    /// thank-you message credits the same people).
    pub thanked: Vec<MemberId>,
    /// The conversation it was placed in (none for bots, webhooks and system
    /// messages).
    pub conversation: Option<super::conversation::ConversationId>,
}

/// Recent messages of one channel, oldest first. Kept by the pipeline, bounded
/// by count and age; detection only reads it.
#[derive(Debug, Clone, Default)]
pub struct ChannelContext {
    pub messages: std::collections::VecDeque<RecentMessage>,
}

impl ChannelContext {
    /// Most messages remembered per channel.
    pub const CAPACITY: usize = 200;

    pub fn push(&mut self, m: RecentMessage) {
        if self.messages.len() >= Self::CAPACITY {
            self.messages.pop_front();
        }
        self.messages.push_back(m);
    }

    /// Forget messages older than `max_age` before `now`.
    pub fn prune(&mut self, now: DateTime<Utc>, max_age: chrono::Duration) {
        while let Some(front) = self.messages.front() {
            if now - front.at > max_age {
                self.messages.pop_front();
            } else {
                break;
            }
        }
    }

    pub fn find(&self, id: MessageId) -> Option<&RecentMessage> {
        self.messages.iter().rev().find(|m| m.id == id)
    }

    pub fn find_mut(&mut self, id: MessageId) -> Option<&mut RecentMessage> {
        self.messages.iter_mut().rev().find(|m| m.id == id)
    }

    /// Messages newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = &RecentMessage> {
        self.messages.iter().rev()
    }
}

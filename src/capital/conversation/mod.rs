//! Conversations: the unit of help.
//!
//! A help channel is many interleaved conversations. Accounting per message
//! turned real communities upside down (a helper's "which version are you
//! on?" was charged as a request, and one problem asked in five messages cost
//! five times), so every message is placed in a conversation first, and the
//! ledger charges and credits conversations, not messages.
//!
//! Placement is pure: it reads the channel's recent turns and the open
//! conversations and says where a message goes and why. Discord's structure
//! decides first (a thread or forum post is one conversation; a reply link
//! joins the replied-to message's conversation), then addressing (a mention
//! or a name at an addressing position), then text and time (answering back
//! someone who spoke to you, continuing your own conversation, a question of
//! your own, an answer right after someone's question).
//!
//! Being addressed to someone does not make a message help. What decides is
//! whether it responds to that person's open question or asks one of its
//! own: "@Bob how do I flash this board?" to a member who is helping someone
//! else opens the author's own conversation; "@Ann which version?" to a member
//! who asked is a clarifying question inside hers.

pub mod account;
pub mod place;
pub mod solution;
pub mod state;

#[cfg(test)]
mod ledger_tests;
#[cfg(test)]
mod tests;

use crate::capital::reason::Conv;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::message::{ChannelId, MemberId, MessageId};

pub use place::{Link, Placement};
pub use place::{Replied, Turn};
pub use state::{ConversationSettings, Conversations, Event, HelpShown, Said};

/// A conversation is named by the message that opened it (for a thread or
/// forum post: the thread's id, which is also its first message's id), so
/// the same history gives the same ids live, in an import, and after a
/// restart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConversationId(pub MessageId);

impl ConversationId {
    /// A thread's conversation, named by the thread's id (which is also its
    /// starter message's id for threads opened from a message).
    pub const fn of_thread(thread: ChannelId) -> Self {
        ConversationId(MessageId(thread.get()))
    }
}

impl std::fmt::Display for ConversationId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Where a conversation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Opened; nobody else has answered yet.
    #[default]
    Open,
    /// Someone other than the opener took part.
    Answered,
    /// The opener thanked someone in it.
    Thanked,
    /// An accepted solution was marked.
    Solved,
    /// Nothing happened in it for longer than the conversation window and it
    /// was never answered.
    Abandoned,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Open => "open",
            State::Answered => "answered",
            State::Thanked => "thanked",
            State::Solved => "solved",
            State::Abandoned => "abandoned",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        [
            State::Open,
            State::Answered,
            State::Thanked,
            State::Solved,
            State::Abandoned,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// The opener's question: what a request's cost is charged for once someone
/// answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ask {
    pub message: MessageId,
    pub at: DateTime<Utc>,
    /// What detection saw in it ("request.question (question \"…?\")"),
    /// named again when the cost is charged.
    pub evidence: String,
}

/// Someone other than the opener who took part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Responder {
    pub member: MemberId,
    pub first_at: DateTime<Utc>,
    /// The order in which this responder's help was credited (1 = first),
    /// once it was: help is shared when several helped.
    pub credited: Option<u32>,
}

/// One conversation: who opened it, whether it opened with a request, who
/// responded, and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub id: ConversationId,
    pub channel: ChannelId,
    /// A thread or forum post (the conversation is the whole thread).
    pub thread: bool,
    pub opener: MemberId,
    pub opened_at: DateTime<Utc>,
    pub last_at: DateTime<Utc>,
    /// The opener's first request in it, if they asked for help.
    pub ask: Option<Ask>,
    /// The request's cost was charged (at the first answer).
    pub charged: bool,
    pub responders: Vec<Responder>,
    pub state: State,
    /// The accepted solution, once one was marked.
    #[serde(default)]
    pub solution: Option<Solution>,
}

/// An accepted solution: which message solved the problem, whose it is, and
/// who said so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Solution {
    pub message: MessageId,
    pub solver: MemberId,
    /// Who marked it: the opener or a moderator; `None` when the forum's
    /// Solved tag was applied by hand (who applied it is not known).
    pub marked_by: Option<MemberId>,
    pub at: DateTime<Utc>,
}

impl Conversation {
    pub fn new(
        id: ConversationId,
        channel: ChannelId,
        thread: bool,
        opener: MemberId,
        at: DateTime<Utc>,
    ) -> Conversation {
        Conversation {
            id,
            channel,
            thread,
            opener,
            opened_at: at,
            last_at: at,
            ask: None,
            charged: false,
            responders: Vec::new(),
            state: State::Open,
            solution: None,
        }
    }

    pub fn asked(&self) -> bool {
        self.ask.is_some()
    }

    pub fn is_member(&self, m: MemberId) -> bool {
        m == self.opener || self.responders.iter().any(|r| r.member == m)
    }

    pub fn responder(&self, m: MemberId) -> Option<&Responder> {
        self.responders.iter().find(|r| r.member == m)
    }

    /// How many responders have been credited so far.
    pub fn credited_count(&self) -> u32 {
        self.responders
            .iter()
            .filter(|r| r.credited.is_some())
            .count() as u32
    }

    /// "Ann's question, conversation opened 10:02 in #help" — how reasons
    /// name a conversation.
    pub fn describe(&self, opener_name: &str, channel_name: &str) -> Conv {
        Conv {
            opener: opener_name.to_string(),
            question: self.asked(),
            id: self.id.0.get(),
            opened: self.opened_at,
            channel: channel_name.to_string(),
        }
    }
}

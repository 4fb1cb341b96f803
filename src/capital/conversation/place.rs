//! Where a message goes: the rules, in the order they are tried.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ConversationId;
use crate::capital::message::{ChannelId, MemberId, MessageId};

/// What the conversation step needs to know of one message. Built by the
/// pipeline from the message and what detection read in it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Turn {
    pub id: MessageId,
    pub channel: ChannelId,
    /// The thread (or forum post) the message was posted in: the thread's id
    /// and the member who started it.
    pub thread: Option<(ChannelId, MemberId)>,
    pub author: MemberId,
    pub at: DateTime<Utc>,
    /// The message it replies to (Discord reply link).
    pub reply_to: Option<MessageId>,
    /// Members it is aimed at, in order: mentions and names written at an
    /// addressing position (not the reply's author: that comes from `reply_to`).
    pub addressees: Vec<MemberId>,
    /// Detection found an ask in it (a question, "can someone…", a problem
    /// statement in a help channel).
    pub asks: bool,
    /// What detection saw, when it asks (kept with the conversation's ask).
    pub ask_evidence: String,
    /// The ask is a plea for help ("can anyone…", "is there a way…", a
    /// problem posted in a help channel), not a bare question: a bare
    /// question can be a suggestion or a clarifying question, a plea cannot.
    pub pleads: bool,
    /// It speaks of the author ("I", "my", "we"): a question about one's own
    /// problem.
    pub first_person: bool,
    /// It speaks to someone ("you", "your"): a question put to someone else.
    pub second_person: bool,
    /// More than an acknowledgement or a greeting ("ok", "hi", "lol").
    pub substantive: bool,
    /// It asks what a thing is ("whats shogo?"): never a suggestion.
    pub asks_what_is: bool,
    /// Aimed elsewhere or about the author's own trouble (see
    /// [`crate::capital::signal::Speech::aside`]): never an answer by adjacency.
    pub aside: bool,
}

/// The message a reply link points at, when the channel memory no longer
/// holds it (the pipeline reads it from the store).
#[derive(Debug, Clone, PartialEq)]
pub struct Replied {
    pub id: MessageId,
    pub author: MemberId,
    pub conversation: Option<ConversationId>,
    pub addressees: Vec<MemberId>,
}

/// How a message was placed: the evidence, for `--explain` and "why?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Link {
    /// Posted in a thread or forum post: the thread is the conversation.
    Thread,
    /// A Discord reply link to a message of the conversation.
    Reply,
    /// Addressed to a member of the conversation (mention or name).
    Addressed,
    /// Someone in the conversation addressed the author since they last spoke.
    AnswersBack,
    /// The author's own latest conversation, continued.
    Continues,
    /// Right after someone's open question, addressed to nobody.
    Adjacent,
    /// A question put to ("you…") the member who just asked.
    Clarifying,
    /// A question of the author's own: a new conversation.
    NewQuestion,
    /// A question of the author's own, put to a member who is busy helping
    /// someone else ("@Bob how do I flash this board?"): a new conversation.
    AsksSomeone,
    /// A bare question put to someone whose conversation the memory does not
    /// hold ("@int256 still scanning?"): it is about their problem, so it
    /// opens a conversation that is theirs, the author responding.
    AsksAbout,
    /// Nothing ties it to an open conversation: a new one.
    New,
}

impl Link {
    pub fn as_str(self) -> &'static str {
        match self {
            Link::Thread => "thread",
            Link::Reply => "reply link",
            Link::Addressed => "addressed",
            Link::AnswersBack => "answers back",
            Link::Continues => "continues",
            Link::Adjacent => "right after a question",
            Link::Clarifying => "question to the asker",
            Link::NewQuestion => "new question",
            Link::AsksSomeone => "asks someone",
            Link::AsksAbout => "asks about theirs",
            Link::New => "new",
        }
    }

    /// Does a message placed this way respond *directly* to the member it
    /// names (so that help to the opener is credited without waiting for
    /// the opener to answer back)? Adjacency and "continues" are guesses
    /// about the conversation, not evidence that someone was helped.
    pub fn is_direct(self) -> bool {
        matches!(
            self,
            Link::Thread | Link::Reply | Link::Addressed | Link::AnswersBack
        )
    }

    /// Did the message open a conversation?
    pub fn opens(self) -> bool {
        matches!(
            self,
            Link::NewQuestion | Link::AsksSomeone | Link::AsksAbout | Link::New
        )
    }
}

/// Where a message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub conversation: ConversationId,
    /// The message opened the conversation.
    pub opened: bool,
    pub link: Link,
    /// The member the message responds to, when it responds to someone.
    pub responds_to: Option<MemberId>,
}

//! What conversations mean for the ledger. The events of a placed message
//! become signals for scoring: a question's cost when it is first answered,
//! and help, once per helper and conversation. A request detection saw in the
//! message is not charged by itself; it is explained instead (an open
//! question, a follow-up, a question inside someone else's conversation).

use super::{Conversation, ConversationId, Conversations, Event, HelpShown, Placement};
use crate::capital::message::MemberId;
use crate::capital::reason::{Conv, Evidence, HelpHow};
use crate::capital::signal::{EntryKind, Rule, Signal};

/// What reasons need besides the conversations: member and channel names.
pub struct Names<'a> {
    pub member: &'a dyn Fn(MemberId) -> String,
    pub channel: &'a str,
}

impl Names<'_> {
    /// "Ann's question (conversation 123 opened 2024-11-28 07:35 UTC in #help)"
    fn conversation(&self, c: &Conversation) -> Conv {
        c.describe(&(self.member)(c.opener), self.channel)
    }
}

/// The signals a message's conversation events call for, in order.
pub fn event_signals(events: &[Event], convs: &Conversations, names: &Names) -> Vec<Signal> {
    events
        .iter()
        .filter_map(|e| match *e {
            Event::Asked { .. } => None,
            Event::Answered {
                conversation,
                opener,
                responder,
            } => {
                let c = convs.get(conversation)?;
                let asked = c.ask.as_ref().map_or("", |a| a.evidence.as_str());
                let evidence = Evidence::Answered {
                    conversation: names.conversation(c),
                    by: (names.member)(responder),
                    asked: asked.to_string(),
                };
                Some(Signal::new(
                    EntryKind::Request,
                    opener,
                    Rule::RequestAnswered,
                    evidence.to_string(),
                ))
            }
            Event::Helped {
                conversation,
                helper,
                opener,
                nth,
                shown,
            } => {
                let c = convs.get(conversation)?;
                let (rule, how) = match shown {
                    HelpShown::Answered => (Rule::HelpfulAnswered, HelpHow::Answered),
                    HelpShown::InThread => (Rule::HelpfulInThread, HelpHow::InThread),
                    HelpShown::AnsweredBack => (Rule::HelpfulAnsweredBack, HelpHow::AnsweredBack),
                    HelpShown::Thanked => (Rule::HelpfulThanked, HelpHow::Thanked),
                };
                let evidence = Evidence::Helped {
                    conversation: names.conversation(c),
                    how,
                    nth,
                };
                let mut sig =
                    Signal::new(EntryKind::HelpfulReply, helper, rule, evidence.to_string())
                        .with_counterpart(opener);
                sig.magnitude = 1.0 / nth.max(1) as f64;
                Some(sig)
            }
        })
        .collect()
}

/// The conversation, when the author posted in a question of their own: a
/// link or file there is part of asking (a paste of the error, a screenshot),
/// not something shared with the community.
pub fn own_question(
    author: MemberId,
    conversation: ConversationId,
    convs: &Conversations,
    names: &Names,
) -> Option<String> {
    let c = convs.get(conversation)?;
    (c.opener == author && c.asked()).then(|| names.conversation(c).to_string())
}

/// Why a request detection saw in this message is not charged now: questions
/// cost once per conversation, when someone answers, and only the opener's.
pub fn why_not_charged(
    author: MemberId,
    p: &Placement,
    events: &[Event],
    convs: &Conversations,
    names: &Names,
) -> String {
    let Some(c) = convs.get(p.conversation) else {
        return "not in a conversation".into();
    };
    let conv = names.conversation(c);
    if c.opener != author {
        return format!("a question inside {conv}: part of helping, never charged");
    }
    let asked_now = events.iter().any(|e| matches!(e, Event::Asked { .. }));
    if asked_now {
        format!("opens {conv}: charged once, when someone answers it")
    } else {
        format!("a follow-up in {conv}: a conversation is charged once")
    }
}

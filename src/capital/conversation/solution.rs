//! Accepted solutions: "Mark as solution" and the forum's Solved tag.
//!
//! An accepted solution is the strongest evidence of help there is: the
//! person helped says which message solved their problem. Who may say so,
//! and what a second mark does, is decided here, purely; the shell looks up
//! the message and its conversation first and writes what this decides.
//!
//! One solution per conversation: marking the same message again changes
//! nothing, marking another moves the credit (the shell reverses the first).

use chrono::{DateTime, Utc};

use super::{Conversation, Solution, State};
use crate::capital::message::{MemberId, MessageId};

/// The message someone wants to mark, as the shell found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub message: MessageId,
    pub author: MemberId,
    pub author_is_bot: bool,
}

/// Who asks to mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub member: MemberId,
    /// Holds Manage Threads or Manage Server where the command runs.
    pub moderator: bool,
}

/// Why a mark is refused (each says so, privately, to the one who tried).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// One's own message is not a solution one can award oneself.
    OwnMessage,
    /// Bots are never credited.
    BotMessage,
    /// The opener's own message solved nothing for anyone else.
    OpenersMessage,
    /// Only the conversation's opener or a moderator may mark.
    NotOpenerOrModerator,
    /// The message is in no conversation the bot knows.
    OutsideConversation,
}

/// What a mark that is allowed does.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    /// This message is already the solution: nothing changes.
    Unchanged,
    /// The message becomes the solution; `replaces` is the earlier one, whose
    /// credit is reversed (unless it went to the same solver: then only the
    /// message it points at moves).
    New {
        solution: Solution,
        replaces: Option<Solution>,
    },
}

/// Decide a "Mark as solution" on `target` in `conv` by `by` at `at`.
pub fn decide(
    conv: Option<&Conversation>,
    target: Target,
    by: Marker,
    at: DateTime<Utc>,
) -> Result<Mark, Refusal> {
    if target.author_is_bot {
        return Err(Refusal::BotMessage);
    }
    if target.author == by.member {
        return Err(Refusal::OwnMessage);
    }
    let Some(c) = conv else {
        return Err(Refusal::OutsideConversation);
    };
    if c.opener != by.member && !by.moderator {
        return Err(Refusal::NotOpenerOrModerator);
    }
    if target.author == c.opener {
        return Err(Refusal::OpenersMessage);
    }
    if c.solution.as_ref().map(|s| s.message) == Some(target.message) {
        return Ok(Mark::Unchanged);
    }
    Ok(Mark::New {
        solution: Solution {
            message: target.message,
            solver: target.author,
            marked_by: Some(by.member),
            at,
        },
        replaces: c.solution.clone(),
    })
}

/// The forum's Solved tag was applied by hand (not through the command):
/// when the conversation has no solution yet, the last member other than
/// the opener who wrote in it (`last_responder`, with their last message)
/// is taken as the solver.
pub fn tagged(
    conv: &Conversation,
    last_responder: Option<(MemberId, MessageId)>,
    at: DateTime<Utc>,
) -> Option<Solution> {
    if conv.solution.is_some() {
        return None;
    }
    let (solver, message) = last_responder.filter(|(m, _)| *m != conv.opener)?;
    Some(Solution {
        message,
        solver,
        marked_by: None,
        at,
    })
}

/// Record `solution` as the conversation's: it is solved.
pub fn apply(conv: &mut Conversation, solution: Solution) {
    conv.solution = Some(solution);
    conv.state = State::Solved;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capital::conversation::ConversationId;
    use crate::capital::message::ChannelId;

    fn at(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
    }

    const ANN: MemberId = MemberId(1);
    const BOB: MemberId = MemberId(2);
    const CAT: MemberId = MemberId(3);

    fn conv() -> Conversation {
        Conversation::new(
            ConversationId(MessageId(100)),
            ChannelId(10),
            true,
            ANN,
            at(0),
        )
    }

    fn target(message: MessageId, author: MemberId) -> Target {
        Target {
            message,
            author,
            author_is_bot: false,
        }
    }

    fn opener() -> Marker {
        Marker {
            member: ANN,
            moderator: false,
        }
    }

    #[test]
    fn the_opener_marks_a_helpers_message() {
        let c = conv();
        let m = decide(Some(&c), target(MessageId(101), BOB), opener(), at(5)).unwrap();
        let Mark::New { solution, replaces } = m else {
            panic!("{m:?}")
        };
        assert_eq!((solution.solver, solution.message), (BOB, MessageId(101)));
        assert_eq!(solution.marked_by, Some(ANN));
        assert_eq!(replaces, None);
    }

    #[test]
    fn marking_the_same_message_again_changes_nothing_and_another_moves_it() {
        let mut c = conv();
        let Ok(Mark::New { solution, .. }) =
            decide(Some(&c), target(MessageId(101), BOB), opener(), at(5))
        else {
            panic!()
        };
        apply(&mut c, solution.clone());
        assert_eq!(c.state, State::Solved);
        assert_eq!(
            decide(Some(&c), target(MessageId(101), BOB), opener(), at(6)),
            Ok(Mark::Unchanged)
        );
        let moved = decide(Some(&c), target(MessageId(102), CAT), opener(), at(7)).unwrap();
        assert!(matches!(moved, Mark::New { replaces: Some(ref r), .. } if *r == solution));
    }

    #[test]
    fn refusals_say_why() {
        let c = conv();
        let by = |member, moderator| Marker { member, moderator };
        assert_eq!(
            decide(Some(&c), target(MessageId(101), ANN), opener(), at(1)),
            Err(Refusal::OwnMessage)
        );
        let bot = Target {
            author_is_bot: true,
            ..target(MessageId(101), MemberId(9))
        };
        assert_eq!(
            decide(Some(&c), bot, opener(), at(1)),
            Err(Refusal::BotMessage)
        );
        assert_eq!(
            decide(Some(&c), target(MessageId(101), BOB), by(CAT, false), at(1)),
            Err(Refusal::NotOpenerOrModerator)
        );
        assert_eq!(
            decide(None, target(MessageId(101), BOB), opener(), at(1)),
            Err(Refusal::OutsideConversation)
        );
        // A moderator may mark, but not the opener's own message.
        assert!(decide(Some(&c), target(MessageId(101), BOB), by(CAT, true), at(1)).is_ok());
        assert_eq!(
            decide(Some(&c), target(MessageId(101), ANN), by(CAT, true), at(1)),
            Err(Refusal::OpenersMessage)
        );
    }

    #[test]
    fn a_hand_applied_tag_credits_the_last_responder_once() {
        let mut c = conv();
        assert_eq!(tagged(&c, None, at(1)), None);
        assert_eq!(tagged(&c, Some((ANN, MessageId(105))), at(1)), None);
        let s = tagged(&c, Some((BOB, MessageId(104))), at(1)).unwrap();
        assert_eq!(
            (s.solver, s.message, s.marked_by),
            (BOB, MessageId(104), None)
        );
        apply(&mut c, s);
        assert_eq!(tagged(&c, Some((CAT, MessageId(106))), at(2)), None);
    }
}

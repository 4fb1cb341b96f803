//! Ledger reasons, typed.
//!
//! A ledger entry's reason is stored once, in English, as free text: the CLI,
//! the CSV export, the eval and many tests read it, so its format does not
//! change. But members read it too (/history, /why), in their own language.
//! So the English pieces are values here: the producers (scoring, the
//! conversation accounting, reversals, vesting) build a [`Reason`] or a
//! [`Note`] and store its `Display`, and [`Reason::parse`] reads a stored
//! text back into the same values, which [`render`] writes in any language.
//! Producer and parser share one definition, so they cannot drift.
//!
//! Parsing never loses text: a piece it does not recognise (an older
//! wording, a moderator's free text, quoted evidence) is kept verbatim, and a
//! piece is only accepted as recognised when writing it back gives exactly
//! the original text.
//!
//! Pure: no I/O.

mod detected;
mod parse;
mod render;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{DateTime, Utc};

pub use detected::{Detected, NameHow, Partner, Ping, ReactedOn, ThanksFound};
pub use render::{render, render_notes, render_steps};

/// How reasons write a moment: minutes, UTC.
pub const MINUTE_FORMAT: &str = "%Y-%m-%d %H:%M UTC";

/// A whole stored reason.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// "rule (evidence); note, note, …": everything scoring writes for a
    /// signal.
    Signal {
        /// The detection rule's code (`thanks.reply_target`), shown as is.
        rule: String,
        evidence: Evidence,
        notes: Vec<Note>,
    },
    /// A moderator's adjustment: "adjusted by moderator {id}: {why}".
    Adjusted { moderator: String, why: String },
    /// "reverses entry #{entry} ({kind}): {why}".
    Reversal {
        entry: i64,
        /// The reversed entry's kind, as stored (`thanks`, `helpful_reply`).
        kind: String,
        why: Undo,
    },
    /// Held credit released: "held credit vested: this {kind} of {at} was
    /// written while {role}'s account was new; {role} has since dealt with
    /// {others} other established members".
    Vested {
        /// The original entry's kind, as stored.
        kind: String,
        at: DateTime<Utc>,
        role: Role,
        others: usize,
    },
    /// The reciprocity bonus: "mutual exchange with {with}: both gain
    /// +{bonus:.2} ({share} of the credit)".
    Mutual {
        with: String,
        bonus: f64,
        share: f64,
    },
    /// Anything else, verbatim.
    Other(String),
}

/// What a signal's parentheses hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// "helped with {conversation}; {how}; helper #{nth} in it".
    Helped {
        conversation: Conv,
        how: HelpHow,
        nth: u32,
    },
    /// A question's cost: "{conversation}; first answered by {by}; asked:
    /// {asked}" (`asked` is the ask's "rule (evidence)" as stored with the
    /// conversation, verbatim; rendering reads the evidence in it).
    Answered {
        conversation: Conv,
        by: String,
        asked: String,
    },
    /// "accepted solution to {conversation}; {how}".
    Solution { conversation: Conv, how: SolvedHow },
    /// "/kudos: {text}" (the giver's words, verbatim).
    Kudos { text: String },
    /// Detection's evidence, as the detectors build it.
    Detected(Detected),
    /// Evidence as text, verbatim: a signal's stored evidence as scoring
    /// passes it on (the detectors wrote it from a [`Detected`]; reading it
    /// back is left to whoever renders it), or a text in no shape we know
    /// (an older wording, a moderator's words).
    Text(String),
}

/// How reasons name a conversation: "Ann's question, conversation 123
/// opened 2024-11-28 07:35 UTC in #help".
#[derive(Debug, Clone, PartialEq)]
pub struct Conv {
    pub opener: String,
    /// Opened with a question (else just a conversation).
    pub question: bool,
    pub id: u64,
    pub opened: DateTime<Utc>,
    /// The channel's name, without '#'; empty when unknown.
    pub channel: String,
}

/// What showed that a reply in someone's conversation was help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpHow {
    Answered,
    InThread,
    AnsweredBack,
    Thanked,
}

/// Who accepted a solution.
#[derive(Debug, Clone, PartialEq)]
pub enum SolvedHow {
    /// The opener marked it.
    ByOpener,
    /// A moderator marked it.
    ByModerator(String),
    /// The forum's Solved tag, applied by hand.
    Tagged,
}

/// Why an entry was reversed.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    MessageDeleted {
        at: DateTime<Utc>,
    },
    MessageEdited,
    ReactionRemoved,
    SolutionMoved,
    AppealAccepted {
        appeal: i64,
        moderator: String,
        /// The moderator's note, verbatim; empty for none.
        note: String,
    },
    Other(String),
}

/// Who a brand-new account is to the member a credit is owed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Asker,
    Giver,
}

/// Why a giver or asker is not trusted fully yet.
#[derive(Debug, Clone, PartialEq)]
pub enum Trust {
    /// "{tenure:.1} d tenure, standing {standing:.1}".
    Tenure { tenure: f64, standing: f64 },
    /// "no entry of its own yet".
    NoEntryYet,
}

/// One step of an amount, as its reason lists it.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// "repeat #{n} for this pair ×{factor:.3}".
    PairRepeat { n: usize, factor: f64 },
    /// "repeat #{n} for this pair, not damped: help went both ways".
    PairRepeatMutual { n: usize },
    /// "giver weight ×{weight:.2}".
    GiverWeight { weight: f64 },
    /// "new giver ({why}) ×{trust:.2}".
    NewGiver { why: Trust, trust: f64 },
    /// "giver's credit #{n} in 24 h, over the budget of {budget} ×{factor:.3}".
    OverBudget { n: u32, budget: u32, factor: f64 },
    /// "closed group: credit comes back to the giver through others (a loop
    /// of {members} members), {outside} outside giver(s) in {days} d ×{factor}".
    ClosedGroup {
        members: u32,
        outside: usize,
        days: f64,
        factor: f64,
    },
    /// "answer bonus +{bonus:.2}".
    AnswerBonus { bonus: f64 },
    /// "follows help".
    FollowsHelp,
    /// "no help by the receiver to the giver seen in {hours} h ×{factor}".
    Unverified { hours: f64, factor: f64 },
    /// "{role}'s account is new ({age:.0} d old): +{held:.2} more held until
    /// it deals with {partners} other established members (lapses after
    /// {days} d)".
    Held {
        role: Role,
        age: f64,
        held: f64,
        partners: u32,
        days: f64,
    },
    /// "shared with earlier helpers ×{share:.2}".
    SharedWithEarlierHelpers { share: f64 },
    /// "help #{n} to this member in {days} d ×{factor:.3}".
    HelpRepeat { n: usize, days: f64, factor: f64 },
    /// "help #{n} to this member, not damped: help went both ways".
    HelpRepeatMutual { n: usize },
    /// "asker's account is new ({age:.0} d old) but has dealt with {others}
    /// other established members: full credit".
    NewAskerWithLife { age: f64, others: usize },
    /// "asker's account is new ({age:.0} d old; {why}) ×{trust:.2}", with
    /// " now" when the rest is held.
    NewAsker {
        age: f64,
        why: Trust,
        trust: f64,
        held: bool,
    },
    /// "ask #{k} in {hours} h", and " since they last helped" when help the
    /// member gave in the window left their earlier asks out of `k`.
    Ask {
        k: u32,
        hours: f64,
        since_help: bool,
    },
    /// "audience ×{factor}".
    Audience { factor: f64 },
    /// Anything else, verbatim.
    Other(String),
}

impl Reason {
    /// The reason of a credit or cost scored from a signal.
    pub fn signal(rule: impl fmt::Display, evidence: Evidence, notes: Vec<Note>) -> Reason {
        Reason::Signal {
            rule: rule.to_string(),
            evidence,
            notes,
        }
    }

    /// Read a stored reason back (see the module's doc: nothing is lost).
    pub fn parse(text: &str) -> Reason {
        parse::reason(text)
    }
}

impl Evidence {
    /// Read a signal's evidence back.
    pub fn parse(text: &str) -> Evidence {
        parse::evidence(text)
    }
}

impl Note {
    /// Read a list of notes ("a, b, c") back.
    pub fn parse_list(text: &str) -> Vec<Note> {
        parse::notes(text)
    }

    /// Notes as a reason lists them.
    pub fn join(notes: &[Note]) -> String {
        notes
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Signal {
                rule,
                evidence,
                notes,
            } => {
                write!(f, "{rule} ({evidence})")?;
                if !notes.is_empty() {
                    write!(f, "; {}", Note::join(notes))?;
                }
                Ok(())
            }
            Reason::Adjusted { moderator, why } => {
                write!(f, "adjusted by moderator {moderator}: {why}")
            }
            Reason::Reversal { entry, kind, why } => {
                write!(f, "reverses entry #{entry} ({kind}): {why}")
            }
            Reason::Vested {
                kind,
                at,
                role,
                others,
            } => write!(
                f,
                "held credit vested: this {} of {} was written while {role}'s account was new; {role} has since dealt with {others} other established members",
                kind.replace('_', " "),
                at.format(MINUTE_FORMAT),
            ),
            Reason::Mutual { with, bonus, share } => write!(
                f,
                "mutual exchange with {with}: both gain +{bonus:.2} ({share} of the credit)"
            ),
            Reason::Other(s) => f.write_str(s),
        }
    }
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Helped {
                conversation,
                how,
                nth,
            } => write!(f, "helped with {conversation}; {how}; helper #{nth} in it"),
            Evidence::Answered {
                conversation,
                by,
                asked,
            } => write!(f, "{conversation}; first answered by {by}; asked: {asked}"),
            Evidence::Solution { conversation, how } => {
                write!(f, "accepted solution to {conversation}; {how}")
            }
            Evidence::Kudos { text } => write!(f, "/kudos: {text}"),
            Evidence::Detected(d) => d.fmt(f),
            Evidence::Text(s) => f.write_str(s),
        }
    }
}

impl fmt::Display for Conv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.question {
            "question"
        } else {
            "conversation"
        };
        write!(
            f,
            "{}'s {what}, conversation {} opened {}",
            self.opener,
            self.id,
            self.opened.format(MINUTE_FORMAT)
        )?;
        if !self.channel.is_empty() {
            write!(f, " in #{}", self.channel)?;
        }
        Ok(())
    }
}

impl HelpHow {
    pub const ALL: [HelpHow; 4] = [
        HelpHow::Answered,
        HelpHow::InThread,
        HelpHow::AnsweredBack,
        HelpHow::Thanked,
    ];

    fn as_str(self) -> &'static str {
        match self {
            HelpHow::Answered => "answered them",
            HelpHow::InThread => "answered in their thread",
            HelpHow::AnsweredBack => "they answered back",
            HelpHow::Thanked => "they said thanks",
        }
    }
}

impl fmt::Display for HelpHow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for SolvedHow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SolvedHow::ByOpener => f.write_str("marked by them"),
            SolvedHow::ByModerator(m) => write!(f, "marked by moderator {m}"),
            SolvedHow::Tagged => {
                f.write_str("the forum's Solved tag applied by hand; the last to answer in it")
            }
        }
    }
}

impl fmt::Display for Undo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Undo::MessageDeleted { at } => {
                write!(f, "message deleted at {}", at.format(MINUTE_FORMAT))
            }
            Undo::MessageEdited => f.write_str("message edited"),
            Undo::ReactionRemoved => f.write_str("reaction removed"),
            Undo::SolutionMoved => f.write_str("the solution moved to another message"),
            Undo::AppealAccepted {
                appeal,
                moderator,
                note,
            } => {
                write!(f, "appeal #{appeal} accepted by moderator {moderator}")?;
                if !note.is_empty() {
                    write!(f, ": {note}")?;
                }
                Ok(())
            }
            Undo::Other(s) => f.write_str(s),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Asker => "the asker",
            Role::Giver => "the giver",
        })
    }
}

impl fmt::Display for Trust {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trust::Tenure { tenure, standing } => {
                write!(f, "{tenure:.1} d tenure, standing {standing:.1}")
            }
            Trust::NoEntryYet => f.write_str("no entry of its own yet"),
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::PairRepeat { n, factor } => write!(f, "repeat #{n} for this pair ×{factor:.3}"),
            Note::PairRepeatMutual { n } => write!(
                f,
                "repeat #{n} for this pair, not damped: help went both ways"
            ),
            Note::GiverWeight { weight } => write!(f, "giver weight ×{weight:.2}"),
            Note::NewGiver { why, trust } => write!(f, "new giver ({why}) ×{trust:.2}"),
            Note::OverBudget { n, budget, factor } => write!(
                f,
                "giver's credit #{n} in 24 h, over the budget of {budget} ×{factor:.3}"
            ),
            Note::ClosedGroup {
                members,
                outside,
                days,
                factor,
            } => write!(
                f,
                "closed group: credit comes back to the giver through others (a loop of {members} members), {outside} outside giver(s) in {days} d ×{factor}"
            ),
            Note::AnswerBonus { bonus } => write!(f, "answer bonus +{bonus:.2}"),
            Note::FollowsHelp => f.write_str("follows help"),
            Note::Unverified { hours, factor } => write!(
                f,
                "no help by the receiver to the giver seen in {hours} h ×{factor}"
            ),
            Note::Held {
                role,
                age,
                held,
                partners,
                days,
            } => write!(
                f,
                "{role}'s account is new ({age:.0} d old): +{held:.2} more held until it deals with {partners} other established members (lapses after {days} d)"
            ),
            Note::SharedWithEarlierHelpers { share } => {
                write!(f, "shared with earlier helpers ×{share:.2}")
            }
            Note::HelpRepeat { n, days, factor } => {
                write!(f, "help #{n} to this member in {days} d ×{factor:.3}")
            }
            Note::HelpRepeatMutual { n } => write!(
                f,
                "help #{n} to this member, not damped: help went both ways"
            ),
            Note::NewAskerWithLife { age, others } => write!(
                f,
                "asker's account is new ({age:.0} d old) but has dealt with {others} other established members: full credit"
            ),
            Note::NewAsker {
                age,
                why,
                trust,
                held,
            } => {
                write!(f, "asker's account is new ({age:.0} d old; {why}) ×{trust:.2}")?;
                if *held {
                    f.write_str(" now")?;
                }
                Ok(())
            }
            Note::Ask {
                k,
                hours,
                since_help,
            } => {
                write!(f, "ask #{k} in {hours} h")?;
                if *since_help {
                    f.write_str(" since they last helped")?;
                }
                Ok(())
            }
            Note::Audience { factor } => write!(f, "audience ×{factor}"),
            Note::Other(s) => f.write_str(s),
        }
    }
}

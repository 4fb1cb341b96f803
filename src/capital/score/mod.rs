//! Scoring: signals become signed ledger entries.
//!
//! Pure: `ScoringMemory::evaluate` reads the memory and returns decisions;
//! `ScoringMemory::record` updates the memory with an entry that was decided.
//! The pipeline calls one after the other for every signal, in time order, so an
//! import and the live bot that saw the same events make the same entries.
//!
//! By concern:
//! - `memory`: what scoring remembers of a guild's recent past, `record`, and
//!   what the rules read back (standing, trust, asks and kudos in a window);
//! - `credit`: thanks, thank reactions and kudos, a credit from one member to
//!   another, damped by a sequence of named factors;
//! - `contributions`: helpful replies and shares, deposits nobody gives;
//! - `costs`: requests (escalating), self-promotion and broadcasts;
//! - `closed_group`: the credit graph and the search for loops of credit.
//!
//! This file holds what they share: the decisions and `evaluate`, which only
//! sorts a signal to its rule.

mod closed_group;
mod contributions;
mod costs;
mod credit;
mod memory;
#[cfg(test)]
mod tests;
mod vesting;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::message::{ChannelId, MemberId, MessageId};
use super::reason::{Evidence, Note, Reason};
use super::settings::Settings;
use super::signal::{EntryKind, Signal};

pub use memory::{MemberMemory, ScoringMemory};
pub use vesting::is_vested;

/// An entry about to be appended to the ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryDraft {
    pub kind: EntryKind,
    pub member: MemberId,
    pub counterpart: Option<MemberId>,
    /// Signed: deposits positive, withdrawals negative.
    pub amount: f64,
    pub at: DateTime<Utc>,
    pub channel_id: Option<ChannelId>,
    pub message_id: Option<MessageId>,
    /// Why: the rule, its evidence and every factor applied.
    pub reason: String,
    /// Processing the same event twice yields the same key: the store writes it once.
    pub idem_key: String,
    /// The entry this one undoes (reversals only).
    pub reverses: Option<i64>,
    /// Part of the credit held until the account it came from, a new one,
    /// shows a life of its own (see `vesting`); not in `amount`.
    #[serde(skip_serializing_if = "is_zero")]
    pub held: f64,
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// A signal that was seen but not credited, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IgnoredSignal {
    pub kind: EntryKind,
    pub member: MemberId,
    pub counterpart: Option<MemberId>,
    pub at: DateTime<Utc>,
    pub message_id: Option<MessageId>,
    pub reason: String,
    /// Detection itself declined it ("thanks in advance"), as opposed to scoring
    /// (cooldown, caps, opted out).
    pub by_detection: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Entry(EntryDraft),
    Ignored(IgnoredSignal),
}

impl Decision {
    /// An entry with part of its credit held (see `vesting`).
    fn with_held(mut self, held: f64) -> Decision {
        if let Decision::Entry(e) = &mut self {
            e.held = negligible_to_zero(held);
        }
        self
    }
}

/// Where a signal came from: the basis of idempotency keys and jump links.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub channel_id: Option<ChannelId>,
    pub message_id: Option<MessageId>,
    /// "m:{message}" for messages, "r:{message}:{user}:{emoji}" for reactions,
    /// "k:{interaction}" for kudos.
    pub key: String,
    pub at: DateTime<Utc>,
}

impl Source {
    pub fn message(channel: ChannelId, message: MessageId, at: DateTime<Utc>) -> Self {
        Source {
            channel_id: Some(channel),
            message_id: Some(message),
            key: format!("m:{message}"),
            at,
        }
    }
    pub fn reaction(
        channel: ChannelId,
        message: MessageId,
        user: MemberId,
        emoji: &str,
        at: DateTime<Utc>,
    ) -> Self {
        Source {
            channel_id: Some(channel),
            message_id: Some(message),
            key: format!("r:{message}:{user}:{emoji}"),
            at,
        }
    }
    pub fn kudos(channel: ChannelId, interaction: u64, at: DateTime<Utc>) -> Self {
        Source {
            channel_id: Some(channel),
            message_id: None,
            key: format!("k:{interaction}"),
            at,
        }
    }
}

/// Amounts too small to ever show (balances are shown to 0.1) become 0:
/// settings that are each valid can multiply to 1e-308, which PostgreSQL
/// refuses to decay ("value out of range: underflow").
pub fn negligible_to_zero(amount: f64) -> f64 {
    if amount.abs() < 1e-9 {
        0.0
    } else {
        amount
    }
}

/// One signal being evaluated, where it came from and the settings: what
/// every rule needs to build its decisions.
struct Eval<'a> {
    sig: &'a Signal,
    src: &'a Source,
    s: &'a Settings,
}

impl Eval<'_> {
    fn at(&self) -> DateTime<Utc> {
        self.src.at
    }

    /// "rule (evidence); notes": every reason built from a signal.
    fn reason(&self, notes: Vec<Note>) -> String {
        Reason::signal(
            self.sig.rule,
            Evidence::Text(self.sig.evidence.clone()),
            notes,
        )
        .to_string()
    }

    /// The signal, not credited, with why.
    fn ignore(&self, reason: String) -> Vec<Decision> {
        vec![Decision::Ignored(IgnoredSignal {
            kind: self.sig.kind,
            member: self.sig.member,
            counterpart: self.sig.counterpart,
            at: self.at(),
            message_id: self.src.message_id,
            reason,
            by_detection: self.sig.ignored.is_some(),
        })]
    }

    /// An entry from this signal. Its idempotency key names the signal's kind
    /// too when the entry is of another kind (the reciprocity bonus of a
    /// thanks), so one signal's entries never share a key.
    fn entry(
        &self,
        kind: EntryKind,
        member: MemberId,
        counterpart: Option<MemberId>,
        amount: f64,
        reason: String,
    ) -> Decision {
        let (src, sig) = (self.src, self.sig);
        let idem_key = if kind == sig.kind {
            format!("{}:{}:{}", src.key, kind.as_str(), member)
        } else {
            format!(
                "{}:{}:{}:{}",
                src.key,
                sig.kind.as_str(),
                kind.as_str(),
                member
            )
        };
        Decision::Entry(EntryDraft {
            kind,
            member,
            counterpart,
            amount: negligible_to_zero(amount),
            at: src.at,
            channel_id: src.channel_id,
            message_id: src.message_id,
            reason,
            idem_key,
            reverses: None,
            held: 0.0,
        })
    }
}

impl ScoringMemory {
    /// Decide what a signal is worth. Does not change the memory.
    pub fn evaluate(&self, sig: &Signal, src: &Source, s: &Settings) -> Vec<Decision> {
        let ev = Eval { sig, src, s };
        if let Some(why) = self.declined(sig) {
            return ev.ignore(why);
        }
        match sig.kind {
            EntryKind::Thanks
            | EntryKind::ThankReaction
            | EntryKind::Kudos
            | EntryKind::Solution => self.credit(&ev),
            EntryKind::HelpfulReply => self.helpful_reply(&ev),
            EntryKind::SharedContent => self.share(&ev),
            EntryKind::Request => self.request(&ev),
            EntryKind::SelfPromotion => costs::self_promotion(&ev),
            EntryKind::Broadcast => costs::broadcast(&ev),
            EntryKind::Adjustment => adjustment(&ev),
            EntryKind::Reciprocity | EntryKind::Reversal => {
                ev.ignore("not a detectable signal".into())
            }
        }
    }

    /// Why no rule may score the signal at all: detection declined it, one
    /// side opted out of tracking, or a member credits themselves (a
    /// moderator may adjust their own balance).
    fn declined(&self, sig: &Signal) -> Option<String> {
        if let Some(why) = &sig.ignored {
            return Some(why.clone());
        }
        if self.opted_out.contains(&sig.member) {
            return Some("member opted out of tracking".into());
        }
        if self.excluded.contains(&sig.member) {
            return Some("member excluded from tracking (exclude settings)".into());
        }
        let c = sig.counterpart?;
        if self.opted_out.contains(&c) {
            return Some("counterpart opted out of tracking".into());
        }
        if c == sig.member && sig.kind != EntryKind::Adjustment {
            let what = if sig.kind == EntryKind::Kudos {
                "kudos"
            } else {
                "credit"
            };
            return Some(format!("self-{what}"));
        }
        None
    }
}

/// A moderator's adjustment: written as given, the evidence (who and why) as
/// the reason.
fn adjustment(ev: &Eval) -> Vec<Decision> {
    let sig = ev.sig;
    vec![ev.entry(
        sig.kind,
        sig.member,
        sig.counterpart,
        sig.magnitude,
        sig.evidence.clone(),
    )]
}

//! Signals: what detection saw in a message, before any scoring. A signal names
//! the member it concerns, the rule that fired and the evidence, so every ledger
//! entry (and every ignored signal) can be explained.

use serde::{Deserialize, Serialize};

use super::message::{MemberId, RecentMessage};

/// The kinds of ledger entry. The names are an interface (`--explain` output,
/// JSON views, the database): keep them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Thanks,
    ThankReaction,
    HelpfulReply,
    SharedContent,
    Kudos,
    Request,
    SelfPromotion,
    Broadcast,
    Reciprocity,
    Reversal,
    Adjustment,
}

impl EntryKind {
    pub const ALL: [EntryKind; 11] = [
        EntryKind::Thanks,
        EntryKind::ThankReaction,
        EntryKind::HelpfulReply,
        EntryKind::SharedContent,
        EntryKind::Kudos,
        EntryKind::Request,
        EntryKind::SelfPromotion,
        EntryKind::Broadcast,
        EntryKind::Reciprocity,
        EntryKind::Reversal,
        EntryKind::Adjustment,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Thanks => "thanks",
            EntryKind::ThankReaction => "thank_reaction",
            EntryKind::HelpfulReply => "helpful_reply",
            EntryKind::SharedContent => "shared_content",
            EntryKind::Kudos => "kudos",
            EntryKind::Request => "request",
            EntryKind::SelfPromotion => "self_promotion",
            EntryKind::Broadcast => "broadcast",
            EntryKind::Reciprocity => "reciprocity",
            EntryKind::Reversal => "reversal",
            EntryKind::Adjustment => "adjustment",
        }
    }

    pub fn parse(s: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Deposits credit the member; withdrawals debit them.
    pub fn is_withdrawal(self) -> bool {
        matches!(
            self,
            EntryKind::Request | EntryKind::SelfPromotion | EntryKind::Broadcast
        )
    }
}

impl std::fmt::Display for EntryKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing detection saw.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub kind: EntryKind,
    /// The member the entry is for: the one thanked / helping / sharing for
    /// deposits, the one asking / promoting / pinging for withdrawals.
    pub member: MemberId,
    /// The other side: who thanked, whose request was answered. None for
    /// requests, shares, promotion and broadcasts.
    pub counterpart: Option<MemberId>,
    /// Name of the rule that fired, e.g. `thanks.reply_target`.
    pub rule: &'static str,
    /// Human-readable evidence: matched words, how the target was found.
    pub evidence: String,
    /// Size of the signal where it matters: audience size factor for
    /// broadcasts, distinct reactors for shares; 1.0 otherwise.
    pub magnitude: f64,
    /// Set when detection saw the signal but it must not be credited
    /// ("anticipatory thanks", "thanks to a bot", "no target"...).
    pub ignored: Option<String>,
}

impl Signal {
    pub fn new(
        kind: EntryKind,
        member: MemberId,
        rule: &'static str,
        evidence: impl Into<String>,
    ) -> Self {
        Signal {
            kind,
            member,
            counterpart: None,
            rule,
            evidence: evidence.into(),
            magnitude: 1.0,
            ignored: None,
        }
    }
    pub fn with_counterpart(mut self, c: MemberId) -> Self {
        self.counterpart = Some(c);
        self
    }
    pub fn ignored(mut self, why: impl Into<String>) -> Self {
        self.ignored = Some(why.into());
        self
    }
}

/// Everything detection says about one message.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Detection {
    pub signals: Vec<Signal>,
    /// What the pipeline remembers of this message in the channel context and in
    /// the stored message metadata (flags, addressees, thanked members).
    pub remembered: RecentMessage,
}

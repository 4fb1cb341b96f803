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
    /// An accepted solution: the opener (or a moderator) marked a message as
    /// what solved the problem ("Mark as solution", or the forum's Solved tag).
    Solution,
}

impl EntryKind {
    pub const ALL: [EntryKind; 12] = [
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
        EntryKind::Solution,
    ];

    /// Credit for helping someone: help in a conversation someone else
    /// opened with a request, or a solution marked. (Thanks and kudos follow
    /// help but can come from anyone, sharing is not help to a person.)
    pub fn is_credit_for_giving(self) -> bool {
        matches!(self, EntryKind::HelpfulReply | EntryKind::Solution)
    }

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
            EntryKind::Solution => "solution",
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

/// The rule that produced a signal. The names ([`Rule::as_str`]) are an
/// interface: they are written into every ledger reason and `--explain` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    // Thanks credited to a member, by how the target was found.
    ThanksMention,
    ThanksName,
    ThanksReplyTarget,
    ThanksConversation,
    // Thanks seen but not credited.
    ThanksAnticipatory,
    ThanksDeclining,
    ThanksExclamation,
    ThanksTalk,
    ThanksSarcasm,
    ThanksSelf,
    ThanksToBot,
    ThanksToGroup,
    ThanksCause,
    ThanksUnknownName,
    ThanksNoTarget,
    // Requests.
    RequestPhrase,
    RequestQuestion,
    RequestQuestionForm,
    RequestHelpChannel,
    // Self-promotion.
    PromoInviteLink,
    PromoWording,
    PromoChannel,
    // Shared content.
    ShareLink,
    ShareAttachment,
    ShareReaction,
    // Pings to many.
    BroadcastAsk,
    BroadcastAnnouncement,
    // A question's cost, charged at its first answer.
    RequestAnswered,
    // Help credited per conversation, by what shows it was help.
    HelpfulAnswered,
    HelpfulInThread,
    HelpfulAnsweredBack,
    HelpfulThanked,
    // Thank reactions.
    ReactionThankEmoji,
    ReactionOnThanks,
    ReactionThanksNoTarget,
    ReactionBot,
    ReactionToBot,
    // Not detection: commands, moderation, re-scoring stored entries.
    KudosCommand,
    AdjustModerator,
    /// "Mark as solution" by the opener or a moderator.
    SolutionMarked,
    /// The forum's Solved tag applied by hand: the last responder solved it.
    SolutionTagged,
    Replay,
}

impl Rule {
    pub const ALL: [Rule; 42] = [
        Rule::ThanksMention,
        Rule::ThanksName,
        Rule::ThanksReplyTarget,
        Rule::ThanksConversation,
        Rule::ThanksAnticipatory,
        Rule::ThanksDeclining,
        Rule::ThanksExclamation,
        Rule::ThanksTalk,
        Rule::ThanksSarcasm,
        Rule::ThanksSelf,
        Rule::ThanksToBot,
        Rule::ThanksToGroup,
        Rule::ThanksCause,
        Rule::ThanksUnknownName,
        Rule::ThanksNoTarget,
        Rule::RequestPhrase,
        Rule::RequestQuestion,
        Rule::RequestQuestionForm,
        Rule::RequestHelpChannel,
        Rule::PromoInviteLink,
        Rule::PromoWording,
        Rule::PromoChannel,
        Rule::ShareLink,
        Rule::ShareAttachment,
        Rule::ShareReaction,
        Rule::BroadcastAsk,
        Rule::BroadcastAnnouncement,
        Rule::RequestAnswered,
        Rule::HelpfulAnswered,
        Rule::HelpfulInThread,
        Rule::HelpfulAnsweredBack,
        Rule::HelpfulThanked,
        Rule::ReactionThankEmoji,
        Rule::ReactionOnThanks,
        Rule::ReactionThanksNoTarget,
        Rule::ReactionBot,
        Rule::ReactionToBot,
        Rule::KudosCommand,
        Rule::SolutionMarked,
        Rule::SolutionTagged,
        Rule::AdjustModerator,
        Rule::Replay,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::ThanksMention => "thanks.mention",
            Rule::ThanksName => "thanks.name",
            Rule::ThanksReplyTarget => "thanks.reply_target",
            Rule::ThanksConversation => "thanks.conversation",
            Rule::ThanksAnticipatory => "thanks.anticipatory",
            Rule::ThanksDeclining => "thanks.declining",
            Rule::ThanksExclamation => "thanks.exclamation",
            Rule::ThanksTalk => "thanks.talk",
            Rule::ThanksSarcasm => "thanks.sarcasm",
            Rule::ThanksSelf => "thanks.self",
            Rule::ThanksToBot => "thanks.to_bot",
            Rule::ThanksToGroup => "thanks.to_group",
            Rule::ThanksCause => "thanks.cause",
            Rule::ThanksUnknownName => "thanks.unknown_name",
            Rule::ThanksNoTarget => "thanks.no_target",
            Rule::RequestPhrase => "request.phrase",
            Rule::RequestQuestion => "request.question",
            Rule::RequestQuestionForm => "request.question_form",
            Rule::RequestHelpChannel => "request.help_channel",
            Rule::PromoInviteLink => "promo.invite_link",
            Rule::PromoWording => "promo.wording",
            Rule::PromoChannel => "promo.channel",
            Rule::ShareLink => "share.link",
            Rule::ShareAttachment => "share.attachment",
            Rule::ShareReaction => "share.reaction",
            Rule::BroadcastAsk => "broadcast.ask",
            Rule::BroadcastAnnouncement => "broadcast.announcement",
            Rule::RequestAnswered => "request.answered",
            Rule::HelpfulAnswered => "helpful.answered",
            Rule::HelpfulInThread => "helpful.in_thread",
            Rule::HelpfulAnsweredBack => "helpful.answered_back",
            Rule::HelpfulThanked => "helpful.thanked",
            Rule::ReactionThankEmoji => "reaction.thank_emoji",
            Rule::ReactionOnThanks => "reaction.on_thanks",
            Rule::ReactionThanksNoTarget => "reaction.thanks_no_target",
            Rule::ReactionBot => "reaction.bot",
            Rule::ReactionToBot => "reaction.to_bot",
            Rule::KudosCommand => "kudos.command",
            Rule::SolutionMarked => "solution.marked",
            Rule::SolutionTagged => "solution.tagged",
            Rule::AdjustModerator => "adjust.moderator",
            Rule::Replay => "replay",
        }
    }
}

impl std::fmt::Display for Rule {
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
    /// The rule that fired, e.g. [`Rule::ThanksReplyTarget`] (`thanks.reply_target`).
    pub rule: Rule,
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
    pub fn new(kind: EntryKind, member: MemberId, rule: Rule, evidence: impl Into<String>) -> Self {
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

/// How a message speaks, for placing it in a conversation: a question about
/// one's own problem ("how do *I*…") opens a conversation, one put to someone
/// ("did *you* reboot?") belongs to theirs, and an acknowledgement answers
/// nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Speech {
    /// "I", "my", "we"…
    pub first_person: bool,
    /// "you", "your"…
    pub second_person: bool,
    /// More than an acknowledgement, a greeting or a single word.
    pub substantive: bool,
    /// It calls on the room ("anyone", "someone", "help"): an ask made so
    /// is a plea of one's own, never a suggestion to someone else.
    pub calls_out: bool,
    /// It asks what a thing is ("whats shogo?", "what is a swap
    /// partition?"), whether one exists, or where, why or when ("where's
    /// the sudoers file?"): the author's own curiosity, never a suggestion
    /// made to whoever asked just before (unlike "what's the output of
    /// lspci?" or "why not use apt-get?").
    pub asks_what_is: bool,
    /// It speaks to someone not in the room ("daniels: is there…", a name
    /// nobody here goes by), to a bot ("!tell …"), or of the author's own
    /// trouble ("I can't find openssl-dev"): whatever question came just
    /// before, this does not answer it.
    pub aside: bool,
}

/// Everything detection says about one message.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Detection {
    pub signals: Vec<Signal>,
    /// What the pipeline remembers of this message in the channel context and in
    /// the stored message metadata (flags, addressees, thanked members).
    pub remembered: RecentMessage,
    pub speech: Speech,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_distinct_and_displayed_as_is() {
        let names: std::collections::HashSet<&str> = Rule::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(names.len(), Rule::ALL.len());
        assert_eq!(Rule::ThanksReplyTarget.to_string(), "thanks.reply_target");
        assert_eq!(format!("{} (x)", Rule::KudosCommand), "kudos.command (x)");
    }
}

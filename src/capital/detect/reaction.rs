//! Reactions: a thank emoji on a message, and any reaction on shared content.

use super::{who, Detector};
use crate::capital::message::{ReactionIn, RecentMessage};
use crate::capital::signal::{EntryKind, Rule, Signal};

/// An emoji as compared: no colons, variation selectors or skin tones, lowercase.
pub(super) fn normalize_emoji(e: &str) -> String {
    e.trim()
        .trim_matches(':')
        .chars()
        .filter(|&c| {
            c != '\u{fe0f}' && c != '\u{fe0e}' && !('\u{1f3fb}'..='\u{1f3ff}').contains(&c)
        })
        .flat_map(char::to_lowercase)
        .collect()
}

impl Detector {
    /// Detect the signals of one reaction on `target`.
    ///
    /// A thank emoji credits the target's author, or the members the target
    /// thanked when it was itself a thank-you (`ThankReaction`, counterpart =
    /// reactor). A reaction by someone else on shared content credits the
    /// sharer (`SharedContent`, rule `share.reaction`). Self-reactions and bot
    /// reactors come back as ignored signals. The same signals are returned for
    /// an added and a removed reaction (`reaction.added`): the pipeline reverses
    /// what the add caused.
    pub fn detect_reaction(&self, reaction: &ReactionIn, target: &RecentMessage) -> Vec<Signal> {
        let mut out = Vec::new();
        let emoji = normalize_emoji(&reaction.emoji);
        if !emoji.is_empty() && self.thank_emojis.contains(&emoji) {
            out.extend(thank_reaction(reaction, target));
        }
        if target.flags.shared_content && !target.author.is_bot {
            out.push(share_reaction(reaction, target));
        }
        out
    }
}

/// A thank emoji on `target`.
fn thank_reaction(reaction: &ReactionIn, target: &RecentMessage) -> Vec<Signal> {
    let reactor = &reaction.user;
    let ev = format!("reaction {} by {}", reaction.emoji.trim(), who(reactor));
    let signal = |member, rule, evidence: String| {
        Signal::new(EntryKind::ThankReaction, member, rule, evidence).with_counterpart(reactor.id)
    };
    if reactor.is_bot {
        return vec![signal(target.author.id, Rule::ReactionBot, ev).ignored("reaction by a bot")];
    }
    if target.flags.thanks {
        return on_thanks(reaction, target, &ev);
    }
    if target.author.is_bot {
        return vec![signal(target.author.id, Rule::ReactionToBot, ev).ignored("thanks to a bot")];
    }
    let sig = signal(
        target.author.id,
        Rule::ReactionThankEmoji,
        format!("{ev} on {}'s message", who(&target.author)),
    );
    vec![if target.author.id == reactor.id {
        sig.ignored("self-reaction")
    } else {
        sig
    }]
}

/// A thank emoji on a thank-you message credits whom it thanked.
fn on_thanks(reaction: &ReactionIn, target: &RecentMessage, ev: &str) -> Vec<Signal> {
    let reactor = reaction.user.id;
    let mut out = Vec::new();
    if target.thanked.is_empty() {
        out.push(
            Signal::new(
                EntryKind::ThankReaction,
                target.author.id,
                Rule::ReactionThanksNoTarget,
                format!("{ev} on a thank-you message with no credited target"),
            )
            .with_counterpart(reactor)
            .ignored("thank-you message had no one to credit"),
        );
    }
    for &t in &target.thanked {
        let sig = Signal::new(
            EntryKind::ThankReaction,
            t,
            Rule::ReactionOnThanks,
            format!("{ev} on a thank-you message; credits who it thanked"),
        )
        .with_counterpart(reactor);
        out.push(if t == reactor {
            sig.ignored("self-thanks")
        } else {
            sig
        });
    }
    out
}

/// Any reaction on shared content credits the sharer.
fn share_reaction(reaction: &ReactionIn, target: &RecentMessage) -> Signal {
    let reactor = &reaction.user;
    let ev = format!(
        "reaction {} by {} on shared content",
        reaction.emoji.trim(),
        who(reactor)
    );
    let sig = Signal::new(
        EntryKind::SharedContent,
        target.author.id,
        Rule::ShareReaction,
        ev,
    )
    .with_counterpart(reactor.id);
    if reactor.is_bot {
        sig.ignored("reaction by a bot")
    } else if reactor.id == target.author.id {
        sig.ignored("self-reaction")
    } else {
        sig
    }
}

//! Reactions: a thank emoji on a message, and any reaction on shared content.

use super::{who, Detector};
use crate::capital::message::{ReactionIn, RecentMessage};
use crate::capital::reason::{Detected, ReactedOn};
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

/// The evidence of a reaction: its emoji, who reacted, and what on.
fn evidence(reaction: &ReactionIn, on: Option<ReactedOn>) -> String {
    Detected::Reaction {
        emoji: reaction.emoji.trim().to_string(),
        by: who(&reaction.user),
        on,
    }
    .to_string()
}

/// A thank emoji on `target`.
fn thank_reaction(reaction: &ReactionIn, target: &RecentMessage) -> Vec<Signal> {
    let reactor = &reaction.user;
    let signal = |member, rule, evidence: String| {
        Signal::new(EntryKind::ThankReaction, member, rule, evidence).with_counterpart(reactor.id)
    };
    if reactor.is_bot {
        return vec![signal(
            target.author.id,
            Rule::ReactionBot,
            evidence(reaction, None),
        )
        .ignored("reaction by a bot")];
    }
    if target.flags.thanks {
        return on_thanks(reaction, target);
    }
    if target.author.is_bot {
        return vec![signal(
            target.author.id,
            Rule::ReactionToBot,
            evidence(reaction, None),
        )
        .ignored("thanks to a bot")];
    }
    let sig = signal(
        target.author.id,
        Rule::ReactionThankEmoji,
        evidence(
            reaction,
            Some(ReactedOn::Message {
                author: who(&target.author),
            }),
        ),
    );
    vec![if target.author.id == reactor.id {
        sig.ignored("self-reaction")
    } else {
        sig
    }]
}

/// A thank emoji on a thank-you message credits whom it thanked.
fn on_thanks(reaction: &ReactionIn, target: &RecentMessage) -> Vec<Signal> {
    let reactor = reaction.user.id;
    let mut out = Vec::new();
    if target.thanked.is_empty() {
        out.push(
            Signal::new(
                EntryKind::ThankReaction,
                target.author.id,
                Rule::ReactionThanksNoTarget,
                evidence(reaction, Some(ReactedOn::ThanksWithNoTarget)),
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
            evidence(reaction, Some(ReactedOn::Thanks)),
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
    let sig = Signal::new(
        EntryKind::SharedContent,
        target.author.id,
        Rule::ShareReaction,
        evidence(reaction, Some(ReactedOn::SharedContent)),
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

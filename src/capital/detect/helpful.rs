//! Helpful replies: a message that answers someone else's request, linked to
//! it by a reply, by addressing its author (mention or name), or by coming
//! right after it (adjacency: a guess, so it is not stored as an addressee).

use super::lexicon::is_stopword;
use super::{who, Analysis, Detector};
use crate::capital::message::{MemberId, RecentMessage};
use crate::capital::signal::{EntryKind, Rule, Signal};

impl Detector {
    /// The request this message answers, as a `HelpfulReply` signal (member =
    /// the helper, counterpart = the asker). `has_content`: a link or attachment.
    pub(super) fn helpful_reply(&self, a: &Analysis, has_content: bool) -> Option<Signal> {
        if !has_content && a.toks.is_empty() {
            return None;
        }
        if let Some(r) = a.replied {
            return by_reply_link(a, r);
        }
        let addressed: Vec<(MemberId, Rule, &str)> = a
            .msg
            .mentions
            .iter()
            .filter(|p| p.id != a.me() && !p.is_bot)
            .map(|p| (p.id, Rule::HelpfulMention, "mention"))
            .chain(
                a.text_addressees
                    .iter()
                    .map(|p| (p.id, Rule::HelpfulName, "name")),
            )
            .collect();
        if !addressed.is_empty() {
            return self.by_address(a, &addressed);
        }
        self.by_adjacency(a)
    }

    /// The first addressee with an open request in the conversation window.
    fn by_address(&self, a: &Analysis, addressed: &[(MemberId, Rule, &str)]) -> Option<Signal> {
        let window = self.settings.conversation_window();
        addressed.iter().find_map(|&(id, rule, how)| {
            let req = a
                .recent(window)
                .find(|m| m.author.id == id && m.flags.request)?;
            Some(
                Signal::new(
                    EntryKind::HelpfulReply,
                    a.me(),
                    rule,
                    format!("answers {}'s request (by {how})", who(&req.author)),
                )
                .with_counterpart(id),
            )
        })
    }

    /// Right after someone else's request (within `adjacent_reply_seconds`, at
    /// most three messages back), addressing nobody, from a member who is not
    /// asking something themselves, and more than an acknowledgement.
    fn by_adjacency(&self, a: &Analysis) -> Option<Signal> {
        let me = a.me();
        // An open question of my own (not one put to someone else) means I am
        // asking, not answering.
        let i_asked = a
            .recent(self.settings.conversation_window())
            .any(|m| m.author.id == me && m.flags.request && m.addressees.is_empty());
        if i_asked || a.msg.mentions_everyone || a.toks.is_empty() || says_little(a) {
            return None;
        }
        for (k, prev) in a.ctx.newest_first().take(3).enumerate() {
            if prev.author.id == me {
                return None;
            }
            let secs = (a.msg.at - prev.at).num_seconds();
            if secs < 0 || secs > self.settings.adjacent_reply_seconds as i64 {
                return None;
            }
            if prev.flags.request && !prev.author.is_bot {
                let place = if k == 0 {
                    "right before it"
                } else {
                    "just before it"
                };
                return Some(
                    Signal::new(
                        EntryKind::HelpfulReply,
                        me,
                        Rule::HelpfulAdjacent,
                        format!(
                            "answers {}'s request {place} (by adjacency, {secs}s later)",
                            who(&prev.author)
                        ),
                    )
                    .with_counterpart(prev.author.id),
                );
            }
        }
        None
    }
}

/// A reply to someone else's request answers it; a reply to anything else is
/// no helpful reply at all.
fn by_reply_link(a: &Analysis, r: &RecentMessage) -> Option<Signal> {
    if !(r.flags.request && r.author.id != a.me() && !r.author.is_bot) {
        return None;
    }
    Some(
        Signal::new(
            EntryKind::HelpfulReply,
            a.me(),
            Rule::HelpfulReplyLink,
            format!("reply to {}'s request (by reply link)", who(&r.author)),
        )
        .with_counterpart(r.author.id),
    )
}

/// An acknowledgement ("ok", "lol", "thanks"), a "me too", or a single short
/// or common word: not an answer.
fn says_little(a: &Analysis) -> bool {
    let first = a.toks[0].w;
    let me_too = a.lower.contains("same problem")
        || a.lower.contains("same issue")
        || a.lower.contains("me too");
    is_acknowledgement(first)
        || me_too
        || (a.toks.len() < 2 && (is_stopword(first) || first.chars().count() < 3))
}

/// A first word that makes a message an acknowledgement or back-channel.
fn is_acknowledgement(w: &str) -> bool {
    matches!(
        w,
        "ok" | "okay"
            | "k"
            | "kk"
            | "lol"
            | "haha"
            | "hehe"
            | "heh"
            | "yeah"
            | "yes"
            | "no"
            | "nope"
            | "hi"
            | "hello"
            | "hey"
            | "thanks"
            | "thx"
            | "ty"
            | "hmm"
            | "hm"
            | "oh"
            | "ah"
            | "wow"
            | "and"
            | "but"
            | "also"
            | "btw"
            | "well"
            | "er"
            | "erm"
            | "um"
            | "uh"
            | "sorry"
            | "yup"
            | "yep"
            | "yea"
            | "nah"
            | "sure"
            | "right"
            | "true"
            | "indeed"
            | "exactly"
            | "np"
            | "same"
            | "me"
            | "lmao"
            | "rofl"
            | "meh"
            | "cool"
            | "nice"
            | "great"
            | "welcome"
            | "yw"
    )
}

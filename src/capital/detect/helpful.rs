//! Answers: a message that answers someone else's request, linked to it by a
//! reply, by addressing its author (mention or name), or by coming right after
//! it (adjacency: a guess, so it is not stored as an addressee).
//!
//! Detection only marks the message (`flags.helpful_reply`, read when a later
//! thank-you looks for whom the thanker was talking with). What help is
//! *worth* is decided per conversation (`capital::conversation`), not here.

use super::lexicon::is_stopword;
use super::{Analysis, Detector};
use crate::capital::message::{MemberId, RecentMessage};
use crate::capital::signal::Speech;

/// The request a message answers: its author, and whether the link is only
/// adjacency (a guess).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Answer {
    pub asker: MemberId,
    pub adjacent: bool,
}

impl Detector {
    /// The request this message answers, if any. `has_content`: a link or
    /// attachment.
    pub(super) fn answer(&self, a: &Analysis, has_content: bool) -> Option<Answer> {
        if !has_content && a.toks.is_empty() {
            return None;
        }
        if let Some(r) = a.replied {
            return by_reply_link(a, r);
        }
        let addressed: Vec<MemberId> = a
            .msg
            .mentions
            .iter()
            .filter(|p| p.id != a.me() && !p.is_bot)
            .map(|p| p.id)
            .chain(a.text_addressees.iter().map(|p| p.id))
            .collect();
        if !addressed.is_empty() {
            return self.by_address(a, &addressed);
        }
        self.by_adjacency(a)
    }

    /// The first addressee with an open request in the conversation window.
    fn by_address(&self, a: &Analysis, addressed: &[MemberId]) -> Option<Answer> {
        let window = self.settings.conversation_window();
        addressed.iter().find_map(|&id| {
            a.recent(window)
                .find(|m| m.author.id == id && m.flags.request)?;
            Some(Answer {
                asker: id,
                adjacent: false,
            })
        })
    }

    /// Right after someone else's request (within `adjacent_reply_seconds`, at
    /// most three messages back), addressing nobody, from a member who is not
    /// asking something themselves, and more than an acknowledgement.
    fn by_adjacency(&self, a: &Analysis) -> Option<Answer> {
        let me = a.me();
        // An open question of my own (not one put to someone else) means I am
        // asking, not answering.
        let i_asked = a
            .recent(self.settings.conversation_window())
            .any(|m| m.author.id == me && m.flags.request && m.addressees.is_empty());
        if i_asked || a.msg.mentions_everyone || a.toks.is_empty() || says_little(a) {
            return None;
        }
        for prev in a.ctx.newest_first().take(3) {
            if prev.author.id == me {
                return None;
            }
            let secs = (a.msg.at - prev.at).num_seconds();
            if secs < 0 || secs > self.settings.adjacent_reply_seconds as i64 {
                return None;
            }
            if prev.flags.request && !prev.author.is_bot {
                return Some(Answer {
                    asker: prev.author.id,
                    adjacent: true,
                });
            }
        }
        None
    }
}

/// A reply to someone else's request answers it; a reply to anything else is
/// no answer at all.
fn by_reply_link(a: &Analysis, r: &RecentMessage) -> Option<Answer> {
    (r.flags.request && r.author.id != a.me() && !r.author.is_bot).then_some(Answer {
        asker: r.author.id,
        adjacent: false,
    })
}

/// How the message speaks: of its author, to someone, and whether it says
/// more than an acknowledgement (two words or more, not starting with one).
pub(super) fn speech(a: &Analysis) -> Speech {
    Speech {
        first_person: a.toks.iter().any(|t| is_first_person(t.w)),
        second_person: a.toks.iter().any(|t| is_second_person(t.w)),
        calls_out: a.toks.iter().any(|t| {
            matches!(
                t.w,
                "anyone" | "anybody" | "someone" | "somebody" | "help" | "ideas" | "idea"
            )
        }),
        asks_what_is: asks_what_is(a),
        // A one-word question ("Humility?") engages with what was just said
        // as much as a sentence does.
        substantive: !a.toks.is_empty()
            && !is_acknowledgement(a.toks[0].w)
            && (a.lower.trim_end().ends_with('?') || (a.toks.len() >= 2 && !says_little(a))),
    }
}

/// A question that starts by asking what (or who) something is, about a
/// thing named rather than one pointed at ("whats shogo?", not "what's the
/// error?" or "what is your kernel?": those ask about the asker's problem).
fn asks_what_is(a: &Analysis) -> bool {
    if !a.lower.trim_end().ends_with('?') {
        return false;
    }
    let w: Vec<&str> = a.toks.iter().map(|t| t.w).collect();
    let rest = match w.as_slice() {
        ["what" | "who" | "wtf", "is" | "are", rest @ ..] => rest,
        ["whats" | "what's" | "who's" | "whos", rest @ ..] => rest,
        _ => return false,
    };
    rest.first().is_some_and(|x| {
        !matches!(
            *x,
            "the"
                | "your"
                | "ur"
                | "you"
                | "it"
                | "its"
                | "it's"
                | "that"
                | "this"
                | "those"
                | "these"
                | "in"
                | "on"
                | "there"
                | "wrong"
                | "up"
                | "happening"
                | "going"
                | "he"
                | "she"
                | "they"
                | "his"
                | "her"
                | "their"
        )
    })
}

/// "I", "my", "we"…
pub(super) fn is_first_person(w: &str) -> bool {
    matches!(
        w,
        "i" | "me"
            | "my"
            | "i'm"
            | "im"
            | "i've"
            | "ive"
            | "mine"
            | "we"
            | "our"
            | "us"
            | "i'd"
            | "i'll"
    )
}

/// "you", "your"…
fn is_second_person(w: &str) -> bool {
    matches!(
        w,
        "you" | "your" | "you're" | "youre" | "u" | "ur" | "yours" | "you've"
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

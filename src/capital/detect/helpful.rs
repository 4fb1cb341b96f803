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
        if i_asked || a.msg.mentions_everyone || a.toks.is_empty() || says_little(a) || aside(a) {
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
        }) || a
            .toks
            .windows(2)
            .any(|w| w[0].w == "any" && w[1].w == "one")
            || greets_the_room(a)
            || asks_the_room(a),
        asks_what_is: asks_what_is(a) || asks_whether_there_is(a) || asks_where_why_when(a),
        // A one-word question ("Humility?") engages with what was just said
        // as much as a sentence does.
        substantive: !a.toks.is_empty()
            && (!is_acknowledgement(a.toks[0].w) || greets_the_room(a))
            && !small_talk(a)
            && (a.lower.trim_end().ends_with('?') || (a.toks.len() >= 2 && !says_little(a))),
        aside: false,
    }
}

/// Aimed elsewhere or about the author's own trouble (see [`Speech::aside`]).
pub(super) fn aside(a: &Analysis) -> bool {
    let addressed_here = !a.text_addressees.is_empty() || !a.msg.mentions.is_empty();
    (!addressed_here && a.replied.is_none() && to_someone_absent(a.lower)) || own_trouble(a.lower)
}

/// "nick: …", "@nick …" or "!command …" at the start, when no member here
/// goes by that name (names of members present are addressees instead).
fn to_someone_absent(lower: &str) -> bool {
    let t = lower.trim_start();
    if t.starts_with('!') || t.starts_with('@') {
        return true;
    }
    let first = t.split_whitespace().next().unwrap_or("");
    let Some(name) = first.strip_suffix(':') else {
        return false;
    };
    // Labels ("note:", "edit:") and clock times are not names.
    name.chars().count() >= 2
        && !name.contains("//")
        && !name.chars().all(|c| c.is_ascii_digit())
        && !matches!(
            name,
            "note"
                | "edit"
                | "update"
                | "ps"
                | "btw"
                | "fyi"
                | "also"
                | "solution"
                | "answer"
                | "error"
                | "warning"
                | "example"
                | "eg"
                | "e.g"
                | "tip"
                | "hint"
                | "re"
                | "q"
                | "fix"
                | "result"
                | "output"
                | "code"
                | "and"
                | "or"
                | "so"
                | "but"
        )
}

/// The author speaks of their own trouble ("I can't find…", "I'm missing…",
/// "i had issues with my…") or asks what to do about it ("do i need to
/// reinstall…", "should i…"): a problem of theirs, not an answer to anyone's.
fn own_trouble(lower: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:i\s+am|i'm|im|i)\s+(?:still\s+|just\s+)?(?:can'?t|cannot|couldn'?t|missing|trying to|stuck|need help|had (?:issues|problems|a problem|trouble)|have (?:a problem|an issue|issues|problems|trouble)|keep getting|get (?:an? )?error)\b|\bwhen i try\b|\b(?:do|should|can|must|shall) i (?:need|have to|use|install|reinstall|get|make|put|just|run|remove|upgrade)\b",
        )
        .expect("constant pattern")
    })
    .is_match(lower)
}

/// A greeting, a farewell or a word to the room ("lo all", "good morning
/// guys", "ttyl", "whats up?"): small talk, which answers nobody's question
/// and asks nothing.
fn is_small_talk_word(w: &str) -> bool {
    is_greeting(w)
        || matches!(
            w,
            "good"
                | "morning"
                | "mornin"
                | "afternoon"
                | "evening"
                | "evenin"
                | "night"
                | "nite"
                | "gn"
                | "bye"
                | "cya"
                | "ttyl"
                | "later"
                | "laters"
                | "brb"
                | "afk"
                | "re"
                | "wb"
                | "sup"
                | "wassup"
                | "whats"
                | "what's"
                | "up"
                | "again"
        )
        || is_room(w)
}

/// A word that opens a greeting.
fn is_greeting(w: &str) -> bool {
    matches!(
        w,
        "hi" | "hello" | "hey" | "heya" | "hiya" | "howdy" | "yo" | "lo" | "hola" | "greetings"
    )
}

/// A word for everyone present.
fn is_room(w: &str) -> bool {
    matches!(
        w,
        "all"
            | "guys"
            | "everyone"
            | "everybody"
            | "folks"
            | "peeps"
            | "people"
            | "ppl"
            | "yall"
            | "y'all"
            | "there"
    )
}

/// A message of small talk only (a handful of words, all of them greeting,
/// farewell or room words).
pub(super) fn small_talk(a: &Analysis) -> bool {
    !a.toks.is_empty() && a.toks.len() <= 5 && a.toks.iter().all(|t| is_small_talk_word(t.w))
}

/// It opens by greeting the room and goes on ("hello guys. what do you
/// recommend for…?"): whatever it asks, it asks everyone, as a question of
/// its own, not as a suggestion to whoever spoke last.
fn greets_the_room(a: &Analysis) -> bool {
    let opens = match a.toks.as_slice() {
        [g, ..] if is_greeting(g.w) => true,
        [g, t, ..] => g.w == "good" && matches!(t.w, "morning" | "afternoon" | "evening"),
        _ => false,
    };
    opens && !small_talk(a)
}

/// It speaks to everyone present ("what do you guys suggest…?", "does
/// any of you know…?", "everyone: is there…?"): a "you" that means the
/// room, not the member who just asked.
fn asks_the_room(a: &Analysis) -> bool {
    a.toks
        .iter()
        .any(|t| matches!(t.w, "everyone" | "everybody" | "yall" | "y'all" | "folks"))
        || a.toks.windows(2).any(|w| {
            matches!(
                (w[0].w, w[1].w),
                (
                    "you" | "u" | "ya",
                    "guys" | "all" | "people" | "folks" | "ppl"
                ) | ("any" | "anyone", "of")
            )
        })
}

/// A question that opens by asking where, why or when ("where's the
/// sudoers file?", "why isn't firefox 1.5 in the repository?", "when is
/// dapper out?"): the author's own curiosity, which a helper's suggestion
/// to someone who just asked ("sudo apt-get install gtk?", "is the cable
/// plugged in?") never opens with. "why not …?" is a suggestion, though.
fn asks_where_why_when(a: &Analysis) -> bool {
    if !a.lower.contains('?') {
        return false;
    }
    let mut w = a
        .toks
        .iter()
        .map(|t| t.w)
        .skip_while(|w| is_greeting(w) || is_room(w));
    match w.next() {
        Some("where" | "wheres" | "where's" | "when" | "whens" | "when's") => true,
        Some("why" | "whys" | "why's") => w.next() != Some("not"),
        _ => false,
    }
}

/// A yes/no question about whether something exists or can be done ("is
/// there a vnc channel?", "are there any programs that…?", "is it possible
/// to…?"): the author's own curiosity, which a helper's suggestion ("is
/// the cable plugged in?") never opens with.
fn asks_whether_there_is(a: &Analysis) -> bool {
    // Each sentence that is followed by a '?' somewhere after it.
    let starts = (0..a.toks.len()).filter(|&i| {
        i == 0 || {
            let gap = &a.lower[a.toks[i - 1].end..a.toks[i].start];
            gap.contains(['.', '!', '?', ';', '\n', '-'])
        }
    });
    starts
        .filter(|&i| a.lower[a.toks[i].start..].contains('?'))
        .any(|i| {
            let w: Vec<&str> = a.toks[i..]
                .iter()
                .map(|t| t.w)
                .skip_while(|w| is_greeting(w) || is_room(w))
                .take(3)
                .collect();
            matches!(
                w.as_slice(),
                ["is" | "are", "there", ..] | ["is", "it", "possible" | "posible", ..]
            )
        })
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
        || small_talk(a)
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

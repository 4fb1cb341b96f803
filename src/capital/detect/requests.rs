//! Requests: is a message asking for something?
//!
//! In order: asking wording (`request_patterns`, unless negated: "I don't need
//! help"); a sentence ending in '?' that is not a tag, rhetorical or a
//! suggestion ("right?", "did you try…?"); a question shape without '?' at the
//! start ("what plugin do i need"); in help channels, a problem statement. A
//! helper's question back to someone who asked ("what does dmesg say?") is
//! none of these.

use super::text::{word_tokens, Tok};
use super::{Analysis, Detector};
use crate::capital::reason::Detected;
use crate::capital::signal::Rule;

/// A message's ask.
#[derive(Debug, Clone)]
pub(super) struct Request {
    pub rule: Rule,
    pub evidence: Detected,
    /// Byte offset in the lowercased text where the ask is complete (thanks
    /// after it are anticipatory).
    pub end: usize,
}

/// Questions that are suggestions or checks ("did you try", "what about").
const SUGGESTIONS: &[&[&str]] = &[
    &["did", "you"],
    &["have", "you", "tried"],
    &["try"],
    &["what", "about"],
    &["how", "about"],
    &["you", "could"],
    &["you", "can"],
    &["you", "need"],
    &["you", "should"],
    &["just"],
    &["maybe"],
    &["or"],
    &["have", "you"],
    &["what", "happens"],
    &["you", "mean"],
    &["why", "dont", "you"],
    &["why", "don't", "you"],
    &["why", "not"],
    &["did", "u"],
    &["try", "it"],
];

/// `words` start like a suggestion.
fn is_suggestion(words: &[&str]) -> bool {
    SUGGESTIONS
        .iter()
        .any(|p| words.len() >= p.len() && p.iter().enumerate().all(|(k, w)| words[k] == *w))
}

/// Tags that make a question a check, not an ask ("…, right?").
const TAGS: [&str; 8] = [
    ", right",
    ", no",
    ", eh",
    ", huh",
    ", yes",
    ", ok",
    ", correct",
    ", yeah",
];

impl Detector {
    /// The message's ask, if any. `addressed_requester`: the message is aimed
    /// at someone with an open request.
    pub(super) fn request(&self, a: &Analysis, addressed_requester: bool) -> Option<Request> {
        if a.toks.is_empty() {
            return None;
        }
        // A helper's question back to someone who asked ("what does dmesg say?")
        if addressed_requester && !speaks_of_self(&a.toks) {
            return None;
        }
        // An offer of help ("need help with what?", "what do you need help
        // with?", "how can I help?") asks what someone else needs: helping.
        if offers_help(a.lower) {
            return None;
        }
        self.asking_phrase(a.lower)
            .or_else(|| self.question(a.lower))
            .or_else(|| question_form(a))
            .or_else(|| self.help_channel_problem(a, addressed_requester))
    }

    /// Asking wording, unless negated just before ("I don't need help") or,
    /// in a message with no '?', telling rather than asking ("now that I
    /// figured how to import…", "anyone can apply").
    fn asking_phrase(&self, lower: &str) -> Option<Request> {
        let m = self.request.as_ref()?.find(lower)?;
        let before = lower[..m.start()].trim_end();
        let negated = before.rsplit(|c: char| c.is_whitespace()).take(3).any(|w| {
            matches!(
                w,
                "don't" | "dont" | "not" | "no" | "never" | "doesn't" | "didn't" | "dunno"
            )
        });
        let telling = !lower.contains('?') && tells(before, m.as_str(), &lower[m.end()..]);
        (!negated && !telling).then(|| Request {
            rule: Rule::RequestPhrase,
            evidence: Detected::matched(m.as_str().trim()),
            end: m.end(),
        })
    }

    /// The first sentence that ends with '?' and really asks (after a leading
    /// "@nick" / "nick:" addressing the message).
    fn question(&self, lower: &str) -> Option<Request> {
        let lead_end = leading_address_end(lower);
        let mut sent_start = lead_end;
        for (i, c) in lower.char_indices() {
            if i < lead_end {
                continue;
            }
            if matches!(c, '.' | '!' | '\n' | ';') {
                sent_start = i + c.len_utf8();
                continue;
            }
            if c != '?' {
                continue;
            }
            // A '?' glued to a following word is a glob or URL part, not a question.
            let glued = lower[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric() || n == '?' || n == '*' || n == '/');
            let sentence = &lower[sent_start..i];
            sent_start = i + 1;
            if glued || TAGS.iter().any(|t| sentence.trim_end().ends_with(t)) {
                continue;
            }
            let words: Vec<&str> = word_tokens(sentence).into_iter().map(|t| t.w).collect();
            if words.len() < 2 || self.is_rhetorical(&words) || is_suggestion(&words) {
                continue;
            }
            let shown: Vec<&str> = words.iter().rev().take(8).rev().copied().collect();
            return Some(Request {
                rule: Rule::RequestQuestion,
                evidence: Detected::Question {
                    words: shown.join(" "),
                    help_channel: None,
                },
                end: i + 1,
            });
        }
        None
    }

    /// A short back-channel question ("right?", "why not?", "lol what?").
    fn is_rhetorical(&self, words: &[&str]) -> bool {
        self.rhetorical.iter().any(|r| {
            let n = r.len();
            words.len() <= n + 1
                && words.len() >= n
                && words[words.len() - n..].iter().zip(r).all(|(a, b)| a == b)
        })
    }

    /// In a help channel, a problem statement ("my wifi doesn't work") that is
    /// not aimed at anyone.
    fn help_channel_problem(&self, a: &Analysis, addressed_requester: bool) -> Option<Request> {
        let msg = a.msg;
        if !a.help_channel
            || addressed_requester
            || msg.reply_to.is_some()
            || !msg.mentions.is_empty()
            || a.toks.len() < 4
        {
            return None;
        }
        let m = self.problem.as_ref()?.find(a.lower)?;
        Some(Request {
            rule: Rule::RequestHelpChannel,
            evidence: Detected::Problem {
                words: m.as_str().trim().to_string(),
                channel: msg.channel_name.clone(),
            },
            end: m.end(),
        })
    }
}

/// An asking phrase used in a statement: "how to…" after knowing or
/// showing ("I figured out how to…", "this shows how to…"), or "anyone can"
/// followed by anything but a plea ("anyone can apply").
fn tells(before: &str, phrase: &str, after: &str) -> bool {
    let phrase = phrase.trim();
    if phrase.starts_with("how ") {
        let last = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let prev = before
            .rsplit(|c: char| c.is_whitespace())
            .nth(1)
            .unwrap_or("");
        let knowing = |w: &str| {
            matches!(
                w,
                "figured"
                    | "know"
                    | "knows"
                    | "knew"
                    | "learned"
                    | "learnt"
                    | "showed"
                    | "shows"
                    | "explains"
                    | "explained"
                    | "remember"
                    | "told"
                    | "tells"
            )
        };
        return knowing(last) || (last == "out" && matches!(prev, "figured" | "found"));
    }
    let next = after.split_whitespace().next().unwrap_or("");
    phrase.ends_with(" can")
        && !matches!(
            next,
            "help"
                | "tell"
                | "explain"
                | "show"
                | "point"
                | "recommend"
                | "suggest"
                | "give"
                | "assist"
        )
}

/// Offering help rather than asking for it: "need help with what?", "what
/// do you need help with?", "do you need help?", "how can I help?", "need
/// a hand?". The phrase "need help" alone asks; aimed at someone else's
/// need (a "you", a "with what") it offers.
fn offers_help(lower: &str) -> bool {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"(?x)
            \b(?:you|u|ya|anyone|someone|somebody)\s+(?:still\s+)?(?:need|want|needs|wants)\s+(?:some\s+|any\s+|more\s+)?(?:help|a\s+hand|assistance)\b
            | \bneed\s+(?:some\s+|any\s+)?help\s+with\s+(?:what|which)\b
            | \b(?:help|need\s+help)\s+(?:you\s+)?with\s+what\b
            | \b(?:how|what|where)\s+(?:can|could|may|should)\s+(?:i|we)\s+help\b
            | \b(?:can|may|could|shall)\s+(?:i|we)\s+help\s+(?:you|u|ya|with)\b
            | \banything\s+(?:i|we)\s+can\s+(?:help|do)\b
            | ^\W*(?:need|want)\s+(?:some\s+|any\s+)?(?:help|a\s+hand)\s*\?",
        )
        .expect("constant pattern")
    })
    .is_match(lower)
}

/// The message speaks of its author ("I", "my", "we"...).
fn speaks_of_self(toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.w,
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
    })
}

/// Where a leading "@nick" or "nick:" addressing the message ends.
fn leading_address_end(lower: &str) -> usize {
    let t = lower.trim_start();
    let off = lower.len() - t.len();
    let first_end = t.find(char::is_whitespace).unwrap_or(t.len());
    let first = &t[..first_end];
    if first_end < t.len()
        && (first.starts_with('@')
            || first.ends_with(':')
            || first.ends_with(',')
            || super::text::irc_addressing(first))
    {
        off + first_end
    } else {
        0
    }
}

fn pronoun_first(toks: &[Tok]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.w,
            "i" | "me" | "my" | "we" | "our" | "us" | "guys" | "think"
        )
    })
}

/// A sentence shaped like a question even without '?': a question word or an
/// auxiliary followed by a subject at its start.
fn question_form(a: &Analysis) -> Option<Request> {
    let toks = &a.toks;
    // Only at the start of the message (after a leading "@nick" / "nick:").
    let lead = a.lower.trim_start();
    let i = if toks.len() > 1
        && (lead.starts_with('@')
            || a.lower[toks[0].end..].starts_with(':')
            || a.lower[toks[0].end..].starts_with(','))
    {
        1
    } else {
        0
    };
    if i + 2 >= toks.len() {
        return None;
    }
    let w = toks[i].w;
    let n = toks[i + 1].w;
    let rest = &toks[i + 1..(i + 9).min(toks.len())];
    let words: Vec<&str> = toks[i..].iter().take(4).map(|t| t.w).collect();
    if !(wh_question(w, n, rest) || aux_question(w, n, rest)) || is_suggestion(&words) {
        return None;
    }
    let end = toks[(i + 6).min(toks.len() - 1)].end;
    let shown: Vec<&str> = toks[i..(i + 6).min(toks.len())]
        .iter()
        .map(|t| t.w)
        .collect();
    Some(Request {
        rule: Rule::RequestQuestionForm,
        evidence: Detected::QuestionForm {
            words: shown.join(" "),
            help_channel: None,
        },
        end,
    })
}

/// A person in the words after the question word ("what do *i* need").
fn has_pronoun(rest: &[Tok]) -> bool {
    rest.iter().any(|t| {
        matches!(
            t.w,
            "i" | "me"
                | "my"
                | "we"
                | "our"
                | "you"
                | "u"
                | "your"
                | "anyone"
                | "anybody"
                | "someone"
                | "somebody"
        )
    })
}

/// "what plugin do i need", "where is my config": a question word `w`, then
/// `n`, with a person in `rest`.
fn wh_question(w: &str, n: &str, rest: &[Tok]) -> bool {
    matches!(
        w,
        "what"
            | "which"
            | "where"
            | "how"
            | "why"
            | "whats"
            | "what's"
            | "wheres"
            | "where's"
            | "hows"
    ) && !matches!(n, "about" | "a" | "an" | "if")
        && has_pronoun(rest)
        && !matches!(n, "dont" | "don't" | "not")
}

/// "does ubuntu have mplayer", "is there a way": an auxiliary `w` and a subject `n`.
fn aux_question(w: &str, n: &str, rest: &[Tok]) -> bool {
    matches!(
        w,
        "is" | "are"
            | "does"
            | "do"
            | "can"
            | "could"
            | "should"
            | "would"
            | "will"
            | "did"
            | "has"
            | "have"
            | "anyone"
            | "anybody"
    ) && matches!(
        n,
        "i" | "there"
            | "anyone"
            | "anybody"
            | "someone"
            | "somebody"
            | "any"
            | "ubuntu"
            | "linux"
            | "my"
            | "it"
            | "this"
            | "that"
            | "these"
            | "those"
            | "know"
            | "here"
            | "one"
            | "you"
            | "u"
    ) && (!matches!(n, "you" | "u") || pronoun_first(rest))
}

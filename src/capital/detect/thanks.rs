//! Thanks: finding thank words, telling gratitude from the rest ("thanks in
//! advance", "no thanks", "thank god", "say thanks to him", "thanks for
//! nothing"), and finding whom gratitude is for.
//!
//! Targets, in order (the first step that finds someone wins): explicit
//! mentions and names written next to the thank word; the author of the
//! replied-to message; names elsewhere in the text; then no one for thanks to a
//! group or to a nick-like word that is nobody here; else the member(s) the
//! thanker was just talking with.

use std::collections::HashMap;

use super::lexicon::is_stopword;
use super::names::{nick_like, NameHit};
use super::requests::Request;
use super::text::{clause_break, has_phrase, lower_words, squash, Tok};
use super::{who, Analysis, Detector};
use crate::capital::message::{MemberId, Person};
use crate::capital::reason::{Detected, ThanksFound};
use crate::capital::signal::{EntryKind, Rule, Signal};

// ---------------------------------------------------------------------------
// Finding thank words
// ---------------------------------------------------------------------------

/// The thank words in force, compiled for matching.
#[derive(Debug)]
pub(super) struct ThankWords {
    /// Phrases (as word sequences) by their first word, longest first.
    by_first: HashMap<String, Vec<Vec<String>>>,
    /// Single-word entries by their squashed form ("thaaanks" -> "thanks").
    squashed: HashMap<String, String>,
    /// Entries without letters or in scripts without spaces: substring match.
    substrings: Vec<String>,
}

/// Emoji, or a script written without spaces (CJK, kana, hangul, thai): such
/// thank words are found as substrings, not words.
fn needs_substring_match(w: &str) -> bool {
    !w.chars().any(|c| c.is_alphanumeric())
        || w.chars().any(|c| {
            let c = c as u32;
            (0x3040..=0x30ff).contains(&c)
                || (0x3400..=0x9fff).contains(&c)
                || (0xac00..=0xd7af).contains(&c)
                || (0x0e00..=0x0e7f).contains(&c)
        })
}

/// A thank word or phrase found in a message.
#[derive(Debug)]
pub(super) struct ThankHit {
    /// Byte span in the lowercased cleaned text.
    pub start: usize,
    pub end: usize,
    /// Token index range of the phrase.
    pub ti: usize,
    pub tj: usize,
    pub phrase: String,
}

impl ThankHit {
    /// The word `k` places before the phrase.
    fn prev<'t>(&self, toks: &[Tok<'t>], k: usize) -> Option<&'t str> {
        if self.ti >= k {
            Some(toks[self.ti - k].w)
        } else {
            None
        }
    }

    /// The word `k` places after the phrase (`k` >= 1).
    fn next<'t>(&self, toks: &[Tok<'t>], k: usize) -> Option<&'t str> {
        toks.get(self.tj + k - 1).map(|t| t.w)
    }
}

impl ThankWords {
    pub fn new(words: Vec<String>) -> ThankWords {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let mut squashed = HashMap::new();
        let mut substrings = Vec::new();
        for w in words {
            if needs_substring_match(&w) {
                substrings.push(w);
                continue;
            }
            let words = lower_words(&w);
            if words.is_empty() {
                continue;
            }
            if words.len() == 1 {
                squashed.insert(squash(&words[0]), words[0].clone());
            }
            by_first.entry(words[0].clone()).or_default().push(words);
        }
        // Longest phrase first so "thank you" wins over "thank".
        for v in by_first.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        ThankWords {
            by_first,
            squashed,
            substrings,
        }
    }

    /// The thank words and phrases of a message, in text order.
    pub fn find(&self, lower: &str, toks: &[Tok]) -> Vec<ThankHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some((n, phrase)) = self.phrase_at(toks, i) else {
                i += 1;
                continue;
            };
            hits.push(ThankHit {
                start: toks[i].start,
                end: toks[i + n - 1].end,
                ti: i,
                tj: i + n,
                phrase,
            });
            i += n;
        }
        // The substrings are Japanese words and emoji: none can occur in an
        // ASCII text (most messages), so those skip the searches.
        let ascii = lower.is_ascii();
        for sub in &self.substrings {
            if ascii && !sub.is_ascii() {
                continue;
            }
            if let Some(p) = lower.find(sub.as_str()) {
                // Token index: first token starting after the hit.
                let ti = toks.iter().position(|t| t.start >= p).unwrap_or(toks.len());
                hits.push(ThankHit {
                    start: p,
                    end: p + sub.len(),
                    ti,
                    tj: ti,
                    phrase: sub.clone(),
                });
            }
        }
        hits.sort_by_key(|h| h.start);
        hits
    }

    /// The thank phrase starting at token `i` (its length in tokens and its
    /// words): a configured phrase, or a drawn-out single word ("thaaanks").
    fn phrase_at(&self, toks: &[Tok], i: usize) -> Option<(usize, String)> {
        let w = toks[i].w;
        if let Some(cands) = self.by_first.get(w) {
            for p in cands {
                if i + p.len() <= toks.len()
                    && p.iter().enumerate().all(|(k, pw)| toks[i + k].w == pw)
                {
                    return Some((p.len(), p.join(" ")));
                }
            }
        }
        if w.len() <= 24 && w.chars().all(|c| c.is_alphabetic()) {
            let sq = squash(w);
            if sq.len() < w.len() {
                if let Some(orig) = self.squashed.get(&sq) {
                    return Some((1, orig.clone()));
                }
            }
        }
        None
    }
}

// ---------------------------------------------------------------------------
// Gratitude or not
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ThanksKind {
    Gratitude,
    /// "thanks to …": gratitude, but only a member named in it is a target.
    ThanksTo,
    Anticipatory,
    Declining,
    Exclamation,
    Talk,
    Sarcasm,
}

impl ThanksKind {
    /// For thanks that are not gratitude: the rule and why nobody is credited.
    fn not_gratitude(self) -> Option<(Rule, &'static str)> {
        match self {
            ThanksKind::Gratitude | ThanksKind::ThanksTo => None,
            ThanksKind::Anticipatory => Some((
                Rule::ThanksAnticipatory,
                "anticipatory thanks (part of a request)",
            )),
            ThanksKind::Declining => Some((Rule::ThanksDeclining, "declining (\"no thanks\")")),
            ThanksKind::Exclamation => Some((
                Rule::ThanksExclamation,
                "exclamation, not thanks to a person",
            )),
            ThanksKind::Talk => Some((Rule::ThanksTalk, "talking about thanking")),
            ThanksKind::Sarcasm => Some((Rule::ThanksSarcasm, "sarcastic thanks")),
        }
    }
}

/// A kind and, for thanks that are not gratitude, the evidence for it.
type Kind = (ThanksKind, Option<ThanksFound>);

/// The thanks a message holds, if it has a thank word.
pub(super) struct Thanks {
    /// Credited targets, and ignored signals (not gratitude, self, bot, no target...).
    pub signals: Vec<Signal>,
    /// The message is gratitude (whether or not a target was found).
    pub gratitude: bool,
}

impl Detector {
    /// The thanks in a message: `None` without a thank word. `request` is the
    /// message's own ask, if any (thanks after it are anticipatory).
    pub(super) fn thanks(&self, a: &Analysis, request: Option<&Request>) -> Option<Thanks> {
        let hits = self.thank_words.find(a.lower, &a.toks);
        let hit = hits.first()?;
        // "…? thanks": the message asks first and thanks after every ask.
        let request_before = request.is_some_and(|r| hits.iter().all(|h| r.end < h.start));
        let (kind, why) = self.thanks_kind(a, hit, request_before);
        let signals = match (kind.not_gratitude(), why) {
            (Some((rule, reason)), Some(found)) => {
                let evidence = Detected::Thanks {
                    phrase: hit.phrase.clone(),
                    found,
                };
                vec![
                    Signal::new(EntryKind::Thanks, a.me(), rule, evidence.to_string())
                        .ignored(reason),
                ]
            }
            _ => self.thank_targets(a, &hits, &hit.phrase, kind == ThanksKind::ThanksTo),
        };
        Some(Thanks {
            signals,
            gratitude: kind.not_gratitude().is_none(),
        })
    }

    /// What kind of thanks the hit is (before looking for a target).
    fn thanks_kind(&self, a: &Analysis, hit: &ThankHit, request_before: bool) -> Kind {
        self.anticipatory(a, request_before)
            .or_else(|| self.declining(a, hit))
            .or_else(|| self.exclamation(a, hit))
            .or_else(|| sarcasm(a, hit))
            .or_else(|| talk_about_thanking(a, hit))
            .unwrap_or_else(|| {
                if hit.next(&a.toks, 1) == Some("to") {
                    (ThanksKind::ThanksTo, None)
                } else {
                    (ThanksKind::Gratitude, None)
                }
            })
    }

    /// "thanks in advance", "any help … thanks", or thanks at the end of a request.
    fn anticipatory(&self, a: &Analysis, request_before: bool) -> Option<Kind> {
        if let Some(p) = self.anticipatory.iter().find(|p| has_phrase(&a.toks, p)) {
            return Some((
                ThanksKind::Anticipatory,
                Some(ThanksFound::Anticipatory { words: p.join(" ") }),
            ));
        }
        request_before.then_some((ThanksKind::Anticipatory, Some(ThanksFound::EndOfRequest)))
    }

    /// "no thanks", "thanks but no thanks" (and "dieu merci", an exclamation
    /// written with the word before).
    fn declining(&self, a: &Analysis, hit: &ThankHit) -> Option<Kind> {
        let toks = &a.toks;
        if let Some(p) = hit.prev(toks, 1) {
            let attached = !clause_break(a.lower, toks[hit.ti - 1].end, hit.start);
            if attached && self.declining.iter().any(|d| d == p) {
                return Some((ThanksKind::Declining, quoted(format!("{p} {}", hit.phrase))));
            }
            if attached && p == "dieu" {
                return Some((
                    ThanksKind::Exclamation,
                    quoted(format!("{p} {}", hit.phrase)),
                ));
            }
        }
        if hit.next(toks, 1) == Some("but") && hit.next(toks, 2) == Some("no") {
            return Some((ThanksKind::Declining, quoted("thanks but no thanks")));
        }
        None
    }

    /// "thank god", "thank the lord", "gracias a dios".
    fn exclamation(&self, a: &Analysis, hit: &ThankHit) -> Option<Kind> {
        for k in 1..=3 {
            let n = hit.next(&a.toks, k)?;
            if self.exclamation.iter().any(|e| e == n) {
                return Some((
                    ThanksKind::Exclamation,
                    quoted(format!("{} … {n}", hit.phrase)),
                ));
            }
            if !matches!(n, "the" | "a" | "to" | "de" | "à" | "al") {
                return None;
            }
        }
        None
    }
}

/// The message's words, quoted, as the evidence that it is not gratitude.
fn quoted(words: impl Into<String>) -> Option<ThanksFound> {
    Some(ThanksFound::Quoted {
        words: words.into(),
    })
}

/// "thanks for nothing".
fn sarcasm(a: &Analysis, hit: &ThankHit) -> Option<Kind> {
    let toks = &a.toks;
    (hit.next(toks, 1) == Some("for")
        && matches!(hit.next(toks, 2), Some("nothing" | "nuthin" | "nada")))
    .then(|| (ThanksKind::Sarcasm, quoted("thanks for nothing")))
}

/// Talking about thanking: "to thank him", "say thanks", "no need to thank",
/// a quoted "thanks" (but not the performative "I'd like to thank").
fn talk_about_thanking(a: &Analysis, hit: &ThankHit) -> Option<Kind> {
    let toks = &a.toks;
    if let Some(p) = hit.prev(toks, 1) {
        let pp = hit.prev(toks, 2).unwrap_or("");
        let performative = p == "to"
            && matches!(
                pp,
                "like" | "want" | "wanted" | "wish" | "i'd" | "id" | "gotta" | "must"
            );
        let quoted = a.lower[..hit.start].ends_with('"') || a.lower[..hit.start].ends_with('“');
        if (talk_word(p) && !performative) || quoted {
            return Some((
                ThanksKind::Talk,
                Some(ThanksFound::Talk {
                    words: format!("{p} {}", hit.phrase),
                }),
            ));
        }
    }
    let first = hit.phrase.split(' ').next().unwrap_or("");
    match hit.next(toks, 1) {
        Some(n @ ("him" | "her" | "them" | "whoever" | "whomever" | "yourself" | "myself"))
            if first == "thank" =>
        {
            Some((
                ThanksKind::Talk,
                Some(ThanksFound::Talk {
                    words: format!("{} {n}", hit.phrase),
                }),
            ))
        }
        _ => None,
    }
}

/// A word before a thank word that makes it talk about thanking.
fn talk_word(w: &str) -> bool {
    matches!(
        w,
        "to" | "say"
            | "said"
            | "says"
            | "saying"
            | "send"
            | "sent"
            | "sends"
            | "give"
            | "gave"
            | "gives"
            | "giving"
            | "should"
            | "shouldn't"
            | "don't"
            | "dont"
            | "didn't"
            | "didnt"
            | "never"
            | "forgot"
            | "forget"
            | "remember"
            | "his"
            | "their"
            | "expect"
            | "expecting"
            | "deserve"
            | "deserves"
            | "nobody"
    )
}

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

/// The thanks signals of one message as targets are found: each member
/// credited once; the thanker themself and bots come back ignored.
struct Credits<'m> {
    me: MemberId,
    /// The thank phrase matched ("thanks"): the start of every evidence.
    phrase: &'m str,
    signals: Vec<Signal>,
    credited: Vec<MemberId>,
}

impl<'m> Credits<'m> {
    fn new(me: MemberId, phrase: &'m str) -> Self {
        Credits {
            me,
            phrase,
            signals: Vec::new(),
            credited: Vec::new(),
        }
    }

    /// The evidence: the thank phrase, then what came of it.
    fn evidence(&self, found: ThanksFound) -> String {
        Detected::Thanks {
            phrase: self.phrase.to_string(),
            found,
        }
        .to_string()
    }

    fn credit(&mut self, p: &Person, rule: Rule, how: ThanksFound) {
        let evidence = self.evidence(how);
        if p.id == self.me {
            self.signals.push(
                Signal::new(EntryKind::Thanks, self.me, Rule::ThanksSelf, evidence)
                    .ignored("self-thanks"),
            );
        } else if p.is_bot {
            self.signals.push(
                Signal::new(EntryKind::Thanks, p.id, Rule::ThanksToBot, evidence)
                    .with_counterpart(self.me)
                    .ignored("thanks to a bot"),
            );
        } else if !self.credited.contains(&p.id) {
            self.credited.push(p.id);
            self.signals.push(
                Signal::new(EntryKind::Thanks, p.id, rule, evidence).with_counterpart(self.me),
            );
        }
    }

    /// The thanks credit no one: one ignored signal.
    fn nobody(self, rule: Rule, why: ThanksFound, reason: &str) -> Vec<Signal> {
        vec![Signal::new(EntryKind::Thanks, self.me, rule, self.evidence(why)).ignored(reason)]
    }

    fn found(&self) -> bool {
        !self.signals.is_empty()
    }
}

impl Detector {
    /// Whom gratitude is for (see the module doc for the order).
    fn thank_targets(
        &self,
        a: &Analysis,
        hits: &[ThankHit],
        phrase: &str,
        thanks_to: bool,
    ) -> Vec<Signal> {
        let mut c = Credits::new(a.me(), phrase);
        let near = thank_piece_ranges(a, hits);
        let names = self.names_in_text(&a.pieces, &a.speakers, a.msg, &near);
        // 1. explicit mentions and names written next to the thank word.
        for p in &a.msg.mentions {
            c.credit(p, Rule::ThanksMention, ThanksFound::Mention { who: who(p) });
        }
        credit_names(&mut c, names.iter().filter(|h| h.near_thanks), true);
        if c.found() {
            return c.signals;
        }
        // "thanks to <something>" without a person: a cause, not a target.
        if thanks_to {
            return c.nobody(
                Rule::ThanksCause,
                ThanksFound::Cause,
                "thanks to something, not someone",
            );
        }
        // 2. replied-to author
        if let Some(r) = a.replied {
            c.credit(
                &r.author,
                Rule::ThanksReplyTarget,
                ThanksFound::Reply {
                    who: who(&r.author),
                },
            );
            return c.signals;
        }
        // 3. names elsewhere in the text
        credit_names(&mut c, names.iter(), false);
        if c.found() {
            return c.signals;
        }
        if let Some(g) = self.group_address(&a.toks, hits) {
            return c.nobody(
                Rule::ThanksToGroup,
                ThanksFound::Group { words: g },
                "thanks to a group, no one person",
            );
        }
        // A nick-like word right after the thanks that is nobody here: do not guess.
        if let Some(name) = unknown_name_after(a, &near) {
            return c.nobody(
                Rule::ThanksUnknownName,
                ThanksFound::UnknownName {
                    name: name.to_string(),
                },
                "named target not found",
            );
        }
        // 4. conversation partner(s)
        if let Some((partners, how)) = self.conversation_partners(a.ctx, a.msg) {
            for p in &partners {
                c.credit(
                    p,
                    Rule::ThanksConversation,
                    ThanksFound::Conversation { who: who(p), how },
                );
            }
        }
        if !c.found() {
            return c.nobody(
                Rule::ThanksNoTarget,
                ThanksFound::NoTarget,
                "no resolvable target",
            );
        }
        c.signals
    }

    /// The group a thanks is addressed to: "thanks all", "thank you guys",
    /// "guys, thanks", "you guys rock".
    fn group_address(&self, toks: &[Tok], hits: &[ThankHit]) -> Option<String> {
        let is_group = |w: Option<&str>| w.is_some_and(|w| self.group.iter().any(|g| g == w));
        for h in hits {
            let after = h.next(toks, 1);
            let after2 = h.next(toks, 2);
            let before = h.prev(toks, 1);
            if is_group(after) {
                return after.map(str::to_string);
            }
            if matches!(after, Some("you" | "u" | "to" | "ya" | "a" | "lot")) && is_group(after2) {
                return after2.map(str::to_string);
            }
            if is_group(before) {
                return before.map(str::to_string);
            }
        }
        toks.windows(2)
            .find(|w| {
                matches!(w[0].w, "you" | "u" | "ya")
                    && matches!(w[1].w, "guys" | "all" | "people" | "folks")
            })
            .map(|w| format!("{} {}", w[0].w, w[1].w))
    }
}

/// Credit each named member (rule `thanks.name`); `near`: the name stood
/// next to the thanks (else elsewhere in the text).
fn credit_names<'c>(c: &mut Credits, names: impl Iterator<Item = &'c NameHit<'c>>, near: bool) {
    for h in names {
        c.credit(
            h.person,
            Rule::ThanksName,
            ThanksFound::Name {
                who: who(h.person),
                near,
                how: h.how.describe(),
            },
        );
    }
}

/// The piece index ranges (first, last) covered by each thank phrase.
fn thank_piece_ranges(a: &Analysis, hits: &[ThankHit]) -> Vec<(usize, usize)> {
    let pcs = &a.pieces;
    hits.iter()
        .filter_map(|h| {
            let st = a.orig(h.start);
            let en = a.orig(h.end).max(st + 1);
            let first = pcs.iter().position(|p| p.end > st)?;
            let last = pcs
                .iter()
                .rposition(|p| p.start < en)
                .unwrap_or(first)
                .max(first);
            Some((first, last))
        })
        .collect()
}

/// A nick-like word right after a thank phrase (only spaces or light
/// punctuation between) that matched no recent speaker.
fn unknown_name_after<'a>(a: &Analysis<'a>, near: &[(usize, usize)]) -> Option<&'a str> {
    let cleaned = a.cleaned;
    for &(_, last) in near {
        let Some(pc) = a.pieces.get(last + 1) else {
            continue;
        };
        let prev_end = a.pieces[last].end.min(cleaned.len());
        let gap = cleaned
            .get(prev_end..pc.start.min(cleaned.len()))
            .unwrap_or("");
        if gap
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '!' | '.' | ':'))
            && nick_like(pc.name)
            && !is_stopword(pc.name)
        {
            return Some(pc.name);
        }
    }
    None
}

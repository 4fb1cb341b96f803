//! A regex with a fast "cannot match" test in front of it.
//!
//! Detection patterns use Unicode word boundaries (`\b`). The regex crate's
//! fast engine (the lazy DFA) gives up on them as soon as the text holds one
//! non-ASCII character (an emoji, an em dash, an accent), and the slower
//! engines it falls back to made regex matching a quarter of an import's
//! scoring time. The sieve is the same pattern without its word-boundary
//! assertions: removing a zero-width assertion can only allow more matches, so
//! when the sieve finds nothing neither would the pattern, and the sieve runs
//! on the fast engine whatever the text. Results are exactly the pattern's.

use regex::{Match, Regex};
use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};

/// A pattern and, when it has word boundaries, its sieve.
#[derive(Debug, Clone)]
pub struct SievedRegex {
    exact: Regex,
    sieve: Option<Regex>,
}

/// `h` without word-boundary assertions (a superset of its matches).
fn without_word_boundaries(h: &Hir) -> Hir {
    match h.kind() {
        HirKind::Look(l) if regex_syntax::hir::LookSet::singleton(*l).contains_word() => {
            Hir::empty()
        }
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(without_word_boundaries(&r.sub)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(without_word_boundaries(&c.sub)),
            ..c.clone()
        }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(without_word_boundaries).collect()),
        HirKind::Alternation(v) => {
            Hir::alternation(v.iter().map(without_word_boundaries).collect())
        }
        _ => h.clone(),
    }
}

impl SievedRegex {
    pub fn new(pattern: &str) -> Result<SievedRegex, regex::Error> {
        let exact = Regex::new(pattern)?;
        let sieve = regex_syntax::Parser::new()
            .parse(pattern)
            .ok()
            .filter(|h| h.properties().look_set().contains_word())
            .and_then(|h| Regex::new(&without_word_boundaries(&h).to_string()).ok());
        Ok(SievedRegex { exact, sieve })
    }

    /// Whether the pattern cannot match `text` (cheap).
    fn surely_not(&self, text: &str) -> bool {
        self.sieve.as_ref().is_some_and(|s| !s.is_match(text))
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        if self.surely_not(text) {
            return None;
        }
        self.exact.find(text)
    }

    pub fn is_match(&self, text: &str) -> bool {
        !self.surely_not(text) && self.exact.is_match(text)
    }

    /// Every match (none without looking further when the sieve finds none).
    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        let none = self.surely_not(text);
        self.exact
            .find_iter(text)
            .take(if none { 0 } else { usize::MAX })
    }

    /// `text` with every match replaced by `with`.
    pub fn replace_all<'h>(&self, text: &'h str, with: &str) -> std::borrow::Cow<'h, str> {
        if self.surely_not(text) {
            return std::borrow::Cow::Borrowed(text);
        }
        self.exact.replace_all(text, with)
    }

    pub fn as_str(&self) -> &str {
        self.exact.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sieve never hides a match, on texts built to sit at word edges
    /// with ASCII and non-ASCII letters, marks, digits and punctuation.
    #[test]
    fn sieved_regex_finds_exactly_what_the_regex_finds() {
        let patterns = [
            r"(?i)\bhow (?:do|does|can)\b",
            r"(?i)\b(?:error|fails?)\b|\bкак (?:мне|сделать)\b",
            r"(?i)\b(?:https?://|www\.)[^\s<>]+",
            r"(?i)\Bing\b",
            r"(?i)^(?:help|sos)[.!]*$",
            r"(?i)\bweiß jemand\b",
            r"no boundary at all",
        ];
        let pieces = [
            "how",
            "do",
            "does",
            "can",
            "error",
            "fails",
            "как",
            "мне",
            "ing",
            "help",
            "sos",
            "weiß",
            "jemand",
            "www.",
            "https://",
            "x.org",
            " ",
            "",
            "é",
            "—",
            "🙏",
            "_",
            "1",
            "!",
            ".",
            "thinking",
            "showdo",
            "\u{301}",
            "K",
            "ſ",
            "\n",
            "no boundary at all",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut matched = 0;
        for p in patterns {
            let exact = Regex::new(p).unwrap();
            let sieved = SievedRegex::new(p).unwrap();
            assert_eq!(
                sieved.sieve.is_some(),
                p.contains(r"\b") || p.contains(r"\B"),
                "{p}"
            );
            for _ in 0..4000 {
                let n = 1 + next(6);
                let text: String = (0..n)
                    .map(|_| {
                        let a = pieces[next(pieces.len())];
                        let sep = [" ", "", "é", "—", "x", "_"][next(6)];
                        format!("{a}{sep}")
                    })
                    .collect();
                let want: Vec<(usize, usize)> = exact
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                let got: Vec<(usize, usize)> = sieved
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end()))
                    .collect();
                assert_eq!(got, want, "{p} on {text:?}");
                assert_eq!(sieved.find(&text), exact.find(&text), "{p} on {text:?}");
                assert_eq!(sieved.is_match(&text), exact.is_match(&text));
                assert_eq!(
                    sieved.replace_all(&text, "#"),
                    exact.replace_all(&text, "#")
                );
                matched += usize::from(!want.is_empty());
            }
        }
        assert!(matched > 1000, "{matched} texts matched");
    }
}

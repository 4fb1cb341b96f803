//! Text normalisation: what every rule reads instead of the raw content.
//!
//! A message is truncated, cleaned (URLs and code removed: words there are
//! quoted, not said), lowercased (with a map back to the cleaned text when
//! lowercasing moved bytes), cut into word tokens (for phrases) and into
//! whitespace pieces of the cleaned text (for nicks, which keep their case and
//! punctuation).

use std::borrow::Cow;

use crate::capital::sieve::SievedRegex;

/// Longest content looked at; the rest of a huge message is ignored.
const MAX_TEXT: usize = 8192;

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A message's text in the forms the rules read, built once per message.
pub(super) struct Text<'m> {
    /// The content, truncated to [`MAX_TEXT`] (links are looked for here).
    pub original: &'m str,
    /// `original` with URLs and code removed (names are looked for here).
    pub cleaned: Cow<'m, str>,
    /// `cleaned`, lowercased (words and phrases are looked for here).
    pub lower: String,
    /// Byte offset in `cleaned` for each byte of `lower`, when lowercasing
    /// changed the layout (non-ASCII text).
    pub map: Option<Vec<usize>>,
}

impl<'m> Text<'m> {
    /// `url` finds the links to remove.
    pub fn new(content: &'m str, url: &SievedRegex) -> Text<'m> {
        let original = truncate(content, MAX_TEXT);
        let cleaned = clean(original, url);
        let (lower, map) = lower_with_map(&cleaned);
        Text {
            original,
            cleaned,
            lower,
            map,
        }
    }
}

/// `content` without URLs and inline or block code.
fn clean<'t>(content: &'t str, url: &SievedRegex) -> Cow<'t, str> {
    if !(content.contains("://") || content.contains("www.") || content.contains('`')) {
        return Cow::Borrowed(content);
    }
    let mut s = url.replace_all(content, " ").into_owned();
    // Drop inline and block code: words there are quoted, not said.
    if s.contains('`') {
        let mut out = String::with_capacity(s.len());
        let mut in_code = false;
        for c in s.chars() {
            if c == '`' {
                in_code = !in_code;
                out.push(' ');
            } else if !in_code {
                out.push(c);
            }
        }
        s = out;
    }
    Cow::Owned(s)
}

/// Lowercase `s`; when the byte layout changes, also return where each byte of
/// the result came from.
fn lower_with_map(s: &str) -> (String, Option<Vec<usize>>) {
    if s.is_ascii() {
        return (s.to_ascii_lowercase(), None);
    }
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        for l in c.to_lowercase() {
            let before = out.len();
            out.push(l);
            map.extend(std::iter::repeat_n(i, out.len() - before));
        }
    }
    (out, Some(map))
}

/// A word of the lowercased text, with its byte span there.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub w: &'a str,
    pub start: usize,
    pub end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Words of a lowercased text: runs of letters/digits/apostrophes, apostrophes
/// trimmed at the ends.
pub(super) fn word_tokens(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            push_tok(&mut out, s, st, i);
        }
    }
    if let Some(st) = start {
        push_tok(&mut out, s, st, s.len());
    }
    out
}

fn push_tok<'a>(out: &mut Vec<Tok<'a>>, s: &'a str, st: usize, en: usize) {
    let w = &s[st..en];
    let t = w.trim_matches(|c| c == '\'' || c == '’');
    if t.is_empty() {
        return;
    }
    let off = w.find(t).unwrap_or(0);
    out.push(Tok {
        w: t,
        start: st + off,
        end: st + off + t.len(),
    });
}

/// The words of `s`, lowercased (how configured phrases are compared).
pub(super) fn lower_words(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    word_tokens(&lower)
        .into_iter()
        .map(|t| t.w.to_string())
        .collect()
}

/// Whether `toks` contain the words of `phrase` in a row.
pub(super) fn has_phrase(toks: &[Tok], phrase: &[String]) -> bool {
    if phrase.is_empty() || phrase.len() > toks.len() {
        return false;
    }
    (0..=toks.len() - phrase.len())
        .any(|i| phrase.iter().enumerate().all(|(k, w)| toks[i + k].w == w))
}

/// Text between two tokens contains sentence punctuation.
pub(super) fn clause_break(text: &str, a_end: usize, b_start: usize) -> bool {
    if a_end > b_start || b_start > text.len() {
        return false;
    }
    text[a_end..b_start]
        .chars()
        .any(|c| matches!(c, '.' | '!' | '?' | ';' | ':' | '\n' | '(' | ')'))
}

/// The letters and digits of `s`, lowercased.
pub(super) fn alnum_lower(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

pub(super) fn alnum_len(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Equal ignoring case.
pub(super) fn eq_ci(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// `w` with runs of a repeated letter collapsed ("thaaanks" -> "thanks").
pub(super) fn squash(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut last = None;
    for c in w.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// A whitespace-separated piece of the original text that may be a nick.
#[derive(Debug, Clone, Copy)]
pub(super) struct Piece<'a> {
    /// The piece with wrapping punctuation removed (`<bob>` -> `bob`).
    pub name: &'a str,
    pub start: usize,
    pub end: usize,
    pub at_sign: bool,
    /// Ends with ':' or ',' or is wrapped in <> — addressing form.
    pub addressing: bool,
}

/// Punctuation that wraps a nick without being part of it.
fn is_wrapping(c: char) -> bool {
    matches!(
        c,
        '@' | '<'
            | '>'
            | ':'
            | ','
            | ';'
            | '.'
            | '!'
            | '?'
            | '"'
            | '\''
            | '('
            | ')'
            | '*'
            | '•'
            | '~'
            | '/'
            | '='
            | '+'
    )
}

/// "nick>" — one '>' closing a word that opens with a letter or digit.
pub(super) fn irc_addressing(raw: &str) -> bool {
    raw.len() > 1
        && raw.ends_with('>')
        && raw.matches('>').count() == 1
        && !raw.contains('<')
        && raw.chars().next().is_some_and(char::is_alphanumeric)
}

/// The pieces of `text` that may be nicks (Discord markup, URLs and pieces
/// without letters or digits are skipped).
pub(super) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_whitespace() {
        let start = match text[pos..].find(raw) {
            Some(i) => pos + i,
            None => pos,
        };
        pos = start + raw.len();
        // Discord markup: <@123>, <#1>, <:emoji:1>
        if raw.starts_with("<@")
            || raw.starts_with("<#")
            || raw.starts_with("<:")
            || raw.starts_with("<a:")
        {
            continue;
        }
        let at_sign = raw.starts_with('@');
        // IRC clients' "nick> text" addresses too, at the start only (a '>'
        // later is an arrow or a quote).
        let addressing = raw.ends_with(':')
            || raw.ends_with(',')
            || (raw.starts_with('<') && raw.ends_with('>'))
            || (out.is_empty()
                && start == text.len() - text.trim_start().len()
                && irc_addressing(raw));
        let mut name = raw.trim_matches(is_wrapping);
        for suffix in ["'s", "’s"] {
            if let Some(n) = name.strip_suffix(suffix) {
                name = n;
            }
        }
        if name.is_empty() || alnum_len(name) == 0 || name.contains("://") {
            continue;
        }
        let off = raw.find(name).unwrap_or(0);
        out.push(Piece {
            name,
            start: start + off,
            end: start + off + name.len(),
            at_sign,
            addressing,
        });
    }
    out
}

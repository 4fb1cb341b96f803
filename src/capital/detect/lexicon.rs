//! The word tables: [`DetectSettings`] (every list a guild can tune, with its
//! defaults and validation) and the fixed list of common words that are never
//! taken for a nick.
//!
//! The default lists are written once, in the `[detect]` table of
//! `config/default.toml`; `DetectSettings::default()` reads that table from the
//! copy compiled into the binary.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// Settings for detection; deserialised from the `[detect]` table of
/// `config/default.toml`. Every field has a default (the same table, see
/// `impl Default`), so a guild override only names what it changes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct DetectSettings {
    /// How far back (minutes) the pipeline keeps channel messages for detection.
    pub context_window_minutes: u32,
    /// An exchange between two members older than this (minutes) no longer makes
    /// them "talking with each other" (thanks and helpful-reply adjacency).
    pub conversation_window_minutes: u32,
    /// A message counts as an answer to the request right before it (by
    /// adjacency, with no other addressee) within this many seconds.
    pub adjacent_reply_seconds: u32,
    /// Thank words and phrases (case-insensitive, whole words; a phrase matches
    /// its words in order). Entries with no letters (emoji) match anywhere.
    pub thank_words: Vec<String>,
    /// Added to `thank_words` (per-guild additions).
    pub extra_thank_words: Vec<String>,
    /// Removed from `thank_words` (per-guild removals).
    pub removed_thank_words: Vec<String>,
    /// Words or phrases that make thanks anticipatory when they appear in the
    /// same message ("in advance", "tia", "any help").
    pub anticipatory_phrases: Vec<String>,
    /// A word right before the thank word that declines ("no thanks").
    pub declining_words: Vec<String>,
    /// A word right after (or, for "dieu merci", right before) the thank word
    /// that makes it an exclamation ("thank god").
    pub exclamation_words: Vec<String>,
    /// Words that address a whole group ("thanks all", "thanks guys").
    pub group_words: Vec<String>,
    /// Words that never name a member (fillers such as "man", "bro", "again").
    pub filler_words: Vec<String>,
    /// Shortest typed prefix that may stand for a recent speaker's name
    /// ("bob" for "bob2"); only next to the thank word or at the start/end.
    pub min_name_prefix: usize,
    /// Allow one typo (edit distance 1) in names of at least this many letters,
    /// in the same positions as prefixes; 0 disables.
    pub name_typo_min_len: usize,
    /// Emoji (unicode, or custom emoji names) whose reaction means "thank you".
    /// Variation selectors and skin tones are ignored when comparing.
    pub thank_emojis: Vec<String>,
    /// Regexes (case-insensitive) on the channel name: help channels, where
    /// posts count as requests more readily.
    pub help_channel_patterns: Vec<String>,
    /// Regexes (case-insensitive) on the channel name: promotion channels, where
    /// links and attachments are self-promotion.
    pub promo_channel_patterns: Vec<String>,
    /// Regexes (case-insensitive) for server invite links (self-promotion).
    pub invite_link_patterns: Vec<String>,
    /// Regexes (case-insensitive) for self-promotion wording.
    pub self_promo_patterns: Vec<String>,
    /// Regexes (case-insensitive) for asking wording ("can someone", "how do i").
    pub request_patterns: Vec<String>,
    /// Regexes (case-insensitive) for problem statements that count as requests
    /// in help channels only ("doesn't work", "error").
    pub help_channel_problem_patterns: Vec<String>,
    /// Short questions that are rhetorical or back-channel ("right?", "really?").
    pub rhetorical_questions: Vec<String>,
    /// Broadcast audience factor for `@everyone`.
    pub broadcast_everyone_factor: f64,
    /// Broadcast audience factor for `@here`.
    pub broadcast_here_factor: f64,
    /// Broadcast audience factor added per pinged role.
    pub broadcast_role_factor: f64,
    /// Upper bound of the broadcast audience factor.
    pub broadcast_max_factor: f64,
    /// Only pings that ask for something (a request or self-promotion) are
    /// broadcasts; plain announcements are reported as ignored.
    pub broadcast_requires_ask: bool,
}

/// `config/default.toml`, compiled in. `crate::config` layers the same file
/// under the operator's config; this module reads only its `[detect]` table,
/// so the domain does not depend on the config loader.
const DEFAULT_TOML: &str = include_str!("../../../config/default.toml");

impl Default for DetectSettings {
    /// The `[detect]` table of `config/default.toml`, parsed once.
    fn default() -> Self {
        static DEFAULTS: LazyLock<DetectSettings> = LazyLock::new(compiled_in_defaults);
        DEFAULTS.clone()
    }
}

/// Every field read from the compiled-in `[detect]` table. Field by field, not
/// with `Deserialize`: the derived `Deserialize` of a `#[serde(default)]`
/// struct calls `Default::default()`, which would come back here.
fn compiled_in_defaults() -> DetectSettings {
    let root: toml::Table =
        toml::from_str(DEFAULT_TOML).expect("config/default.toml is valid TOML");
    let table = root
        .get("detect")
        .and_then(|v| v.as_table())
        .expect("config/default.toml has a [detect] table");
    macro_rules! from_table {
        ($($field:ident),* $(,)?) => {
            DetectSettings { $($field: default_field(table, stringify!($field)),)* }
        };
    }
    from_table!(
        context_window_minutes,
        conversation_window_minutes,
        adjacent_reply_seconds,
        thank_words,
        extra_thank_words,
        removed_thank_words,
        anticipatory_phrases,
        declining_words,
        exclamation_words,
        group_words,
        filler_words,
        min_name_prefix,
        name_typo_min_len,
        thank_emojis,
        help_channel_patterns,
        promo_channel_patterns,
        invite_link_patterns,
        self_promo_patterns,
        request_patterns,
        help_channel_problem_patterns,
        rhetorical_questions,
        broadcast_everyone_factor,
        broadcast_here_factor,
        broadcast_role_factor,
        broadcast_max_factor,
        broadcast_requires_ask,
    )
}

fn default_field<T: serde::de::DeserializeOwned>(table: &toml::Table, key: &str) -> T {
    let value = table
        .get(key)
        .unwrap_or_else(|| panic!("config/default.toml lacks detect.{key}"));
    value
        .clone()
        .try_into()
        .unwrap_or_else(|e| panic!("config/default.toml: detect.{key}: {e}"))
}

impl DetectSettings {
    /// The thank words in force: `thank_words` + `extra_thank_words` −
    /// `removed_thank_words` (case-insensitive).
    pub fn effective_thank_words(&self) -> Vec<String> {
        let removed: Vec<String> = self
            .removed_thank_words
            .iter()
            .map(|w| w.trim().to_lowercase())
            .collect();
        let mut out: Vec<String> = Vec::new();
        for w in self.thank_words.iter().chain(self.extra_thank_words.iter()) {
            let w = w.trim().to_lowercase();
            if w.is_empty() || removed.contains(&w) || out.contains(&w) {
                continue;
            }
            out.push(w);
        }
        out
    }

    /// Check the regexes and numbers; config loading should call this so a typo
    /// is reported instead of silently ignored (detection skips bad patterns).
    pub fn validate(&self) -> Result<(), String> {
        let lists: [(&str, &Vec<String>); 6] = [
            ("help_channel_patterns", &self.help_channel_patterns),
            ("promo_channel_patterns", &self.promo_channel_patterns),
            ("invite_link_patterns", &self.invite_link_patterns),
            ("self_promo_patterns", &self.self_promo_patterns),
            ("request_patterns", &self.request_patterns),
            (
                "help_channel_problem_patterns",
                &self.help_channel_problem_patterns,
            ),
        ];
        for (name, list) in lists {
            for p in list {
                if let Err(e) = Regex::new(&format!("(?i){p}")) {
                    return Err(format!("detect.{name}: bad pattern {p:?}: {e}"));
                }
            }
        }
        for (name, v) in [
            ("broadcast_everyone_factor", self.broadcast_everyone_factor),
            ("broadcast_here_factor", self.broadcast_here_factor),
            ("broadcast_role_factor", self.broadcast_role_factor),
            ("broadcast_max_factor", self.broadcast_max_factor),
        ] {
            if !v.is_finite() || v < 0.0 {
                return Err(format!("detect.{name} must be a finite number >= 0"));
            }
        }
        Ok(())
    }

    /// The context window as a duration (what the pipeline prunes to).
    pub fn context_window(&self) -> chrono::Duration {
        chrono::Duration::minutes(self.context_window_minutes as i64)
    }

    /// How long an exchange keeps two members "talking with each other".
    pub(super) fn conversation_window(&self) -> chrono::Duration {
        chrono::Duration::minutes(self.conversation_window_minutes as i64)
    }
}

/// Common English words that are never taken for a name by prefix or loose
/// position (a nick that *is* one of these can still be mentioned).
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "you",
    "your",
    "that",
    "this",
    "with",
    "have",
    "has",
    "had",
    "was",
    "are",
    "but",
    "not",
    "all",
    "any",
    "can",
    "will",
    "just",
    "what",
    "when",
    "where",
    "which",
    "who",
    "how",
    "why",
    "its",
    "it's",
    "i'm",
    "i'll",
    "i've",
    "i'd",
    "now",
    "then",
    "than",
    "there",
    "here",
    "they",
    "them",
    "their",
    "from",
    "out",
    "get",
    "got",
    "try",
    "tried",
    "use",
    "used",
    "using",
    "one",
    "some",
    "work",
    "works",
    "worked",
    "working",
    "thing",
    "know",
    "think",
    "see",
    "look",
    "need",
    "want",
    "make",
    "way",
    "good",
    "great",
    "nice",
    "cool",
    "well",
    "yes",
    "yeah",
    "yep",
    "nope",
    "sure",
    "okay",
    "fine",
    "did",
    "does",
    "doing",
    "done",
    "let",
    "lets",
    "let's",
    "give",
    "go",
    "going",
    "new",
    "old",
    "more",
    "much",
    "very",
    "really",
    "also",
    "too",
    "still",
    "again",
    "back",
    "into",
    "about",
    "after",
    "before",
    "off",
    "over",
    "only",
    "other",
    "same",
    "time",
    "help",
    "helped",
    "helping",
    "answer",
    "info",
    "tip",
    "tips",
    "idea",
    "link",
    "file",
    "files",
    "command",
    "install",
    "installed",
    "problem",
    "fixed",
    "fix",
    "solved",
    "will",
    "would",
    "could",
    "should",
    "might",
    "must",
    "shall",
    "may",
    "ill",
    "ive",
    "im",
    "lol",
    "haha",
    "hehe",
    "heh",
    "hmm",
    "hmmm",
    "ahh",
    "aha",
    "ohh",
    "wow",
    "man",
    "mate",
    "dude",
    "bro",
    "buddy",
    "pal",
    "sir",
    "guys",
    "all",
    "everyone",
    "people",
    "folks",
    "thanks",
    "thank",
    "thx",
    "cheers",
    "much",
    "lot",
    "alot",
    "lots",
    "appreciate",
    "appreciated",
    "bye",
    "later",
    "night",
    "morning",
    "linux",
    "ubuntu",
    "windows",
    "system",
    "sudo",
    "apt",
    "apt-get",
    "my",
    "me",
    "mine",
    "our",
    "his",
    "her",
    "him",
    "she",
    "he",
    "we",
    "us",
    "it",
    "is",
    "be",
    "been",
    "being",
    "were",
    "if",
    "so",
    "or",
    "no",
    "yes",
    "on",
    "in",
    "at",
    "to",
    "of",
    "as",
    "by",
    "an",
    "a",
    "i",
    "do",
    "up",
    "down",
    "ok",
    "k",
    "kk",
    "np",
    "ah",
    "oh",
    "right",
    "left",
    "first",
    "last",
    "next",
    "both",
    "each",
    "every",
    "few",
    "many",
    "most",
    "such",
    "own",
    "other",
    "another",
    "something",
    "anything",
    "nothing",
    "everything",
    "someone",
    "anyone",
    "somebody",
    "anybody",
    "nobody",
    "because",
    "since",
    "while",
    "though",
    "although",
    "maybe",
    "perhaps",
    "probably",
    "definitely",
    "actually",
    "anyway",
    "anyways",
    "though",
    "ever",
    "never",
    "always",
    "sometimes",
    "often",
    "reply",
    "replied",
    "suggestion",
    "suggestions",
    "advice",
    "pointer",
    "pointers",
    "support",
    "quick",
    "fast",
    "kind",
    "kindly",
    "please",
    "pls",
    "plz",
    "sorry",
    "welcome",
];

/// Whether `w` is one of [`STOPWORDS`], ignoring ASCII case.
pub(super) fn is_stopword(w: &str) -> bool {
    let mut buf = [0u8; 32];
    if w.len() > 32 {
        return false;
    }
    let l = &mut buf[..w.len()];
    l.copy_from_slice(w.as_bytes());
    l.make_ascii_lowercase();
    match std::str::from_utf8(l) {
        Ok(s) => STOPWORDS.contains(&s),
        Err(_) => false,
    }
}

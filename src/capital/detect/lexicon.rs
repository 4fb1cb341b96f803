//! The word tables: [`DetectSettings`] (every list a guild can tune, with its
//! defaults and validation) and the fixed list of common words that are never
//! taken for a nick.
//!
//! The default lists are written twice, here and in the `[detect]` table of
//! `config/default.toml`; a test checks that they agree.

use regex::Regex;
use serde::{Deserialize, Serialize};

/// Settings for detection; deserialised from the `[detect]` table of
/// `config/default.toml`. Every field has a default (see `impl Default`), so a
/// guild override only names what it changes.
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

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

impl Default for DetectSettings {
    fn default() -> Self {
        DetectSettings {
            context_window_minutes: 30,
            conversation_window_minutes: 15,
            adjacent_reply_seconds: 120,
            thank_words: strings(DEFAULT_THANK_WORDS),
            extra_thank_words: Vec::new(),
            removed_thank_words: Vec::new(),
            anticipatory_phrases: strings(DEFAULT_ANTICIPATORY),
            declining_words: strings(DEFAULT_DECLINING),
            exclamation_words: strings(DEFAULT_EXCLAMATION),
            group_words: strings(DEFAULT_GROUP),
            filler_words: strings(DEFAULT_FILLER),
            min_name_prefix: 3,
            name_typo_min_len: 6,
            thank_emojis: strings(&[
                "🙏", "❤️", "♥️", "💖", "💯", "✅", "thanks", "thankyou", "ty",
            ]),
            help_channel_patterns: strings(&[
                "help",
                "support",
                "question",
                "ask",
                "troubleshoot",
                "q-and-a",
                "qna",
                "faq",
            ]),
            promo_channel_patterns: strings(&[
                "promo",
                "self-?promotion",
                "showcase",
                "advert",
                "shameless",
                "plugs?$",
                "share-your",
            ]),
            invite_link_patterns: strings(&[
                r"discord(?:app)?\.(?:gg|com/invite|io|me)/[a-z0-9-]+",
                r"(?:^|[^a-z0-9])t\.me/[a-z0-9_+]+",
                r"chat\.whatsapp\.com/\w+",
                r"join\.slack\.com/\S+",
                r"guilded\.gg/\S+",
            ]),
            self_promo_patterns: strings(DEFAULT_SELF_PROMO),
            request_patterns: strings(DEFAULT_REQUEST),
            help_channel_problem_patterns: strings(&[
                r"\b(?:doesn'?t|does not|won'?t|can'?t|cannot|isn'?t|not) (?:work|working|start|boot|load|find|see|install|connect|compile|run)",
                r"\b(?:error|exception|crash(?:es|ed)?|fails?|failed|failing|broken|stuck|issue|problem|bug)\b",
                r"\bi(?:'m| am) (?:trying|stuck|struggling|having trouble)",
            ]),
            rhetorical_questions: strings(&[
                "right",
                "eh",
                "huh",
                "no",
                "yes",
                "ok",
                "okay",
                "really",
                "why not",
                "what",
                "lol",
                "isn't it",
                "is it",
                "you know",
                "who cares",
                "seriously",
                "srsly",
                "so",
                "and",
                "or",
                "hm",
                "hmm",
                "wtf",
                "rly",
                "sure",
                "aren't you",
                "don't you",
                "why",
                "how",
                "what else",
                "nope",
                "yeah",
                "hello",
                "hi",
                "anyone",
                "anybody",
            ]),
            broadcast_everyone_factor: 10.0,
            broadcast_here_factor: 5.0,
            broadcast_role_factor: 3.0,
            broadcast_max_factor: 20.0,
            broadcast_requires_ask: true,
        }
    }
}

const DEFAULT_THANK_WORDS: &[&str] = &[
    // English
    "thanks",
    "thank",
    "thank you",
    "thankyou",
    "thanku",
    "thanx",
    "thnx",
    "thnks",
    "thks",
    "thx",
    "tnx",
    "tanx",
    "tks",
    "ty",
    "tyvm",
    "tysm",
    "tyty",
    "thanq",
    "thankies",
    "cheers",
    "many thanks",
    "appreciated",
    "appreciate it",
    "appreciate that",
    "appreciate this",
    "appreciate the",
    "appreciate your",
    "appreciate ya",
    "much obliged",
    "kudos",
    "🙏",
    // (anticipatory forms, so they are seen and explained as such)
    "tia",
    "tyia",
    // German
    "danke",
    "dankeschön",
    "dankeschoen",
    "vielen dank",
    "besten dank",
    "dank dir",
    "dank euch",
    "merci vielmals",
    // French
    "merci",
    "remercie",
    "je vous remercie",
    // Spanish
    "gracias",
    "agradezco",
    "agradecido",
    "agradecida",
    // Portuguese
    "obrigado",
    "obrigada",
    "obg",
    "brigado",
    "brigada",
    "valeu",
    "vlw",
    "agradeço",
    // Italian
    "grazie",
    "ringrazio",
    "grz",
    // Dutch
    "bedankt",
    "dank je",
    "dank u",
    "dankje",
    "dankjewel",
    "dankuwel",
    // Polish
    "dziękuję",
    "dziekuje",
    "dzięki",
    "dzieki",
    "dziękujemy",
    // Russian
    "спасибо",
    "спс",
    "благодарю",
    "спасибки",
    "пасиб",
    "пасибо",
    // Turkish
    "teşekkürler",
    "tesekkurler",
    "teşekkür",
    "tesekkur",
    "sağol",
    "sagol",
    "sağ ol",
    "saol",
    "eyvallah",
    "tşk",
    "tşkler",
];

const DEFAULT_ANTICIPATORY: &[&str] = &[
    "in advance",
    "tia",
    "tyia",
    "thx in adv",
    "ahead of time",
    "any help",
    "any ideas",
    "any advice",
    "any suggestions",
    "any pointers",
    "any assistance",
    "any input",
    "any info",
    "would be appreciated",
    "will be appreciated",
    "would be great",
    "would be grateful",
    "im voraus",
    "d'avance",
    "par avance",
    "de antemano",
    "por adelantado",
    "antecipadamente",
    "desde já",
    "in anticipo",
    "alvast",
    "z góry",
    "z gory",
    "заранее",
    "şimdiden",
    "simdiden",
];

const DEFAULT_DECLINING: &[&str] = &[
    "no", "nah", "nope", "nein", "non", "não", "nao", "nee", "nie", "нет", "hayır", "hayir",
];

const DEFAULT_EXCLAMATION: &[&str] = &[
    "god", "gods", "goodness", "gosh", "heaven", "heavens", "lord", "christ", "jesus", "allah",
    "fsm", "fuck", "science", "dios", "deus", "dio", "bogu", "dieu",
];

const DEFAULT_GROUP: &[&str] = &[
    "all",
    "everyone",
    "everybody",
    "guys",
    "folks",
    "people",
    "ppl",
    "peeps",
    "y'all",
    "yall",
    "gents",
    "ladies",
    "team",
    "friends",
    "chat",
    "channel",
    "alle",
    "allen",
    "tous",
    "todos",
    "todas",
    "tutti",
    "iedereen",
    "allemaal",
    "wszystkim",
    "всем",
    "herkese",
];

const DEFAULT_FILLER: &[&str] = &[
    "man", "mate", "bro", "bruh", "dude", "buddy", "budy", "bud", "pal", "sir", "again", "anyway",
    "anyways", "alot", "lot", "much", "so", "very", "you", "u", "ya", "yo", "a", "for", "the",
    "help", "and", "to", "ok", "okay", "k", "cool", "great", "nice", "yes", "yeah", "well", "oh",
    "ah", "i", "it", "that", "this", "works", "worked", "lots", "tons", "heaps", "mucho", "bunch",
    "friend", "homie", "boss", "chief", "m8",
];

const DEFAULT_SELF_PROMO: &[&str] = &[
    r"\bcheck (?:out )?my\b",
    r"\b(?:subscribe|sub) to (?:my|our)\b",
    r"\blike and subscribe\b",
    r"\bfollow (?:me|us)\b",
    r"\b(?:star|upvote|sponsor|support|back|rate|review|retweet|share) (?:my|our)\b",
    r"\b(?:give|leave) (?:it|us|me|my \w+|our \w+) an? (?:star|upvote|like|follow)\b",
    r"\b(?:star|upvote) (?:it|us|this|the repo)\b",
    r"\bbuy (?:my|our|now|it now)\b",
    r"\b(?:use|with) my (?:code|referral|link|affiliate)\b",
    r"\b(?:referral|affiliate|promo|discount|coupon) (?:link|code)\b",
    r"\b\d{1,2} ?% off\b",
    r"\bmy (?:new )?(?:youtube|yt|twitch|tiktok|instagram|insta|podcast|patreon|kickstarter|newsletter|etsy|onlyfans|store|shop|album|mixtape|stream|channel|discord server)\b",
    r"\b(?:join|visit|try|download|install|play) my (?:new )?(?:server|discord|app|game|site|website|project|blog|channel|store|shop|tool|bot|extension|plugin|library|course|book)\b",
    r"\bi (?:made|built|created|wrote|launched|released|published) (?:a|an|my|this|the)\b.*https?://",
];

const DEFAULT_REQUEST: &[&str] = &[
    r"\b(?:can|could|would|will|may) (?:someone|anyone|anybody|somebody|some1|any1|one of you|you guys|u guys|you|u|ya) (?:please |pls |plz |kindly )?(?:help|tell|explain|show|point|recommend|suggest|look|check|review|give|send|share|guide|assist|confirm|lend|walk|clarify)\b",
    r"\b(?:does|do|did|has|have|is|would|could|can) (?:anyone|anybody|someone|somebody|any ?one|any1)\b",
    r"\b(?:anyone|anybody|any ?one) (?:know|knows|here|got|have|has|tried|use|using|familiar|able|can|could|ever|around|alive|awake|wanna|mind|help|point)\b",
    r"\b(?:someone|somebody) (?:know|knows|help|tell|point|familiar|able|who knows)\b",
    r"\bi (?:have|got|had) an? (?:quick |small |simple |stupid |dumb |short |noob |newbie )?question\b",
    r"\bi (?:need|want) to (?:know|find out|find|figure out|get|fix|install|recover|remove|change|set up|setup|configure)\b",
    r"\bhow (?:do|does|can|could|should|would|to|do you|is one supposed to)\b",
    r"\b(?:where|what|which) (?:do|does|can|could|should|would|is|are) (?:i|we|one)\b",
    r"\b(?:need|needs|want|wanting|looking for|seeking|require) (?:some |a little |a bit of |any )?(?:help|advice|assistance|suggestions?|recommendations?|pointers?|ideas?|tips?|guidance|input|feedback)\b",
    r"\b(?:please|pls|plz|plox|pleeease) (?:help|review|advise|assist|tell|explain|someone|anyone)\b",
    r"\bhelp(?: me)?(?:,)? (?:please|pls|plz)\b",
    r"^(?:help|halp|sos)[.!]*$",
    r"\b(?:any|some) (?:ideas?|suggestions?|advice|tips|pointers|clues?|thoughts|hints?)\b",
    r"\bis (?:it|there) (?:possible|a way|any way|anyway|an easy way|a simple way|a tool|a program|a package|some way)\b",
    r"\b(?:please|pls|plz|can you|could you|would you) (?:review|take a look|have a look|look at|check out)\b",
    r"\bi(?:'m| am) (?:looking for|searching for|wondering)\b",
    r"\b(?:ptal|code review|review request|help wanted|wtb|lf[gm]?)\b",
    r"\b(?:kann|könnte) mir (?:jemand|einer)\b|\bweiß jemand\b|\bhat jemand\b",
    r"\bquelqu'un (?:peut|pourrait|sait|a)\b|\bcomment (?:faire|puis-je|je)\b",
    r"\b(?:alguien|alguém) (?:sabe|puede|pode|tiene|tem)\b|\bcómo (?:puedo|hago)\b",
    r"\bqualcuno (?:sa|può|puo|ha)\b|\bcome (?:posso|faccio)\b",
    r"\bkan iemand\b|\bweet iemand\b|\bhoe kan ik\b",
    r"\b(?:czy )?ktoś (?:wie|może|moze|ma)\b|\bjak (?:mogę|moge)\b",
    r"\bкто-нибудь\b|\bподскажите\b|\bпомогите\b|\bкак (?:мне|сделать)\b",
    r"\bbilen var mı\b|\byardım (?:eder|edebilir)\b|\bnasıl (?:yapabilirim|yaparım)\b",
];

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

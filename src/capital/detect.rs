//! Detection: what one message (or one reaction) says about social capital.
//!
//! Pure functions of the message, the little channel context the pipeline keeps,
//! and the guild's [`DetectSettings`]. No I/O, no clock, no scoring: detection only
//! says *what* it saw (a [`Signal`] per thing) and *why* (rule + evidence); the
//! scorer decides how much it is worth.
//!
//! # Thanks
//! A message is a thank-you when it contains a thank word or phrase (English plus
//! German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian and Turkish
//! by default; see [`DetectSettings::thank_words`]). Then, in order:
//!
//! 1. *Not gratitude* (signal kept, but `ignored`): anticipatory thanks ("thanks in
//!    advance", "TIA", a request that ends in "thanks"), declining ("no thanks"),
//!    exclamations ("thank god"), talking about thanking ("say thanks to him"),
//!    sarcasm ("thanks for nothing").
//! 2. *Target*: explicit mentions and names written right next to the thank word;
//!    else the author of the replied-to message; else names written elsewhere in
//!    the text, matched against members who spoke recently in the channel (case,
//!    punctuation, underscores, `nick|away`, unique prefixes, one typo); else the
//!    member(s) the thanker was just talking with (the latest exchange between
//!    them, within `conversation_window_minutes`); else nobody.
//! 3. Thanks to a bot, to a group ("thanks all"), to oneself, or with no target
//!    come back as ignored signals.
//!
//! # Requests, helpful replies, shares, self-promotion, broadcasts
//! See [`Detector::detect`] for the rules; every signal names its rule and evidence.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use regex::Regex;

use super::sieve::SievedRegex;
use serde::{Deserialize, Serialize};

use super::message::{
    ChannelContext, MemberId, MessageFlags, MessageIn, Person, ReactionIn, RecentMessage,
};
use super::signal::{Detection, EntryKind, Signal};

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

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
}

// ---------------------------------------------------------------------------
// Compiled detector
// ---------------------------------------------------------------------------

/// Settings compiled once: word tables and regexes. Cheap to share (`Arc`).
#[derive(Debug)]
pub struct Detector {
    settings: DetectSettings,
    /// Thank phrases (as word sequences) by their first word.
    thank_by_first: HashMap<String, Vec<Vec<String>>>,
    /// Single-word thank entries by their squashed form ("thaaanks" -> "thanks").
    thank_squashed: HashMap<String, String>,
    /// Thank entries without letters or in scripts without spaces: substring match.
    thank_substrings: Vec<String>,
    anticipatory: Vec<Vec<String>>,
    declining: Vec<String>,
    exclamation: Vec<String>,
    group: Vec<String>,
    filler: Vec<String>,
    rhetorical: Vec<Vec<String>>,
    thank_emojis: Vec<String>,
    help_channel: Option<SievedRegex>,
    promo_channel: Option<SievedRegex>,
    invite: Option<SievedRegex>,
    self_promo: Option<SievedRegex>,
    request: Option<SievedRegex>,
    problem: Option<SievedRegex>,
    url: SievedRegex,
}

fn combine(patterns: &[String]) -> Option<SievedRegex> {
    let ok: Vec<String> = patterns
        .iter()
        .filter(|p| !p.trim().is_empty() && Regex::new(&format!("(?i){p}")).is_ok())
        .map(|p| format!("(?:{p})"))
        .collect();
    if ok.is_empty() {
        return None;
    }
    SievedRegex::new(&format!("(?i){}", ok.join("|"))).ok()
}

fn lower_words(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    word_tokens(&lower)
        .into_iter()
        .map(|t| t.w.to_string())
        .collect()
}

fn needs_substring_match(w: &str) -> bool {
    !w.chars().any(|c| c.is_alphanumeric())
        || w.chars().any(|c| {
            let c = c as u32;
            // CJK, kana, hangul, thai: scripts written without spaces.
            (0x3040..=0x30ff).contains(&c)
                || (0x3400..=0x9fff).contains(&c)
                || (0xac00..=0xd7af).contains(&c)
                || (0x0e00..=0x0e7f).contains(&c)
        })
}

fn squash(w: &str) -> String {
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

fn normalize_emoji(e: &str) -> String {
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
    pub fn new(settings: &DetectSettings) -> Detector {
        let mut thank_by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let mut thank_squashed = HashMap::new();
        let mut thank_substrings = Vec::new();
        for w in settings.effective_thank_words() {
            if needs_substring_match(&w) {
                thank_substrings.push(w);
                continue;
            }
            let words = lower_words(&w);
            if words.is_empty() {
                continue;
            }
            if words.len() == 1 {
                thank_squashed.insert(squash(&words[0]), words[0].clone());
            }
            thank_by_first
                .entry(words[0].clone())
                .or_default()
                .push(words);
        }
        // Longest phrase first so "thank you" wins over "thank".
        for v in thank_by_first.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        let lw = |v: &Vec<String>| -> Vec<String> {
            v.iter()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let phrases = |v: &Vec<String>| -> Vec<Vec<String>> {
            v.iter()
                .map(|s| lower_words(s))
                .filter(|p| !p.is_empty())
                .collect()
        };
        Detector {
            thank_by_first,
            thank_squashed,
            thank_substrings,
            anticipatory: phrases(&settings.anticipatory_phrases),
            declining: lw(&settings.declining_words),
            exclamation: lw(&settings.exclamation_words),
            group: lw(&settings.group_words),
            filler: lw(&settings.filler_words),
            rhetorical: phrases(&settings.rhetorical_questions),
            thank_emojis: settings
                .thank_emojis
                .iter()
                .map(|e| normalize_emoji(e))
                .filter(|e| !e.is_empty())
                .collect(),
            help_channel: combine(&settings.help_channel_patterns),
            promo_channel: combine(&settings.promo_channel_patterns),
            invite: combine(&settings.invite_link_patterns),
            self_promo: combine(&settings.self_promo_patterns),
            request: combine(&settings.request_patterns),
            problem: combine(&settings.help_channel_problem_patterns),
            url: SievedRegex::new(r"(?i)\b(?:https?://|www\.)[^\s<>]+").expect("static regex"),
            settings: settings.clone(),
        }
    }

    pub fn settings(&self) -> &DetectSettings {
        &self.settings
    }
}

thread_local! {
    static CACHE: RefCell<Vec<(DetectSettings, Arc<Detector>)>> = const { RefCell::new(Vec::new()) };
}

/// The compiled detector for these settings, built once per thread and cached
/// (a handful of distinct settings, e.g. per-guild overrides, are kept).
pub fn detector_for(settings: &DetectSettings) -> Arc<Detector> {
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(pos) = c.iter().position(|(s, _)| s == settings) {
            if pos != 0 {
                let e = c.remove(pos);
                c.insert(0, e);
            }
            return c[0].1.clone();
        }
        let d = Arc::new(Detector::new(settings));
        c.insert(0, (settings.clone(), d.clone()));
        c.truncate(16);
        d
    })
}

/// Detect the signals of one message. See [`Detector::detect`].
pub fn detect(
    msg: &MessageIn,
    ctx: &ChannelContext,
    replied: Option<&RecentMessage>,
    settings: &DetectSettings,
) -> Detection {
    detector_for(settings).detect(msg, ctx, replied)
}

/// Detect the signals of one reaction. See [`Detector::detect_reaction`].
pub fn detect_reaction(
    reaction: &ReactionIn,
    target: &RecentMessage,
    settings: &DetectSettings,
) -> Vec<Signal> {
    detector_for(settings).detect_reaction(reaction, target)
}

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

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

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    w: &'a str,
    start: usize,
    end: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Words of a lowercased text: runs of letters/digits/apostrophes, apostrophes
/// trimmed at the ends.
fn word_tokens(s: &str) -> Vec<Tok<'_>> {
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

/// Text between two tokens contains sentence punctuation.
fn clause_break(text: &str, a_end: usize, b_start: usize) -> bool {
    if a_end > b_start || b_start > text.len() {
        return false;
    }
    text[a_end..b_start]
        .chars()
        .any(|c| matches!(c, '.' | '!' | '?' | ';' | ':' | '\n' | '(' | ')'))
}

fn alnum_lower(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

fn alnum_len(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Part of a nick before an away/status suffix: `bob|away`, `sinope[crashed]`.
fn nick_core(s: &str) -> &str {
    let s = s.trim_matches(|c: char| !c.is_alphanumeric());
    match s.find(['|', '[', '{', '^']) {
        Some(i) if i > 0 => &s[..i],
        _ => s,
    }
}

fn eq_ci(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

fn levenshtein1(a: &[char], b: &[char]) -> bool {
    // Edit distance exactly <= 1 (substitution, insertion, deletion, swap).
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let mut i = 0;
    while i < la.min(lb) && a[i] == b[i] {
        i += 1;
    }
    if la == lb {
        if a[i + 1..] == b[i + 1..] {
            return true;
        }
        // transposition
        i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
    } else if la > lb {
        a[i + 1..] == b[i..]
    } else {
        a[i..] == b[i + 1..]
    }
}

/// A whitespace-separated piece of the original text that may be a nick.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    /// The piece with wrapping punctuation removed (`<bob>` -> `bob`).
    name: &'a str,
    start: usize,
    end: usize,
    at_sign: bool,
    /// Ends with ':' or ',' or is wrapped in <> — addressing form.
    addressing: bool,
}

fn pieces(text: &str) -> Vec<Piece<'_>> {
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
        let addressing = raw.ends_with(':')
            || raw.ends_with(',')
            || (raw.starts_with('<') && raw.ends_with('>'));
        let mut name = raw.trim_matches(|c: char| {
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
        });
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

/// Looks like a nick rather than an English word: digits, underscores, nick
/// punctuation, or a capital inside.
fn nick_like(s: &str) -> bool {
    s.chars().any(|c| {
        c.is_ascii_digit() || matches!(c, '_' | '|' | '[' | ']' | '^' | '`' | '{' | '}' | '\\')
    }) || s.chars().skip(1).any(|c| c.is_uppercase()) && s.chars().any(|c| c.is_lowercase())
}

// Common English words that are never taken for a name by prefix or loose
// position (a nick that *is* one of these can still be mentioned).
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

fn is_stopword(w: &str) -> bool {
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

// ---------------------------------------------------------------------------
// Message analysis
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ThanksKind {
    Gratitude,
    Anticipatory,
    Declining,
    Exclamation,
    Talk,
    Sarcasm,
}

#[derive(Debug)]
struct ThankHit {
    /// Byte span in the lowercased cleaned text.
    start: usize,
    end: usize,
    /// Token index range of the phrase.
    ti: usize,
    tj: usize,
    phrase: String,
}

/// A recent speaker in the channel, as a name candidate.
#[derive(Debug, Clone, Copy)]
struct Speaker<'a> {
    person: &'a Person,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NameMatch {
    Typo = 1,
    Prefix = 2,
    Core = 3,
    Normalized = 4,
    Exact = 5,
}

impl NameMatch {
    fn describe(self) -> &'static str {
        match self {
            NameMatch::Exact => "exact",
            NameMatch::Normalized => "ignoring case and punctuation",
            NameMatch::Core => "nick without its suffix",
            NameMatch::Prefix => "unique prefix",
            NameMatch::Typo => "one typo",
        }
    }
}

fn match_name(
    token: &str,
    name: &str,
    loose: bool,
    min_prefix: usize,
    typo_min: usize,
) -> Option<NameMatch> {
    if token.is_empty() || name.is_empty() {
        return None;
    }
    // Cheap reject: every match level agrees on the first letter or digit.
    let first = |s: &str| {
        s.chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_lowercase().next())
    };
    if first(token) != first(name) {
        return None;
    }
    if eq_ci(token, name) {
        return Some(NameMatch::Exact);
    }
    let tl = alnum_len(token);
    let nl = alnum_len(name);
    if tl >= 2 && nl >= 2 && alnum_lower(token).eq(alnum_lower(name)) {
        return Some(NameMatch::Normalized);
    }
    let core = nick_core(name);
    let cl = alnum_len(core);
    if cl >= 3 && core.len() < name.len() && alnum_lower(token).eq(alnum_lower(core)) {
        return Some(NameMatch::Core);
    }
    if !loose || is_stopword(token) {
        return None;
    }
    if min_prefix > 0 && tl >= min_prefix && tl < nl {
        let mut n = alnum_lower(name);
        if alnum_lower(token).all(|c| n.next() == Some(c)) {
            return Some(NameMatch::Prefix);
        }
    }
    if typo_min > 0 && tl >= typo_min && nl >= typo_min && tl.abs_diff(nl) <= 1 {
        let a: Vec<char> = alnum_lower(token).collect();
        let b: Vec<char> = alnum_lower(name).collect();
        if levenshtein1(&a, &b) {
            return Some(NameMatch::Typo);
        }
    }
    None
}

struct Analysis<'a> {
    /// Cleaned text (URLs and code removed), lowercased.
    lower: &'a str,
    toks: Vec<Tok<'a>>,
    /// Byte offset in the cleaned text for each byte of `lower`, when
    /// lowercasing changed the layout (non-ASCII text).
    map: Option<Vec<usize>>,
}

impl Analysis<'_> {
    fn orig(&self, off: usize) -> usize {
        match &self.map {
            None => off,
            Some(m) => m
                .get(off)
                .copied()
                .unwrap_or_else(|| m.last().map_or(0, |l| l + 1)),
        }
    }
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

impl Detector {
    fn clean_text<'t>(&self, content: &'t str) -> std::borrow::Cow<'t, str> {
        let content = truncate(content, MAX_TEXT);
        if !(content.contains("://") || content.contains("www.") || content.contains('`')) {
            return std::borrow::Cow::Borrowed(content);
        }
        let mut s = self.url.replace_all(content, " ").into_owned();
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
        std::borrow::Cow::Owned(s)
    }

    fn find_thanks(&self, lower: &str, toks: &[Tok]) -> Vec<ThankHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let w = toks[i].w;
            let mut matched: Option<(usize, String)> = None;
            if let Some(cands) = self.thank_by_first.get(w) {
                for p in cands {
                    if i + p.len() <= toks.len()
                        && p.iter().enumerate().all(|(k, pw)| toks[i + k].w == pw)
                    {
                        matched = Some((p.len(), p.join(" ")));
                        break;
                    }
                }
            }
            if matched.is_none() && w.len() <= 24 && w.chars().all(|c| c.is_alphabetic()) {
                let sq = squash(w);
                if sq.len() < w.len() {
                    if let Some(orig) = self.thank_squashed.get(&sq) {
                        matched = Some((1, orig.clone()));
                    }
                }
            }
            if let Some((n, phrase)) = matched {
                hits.push(ThankHit {
                    start: toks[i].start,
                    end: toks[i + n - 1].end,
                    ti: i,
                    tj: i + n,
                    phrase,
                });
                i += n;
            } else {
                i += 1;
            }
        }
        for sub in &self.thank_substrings {
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

    fn has_phrase(&self, toks: &[Tok], phrase: &[String]) -> bool {
        if phrase.is_empty() || phrase.len() > toks.len() {
            return false;
        }
        (0..=toks.len() - phrase.len())
            .any(|i| phrase.iter().enumerate().all(|(k, w)| toks[i + k].w == w))
    }

    /// What kind of thanks the hit is (before looking for a target).
    fn thanks_kind(
        &self,
        a: &Analysis,
        hit: &ThankHit,
        request_before: bool,
    ) -> (ThanksKind, String) {
        let toks = &a.toks;
        let prev = |k: usize| -> Option<&str> {
            if hit.ti >= k {
                Some(toks[hit.ti - k].w)
            } else {
                None
            }
        };
        let next = |k: usize| -> Option<&str> { toks.get(hit.tj + k - 1).map(|t| t.w) };
        let first = hit.phrase.split(' ').next().unwrap_or("");

        for p in &self.anticipatory {
            if self.has_phrase(toks, p) {
                return (
                    ThanksKind::Anticipatory,
                    format!("with \"{}\"", p.join(" ")),
                );
            }
        }
        if request_before {
            return (
                ThanksKind::Anticipatory,
                "at the end of a request".to_string(),
            );
        }
        if let Some(p) = prev(1) {
            let attached = hit.ti >= 1 && !clause_break(a.lower, toks[hit.ti - 1].end, hit.start);
            if attached && self.declining.iter().any(|d| d == p) {
                return (ThanksKind::Declining, format!("\"{p} {}\"", hit.phrase));
            }
            if attached && p == "dieu" {
                return (ThanksKind::Exclamation, format!("\"{p} {}\"", hit.phrase));
            }
        }
        if next(1) == Some("but") && next(2) == Some("no") {
            return (
                ThanksKind::Declining,
                "\"thanks but no thanks\"".to_string(),
            );
        }
        // "thank god", "thank the lord", "gracias a dios"
        let mut k = 1;
        while let Some(n) = next(k) {
            if k > 3 {
                break;
            }
            if self.exclamation.iter().any(|e| e == n) {
                return (ThanksKind::Exclamation, format!("\"{} … {n}\"", hit.phrase));
            }
            if matches!(n, "the" | "a" | "to" | "de" | "à" | "al") {
                k += 1;
                continue;
            }
            break;
        }
        if next(1) == Some("for") && matches!(next(2), Some("nothing" | "nuthin" | "nada")) {
            return (ThanksKind::Sarcasm, "\"thanks for nothing\"".to_string());
        }
        // Talking about thanking: "to thank him", "say thanks", "no need to thank".
        if let Some(p) = prev(1) {
            let pp = prev(2).unwrap_or("");
            let performative = p == "to"
                && matches!(
                    pp,
                    "like" | "want" | "wanted" | "wish" | "i'd" | "id" | "gotta" | "must"
                );
            let talk_prev = matches!(
                p,
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
            );
            let quoted = a.lower[..hit.start].ends_with('"') || a.lower[..hit.start].ends_with('“');
            if (talk_prev && !performative) || quoted {
                return (
                    ThanksKind::Talk,
                    format!("\"{p} {}\" talks about thanking", hit.phrase),
                );
            }
        }
        if matches!(first, "thank") {
            if let Some(n) = next(1) {
                if matches!(
                    n,
                    "him" | "her" | "them" | "whoever" | "whomever" | "yourself" | "myself"
                ) {
                    return (
                        ThanksKind::Talk,
                        format!("\"{} {n}\" talks about thanking", hit.phrase),
                    );
                }
            }
        }
        if next(1) == Some("to") {
            return (ThanksKind::Gratitude, "thanks to".to_string());
        }
        (ThanksKind::Gratitude, String::new())
    }

    fn recent_speakers<'c>(&self, ctx: &'c ChannelContext, msg: &MessageIn) -> Vec<Speaker<'c>> {
        let mut out: Vec<Speaker<'c>> = Vec::new();
        let mut last = msg.author.id;
        for m in ctx.newest_first().take(ChannelContext::CAPACITY) {
            let id = m.author.id;
            if id == last || id == msg.author.id || m.at > msg.at {
                continue;
            }
            last = id;
            if out.iter().any(|s| s.person.id == id) {
                continue;
            }
            out.push(Speaker { person: &m.author });
            if out.len() >= 128 {
                break;
            }
        }
        out
    }

    /// Resolve one name piece to a unique recent speaker.
    fn resolve_piece<'c>(
        &self,
        piece: &Piece,
        loose: bool,
        speakers: &[Speaker<'c>],
    ) -> Option<(&'c Person, NameMatch)> {
        let s = &self.settings;
        let mut best: Option<(&'c Person, NameMatch)> = None;
        let mut tie = false;
        for sp in speakers {
            let p = sp.person;
            let mut lvl = match_name(
                piece.name,
                &p.name,
                loose,
                s.min_name_prefix,
                s.name_typo_min_len,
            );
            if let Some(n) = &p.nickname {
                if n != &p.name {
                    let l2 =
                        match_name(piece.name, n, loose, s.min_name_prefix, s.name_typo_min_len);
                    lvl = lvl.max(l2);
                }
            }
            if let Some(l) = lvl {
                match best {
                    None => best = Some((p, l)),
                    Some((bp, bl)) => {
                        if l > bl {
                            best = Some((p, l));
                            tie = false;
                        } else if l == bl && bp.id != p.id {
                            tie = true;
                        }
                    }
                }
            }
        }
        if tie {
            None
        } else {
            best
        }
    }

    /// Names written in the text that resolve to recent speakers, with the
    /// match level and whether the name stands next to a thank phrase.
    /// `near` = piece index ranges covered by thank phrases.
    fn names_in_text<'c>(
        &self,
        pcs: &[Piece],
        speakers: &[Speaker<'c>],
        msg: &MessageIn,
        near: &[(usize, usize)],
    ) -> Vec<(&'c Person, NameMatch, bool)> {
        let mut out: Vec<(&'c Person, NameMatch, bool)> = Vec::new();
        if speakers.is_empty() {
            return out;
        }
        let last = pcs.iter().rposition(|p| alnum_len(p.name) >= 2);
        for (i, pc) in pcs.iter().enumerate() {
            if pc.at_sign && msg.mentions.iter().any(|m| eq_ci(&m.name, pc.name)) {
                continue;
            }
            let in_phrase = near.iter().any(|&(a, b)| i >= a && i <= b);
            if in_phrase {
                continue;
            }
            let is_near = near
                .iter()
                .any(|&(a, b)| (i < a && a - i <= 2) || (i > b && i - b <= 3));
            let marked = pc.at_sign || pc.addressing;
            let edge =
                i == 0 || Some(i) == last || (i == 1 && (pcs[0].at_sign || pcs[0].addressing));
            let loose = is_near || marked;
            if !(loose || edge) {
                // Elsewhere only distinctive nicks, matched exactly.
                if !nick_like(pc.name) || alnum_len(pc.name) < 3 {
                    continue;
                }
            }
            if is_stopword(pc.name)
                || self.filler.iter().any(|f| eq_ci(f, pc.name))
                || self.group.iter().any(|g| eq_ci(g, pc.name))
            {
                continue;
            }
            if let Some((p, lvl)) = self.resolve_piece(pc, loose, speakers) {
                if p.id == msg.author.id {
                    continue;
                }
                if !out.iter().any(|(q, _, _)| q.id == p.id) {
                    out.push((p, lvl, is_near));
                }
            }
        }
        out
    }

    /// Other members a message is aimed at, from its text (names at addressing
    /// positions), for messages that are not thanks.
    fn addressed_by_name<'c>(
        &self,
        pcs: &[Piece],
        speakers: &[Speaker<'c>],
        msg: &MessageIn,
    ) -> Vec<&'c Person> {
        self.names_in_text(pcs, speakers, msg, &[])
            .into_iter()
            .filter(|(p, _, _)| p.id != msg.author.id && !p.is_bot)
            .map(|(p, _, _)| p)
            .collect()
    }

    /// Who `me` was just talking with: the members that addressed `me` since
    /// `me`'s own last message, else the latest exchange between `me` and one
    /// other member, within the conversation window.
    /// Who the author of `msg` was just talking with, within the conversation
    /// window: the members who answered them since their own last message
    /// (explicitly addressed answers first, else unaddressed answers right after
    /// their request); else the one member their own last message was aimed
    /// at; else the latest member who addressed them.
    fn conversation_partners<'c>(
        &self,
        ctx: &'c ChannelContext,
        msg: &MessageIn,
    ) -> (Vec<std::borrow::Cow<'c, Person>>, &'static str) {
        let me = msg.author.id;
        let window = chrono::Duration::minutes(self.settings.conversation_window_minutes as i64);
        let mut strong_burst: Vec<std::borrow::Cow<'c, Person>> = Vec::new();
        let mut weak_burst: Vec<std::borrow::Cow<'c, Person>> = Vec::new();
        let mut seen_own = false;
        for m in ctx.newest_first() {
            if msg.at - m.at > window {
                break;
            }
            if m.author.is_bot {
                continue;
            }
            if m.author.id == me {
                if !seen_own {
                    if !strong_burst.is_empty() {
                        return (
                            strong_burst,
                            "answered the thanker since their last message",
                        );
                    }
                    if !weak_burst.is_empty() {
                        return (weak_burst, "answered the thanker's request right after it");
                    }
                }
                seen_own = true;
                let mut others: Vec<MemberId> = Vec::new();
                for &a in m.addressees.iter().chain(m.mentions.iter()) {
                    if a != me && !others.contains(&a) {
                        others.push(a);
                    }
                }
                if others.len() == 1 {
                    // Name them as they last spoke, or by id if they have not.
                    let p = match ctx.newest_first().find(|x| x.author.id == others[0]) {
                        Some(x) => std::borrow::Cow::Borrowed(&x.author),
                        None => std::borrow::Cow::Owned(Person {
                            id: others[0],
                            name: others[0].to_string(),
                            nickname: None,
                            is_bot: false,
                        }),
                    };
                    if !p.is_bot {
                        return (vec![p], "the thanker's last message was to them");
                    }
                } else if others.len() > 1 {
                    return (Vec::new(), "");
                }
                continue;
            }
            let strong = m.mentions.contains(&me)
                || m.addressees.contains(&me)
                || m.reply_to
                    .is_some_and(|r| ctx.find(r).is_some_and(|x| x.author.id == me));
            if strong {
                if seen_own {
                    return (
                        vec![std::borrow::Cow::Borrowed(&m.author)],
                        "latest exchange with the thanker",
                    );
                }
                if !strong_burst.iter().any(|p| p.id == m.author.id) {
                    strong_burst.push(std::borrow::Cow::Borrowed(&m.author));
                }
            } else if !seen_own
                && m.flags.helpful_reply
                && m.addressees.is_empty()
                && adjacent_request_author(ctx, m, self.settings.adjacent_reply_seconds) == Some(me)
                && !weak_burst.iter().any(|p| p.id == m.author.id)
            {
                weak_burst.push(std::borrow::Cow::Borrowed(&m.author));
            }
        }
        if !strong_burst.is_empty() {
            return (strong_burst, "answered the thanker");
        }
        if !weak_burst.is_empty() {
            return (weak_burst, "answered the thanker's request right after it");
        }
        (Vec::new(), "")
    }

    // -----------------------------------------------------------------------
    // Requests
    // -----------------------------------------------------------------------

    /// Is the message asking for something? Returns (rule, evidence, byte
    /// offset in the lowercased text where the ask is complete).
    fn request(
        &self,
        a: &Analysis,
        msg: &MessageIn,
        help_channel: bool,
        addressed_requester: bool,
    ) -> Option<(&'static str, String, usize)> {
        let lower = a.lower;
        let toks = &a.toks;
        if toks.is_empty() {
            return None;
        }
        let first_person = toks.iter().any(|t| {
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
        });
        // A helper's question back to someone who asked ("what does dmesg say?")
        let clarifying = addressed_requester && !first_person;

        if let Some(re) = &self.request {
            if let Some(m) = re.find(lower) {
                let before = lower[..m.start()].trim_end();
                let tail: Vec<&str> = before.rsplit(|c: char| c.is_whitespace()).take(3).collect();
                let negated = tail.iter().any(|w| {
                    matches!(
                        *w,
                        "don't" | "dont" | "not" | "no" | "never" | "doesn't" | "didn't" | "dunno"
                    )
                });
                if !clarifying && !negated {
                    let text = m.as_str().trim();
                    return Some(("request.phrase", format!("matched \"{text}\""), m.end()));
                }
            }
        }
        // Questions: a sentence that ends with '?'.
        // Skip a leading "@nick" / "nick:" addressing the message.
        let lead_end = leading_address_end(lower);
        let mut sent_start = lead_end;
        for (i, c) in lower.char_indices() {
            if i < lead_end {
                continue;
            }
            if c == '?' {
                // A '?' glued to a following word is a glob or URL part, not a question.
                let glued = lower[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric() || n == '?' || n == '*' || n == '/');
                let sentence = &lower[sent_start..i];
                sent_start = i + 1;
                if glued {
                    continue;
                }
                let tag = [
                    ", right",
                    ", no",
                    ", eh",
                    ", huh",
                    ", yes",
                    ", ok",
                    ", correct",
                    ", yeah",
                ]
                .iter()
                .any(|t| sentence.trim_end().ends_with(t));
                if tag {
                    continue;
                }
                let words: Vec<&str> = word_tokens(sentence).into_iter().map(|t| t.w).collect();
                if words.len() < 2 || clarifying {
                    continue;
                }
                let rhetorical = self.rhetorical.iter().any(|r| {
                    let n = r.len();
                    words.len() <= n + 1
                        && words.len() >= n
                        && words[words.len() - n..].iter().zip(r).all(|(a, b)| a == b)
                });
                let suggestion = SUGGESTIONS.iter().any(|p| {
                    words.len() >= p.len() && p.iter().enumerate().all(|(k, w)| words[k] == *w)
                });
                if rhetorical || suggestion {
                    continue;
                }
                let shown: Vec<&str> = words.iter().rev().take(8).rev().copied().collect();
                return Some((
                    "request.question",
                    format!("question \"{}?\"", shown.join(" ")),
                    i + 1,
                ));
            } else if matches!(c, '.' | '!' | '\n' | ';') {
                sent_start = i + c.len_utf8();
            }
        }
        // Questions without '?': "what plugin do i need", "does ubuntu have mplayer".
        if !clarifying {
            if let Some((off, ev)) = question_form(a) {
                return Some(("request.question_form", ev, off));
            }
        }
        if help_channel
            && !addressed_requester
            && msg.reply_to.is_none()
            && msg.mentions.is_empty()
            && toks.len() >= 4
        {
            if let Some(m) = self.problem.as_ref().and_then(|re| re.find(lower)) {
                return Some((
                    "request.help_channel",
                    format!(
                        "problem \"{}\" in help channel #{}",
                        m.as_str().trim(),
                        msg.channel_name
                    ),
                    m.end(),
                ));
            }
        }
        None
    }
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

/// Where a leading "@nick" or "nick:" addressing the message ends.
fn leading_address_end(lower: &str) -> usize {
    let t = lower.trim_start();
    let off = lower.len() - t.len();
    let first_end = t.find(char::is_whitespace).unwrap_or(t.len());
    let first = &t[..first_end];
    if first_end < t.len()
        && (first.starts_with('@') || first.ends_with(':') || first.ends_with(','))
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
/// auxiliary followed by a subject at its start. Returns (end offset, evidence).
fn question_form(a: &Analysis) -> Option<(usize, String)> {
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
    let pronoun = rest.iter().any(|t| {
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
    });
    let wh = matches!(
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
        && pronoun
        && !matches!(n, "dont" | "don't" | "not");
    let aux = matches!(
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
    ) && (!matches!(n, "you" | "u") || pronoun_first(rest));
    let words: Vec<&str> = toks[i..].iter().take(4).map(|t| t.w).collect();
    let suggestion = SUGGESTIONS
        .iter()
        .any(|p| words.len() >= p.len() && p.iter().enumerate().all(|(k, w)| words[k] == *w));
    if (wh || aux) && !suggestion {
        let end = toks[(i + 6).min(toks.len() - 1)].end;
        let shown: Vec<&str> = toks[i..(i + 6).min(toks.len())]
            .iter()
            .map(|t| t.w)
            .collect();
        return Some((end, format!("question form \"{}…\"", shown.join(" "))));
    }
    None
}

/// The author of the request an adjacency answer `m` answered: the nearest
/// request within the three messages before it.
fn adjacent_request_author(
    ctx: &ChannelContext,
    m: &RecentMessage,
    max_secs: u32,
) -> Option<MemberId> {
    let pos = ctx.messages.iter().rposition(|x| x.id == m.id)?;
    for prev in ctx.messages.iter().take(pos).rev().take(3) {
        if prev.author.id == m.author.id {
            return None;
        }
        let secs = (m.at - prev.at).num_seconds();
        if secs < 0 || secs > max_secs as i64 {
            return None;
        }
        if prev.flags.request && !prev.author.is_bot {
            return Some(prev.author.id);
        }
    }
    None
}

fn push_unique(v: &mut Vec<MemberId>, id: MemberId) {
    if !v.contains(&id) {
        v.push(id);
    }
}

fn who(p: &Person) -> String {
    match &p.nickname {
        Some(n) if !n.is_empty() => n.clone(),
        _ => p.name.clone(),
    }
}

impl Detector {
    /// Detect the signals of one message.
    ///
    /// `ctx` holds earlier messages of the channel (oldest first), `replied` the
    /// message this one replies to, if known. Never panics; bots, webhooks and
    /// system messages yield no signals (the pipeline skips them anyway).
    pub fn detect(
        &self,
        msg: &MessageIn,
        ctx: &ChannelContext,
        replied: Option<&RecentMessage>,
    ) -> Detection {
        let mut remembered = RecentMessage {
            id: msg.id,
            author: msg.author.clone(),
            at: msg.at,
            reply_to: msg.reply_to,
            mentions: msg.mentions.iter().map(|p| p.id).collect(),
            addressees: Vec::new(),
            flags: MessageFlags::default(),
            thanked: Vec::new(),
        };
        let mut signals: Vec<Signal> = Vec::new();
        if msg.author.is_bot || msg.is_webhook || msg.is_system {
            return Detection {
                signals,
                remembered,
            };
        }
        let me = msg.author.id;
        let s = &self.settings;
        let original = truncate(&msg.content, MAX_TEXT);
        let cleaned = self.clean_text(original);
        let (lower, map) = lower_with_map(&cleaned);
        let a = Analysis {
            lower: &lower,
            toks: word_tokens(&lower),
            map,
        };
        let toks = &a.toks;
        let pcs = pieces(&cleaned);
        let speakers = self.recent_speakers(ctx, msg);
        let window = chrono::Duration::minutes(s.conversation_window_minutes as i64);

        // Explicit addressees.
        let replied_author: Option<&Person> = replied.map(|r| &r.author);
        for p in &msg.mentions {
            if p.id != me && !p.is_bot {
                push_unique(&mut remembered.addressees, p.id);
            }
        }
        if let Some(r) = replied_author {
            if r.id != me && !r.is_bot {
                push_unique(&mut remembered.addressees, r.id);
            }
        }
        let text_addressees = self.addressed_by_name(&pcs, &speakers, msg);

        // Is this aimed at someone with an open request (clarifying question)?
        let is_recent_requester = |id: MemberId| {
            ctx.newest_first()
                .take_while(|m| msg.at - m.at <= window)
                .any(|m| m.author.id == id && m.flags.request)
        };
        let i_asked_recently = ctx
            .newest_first()
            .take_while(|m| msg.at - m.at <= window)
            .any(|m| m.author.id == me && m.flags.request);
        let addressed_requester = !i_asked_recently
            && remembered
                .addressees
                .iter()
                .copied()
                .chain(text_addressees.iter().map(|p| p.id))
                .any(is_recent_requester);

        let help_channel = self
            .help_channel
            .as_ref()
            .is_some_and(|r| r.is_match(&msg.channel_name));
        let promo_channel = self
            .promo_channel
            .as_ref()
            .is_some_and(|r| r.is_match(&msg.channel_name));

        // ---- thanks -------------------------------------------------------
        let hits = self.find_thanks(&lower, toks);
        let request = self.request(&a, msg, help_channel, addressed_requester);
        if !hits.is_empty() {
            let hit = &hits[0];
            let request_before = request.as_ref().is_some_and(|(_, _, off)| *off < hit.start)
                // a question mark before the thanks in a message that asks
                && hits.iter().all(|h| request.as_ref().is_some_and(|(_, _, off)| *off < h.start));
            let (kind, why) = self.thanks_kind(&a, hit, request_before);
            let matched = format!("matched \"{}\"", hit.phrase);
            let mut thank_signals: Vec<Signal> = Vec::new();
            let base_ignored = |rule: &'static str, reason: &str, why: &str| {
                Signal::new(EntryKind::Thanks, me, rule, format!("{matched}; {why}"))
                    .ignored(reason)
            };
            match kind {
                ThanksKind::Anticipatory => thank_signals.push(base_ignored(
                    "thanks.anticipatory",
                    "anticipatory thanks (part of a request)",
                    &why,
                )),
                ThanksKind::Declining => thank_signals.push(base_ignored(
                    "thanks.declining",
                    "declining (\"no thanks\")",
                    &why,
                )),
                ThanksKind::Exclamation => thank_signals.push(base_ignored(
                    "thanks.exclamation",
                    "exclamation, not thanks to a person",
                    &why,
                )),
                ThanksKind::Talk => {
                    thank_signals.push(base_ignored("thanks.talk", "talking about thanking", &why))
                }
                ThanksKind::Sarcasm => {
                    thank_signals.push(base_ignored("thanks.sarcasm", "sarcastic thanks", &why))
                }
                ThanksKind::Gratitude => {
                    thank_signals = self.thank_targets(
                        msg, ctx, replied, &a, &pcs, &speakers, &hits, &cleaned, &matched, &why,
                    );
                }
            }
            let credited: Vec<MemberId> = thank_signals
                .iter()
                .filter(|x| x.ignored.is_none())
                .map(|x| x.member)
                .collect();
            if kind == ThanksKind::Gratitude {
                remembered.flags.thanks = true;
            }
            for c in &credited {
                push_unique(&mut remembered.thanked, *c);
                push_unique(&mut remembered.addressees, *c);
            }
            signals.extend(thank_signals);
        }
        for p in &text_addressees {
            push_unique(&mut remembered.addressees, p.id);
        }

        // ---- self-promotion, shares ------------------------------------------
        let links: Vec<&str> = self.url.find_iter(original).map(|m| m.as_str()).collect();
        let has_link = !links.is_empty();
        let has_attachment = msg.attachments > 0;
        let raw_lower_for_promo = if has_link {
            original.to_lowercase()
        } else {
            String::new()
        };
        let invite = if has_link {
            self.invite
                .as_ref()
                .and_then(|r| r.find(&raw_lower_for_promo))
                .map(|m| m.as_str().to_string())
        } else {
            None
        };
        let promo_text = self.self_promo.as_ref().and_then(|r| {
            let hay: &str = if has_link {
                &raw_lower_for_promo
            } else {
                &lower
            };
            r.find(hay).map(|m| m.as_str().to_string())
        });
        let mut promo: Option<(&'static str, String)> = None;
        if let Some(inv) = invite {
            promo = Some(("promo.invite_link", format!("invite link \"{inv}\"")));
        } else if let Some(t) = promo_text {
            promo = Some(("promo.wording", format!("matched \"{t}\"")));
        } else if promo_channel && (has_link || has_attachment) {
            promo = Some((
                "promo.channel",
                format!(
                    "{} in promotion channel #{}",
                    if has_link { "link" } else { "attachment" },
                    msg.channel_name
                ),
            ));
        }
        if let Some((rule, ev)) = &promo {
            remembered.flags.self_promotion = true;
            signals.push(Signal::new(EntryKind::SelfPromotion, me, rule, ev.clone()));
        }

        // ---- request ---------------------------------------------------------
        let mut is_request = false;
        if let Some((rule, ev, _)) = &request {
            let anticipatory_only = false;
            if !anticipatory_only {
                is_request = true;
                remembered.flags.request = true;
                let mut ev = ev.clone();
                if help_channel && *rule != "request.help_channel" {
                    ev.push_str(&format!(" (help channel #{})", msg.channel_name));
                }
                signals.push(Signal::new(EntryKind::Request, me, rule, ev));
            }
        }

        if promo.is_none() && (has_link || has_attachment) && !is_request {
            remembered.flags.shared_content = true;
            let (rule, ev) = if has_link {
                let l = links[0];
                let shown: String = l.chars().take(80).collect();
                ("share.link", format!("link {shown}"))
            } else {
                (
                    "share.attachment",
                    format!("{} attachment(s)", msg.attachments),
                )
            };
            signals.push(Signal::new(EntryKind::SharedContent, me, rule, ev));
        }

        // ---- broadcast -------------------------------------------------------
        let pings_everyone = msg.mentions_everyone;
        if pings_everyone || !msg.role_mentions.is_empty() {
            let here_only =
                pings_everyone && original.contains("@here") && !original.contains("@everyone");
            let mut factor = 0.0;
            let mut parts = Vec::new();
            if pings_everyone {
                if here_only {
                    factor += s.broadcast_here_factor;
                    parts.push("@here".to_string());
                } else {
                    factor += s.broadcast_everyone_factor;
                    parts.push("@everyone".to_string());
                }
            }
            if !msg.role_mentions.is_empty() {
                factor += s.broadcast_role_factor * msg.role_mentions.len() as f64;
                parts.push(format!("{} role ping(s)", msg.role_mentions.len()));
            }
            let factor = factor.min(s.broadcast_max_factor).max(1.0);
            let asks = is_request || promo.is_some();
            let mut sig = Signal::new(
                EntryKind::Broadcast,
                me,
                if asks {
                    "broadcast.ask"
                } else {
                    "broadcast.announcement"
                },
                format!("{}; audience factor {factor}", parts.join(" + ")),
            );
            sig.magnitude = factor;
            if asks || !s.broadcast_requires_ask {
                remembered.flags.broadcast = true;
            } else {
                sig = sig.ignored("ping without an ask (announcement)");
            }
            signals.push(sig);
        }

        // ---- helpful reply -----------------------------------------------------
        if !is_request && !remembered.flags.thanks && promo.is_none() {
            if let Some(sig) = self.helpful_reply(
                msg,
                ctx,
                replied,
                &a,
                &text_addressees,
                has_link || has_attachment,
            ) {
                remembered.flags.helpful_reply = true;
                // An answer found by adjacency is a guess, not an address: it is
                // not stored as an addressee (conversation lookups re-derive it).
                if let Some(c) = sig.counterpart {
                    if sig.rule != "helpful.adjacent" {
                        push_unique(&mut remembered.addressees, c);
                    }
                }
                signals.push(sig);
            }
        }

        Detection {
            signals,
            remembered,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn thank_targets(
        &self,
        msg: &MessageIn,
        ctx: &ChannelContext,
        replied: Option<&RecentMessage>,
        a: &Analysis,
        pcs: &[Piece],
        speakers: &[Speaker],
        hits: &[ThankHit],
        cleaned: &str,
        matched: &str,
        note: &str,
    ) -> Vec<Signal> {
        let me = msg.author.id;
        let mut out: Vec<Signal> = Vec::new();
        let mut credited: Vec<MemberId> = Vec::new();
        let mut credit = |out: &mut Vec<Signal>, p: &Person, rule: &'static str, how: String| {
            if p.id == me {
                out.push(
                    Signal::new(
                        EntryKind::Thanks,
                        me,
                        "thanks.self",
                        format!("{matched}; {how}"),
                    )
                    .ignored("self-thanks"),
                );
            } else if p.is_bot {
                out.push(
                    Signal::new(
                        EntryKind::Thanks,
                        p.id,
                        "thanks.to_bot",
                        format!("{matched}; {how}"),
                    )
                    .with_counterpart(me)
                    .ignored("thanks to a bot"),
                );
            } else if !credited.contains(&p.id) {
                credited.push(p.id);
                out.push(
                    Signal::new(EntryKind::Thanks, p.id, rule, format!("{matched}; {how}"))
                        .with_counterpart(me),
                );
            }
        };

        // Piece index ranges covered by each thank phrase.
        let near: Vec<(usize, usize)> = hits
            .iter()
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
            .collect();

        // 1. explicit mentions and names written next to the thank word.
        for p in &msg.mentions {
            credit(
                &mut out,
                p,
                "thanks.mention",
                format!("target @{} by mention", who(p)),
            );
        }
        let names = self.names_in_text(pcs, speakers, msg, &near);
        for (p, lvl, is_near) in &names {
            if *is_near {
                credit(
                    &mut out,
                    p,
                    "thanks.name",
                    format!(
                        "target \"{}\" by name next to the thanks ({})",
                        who(p),
                        lvl.describe()
                    ),
                );
            }
        }
        if !out.is_empty() {
            return out;
        }
        // "thanks to <something>" without a person: a cause, not a target.
        if note == "thanks to" {
            out.push(
                Signal::new(
                    EntryKind::Thanks,
                    me,
                    "thanks.cause",
                    format!("{matched}; \"thanks to\" names no member"),
                )
                .ignored("thanks to something, not someone"),
            );
            return out;
        }
        // 2. replied-to author
        if let Some(r) = replied {
            credit(
                &mut out,
                &r.author,
                "thanks.reply_target",
                format!("target {} by reply link", who(&r.author)),
            );
            return out;
        }
        // 3. names elsewhere in the text
        for (p, lvl, _) in &names {
            credit(
                &mut out,
                p,
                "thanks.name",
                format!(
                    "target \"{}\" by name in the text ({})",
                    who(p),
                    lvl.describe()
                ),
            );
        }
        if !out.is_empty() {
            return out;
        }
        // Group thanks: "thanks all", "guys, thanks", "you guys".
        let toks = &a.toks;
        let is_group = |w: Option<&str>| w.is_some_and(|w| self.group.iter().any(|g| g == w));
        for h in hits {
            let after = toks.get(h.tj).map(|t| t.w);
            let after2 = toks.get(h.tj + 1).map(|t| t.w);
            let before = if h.ti > 0 {
                Some(toks[h.ti - 1].w)
            } else {
                None
            };
            let group_word = if is_group(after) {
                after
            } else if matches!(after, Some("you" | "u" | "to" | "ya" | "a" | "lot"))
                && is_group(after2)
            {
                after2
            } else if is_group(before) {
                before
            } else {
                None
            };
            if let Some(g) = group_word {
                out.push(
                    Signal::new(
                        EntryKind::Thanks,
                        me,
                        "thanks.to_group",
                        format!("{matched}; addressed to a group (\"{g}\")"),
                    )
                    .ignored("thanks to a group, no one person"),
                );
                return out;
            }
        }
        let you_group = toks.windows(2).find(|w| {
            matches!(w[0].w, "you" | "u" | "ya")
                && matches!(w[1].w, "guys" | "all" | "people" | "folks")
        });
        if let Some(w) = you_group {
            out.push(
                Signal::new(
                    EntryKind::Thanks,
                    me,
                    "thanks.to_group",
                    format!(
                        "{matched}; addressed to a group (\"{} {}\")",
                        w[0].w, w[1].w
                    ),
                )
                .ignored("thanks to a group, no one person"),
            );
            return out;
        }
        // A nick-like word right after the thanks that is nobody here: do not guess.
        for &(_, last) in &near {
            if let Some(pc) = pcs.get(last + 1) {
                let prev_end = pcs[last].end.min(cleaned.len());
                let gap = cleaned
                    .get(prev_end..pc.start.min(cleaned.len()))
                    .unwrap_or("");
                if gap
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | '!' | '.' | ':'))
                    && nick_like(pc.name)
                    && !is_stopword(pc.name)
                {
                    out.push(
                        Signal::new(
                            EntryKind::Thanks,
                            me,
                            "thanks.unknown_name",
                            format!(
                                "{matched}; \"{}\" is not a recent member of the channel",
                                pc.name
                            ),
                        )
                        .ignored("named target not found"),
                    );
                    return out;
                }
            }
        }
        // 4. conversation partner(s)
        let (partners, how) = self.conversation_partners(ctx, msg);
        for p in &partners {
            credit(
                &mut out,
                p,
                "thanks.conversation",
                format!("target {} by conversation ({how})", who(p)),
            );
        }
        if out.is_empty() {
            out.push(
                Signal::new(
                    EntryKind::Thanks,
                    me,
                    "thanks.no_target",
                    format!("{matched}; no mention, reply, name or recent exchange"),
                )
                .ignored("no resolvable target"),
            );
        }
        out
    }

    fn helpful_reply(
        &self,
        msg: &MessageIn,
        ctx: &ChannelContext,
        replied: Option<&RecentMessage>,
        a: &Analysis,
        text_addressees: &[&Person],
        has_content: bool,
    ) -> Option<Signal> {
        let me = msg.author.id;
        let window = chrono::Duration::minutes(self.settings.conversation_window_minutes as i64);
        if !has_content && a.toks.is_empty() {
            return None;
        }
        if let Some(r) = replied {
            if r.flags.request && r.author.id != me && !r.author.is_bot {
                return Some(
                    Signal::new(
                        EntryKind::HelpfulReply,
                        me,
                        "helpful.reply_link",
                        format!("reply to {}'s request (by reply link)", who(&r.author)),
                    )
                    .with_counterpart(r.author.id),
                );
            }
            return None;
        }
        let addressed: Vec<(MemberId, &'static str)> = msg
            .mentions
            .iter()
            .filter(|p| p.id != me && !p.is_bot)
            .map(|p| (p.id, "mention"))
            .chain(text_addressees.iter().map(|p| (p.id, "name")))
            .collect();
        for (id, how) in &addressed {
            if let Some(req) = ctx
                .newest_first()
                .take_while(|m| msg.at - m.at <= window)
                .find(|m| m.author.id == *id && m.flags.request)
            {
                return Some(
                    Signal::new(
                        EntryKind::HelpfulReply,
                        me,
                        if *how == "mention" {
                            "helpful.mention"
                        } else {
                            "helpful.name"
                        },
                        format!("answers {}'s request (by {how})", who(&req.author)),
                    )
                    .with_counterpart(*id),
                );
            }
        }
        if !addressed.is_empty() {
            return None;
        }
        // Adjacency: right after someone else's request, addressing nobody, from
        // a member who is not asking something themselves.
        // An open question of my own (not one put to someone else) means I am
        // asking, not answering.
        let i_asked = ctx
            .newest_first()
            .take_while(|m| msg.at - m.at <= window)
            .any(|m| m.author.id == me && m.flags.request && m.addressees.is_empty());
        if i_asked || msg.mentions_everyone || a.toks.is_empty() {
            return None;
        }
        let ack = matches!(
            a.toks[0].w,
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
        );
        let me_too = a.lower.contains("same problem")
            || a.lower.contains("same issue")
            || a.lower.contains("me too");
        if ack
            || me_too
            || (a.toks.len() < 2 && (is_stopword(a.toks[0].w) || a.toks[0].w.chars().count() < 3))
        {
            return None;
        }
        for (k, prev) in ctx.newest_first().take(3).enumerate() {
            if prev.author.id == me {
                return None;
            }
            let secs = (msg.at - prev.at).num_seconds();
            if secs < 0 || secs > self.settings.adjacent_reply_seconds as i64 {
                return None;
            }
            if prev.flags.request && !prev.author.is_bot {
                return Some(
                    Signal::new(
                        EntryKind::HelpfulReply,
                        me,
                        "helpful.adjacent",
                        format!(
                            "answers {}'s request {} (by adjacency, {secs}s later)",
                            who(&prev.author),
                            if k == 0 {
                                "right before it"
                            } else {
                                "just before it"
                            }
                        ),
                    )
                    .with_counterpart(prev.author.id),
                );
            }
        }
        None
    }

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
        let reactor = &reaction.user;
        let emoji = normalize_emoji(&reaction.emoji);
        let is_thank = !emoji.is_empty() && self.thank_emojis.contains(&emoji);
        let shown = reaction.emoji.trim();
        if is_thank {
            let ev = format!("reaction {shown} by {}", who(reactor));
            if reactor.is_bot {
                out.push(
                    Signal::new(
                        EntryKind::ThankReaction,
                        target.author.id,
                        "reaction.bot",
                        ev.clone(),
                    )
                    .with_counterpart(reactor.id)
                    .ignored("reaction by a bot"),
                );
            } else if target.flags.thanks {
                if target.thanked.is_empty() {
                    out.push(
                        Signal::new(
                            EntryKind::ThankReaction,
                            target.author.id,
                            "reaction.thanks_no_target",
                            format!("{ev} on a thank-you message with no credited target"),
                        )
                        .with_counterpart(reactor.id)
                        .ignored("thank-you message had no one to credit"),
                    );
                }
                for &t in &target.thanked {
                    let sig = Signal::new(
                        EntryKind::ThankReaction,
                        t,
                        "reaction.on_thanks",
                        format!("{ev} on a thank-you message; credits who it thanked"),
                    )
                    .with_counterpart(reactor.id);
                    out.push(if t == reactor.id {
                        sig.ignored("self-thanks")
                    } else {
                        sig
                    });
                }
            } else if target.author.is_bot {
                out.push(
                    Signal::new(
                        EntryKind::ThankReaction,
                        target.author.id,
                        "reaction.to_bot",
                        ev,
                    )
                    .with_counterpart(reactor.id)
                    .ignored("thanks to a bot"),
                );
            } else {
                let sig = Signal::new(
                    EntryKind::ThankReaction,
                    target.author.id,
                    "reaction.thank_emoji",
                    format!("{ev} on {}'s message", who(&target.author)),
                )
                .with_counterpart(reactor.id);
                out.push(if target.author.id == reactor.id {
                    sig.ignored("self-reaction")
                } else {
                    sig
                });
            }
        }
        if target.flags.shared_content && !target.author.is_bot {
            let ev = format!("reaction {shown} by {} on shared content", who(reactor));
            let sig = Signal::new(
                EntryKind::SharedContent,
                target.author.id,
                "share.reaction",
                ev,
            )
            .with_counterpart(reactor.id);
            out.push(if reactor.is_bot {
                sig.ignored("reaction by a bot")
            } else if reactor.id == target.author.id {
                sig.ignored("self-reaction")
            } else {
                sig
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone, Utc};

    fn person(id: u64, name: &str) -> Person {
        Person {
            id,
            name: name.to_string(),
            nickname: None,
            is_bot: false,
        }
    }

    fn bot(id: u64, name: &str) -> Person {
        Person {
            is_bot: true,
            ..person(id, name)
        }
    }

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_700_000_000 + secs, 0).unwrap()
    }

    /// A channel replayed the way the pipeline does it.
    struct Chan {
        ctx: ChannelContext,
        settings: DetectSettings,
        name: String,
        next_id: u64,
        t: i64,
    }

    impl Chan {
        fn new() -> Self {
            Self::named("general")
        }
        fn named(name: &str) -> Self {
            Chan {
                ctx: ChannelContext::default(),
                settings: DetectSettings::default(),
                name: name.to_string(),
                next_id: 1000,
                t: 0,
            }
        }
        fn msg(&self, author: &Person, content: &str) -> MessageIn {
            MessageIn {
                guild_id: 1,
                channel_id: 2,
                channel_name: self.name.clone(),
                id: self.next_id,
                author: author.clone(),
                at: at(self.t),
                content: content.to_string(),
                ..Default::default()
            }
        }
        fn send_msg(&mut self, m: MessageIn) -> Detection {
            self.ctx.prune(m.at, self.settings.context_window());
            let replied = m.reply_to.and_then(|r| self.ctx.find(r)).cloned();
            let d = detect(&m, &self.ctx, replied.as_ref(), &self.settings);
            self.ctx.push(d.remembered.clone());
            self.next_id += 1;
            self.t += 20;
            d
        }
        fn say(&mut self, author: &Person, content: &str) -> Detection {
            let m = self.msg(author, content);
            self.send_msg(m)
        }
        fn say_to(&mut self, author: &Person, to: &Person, content: &str) -> Detection {
            let mut m = self.msg(author, &format!("@{} {content}", to.name));
            m.mentions = vec![to.clone()];
            self.send_msg(m)
        }
    }

    fn credited(d: &Detection) -> Vec<MemberId> {
        d.signals
            .iter()
            .filter(|s| s.kind == EntryKind::Thanks && s.ignored.is_none())
            .map(|s| s.member)
            .collect()
    }

    fn ignored_rule(d: &Detection) -> Option<&'static str> {
        d.signals
            .iter()
            .find(|s| s.kind == EntryKind::Thanks && s.ignored.is_some())
            .map(|s| s.rule)
    }

    fn has(d: &Detection, kind: EntryKind) -> bool {
        d.signals
            .iter()
            .any(|s| s.kind == kind && s.ignored.is_none())
    }

    fn alice() -> Person {
        person(1, "alice")
    }
    fn bob() -> Person {
        person(2, "bob2")
    }
    fn carol() -> Person {
        person(3, "Carol_")
    }

    // ---- thanks: targets ---------------------------------------------------

    #[test]
    fn thanks_explicit_mention() {
        let mut c = Chan::new();
        c.say(&carol(), "unrelated chatter here");
        let d = c.say_to(&alice(), &bob(), "thanks, that worked");
        assert_eq!(credited(&d), vec![2]);
        let s = &d.signals[0];
        assert_eq!(s.rule, "thanks.mention");
        assert_eq!(s.counterpart, Some(1));
        assert!(s.evidence.contains("matched \"thanks\""), "{}", s.evidence);
        assert!(d.remembered.flags.thanks);
        assert_eq!(d.remembered.thanked, vec![2]);
        assert!(d.remembered.addressees.contains(&2));
    }

    #[test]
    fn thanks_reply_target() {
        let mut c = Chan::new();
        let answer = c.say(&bob(), "run sudo update-grub after that");
        c.say(&carol(), "something else entirely");
        let mut m = c.msg(&alice(), "that fixed it, thank you!");
        m.reply_to = Some(answer.remembered.id);
        let d = c.send_msg(m);
        assert_eq!(credited(&d), vec![2]);
        assert_eq!(d.signals[0].rule, "thanks.reply_target");
        assert!(d.signals[0].evidence.contains("reply link"));
    }

    #[test]
    fn thanks_name_in_text_with_variants() {
        let mut c = Chan::new();
        let tom = person(4, "tom___");
        let sinope = person(5, "sinope[crashed]");
        let ficus = person(6, "ficusplanet");
        c.say(&bob(), "try the alternate cd");
        c.say(&tom, "or use the text installer");
        c.say(&sinope, "the live cd works too");
        c.say(&ficus, "you need the restricted drivers");
        c.say(&carol(), "hello");
        // unique prefix of a nick
        assert_eq!(credited(&c.say(&alice(), "thanks bob")), vec![2]);
        // trailing underscores differ
        assert_eq!(credited(&c.say(&alice(), "tom__ thanks!")), vec![4]);
        // away/status suffix, trailing punctuation, case
        assert_eq!(credited(&c.say(&alice(), "thx SINOPE.")), vec![5]);
        // angle brackets, prefix at the start
        assert_eq!(
            credited(&c.say(&alice(), "<ficus> thank you for your help")),
            vec![6]
        );
        // trailing punctuation and underscore on an exact nick
        assert_eq!(credited(&c.say(&alice(), "cheers, carol_!!")), vec![3]);
    }

    #[test]
    fn thanks_ty_nick() {
        let mut c = Chan::new();
        c.say(&bob(), "use apt-get install build-essential");
        let d = c.say(&alice(), "ty bob2");
        assert_eq!(credited(&d), vec![2]);
        assert_eq!(d.signals[0].rule, "thanks.name");
    }

    #[test]
    fn thanks_several_names() {
        let mut c = Chan::new();
        c.say(&bob(), "try the alternate cd");
        c.say(&carol(), "or the server cd");
        let mut got = credited(&c.say(&alice(), "thanks bob2 and Carol_"));
        got.sort();
        assert_eq!(got, vec![2, 3]);
    }

    #[test]
    fn thanks_names_never_invented() {
        let mut c = Chan::new();
        c.say(&bob(), "try the alternate cd");
        c.say(&person(7, "bobby"), "yes");
        // "bob" is a prefix of two recent speakers: ambiguous, no name credit.
        let d = c.say(&alice(), "thanks bob");
        assert!(!credited(&d).contains(&7) || !credited(&d).contains(&2));
        // A nick-like word that is nobody here: no guess.
        let d = c.say(&alice(), "thanks xyz_42");
        assert!(credited(&d).is_empty());
        assert_eq!(ignored_rule(&d), Some("thanks.unknown_name"));
    }

    #[test]
    fn thanks_conversation_partner_and_ok_thanks() {
        let mut c = Chan::new();
        c.say(&alice(), "how do i mount an ntfs partition?");
        c.say(&carol(), "anyone here use kde?");
        c.say_to(&bob(), &alice(), "sudo mount -t ntfs /dev/sda1 /mnt");
        c.say(&person(9, "dave"), "kde is fine");
        let d = c.say(&alice(), "ok thanks");
        assert_eq!(credited(&d), vec![2]);
        assert_eq!(d.signals[0].rule, "thanks.conversation");
        assert!(d.signals[0].evidence.contains("conversation"));
    }

    #[test]
    fn thanks_conversation_by_own_last_message() {
        let mut c = Chan::new();
        c.say_to(&alice(), &bob(), "so i edit /etc/fstab then?");
        let d = c.say(&alice(), "thx");
        assert_eq!(credited(&d), vec![2]);
    }

    #[test]
    fn thanks_unaddressed_answer_right_after_question() {
        let mut c = Chan::new();
        c.say(&alice(), "what plugin do i need to play avi files");
        c.say(&bob(), "you need totem-xine and the codecs");
        let d = c.say(&alice(), "gee, thanks :)");
        assert_eq!(credited(&d), vec![2]);
    }

    #[test]
    fn thanks_without_any_target() {
        let mut c = Chan::new();
        let d = c.say(&alice(), "thanks");
        assert!(credited(&d).is_empty());
        assert_eq!(ignored_rule(&d), Some("thanks.no_target"));
        assert_eq!(
            d.signals[0].ignored.as_deref(),
            Some("no resolvable target")
        );
    }

    // ---- thanks: not gratitude ---------------------------------------------

    #[test]
    fn thanks_in_advance_and_tia() {
        let mut c = Chan::new();
        c.say(&bob(), "hi");
        for text in [
            "can someone help me with grub? thanks in advance",
            "how do i install java TIA",
            "Anybody know how to fix a broken sudoers file? thanks :)",
            "I want a repo for nginx only, how do I do that? thank you for any help",
        ] {
            let d = c.say(&alice(), text);
            assert!(credited(&d).is_empty(), "{text}");
            assert_eq!(ignored_rule(&d), Some("thanks.anticipatory"), "{text}");
            assert!(has(&d, EntryKind::Request), "{text}");
            assert!(!d.remembered.flags.thanks, "{text}");
        }
    }

    #[test]
    fn thanks_then_question_is_gratitude() {
        let mut c = Chan::new();
        let d = c.say_to(&alice(), &bob(), "thanks, can i do it without rebooting?");
        assert_eq!(credited(&d), vec![2]);
        assert!(has(&d, EntryKind::Request));
    }

    #[test]
    fn no_thanks_is_declining() {
        let mut c = Chan::new();
        c.say_to(&bob(), &alice(), "want me to paste the whole log?");
        for text in ["no thanks", "No, thank you.", "nah thanks, I'm good"] {
            let d = c.say(&alice(), text);
            assert!(credited(&d).is_empty(), "{text}");
            assert_eq!(ignored_rule(&d), Some("thanks.declining"), "{text}");
        }
    }

    #[test]
    fn thank_god_is_exclamation() {
        let mut c = Chan::new();
        c.say_to(&bob(), &alice(), "it booted?");
        for text in [
            "thank god for the line-in",
            "Thank goodness that worked",
            "thanks god",
            "dieu merci",
        ] {
            let d = c.say(&alice(), text);
            assert!(credited(&d).is_empty(), "{text}");
            assert_eq!(ignored_rule(&d), Some("thanks.exclamation"), "{text}");
        }
    }

    #[test]
    fn thanks_to_a_bot() {
        let mut c = Chan::new();
        let helpbot = bot(50, "ubottu");
        let d = c.say_to(&alice(), &helpbot, "thanks i'll run that");
        assert!(credited(&d).is_empty());
        assert_eq!(ignored_rule(&d), Some("thanks.to_bot"));
        assert_eq!(d.signals[0].member, 50);
    }

    #[test]
    fn thanks_to_a_group() {
        let mut c = Chan::new();
        c.say_to(&bob(), &alice(), "use the alternate cd");
        for text in [
            "thanks all",
            "thanks everyone!",
            "ok guys, thanks",
            "thank you all, see you",
            "thanks, you guys rock",
        ] {
            let d = c.say(&alice(), text);
            assert!(credited(&d).is_empty(), "{text}");
            assert_eq!(ignored_rule(&d), Some("thanks.to_group"), "{text}");
        }
        // A group word plus a named person credits the person.
        let d = c.say(&alice(), "thanks guys, esp bob2");
        assert_eq!(credited(&d), vec![2]);
    }

    #[test]
    fn talking_about_thanking() {
        let mut c = Chan::new();
        c.say_to(&bob(), &alice(), "use the alternate cd");
        for text in [
            "you should thank him, not me",
            "don't forget to say thanks when it works",
            "people never say thanks in here",
            "thanks to ubuntu my laptop finally sleeps",
            "thanks for nothing",
        ] {
            let d = c.say(&alice(), text);
            assert!(credited(&d).is_empty(), "{text}");
            assert!(ignored_rule(&d).is_some(), "{text}");
        }
        // performative: "I'd like to thank bob2"
        assert_eq!(
            credited(&c.say(&alice(), "I'd like to thank bob2 for the fix")),
            vec![2]
        );
    }

    #[test]
    fn self_thanks_is_ignored() {
        let mut c = Chan::new();
        let d = c.say_to(&alice(), &alice(), "thanks me, I fixed it myself");
        assert!(credited(&d).is_empty());
        assert_eq!(ignored_rule(&d), Some("thanks.self"));
        let mine = c.say(&alice(), "the fix is to reinstall grub");
        let mut m = c.msg(&alice(), "thank you");
        m.reply_to = Some(mine.remembered.id);
        let d = c.send_msg(m);
        assert_eq!(ignored_rule(&d), Some("thanks.self"));
    }

    #[test]
    fn thanks_in_each_language() {
        for text in [
            "danke schön",
            "vielen Dank!",
            "merci beaucoup",
            "muchas gracias",
            "obrigado",
            "obrigada!",
            "grazie mille",
            "bedankt",
            "dank je wel",
            "dziękuję",
            "dzięki",
            "спасибо",
            "большое спасибо!",
            "teşekkürler",
            "çok teşekkür ederim",
            "🙏",
            "thaaanks",
        ] {
            let mut c = Chan::new();
            let d = c.say_to(&alice(), &bob(), text);
            assert_eq!(credited(&d), vec![2], "{text}");
        }
    }

    #[test]
    fn guild_can_add_and_remove_thank_words() {
        let mut c = Chan::new();
        c.settings.extra_thank_words = vec!["mahalo".into()];
        c.settings.removed_thank_words = vec!["Cheers".into()];
        assert_eq!(credited(&c.say_to(&alice(), &bob(), "mahalo")), vec![2]);
        assert!(c
            .say_to(&alice(), &bob(), "cheers")
            .signals
            .iter()
            .all(|s| s.kind != EntryKind::Thanks));
    }

    // ---- requests -----------------------------------------------------------

    #[test]
    fn requests_and_non_requests() {
        let mut c = Chan::new();
        for text in [
            "can someone help me with my wifi",
            "anyone know why my eth0 is disabled after reboot",
            "how do I change directories in the terminal",
            "what gstreamer plugin do I need for avi",
            "is there a way to undelete files on ext3?",
            "please review my PR",
            "Does ubuntu ship with mplayer?",
            "i have a quick question",
        ] {
            let d = c.say(&person(20, "asker"), text);
            assert!(has(&d, EntryKind::Request), "should be a request: {text}");
            assert!(d.remembered.flags.request, "{text}");
        }
        for text in [
            "right?",
            "really?",
            "why not?",
            "lol what?",
            "did you try rebooting?",
            "try sudo update-grub, it worked for me",
            "the pattern S??hotplug* matches it",
            "see https://example.com/faq?id=3 for that",
            "I don't need help, just looking around",
            "you set it in /etc/default/grub, right?",
        ] {
            let d = c.say(&person(21, "chatter"), text);
            assert!(
                !has(&d, EntryKind::Request),
                "should not be a request: {text}"
            );
        }
    }

    #[test]
    fn helper_clarifying_question_is_not_a_request() {
        let mut c = Chan::new();
        c.say(&alice(), "how do i get sound working on my laptop?");
        let d = c.say_to(&bob(), &alice(), "what does aplay -l say?");
        assert!(!has(&d, EntryKind::Request));
    }

    #[test]
    fn help_channel_problem_counts_as_request() {
        let mut c = Chan::named("help-linux");
        let d = c.say(&alice(), "my wifi doesn't work after the upgrade");
        assert!(has(&d, EntryKind::Request));
        assert_eq!(
            d.signals
                .iter()
                .find(|s| s.kind == EntryKind::Request)
                .unwrap()
                .rule,
            "request.help_channel"
        );
        let mut c = Chan::named("general");
        let d = c.say(&alice(), "my wifi doesn't work after the upgrade");
        assert!(!has(&d, EntryKind::Request));
    }

    // ---- helpful replies ----------------------------------------------------

    #[test]
    fn helpful_reply_by_mention_reply_and_adjacency() {
        let mut c = Chan::new();
        c.say(&alice(), "how do i list usb devices?");
        let d = c.say_to(&bob(), &alice(), "run lsusb");
        let s = d
            .signals
            .iter()
            .find(|s| s.kind == EntryKind::HelpfulReply)
            .unwrap();
        assert_eq!(
            (s.member, s.counterpart, s.rule),
            (2, Some(1), "helpful.mention")
        );
        assert!(d.remembered.flags.helpful_reply);

        let q = c.say(&carol(), "anyone know how to check disk space?");
        let mut m = c.msg(&bob(), "df -h shows it");
        m.reply_to = Some(q.remembered.id);
        let d = c.send_msg(m);
        let s = d
            .signals
            .iter()
            .find(|s| s.kind == EntryKind::HelpfulReply)
            .unwrap();
        assert_eq!((s.counterpart, s.rule), (Some(3), "helpful.reply_link"));

        c.say(&alice(), "where are apt logs kept?");
        let d = c.say(&bob(), "in /var/log/apt/history.log");
        let s = d
            .signals
            .iter()
            .find(|s| s.kind == EntryKind::HelpfulReply)
            .unwrap();
        assert_eq!((s.counterpart, s.rule), (Some(1), "helpful.adjacent"));
        // an acknowledgement is not an answer
        c.say(&alice(), "where is the grub config?");
        assert!(!has(&c.say(&bob(), "lol"), EntryKind::HelpfulReply));
        // answering your own question is not a helpful reply
        c.say(&alice(), "how do i restart x?");
        assert!(!has(
            &c.say(&alice(), "sudo service gdm restart maybe"),
            EntryKind::HelpfulReply
        ));
    }

    // ---- shares, self-promotion, broadcasts ------------------------------------

    #[test]
    fn share_versus_self_promotion() {
        let mut c = Chan::new();
        let d = c.say(
            &alice(),
            "the wiki explains it: https://help.ubuntu.com/community/Grub2",
        );
        assert!(has(&d, EntryKind::SharedContent));
        assert!(d.remembered.flags.shared_content);
        let mut m = c.msg(&alice(), "");
        m.attachments = 2;
        let d = c.send_msg(m);
        assert_eq!(
            d.signals
                .iter()
                .find(|s| s.kind == EntryKind::SharedContent)
                .unwrap()
                .rule,
            "share.attachment"
        );

        for text in [
            "check out my new video https://youtu.be/abc",
            "please subscribe to my channel",
            "star my repo on github https://github.com/me/thing",
            "upvote my post pls",
            "buy my ebook today",
            "join us at https://discord.gg/abc123",
        ] {
            let d = c.say(&bob(), text);
            assert!(has(&d, EntryKind::SelfPromotion), "{text}");
            assert!(!has(&d, EntryKind::SharedContent), "{text}");
            assert!(d.remembered.flags.self_promotion, "{text}");
        }
        let mut p = Chan::named("self-promo");
        let d = p.say(&bob(), "my thing: https://example.com");
        assert_eq!(
            d.signals
                .iter()
                .find(|s| s.kind == EntryKind::SelfPromotion)
                .unwrap()
                .rule,
            "promo.channel"
        );
        // A link inside a question is part of the ask, not a share.
        let d = c.say(
            &carol(),
            "what does this error mean? http://paste.ubuntu.com/123",
        );
        assert!(has(&d, EntryKind::Request) && !has(&d, EntryKind::SharedContent));
    }

    #[test]
    fn broadcasts_scaled_by_audience() {
        let mut c = Chan::new();
        let s = DetectSettings::default();
        let mut m = c.msg(&alice(), "@everyone can someone help me test my build?");
        m.mentions_everyone = true;
        let d = c.send_msg(m);
        let b = d
            .signals
            .iter()
            .find(|s| s.kind == EntryKind::Broadcast)
            .unwrap();
        assert!(b.ignored.is_none());
        assert_eq!(b.magnitude, s.broadcast_everyone_factor);
        assert!(d.remembered.flags.broadcast);

        let mut m = c.msg(&alice(), "@here anyone around to review?");
        m.mentions_everyone = true;
        let d = c.send_msg(m);
        assert_eq!(
            d.signals
                .iter()
                .find(|s| s.kind == EntryKind::Broadcast)
                .unwrap()
                .magnitude,
            s.broadcast_here_factor
        );

        let mut m = c.msg(&alice(), "<@&77> <@&78> could you look at my PR please");
        m.role_mentions = vec![77, 78];
        let d = c.send_msg(m);
        assert_eq!(
            d.signals
                .iter()
                .find(|s| s.kind == EntryKind::Broadcast)
                .unwrap()
                .magnitude,
            2.0 * s.broadcast_role_factor
        );

        // an announcement without an ask is reported but not costed
        let mut m = c.msg(&alice(), "@everyone the server restarts at 10:00 UTC");
        m.mentions_everyone = true;
        let d = c.send_msg(m);
        let b = d
            .signals
            .iter()
            .find(|s| s.kind == EntryKind::Broadcast)
            .unwrap();
        assert!(b.ignored.is_some());
        assert!(!d.remembered.flags.broadcast);
    }

    // ---- reactions ------------------------------------------------------------

    fn reaction(user: &Person, emoji: &str) -> ReactionIn {
        ReactionIn {
            guild_id: 1,
            channel_id: 2,
            message_id: 1000,
            user: user.clone(),
            emoji: emoji.to_string(),
            at: at(100),
            added: true,
        }
    }

    #[test]
    fn thank_reaction_on_normal_and_thank_you_message() {
        let s = DetectSettings::default();
        let mut c = Chan::new();
        let answer = c.say(&bob(), "run sudo dpkg --configure -a");
        let sig = detect_reaction(&reaction(&alice(), "🙏🏽"), &answer.remembered, &s);
        assert_eq!(sig.len(), 1);
        assert_eq!(
            (sig[0].kind, sig[0].member, sig[0].counterpart),
            (EntryKind::ThankReaction, 2, Some(1))
        );
        // ❤ without the variation selector matches ❤️
        assert_eq!(
            detect_reaction(&reaction(&alice(), "❤"), &answer.remembered, &s).len(),
            1
        );
        // not a thank emoji
        assert!(detect_reaction(&reaction(&alice(), "😂"), &answer.remembered, &s).is_empty());

        let ty = c.say_to(&alice(), &bob(), "thanks!");
        let sig = detect_reaction(&reaction(&carol(), "🙏"), &ty.remembered, &s);
        assert_eq!(sig.len(), 1);
        assert_eq!(
            (sig[0].member, sig[0].counterpart, sig[0].rule),
            (2, Some(3), "reaction.on_thanks")
        );

        // self-reaction and bot reactor are ignored
        let sig = detect_reaction(&reaction(&bob(), "🙏"), &answer.remembered, &s);
        assert!(sig[0].ignored.is_some());
        let sig = detect_reaction(&reaction(&bot(60, "carl"), "🙏"), &answer.remembered, &s);
        assert!(sig[0].ignored.is_some());
    }

    #[test]
    fn reaction_on_shared_content() {
        let s = DetectSettings::default();
        let mut c = Chan::new();
        let share = c.say(&bob(), "nice writeup https://lwn.net/Articles/1/");
        let sig = detect_reaction(&reaction(&alice(), "🔥"), &share.remembered, &s);
        assert_eq!(sig.len(), 1);
        assert_eq!(
            (sig[0].kind, sig[0].member, sig[0].counterpart, sig[0].rule),
            (EntryKind::SharedContent, 2, Some(1), "share.reaction")
        );
        let own = detect_reaction(&reaction(&bob(), "🔥"), &share.remembered, &s);
        assert!(own[0].ignored.is_some());
    }

    // ---- robustness -------------------------------------------------------------

    #[test]
    fn no_panics_on_odd_input() {
        let mut c = Chan::new();
        let huge = "thanks ".repeat(50_000) + &"é".repeat(10_000);
        for text in [
            "",
            " ",
            "?",
            "??!?",
            "@",
            "@ :",
            "<@123> <@&4> <#5> <:e:6>",
            "İstanbul'da teşekkürler İİİ",
            "ǅ ǈ ß ﬁ thank",
            "thanks\u{0}\u{feff}",
            "`thanks` ```code```",
            "https://",
            "www.",
            "👍👍👍🙏🏿",
            huge.as_str(),
        ] {
            let d = c.say(&alice(), text);
            let _ = d;
        }
        let mut m = c.msg(&bob(), "thanks");
        m.reply_to = Some(999_999);
        c.send_msg(m);
        let webhook = MessageIn {
            is_webhook: true,
            ..c.msg(&alice(), "thanks bob2")
        };
        assert!(c.send_msg(webhook).signals.is_empty());
    }

    #[test]
    fn remembered_is_complete() {
        let mut c = Chan::new();
        let mut m = c.msg(&alice(), "@bob2 thanks");
        m.mentions = vec![bob()];
        m.reply_to = Some(5);
        let id = m.id;
        let when = m.at;
        let d = c.send_msg(m);
        let r = &d.remembered;
        assert_eq!(
            (r.id, r.author.id, r.at, r.reply_to, r.mentions.clone()),
            (id, 1, when, Some(5), vec![2])
        );
        assert_eq!(r.thanked, vec![2]);
        assert!(r.addressees.contains(&2));
    }

    #[test]
    fn settings_roundtrip_and_validate() {
        let s = DetectSettings::default();
        assert!(s.validate().is_ok());
        let text = toml::to_string(&s).unwrap();
        let back: DetectSettings = toml::from_str(&text).unwrap();
        assert_eq!(back, s);
        let partial: DetectSettings = toml::from_str("conversation_window_minutes = 5").unwrap();
        assert_eq!(partial.conversation_window_minutes, 5);
        assert_eq!(partial.thank_words, s.thank_words);
        let bad = DetectSettings {
            request_patterns: vec!["(".into()],
            ..DetectSettings::default()
        };
        assert!(bad.validate().is_err());
        // bad patterns are skipped, not fatal
        let mut c = Chan::new();
        c.settings = bad;
        c.say(&alice(), "how do i do this?");
    }
}

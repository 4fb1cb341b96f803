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
//! See [`Detector::detect`] for the order and the submodules for the rules;
//! every signal names its rule and evidence.
//!
//! # Where things are
//! - `lexicon`: the word tables ([`DetectSettings`], defaults from
//!   `config/default.toml`, validation; common words never taken for a nick).
//! - `text`: cleaning, lowercasing, word tokens and nick-sized pieces.
//! - `names`: matching written names to recent speakers; whom a message
//!   addresses; whom the author was just talking with.
//! - `thanks`, `requests`, `helpful`, `promo` (self-promotion, shares,
//!   broadcasts), `reaction`: one concern each.

use std::cell::RefCell;
use std::sync::Arc;

use regex::Regex;

mod helpful;
mod lexicon;
mod names;
mod promo;
mod reaction;
mod requests;
#[cfg(test)]
mod tests;
mod text;
mod thanks;

pub use lexicon::DetectSettings;

use super::message::{
    ChannelContext, MemberId, MessageFlags, MessageIn, Person, ReactionIn, RecentMessage,
};
use super::sieve::SievedRegex;
use super::signal::{Detection, EntryKind, Rule, Signal};
use requests::Request;
use text::{lower_words, pieces, word_tokens, Piece, Text, Tok};
use thanks::{ThankWords, Thanks};

// ---------------------------------------------------------------------------
// Compiled detector
// ---------------------------------------------------------------------------

/// Settings compiled once: word tables and regexes. Cheap to share (`Arc`).
#[derive(Debug)]
pub struct Detector {
    settings: DetectSettings,
    thank_words: ThankWords,
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

/// One case-insensitive regex for a list of patterns; bad patterns are skipped
/// (`DetectSettings::validate` reports them), no patterns is no regex.
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

/// Single words, trimmed and lowercased.
fn words(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Phrases, as lowercased word sequences.
fn phrases(v: &[String]) -> Vec<Vec<String>> {
    v.iter()
        .map(|s| lower_words(s))
        .filter(|p| !p.is_empty())
        .collect()
}

impl Detector {
    pub fn new(settings: &DetectSettings) -> Detector {
        Detector {
            thank_words: ThankWords::new(settings.effective_thank_words()),
            anticipatory: phrases(&settings.anticipatory_phrases),
            declining: words(&settings.declining_words),
            exclamation: words(&settings.exclamation_words),
            group: words(&settings.group_words),
            filler: words(&settings.filler_words),
            rhetorical: phrases(&settings.rhetorical_questions),
            thank_emojis: settings
                .thank_emojis
                .iter()
                .map(|e| reaction::normalize_emoji(e))
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
// One message, analysed
// ---------------------------------------------------------------------------

/// One message as every rule reads it, prepared once by [`Detector::analyse`]
/// and passed by reference.
struct Analysis<'a> {
    msg: &'a MessageIn,
    ctx: &'a ChannelContext,
    /// The message this one replies to, if known.
    replied: Option<&'a RecentMessage>,
    /// The content, truncated (links and pings are looked for here).
    original: &'a str,
    /// URLs and code removed (names are looked for here).
    cleaned: &'a str,
    /// `cleaned`, lowercased (words and phrases are looked for here).
    lower: &'a str,
    /// Byte offset in `cleaned` for each byte of `lower`, when they differ.
    map: Option<&'a [usize]>,
    /// Words of `lower`.
    toks: Vec<Tok<'a>>,
    /// Pieces of `cleaned` that may be nicks.
    pieces: Vec<Piece<'a>>,
    /// Members who spoke recently in the channel, newest first.
    speakers: Vec<&'a Person>,
    /// Other members the text names at addressing positions.
    text_addressees: Vec<&'a Person>,
    /// Links in `original`.
    links: Vec<&'a str>,
    help_channel: bool,
    promo_channel: bool,
}

impl<'a> Analysis<'a> {
    /// The author.
    fn me(&self) -> MemberId {
        self.msg.author.id
    }

    /// Offset in `cleaned` of byte `off` of `lower`.
    fn orig(&self, off: usize) -> usize {
        match self.map {
            None => off,
            Some(m) => m
                .get(off)
                .copied()
                .unwrap_or_else(|| m.last().map_or(0, |l| l + 1)),
        }
    }

    /// Earlier messages of the channel within `window` of this one, newest first.
    fn recent(&self, window: chrono::Duration) -> impl Iterator<Item = &'a RecentMessage> + 'a {
        // A bound to compare with (cheaper than a difference per message).
        let since = self.msg.at - window;
        self.ctx.newest_first().take_while(move |m| m.at >= since)
    }
}

/// Add `id` to `v` unless it is there.
fn push_unique(v: &mut Vec<MemberId>, id: MemberId) {
    if !v.contains(&id) {
        v.push(id);
    }
}

/// A member as shown in evidence: nickname, else account name.
fn who(p: &Person) -> String {
    match &p.nickname {
        Some(n) if !n.is_empty() => n.clone(),
        _ => p.name.clone(),
    }
}

/// What the channel context keeps of a message before anything is detected.
fn remember(msg: &MessageIn) -> RecentMessage {
    RecentMessage {
        id: msg.id,
        author: msg.author.clone(),
        at: msg.at,
        reply_to: msg.reply_to,
        mentions: msg.mentions.iter().map(|p| p.id).collect(),
        addressees: Vec::new(),
        flags: MessageFlags::default(),
        thanked: Vec::new(),
        conversation: None,
    }
}

impl Detector {
    /// Detect the signals of one message.
    ///
    /// `ctx` holds earlier messages of the channel (oldest first), `replied` the
    /// message this one replies to, if known. Never panics; bots, webhooks and
    /// system messages yield no signals (the pipeline skips them anyway).
    ///
    /// Signals come in this order: thanks, self-promotion, request, shared
    /// content (a link or attachment that is neither promotion nor part of a
    /// request), broadcast. Help is not a signal of one message: the
    /// conversation step credits it (`capital::conversation`).
    pub fn detect(
        &self,
        msg: &MessageIn,
        ctx: &ChannelContext,
        replied: Option<&RecentMessage>,
    ) -> Detection {
        let mut d = Detection {
            signals: Vec::new(),
            remembered: remember(msg),
            speech: Default::default(),
        };
        if msg.author.is_bot || msg.is_webhook || msg.is_system {
            return d;
        }
        let text = Text::new(&msg.content, &self.url);
        let a = self.analyse(msg, ctx, replied, &text);
        d.speech = helpful::speech(&a);
        d.speech.aside = helpful::aside(&a);
        add_explicit_addressees(&mut d, &a);
        let request = self.request(&a, self.addresses_requester(&a, &d.remembered.addressees));
        if let Some(thanks) = self.thanks(&a, request.as_ref()) {
            add_thanks(&mut d, thanks);
        }
        for p in &a.text_addressees {
            push_unique(&mut d.remembered.addressees, p.id);
        }
        let promotion = self.self_promotion(&a);
        if let Some(sig) = &promotion {
            d.remembered.flags.self_promotion = true;
            d.signals.push(sig.clone());
        }
        if let Some(r) = &request {
            d.remembered.flags.request = true;
            d.signals.push(request_signal(&a, r));
        }
        if promotion.is_none() && request.is_none() {
            if let Some(sig) = promo::share(&a) {
                d.remembered.flags.shared_content = true;
                d.signals.push(sig);
            }
        }
        if let Some(sig) = self.broadcast(&a, request.is_some() || promotion.is_some()) {
            d.remembered.flags.broadcast = sig.ignored.is_none();
            d.signals.push(sig);
        }
        if request.is_none() && !d.remembered.flags.thanks && promotion.is_none() {
            self.add_helpful_reply(&mut d, &a);
        }
        d
    }

    /// Prepare `msg` for the rules: its text, pieces, the recent speakers and
    /// whom the text names.
    fn analyse<'a>(
        &self,
        msg: &'a MessageIn,
        ctx: &'a ChannelContext,
        replied: Option<&'a RecentMessage>,
        text: &'a Text<'a>,
    ) -> Analysis<'a> {
        let pieces = pieces(&text.cleaned);
        let speakers = names::recent_speakers(ctx, msg);
        let text_addressees = self.addressed_by_name(&pieces, &speakers, msg);
        let channel_is =
            |re: &Option<SievedRegex>| re.as_ref().is_some_and(|r| r.is_match(&msg.channel_name));
        Analysis {
            msg,
            ctx,
            replied,
            original: text.original,
            cleaned: &text.cleaned,
            lower: &text.lower,
            map: text.map.as_deref(),
            toks: word_tokens(&text.lower),
            pieces,
            speakers,
            text_addressees,
            links: self
                .url
                .find_iter(text.original)
                .map(|m| m.as_str())
                .collect(),
            help_channel: channel_is(&self.help_channel),
            promo_channel: channel_is(&self.promo_channel),
        }
    }

    /// Whether the message is aimed at someone with an open request (then a
    /// question in it is a helper clarifying, not an ask), unless its author
    /// has an open request of their own. `explicit`: mentioned or replied-to.
    fn addresses_requester(&self, a: &Analysis, explicit: &[MemberId]) -> bool {
        let window = self.settings.conversation_window();
        let me = a.me();
        let asked = |id: MemberId| {
            a.recent(window)
                .any(|m| m.author.id == id && m.flags.request)
        };
        !asked(me)
            && explicit
                .iter()
                .copied()
                .chain(a.text_addressees.iter().map(|p| p.id))
                .any(asked)
    }

    /// Mark an answer to someone's request (read by later thank-yous). An
    /// answer found by adjacency is a guess, not an address: it is not stored
    /// as an addressee.
    fn add_helpful_reply(&self, d: &mut Detection, a: &Analysis) {
        let has_content = !a.links.is_empty() || a.msg.attachments > 0;
        let Some(answer) = self.answer(a, has_content) else {
            return;
        };
        d.remembered.flags.helpful_reply = true;
        if !answer.adjacent {
            push_unique(&mut d.remembered.addressees, answer.asker);
        }
    }
}

/// Mentioned members and the replied-to author (not the author, not bots).
fn add_explicit_addressees(d: &mut Detection, a: &Analysis) {
    let me = a.me();
    let explicit = a.msg.mentions.iter().chain(a.replied.map(|r| &r.author));
    for p in explicit {
        if p.id != me && !p.is_bot {
            push_unique(&mut d.remembered.addressees, p.id);
        }
    }
}

/// Thanks signals; credited members become thanked and addressees.
fn add_thanks(d: &mut Detection, thanks: Thanks) {
    let r = &mut d.remembered;
    r.flags.thanks = thanks.gratitude;
    for sig in thanks.signals.iter().filter(|s| s.ignored.is_none()) {
        push_unique(&mut r.thanked, sig.member);
        push_unique(&mut r.addressees, sig.member);
    }
    d.signals.extend(thanks.signals);
}

/// The request signal; its evidence names a help channel.
fn request_signal(a: &Analysis, r: &Request) -> Signal {
    let mut ev = r.evidence.clone();
    if a.help_channel && r.rule != Rule::RequestHelpChannel {
        ev = ev.in_help_channel(&a.msg.channel_name);
    }
    Signal::new(EntryKind::Request, a.me(), r.rule, ev.to_string())
}

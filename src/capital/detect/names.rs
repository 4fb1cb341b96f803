//! Names and addressing: which members a message names or is aimed at.
//!
//! Names are only ever matched against members who spoke recently in the
//! channel, never invented. How loosely a written name may match (case,
//! punctuation, `nick|away`, a unique prefix, one typo) depends on where it
//! stands: next to a thank word or in addressing form (`nick:`, `@nick`) it
//! may be loose; elsewhere only distinctive nicks, matched exactly.

use std::borrow::Cow;

use super::lexicon::is_stopword;
use super::text::{alnum_len, alnum_lower, eq_ci, Piece};
use super::Detector;
use crate::capital::message::{ChannelContext, MemberId, MessageIn, Person, RecentMessage};
use crate::capital::reason::{NameHow, Partner};

/// Part of a nick before an away/status suffix: `bob|away`, `sinope[crashed]`.
fn nick_core(s: &str) -> &str {
    let s = s.trim_matches(|c: char| !c.is_alphanumeric());
    match s.find(['|', '[', '{', '^']) {
        Some(i) if i > 0 => &s[..i],
        _ => s,
    }
}

/// Edit distance at most 1 (substitution, insertion, deletion, swap).
fn levenshtein1(a: &[char], b: &[char]) -> bool {
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

/// Looks like a nick rather than an English word: digits, underscores, nick
/// punctuation, or a capital inside.
pub(super) fn nick_like(s: &str) -> bool {
    s.chars().any(|c| {
        c.is_ascii_digit() || matches!(c, '_' | '|' | '[' | ']' | '^' | '`' | '{' | '}' | '\\')
    }) || s.chars().skip(1).any(|c| c.is_uppercase()) && s.chars().any(|c| c.is_lowercase())
}

/// A first word written like a short form of a nick: capitalised, the rest
/// lower case letters, at least four of them ("Harry", not "So" or "HTTP").
fn short_form(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_uppercase())
        && s.chars().count() >= 4
        && cs.all(|c| c.is_lowercase())
}

/// How closely a written name matched a member's name (higher is closer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum NameMatch {
    Typo = 1,
    Prefix = 2,
    Core = 3,
    Normalized = 4,
    Exact = 5,
}

impl NameMatch {
    /// For the evidence: how the name was matched.
    pub fn describe(self) -> NameHow {
        match self {
            NameMatch::Exact => NameHow::Exact,
            NameMatch::Normalized => NameHow::Normalized,
            NameMatch::Core => NameHow::Core,
            NameMatch::Prefix => NameHow::Prefix,
            NameMatch::Typo => NameHow::Typo,
        }
    }
}

/// The first letter or digit of `s`, lower-cased: every match level of
/// [`match_name`] agrees on it, so it rules out most speakers at once.
fn initial(s: &str) -> Option<char> {
    let c = s.chars().find(|c| c.is_alphanumeric())?;
    if c.is_ascii() {
        Some(c.to_ascii_lowercase())
    } else {
        c.to_lowercase().next()
    }
}

/// How `token` (as written) matches the member name `name`, if at all.
/// Prefixes and typos only when `loose`.
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
    if initial(token) != initial(name) {
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

/// The members who spoke in the channel before `msg` (newest first, each once,
/// not its author): the only names a message can be taken to mean.
pub(super) fn recent_speakers<'c>(ctx: &'c ChannelContext, msg: &MessageIn) -> Vec<&'c Person> {
    let mut out: Vec<&'c Person> = Vec::new();
    // A set beside the list: a busy channel's 200 recent messages name up to
    // 128 speakers, and a scan of the list per message was a tenth of the
    // live path's time.
    // Sized for the most it can hold: growing it (seven rehashes on the
    // way to 128) took a fifth of detection's time in the live bench.
    let mut seen = rustc_hash::FxHashSet::with_capacity_and_hasher(
        ChannelContext::CAPACITY.min(256),
        Default::default(),
    );
    let mut last = msg.author.id;
    for m in ctx.newest_first().take(ChannelContext::CAPACITY) {
        let id = m.author.id;
        if id == last || id == msg.author.id || m.at > msg.at {
            continue;
        }
        last = id;
        if !seen.insert(id) {
            continue;
        }
        out.push(&m.author);
        if out.len() >= 128 {
            break;
        }
    }
    out
}

/// A recent speaker named in a message's text.
#[derive(Debug, Clone, Copy)]
pub(super) struct NameHit<'c> {
    pub person: &'c Person,
    pub how: NameMatch,
    /// The name stands next to a thank phrase.
    pub near_thanks: bool,
}

impl Detector {
    /// Resolve one name piece to a unique recent speaker (by account name or
    /// nickname; two speakers matching equally well is no match).
    fn resolve_piece<'c>(
        &self,
        piece: &Piece,
        loose: bool,
        speakers: &[&'c Person],
    ) -> Option<(&'c Person, NameMatch)> {
        let s = &self.settings;
        let matches = |name: &str| {
            match_name(
                piece.name,
                name,
                loose,
                s.min_name_prefix,
                s.name_typo_min_len,
            )
        };
        let mut best: Option<(&'c Person, NameMatch)> = None;
        let mut tie = false;
        let first = initial(piece.name);
        for &p in speakers {
            if initial(&p.name) != first
                && p.nickname.as_deref().is_none_or(|n| initial(n) != first)
            {
                continue;
            }
            let mut lvl = matches(&p.name);
            if let Some(n) = &p.nickname {
                if n != &p.name {
                    lvl = lvl.max(matches(n));
                }
            }
            let Some(l) = lvl else { continue };
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
        if tie {
            None
        } else {
            best
        }
    }

    /// Names written in the text that resolve to recent speakers, with the
    /// match level and whether the name stands next to a thank phrase.
    /// `near` = piece index ranges covered by thank phrases.
    pub(super) fn names_in_text<'c>(
        &self,
        pcs: &[Piece],
        speakers: &[&'c Person],
        msg: &MessageIn,
        near: &[(usize, usize)],
    ) -> Vec<NameHit<'c>> {
        let mut out: Vec<NameHit<'c>> = Vec::new();
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
            // A capitalised first word may be a short form of a recent
            // speaker's nick ("Harry if i was…" to HarryBolles), as IRC
            // users shorten long nicks; a typo there is too weak a sign.
            let first_short = i == 0 && !loose && short_form(pc.name);
            if !(loose || edge) {
                // Elsewhere only distinctive nicks, matched exactly.
                if !nick_like(pc.name) || alnum_len(pc.name) < 3 {
                    continue;
                }
            }
            if self.never_a_name(pc.name) {
                continue;
            }
            if let Some((p, how)) = self.resolve_piece(pc, loose || first_short, speakers) {
                if first_short && how == NameMatch::Typo {
                    continue;
                }
                if p.id == msg.author.id {
                    continue;
                }
                if !out.iter().any(|h| h.person.id == p.id) {
                    out.push(NameHit {
                        person: p,
                        how,
                        near_thanks: is_near,
                    });
                }
            }
        }
        out
    }

    /// Common words, fillers ("man", "again") and group words ("all") are never
    /// taken for a name.
    fn never_a_name(&self, w: &str) -> bool {
        is_stopword(w)
            || self.filler.iter().any(|f| eq_ci(f, w))
            || self.group.iter().any(|g| eq_ci(g, w))
    }

    /// Other members a message is aimed at, from its text (names at addressing
    /// positions), for messages that are not thanks.
    pub(super) fn addressed_by_name<'c>(
        &self,
        pcs: &[Piece],
        speakers: &[&'c Person],
        msg: &MessageIn,
    ) -> Vec<&'c Person> {
        self.names_in_text(pcs, speakers, msg, &[])
            .into_iter()
            .filter(|h| h.person.id != msg.author.id && !h.person.is_bot)
            .map(|h| h.person)
            .collect()
    }

    /// Who the author of `msg` was just talking with, within the conversation
    /// window, and how that was seen: the members who answered them since their
    /// own last message (explicitly addressed answers first, else unaddressed
    /// answers right after their request); else the one member their own last
    /// message was aimed at; else the latest member who addressed them. In
    /// the thread they started, every other member's message counts as
    /// addressed to them. `None` when there is no one.
    pub(super) fn conversation_partners<'c>(
        &self,
        ctx: &'c ChannelContext,
        msg: &MessageIn,
    ) -> Option<(Vec<Cow<'c, Person>>, Partner)> {
        let me = msg.author.id;
        let window = self.settings.conversation_window();
        // In a thread one started, everyone else's message answers them.
        let my_thread = msg
            .thread
            .is_some_and(|t| t.starter.is_none_or(|s| s == me));
        let mut answers = Answers::default();
        let mut seen_own = false;
        // A bound to compare with (cheaper than a difference per message).
        let since = msg.at - window;
        for m in ctx.newest_first() {
            if m.at < since {
                break;
            }
            if m.author.is_bot {
                continue;
            }
            if m.author.id == me {
                if !seen_own {
                    if let Some(found) = answers.since_own_message() {
                        return Some(found);
                    }
                }
                seen_own = true;
                match aimed_at(ctx, m, me) {
                    Aim::One(p) if !p.is_bot => return Some((vec![p], Partner::LastMessageTo)),
                    Aim::Several => return None,
                    _ => {}
                }
                continue;
            }
            if my_thread || addresses(ctx, m, me) {
                if seen_own {
                    return Some((vec![Cow::Borrowed(&m.author)], Partner::LatestExchange));
                }
                answers.add_strong(&m.author);
            } else if !seen_own
                && m.flags.helpful_reply
                && m.addressees.is_empty()
                && adjacent_request_author(ctx, m, self.settings.adjacent_reply_seconds) == Some(me)
            {
                answers.add_weak(&m.author);
            }
        }
        answers.finish()
    }
}

/// Answers to the thanker seen since their own last message: addressed to
/// them (strong), or unaddressed right after their request (weak).
#[derive(Default)]
struct Answers<'c> {
    strong: Vec<Cow<'c, Person>>,
    weak: Vec<Cow<'c, Person>>,
}

impl<'c> Answers<'c> {
    fn add_strong(&mut self, p: &'c Person) {
        if !self.strong.iter().any(|q| q.id == p.id) {
            self.strong.push(Cow::Borrowed(p));
        }
    }

    fn add_weak(&mut self, p: &'c Person) {
        if !self.weak.iter().any(|q| q.id == p.id) {
            self.weak.push(Cow::Borrowed(p));
        }
    }

    /// The answerers, once the thanker's own last message is reached.
    fn since_own_message(&mut self) -> Option<(Vec<Cow<'c, Person>>, Partner)> {
        if !self.strong.is_empty() {
            return Some((std::mem::take(&mut self.strong), Partner::AnsweredSinceLast));
        }
        if !self.weak.is_empty() {
            return Some((std::mem::take(&mut self.weak), Partner::RightAfterRequest));
        }
        None
    }

    /// The answerers, when the window ends before the thanker's own message.
    fn finish(self) -> Option<(Vec<Cow<'c, Person>>, Partner)> {
        if !self.strong.is_empty() {
            return Some((self.strong, Partner::Answered));
        }
        if !self.weak.is_empty() {
            return Some((self.weak, Partner::RightAfterRequest));
        }
        None
    }
}

/// Whom one of the thanker's own messages was aimed at.
enum Aim<'c> {
    Nobody,
    /// One other member, named as they last spoke (or by id if they have not).
    One(Cow<'c, Person>),
    Several,
}

fn aimed_at<'c>(ctx: &'c ChannelContext, m: &RecentMessage, me: MemberId) -> Aim<'c> {
    let mut others: Vec<MemberId> = Vec::new();
    for &a in m.addressees.iter().chain(m.mentions.iter()) {
        if a != me && !others.contains(&a) {
            others.push(a);
        }
    }
    match *others.as_slice() {
        [] => Aim::Nobody,
        [one] => Aim::One(match ctx.newest_first().find(|x| x.author.id == one) {
            Some(x) => Cow::Borrowed(&x.author),
            None => Cow::Owned(Person {
                id: one,
                name: one.to_string(),
                nickname: None,
                is_bot: false,
            }),
        }),
        _ => Aim::Several,
    }
}

/// `m` addresses `me`: mentions them, names them, or replies to their message.
fn addresses(ctx: &ChannelContext, m: &RecentMessage, me: MemberId) -> bool {
    m.mentions.contains(&me)
        || m.addressees.contains(&me)
        || m.reply_to
            .is_some_and(|r| ctx.find(r).is_some_and(|x| x.author.id == me))
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

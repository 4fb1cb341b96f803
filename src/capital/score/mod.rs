//! Scoring: signals become signed ledger entries.
//!
//! Pure: `ScoringMemory::evaluate` reads the memory and returns decisions;
//! `ScoringMemory::record` updates the memory with an entry that was decided.
//! The pipeline calls one after the other for every signal, in time order, so an
//! import and the live bot that saw the same events make the same entries.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::{DateTime, Duration, Utc};
use rustc_hash::FxHashMap;
#[cfg(test)]
use rustc_hash::FxHashSet;
use serde::Serialize;

use super::decay::{days_between, growth, Scales};
use super::message::{ChannelId, MemberId, MessageId};
use super::settings::Settings;
use super::signal::{EntryKind, Signal};
use super::standing::{ask_cost, giver_weight};

/// An entry about to be appended to the ledger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryDraft {
    pub kind: EntryKind,
    pub member: MemberId,
    pub counterpart: Option<MemberId>,
    /// Signed: deposits positive, withdrawals negative.
    pub amount: f64,
    pub at: DateTime<Utc>,
    pub channel_id: Option<ChannelId>,
    pub message_id: Option<MessageId>,
    /// Why: the rule, its evidence and every factor applied.
    pub reason: String,
    /// Processing the same event twice yields the same key: the store writes it once.
    pub idem_key: String,
    /// The entry this one undoes (reversals only).
    pub reverses: Option<i64>,
}

/// A signal that was seen but not credited, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IgnoredSignal {
    pub kind: EntryKind,
    pub member: MemberId,
    pub counterpart: Option<MemberId>,
    pub at: DateTime<Utc>,
    pub message_id: Option<MessageId>,
    pub reason: String,
    /// Detection itself declined it ("thanks in advance"), as opposed to scoring
    /// (cooldown, caps, opted out).
    pub by_detection: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Entry(EntryDraft),
    Ignored(IgnoredSignal),
}

/// Where a signal came from: the basis of idempotency keys and jump links.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub channel_id: Option<ChannelId>,
    pub message_id: Option<MessageId>,
    /// "m:{message}" for messages, "r:{message}:{user}:{emoji}" for reactions,
    /// "k:{interaction}" for kudos.
    pub key: String,
    pub at: DateTime<Utc>,
}

impl Source {
    pub fn message(channel: ChannelId, message: MessageId, at: DateTime<Utc>) -> Self {
        Source {
            channel_id: Some(channel),
            message_id: Some(message),
            key: format!("m:{message}"),
            at,
        }
    }
    pub fn reaction(
        channel: ChannelId,
        message: MessageId,
        user: MemberId,
        emoji: &str,
        at: DateTime<Utc>,
    ) -> Self {
        Source {
            channel_id: Some(channel),
            message_id: Some(message),
            key: format!("r:{message}:{user}:{emoji}"),
            at,
        }
    }
    pub fn kudos(channel: ChannelId, interaction: u64, at: DateTime<Utc>) -> Self {
        Source {
            channel_id: Some(channel),
            message_id: None,
            key: format!("k:{interaction}"),
            at,
        }
    }
}

/// A member's balances as last seen by the scorer (for giver weight).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemberMemory {
    pub recent: f64,
    pub lasting: f64,
    pub at: DateTime<Utc>,
}

/// What scoring remembers of a guild's recent past: enough for cooldowns,
/// diminishing returns, escalation, caps, reciprocity and giver weight.
#[derive(Debug, Clone, Default)]
pub struct ScoringMemory {
    pub members: HashMap<MemberId, MemberMemory>,
    /// Times of credits (thanks, thank reactions, kudos) from giver to receiver.
    pair_credits: FxHashMap<(MemberId, MemberId), VecDeque<DateTime<Utc>>>,
    /// Last helpful reply from helper to asker.
    help: HashMap<(MemberId, MemberId), DateTime<Utc>>,
    asks: HashMap<MemberId, VecDeque<DateTime<Utc>>>,
    kudos_given: HashMap<MemberId, VecDeque<DateTime<Utc>>>,
    /// Last reciprocity bonus paid to an unordered pair.
    reciprocity_paid: HashMap<(MemberId, MemberId), DateTime<Utc>>,
    /// What each shared message has earned so far.
    share_totals: HashMap<MessageId, f64>,
    pub opted_out: HashSet<MemberId>,
    /// Time of each member's first own ledger entry (tenure). The pipeline
    /// fills it from the whole ledger when it rebuilds the memory.
    pub first_own: HashMap<MemberId, DateTime<Utc>>,
    /// Times of credits each member gave (daily giving budget).
    given: HashMap<MemberId, VecDeque<DateTime<Utc>>>,
    /// Who credited whom, with the time of the latest credit (edges of the
    /// credit graph, both ways round for searches from either end).
    out_edges: Edges,
    in_edges: Edges,
    /// When edges older than two group windows were last moved out of
    /// `out_edges`/`in_edges` (once a day): without it the loop search walks
    /// every credit ever given (a 2-year history made it 90 % of an import).
    edges_pruned_at: Option<DateTime<Utc>>,
    /// Every edge moved out had its last credit before this moment.
    pruned_before: Option<DateTime<Utc>>,
    /// The edges moved out, still consulted by a search that looks further
    /// back than `pruned_before` (a signal dated long before others, e.g. a
    /// message's own time next to reactions dated on receipt).
    cold_out: Edges,
    cold_in: Edges,
}

/// Credit edges from (or to) each member, with the time of the latest credit.
type Edges = FxHashMap<MemberId, FxHashMap<MemberId, DateTime<Utc>>>;

/// Note a credit on the edge `from` → `to` of a one-way map.
fn add_edge(edges: &mut Edges, from: MemberId, to: MemberId, at: DateTime<Utc>) {
    let t = edges.entry(from).or_default().entry(to).or_insert(at);
    if at > *t {
        *t = at;
    }
}

/// Amounts too small to ever show (balances are shown to 0.1) become 0:
/// settings that are each valid can multiply to 1e-308, which PostgreSQL
/// refuses to decay ("value out of range: underflow").
pub fn negligible_to_zero(amount: f64) -> f64 {
    if amount.abs() < 1e-9 {
        0.0
    } else {
        amount
    }
}

fn hours(h: f64) -> Duration {
    Duration::milliseconds((h * 3_600_000.0) as i64)
}

fn count_since(q: Option<&VecDeque<DateTime<Utc>>>, since: DateTime<Utc>) -> usize {
    q.map(|q| q.iter().filter(|t| **t > since).count())
        .unwrap_or(0)
}

fn unordered(a: MemberId, b: MemberId) -> (MemberId, MemberId) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// A breadth-first search over fresh credit edges from one member (forwards:
/// whom they credited; backwards: who credited them), grown a level at a time
/// on demand so that a search can stop as soon as it has its answer.
struct Search {
    centre: MemberId,
    forwards: bool,
    /// Steps from the centre of every member reached.
    dist: FxHashMap<MemberId, u32>,
    /// The members reached at `level` steps.
    frontier: Vec<MemberId>,
    level: u32,
}

impl Search {
    fn new(centre: MemberId, forwards: bool) -> Search {
        let mut dist = FxHashMap::default();
        dist.insert(centre, 0);
        Search {
            centre,
            forwards,
            dist,
            frontier: vec![centre],
            level: 0,
        }
    }

    /// Reach one step further, never along `skip`.
    fn expand(&mut self, memory: &ScoringMemory, since: DateTime<Utc>, skip: (MemberId, MemberId)) {
        let level = self.level + 1;
        let mut next = Vec::new();
        for x in std::mem::take(&mut self.frontier) {
            for y in memory.neighbours(x, since, self.forwards) {
                let edge = if self.forwards { (x, y) } else { (y, x) };
                if edge != skip && !self.dist.contains_key(&y) {
                    self.dist.insert(y, level);
                    next.push(y);
                }
            }
        }
        self.frontier = next;
        self.level = level;
    }
}

impl ScoringMemory {
    /// A member's standing at `t` as the scorer knows it.
    pub fn standing_of(&self, member: MemberId, t: DateTime<Utc>, scales: &Scales) -> f64 {
        match self.members.get(&member) {
            None => 0.0,
            Some(m) => {
                let d = days_between(m.at, t).max(0.0);
                scales.standing(
                    m.recent * growth(-d, scales.recent_half_life),
                    m.lasting * growth(-d, scales.lasting_half_life),
                )
            }
        }
    }

    /// How far a giver's word can be trusted, in [newcomer_giver_weight, 1]:
    /// grows with tenure (days since their first own entry) or with standing of
    /// their own, whichever is further along. An account that only ever thanks
    /// (no entry of its own) stays at the newcomer weight.
    pub fn trust_of(&self, member: MemberId, t: DateTime<Utc>, s: &Settings) -> (f64, String) {
        let sc = &s.scoring;
        let tenure = self
            .first_own
            .get(&member)
            .map(|f| days_between(*f, t).max(0.0))
            .unwrap_or(0.0);
        let standing = self.standing_of(member, t, &Scales::from(&s.decay));
        let by_tenure = (tenure / sc.giver_tenure_days).min(1.0);
        let by_history = (standing.max(0.0) / sc.giver_history_scale).min(1.0);
        let f = by_tenure.max(by_history);
        let trust = sc.newcomer_giver_weight + (1.0 - sc.newcomer_giver_weight) * f;
        let why = if self.first_own.contains_key(&member) {
            format!("{tenure:.1} d tenure, standing {standing:.1}")
        } else {
            "no entry of its own yet".to_string()
        };
        (trust, why)
    }

    /// Members who credited `member` after `since`.
    fn givers_of(&self, member: MemberId, since: DateTime<Utc>) -> Vec<MemberId> {
        let mut v: Vec<MemberId> = self.neighbours(member, since, false).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Whom `x` credited (`forwards`) or who credited `x` after `since`
    /// (may repeat a member).
    fn neighbours(
        &self,
        x: MemberId,
        since: DateTime<Utc>,
        forwards: bool,
    ) -> impl Iterator<Item = MemberId> + '_ {
        let (hot, cold) = if forwards {
            (&self.out_edges, &self.cold_out)
        } else {
            (&self.in_edges, &self.cold_in)
        };
        let look_back = self.pruned_before.is_some_and(|p| since < p);
        hot.get(&x)
            .into_iter()
            .flatten()
            .chain(cold.get(&x).filter(|_| look_back).into_iter().flatten())
            .filter(move |(_, t)| **t > since)
            .map(|(y, _)| *y)
    }

    /// The length of the shortest path of fresh credit from `fwd`'s centre to
    /// `to` of at most `depth` steps, never along `skip`, or None. A search
    /// from both ends that always grows the smaller frontier: most members
    /// are credited by few, so the search from `to` ends in a step or two
    /// instead of walking the dense core the centre may sit in. `fwd` is kept
    /// between calls (every target of one credit shares it).
    fn path_len(
        &self,
        fwd: &mut Search,
        to: MemberId,
        depth: u32,
        since: DateTime<Utc>,
        skip: (MemberId, MemberId),
    ) -> Option<u32> {
        if to == fwd.centre {
            return None;
        }
        if let Some(d) = fwd.dist.get(&to) {
            return Some(*d);
        }
        // Nobody credited `to` lately (the usual case): no path.
        self.neighbours(to, since, false).next()?;
        let mut back = Search::new(to, false);
        // No meeting yet means no path of at most fwd.level + back.level steps.
        while fwd.level + back.level < depth {
            if fwd.frontier.is_empty() || back.frontier.is_empty() {
                return None;
            }
            // On a tie grow the target's side: it may end the search at once,
            // while the centre's is shared and tends to be the dense one.
            let (grown, other) = if fwd.frontier.len() < back.frontier.len() {
                fwd.expand(self, since, skip);
                (&*fwd, &back)
            } else {
                back.expand(self, since, skip);
                (&back, &*fwd)
            };
            // The first level where they meet gives the shortest path.
            let shortest = grown
                .frontier
                .iter()
                .filter_map(|x| other.dist.get(x))
                .min()
                .map(|d| d + grown.level);
            if shortest.is_some() {
                return shortest;
            }
        }
        None
    }

    /// Members within `depth` fresh steps of `from` (without it), along credit,
    /// never along `skip`: the definition the searches are tested against.
    #[cfg(test)]
    fn reachable(
        &self,
        from: MemberId,
        depth: u32,
        since: DateTime<Utc>,
        skip: (MemberId, MemberId),
    ) -> FxHashSet<MemberId> {
        let mut s = Search::new(from, true);
        while s.level < depth && !s.frontier.is_empty() {
            s.expand(self, since, skip);
        }
        s.dist.remove(&from);
        s.dist.into_keys().collect()
    }

    /// The definition `closed_group` implements (for the tests): the loop
    /// length from the smallest reach that contains the giver, outside givers
    /// from the whole reach.
    #[cfg(test)]
    fn closed_group_by_full_reach(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        s: &Settings,
    ) -> Option<(u32, usize)> {
        let sc = &s.scoring;
        let since = at - hours(sc.group_window_days * 24.0);
        let depth = sc.group_max_size - 1;
        let skip = (receiver, giver);
        let steps =
            (1..=depth).find(|k| self.reachable(receiver, *k, since, skip).contains(&giver))?;
        let reach = self.reachable(receiver, depth, since, skip);
        let outside = self
            .givers_of(receiver, since)
            .into_iter()
            .filter(|g| *g != giver && !reach.contains(g))
            .count();
        (outside < sc.group_outside_min as usize).then_some((steps + 1, outside))
    }

    /// Credit from `giver` to `receiver` that closes a loop of 3 or more members
    /// (the receiver's credit comes back to the giver through others within
    /// `group_max_size` members), while the receiver has too few givers
    /// outside that loop's reach: (members in the shortest loop, outside
    /// givers) when damped.
    fn closed_group(
        &self,
        giver: MemberId,
        receiver: MemberId,
        at: DateTime<Utc>,
        s: &Settings,
    ) -> Option<(u32, usize)> {
        let sc = &s.scoring;
        let since = at - hours(sc.group_window_days * 24.0);
        let depth = sc.group_max_size - 1;
        let skip = (receiver, giver);
        let mut fwd = Search::new(receiver, true);
        // Enough givers outside the receiver's reach settle it whether or not
        // the credit closes a loop, and givers nobody credits lately are
        // outside at once: ask them first, the loop search last.
        let mut givers: Vec<(usize, MemberId)> = self
            .givers_of(receiver, since)
            .into_iter()
            .filter(|g| *g != giver)
            .map(|g| (self.in_edges.get(&g).map_or(0, |e| e.len()), g))
            .collect();
        givers.sort_unstable();
        let min_outside = sc.group_outside_min as usize;
        let mut outside = 0;
        for (_, g) in givers {
            if self.path_len(&mut fwd, g, depth, since, skip).is_none() {
                outside += 1;
                if outside >= min_outside {
                    return None;
                }
            }
        }
        let steps = self.path_len(&mut fwd, giver, depth, since, skip)?;
        (outside < min_outside).then_some((steps + 1, outside))
    }

    /// Asks made by `member` in the escalation window before `t`.
    pub fn asks_in_window(&self, member: MemberId, t: DateTime<Utc>, s: &Settings) -> u32 {
        count_since(
            self.asks.get(&member),
            t - hours(s.scoring.escalation_window_hours),
        ) as u32
    }

    /// Kudos given by `member` in the 24 hours before `t`, and when the oldest of them expires.
    pub fn kudos_in_day(&self, member: MemberId, t: DateTime<Utc>) -> (u32, Option<DateTime<Utc>>) {
        let since = t - Duration::hours(24);
        let q = self.kudos_given.get(&member);
        let n = count_since(q, since) as u32;
        let oldest = q.and_then(|q| q.iter().find(|x| **x > since).copied());
        (n, oldest.map(|o| o + Duration::hours(24)))
    }

    /// Decide what a signal is worth. Does not change the memory.
    pub fn evaluate(&self, sig: &Signal, src: &Source, s: &Settings) -> Vec<Decision> {
        let at = src.at;
        let ignore = |reason: String| {
            vec![Decision::Ignored(IgnoredSignal {
                kind: sig.kind,
                member: sig.member,
                counterpart: sig.counterpart,
                at,
                message_id: src.message_id,
                reason,
                by_detection: sig.ignored.is_some(),
            })]
        };
        if let Some(why) = &sig.ignored {
            return ignore(why.clone());
        }
        if self.opted_out.contains(&sig.member) {
            return ignore("member opted out of tracking".into());
        }
        if let Some(c) = sig.counterpart {
            if self.opted_out.contains(&c) {
                return ignore("counterpart opted out of tracking".into());
            }
            if c == sig.member && sig.kind != EntryKind::Adjustment {
                return ignore(format!(
                    "self-{}",
                    if sig.kind == EntryKind::Kudos {
                        "kudos"
                    } else {
                        "credit"
                    }
                ));
            }
        }
        let sc = &s.scoring;
        let scales = Scales::from(&s.decay);
        let entry = |kind: EntryKind,
                     member: MemberId,
                     counterpart: Option<MemberId>,
                     amount: f64,
                     reason: String| {
            let idem_key = if kind == sig.kind {
                format!("{}:{}:{}", src.key, kind.as_str(), member)
            } else {
                format!(
                    "{}:{}:{}:{}",
                    src.key,
                    sig.kind.as_str(),
                    kind.as_str(),
                    member
                )
            };
            Decision::Entry(EntryDraft {
                kind,
                member,
                counterpart,
                amount: negligible_to_zero(amount),
                at,
                channel_id: src.channel_id,
                message_id: src.message_id,
                reason,
                idem_key,
                reverses: None,
            })
        };
        let base_reason = format!("{} ({})", sig.rule, sig.evidence);
        match sig.kind {
            EntryKind::Thanks | EntryKind::ThankReaction | EntryKind::Kudos => {
                let Some(giver) = sig.counterpart else {
                    return ignore("no giver".into());
                };
                let receiver = sig.member;
                let mut notes = Vec::new();
                if sig.kind == EntryKind::Kudos {
                    let (n, _) = self.kudos_in_day(giver, at);
                    if n >= sc.kudos_daily_cap {
                        return ignore(format!(
                            "daily kudos cap reached ({} in 24 h)",
                            sc.kudos_daily_cap
                        ));
                    }
                } else {
                    let last = self
                        .pair_credits
                        .get(&(giver, receiver))
                        .and_then(|q| q.back());
                    if let Some(last) = last {
                        if at - *last < hours(sc.pair_cooldown_minutes / 60.0) && at >= *last {
                            return ignore(format!(
                                "cooldown: this pair was credited {} min ago",
                                (at - *last).num_minutes()
                            ));
                        }
                    }
                }
                // Evidence of help: the receiver answered the giver's request.
                let helped = self
                    .help
                    .get(&(receiver, giver))
                    .is_some_and(|t| at - *t <= hours(sc.help_window_hours) && *t <= at);
                // Help went both ways recently: mutual help is not a repeat to damp.
                let mutual_help = helped
                    && self.help.get(&(giver, receiver)).is_some_and(|t| {
                        at - *t <= hours(sc.reciprocity_window_days * 24.0) && *t <= at
                    });
                let prior = count_since(
                    self.pair_credits.get(&(giver, receiver)),
                    at - hours(sc.pair_window_days * 24.0),
                );
                let mut factor = 1.0;
                if prior > 0 && !mutual_help {
                    let d = if helped {
                        sc.pair_decay_helped
                    } else {
                        sc.pair_decay
                    };
                    let f = d.powi(prior.min(1000) as i32);
                    factor *= f;
                    notes.push(format!("repeat #{} for this pair ×{f:.3}", prior + 1));
                } else if prior > 0 {
                    notes.push(format!(
                        "repeat #{} for this pair, not damped: help went both ways",
                        prior + 1
                    ));
                }
                let giver_standing = self.standing_of(giver, at, &scales);
                let w = giver_weight(giver_standing, sc);
                notes.push(format!("giver weight ×{w:.2}"));
                let (mut trust, trust_why) = self.trust_of(giver, at, s);
                if helped && trust < sc.helped_giver_trust {
                    // A newcomer thanking for an answer to the question they paid
                    // for is the heart of a help channel: their word counts.
                    trust = sc.helped_giver_trust;
                }
                if trust < 1.0 {
                    factor *= trust;
                    notes.push(format!("new giver ({trust_why}) ×{trust:.2}"));
                }
                let given = count_since(self.given.get(&giver), at - Duration::hours(24)) as u32;
                if given >= sc.giver_daily_budget {
                    let f = sc
                        .giver_budget_decay
                        .powi((given + 1 - sc.giver_daily_budget).min(1000) as i32);
                    factor *= f;
                    notes.push(format!(
                        "giver's credit #{} in 24 h, over the budget of {} ×{f:.3}",
                        given + 1,
                        sc.giver_daily_budget
                    ));
                }
                if let Some((members, outside)) = self.closed_group(giver, receiver, at, s) {
                    factor *= sc.group_factor;
                    notes.push(format!(
                        "closed group: credit comes back to the giver through others (a loop of {members} members), {outside} outside giver(s) in {} d ×{}",
                        sc.group_window_days, sc.group_factor
                    ));
                }
                let base = match sig.kind {
                    EntryKind::Thanks => sc.thanks,
                    EntryKind::ThankReaction => sc.thank_reaction,
                    _ => sc.kudos,
                };
                let mut amount = base * w * factor;
                if helped {
                    if sig.kind == EntryKind::Thanks {
                        let bonus = sc.answer_bonus * w * factor;
                        amount += bonus;
                        notes.push(format!("answer bonus +{bonus:.2}"));
                    } else {
                        notes.push("follows help".into());
                    }
                } else if sc.unverified_thanks_factor != 1.0 {
                    amount *= sc.unverified_thanks_factor;
                    notes.push(format!(
                        "no help by the receiver to the giver seen in {} h ×{}",
                        sc.help_window_hours, sc.unverified_thanks_factor
                    ));
                }
                let mut out = vec![entry(
                    sig.kind,
                    receiver,
                    Some(giver),
                    amount,
                    format!("{base_reason}; {}", notes.join(", ")),
                )];
                // Mutual exchange: the other one credited this giver recently.
                let window = at - hours(sc.reciprocity_window_days * 24.0);
                let mutual = count_since(self.pair_credits.get(&(receiver, giver)), window) > 0;
                let paid = self
                    .reciprocity_paid
                    .get(&unordered(giver, receiver))
                    .is_some_and(|t| *t > window);
                if mutual && !paid && sc.reciprocity_bonus > 0.0 && sig.kind != EntryKind::Kudos {
                    // A share of what this credit earned, so every damping above carries over.
                    let bonus = sc.reciprocity_bonus * amount;
                    for (m, c) in [(receiver, giver), (giver, receiver)] {
                        out.push(entry(
                            EntryKind::Reciprocity,
                            m,
                            Some(c),
                            bonus,
                            format!(
                                "mutual exchange with {c}: both gain +{bonus:.2} ({} of the credit)",
                                sc.reciprocity_bonus
                            ),
                        ));
                    }
                }
                out
            }
            EntryKind::HelpfulReply => {
                let Some(asker) = sig.counterpart else {
                    return ignore("no asker".into());
                };
                if let Some(t) = self.help.get(&(sig.member, asker)) {
                    if at - *t < hours(sc.pair_cooldown_minutes / 60.0) && *t <= at {
                        return ignore(
                            "cooldown: already credited for helping this member just now".into(),
                        );
                    }
                }
                // Answering a real request from a newcomer is help; the trust
                // floor keeps throwaway askers from being worth as much as members.
                let (trust, why) = self.trust_of(asker, at, s);
                let trust = trust.max(sc.helped_giver_trust);
                let reason = if trust < 1.0 {
                    format!("{base_reason}; asker is new ({why}) ×{trust:.2}")
                } else {
                    base_reason
                };
                vec![entry(
                    sig.kind,
                    sig.member,
                    Some(asker),
                    sc.helpful_reply * trust,
                    reason,
                )]
            }
            EntryKind::SharedContent => {
                let so_far = src
                    .message_id
                    .and_then(|m| self.share_totals.get(&m))
                    .copied()
                    .unwrap_or(0.0);
                let want = if sig.counterpart.is_some() {
                    sc.share_per_reactor
                } else {
                    sc.shared_content
                };
                let amount = want.min(sc.share_cap - so_far);
                if amount <= 0.0 {
                    return ignore(format!("share cap reached ({})", sc.share_cap));
                }
                vec![entry(
                    sig.kind,
                    sig.member,
                    sig.counterpart,
                    amount,
                    base_reason,
                )]
            }
            EntryKind::Request => {
                let k = self.asks_in_window(sig.member, at, s) + 1;
                let cost = ask_cost(k, sc);
                vec![entry(
                    sig.kind,
                    sig.member,
                    None,
                    -cost,
                    format!(
                        "{base_reason}; ask #{k} in {} h",
                        sc.escalation_window_hours
                    ),
                )]
            }
            EntryKind::SelfPromotion => vec![entry(
                sig.kind,
                sig.member,
                None,
                -sc.self_promotion,
                base_reason,
            )],
            EntryKind::Broadcast => {
                let m = sig.magnitude.clamp(0.0, 100.0);
                vec![entry(
                    sig.kind,
                    sig.member,
                    None,
                    -sc.broadcast * m,
                    format!("{base_reason}; audience ×{m}"),
                )]
            }
            EntryKind::Adjustment => {
                vec![entry(
                    sig.kind,
                    sig.member,
                    sig.counterpart,
                    sig.magnitude,
                    sig.evidence.clone(),
                )]
            }
            EntryKind::Reciprocity | EntryKind::Reversal => {
                ignore("not a detectable signal".into())
            }
        }
    }

    /// Remember an entry that was written (or would be, in a dry run).
    /// Move credit edges whose last credit is older than two group windows
    /// before `at` out of the hot maps (at most once a day). A search only
    /// needs edges fresher than one window before the credit it scores, so it
    /// looks at the moved ones only when it reaches back before
    /// `pruned_before`: the results are the same as without pruning.
    fn prune_edges(&mut self, at: DateTime<Utc>, window: Duration) {
        if self
            .edges_pruned_at
            .is_some_and(|t| at - t < Duration::days(1))
        {
            return;
        }
        self.edges_pruned_at = Some(at);
        let cutoff = at - window - window;
        if self.pruned_before.is_some_and(|p| p >= cutoff) {
            return;
        }
        let mut moved = Vec::new();
        self.out_edges.retain(|from, tos| {
            tos.retain(|to, t| {
                let old = *t < cutoff;
                if old {
                    moved.push((*from, *to, *t));
                }
                !old
            });
            !tos.is_empty()
        });
        for (from, to, t) in moved {
            if let Some(froms) = self.in_edges.get_mut(&to) {
                froms.remove(&from);
                if froms.is_empty() {
                    self.in_edges.remove(&to);
                }
            }
            add_edge(&mut self.cold_out, from, to, t);
            add_edge(&mut self.cold_in, to, from, t);
        }
        self.pruned_before = Some(cutoff);
    }

    pub fn record(&mut self, e: &EntryDraft, s: &Settings) {
        let scales = Scales::from(&s.decay);
        let sc = &s.scoring;
        let m = self.members.entry(e.member).or_insert(MemberMemory {
            recent: 0.0,
            lasting: 0.0,
            at: e.at,
        });
        if e.at > m.at {
            let d = days_between(m.at, e.at);
            m.recent *= growth(-d, scales.recent_half_life);
            m.lasting *= growth(-d, scales.lasting_half_life);
            m.at = e.at;
        }
        // An entry dated before the memory's moment (a reversal dated like
        // its original, a message older than the last reaction) has decayed
        // since: add what is left of it, as the ledger's balance does.
        let d = days_between(e.at, m.at).max(0.0);
        m.recent += e.amount * growth(-d, scales.recent_half_life);
        m.lasting += e.amount * growth(-d, scales.lasting_half_life);
        let first = self.first_own.entry(e.member).or_insert(e.at);
        if e.at < *first {
            *first = e.at;
        }
        let keep = |q: &mut VecDeque<DateTime<Utc>>, at: DateTime<Utc>, window: Duration| {
            q.push_back(at);
            while q.front().is_some_and(|t| at - *t > window) {
                q.pop_front();
            }
        };
        match e.kind {
            EntryKind::Thanks | EntryKind::ThankReaction | EntryKind::Kudos => {
                if let Some(g) = e.counterpart {
                    let window = hours(
                        sc.pair_window_days
                            .max(sc.reciprocity_window_days)
                            .max(sc.group_window_days)
                            * 24.0,
                    );
                    keep(
                        self.pair_credits.entry((g, e.member)).or_default(),
                        e.at,
                        window,
                    );
                    keep(self.given.entry(g).or_default(), e.at, Duration::hours(24));
                    add_edge(&mut self.out_edges, g, e.member, e.at);
                    add_edge(&mut self.in_edges, e.member, g, e.at);
                    self.prune_edges(e.at, hours(sc.group_window_days * 24.0));
                    if e.kind == EntryKind::Kudos {
                        keep(
                            self.kudos_given.entry(g).or_default(),
                            e.at,
                            Duration::hours(24),
                        );
                    }
                }
            }
            EntryKind::HelpfulReply => {
                if let Some(a) = e.counterpart {
                    self.help.insert((e.member, a), e.at);
                }
            }
            EntryKind::Request => {
                keep(
                    self.asks.entry(e.member).or_default(),
                    e.at,
                    hours(sc.escalation_window_hours),
                );
            }
            EntryKind::Reciprocity => {
                if let Some(c) = e.counterpart {
                    self.reciprocity_paid.insert(unordered(e.member, c), e.at);
                }
            }
            EntryKind::SharedContent => {
                if let Some(msg) = e.message_id {
                    *self.share_totals.entry(msg).or_default() += e.amount;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The two-ended loop search agrees with the full reach on random credit
    /// graphs (fresh and stale edges, every depth, with a skipped edge): same
    /// damping, same outside givers, same shortest loop.
    #[test]
    fn loop_search_agrees_with_the_full_reach() {
        let t0 = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let (mut damped, mut longest) = (0, 0);
        for case in 0..400 {
            let members = 3 + next(12);
            let edges = next(members * 3);
            let mut m = ScoringMemory::default();
            for _ in 0..edges {
                let (a, b) = (next(members), next(members));
                if a == b {
                    continue;
                }
                let at = t0 + Duration::days(next(30) as i64);
                add_edge(&mut m.out_edges, a, b, at);
                add_edge(&mut m.in_edges, b, a, at);
            }
            let since = t0 + Duration::days(next(20) as i64);
            let mut settings = crate::config::default_settings();
            settings.scoring.group_window_days = next(30) as f64 + 1.0;
            settings.scoring.group_max_size = 2 + next(5) as u32;
            settings.scoring.group_outside_min = next(4) as u32;
            let at = t0 + Duration::days(next(40) as i64);
            for giver in 0..members {
                for receiver in 0..members {
                    if giver != receiver {
                        let fast = m.closed_group(giver, receiver, at, &settings);
                        assert_eq!(
                            fast,
                            m.closed_group_by_full_reach(giver, receiver, at, &settings),
                            "case {case}: {giver}->{receiver}"
                        );
                        damped += fast.is_some() as u32;
                    }
                }
            }
            for depth in 0..6 {
                for from in 0..members {
                    // One forward search shared by every target, as in scoring.
                    let skip = (from, next(members));
                    let mut fwd = Search::new(from, true);
                    for k in 0..members {
                        let to = (k + from) % members;
                        let shortest = (1..=depth).find(|d| {
                            to != from && m.reachable(from, *d, since, skip).contains(&to)
                        });
                        let fast = m.path_len(&mut fwd, to, depth, since, skip);
                        assert_eq!(shortest, fast, "case {case}: {from}->{to} depth {depth}");
                        longest = longest.max(fast.unwrap_or(0));
                    }
                }
            }
        }
        // The graphs exercise the cases that matter.
        assert!(damped > 100, "{damped} damped credits");
        assert_eq!(longest, 5, "longest shortest path");
    }
}

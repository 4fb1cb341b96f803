//! What scoring remembers of a guild's recent past, how an entry updates it
//! (`record`), and what the rules read back from it.
//!
//! Everything here is kept only as long as some rule looks back: credit pairs
//! for the longest of the pair, reciprocity and group windows, asks for the
//! escalation window, gifts and kudos for a day.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::{DateTime, Duration, Utc};
use rustc_hash::FxHashMap;

use super::closed_group::CreditGraph;
use super::vesting::{is_vested, Vesting};
use super::EntryDraft;
use crate::capital::decay::{days_between, growth, Scales};
use crate::capital::message::{MemberId, MessageId};
use crate::capital::reason::Trust;
use crate::capital::settings::{ScoringSettings, Settings};
use crate::capital::signal::EntryKind;

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
    pub(super) pair_credits: FxHashMap<(MemberId, MemberId), VecDeque<DateTime<Utc>>>,
    /// Last help credited from helper to asker.
    pub(super) help: HashMap<(MemberId, MemberId), DateTime<Utc>>,
    /// Times help from helper to asker was credited (repeats within the pair
    /// window are damped unless help goes both ways).
    pub(super) help_given: FxHashMap<(MemberId, MemberId), VecDeque<DateTime<Utc>>>,
    pub(super) asks: HashMap<MemberId, VecDeque<DateTime<Utc>>>,
    /// When each member was last credited for helping (see
    /// `EntryKind::is_credit_for_giving`; the vesting of a held credit is
    /// not help of its own): escalation counts only the asks made since, so
    /// that it sinks those who ask again and again without helping, not
    /// helpers who also ask now and then.
    pub(super) last_gave: HashMap<MemberId, DateTime<Utc>>,
    pub(super) kudos_given: HashMap<MemberId, VecDeque<DateTime<Utc>>>,
    /// Last reciprocity bonus paid to an unordered pair.
    pub(super) reciprocity_paid: HashMap<(MemberId, MemberId), DateTime<Utc>>,
    /// What each shared message has earned so far.
    pub(super) share_totals: HashMap<MessageId, f64>,
    pub opted_out: HashSet<MemberId>,
    /// Members the guild's `[exclude]` settings cover: nothing is written
    /// for them (what they give others still counts).
    pub excluded: HashSet<MemberId>,
    /// Time of each member's first own ledger entry (tenure). The pipeline
    /// fills it from the whole ledger when it rebuilds the memory.
    pub first_own: HashMap<MemberId, DateTime<Utc>>,
    /// Times of credits each member gave (daily giving budget).
    pub(super) given: HashMap<MemberId, VecDeque<DateTime<Utc>>>,
    /// Who credited whom lately: where closed groups are looked for.
    pub(super) graph: CreditGraph,
    /// Credit held until a new account shows a life of its own.
    pub(super) vesting: Vesting,
}

/// A duration of `h` hours (fractions kept to the millisecond).
pub(super) fn hours(h: f64) -> Duration {
    Duration::milliseconds((h * 3_600_000.0) as i64)
}

/// How many of the times in `q` are after `since`.
pub(super) fn count_since(q: Option<&VecDeque<DateTime<Utc>>>, since: DateTime<Utc>) -> usize {
    q.map(|q| q.iter().filter(|t| **t > since).count())
        .unwrap_or(0)
}

/// A pair in a fixed order, for what belongs to both of them.
pub(super) fn unordered(a: MemberId, b: MemberId) -> (MemberId, MemberId) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// Append `at` to a time queue and drop the times more than `window` before it.
fn keep(q: &mut VecDeque<DateTime<Utc>>, at: DateTime<Utc>, window: Duration) {
    q.push_back(at);
    while q.front().is_some_and(|t| at - *t > window) {
        q.pop_front();
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
    pub fn trust_of(&self, member: MemberId, t: DateTime<Utc>, s: &Settings) -> (f64, Trust) {
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
            Trust::Tenure { tenure, standing }
        } else {
            Trust::NoEntryYet
        };
        (trust, why)
    }

    /// Asks made by `member` in the escalation window before `t`, and since
    /// they were last credited for giving (see `last_gave`).
    pub fn asks_in_window(&self, member: MemberId, t: DateTime<Utc>, s: &Settings) -> u32 {
        self.escalating_asks(member, t, s).0
    }

    /// The asks that escalate the next one (see `asks_in_window`), and
    /// whether help given in the window left earlier asks out.
    pub(super) fn escalating_asks(
        &self,
        member: MemberId,
        t: DateTime<Utc>,
        s: &Settings,
    ) -> (u32, bool) {
        let window = t - hours(s.scoring.escalation_window_hours);
        let asks = self.asks.get(&member);
        let all = count_since(asks, window) as u32;
        match self.last_gave.get(&member) {
            Some(g) if *g > window && *g <= t => {
                let since = count_since(asks, *g) as u32;
                (since, since < all)
            }
            _ => (all, false),
        }
    }

    /// Kudos given by `member` in the 24 hours before `t`, and when the oldest of them expires.
    pub fn kudos_in_day(&self, member: MemberId, t: DateTime<Utc>) -> (u32, Option<DateTime<Utc>>) {
        let since = t - Duration::hours(24);
        let q = self.kudos_given.get(&member);
        let n = count_since(q, since) as u32;
        let oldest = q.and_then(|q| q.iter().find(|x| **x > since).copied());
        (n, oldest.map(|o| o + Duration::hours(24)))
    }

    /// Remember an entry that was written (or would be, in a dry run).
    pub fn record(&mut self, e: &EntryDraft, s: &Settings) {
        self.remember_balance(e, &Scales::from(&s.decay));
        let first = self.first_own.entry(e.member).or_insert(e.at);
        if e.at < *first {
            *first = e.at;
        }
        let sc = &s.scoring;
        self.vesting.record(e, sc);
        if is_vested(&e.idem_key) {
            // The rest of a credit already remembered: only the balance moves.
            return;
        }
        if e.amount > 0.0 && e.kind.is_credit_for_giving() {
            let last = self.last_gave.entry(e.member).or_insert(e.at);
            if e.at > *last {
                *last = e.at;
            }
        }
        match e.kind {
            EntryKind::Thanks
            | EntryKind::ThankReaction
            | EntryKind::Kudos
            | EntryKind::Solution => {
                if let Some(giver) = e.counterpart {
                    self.remember_credit(giver, e, sc);
                }
            }
            EntryKind::HelpfulReply => {
                if let Some(asker) = e.counterpart {
                    self.help.insert((e.member, asker), e.at);
                    keep(
                        self.help_given.entry((e.member, asker)).or_default(),
                        e.at,
                        hours(sc.pair_window_days.max(sc.reciprocity_window_days) * 24.0),
                    );
                }
            }
            EntryKind::Request => keep(
                self.asks.entry(e.member).or_default(),
                e.at,
                hours(sc.escalation_window_hours),
            ),
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

    /// Bring the member's balances to the entry's moment and add the entry.
    fn remember_balance(&mut self, e: &EntryDraft, scales: &Scales) {
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
    }

    /// A credit from `giver` to the entry's member: the pair's history, the
    /// giver's daily gifts (and kudos), and an edge of the credit graph.
    fn remember_credit(&mut self, giver: MemberId, e: &EntryDraft, sc: &ScoringSettings) {
        let window = hours(
            sc.pair_window_days
                .max(sc.reciprocity_window_days)
                .max(sc.group_window_days)
                * 24.0,
        );
        keep(
            self.pair_credits.entry((giver, e.member)).or_default(),
            e.at,
            window,
        );
        if e.kind != EntryKind::Solution {
            keep(
                self.given.entry(giver).or_default(),
                e.at,
                Duration::hours(24),
            );
        }
        self.graph
            .record(giver, e.member, e.at, hours(sc.group_window_days * 24.0));
        if e.kind == EntryKind::Kudos {
            keep(
                self.kudos_given.entry(giver).or_default(),
                e.at,
                Duration::hours(24),
            );
        }
    }
}

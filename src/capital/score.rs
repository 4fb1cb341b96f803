//! Scoring: signals become signed ledger entries.
//!
//! Pure: `ScoringMemory::evaluate` reads the memory and returns decisions;
//! `ScoringMemory::record` updates the memory with an entry that was decided.
//! The pipeline calls one after the other for every signal, in time order, so an
//! import and the live bot that saw the same events make the same entries.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::{DateTime, Duration, Utc};
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
    pair_credits: HashMap<(MemberId, MemberId), VecDeque<DateTime<Utc>>>,
    /// Last helpful reply from helper to asker.
    help: HashMap<(MemberId, MemberId), DateTime<Utc>>,
    asks: HashMap<MemberId, VecDeque<DateTime<Utc>>>,
    kudos_given: HashMap<MemberId, VecDeque<DateTime<Utc>>>,
    /// Last reciprocity bonus paid to an unordered pair.
    reciprocity_paid: HashMap<(MemberId, MemberId), DateTime<Utc>>,
    /// What each shared message has earned so far.
    share_totals: HashMap<MessageId, f64>,
    pub opted_out: HashSet<MemberId>,
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
                amount,
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
                let prior = count_since(
                    self.pair_credits.get(&(giver, receiver)),
                    at - hours(sc.pair_window_days * 24.0),
                );
                let pair_factor = sc.pair_decay.powi(prior.min(1000) as i32);
                if prior > 0 {
                    notes.push(format!(
                        "repeat #{} for this pair ×{:.3}",
                        prior + 1,
                        pair_factor
                    ));
                }
                let giver_standing = self.standing_of(giver, at, &scales);
                let w = giver_weight(giver_standing, sc);
                notes.push(format!("giver weight ×{w:.2}"));
                let base = match sig.kind {
                    EntryKind::Thanks => sc.thanks,
                    EntryKind::ThankReaction => sc.thank_reaction,
                    _ => sc.kudos,
                };
                let mut amount = base * w * pair_factor;
                if sig.kind == EntryKind::Thanks {
                    let helped = self
                        .help
                        .get(&(receiver, giver))
                        .is_some_and(|t| at - *t <= hours(sc.help_window_hours) && *t <= at);
                    if helped {
                        amount += sc.answer_bonus * w * pair_factor;
                        notes.push(format!(
                            "answer bonus +{:.2}",
                            sc.answer_bonus * w * pair_factor
                        ));
                    } else if sc.unverified_thanks_factor != 1.0 {
                        amount *= sc.unverified_thanks_factor;
                        notes.push(format!(
                            "no help seen before ×{}",
                            sc.unverified_thanks_factor
                        ));
                    }
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
                    let bonus = sc.reciprocity_bonus * base * pair_factor;
                    for (m, c) in [(receiver, giver), (giver, receiver)] {
                        out.push(entry(
                            EntryKind::Reciprocity,
                            m,
                            Some(c),
                            bonus,
                            format!("mutual help with {c}: both gain +{bonus:.2}"),
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
                vec![entry(
                    sig.kind,
                    sig.member,
                    Some(asker),
                    sc.helpful_reply,
                    base_reason,
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
        m.recent += e.amount;
        m.lasting += e.amount;
        let keep = |q: &mut VecDeque<DateTime<Utc>>, at: DateTime<Utc>, window: Duration| {
            q.push_back(at);
            while q.front().is_some_and(|t| at - *t > window) {
                q.pop_front();
            }
        };
        match e.kind {
            EntryKind::Thanks | EntryKind::ThankReaction | EntryKind::Kudos => {
                if let Some(g) = e.counterpart {
                    let window = hours(sc.pair_window_days.max(sc.reciprocity_window_days) * 24.0);
                    keep(
                        self.pair_credits.entry((g, e.member)).or_default(),
                        e.at,
                        window,
                    );
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

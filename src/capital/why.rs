//! "Why did my number change?": a member's standing between two moments,
//! taken apart into decay and the entries written in between, grouped by
//! kind, so that the parts add up exactly to the change shown.
//!
//! Standing is linear in the two balances, and each balance is the decayed
//! sum of its entries, so the change from `from` to `to` is exactly: what
//! decay took from the balance held at `from`, plus each entry since, valued
//! at `to` (decayed from its own date). Nothing is rounded before the sum.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::decay::{growth, Scales};
use super::reason::{Note, Reason};
use super::signal::EntryKind;
use super::vacation::{decay_days, paused_between, Span};

/// One ledger entry as `/why` reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryFact {
    pub kind: EntryKind,
    pub amount: f64,
    pub at: DateTime<Utc>,
    pub reason: String,
}

/// Entries of one kind since `from`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moved {
    pub kind: EntryKind,
    pub count: u32,
    /// As written in the ledger.
    pub written: f64,
    /// What they add to standing at `to` (after their own decay).
    pub now: f64,
}

/// A credit that counted for much less than its kind's base amount, and the
/// damping its reason lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Small {
    pub kind: EntryKind,
    pub at: DateTime<Utc>,
    pub amount: f64,
    pub base: f64,
    /// The steps of the amount, from the entry's reason.
    pub why: String,
}

/// The change, taken apart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Why {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub standing_from: f64,
    pub standing_to: f64,
    /// What decay took from the standing held at `from` (≤ 0 for a positive
    /// standing; a negative one decays toward 0, so this is then > 0).
    pub decay: f64,
    /// By kind, largest effect first.
    pub moved: Vec<Moved>,
    /// Credits worth under half their base, newest first (at most 5).
    pub small: Vec<Small>,
    /// Days of `[from, to]` the member spent on vacation: decay stood still
    /// then, so `decay` is smaller than the span alone would make it.
    pub paused_days: f64,
}

/// Credits below this share of their base amount are explained.
const SMALL_SHARE: f64 = 0.5;

/// Take the change apart. `recent_from` / `lasting_from` are the balances at
/// `from`; `entries` those dated in `(from, to]`; `base` gives a credit
/// kind's base amount (None for kinds that are not credits). `vacations`
/// are the member's: time inside them does not decay (the balances at
/// `from` must already be computed with them paused).
#[allow(clippy::too_many_arguments)]
pub fn explain(
    scales: &Scales,
    recent_from: f64,
    lasting_from: f64,
    entries: &[EntryFact],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    base: impl Fn(EntryKind) -> Option<f64>,
    vacations: &[Span],
) -> Why {
    let at_to = |amount: f64, at: DateTime<Utc>| {
        let d = decay_days(at, to, vacations).max(0.0);
        scales.standing(
            amount * growth(-d, scales.recent_half_life),
            amount * growth(-d, scales.lasting_half_life),
        )
    };
    let standing_from = scales.standing(recent_from, lasting_from);
    let d = decay_days(from, to, vacations).max(0.0);
    let kept = scales.standing(
        recent_from * growth(-d, scales.recent_half_life),
        lasting_from * growth(-d, scales.lasting_half_life),
    );
    let mut moved: Vec<Moved> = Vec::new();
    let mut small = Vec::new();
    for e in entries.iter().filter(|e| e.at > from && e.at <= to) {
        let now = at_to(e.amount, e.at);
        match moved.iter_mut().find(|m| m.kind == e.kind) {
            Some(m) => {
                m.count += 1;
                m.written += e.amount;
                m.now += now;
            }
            None => moved.push(Moved {
                kind: e.kind,
                count: 1,
                written: e.amount,
                now,
            }),
        }
        if let Some(b) = base(e.kind).filter(|b| *b > 0.0) {
            if e.amount >= 0.0 && e.amount < b * SMALL_SHARE {
                small.push(Small {
                    kind: e.kind,
                    at: e.at,
                    amount: e.amount,
                    base: b,
                    why: steps_of(&e.reason),
                });
            }
        }
    }
    moved.sort_by(|a, b| b.now.abs().total_cmp(&a.now.abs()));
    small.sort_by_key(|x| std::cmp::Reverse(x.at));
    small.truncate(5);
    let standing_to = kept + moved.iter().map(|m| m.now).sum::<f64>();
    Why {
        from,
        to,
        standing_from,
        standing_to,
        decay: kept - standing_from,
        moved,
        small,
        paused_days: paused_between(from, to, vacations).num_milliseconds() as f64 / 86_400_000.0,
    }
}

/// The damping steps a credit's reason lists after its evidence
/// ("thanks.mention (…); repeat #2 for this pair ×0.500, giver weight ×1.00,
/// …" → "repeat #2 for this pair ×0.500, …"); the whole reason when it lists
/// none. (The evidence holds "; " itself: the reason is read, not split.)
fn steps_of(reason: &str) -> String {
    match Reason::parse(reason) {
        Reason::Signal { notes, .. } if !notes.is_empty() => Note::join(&notes),
        _ => reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capital::decay::days_between;
    use crate::capital::vacation::values_paused;

    fn at(days: f64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + (days * 86_400.0) as i64, 0).unwrap()
    }

    fn scales() -> Scales {
        Scales {
            recent_half_life: 30.0,
            lasting_half_life: 365.0,
            recent_weight: 0.5,
        }
    }

    fn fact(kind: EntryKind, amount: f64, day: f64, reason: &str) -> EntryFact {
        EntryFact {
            kind,
            amount,
            at: at(day),
            reason: reason.into(),
        }
    }

    fn base(k: EntryKind) -> Option<f64> {
        (k == EntryKind::Thanks).then_some(2.0)
    }

    #[test]
    fn the_parts_add_up_to_the_change_computed_directly() {
        let s = scales();
        let (r0, l0) = (10.0, 20.0);
        let entries = vec![
            fact(
                EntryKind::Thanks,
                3.0,
                1.0,
                "thanks.mention (x); weight 1.00",
            ),
            fact(EntryKind::Request, -3.0, 2.5, "request"),
            fact(
                EntryKind::Thanks,
                0.2,
                4.0,
                "thanks.name (y); no help seen ×0.1",
            ),
            fact(EntryKind::Thanks, 9.0, 9.0, "after `to`: left out"),
        ];
        let w = explain(&s, r0, l0, &entries, at(0.0), at(7.0), base, &[]);
        // Directly: each balance decayed to `to`, plus each entry decayed to `to`.
        let dec = |x: f64, days: f64, h: f64| x * (-(days) / h).exp2();
        let mut r = dec(r0, 7.0, 30.0);
        let mut l = dec(l0, 7.0, 365.0);
        for e in &entries[..3] {
            let d = days_between(e.at, at(7.0));
            r += dec(e.amount, d, 30.0);
            l += dec(e.amount, d, 365.0);
        }
        let direct = s.standing(r, l);
        assert!((w.standing_to - direct).abs() < 1e-9, "{w:?} vs {direct}");
        let parts = w.standing_from + w.decay + w.moved.iter().map(|m| m.now).sum::<f64>();
        assert!((parts - w.standing_to).abs() < 1e-12);
        assert!(w.decay < 0.0);
        let thanks = w
            .moved
            .iter()
            .find(|m| m.kind == EntryKind::Thanks)
            .unwrap();
        assert_eq!(thanks.count, 2);
        assert!((thanks.written - 3.2).abs() < 1e-12);
    }

    #[test]
    fn a_credit_that_counted_for_little_says_why() {
        let entries = vec![
            fact(EntryKind::Thanks, 2.0, 1.0, "thanks.mention (x); weight 1.00"),
            fact(
                EntryKind::Thanks,
                0.2,
                2.0,
                "thanks.name (\"thx ann\"); weight 1.00, no help by the receiver to the giver seen in 24 h ×0.1",
            ),
        ];
        let w = explain(&scales(), 0.0, 0.0, &entries, at(0.0), at(3.0), base, &[]);
        assert_eq!(w.small.len(), 1);
        assert!(
            w.small[0].why.starts_with("weight 1.00, no help"),
            "{:?}",
            w.small
        );
        assert_eq!(w.decay, 0.0);
    }

    #[test]
    fn a_vacation_in_the_span_pauses_decay_and_the_parts_still_add_up() {
        let s = scales();
        // Entries before and inside the span; a vacation from day 2 to day 6.
        let amounts = [(10.0, at(-5.0)), (4.0, at(1.0)), (-2.0, at(3.0))];
        let vac = [Span {
            start: at(2.0),
            end: at(6.0),
        }];
        let entries = vec![
            fact(
                EntryKind::Thanks,
                4.0,
                1.0,
                "thanks.mention (x); weight 1.00",
            ),
            fact(EntryKind::Request, -2.0, 3.0, "request"),
        ];
        let (r0, l0) = values_paused(&amounts, at(0.0), &s, &vac);
        let w = explain(&s, r0, l0, &entries, at(0.0), at(7.0), base, &vac);
        let (r7, l7) = values_paused(&amounts, at(7.0), &s, &vac);
        assert!((w.standing_to - s.standing(r7, l7)).abs() < 1e-9);
        let parts = w.standing_from + w.decay + w.moved.iter().map(|m| m.now).sum::<f64>();
        assert!((parts - w.standing_to).abs() < 1e-9);
        assert!((w.paused_days - 4.0).abs() < 1e-9);
        // Decay over 3 days, not 7.
        let plain = explain(&s, r0, l0, &entries, at(0.0), at(3.0), base, &[]);
        assert!(
            (w.decay - plain.decay).abs() < 1e-9,
            "{} vs {}",
            w.decay,
            plain.decay
        );
    }
}

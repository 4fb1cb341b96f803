//! Vacations: time during which a member's capital does not decay.
//!
//! Decay is a function of elapsed time; a vacation takes its span out of the
//! elapsed time, exactly: an entry of `amount` made at `t_i` is worth
//! `amount · 2^(−(t − t_i − paused(t_i, t))/H)` at `t`, where `paused` is the
//! vacation time inside `[t_i, t]`. Equivalently each member runs on their own
//! clock `τ(x) = x − paused(−∞, x)`, which stands still during a vacation.
//! Pure functions, time passed in.

use chrono::{DateTime, Duration, Utc};

use super::decay::{days_between, growth, Scales};

/// One vacation: decay stops at `start` and resumes at `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// Vacation time inside `[from, to]` (zero when `to <= from`). Spans may
/// overlap each other; overlapping time is counted once.
pub fn paused_between(from: DateTime<Utc>, to: DateTime<Utc>, spans: &[Span]) -> Duration {
    if to <= from {
        return Duration::zero();
    }
    let mut cut: Vec<(DateTime<Utc>, DateTime<Utc>)> = spans
        .iter()
        .filter_map(|s| {
            let a = s.start.max(from);
            let b = s.end.min(to);
            (b > a).then_some((a, b))
        })
        .collect();
    cut.sort();
    let mut total = Duration::zero();
    let mut reach: Option<DateTime<Utc>> = None;
    for (a, b) in cut {
        let a = reach.map_or(a, |r| a.max(r));
        if b > a {
            total += b - a;
        }
        reach = Some(reach.map_or(b, |r| r.max(b)));
    }
    total
}

/// Days of decay between `from` and `to`: the elapsed time less the vacation
/// time inside it.
pub fn decay_days(from: DateTime<Utc>, to: DateTime<Utc>, spans: &[Span]) -> f64 {
    days_between(from, to)
        - paused_between(from, to, spans).num_milliseconds() as f64 / 86_400_000.0
}

/// Value at `t` of an amount deposited at `at` (`t >= at`), vacations paused.
pub fn decayed_paused(
    amount: f64,
    at: DateTime<Utc>,
    t: DateTime<Utc>,
    half_life_days: f64,
    spans: &[Span],
) -> f64 {
    amount * growth(-decay_days(at, t, spans), half_life_days)
}

/// (recent, lasting) at `t` of entries `(amount, at)` made at or before `t`,
/// with the vacations paused. Exact; O(entries × spans).
pub fn values_paused(
    entries: &[(f64, DateTime<Utc>)],
    t: DateTime<Utc>,
    s: &Scales,
    spans: &[Span],
) -> (f64, f64) {
    entries
        .iter()
        .filter(|(_, at)| *at <= t)
        .fold((0.0, 0.0), |(r, l), (a, at)| {
            let d = decay_days(*at, t, spans);
            (
                r + a * growth(-d, s.recent_half_life),
                l + a * growth(-d, s.lasting_half_life),
            )
        })
}

/// The vacation going on at `t`, if any.
pub fn active(spans: &[Span], t: DateTime<Utc>) -> Option<Span> {
    spans.iter().copied().find(|s| s.start <= t && t < s.end)
}

/// Why a vacation may not start. A value, not words: the CLI says it in
/// English ([`std::fmt::Display`]), Discord in the member's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// `days` is not between 1 and `max_days` (`vacation.max_days`).
    Days { max_days: u32 },
    /// A vacation is going on until `until`.
    GoingOn { until: DateTime<Utc> },
    /// The last one started less than `cooldown_days` ago; the next may start at `next`.
    Cooldown {
        cooldown_days: u32,
        next: DateTime<Utc>,
    },
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Days { max_days } => write!(
                f,
                "days must be between 1 and {max_days} (vacation.max_days)"
            ),
            Refusal::GoingOn { until } => write!(
                f,
                "you are already on vacation until {}",
                until.format("%Y-%m-%d %H:%M UTC")
            ),
            Refusal::Cooldown {
                cooldown_days,
                next,
            } => write!(
                f,
                "one vacation per {cooldown_days} days (vacation.cooldown_days): the next can start on {}",
                next.format("%Y-%m-%d %H:%M UTC")
            ),
        }
    }
}

/// Why a member may not start a vacation of `days` at `now`: too long, one
/// going on, or the last one started less than `cooldown_days` ago.
pub fn refusal(
    spans: &[Span],
    days: u32,
    max_days: u32,
    cooldown_days: u32,
    now: DateTime<Utc>,
) -> Option<Refusal> {
    if days == 0 || days > max_days {
        return Some(Refusal::Days { max_days });
    }
    if let Some(v) = active(spans, now) {
        return Some(Refusal::GoingOn { until: v.end });
    }
    if let Some(last) = spans.iter().map(|s| s.start).max() {
        let next = last + Duration::days(cooldown_days as i64);
        if now < next {
            return Some(Refusal::Cooldown {
                cooldown_days,
                next,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capital::decay::decayed;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_vacation_inside_the_interval_is_taken_out_of_decay_exactly() {
        let (t0, t1) = (t("2026-01-01T00:00:00Z"), t("2026-03-01T00:00:00Z"));
        let v = Span {
            start: t("2026-01-20T06:00:00Z"),
            end: t("2026-02-03T18:00:00Z"),
        };
        for h in [30.0, 365.0] {
            let paused = decayed_paused(10.0, t0, t1, h, &[v]);
            // Decay over (t1 - t0) - (b - a).
            let shorter = decayed(10.0, t0, t1 - (v.end - v.start), h);
            assert!((paused - shorter).abs() < 1e-12, "{paused} vs {shorter}");
            assert!(paused > decayed(10.0, t0, t1, h));
        }
        // Outside the interval a vacation changes nothing; partly inside, only that part.
        let before = Span {
            start: t("2025-12-01T00:00:00Z"),
            end: t("2025-12-10T00:00:00Z"),
        };
        assert_eq!(
            decayed_paused(10.0, t0, t1, 30.0, &[before]),
            decayed(10.0, t0, t1, 30.0)
        );
        let straddles = Span {
            start: t("2026-02-25T00:00:00Z"),
            end: t("2026-03-10T00:00:00Z"),
        };
        assert_eq!(paused_between(t0, t1, &[straddles]), Duration::days(4));
        // Overlapping spans count once.
        assert_eq!(
            paused_between(t0, t1, &[v, v, straddles]),
            (v.end - v.start) + Duration::days(4)
        );
    }

    #[test]
    fn standing_stands_still_during_a_vacation() {
        let s = Scales {
            recent_half_life: 30.0,
            lasting_half_life: 365.0,
            recent_weight: 0.5,
        };
        let e = [
            (12.0, t("2026-01-01T00:00:00Z")),
            (-3.0, t("2026-01-05T00:00:00Z")),
        ];
        let v = Span {
            start: t("2026-01-10T00:00:00Z"),
            end: t("2026-01-24T00:00:00Z"),
        };
        let at_start = values_paused(&e, v.start, &s, &[v]);
        let inside = values_paused(&e, t("2026-01-17T00:00:00Z"), &s, &[v]);
        let at_end = values_paused(&e, v.end, &s, &[v]);
        assert_eq!(at_start, inside);
        assert_eq!(at_start, at_end);
        // Without vacations it is the plain decay.
        let plain = values_paused(&e, v.end, &s, &[]);
        let r: f64 = e.iter().map(|(a, at)| decayed(*a, *at, v.end, 30.0)).sum();
        assert!((plain.0 - r).abs() < 1e-12);
    }

    #[test]
    fn limits_and_cooldown() {
        let now = t("2026-05-01T00:00:00Z");
        assert!(refusal(&[], 0, 30, 90, now).is_some());
        assert!(refusal(&[], 31, 30, 90, now).is_some());
        assert!(refusal(&[], 30, 30, 90, now).is_none());
        let recent = Span {
            start: now - Duration::days(40),
            end: now - Duration::days(30),
        };
        let why = refusal(&[recent], 5, 30, 90, now).unwrap().to_string();
        assert!(why.contains("2026-06-20"), "{why}");
        assert!(refusal(&[recent], 5, 30, 40, now).is_none());
        let going = Span {
            start: now - Duration::days(1),
            end: now + Duration::days(1),
        };
        assert!(refusal(&[going], 5, 30, 0, now)
            .unwrap()
            .to_string()
            .contains("already on vacation"));
    }
}

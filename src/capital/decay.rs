//! Exponential decay on two time scales, stored exactly.
//!
//! An entry of `amount` made at `t_i` is worth `amount · 2^(−(t − t_i)/H)` at
//! time `t`. Per member and per scale we keep `A = Σ amount · 2^((t_i − T0)/H)`
//! ("reference-time units"), so the value at any `t` after the last entry is
//! `A · 2^(−(t − T0)/H)`: one row read, exact. `T0` is moved forward now and then
//! (a *rebase*, multiplying every `A` by `2^(−ΔT0/H)`) so the factors stay far
//! from overflow after years of history.

use chrono::{DateTime, Duration, Utc};

use super::settings::DecaySettings;

/// Days between two instants, as a float (negative when `t < from`).
pub fn days_between(from: DateTime<Utc>, t: DateTime<Utc>) -> f64 {
    (t - from).num_milliseconds() as f64 / 86_400_000.0
}

/// `2^(days / half_life)`.
pub fn growth(days: f64, half_life_days: f64) -> f64 {
    (days / half_life_days).exp2()
}

/// Value at `t` of an amount deposited at `at` (assumes `t >= at`).
pub fn decayed(amount: f64, at: DateTime<Utc>, t: DateTime<Utc>, half_life_days: f64) -> f64 {
    amount * growth(-days_between(at, t), half_life_days)
}

/// The two half-lives and the blend, as used by every balance computation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scales {
    pub recent_half_life: f64,
    pub lasting_half_life: f64,
    pub recent_weight: f64,
}

impl From<&DecaySettings> for Scales {
    fn from(d: &DecaySettings) -> Self {
        Scales {
            recent_half_life: d.recent_half_life_days,
            lasting_half_life: d.lasting_half_life_days,
            recent_weight: d.recent_weight,
        }
    }
}

impl Scales {
    pub fn standing(&self, recent: f64, lasting: f64) -> f64 {
        self.recent_weight * recent + (1.0 - self.recent_weight) * lasting
    }
}

/// A member's two accumulators in reference-time units (relative to `T0`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Accumulator {
    pub recent: f64,
    pub lasting: f64,
}

impl Accumulator {
    /// The increments that an entry adds to the accumulators.
    pub fn increment(amount: f64, at: DateTime<Utc>, t0: DateTime<Utc>, s: &Scales) -> Accumulator {
        let d = days_between(t0, at);
        Accumulator {
            recent: amount * growth(d, s.recent_half_life),
            lasting: amount * growth(d, s.lasting_half_life),
        }
    }

    pub fn add(&mut self, other: Accumulator) {
        self.recent += other.recent;
        self.lasting += other.lasting;
    }

    /// (recent, lasting) balances at `t` (exact when `t` is at or after the last entry).
    pub fn values_at(&self, t0: DateTime<Utc>, t: DateTime<Utc>, s: &Scales) -> (f64, f64) {
        let d = days_between(t0, t);
        (
            self.recent * growth(-d, s.recent_half_life),
            self.lasting * growth(-d, s.lasting_half_life),
        )
    }

    /// The same balances expressed against a new reference time.
    pub fn rebased(&self, old_t0: DateTime<Utc>, new_t0: DateTime<Utc>, s: &Scales) -> Accumulator {
        let d = days_between(old_t0, new_t0);
        Accumulator {
            recent: self.recent * growth(-d, s.recent_half_life),
            lasting: self.lasting * growth(-d, s.lasting_half_life),
        }
    }
}

/// Should the reference time be moved forward before writing entries at `t`?
/// Returns the new reference time when the factor `2^((t−T0)/H_recent)` would pass
/// `2^limit`.
pub fn rebase_needed(
    t0: DateTime<Utc>,
    t: DateTime<Utc>,
    s: &Scales,
    limit_half_lives: f64,
) -> Option<DateTime<Utc>> {
    let d = days_between(t0, t);
    if d / s.recent_half_life > limit_half_lives {
        Some(t)
    } else {
        None
    }
}

/// Standing `d` days after now, with no new entries.
fn standing_after(recent: f64, lasting: f64, s: &Scales, d: f64) -> f64 {
    s.standing(
        recent * growth(-d, s.recent_half_life),
        lasting * growth(-d, s.lasting_half_life),
    )
}

/// The date on which standing falls below `floor` if nothing more is deposited,
/// given today's recent and lasting balances. `None` when it never does (floor
/// at or below zero and standing above it, or standing already below).
///
/// Standing is a sum of two exponentials, which has at most one extremum; on
/// each side of it the function is monotonic, so bisection finds the first
/// crossing exactly (to the second).
pub fn projected_fall(
    recent: f64,
    lasting: f64,
    floor: f64,
    s: &Scales,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let f = |d: f64| standing_after(recent, lasting, s, d);
    if f(0.0) < floor {
        return None;
    }
    let a = s.recent_weight * recent;
    let b = (1.0 - s.recent_weight) * lasting;
    let k1 = std::f64::consts::LN_2 / s.recent_half_life;
    let k2 = std::f64::consts::LN_2 / s.lasting_half_life;
    // f'(d) = -a k1 e^{-k1 d} - b k2 e^{-k2 d} = 0  =>  e^{(k2 - k1) d} = -b k2 / (a k1)
    let mut extremum = None;
    if a != 0.0 && (k2 - k1).abs() > 1e-15 {
        let ratio = -b * k2 / (a * k1);
        if ratio > 0.0 {
            let d = ratio.ln() / (k2 - k1);
            if d > 0.0 && d.is_finite() {
                extremum = Some(d);
            }
        }
    }
    let bisect = |mut lo: f64, mut hi: f64| {
        // invariant: f(lo) >= floor, f(hi) < floor
        for _ in 0..200 {
            if hi - lo < 1.0 / 86_400.0 {
                break;
            }
            let mid = 0.5 * (lo + hi);
            if f(mid) < floor {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    };
    let days = if let Some(e) = extremum.filter(|&e| f(e) < floor) {
        bisect(0.0, e)
    } else {
        // Beyond the extremum (or everywhere) the function tends to 0.
        if floor <= 0.0 {
            return None;
        }
        let start = extremum.unwrap_or(0.0);
        let mut hi = start + 1.0;
        while f(hi) >= floor {
            hi = start + (hi - start) * 2.0;
            if hi > 1e6 {
                return None;
            }
        }
        let lo = if hi - start > 1.0 {
            start + (hi - start) / 2.0
        } else {
            start
        };
        bisect(lo, hi)
    };
    let ms = (days * 86_400_000.0).ceil() as i64;
    Some(now + Duration::milliseconds(ms))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn scales() -> Scales {
        Scales {
            recent_half_life: 30.0,
            lasting_half_life: 365.0,
            recent_weight: 0.5,
        }
    }
    fn t(days: f64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap()
            + Duration::milliseconds((days * 86_400_000.0) as i64)
    }

    #[test]
    fn half_life_is_exact() {
        let s = scales();
        let mut acc = Accumulator::default();
        acc.add(Accumulator::increment(10.0, t(5.0), t(0.0), &s));
        let (r, l) = acc.values_at(t(0.0), t(35.0), &s);
        assert!((r - 5.0).abs() < 1e-12, "{r}");
        let (_, l2) = acc.values_at(t(0.0), t(370.0), &s);
        assert!((l2 - 5.0).abs() < 1e-12 && l > 9.0);
    }

    #[test]
    fn rebase_keeps_values() {
        let s = scales();
        let mut acc = Accumulator::default();
        acc.add(Accumulator::increment(3.0, t(100.0), t(0.0), &s));
        acc.add(Accumulator::increment(-1.0, t(200.0), t(0.0), &s));
        let before = acc.values_at(t(0.0), t(300.0), &s);
        let re = acc.rebased(t(0.0), t(250.0), &s);
        let after = re.values_at(t(250.0), t(300.0), &s);
        assert!((before.0 - after.0).abs() < 1e-12 && (before.1 - after.1).abs() < 1e-12);
    }

    #[test]
    fn ten_years_with_rebase_stays_exact() {
        let s = scales();
        let mut t0 = t(0.0);
        let mut acc = Accumulator::default();
        let mut naive_r = 0.0f64;
        let end = t(3650.0);
        for day in 0..3650 {
            let at = t(day as f64);
            if let Some(n) = rebase_needed(t0, at, &s, 64.0) {
                acc = acc.rebased(t0, n, &s);
                t0 = n;
            }
            acc.add(Accumulator::increment(1.0, at, t0, &s));
            naive_r += decayed(1.0, at, end, s.recent_half_life);
        }
        let (r, _) = acc.values_at(t0, end, &s);
        assert!(acc.recent.is_finite() && acc.recent.abs() < 2f64.powi(80));
        assert!((r - naive_r).abs() / naive_r < 1e-9, "{r} vs {naive_r}");
    }

    #[test]
    fn projected_fall_matches_definition() {
        let s = scales();
        let now = t(0.0);
        let when = projected_fall(30.0, 10.0, 5.0, &s, now).unwrap();
        let d = days_between(now, when);
        let at = |d: f64| standing_after(30.0, 10.0, &s, d);
        assert!(at(d) < 5.0 && at(d - 1.0 / 1440.0) >= 5.0, "d={d}");
        // Never falls below a floor of 0 with positive balances.
        assert_eq!(projected_fall(30.0, 10.0, 0.0, &s, now), None);
        // Already below: nothing to project.
        assert_eq!(projected_fall(1.0, 1.0, 5.0, &s, now), None);
    }

    #[test]
    fn projected_fall_with_negative_recent_and_a_dip() {
        let s = scales();
        // recent positive and large, lasting negative: standing dips below zero then recovers.
        let now = t(0.0);
        let when = projected_fall(40.0, -12.0, 0.0, &s, now).expect("dips below 0");
        let d = days_between(now, when);
        let at = |d: f64| standing_after(40.0, -12.0, &s, d);
        assert!(at(d) < 0.0 && at(d - 1.0 / 1440.0) >= 0.0);
    }
}

//! Standing tiers, giver weight and headroom: what a standing means.

use super::settings::{ScoringSettings, Tier};

/// The tier a standing falls in, with its index. The first tier has no floor.
pub fn tier_of(tiers: &[Tier], standing: f64) -> (usize, &Tier) {
    let mut idx = 0;
    for (i, t) in tiers.iter().enumerate().skip(1) {
        if standing >= t.floor {
            idx = i;
        }
    }
    (idx, &tiers[idx])
}

/// Floor of tier `idx` (minus infinity for the first tier).
pub fn tier_floor(tiers: &[Tier], idx: usize) -> f64 {
    if idx == 0 {
        f64::NEG_INFINITY
    } else {
        tiers[idx].floor
    }
}

/// How much a giver's word is worth: `base` at standing 0, moving toward `max`
/// as standing grows and toward `min` as it goes negative, never past either.
pub fn giver_weight(standing: f64, s: &ScoringSettings) -> f64 {
    let x = standing / s.giver_weight_scale;
    let w = if x >= 0.0 {
        s.giver_weight_base + (s.giver_weight_max - s.giver_weight_base) * (1.0 - (-x).exp())
    } else {
        s.giver_weight_base - (s.giver_weight_base - s.giver_weight_min) * (1.0 - x.exp())
    };
    w.clamp(s.giver_weight_min, s.giver_weight_max)
}

/// Cost of the k-th ask (1-based) within the escalation window.
pub fn ask_cost(k: u32, s: &ScoringSettings) -> f64 {
    let mult = s
        .request_escalation
        .powi(k.saturating_sub(1).min(64) as i32);
    s.request * mult.min(s.request_escalation_cap)
}

/// How many more ordinary asks a member can make before standing goes below
/// zero, given the asks already made in the escalation window. A withdrawal
/// lowers recent and lasting by the same amount, so standing drops by its cost.
pub fn headroom(standing: f64, asks_in_window: u32, s: &ScoringSettings) -> u32 {
    if s.request <= 0.0 {
        return u32::MAX;
    }
    let mut left = standing;
    let mut n = 0u32;
    loop {
        let c = ask_cost(asks_in_window + n + 1, s);
        if left - c < 0.0 || n >= 10_000 {
            return n;
        }
        left -= c;
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_settings;

    #[test]
    fn tiers_by_floor() {
        let s = default_settings();
        assert_eq!(tier_of(&s.tiers, -100.0).1.name, "Newcomer");
        assert_eq!(tier_of(&s.tiers, 5.0).1.name, "Contributor");
        assert_eq!(tier_of(&s.tiers, 19.99).1.name, "Contributor");
        assert_eq!(tier_of(&s.tiers, 1e9).1.name, "Pillar");
        assert_eq!(tier_floor(&s.tiers, 0), f64::NEG_INFINITY);
    }

    #[test]
    fn giver_weight_is_bounded_and_monotonic() {
        let s = default_settings().scoring;
        let mut last = 0.0;
        for i in -1000..1000 {
            let w = giver_weight(i as f64, &s);
            assert!(w >= s.giver_weight_min && w <= s.giver_weight_max);
            assert!(w >= last);
            last = w;
        }
        assert_eq!(giver_weight(0.0, &s), s.giver_weight_base);
        assert!(giver_weight(100.0, &s) > 1.4);
    }

    #[test]
    fn kth_ask_costs_more_and_headroom_counts_them() {
        let s = default_settings().scoring;
        assert!(ask_cost(2, &s) > ask_cost(1, &s));
        assert!(ask_cost(3, &s) > ask_cost(2, &s));
        assert_eq!(ask_cost(100, &s), s.request * s.request_escalation_cap);
        // 3 + 4.5 = 7.5 <= 8 < 3 + 4.5 + 6.75
        assert_eq!(headroom(8.0, 0, &s), 2);
        assert_eq!(headroom(-1.0, 0, &s), 0);
        assert_eq!(headroom(8.0, 1, &s), 1);
    }
}

//! Givers, takers, matchers and the quiet: a member's category over a window,
//! from what they earned and what they spent in it.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Giver,
    Taker,
    Matcher,
    Quiet,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Giver => "giver",
            Category::Taker => "taker",
            Category::Matcher => "matcher",
            Category::Quiet => "quiet",
        }
    }
}

/// Where the lines between the categories are drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// earned + spent below this: quiet.
    pub quiet_below: f64,
    /// earned / (earned + spent) at or above this: giver.
    pub giver_ratio: f64,
    /// earned / (earned + spent) at or below this: taker.
    pub taker_ratio: f64,
}

/// `earned` = sum of deposits, `spent` = sum of withdrawals as a positive number.
pub fn classify(earned: f64, spent: f64, t: Thresholds) -> Category {
    let total = earned.max(0.0) + spent.max(0.0);
    if total < t.quiet_below {
        return Category::Quiet;
    }
    let ratio = earned.max(0.0) / total;
    if ratio >= t.giver_ratio {
        Category::Giver
    } else if ratio <= t.taker_ratio {
        Category::Taker
    } else {
        Category::Matcher
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_categories() {
        let r = Thresholds {
            quiet_below: 3.0,
            giver_ratio: 0.6,
            taker_ratio: 0.4,
        };
        assert_eq!(classify(0.5, 1.0, r), Category::Quiet);
        assert_eq!(classify(10.0, 2.0, r), Category::Giver);
        assert_eq!(classify(2.0, 10.0, r), Category::Taker);
        assert_eq!(classify(5.0, 5.0, r), Category::Matcher);
        assert_eq!(classify(0.0, 0.0, r), Category::Quiet);
    }
}

//! Decay warnings: which members are about to drop a tier, and which of those
//! crossings were not announced yet. Pure: the store remembers what was sent.
//!
//! A *crossing* is (member, tier they are about to leave, projected date). It is
//! announced once: while an earlier announcement for the same member and tier
//! is still pending (its projected date has not come yet), a new projection for
//! that tier is the same crossing, even if deposits or asks moved its date. Once
//! the announced date has passed (they fell, or they recovered and the date moved
//! beyond it), a later projection is a new crossing and is announced again.

use chrono::{DateTime, Datelike, Duration, Timelike, Utc, Weekday};

use super::message::MemberId;

/// A projected fall out of a tier.
#[derive(Debug, Clone, PartialEq)]
pub struct Crossing {
    pub member_id: MemberId,
    /// The tier the member is about to leave.
    pub tier: String,
    pub falls_on: DateTime<Utc>,
}

/// An announcement already made.
#[derive(Debug, Clone, PartialEq)]
pub struct Announced {
    pub member_id: MemberId,
    pub tier: String,
    pub falls_on: DateTime<Utc>,
    pub sent_at: DateTime<Utc>,
}

/// Is `c` already covered by an announcement?
pub fn already_announced(c: &Crossing, sent: &[Announced], now: DateTime<Utc>) -> bool {
    sent.iter().any(|a| {
        a.member_id == c.member_id
            && a.tier == c.tier
            && (a.falls_on == c.falls_on || a.falls_on >= now)
    })
}

/// The crossings of `at_risk` that were not announced yet, in the given order.
pub fn unannounced<'a>(
    at_risk: &'a [Crossing],
    sent: &[Announced],
    now: DateTime<Utc>,
) -> Vec<&'a Crossing> {
    at_risk
        .iter()
        .filter(|c| !already_announced(c, sent, now))
        .collect()
}

pub fn weekday_of(s: &str) -> Option<Weekday> {
    match s.trim().to_ascii_lowercase().get(..3)? {
        "mon" => Some(Weekday::Mon),
        "tue" => Some(Weekday::Tue),
        "wed" => Some(Weekday::Wed),
        "thu" => Some(Weekday::Thu),
        "fri" => Some(Weekday::Fri),
        "sat" => Some(Weekday::Sat),
        "sun" => Some(Weekday::Sun),
        _ => None,
    }
}

/// The most recent scheduled digest slot at or before `now` (weekday, hour UTC).
pub fn last_slot(weekday: Weekday, hour_utc: u32, now: DateTime<Utc>) -> DateTime<Utc> {
    let today = now
        .with_hour(hour_utc.min(23))
        .and_then(|t| t.with_minute(0))
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    let back = (7 + now.weekday().num_days_from_monday() as i64
        - weekday.num_days_from_monday() as i64)
        % 7;
    let slot = today - Duration::days(back);
    if slot > now {
        slot - Duration::days(7)
    } else {
        slot
    }
}

/// Is the weekly digest due at `now`, given when it last ran?
pub fn digest_due(
    weekday: Weekday,
    hour_utc: u32,
    last_run: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    let slot = last_slot(weekday, hour_utc, now);
    last_run.is_none_or(|r| r < slot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(d: u32, h: u32) -> DateTime<Utc> {
        // 2025-06-02 is a Monday.
        Utc.with_ymd_and_hms(2025, 6, d, h, 0, 0).unwrap()
    }

    #[test]
    fn each_crossing_once() {
        let c = Crossing {
            member_id: MemberId(1),
            tier: "Trusted".into(),
            falls_on: t(6, 0),
        };
        assert_eq!(unannounced(std::slice::from_ref(&c), &[], t(2, 9)).len(), 1);
        let sent = vec![Announced {
            member_id: MemberId(1),
            tier: "Trusted".into(),
            falls_on: t(6, 0),
            sent_at: t(2, 9),
        }];
        // Same crossing, and the same tier with a moved date while pending: quiet.
        assert!(unannounced(std::slice::from_ref(&c), &sent, t(3, 9)).is_empty());
        let moved = Crossing {
            falls_on: t(7, 0),
            ..c.clone()
        };
        assert!(unannounced(std::slice::from_ref(&moved), &sent, t(3, 9)).is_empty());
        // Another tier, or after the announced date passed: a new crossing.
        let lower = Crossing {
            tier: "Contributor".into(),
            ..c.clone()
        };
        assert_eq!(unannounced(&[lower], &sent, t(3, 9)).len(), 1);
        let later = Crossing {
            falls_on: t(20, 0),
            ..c
        };
        assert_eq!(unannounced(&[later], &sent, t(16, 9)).len(), 1);
    }

    #[test]
    fn weekly_slot() {
        let mon = weekday_of("Monday").unwrap();
        assert_eq!(last_slot(mon, 9, t(4, 12)), t(2, 9));
        assert_eq!(last_slot(mon, 9, t(2, 8)), t(2, 9) - Duration::days(7));
        assert!(digest_due(mon, 9, None, t(4, 12)));
        assert!(!digest_due(mon, 9, Some(t(2, 10)), t(4, 12)));
        assert!(digest_due(mon, 9, Some(t(2, 10)), t(9, 9)));
        assert_eq!(weekday_of("xyz"), None);
    }
}

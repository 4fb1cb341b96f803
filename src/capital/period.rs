//! Calendar periods for period boards: the current (or a past) ISO week or
//! calendar month in the guild's time zone (`time.zone`), as UTC instants.
//! Pure: time and zone passed in.

use crate::capital::refusal::Refusal;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// Which board: what was earned this week, this month, or the all-time standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    All,
}

impl Period {
    pub fn parse(s: &str) -> Result<Period, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "all" | "" => Ok(Period::All),
            other => Err(format!("period must be week, month or all, not {other:?}")),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::All => "all",
        }
    }
}

/// One week or month: `[from, to)` in UTC, and its label (`2026-W44`, `2026-10`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub period: Period,
    pub label: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// Parse an IANA time zone name (`time.zone`).
pub fn zone(name: &str) -> Result<Tz, Refusal> {
    name.trim().parse::<Tz>().map_err(|_| Refusal::BadZone {
        value: format!("{name:?}"),
    })
}

/// Local midnight of `d` as UTC (the first instant of that day, also when a
/// DST change skips midnight).
fn midnight(tz: Tz, d: NaiveDate) -> DateTime<Utc> {
    let mut t = d.and_hms_opt(0, 0, 0).expect("midnight exists");
    for _ in 0..4 {
        if let Some(x) = tz.from_local_datetime(&t).earliest() {
            return x.with_timezone(&Utc);
        }
        t += Duration::hours(1);
    }
    Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight exists"))
}

fn week_of(tz: Tz, day: NaiveDate) -> Span {
    let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64);
    let iso = monday.iso_week();
    Span {
        period: Period::Week,
        label: format!("{}-W{:02}", iso.year(), iso.week()),
        from: midnight(tz, monday),
        to: midnight(tz, monday + Duration::days(7)),
    }
}

fn month_of(tz: Tz, day: NaiveDate) -> Span {
    let first = NaiveDate::from_ymd_opt(day.year(), day.month(), 1).expect("first of month");
    let next = if day.month() == 12 {
        NaiveDate::from_ymd_opt(day.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(day.year(), day.month() + 1, 1)
    }
    .expect("first of next month");
    Span {
        period: Period::Month,
        label: format!("{}-{:02}", day.year(), day.month()),
        from: midnight(tz, first),
        to: midnight(tz, next),
    }
}

/// The week or month holding `at` (None for [`Period::All`]).
pub fn containing(period: Period, at: DateTime<Utc>, tz: Tz) -> Option<Span> {
    let day = at.with_timezone(&tz).date_naive();
    match period {
        Period::Week => Some(week_of(tz, day)),
        Period::Month => Some(month_of(tz, day)),
        Period::All => None,
    }
}

/// The last period that ended at or before `at`.
pub fn previous(period: Period, at: DateTime<Utc>, tz: Tz) -> Option<Span> {
    let cur = containing(period, at, tz)?;
    containing(period, cur.from - Duration::seconds(1), tz)
}

/// A past (or the current) period named by `at`: `2026-10` (a month),
/// `2026-W44` (an ISO week) or a date `2026-10-14` (the week or month holding it).
pub fn named(period: Period, at: &str, tz: Tz) -> Result<Span, Refusal> {
    let at = at.trim();
    let bad = || Refusal::BadAt {
        value: format!("{at:?}"),
    };
    let day = if let Some((y, w)) = at.split_once(['W', 'w']) {
        let y: i32 = y.trim_end_matches('-').parse().map_err(|_| bad())?;
        let w: u32 = w.parse().map_err(|_| bad())?;
        NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon).ok_or_else(bad)?
    } else if let Ok(d) = NaiveDate::parse_from_str(at, "%Y-%m-%d") {
        d
    } else {
        NaiveDate::parse_from_str(&format!("{at}-01"), "%Y-%m-%d").map_err(|_| bad())?
    };
    match period {
        Period::Week => Ok(week_of(tz, day)),
        Period::Month => Ok(month_of(tz, day)),
        Period::All => Err(Refusal::AtNeedsPeriod),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn weeks_and_months_follow_the_guilds_time_zone() {
        let utc = zone("UTC").unwrap();
        let w = containing(Period::Week, t("2026-10-14T12:00:00Z"), utc).unwrap();
        assert_eq!(w.label, "2026-W42");
        assert_eq!(w.from, t("2026-10-12T00:00:00Z"));
        assert_eq!(w.to, t("2026-10-19T00:00:00Z"));
        // Sunday 23:30 UTC is already Monday in Berlin: the next week there.
        let berlin = zone("Europe/Berlin").unwrap();
        let w = containing(Period::Week, t("2026-10-18T23:30:00Z"), berlin).unwrap();
        assert_eq!(w.label, "2026-W43");
        assert_eq!(w.from, t("2026-10-18T22:00:00Z"));
        // October in Berlin spans the end of summer time.
        let m = named(Period::Month, "2026-10", berlin).unwrap();
        assert_eq!(m.from, t("2026-09-30T22:00:00Z"));
        assert_eq!(m.to, t("2026-10-31T23:00:00Z"));
        let m = containing(Period::Month, t("2026-12-31T23:59:00Z"), utc).unwrap();
        assert_eq!(m.to, t("2027-01-01T00:00:00Z"));
        assert_eq!(
            previous(Period::Month, t("2026-11-01T00:00:00Z"), utc)
                .unwrap()
                .label,
            "2026-10"
        );
        assert_eq!(
            named(Period::Week, "2026-W44", utc).unwrap().from,
            t("2026-10-26T00:00:00Z")
        );
        assert!(named(Period::Month, "October", utc).is_err());
        assert!(zone("Mars/Olympus").is_err());
        assert_eq!(Period::parse("Week").unwrap(), Period::Week);
        assert!(Period::parse("year").is_err());
    }
}

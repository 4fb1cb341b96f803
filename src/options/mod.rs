//! Validation of command options, pure: the slash commands, the CLI and the
//! services call these, so a bad value gets the same answer everywhere and the
//! checks are tested without Discord (`tests/fuzz_commands.rs` throws tens of
//! thousands of hostile values at them).
//!
//! Every error names the option and says what to give instead
//! ([`OptionError`] displays as `option: problem; fix`).

use crate::capital::message::MemberId;
use crate::i18n::Lang;

mod problem;

pub use problem::{Problem, Unit};

/// A bad option value: which option, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{option}`: {problem}")]
pub struct OptionError {
    pub option: &'static str,
    pub problem: Problem,
}

impl OptionError {
    /// The error in `lang`, the option named `option` (the command's
    /// localised option name when the caller knows it).
    pub fn render_as(&self, option: &str, lang: Lang) -> String {
        format!("`{option}`: {}", self.problem.render(lang))
    }

    /// The error in `lang`, the option under its English name.
    pub fn render(&self, lang: Lang) -> String {
        self.render_as(self.option, lang)
    }
}

fn bad(option: &'static str, problem: Problem) -> OptionError {
    OptionError { option, problem }
}

/// Largest `/adjust` amount either way.
pub const MAX_ADJUST: f64 = 1_000.0;
/// `/kudos` and `/adjust` reasons: at most this many characters.
pub const REASON_MAX: usize = 300;
/// Longest `/config set` key or value, and member query, accepted.
pub const TEXT_MAX: usize = 1_000;
/// `/report` window bounds (days).
pub const WINDOW_MAX: i64 = 3650;
/// Leaderboard pages: far beyond any guild, small enough for any offset.
pub const PAGE_MAX: i64 = 1_000_000;
/// `/history` rows.
pub const HISTORY_MAX: i64 = 1_000;

/// Shorten `s` for quoting in an error (errors go back to Discord, which
/// refuses messages over 2000 characters).
pub fn quote(s: &str) -> String {
    const N: usize = 60;
    let mut out: String = s.chars().take(N).collect();
    if s.chars().count() > N {
        out.push('…');
    }
    format!("{out:?}")
}

/// Smallest `/adjust` amount either way (balances are shown to 0.1; far
/// smaller numbers underflow the accumulators).
pub const MIN_ADJUST: f64 = 0.01;

/// A number as short text (`1e308`, not 309 digits).
pub fn number(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-3..1e6).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// `/adjust amount`: a finite number with a magnitude from [`MIN_ADJUST`] to
/// [`MAX_ADJUST`].
pub fn amount(x: f64) -> Result<f64, OptionError> {
    if !x.is_finite() || !(MIN_ADJUST..=MAX_ADJUST).contains(&x.abs()) {
        return Err(bad("amount", Problem::Amount { value: number(x) }));
    }
    Ok(x)
}

/// Free text kept in the ledger (`/kudos reason`, `/adjust reason`): trimmed,
/// `min..=max` characters, no NUL or other control characters except line
/// breaks and tabs (PostgreSQL text cannot hold NUL; the rest garble the
/// ledger's display).
pub fn text(
    option: &'static str,
    raw: &str,
    min: usize,
    max: usize,
) -> Result<String, OptionError> {
    let t = raw.trim();
    let n = t.chars().count();
    if n < min || n > max {
        return Err(bad(option, Problem::Length { min, max, got: n }));
    }
    if let Some(c) = t
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Err(bad(option, Problem::ControlChar { code: c as u32 }));
    }
    Ok(t.to_string())
}

/// A reason for `/kudos` or `/adjust`.
pub fn reason(raw: &str, min: usize) -> Result<String, OptionError> {
    text("reason", raw, min, REASON_MAX)
}

/// A member id from an option: Discord ids are non-zero and below 2^63.
pub fn member_id(id: MemberId) -> Result<MemberId, OptionError> {
    if id.get() == 0 || id.get() > i64::MAX as u64 {
        return Err(bad("member", Problem::NotMemberId { id: id.to_string() }));
    }
    Ok(id)
}

/// A member looked up by name, mention or id (`goodwill balance ann`).
pub fn member_query(raw: &str) -> Result<String, OptionError> {
    let q = raw.trim();
    if q.is_empty() {
        return Err(bad("member", Problem::MemberEmpty));
    }
    if q.chars().count() > 200 {
        return Err(bad("member", Problem::MemberTooLong));
    }
    if q.contains('\0') {
        return Err(bad("member", Problem::MemberNul));
    }
    Ok(q.to_string())
}

fn in_range(
    option: &'static str,
    v: i64,
    lo: i64,
    hi: i64,
    unit: Unit,
) -> Result<u32, OptionError> {
    if v < lo || v > hi {
        return Err(bad(
            option,
            Problem::OutOfRange {
                value: v,
                lo,
                hi,
                unit,
            },
        ));
    }
    Ok(v as u32)
}

/// `/standings page` (default 1).
pub fn page(v: Option<i64>) -> Result<u32, OptionError> {
    in_range("page", v.unwrap_or(1), 1, PAGE_MAX, Unit::Page)
}

/// `/report window` in days (default 90).
pub fn window(v: Option<i64>) -> Result<u32, OptionError> {
    in_range("window", v.unwrap_or(90), 1, WINDOW_MAX, Unit::Days)
}

/// `/why since`: a date (`YYYY-MM-DD`, from 00:00 UTC) or a number of days
/// back (`7`, `7d`); default 7 days before `now`; at most [`WINDOW_MAX`] days.
pub fn since(
    raw: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<chrono::DateTime<chrono::Utc>, OptionError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(now - chrono::Duration::days(7));
    };
    let days = raw.strip_suffix('d').unwrap_or(raw).trim();
    let at = if let Ok(n) = days.parse::<i64>() {
        if !(1..=WINDOW_MAX).contains(&n) {
            return Err(bad(
                "since",
                Problem::SinceDays {
                    days: n,
                    max: WINDOW_MAX,
                },
            ));
        }
        now - chrono::Duration::days(n)
    } else {
        let d = chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map_err(|_| bad("since", Problem::NotADate { quoted: quote(raw) }))?;
        d.and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc())
            .ok_or_else(|| bad("since", Problem::NoDate))?
    };
    if at >= now {
        return Err(bad("since", Problem::NotPast));
    }
    if now - at > chrono::Duration::days(WINDOW_MAX) {
        return Err(bad("since", Problem::TooLongAgo { max: WINDOW_MAX }));
    }
    Ok(at)
}

/// `/history limit`: how many entries (default 15).
pub fn history_limit(v: Option<i64>) -> Result<u32, OptionError> {
    in_range("limit", v.unwrap_or(15), 1, HISTORY_MAX, Unit::Entries)
}

/// `/config set key`: a dotted key of plain words (`decay.recent_half_life_days`).
pub fn config_key(raw: &str) -> Result<String, OptionError> {
    let k = raw.trim();
    if k.is_empty() {
        return Err(bad("key", Problem::KeyEmpty));
    }
    if k.len() > 200
        || k.split('.').any(|p| p.is_empty())
        || k.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return Err(bad("key", Problem::NotAKey { quoted: quote(k) }));
    }
    Ok(k.to_string())
}

/// `/config set value`: TOML text, bounded, without NUL (PostgreSQL's JSON
/// cannot hold it).
pub fn config_value(raw: &str) -> Result<String, OptionError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(bad("value", Problem::ValueEmpty));
    }
    if v.chars().count() > TEXT_MAX {
        return Err(bad("value", Problem::ValueTooLong { max: TEXT_MAX }));
    }
    if v.contains('\0') {
        return Err(bad("value", Problem::ValueNul));
    }
    Ok(v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_a_date_or_days_and_refuses_the_rest() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T12:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(since(None, now).unwrap(), now - chrono::Duration::days(7));
        assert_eq!(
            since(Some(" 3d "), now).unwrap(),
            now - chrono::Duration::days(3)
        );
        assert_eq!(
            since(Some("2026-11-23"), now).unwrap().to_rfc3339(),
            "2026-11-23T00:00:00+00:00"
        );
        for bad in [
            "2026-12-01",
            "0",
            "99999",
            "yesterday",
            "2026-13-01",
            "1900-01-01",
        ] {
            let e = since(Some(bad), now).unwrap_err();
            assert_eq!(e.option, "since", "{bad}");
        }
    }

    #[test]
    fn errors_name_the_option() {
        assert_eq!(amount(f64::NAN).unwrap_err().option, "amount");
        assert!(amount(-0.0).is_err());
        assert_eq!(amount(-2.5).unwrap(), -2.5);
        assert!(reason("a\0b", 1)
            .unwrap_err()
            .to_string()
            .starts_with("`reason`"));
        assert_eq!(reason("  ok  ", 1).unwrap(), "ok");
        assert!(page(Some(0)).is_err());
        assert_eq!(page(None).unwrap(), 1);
        assert_eq!(window(None).unwrap(), 90);
        assert!(window(Some(3651)).is_err());
        assert!(config_key("a..b").is_err());
        assert!(member_id(MemberId(0)).is_err());
        assert!(member_id(MemberId(u64::MAX)).is_err());
        assert!(quote(&"x".repeat(10_000)).len() < 80);
    }
}

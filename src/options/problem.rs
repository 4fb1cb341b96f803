//! What is wrong with an option value, as a value: the checks in
//! [`super`] say *what* is wrong (with the numbers and the quoted value),
//! and the words come from the Fluent files (`locales/*/errors.ftl`,
//! `option-…`), so Discord answers in the member's language while `Display`
//! — the CLI, the logs, the API and the tests — keeps the English the checks
//! always wrote.
//!
//! Pure: the text is looked up in the embedded Fluent files.

use std::fmt;

use crate::i18n::{tr, Arg, Lang};

/// The kind of number an out-of-range option wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `/standings page`.
    Page,
    /// `/report window`.
    Days,
    /// `/history limit`.
    Entries,
}

/// One problem with an option value. Numbers and quoted values are fields,
/// written the same way in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// `/adjust amount` outside ±[`super::MIN_ADJUST`]..=[`super::MAX_ADJUST`]
    /// (`value` as [`super::number`] writes it).
    Amount { value: String },
    /// Text of the wrong length (`got` characters).
    Length { min: usize, max: usize, got: usize },
    /// Text holding a control character (its code point).
    ControlChar { code: u32 },
    /// A number that is no Discord member id.
    NotMemberId { id: String },
    /// An empty member query.
    MemberEmpty,
    /// A member query over 200 characters.
    MemberTooLong,
    /// A member query holding NUL.
    MemberNul,
    /// A whole number outside `lo..=hi`.
    OutOfRange {
        value: i64,
        lo: i64,
        hi: i64,
        unit: Unit,
    },
    /// `/why since` as a number of days outside 1..=`max`.
    SinceDays { days: i64, max: i64 },
    /// `/why since` that is neither a date nor a number (quoted).
    NotADate { quoted: String },
    /// `/why since` a date that has no midnight.
    NoDate,
    /// `/why since` not in the past.
    NotPast,
    /// `/why since` more than `max` days back.
    TooLongAgo { max: i64 },
    /// `/config set key` empty.
    KeyEmpty,
    /// `/config set key` not a dotted key (quoted).
    NotAKey { quoted: String },
    /// `/config set value` empty.
    ValueEmpty,
    /// `/config set value` over `max` characters.
    ValueTooLong { max: usize },
    /// `/config set value` holding NUL.
    ValueNul,
}

impl Problem {
    /// The message id and its arguments (all text: numbers are written as
    /// the English always wrote them, in every language).
    fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        use Problem as P;
        match self {
            P::Amount { value } => (
                "option-amount",
                vec![
                    ("value", value.clone()),
                    ("min", super::MIN_ADJUST.to_string()),
                    ("max", super::MAX_ADJUST.to_string()),
                ],
            ),
            P::Length { min, max, got } => (
                "option-length",
                vec![
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                    ("got", got.to_string()),
                ],
            ),
            P::ControlChar { code } => (
                "option-control-char",
                vec![("code", format!("U+{code:04X}"))],
            ),
            P::NotMemberId { id } => ("option-not-member-id", vec![("id", id.clone())]),
            P::MemberEmpty => ("option-member-empty", vec![]),
            P::MemberTooLong => ("option-member-too-long", vec![]),
            P::MemberNul => ("option-member-nul", vec![]),
            P::OutOfRange {
                value,
                lo,
                hi,
                unit,
            } => (
                match unit {
                    Unit::Page => "option-range-page",
                    Unit::Days => "option-range-days",
                    Unit::Entries => "option-range-entries",
                },
                vec![
                    ("value", value.to_string()),
                    ("lo", lo.to_string()),
                    ("hi", hi.to_string()),
                ],
            ),
            P::SinceDays { days, max } => (
                "option-since-days",
                vec![("days", days.to_string()), ("max", max.to_string())],
            ),
            P::NotADate { quoted } => ("option-not-a-date", vec![("value", quoted.clone())]),
            P::NoDate => ("option-date-fix", vec![]),
            P::NotPast => ("option-not-past", vec![]),
            P::TooLongAgo { max } => ("option-too-long-ago", vec![("max", max.to_string())]),
            P::KeyEmpty => ("option-key-empty", vec![]),
            P::NotAKey { quoted } => ("option-not-a-key", vec![("value", quoted.clone())]),
            P::ValueEmpty => ("option-value-empty", vec![]),
            P::ValueTooLong { max } => ("option-value-too-long", vec![("max", max.to_string())]),
            P::ValueNul => ("option-value-nul", vec![]),
        }
    }

    /// The problem in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let (id, args) = self.message();
        let args: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|(k, v)| (*k, Arg::from(v.as_str())))
            .collect();
        tr(lang, id, &args)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant once, with the English the checks wrote before they
    /// were typed (byte for byte: the CLI and the tests read it).
    fn every() -> Vec<(Problem, &'static str)> {
        use Problem as P;
        vec![
            (
                P::Amount { value: "1e308".into() },
                "1e308 is not allowed; give a number of points from 0.01 to 1000, negative to take away (e.g. 5 or -2.5)",
            ),
            (
                P::Length { min: 1, max: 300, got: 0 },
                "give 1 to 300 characters (this one has 0)",
            ),
            (
                P::ControlChar { code: 0 },
                "contains the control character U+0000; remove it",
            ),
            (
                P::NotMemberId { id: "0".into() },
                "0 is not a Discord member id; pick a member of this server",
            ),
            (P::MemberEmpty, "empty; give a member's id, name or mention"),
            (
                P::MemberTooLong,
                "longer than 200 characters; give a member's id, name or mention",
            ),
            (
                P::MemberNul,
                "contains a NUL character; give a member's id, name or mention",
            ),
            (
                P::OutOfRange { value: 0, lo: 1, hi: 1_000_000, unit: Unit::Page },
                "0 is out of range; give a page number from 1 to 1000000",
            ),
            (
                P::OutOfRange { value: -5, lo: 1, hi: 3650, unit: Unit::Days },
                "-5 is out of range; give a number of days from 1 to 3650",
            ),
            (
                P::OutOfRange { value: 1001, lo: 1, hi: 1000, unit: Unit::Entries },
                "1001 is out of range; give a number of entries from 1 to 1000",
            ),
            (
                P::SinceDays { days: 0, max: 3650 },
                "0 days is out of range; give 1 to 3650 days",
            ),
            (
                P::NotADate { quoted: "\"yesterday\"".into() },
                "\"yesterday\" is not a date; give a date like 2026-11-23 or a number of days like 7",
            ),
            (P::NoDate, "give a date like 2026-11-23 or a number of days like 7"),
            (P::NotPast, "that is not in the past; give an earlier date"),
            (
                P::TooLongAgo { max: 3650 },
                "that is more than 3650 days ago; give a later date",
            ),
            (
                P::KeyEmpty,
                "empty; give a setting as shown by /config view, e.g. decay.recent_half_life_days",
            ),
            (
                P::NotAKey { quoted: "\"a..b\"".into() },
                "\"a..b\" is not a setting name; give a dotted key as shown by /config view, e.g. decay.recent_half_life_days",
            ),
            (
                P::ValueEmpty,
                "empty; give a TOML value: 45, 0.5, true, \"text\" or [\"a\", \"b\"]",
            ),
            (
                P::ValueTooLong { max: 1000 },
                "longer than 1000 characters; give a shorter value",
            ),
            (P::ValueNul, "contains a NUL character; remove it"),
        ]
    }

    #[test]
    fn english_is_the_text_the_checks_always_wrote() {
        for (p, english) in every() {
            assert_eq!(p.to_string(), english, "{p:?}");
        }
    }

    #[test]
    fn every_problem_renders_in_every_language_with_its_values() {
        for (p, english) in every() {
            let (id, args) = p.message();
            for lang in Lang::ALL {
                assert!(
                    crate::i18n::lookup(lang, id, None, &[]).is_some(),
                    "{}: {id} missing",
                    lang.code()
                );
                let s = p.render(lang);
                assert!(
                    !s.contains('{') && !s.contains('$') && !s.is_empty(),
                    "{}: {id}: {s}",
                    lang.code()
                );
                for (k, v) in &args {
                    assert!(
                        s.contains(v.as_str()),
                        "{}: {id} lacks ${k}: {s}",
                        lang.code()
                    );
                }
                if lang != Lang::En {
                    assert_ne!(s, english, "{}: {id} is not translated", lang.code());
                }
            }
        }
    }

    #[test]
    fn a_bad_adjust_amount_in_german() {
        let e = crate::options::amount(5000.0).unwrap_err();
        let de = e.problem.render(Lang::De);
        assert!(
            de.contains("5000") && de.contains("0.01") && de.contains("1000"),
            "{de}"
        );
        assert!(de.contains("Punktzahl"), "{de}");
        assert_eq!(
            e.to_string(),
            "`amount`: 5000 is not allowed; give a number of points from 0.01 to 1000, negative to take away (e.g. 5 or -2.5)"
        );
    }
}

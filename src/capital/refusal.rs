//! Requests the services refuse, as values: which refusal and the values
//! it quotes. The words come from the Fluent files (`locales/*/errors.ftl`,
//! `refusal-…`): Discord answers and the web pages in the reader's language,
//! while `Display` — the CLI, the logs, the API — keeps the English the
//! services always wrote.
//!
//! Pure: the text is looked up in the embedded Fluent files.

use std::fmt;

use crate::capital::setting_error::SettingError;
use crate::i18n::{tr, Arg, Lang};

/// A refused request a member or moderator can fix. Quoted values are
/// quoted already (`"ann"`), as the English always showed them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No member matches the query.
    UnknownMember { query: String },
    /// Several members match: `matches` lists them (`name (id), …`).
    AmbiguousMember { query: String, matches: String },
    /// A period board needs week or month.
    PeriodNeeded,
    /// `at` that names no week, month or date.
    BadAt { value: String },
    /// `at` given with period all.
    AtNeedsPeriod,
    /// A time zone that is not an IANA name.
    BadZone { value: String },
    /// `/config preview` with nothing to try.
    NoChanges,
    /// `/config preview` naming a section, not a key.
    Section { key: String },
    /// `/config preview` naming no setting.
    UnknownSetting { key: String },
    /// `/config preview` whose values do not make a configuration: why,
    /// in words where the parser's English could be read (see
    /// `config::refused_in_words`).
    NotValidConfig { why: SettingError },
    /// `/config preview` text that is not `key=value …` (the word).
    AssignExpected { word: String },
    /// `/config preview` text without any `key=value`.
    AssignNone,
    /// `/config preview` `key=` with no value.
    AssignNoValue { key: String },
    /// A name search of the wrong length.
    SearchLength,
    /// `/why since` not before now.
    SinceNotBefore,
    /// A token name that is not 1 to 40 plain characters.
    TokenName,
    /// A token by that name exists already.
    TokenExists { name: String },
    /// No token by that name.
    NoSuchToken { name: String },
}

impl Refusal {
    /// The message id and its text arguments.
    fn message(&self) -> (&'static str, Vec<(&'static str, &str)>) {
        use Refusal as R;
        match self {
            R::UnknownMember { query } => ("refusal-unknown-member", vec![("query", query)]),
            R::AmbiguousMember { query, matches } => (
                "refusal-ambiguous-member",
                vec![("query", query), ("matches", matches)],
            ),
            R::PeriodNeeded => ("refusal-period-needed", vec![]),
            R::BadAt { value } => ("refusal-bad-at", vec![("value", value)]),
            R::AtNeedsPeriod => ("refusal-at-needs-period", vec![]),
            R::BadZone { value } => ("refusal-bad-zone", vec![("value", value)]),
            R::NoChanges => ("refusal-no-changes", vec![]),
            R::Section { key } => ("refusal-section", vec![("key", key)]),
            R::UnknownSetting { key } => ("refusal-unknown-setting", vec![("key", key)]),
            // Rendered in `render`: its why is rendered in the same language.
            R::NotValidConfig { .. } => ("refusal-not-valid-config", vec![]),
            R::AssignExpected { word } => ("refusal-assign-expected", vec![("word", word)]),
            R::AssignNone => ("refusal-assign-none", vec![]),
            R::AssignNoValue { key } => ("refusal-assign-no-value", vec![("key", key)]),
            R::SearchLength => ("refusal-search-length", vec![]),
            R::SinceNotBefore => ("refusal-since-not-before", vec![]),
            R::TokenName => ("refusal-token-name", vec![]),
            R::TokenExists { name } => ("refusal-token-exists", vec![("name", name)]),
            R::NoSuchToken { name } => ("refusal-no-such-token", vec![("name", name)]),
        }
    }

    /// The refusal in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        if let Refusal::NotValidConfig { why } = self {
            let detail = why.render(lang);
            return tr(
                lang,
                "refusal-not-valid-config",
                &[("detail", Arg::from(detail.as_str()))],
            );
        }
        let (id, args) = self.message();
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, Arg::from(*v))).collect();
        tr(lang, id, &args)
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Refusal {}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant once, with the English the services wrote before it
    /// was typed (byte for byte).
    fn every() -> Vec<(Refusal, &'static str)> {
        use Refusal as R;
        let s = |x: &str| x.to_string();
        vec![
            (
                R::UnknownMember { query: s("\"\\\"ann\\\"\"") },
                "unknown member \"\\\"ann\\\"\" in this server (give an id, a name, or a mention)",
            ),
            (
                R::AmbiguousMember { query: s("\"an\""), matches: s("ann (1), anna (2)") },
                "\"an\" matches several members: ann (1), anna (2); give an id",
            ),
            (R::PeriodNeeded, "period must be week or month here"),
            (
                R::BadAt { value: s("\"October\"") },
                "at: at must be a month like 2026-10, a week like 2026-W44 or a date like 2026-10-14, not \"October\"",
            ),
            (R::AtNeedsPeriod, "at: at needs period week or month"),
            (
                R::BadZone { value: s("\"Mars/Base\"") },
                "\"Mars/Base\" is not an IANA time zone name (e.g. Europe/Berlin, UTC)",
            ),
            (R::NoChanges, "give at least one key=value to try"),
            (
                R::Section { key: s("\"decay\"") },
                "\"decay\" is a section; name a key inside it",
            ),
            (
                R::UnknownSetting { key: s("\"nope\"") },
                "unknown setting \"nope\"; see /config view for the keys",
            ),
            (
                R::NotValidConfig {
                    why: SettingError::text("invalid type: string \"x\", expected f64"),
                },
                "not a valid configuration: invalid type: string \"x\", expected f64",
            ),
            (
                R::AssignExpected { word: s("\"45\"") },
                "invalid setting: expected key=value (e.g. decay.recent_half_life_days=45), got \"45\"",
            ),
            (
                R::AssignNone,
                "invalid setting: give at least one key=value, e.g. decay.recent_half_life_days=45",
            ),
            (
                R::AssignNoValue { key: s("decay.recent_half_life_days") },
                "invalid setting: decay.recent_half_life_days= has no value",
            ),
            (R::SearchLength, "search for 1 to 100 characters of a name"),
            (
                R::SinceNotBefore,
                "`since` must be before now: give a date in the past (YYYY-MM-DD)",
            ),
            (
                R::TokenName,
                "a token name is 1 to 40 letters, digits, spaces, '-', '_' or '.' (e.g. dashboard)",
            ),
            (
                R::TokenExists { name: s("\"dashboard\"") },
                "this server already has a token named \"dashboard\": revoke it first or choose another name",
            ),
            (
                R::NoSuchToken { name: s("\"dashboard\"") },
                "this server has no API token named \"dashboard\" (see /config api-token list)",
            ),
        ]
    }

    #[test]
    fn english_is_the_text_the_services_always_wrote() {
        for (r, english) in every() {
            assert_eq!(r.to_string(), english, "{r:?}");
        }
    }

    #[test]
    fn every_refusal_renders_in_every_language_with_its_values() {
        for (r, english) in every() {
            let (id, args) = r.message();
            for lang in Lang::ALL {
                assert!(
                    crate::i18n::lookup(lang, id, None, &[]).is_some(),
                    "{}: {id} missing",
                    lang.code()
                );
                let s = r.render(lang);
                assert!(
                    !s.contains("{ $") && !s.is_empty(),
                    "{}: {id}: {s}",
                    lang.code()
                );
                for (k, v) in &args {
                    assert!(s.contains(v), "{}: {id} lacks ${k}: {s}", lang.code());
                }
                if lang != Lang::En {
                    assert_ne!(s, english, "{}: {id} is not translated", lang.code());
                }
            }
        }
    }

    #[test]
    fn an_ambiguous_member_in_german() {
        let r = Refusal::AmbiguousMember {
            query: "\"an\"".into(),
            matches: "ann (1), anna (2)".into(),
        };
        let de = r.render(Lang::De);
        assert!(
            de.contains("\"an\"") && de.contains("anna (2)") && de.contains("Mitglieder"),
            "{de}"
        );
    }
}

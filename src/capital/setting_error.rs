//! Why a setting was refused, as a value: a message id (`locales/*/
//! messages.ftl`, `setting-…`) and its arguments. `/config set` answers in
//! the moderator's language; the CLI, the logs and `Display` keep the
//! English text the checks always wrote.
//!
//! Pure: the text is looked up in the embedded Fluent files.

use std::fmt;

use crate::i18n::{tr, Arg, Lang};

/// A refused setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingError {
    pub id: &'static str,
    /// Text arguments (keys, bounds, values: written the same in every
    /// language).
    pub args: Vec<(&'static str, String)>,
    /// What a wrapper (`setting-not-applied`) says went wrong, as `why`.
    pub cause: Option<Box<SettingError>>,
}

impl SettingError {
    pub fn new(id: &'static str, args: &[(&'static str, &dyn fmt::Display)]) -> SettingError {
        SettingError {
            id,
            args: args.iter().map(|(k, v)| (*k, v.to_string())).collect(),
            cause: None,
        }
    }

    /// The key must lie in `[lo, hi]`: "{key} must be between {lo} and {hi}".
    pub fn between(key: &str, lo: impl fmt::Display, hi: impl fmt::Display) -> SettingError {
        SettingError::new(
            "setting-between",
            &[("key", &key), ("lo", &lo), ("hi", &hi)],
        )
    }

    /// One of the checks that only names its key (`setting-positive`, …).
    pub fn key(id: &'static str, key: &str) -> SettingError {
        SettingError::new(id, &[("key", &key)])
    }

    /// Free English text (from a parser we do not own): shown as is.
    pub fn text(text: impl Into<String>) -> SettingError {
        SettingError::new("setting-text", &[("text", &text.into())])
    }

    /// Free text from a parser (see [`SettingError::text`]).
    pub fn is_parser_text(&self) -> bool {
        self.id == "setting-text"
    }

    /// This error as the `why` of another.
    pub fn because(mut self, cause: SettingError) -> SettingError {
        self.cause = Some(Box::new(cause));
        self
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let why = self.cause.as_ref().map(|c| c.render(lang));
        let mut args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(k, v)| (*k, Arg::from(v.as_str())))
            .collect();
        if let Some(w) = &why {
            args.push(("why", Arg::from(w.as_str())));
        }
        tr(lang, self.id, &args)
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for SettingError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_the_old_text_and_german_differs() {
        let e = SettingError::between("digest.hour_utc", 0, 23);
        assert_eq!(e.to_string(), "digest.hour_utc must be between 0 and 23");
        let de = e.render(Lang::De);
        assert!(de.contains("digest.hour_utc") && de.contains("23"), "{de}");
        assert_ne!(de, e.to_string());
        let wrapped = SettingError::new(
            "setting-not-applied",
            &[("key", &"digest.hour_utc"), ("value", &"'99'")],
        )
        .because(e);
        assert_eq!(
            wrapped.to_string(),
            "digest.hour_utc = '99' was not applied: invalid setting: digest.hour_utc must be between 0 and 23; give a value of the type /config view shows"
        );
        assert!(
            !wrapped.render(Lang::Fr).contains("must be"),
            "{}",
            wrapped.render(Lang::Fr)
        );
    }
}

//! Languages: every member-facing string, looked up by message id in the
//! Fluent files under `locales/<discord locale>/` (compiled into the binary,
//! so a running bot never misses a file).
//!
//! Discord names a locale in every interaction (`locale`, the member's client
//! language) and on every guild (`preferred_locale`, for channel posts). We
//! map them onto the languages we ship with [`Lang::from_discord`]; anything
//! else falls back to English, and so does a message id a translation lacks,
//! so an incomplete translation degrades to English text instead of an error.
//!
//! Pure: no I/O beyond reading the embedded files once.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language Goodwill speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    De,
    Fr,
    Es,
    PtBr,
    Ja,
}

impl Lang {
    /// Every language, English first (the fallback and the reference).
    pub const ALL: [Lang; 6] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::PtBr, Lang::Ja];

    /// The folder under `locales/` and the main Discord locale code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en-US",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es-ES",
            Lang::PtBr => "pt-BR",
            Lang::Ja => "ja",
        }
    }

    /// The Discord locale codes this language answers to (command
    /// localisations are registered under each of them).
    pub fn discord_locales(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["en-US", "en-GB"],
            Lang::De => &["de"],
            Lang::Fr => &["fr"],
            Lang::Es => &["es-ES", "es-419"],
            Lang::PtBr => &["pt-BR"],
            Lang::Ja => &["ja"],
        }
    }

    /// A Discord locale code (`de`, `es-419`, …) or a plain language tag
    /// (`de-AT`, `pt`) onto the language we ship; `None` when we don't.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "fr" => Some(Lang::Fr),
            "es" => Some(Lang::Es),
            "pt" => Some(Lang::PtBr),
            "ja" => Some(Lang::Ja),
            _ => None,
        }
    }

    /// Like [`Lang::parse`], falling back to English: Discord has locales we
    /// don't translate (`ko`, `sv-SE`, …).
    pub fn from_discord(code: &str) -> Lang {
        Lang::parse(code).unwrap_or(Lang::En)
    }

    fn index(self) -> usize {
        Lang::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

/// The Fluent sources, per language, in [`Lang::ALL`] order.
pub(crate) const SOURCES: [(&str, &[&str]); 6] = [
    (
        "en-US",
        &[
            include_str!("../../locales/en-US/commands.ftl"),
            include_str!("../../locales/en-US/messages.ftl"),
            include_str!("../../locales/en-US/reasons.ftl"),
            include_str!("../../locales/en-US/errors.ftl"),
        ],
    ),
    (
        "de",
        &[
            include_str!("../../locales/de/commands.ftl"),
            include_str!("../../locales/de/messages.ftl"),
            include_str!("../../locales/de/reasons.ftl"),
            include_str!("../../locales/de/errors.ftl"),
        ],
    ),
    (
        "fr",
        &[
            include_str!("../../locales/fr/commands.ftl"),
            include_str!("../../locales/fr/messages.ftl"),
            include_str!("../../locales/fr/reasons.ftl"),
            include_str!("../../locales/fr/errors.ftl"),
        ],
    ),
    (
        "es-ES",
        &[
            include_str!("../../locales/es-ES/commands.ftl"),
            include_str!("../../locales/es-ES/messages.ftl"),
            include_str!("../../locales/es-ES/reasons.ftl"),
            include_str!("../../locales/es-ES/errors.ftl"),
        ],
    ),
    (
        "pt-BR",
        &[
            include_str!("../../locales/pt-BR/commands.ftl"),
            include_str!("../../locales/pt-BR/messages.ftl"),
            include_str!("../../locales/pt-BR/reasons.ftl"),
            include_str!("../../locales/pt-BR/errors.ftl"),
        ],
    ),
    (
        "ja",
        &[
            include_str!("../../locales/ja/commands.ftl"),
            include_str!("../../locales/ja/messages.ftl"),
            include_str!("../../locales/ja/reasons.ftl"),
            include_str!("../../locales/ja/errors.ftl"),
        ],
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle] {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(code, files)| {
                let lang: unic_langid::LanguageIdentifier = code.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![lang]);
                // No Unicode isolation marks around placeholders: they would
                // end up inside mentions (`<@…>`) and Markdown.
                bundle.set_use_isolating(false);
                for src in *files {
                    // A syntax error keeps the entries that did parse; the
                    // unit tests below fail on any error.
                    let res = match FluentResource::try_new((*src).to_string()) {
                        Ok(r) => r,
                        Err((r, _)) => r,
                    };
                    // Duplicates keep the first entry (tested against too).
                    let _ = bundle.add_resource(res);
                }
                bundle
            })
            .collect()
    })
}

/// An argument for a message: text or a number (numbers pick plural forms;
/// figures with decimals are passed as text, formatted the same way in
/// every language).
pub type Arg<'a> = FluentValue<'a>;

/// The message `id` in `lang` with `args`; the English one when the language
/// lacks it; the id itself when English lacks it too (never panics).
pub fn tr(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    tr_attr(lang, id, None, args).unwrap_or_else(|| id.to_string())
}

/// [`tr`] for a Discord locale code (`de`, `en-US`, `es-419`, …).
pub fn tr_locale(locale: &str, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    tr(Lang::from_discord(locale), id, args)
}

/// A message or one of its attributes (`attr`), falling back to English.
pub fn tr_attr(
    lang: Lang,
    id: &str,
    attr: Option<&str>,
    args: &[(&str, Arg<'_>)],
) -> Option<String> {
    lookup(lang, id, attr, args).or_else(|| lookup(Lang::En, id, attr, args))
}

/// A message or attribute in exactly `lang`, without fallback (command
/// localisations are registered only where a translation exists).
pub fn lookup(
    lang: Lang,
    id: &str,
    attr: Option<&str>,
    args: &[(&str, Arg<'_>)],
) -> Option<String> {
    let bundle = &bundles()[lang.index()];
    let msg = bundle.get_message(id)?;
    let pattern = match attr {
        Some(a) => msg.get_attribute(a)?.value(),
        None => msg.value()?,
    };
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    let mut errors = vec![];
    let out = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
    Some(out.into_owned())
}

/// A shorthand the views use: one language, many lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

impl Tr {
    pub fn of(locale: &str) -> Tr {
        Tr(Lang::from_discord(locale))
    }
    /// A message without arguments.
    pub fn s(self, id: &str) -> String {
        tr(self.0, id, &[])
    }
    /// A message with arguments.
    pub fn a(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        tr(self.0, id, args)
    }
}

#[cfg(test)]
mod tests;

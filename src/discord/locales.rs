//! Each guild's language for channel posts: the moderators' choice (the
//! `locale` setting) when they made one, else Discord's `preferred_locale`,
//! sent in GUILD_CREATE and again in GUILD_UPDATE when the server's owners
//! change it. Every member reads a channel post, so it follows the server;
//! answers meant for one member follow that member's own locale instead (the
//! interaction's `locale`).
//!
//! Process-wide, like the metrics: the gateway handler learns the preferred
//! locale, the moderation tick and `/config set` the setting, the commands
//! and the background posts read it, and nothing else in between needs to
//! carry it. Keyed by guild, so several bots in one process (tests) don't mix.

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use crate::i18n::{Lang, Tr};

#[derive(Default)]
struct Known {
    /// Discord's preferred locale, as last told.
    preferred: Option<String>,
    /// The `locale` setting, when it names a language (not `auto`).
    chosen: Option<Lang>,
}

static GUILDS: LazyLock<RwLock<HashMap<u64, Known>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));

/// Remember a guild's preferred locale (GUILD_CREATE, GUILD_UPDATE).
pub fn learn(guild: u64, locale: &str) {
    if let Ok(mut m) = GUILDS.write() {
        m.entry(guild).or_default().preferred = Some(locale.to_string());
    }
}

/// Remember the guild's `locale` setting: a language overrides Discord's
/// preferred locale; `auto` (or empty) leaves it to Discord.
pub fn choose(guild: u64, setting: &str) {
    let chosen = crate::capital::settings::chosen_locale(setting);
    if let Ok(mut m) = GUILDS.write() {
        m.entry(guild).or_default().chosen = chosen;
    }
}

/// The language of a guild's channel posts: the `locale` setting, else its
/// preferred locale when we ship it, English otherwise (or before the guild
/// was seen).
pub fn guild_lang(guild: u64) -> Lang {
    told_lang(guild, None)
}

/// [`guild_lang`] when an interaction told the guild's preferred locale
/// (fresher than the gateway's): the setting still comes first.
pub fn told_lang(guild: u64, told: Option<&str>) -> Lang {
    let m = GUILDS.read().ok();
    let known = m.as_ref().and_then(|m| m.get(&guild));
    if let Some(l) = known.and_then(|k| k.chosen) {
        return l;
    }
    told.or_else(|| known.and_then(|k| k.preferred.as_deref()))
        .map(Lang::from_discord)
        .unwrap_or(Lang::En)
}

/// [`guild_lang`] as a translator.
pub fn guild_tr(guild: u64) -> Tr {
    Tr(guild_lang(guild))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guild_speaks_its_preferred_locale() {
        assert_eq!(guild_lang(9_000_001), Lang::En);
        learn(9_000_001, "pt-BR");
        assert_eq!(guild_lang(9_000_001), Lang::PtBr);
        learn(9_000_001, "sv-SE");
        assert_eq!(guild_lang(9_000_001), Lang::En);
    }

    #[test]
    fn the_locale_setting_comes_before_discords() {
        learn(9_000_002, "fr");
        choose(9_000_002, "de");
        assert_eq!(guild_lang(9_000_002), Lang::De);
        assert_eq!(told_lang(9_000_002, Some("ja")), Lang::De);
        choose(9_000_002, "auto");
        assert_eq!(guild_lang(9_000_002), Lang::Fr);
        assert_eq!(told_lang(9_000_002, Some("ja")), Lang::Ja);
        choose(9_000_002, "");
        learn(9_000_002, "es-ES");
        assert_eq!(guild_lang(9_000_002), Lang::Es);
    }
}

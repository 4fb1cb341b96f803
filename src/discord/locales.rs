//! Each guild's language for channel posts: the moderators' choice (the
//! `locale` setting) when they made one, else Discord's `preferred_locale`,
//! sent in GUILD_CREATE and again in GUILD_UPDATE when the server's owners
//! change it. Every member reads a channel post, so it follows the server;
//! answers meant for one member follow that member's own locale instead (the
//! interaction's `locale`).
//!
//! One [`GuildLocales`] per running bot, shared like the roster: the gateway
//! handler learns the preferred locale, the moderation tick and `/config set`
//! the setting, the commands, buttons and background posts read it. Per bot,
//! not per process: several bots in one process (tests) serve the same guild
//! id without hearing each other.

use std::collections::HashMap;
use std::sync::RwLock;

use crate::i18n::{Lang, Tr};

#[derive(Default)]
struct Known {
    /// Discord's preferred locale, as last told.
    preferred: Option<String>,
    /// The `locale` setting, when it names a language (not `auto`).
    chosen: Option<Lang>,
}

/// What one bot knows of its guilds' languages.
#[derive(Default)]
pub struct GuildLocales {
    guilds: RwLock<HashMap<u64, Known>>,
}

impl GuildLocales {
    /// Remember a guild's preferred locale (GUILD_CREATE, GUILD_UPDATE).
    pub fn learn(&self, guild: u64, locale: &str) {
        let mut m = self.guilds.write().unwrap_or_else(|e| e.into_inner());
        m.entry(guild).or_default().preferred = Some(locale.to_string());
    }

    /// Remember the guild's `locale` setting: a language overrides Discord's
    /// preferred locale; `auto` (or empty) leaves it to Discord.
    pub fn choose(&self, guild: u64, setting: &str) {
        let chosen = crate::capital::settings::chosen_locale(setting);
        let mut m = self.guilds.write().unwrap_or_else(|e| e.into_inner());
        m.entry(guild).or_default().chosen = chosen;
    }

    /// The language of a guild's channel posts: the `locale` setting, else
    /// its preferred locale when we ship it, English otherwise (or before the
    /// guild was seen).
    pub fn guild_lang(&self, guild: u64) -> Lang {
        self.told_lang(guild, None)
    }

    /// [`GuildLocales::guild_lang`] when an interaction told the guild's
    /// preferred locale (as fresh as the gateway's): the setting still comes
    /// first.
    pub fn told_lang(&self, guild: u64, told: Option<&str>) -> Lang {
        let m = self.guilds.read().unwrap_or_else(|e| e.into_inner());
        let known = m.get(&guild);
        if let Some(l) = known.and_then(|k| k.chosen) {
            return l;
        }
        told.or_else(|| known.and_then(|k| k.preferred.as_deref()))
            .map(Lang::from_discord)
            .unwrap_or(Lang::En)
    }

    /// [`GuildLocales::guild_lang`] as a translator.
    pub fn guild_tr(&self, guild: u64) -> Tr {
        Tr(self.guild_lang(guild))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guild_speaks_its_preferred_locale() {
        let l = GuildLocales::default();
        assert_eq!(l.guild_lang(1), Lang::En);
        l.learn(1, "pt-BR");
        assert_eq!(l.guild_lang(1), Lang::PtBr);
        l.learn(1, "sv-SE");
        assert_eq!(l.guild_lang(1), Lang::En);
        assert_eq!(GuildLocales::default().guild_lang(1), Lang::En);
    }

    #[test]
    fn the_locale_setting_comes_before_discords() {
        let l = GuildLocales::default();
        l.learn(2, "fr");
        l.choose(2, "de");
        assert_eq!(l.guild_lang(2), Lang::De);
        assert_eq!(l.told_lang(2, Some("ja")), Lang::De);
        l.choose(2, "auto");
        assert_eq!(l.guild_lang(2), Lang::Fr);
        assert_eq!(l.told_lang(2, Some("ja")), Lang::Ja);
        l.choose(2, "");
        l.learn(2, "es-ES");
        assert_eq!(l.guild_lang(2), Lang::Es);
    }
}

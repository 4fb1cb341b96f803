//! Each guild's preferred locale (Discord's `preferred_locale`, sent in
//! GUILD_CREATE): the language of channel posts, which every
//! member reads. Answers meant for one member follow that member's own
//! locale instead (the interaction's `locale`).
//!
//! Process-wide, like the metrics: the gateway handler learns it, the
//! commands and the background posts read it, and nothing else in between
//! needs to carry it. Keyed by guild, so several bots in one process (tests)
//! don't mix.

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use crate::i18n::{Lang, Tr};

static PREFERRED: LazyLock<RwLock<HashMap<u64, String>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));

/// Remember a guild's preferred locale.
pub fn learn(guild: u64, locale: &str) {
    if let Ok(mut m) = PREFERRED.write() {
        m.insert(guild, locale.to_string());
    }
}

/// The language of a guild's channel posts: its preferred locale when we
/// ship it, English otherwise (or before the guild was seen).
pub fn guild_lang(guild: u64) -> Lang {
    PREFERRED
        .read()
        .ok()
        .and_then(|m| m.get(&guild).map(|l| Lang::from_discord(l)))
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
}

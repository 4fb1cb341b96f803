//! A guild's settings: the effective view, and changing one key.

use super::{Goodwill, ServiceError, R};
use crate::capital::decay::Scales;
use crate::capital::message::GuildId;
use crate::capital::settings::SettingError;

/// Settings that are maps with free keys (`roles.by_tier.<tier name>`).
const OPEN_MAPS: &[&str] = &["roles.by_tier"];

impl Goodwill {
    /// The guild's effective settings as TOML.
    pub async fn config_view(&self, guild: GuildId) -> R<String> {
        let s = self.settings(guild).await?;
        toml::to_string_pretty(&s).map_err(|e| ServiceError::Invalid(e.to_string()))
    }

    /// Change one setting for a guild (`section.key`, TOML value). Rejects
    /// unknown keys and invalid values; a change of half-lives recomputes the
    /// accumulators from the ledger.
    pub async fn config_set(&self, guild: GuildId, key: &str, value: &str) -> R<String> {
        use crate::options::quote;
        let bad =
            |option: &'static str, error: SettingError| ServiceError::Setting { option, error };
        let quoted = |k: &str| quote(k).to_string();
        let key = &crate::options::config_key(key)?;
        let value = &crate::options::config_value(value)?;
        let g = self.guild_row(guild).await?;
        let current = self
            .inner
            .cached_settings(guild, &g.settings)
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let tree = toml::Value::try_from(current.as_ref())
            .map_err(|e| ServiceError::Invalid(e.to_string()))?;
        let open_map = key
            .rsplit_once('.')
            .is_some_and(|(parent, _)| OPEN_MAPS.contains(&parent));
        let old = crate::config::get_path(&tree, key)
            .or(if open_map {
                Some(&toml::Value::Integer(0))
            } else {
                None
            })
            .ok_or_else(|| {
                bad(
                    "key",
                    SettingError::new("setting-unknown-key", &[("key", &quoted(key))]),
                )
            })?
            .clone();
        if old.is_table() {
            return Err(bad(
                "key",
                SettingError::new("setting-section", &[("key", &quoted(key))]),
            ));
        }
        let mut over =
            toml::Value::try_from(&g.settings).unwrap_or(toml::Value::Table(Default::default()));
        let new = crate::config::parse_value(value);
        if open_map && new == toml::Value::Integer(0) {
            // 0 removes the entry from the map.
            if let Some((parent, leaf)) = key.rsplit_once('.') {
                let mut t = crate::config::get_path(&tree, parent)
                    .cloned()
                    .unwrap_or(toml::Value::Table(Default::default()));
                if let Some(t) = t.as_table_mut() {
                    t.remove(leaf);
                }
                crate::config::set_path(&mut over, parent, t)
                    .map_err(|e| bad("key", SettingError::text(e.to_string())))?;
            }
        } else {
            crate::config::set_path(&mut over, key, new.clone())
                .map_err(|e| bad("key", SettingError::text(e.to_string())))?;
        }
        let new_settings = crate::config::guild_settings(&self.inner.base, &over).map_err(|e| {
            let why = match e {
                // The deserializer's English ("invalid type: …") is said in
                // words where it can be: the kind the setting or its list's
                // items take, the word of an id list that is not an id.
                crate::config::ConfigError::Refused(why) => {
                    crate::config::refused_in_words(key, &old, &new, why)
                }
                other => SettingError::text(
                    other
                        .to_string()
                        .trim_start_matches("invalid setting: ")
                        .to_string(),
                ),
            };
            bad(
                "value",
                SettingError::new(
                    "setting-not-applied",
                    &[("key", &key), ("value", &quoted(value))],
                )
                .because(why),
            )
        })?;
        if let Some(("roles.by_tier", tier)) = key.rsplit_once('.') {
            // Checked here, not in Settings::validate: a later rename of the
            // tiers must not make the guild's settings unreadable.
            if new != toml::Value::Integer(0) && !new_settings.tiers.iter().any(|t| t.name == tier)
            {
                let tiers = new_settings
                    .tiers
                    .iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(bad(
                    "key",
                    SettingError::new(
                        "setting-no-such-tier",
                        &[("tier", &quoted(tier)), ("tiers", &tiers)],
                    ),
                ));
            }
        }
        let json = serde_json::to_value(&over).map_err(|e| ServiceError::Invalid(e.to_string()))?;
        // New half-lives first: the recompute can fail for this ledger (a
        // half-life so short the accumulators overflow), and then nothing
        // may have changed.
        let scales = Scales::from(&new_settings.decay);
        if scales != g.scales {
            if let Err(e) = self.store().recompute_balances(guild, &scales).await {
                if crate::store::is_unavailable(&e) {
                    return Err(ServiceError::Unavailable(e));
                }
                tracing::warn!(guild = guild.get(), key, error = %e, "half-life change refused: recompute failed");
                // The recompute is one transaction: the old accumulators stand.
                return Err(bad(
                    "value",
                    SettingError::new(
                        "setting-overflow",
                        &[("key", &key), ("value", &quoted(value))],
                    ),
                ));
            }
        }
        self.store().set_guild_settings(guild, &json).await?;
        if key.starts_with("exclude.") {
            // Boards filter on the stored flag: recomputed at once.
            self.store()
                .refresh_excluded(guild, &new_settings.exclude)
                .await?;
        }
        if key.starts_with("roles.") {
            // New role settings: roles that could not be managed are tried again (once).
            self.store().clear_role_problems(guild).await?;
        }
        self.inner.forget(guild);
        Ok(format!("{key}: {old} -> {new}"))
    }
}

//! Settings from files and environment: `config/default.toml` (compiled in, so
//! the binary needs no files), then the file named by `GOODWILL_CONFIG`, then
//! `GOODWILL__SECTION__KEY` environment variables, then per-guild overrides
//! stored in the database (`/config set`).

use crate::capital::settings::SettingError;
use std::path::Path;

use crate::capital::settings::Settings;

pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("config file {path} is not valid TOML: {message}")]
    Parse { path: String, message: String },
    #[error("invalid setting: {0}")]
    Invalid(String),
    /// A setting the checks refused, in words for any language.
    #[error("invalid setting: {0}")]
    Refused(SettingError),
    #[error("unknown setting {0:?} (see config/default.toml for the keys)")]
    UnknownKey(String),
}

/// Settings built from the compiled-in defaults only.
pub fn default_settings() -> Settings {
    let v: toml::Value = toml::from_str(DEFAULT_TOML).expect("config/default.toml is valid TOML");
    v.try_into().expect("config/default.toml matches Settings")
}

/// Merge `over` into `base`, tables recursively, other values replaced.
pub fn merge(base: &mut toml::Value, over: &toml::Value) {
    match (base, over) {
        (toml::Value::Table(b), toml::Value::Table(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(bv) => merge(bv, v),
                    None => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// Parse a value as TOML (numbers, booleans, arrays, quoted strings), falling
/// back to a plain string.
pub fn parse_value(raw: &str) -> toml::Value {
    match toml::from_str::<toml::Table>(&format!("v = {raw}")) {
        Ok(mut t) => t
            .remove("v")
            .unwrap_or(toml::Value::String(raw.to_string())),
        Err(_) => toml::Value::String(raw.to_string()),
    }
}

/// A value of another kind than the setting's current value, in words for
/// any language: what `/config set` says when the deserializer refused a
/// value ("invalid type: string \"x\", expected f64"). Only then: some
/// settings take more than one kind (`exclude.roles`: a list, an id or
/// "123, 456"). A whole number where a number is expected is fine.
pub fn wrong_kind(key: &str, old: &toml::Value, new: &toml::Value) -> Option<SettingError> {
    use toml::Value as V;
    let id = match (old, new) {
        (V::Float(_), V::Float(_) | V::Integer(_))
        | (V::Integer(_), V::Integer(_))
        | (V::Boolean(_), V::Boolean(_))
        | (V::String(_), V::String(_))
        | (V::Array(_), V::Array(_))
        | (V::Datetime(_), V::Datetime(_))
        | (V::Table(_), _) => return None,
        (V::Float(_), _) => "setting-wants-number",
        (V::Integer(_), _) => "setting-wants-integer",
        (V::Boolean(_), _) => "setting-wants-bool",
        (V::String(_), _) => "setting-wants-text",
        (V::Array(_), _) => "setting-wants-list",
        (V::Datetime(_), _) => "setting-wants-date",
    };
    Some(SettingError::key(id, key))
}

/// A refused value in words for any language, where the deserializer's
/// English ("invalid type: integer `2`, expected a string") was all there
/// was: the kind the setting takes, the kind a list's items take, or the
/// word of an id list that is not an id. Any other refusal is returned as it
/// came (a check's own message is already in words).
pub fn refused_in_words(
    key: &str,
    old: &toml::Value,
    new: &toml::Value,
    why: SettingError,
) -> SettingError {
    if !why.is_parser_text() {
        return why;
    }
    let text = why
        .args
        .iter()
        .find(|(k, _)| *k == "text")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    if let Some(word) = crate::capital::settings::not_an_id(text) {
        return SettingError::new("setting-not-an-id", &[("key", &key), ("word", &word)]);
    }
    if text.contains("untagged enum Ids") {
        return SettingError::key("setting-wants-ids", key);
    }
    if let Some(e) = wrong_kind(key, old, new) {
        return e;
    }
    let Some((_, expected)) = text.rsplit_once(", expected ") else {
        return why;
    };
    let kind = match expected.trim() {
        "a string" => "text",
        "f64" | "f32" | "a float" => "number",
        "u64" | "i64" | "u32" | "i32" | "u16" | "i16" | "u8" | "i8" | "usize" | "an integer" => {
            "integer"
        }
        "a boolean" => "bool",
        "a sequence" => "list",
        _ => return why,
    };
    let id = match (new, kind) {
        (toml::Value::Array(_), "text") => "setting-wants-list-of-text",
        (toml::Value::Array(_), "number") => "setting-wants-list-of-numbers",
        (toml::Value::Array(_), "integer") => "setting-wants-list-of-integers",
        (toml::Value::Array(_), _) => return why,
        (_, "text") => "setting-wants-text",
        (_, "number") => "setting-wants-number",
        (_, "integer") => "setting-wants-integer",
        (_, "bool") => "setting-wants-bool",
        _ => "setting-wants-list",
    };
    SettingError::key(id, key)
}

/// Split `key=value key2=value2` into pairs (what `/config preview` takes
/// in one text option). A value may contain spaces (`["a", "b"]`): a word
/// without `=` belongs to the value before it.
pub fn parse_assignments(
    text: &str,
) -> Result<Vec<(String, String)>, crate::capital::refusal::Refusal> {
    use crate::capital::refusal::Refusal;
    let is_key = |k: &str| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for word in text.split_whitespace() {
        match word.split_once('=') {
            Some((k, v)) if is_key(k) => out.push((k.to_string(), v.to_string())),
            _ => match out.last_mut() {
                Some((_, v)) => {
                    v.push(' ');
                    v.push_str(word);
                }
                None => {
                    return Err(Refusal::AssignExpected {
                        word: format!("{word:?}"),
                    })
                }
            },
        }
    }
    if out.is_empty() {
        return Err(Refusal::AssignNone);
    }
    for (k, v) in &mut out {
        *v = v.trim().to_string();
        if v.is_empty() {
            return Err(Refusal::AssignNoValue { key: k.clone() });
        }
    }
    Ok(out)
}

/// Set `section.key` (dotted path) in a TOML tree.
pub fn set_path(root: &mut toml::Value, path: &str, value: toml::Value) -> Result<(), ConfigError> {
    let parts: Vec<&str> = path.split('.').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err(ConfigError::UnknownKey(path.into()));
    }
    let mut cur = root;
    for p in &parts[..parts.len() - 1] {
        let t = cur
            .as_table_mut()
            .ok_or_else(|| ConfigError::UnknownKey(path.into()))?;
        cur = t
            .entry(p.to_string())
            .or_insert_with(|| toml::Value::Table(Default::default()));
    }
    let t = cur
        .as_table_mut()
        .ok_or_else(|| ConfigError::UnknownKey(path.into()))?;
    t.insert(parts[parts.len() - 1].to_string(), value);
    Ok(())
}

/// Look up `section.key` in a TOML tree.
pub fn get_path<'a>(root: &'a toml::Value, path: &str) -> Option<&'a toml::Value> {
    let mut cur = root;
    for p in path.split('.') {
        cur = cur.as_table()?.get(p)?;
    }
    Some(cur)
}

/// Turn a TOML tree into validated settings.
pub fn settings_from(v: &toml::Value) -> Result<Settings, ConfigError> {
    let s: Settings = v.clone().try_into().map_err(|e: toml::de::Error| {
        ConfigError::Refused(SettingError::text(e.message().to_string()))
    })?;
    s.validate().map_err(ConfigError::Refused)?;
    // Whatever `validate` checks by name, no setting may be NaN or infinite
    // (TOML accepts `nan` and `inf`; every computation downstream would
    // quietly turn them into nonsense).
    if let Some(path) = non_finite(&toml::Value::try_from(&s).unwrap_or(v.clone()), "") {
        return Err(ConfigError::Refused(SettingError::key(
            "setting-finite",
            &path,
        )));
    }
    Ok(s)
}

/// The dotted path of the first NaN or infinite float in a tree.
fn non_finite(v: &toml::Value, path: &str) -> Option<String> {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        toml::Value::Float(f) if !f.is_finite() => Some(path.to_string()),
        toml::Value::Table(t) => t.iter().find_map(|(k, x)| non_finite(x, &join(k))),
        toml::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| non_finite(x, &format!("{path}[{i}]"))),
        _ => None,
    }
}

/// The process-wide settings tree: defaults, then `GOODWILL_CONFIG`, then the
/// environment (`GOODWILL__SCORING__THANKS=3`).
pub fn load_base<I: IntoIterator<Item = (String, String)>>(
    config_file: Option<&Path>,
    env: I,
) -> Result<toml::Value, ConfigError> {
    let mut v: toml::Value =
        toml::from_str(DEFAULT_TOML).expect("config/default.toml is valid TOML");
    if let Some(path) = config_file {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let over: toml::Value = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        merge(&mut v, &over);
    }
    for (k, val) in env {
        if let Some(rest) = k.strip_prefix("GOODWILL__") {
            let path = rest.to_lowercase().replace("__", ".");
            if get_path(&v, &path).is_none() {
                return Err(ConfigError::UnknownKey(format!("{k} ({path})")));
            }
            set_path(&mut v, &path, parse_value(&val))?;
        }
    }
    settings_from(&v)?;
    Ok(v)
}

/// Settings for one guild: the base tree with the guild's overrides on top.
pub fn guild_settings(
    base: &toml::Value,
    overrides: &toml::Value,
) -> Result<Settings, ConfigError> {
    let mut v = base.clone();
    merge(&mut v, overrides);
    settings_from(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value of the wrong kind is refused in the moderator's language,
    /// naming the kind the setting takes; a whole number for a number is fine.
    #[test]
    fn a_value_of_the_wrong_kind_is_refused_in_words() {
        use crate::i18n::Lang;
        let v = |raw: &str| parse_value(raw);
        assert!(wrong_kind("scoring.thanks", &v("2.5"), &v("3")).is_none());
        assert!(wrong_kind("decay.recent_half_life_days", &v("14.0"), &v("7.5")).is_none());
        assert!(wrong_kind("time.zone", &v("\"UTC\""), &v("Europe/Berlin")).is_none());
        let e = wrong_kind("scoring.thanks", &v("2.5"), &v("abc")).expect("refused");
        assert_eq!(e.to_string(), "scoring.thanks takes a number (e.g. 2.5)");
        assert_eq!(
            e.render(Lang::De),
            "scoring.thanks erwartet eine Zahl (z. B. 2.5)"
        );
        let e = wrong_kind("digest.hour_utc", &v("9"), &v("9.5")).expect("refused");
        assert!(e.to_string().contains("whole number"), "{e}");
        let e = wrong_kind("web.enabled", &v("true"), &v("yes")).expect("refused");
        assert!(
            e.render(Lang::Fr).contains("true ou false"),
            "{}",
            e.render(Lang::Fr)
        );
        let e = wrong_kind("exclude.roles", &v("[]"), &v("12")).expect("refused");
        assert!(
            e.render(Lang::Ja).contains("リスト"),
            "{}",
            e.render(Lang::Ja)
        );
    }

    /// The deserializer's English inside a list or an id list is said in
    /// words too, in the moderator's language; a check's own words pass.
    #[test]
    fn a_refused_list_item_or_id_is_said_in_words() {
        use crate::i18n::Lang;
        let base = load_base(None, vec![]).unwrap();
        let refusal = |key: &str, raw: &str| {
            let new = parse_value(raw);
            let old = get_path(&base, key)
                .cloned()
                .unwrap_or(toml::Value::Integer(0));
            let mut over = toml::Value::Table(Default::default());
            set_path(&mut over, key, new.clone()).unwrap();
            match guild_settings(&base, &over) {
                Err(ConfigError::Refused(why)) => refused_in_words(key, &old, &new, why),
                other => panic!("{key}={raw}: {other:?}"),
            }
        };
        let e = refusal("detect.extra_thank_words", "[\"merci\", 2]");
        assert_eq!(e.id, "setting-wants-list-of-text", "{e}");
        assert!(
            e.render(Lang::De).contains("Liste"),
            "{}",
            e.render(Lang::De)
        );
        let e = refusal("exclude.roles", "\"12, staff\"");
        assert_eq!(e.id, "setting-not-an-id", "{e}");
        assert!(
            e.render(Lang::Fr).contains("staff"),
            "{}",
            e.render(Lang::Fr)
        );
        assert_eq!(refusal("exclude.members", "[1.5]").id, "setting-wants-ids");
        assert_eq!(refusal("scoring.thanks", "[1]").id, "setting-wants-number");
        let e = refusal("scoring.thanks", "-1");
        assert_ne!(e.id, "setting-text", "a check's own words pass: {e}");
        for lang in [Lang::De, Lang::Fr, Lang::Es, Lang::PtBr, Lang::Ja] {
            for (k, raw) in [
                ("detect.extra_thank_words", "[1]"),
                ("exclude.roles", "\"x\""),
                ("exclude.roles", "[true]"),
            ] {
                let e = refusal(k, raw);
                assert_ne!(e.render(lang), e.render(Lang::En), "{k}={raw} in {lang:?}");
            }
        }
    }

    #[test]
    fn defaults_parse_and_validate() {
        let s = default_settings();
        s.validate().unwrap();
        assert_eq!(s.tiers.len(), 4);
    }

    #[test]
    fn env_overrides_and_rejects_unknown_keys() {
        let v = load_base(
            None,
            vec![("GOODWILL__SCORING__THANKS".to_string(), "3.5".to_string())],
        )
        .unwrap();
        assert_eq!(settings_from(&v).unwrap().scoring.thanks, 3.5);
        let err = load_base(
            None,
            vec![("GOODWILL__SCORING__NOPE".to_string(), "1".to_string())],
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown setting"));
        let err = load_base(
            None,
            vec![(
                "GOODWILL__DECAY__RECENT_HALF_LIFE_DAYS".to_string(),
                "-1".to_string(),
            )],
        )
        .unwrap_err();
        assert!(err.to_string().contains("recent_half_life_days"), "{err}");
    }

    #[test]
    fn assignments_parse_with_spaces_in_values() {
        let v = parse_assignments(
            "decay.recent_half_life_days=45  detect.extra_thank_words=[\"merci bien\", \"ta\"]",
        )
        .unwrap();
        assert_eq!(
            v,
            vec![
                ("decay.recent_half_life_days".into(), "45".into()),
                (
                    "detect.extra_thank_words".into(),
                    "[\"merci bien\", \"ta\"]".into()
                ),
            ]
        );
        assert!(parse_assignments("half_life 45").is_err());
        assert!(parse_assignments("decay.recent_half_life_days=").is_err());
        assert!(parse_assignments("  ").is_err());
    }

    #[test]
    fn guild_overrides_merge() {
        let base = load_base(None, Vec::<(String, String)>::new()).unwrap();
        let mut over = toml::Value::Table(Default::default());
        set_path(&mut over, "decay.recent_half_life_days", parse_value("14")).unwrap();
        let s = guild_settings(&base, &over).unwrap();
        assert_eq!(s.decay.recent_half_life_days, 14.0);
        assert_eq!(s.decay.lasting_half_life_days, 365.0);
    }
}

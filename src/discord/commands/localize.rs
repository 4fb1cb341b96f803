//! Command names and descriptions in every language we ship, from the Fluent
//! files (`locales/*/commands.ftl`), filled into poise's localisation fields
//! at startup as poise's own Fluent example does.
//!
//! Message ids follow the command tree: `cmd-<command>` holds the localised
//! name with a `.description` attribute, `cmd-<command>-<sub>` a subcommand,
//! `cmd-<command>-<parameter>` a parameter and
//! `cmd-<command>-<parameter>-<choice>` a choice's name. English is the
//! commands' own text (the English file mirrors it, tested); Discord shows it
//! to every locale without a translation.

use poise::serenity_prelude as serenity;

use crate::discord::{Data, Error};
use crate::i18n::{lookup, Lang};

type Command = poise::Command<Data, Error>;

/// The Fluent id of a command under `parent` (`cmd` at the top).
fn id_of(parent: &str, c: &Command) -> String {
    format!("{parent}-{}", c.name)
}

/// Fill every command's, subcommand's, parameter's and choice's
/// localisations from the Fluent files.
pub fn localize(commands: &mut [Command]) {
    for c in commands {
        localize_one(c, "cmd");
    }
}

fn localize_one(c: &mut Command, parent: &str) {
    let id = id_of(parent, c);
    for lang in &Lang::ALL[1..] {
        let name = lookup(*lang, &id, None, &[]);
        let description = lookup(*lang, &id, Some("description"), &[]);
        for locale in lang.discord_locales() {
            if let Some(n) = &name {
                c.name_localizations
                    .to_mut()
                    .push((locale.to_string().into(), n.clone().into()));
            }
            if let Some(d) = &description {
                c.description_localizations
                    .to_mut()
                    .push((locale.to_string().into(), d.clone().into()));
            }
        }
    }
    for p in c.parameters.iter_mut() {
        let pid = format!("{id}-{}", p.name);
        for lang in &Lang::ALL[1..] {
            let name = lookup(*lang, &pid, None, &[]);
            let description = lookup(*lang, &pid, Some("description"), &[]);
            for locale in lang.discord_locales() {
                if let Some(n) = &name {
                    p.name_localizations
                        .to_mut()
                        .push((locale.to_string().into(), n.clone().into()));
                }
                if let Some(d) = &description {
                    p.description_localizations
                        .to_mut()
                        .push((locale.to_string().into(), d.clone().into()));
                }
            }
            for choice in p.choices.to_mut().iter_mut() {
                let cid = format!("{pid}-{}", choice.name);
                if let Some(n) = lookup(*lang, &cid, None, &[]) {
                    for locale in lang.discord_locales() {
                        choice
                            .localizations
                            .to_mut()
                            .push((locale.to_string().into(), n.clone().into()));
                    }
                }
            }
        }
    }
    for sub in c.subcommands.iter_mut() {
        localize_one(sub, &id);
    }
}

/// What the bot registers: poise's own builders, plus the localised names of
/// context-menu commands, which poise 0.7 leaves out.
pub fn application_commands(commands: &[Command]) -> Vec<serenity::CreateCommand> {
    let mut out = vec![];
    for c in commands {
        if let Some(slash) = c.create_as_slash_command() {
            out.push(slash);
        }
        if let Some(mut menu) = c.create_as_context_menu_command() {
            for (locale, name) in c.name_localizations.iter() {
                menu = menu.name_localized(locale.as_ref(), name.as_ref());
            }
            out.push(menu);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tr_attr;

    fn all() -> Vec<Command> {
        let mut cmds = super::super::all();
        localize(&mut cmds);
        cmds
    }

    /// Discord's rule for slash command, subcommand and option names.
    fn valid_slash_name(s: &str) -> bool {
        static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r"^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$").unwrap()
        });
        RE.is_match(s) && s.to_lowercase() == s
    }

    fn valid_description(s: &str) -> bool {
        let n = s.chars().count();
        (1..=100).contains(&n)
    }

    fn check(c: &Command, parent: &str, seen: &mut Vec<String>) {
        let id = id_of(parent, c);
        let menu = c.context_menu_action.is_some();
        // Every locale has a name (and, for slash commands, a description).
        for lang in &Lang::ALL[1..] {
            for locale in lang.discord_locales() {
                let name = c
                    .name_localizations
                    .iter()
                    .find(|(l, _)| l == locale)
                    .map(|(_, n)| n.to_string())
                    .unwrap_or_else(|| panic!("{id}: no name in {locale}"));
                if menu {
                    let n = name.chars().count();
                    assert!((1..=32).contains(&n), "{id} in {locale}: {name:?}");
                } else {
                    assert!(valid_slash_name(&name), "{id} in {locale}: {name:?}");
                    let d = c
                        .description_localizations
                        .iter()
                        .find(|(l, _)| l == locale)
                        .map(|(_, d)| d.to_string())
                        .unwrap_or_else(|| panic!("{id}: no description in {locale}"));
                    assert!(valid_description(&d), "{id} in {locale}: {d:?}");
                }
            }
        }
        // The English file mirrors the code.
        if menu {
            assert_eq!(
                lookup(Lang::En, &id, None, &[]),
                c.context_menu_name.as_deref().map(str::to_string)
            );
        } else {
            assert_eq!(lookup(Lang::En, &id, None, &[]).as_deref(), Some(&*c.name));
            assert_eq!(
                tr_attr(Lang::En, &id, Some("description"), &[]),
                c.description.as_deref().map(str::to_string),
                "{id}"
            );
        }
        seen.push(id.clone());
        // A context-menu command's target is not an option Discord shows.
        let options = if menu { &[][..] } else { &c.parameters[..] };
        for p in options {
            let pid = format!("{id}-{}", p.name);
            assert_eq!(lookup(Lang::En, &pid, None, &[]).as_deref(), Some(&*p.name));
            assert_eq!(
                tr_attr(Lang::En, &pid, Some("description"), &[]),
                p.description.as_deref().map(str::to_string),
                "{pid}"
            );
            for lang in &Lang::ALL[1..] {
                for locale in lang.discord_locales() {
                    let name = p
                        .name_localizations
                        .iter()
                        .find(|(l, _)| l == locale)
                        .map(|(_, n)| n.to_string())
                        .unwrap_or_else(|| panic!("{pid}: no name in {locale}"));
                    assert!(valid_slash_name(&name), "{pid} in {locale}: {name:?}");
                    let d = p
                        .description_localizations
                        .iter()
                        .find(|(l, _)| l == locale)
                        .map(|(_, d)| d.to_string())
                        .unwrap_or_else(|| panic!("{pid}: no description in {locale}"));
                    assert!(valid_description(&d), "{pid} in {locale}: {d:?}");
                    for ch in p.choices.iter() {
                        let n = ch
                            .localizations
                            .iter()
                            .find(|(l, _)| l == locale)
                            .map(|(_, n)| n.to_string())
                            .unwrap_or_else(|| panic!("{pid}-{}: none in {locale}", ch.name));
                        assert!((1..=100).contains(&n.chars().count()));
                    }
                }
            }
            seen.push(pid);
        }
        for s in &c.subcommands {
            check(s, &id, seen);
        }
    }

    #[test]
    fn every_command_is_localised_within_discords_rules() {
        let mut seen = vec![];
        for c in &all() {
            check(c, "cmd", &mut seen);
        }
        assert!(seen.len() > 40, "{}", seen.len());
    }

    #[test]
    fn localised_names_are_unique_among_siblings() {
        fn siblings(cmds: &[Command], what: &str) {
            for lang in &Lang::ALL[1..] {
                let locale = lang.code();
                let mut names: Vec<String> = cmds
                    .iter()
                    .filter(|c| c.slash_action.is_some())
                    .filter_map(|c| {
                        c.name_localizations
                            .iter()
                            .find(|(l, _)| l == locale)
                            .map(|(_, n)| n.to_string())
                    })
                    .collect();
                let n = names.len();
                names.sort();
                names.dedup();
                assert_eq!(names.len(), n, "{what}: duplicate names in {locale}");
            }
            for c in cmds {
                siblings(&c.subcommands, &c.name);
                for lang in &Lang::ALL[1..] {
                    let locale = lang.code();
                    let mut names: Vec<String> = c
                        .parameters
                        .iter()
                        .filter_map(|p| {
                            p.name_localizations
                                .iter()
                                .find(|(l, _)| l == locale)
                                .map(|(_, n)| n.to_string())
                        })
                        .collect();
                    let n = names.len();
                    names.sort();
                    names.dedup();
                    assert_eq!(names.len(), n, "{}: duplicate options in {locale}", c.name);
                }
            }
        }
        siblings(&all(), "top level");
    }

    #[test]
    fn registration_carries_the_localisations() {
        let cmds = all();
        let json = serde_json::to_value(application_commands(&cmds)).unwrap();
        let balance = json
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "balance")
            .unwrap();
        assert!(balance["name_localizations"]["de"].is_string());
        assert!(balance["description_localizations"]["ja"].is_string());
        let menu = json
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "Mark as solution")
            .unwrap();
        assert!(menu["name_localizations"]["fr"].is_string());
    }
}

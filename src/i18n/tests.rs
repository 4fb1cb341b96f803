//! Every translation has exactly the English message ids, each with the
//! same placeholders, and every file parses.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::*;

/// `id` or `id.attribute` -> the variables its pattern uses.
fn entries(src: &str, file: &str) -> BTreeMap<String, BTreeSet<String>> {
    let res = fluent_syntax::parser::parse(src)
        .unwrap_or_else(|(_, errs)| panic!("{file}: Fluent syntax errors: {errs:?}"));
    let mut out = BTreeMap::new();
    for entry in res.body {
        let (id, value, attrs) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            _ => continue,
        };
        if let Some(p) = value {
            let mut vars = BTreeSet::new();
            pattern_vars(&p, &mut vars);
            assert!(
                out.insert(id.clone(), vars).is_none(),
                "{file}: duplicate id {id}"
            );
        }
        for a in attrs {
            let mut vars = BTreeSet::new();
            pattern_vars(&a.value, &mut vars);
            let key = format!("{id}.{}", a.id.name);
            assert!(
                out.insert(key.clone(), vars).is_none(),
                "{file}: duplicate {key}"
            );
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, vars);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
        _ => {}
    }
}

fn language(code: &str) -> BTreeMap<String, BTreeSet<String>> {
    let (_, files) = SOURCES.iter().find(|(c, _)| *c == code).unwrap();
    let mut all = BTreeMap::new();
    for (i, src) in files.iter().enumerate() {
        for (k, v) in entries(src, &format!("{code} file {i}")) {
            assert!(all.insert(k.clone(), v).is_none(), "{code}: {k} twice");
        }
    }
    all
}

#[test]
fn every_locale_has_every_english_id_with_the_same_placeholders() {
    let en = language("en-US");
    assert!(en.len() > 50, "the English files hold {} ids", en.len());
    for lang in &Lang::ALL[1..] {
        let other = language(lang.code());
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            missing.is_empty(),
            "{}: missing ids {missing:?}",
            lang.code()
        );
        assert!(
            extra.is_empty(),
            "{}: ids English lacks {extra:?}",
            lang.code()
        );
        for (id, vars) in &en {
            assert_eq!(
                vars,
                &other[id],
                "{}: {id} has other placeholders than in English",
                lang.code()
            );
        }
    }
}

#[test]
fn every_file_loads_into_its_bundle_without_errors() {
    for (code, files) in SOURCES {
        let lang: unic_langid::LanguageIdentifier = code.parse().unwrap();
        let mut b = FluentBundle::new_concurrent(vec![lang]);
        for src in files {
            let res = FluentResource::try_new(src.to_string())
                .unwrap_or_else(|(_, e)| panic!("{code}: {e:?}"));
            b.add_resource(res)
                .unwrap_or_else(|e| panic!("{code}: {e:?}"));
        }
    }
}

#[test]
fn locales_map_onto_languages() {
    assert_eq!(Lang::from_discord("en-GB"), Lang::En);
    assert_eq!(Lang::from_discord("de"), Lang::De);
    assert_eq!(Lang::from_discord("es-419"), Lang::Es);
    assert_eq!(Lang::from_discord("es-ES"), Lang::Es);
    assert_eq!(Lang::from_discord("pt-BR"), Lang::PtBr);
    assert_eq!(Lang::from_discord("ja"), Lang::Ja);
    assert_eq!(Lang::from_discord("ko"), Lang::En);
    assert_eq!(Lang::from_discord(""), Lang::En);
    for l in Lang::ALL {
        assert_eq!(Lang::from_discord(l.code()), l);
        for c in l.discord_locales() {
            assert_eq!(Lang::from_discord(c), l);
        }
    }
}

#[test]
fn tr_fills_placeholders_and_falls_back_to_english() {
    let en = tr(Lang::En, "vacation-none", &[]);
    let de = tr(Lang::De, "vacation-none", &[]);
    assert_ne!(en, de);
    assert!(!de.contains('\u{2068}'), "no isolation marks");
    let s = tr(
        Lang::De,
        "kudos-cap",
        &[("cap", 3.into()), ("when", "<t:1:R>".into())],
    );
    assert!(s.contains('3') && s.contains("<t:1:R>"), "{s}");
    // An unknown id is returned as is, in any language.
    assert_eq!(tr(Lang::Ja, "no-such-id", &[]), "no-such-id");
}

#[test]
fn the_english_outage_answer_is_the_one_the_bot_always_gave() {
    assert_eq!(
        tr(Lang::En, "error-unavailable", &[]),
        crate::discord::UNAVAILABLE
    );
}

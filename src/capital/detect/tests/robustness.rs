//! Odd input, what is remembered, settings.

use super::*;
use crate::capital::message::MessageId;

#[test]
fn no_panics_on_odd_input() {
    let mut c = Chan::new();
    let huge = "thanks ".repeat(50_000) + &"é".repeat(10_000);
    for text in [
        "",
        " ",
        "?",
        "??!?",
        "@",
        "@ :",
        "<@123> <@&4> <#5> <:e:6>",
        "İstanbul'da teşekkürler İİİ",
        "ǅ ǈ ß ﬁ thank",
        "thanks\u{0}\u{feff}",
        "`thanks` ```code```",
        "https://",
        "www.",
        "👍👍👍🙏🏿",
        huge.as_str(),
    ] {
        let d = c.say(&alice(), text);
        let _ = d;
    }
    let mut m = c.msg(&bob(), "thanks");
    m.reply_to = Some(MessageId(999_999));
    c.send_msg(m);
    let webhook = MessageIn {
        is_webhook: true,
        ..c.msg(&alice(), "thanks bob2")
    };
    assert!(c.send_msg(webhook).signals.is_empty());
}

#[test]
fn remembered_is_complete() {
    let mut c = Chan::new();
    let mut m = c.msg(&alice(), "@bob2 thanks");
    m.mentions = vec![bob()];
    m.reply_to = Some(MessageId(5));
    let id = m.id;
    let when = m.at;
    let d = c.send_msg(m);
    let r = &d.remembered;
    assert_eq!(
        (r.id, r.author.id, r.at, r.reply_to, r.mentions.clone()),
        (id, MemberId(1), when, Some(MessageId(5)), vec![MemberId(2)])
    );
    assert_eq!(r.thanked, vec![MemberId(2)]);
    assert!(r.addressees.contains(&MemberId(2)));
}

#[test]
fn settings_roundtrip_and_validate() {
    let s = DetectSettings::default();
    assert!(s.validate().is_ok());
    let text = toml::to_string(&s).unwrap();
    let back: DetectSettings = toml::from_str(&text).unwrap();
    assert_eq!(back, s);
    let partial: DetectSettings = toml::from_str("conversation_window_minutes = 5").unwrap();
    assert_eq!(partial.conversation_window_minutes, 5);
    assert_eq!(partial.thank_words, s.thank_words);
    let bad = DetectSettings {
        request_patterns: vec!["(".into()],
        ..DetectSettings::default()
    };
    assert!(bad.validate().is_err());
    // bad patterns are skipped, not fatal
    let mut c = Chan::new();
    c.settings = bad;
    c.say(&alice(), "how do i do this?");
}

#[test]
fn defaults_are_the_default_toml_detect_table() {
    let from_config = crate::config::default_settings().detect;
    assert_eq!(from_config, DetectSettings::default());
    // Every key of the table is a setting (none is silently unread).
    let root: toml::Table = toml::from_str(crate::config::DEFAULT_TOML).unwrap();
    let table = root["detect"].as_table().unwrap();
    let fields = toml::Table::try_from(DetectSettings::default()).unwrap();
    let keys = |t: &toml::Table| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(table), keys(&fields));
}

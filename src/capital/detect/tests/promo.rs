//! Shares, self-promotion, broadcasts.

use super::*;

#[test]
fn share_versus_self_promotion() {
    let mut c = Chan::new();
    let d = c.say(
        &alice(),
        "the wiki explains it: https://help.ubuntu.com/community/Grub2",
    );
    assert!(has(&d, EntryKind::SharedContent));
    assert!(d.remembered.flags.shared_content);
    let mut m = c.msg(&alice(), "");
    m.attachments = 2;
    let d = c.send_msg(m);
    assert_eq!(
        d.signals
            .iter()
            .find(|s| s.kind == EntryKind::SharedContent)
            .unwrap()
            .rule,
        Rule::ShareAttachment
    );

    for text in [
        "check out my new video https://youtu.be/abc",
        "please subscribe to my channel",
        "star my repo on github https://github.com/me/thing",
        "upvote my post pls",
        "buy my ebook today",
        "join us at https://discord.gg/abc123",
    ] {
        let d = c.say(&bob(), text);
        assert!(has(&d, EntryKind::SelfPromotion), "{text}");
        assert!(!has(&d, EntryKind::SharedContent), "{text}");
        assert!(d.remembered.flags.self_promotion, "{text}");
    }
    let mut p = Chan::named("self-promo");
    let d = p.say(&bob(), "my thing: https://example.com");
    assert_eq!(
        d.signals
            .iter()
            .find(|s| s.kind == EntryKind::SelfPromotion)
            .unwrap()
            .rule,
        Rule::PromoChannel
    );
    // A link inside a question is part of the ask, not a share.
    let d = c.say(
        &carol(),
        "what does this error mean? http://paste.ubuntu.com/123",
    );
    assert!(has(&d, EntryKind::Request) && !has(&d, EntryKind::SharedContent));
}

#[test]
fn broadcasts_scaled_by_audience() {
    let mut c = Chan::new();
    let s = DetectSettings::default();
    let mut m = c.msg(&alice(), "@everyone can someone help me test my build?");
    m.mentions_everyone = true;
    let d = c.send_msg(m);
    let b = d
        .signals
        .iter()
        .find(|s| s.kind == EntryKind::Broadcast)
        .unwrap();
    assert!(b.ignored.is_none());
    assert_eq!(b.magnitude, s.broadcast_everyone_factor);
    assert!(d.remembered.flags.broadcast);

    let mut m = c.msg(&alice(), "@here anyone around to review?");
    m.mentions_everyone = true;
    let d = c.send_msg(m);
    assert_eq!(
        d.signals
            .iter()
            .find(|s| s.kind == EntryKind::Broadcast)
            .unwrap()
            .magnitude,
        s.broadcast_here_factor
    );

    let mut m = c.msg(&alice(), "<@&77> <@&78> could you look at my PR please");
    m.role_mentions = vec![77, 78];
    let d = c.send_msg(m);
    assert_eq!(
        d.signals
            .iter()
            .find(|s| s.kind == EntryKind::Broadcast)
            .unwrap()
            .magnitude,
        2.0 * s.broadcast_role_factor
    );

    // an announcement without an ask is reported but not costed
    let mut m = c.msg(&alice(), "@everyone the server restarts at 10:00 UTC");
    m.mentions_everyone = true;
    let d = c.send_msg(m);
    let b = d
        .signals
        .iter()
        .find(|s| s.kind == EntryKind::Broadcast)
        .unwrap();
    assert!(b.ignored.is_some());
    assert!(!d.remembered.flags.broadcast);
}

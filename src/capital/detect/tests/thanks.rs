//! Thanks: targets, and thanks that are not gratitude.

use super::*;

#[test]
fn thanks_explicit_mention() {
    let mut c = Chan::new();
    c.say(&carol(), "unrelated chatter here");
    let d = c.say_to(&alice(), &bob(), "thanks, that worked");
    assert_eq!(credited(&d), vec![MemberId(2)]);
    let s = &d.signals[0];
    assert_eq!(s.rule, Rule::ThanksMention);
    assert_eq!(s.counterpart, Some(MemberId(1)));
    assert!(s.evidence.contains("matched \"thanks\""), "{}", s.evidence);
    assert!(d.remembered.flags.thanks);
    assert_eq!(d.remembered.thanked, vec![MemberId(2)]);
    assert!(d.remembered.addressees.contains(&MemberId(2)));
}

#[test]
fn thanks_reply_target() {
    let mut c = Chan::new();
    let answer = c.say(&bob(), "run sudo update-grub after that");
    c.say(&carol(), "something else entirely");
    let mut m = c.msg(&alice(), "that fixed it, thank you!");
    m.reply_to = Some(answer.remembered.id);
    let d = c.send_msg(m);
    assert_eq!(credited(&d), vec![MemberId(2)]);
    assert_eq!(d.signals[0].rule, Rule::ThanksReplyTarget);
    assert!(d.signals[0].evidence.contains("reply link"));
}

#[test]
fn thanks_name_in_text_with_variants() {
    let mut c = Chan::new();
    let tom = person(4, "tom___");
    let sinope = person(5, "sinope[crashed]");
    let ficus = person(6, "ficusplanet");
    c.say(&bob(), "try the alternate cd");
    c.say(&tom, "or use the text installer");
    c.say(&sinope, "the live cd works too");
    c.say(&ficus, "you need the restricted drivers");
    c.say(&carol(), "hello");
    // unique prefix of a nick
    assert_eq!(credited(&c.say(&alice(), "thanks bob")), vec![MemberId(2)]);
    // trailing underscores differ
    assert_eq!(
        credited(&c.say(&alice(), "tom__ thanks!")),
        vec![MemberId(4)]
    );
    // away/status suffix, trailing punctuation, case
    assert_eq!(credited(&c.say(&alice(), "thx SINOPE.")), vec![MemberId(5)]);
    // angle brackets, prefix at the start
    assert_eq!(
        credited(&c.say(&alice(), "<ficus> thank you for your help")),
        vec![MemberId(6)]
    );
    // trailing punctuation and underscore on an exact nick
    assert_eq!(
        credited(&c.say(&alice(), "cheers, carol_!!")),
        vec![MemberId(3)]
    );
}

#[test]
fn thanks_ty_nick() {
    let mut c = Chan::new();
    c.say(&bob(), "use apt-get install build-essential");
    let d = c.say(&alice(), "ty bob2");
    assert_eq!(credited(&d), vec![MemberId(2)]);
    assert_eq!(d.signals[0].rule, Rule::ThanksName);
}

#[test]
fn thanks_several_names() {
    let mut c = Chan::new();
    c.say(&bob(), "try the alternate cd");
    c.say(&carol(), "or the server cd");
    let mut got = credited(&c.say(&alice(), "thanks bob2 and Carol_"));
    got.sort();
    assert_eq!(got, vec![MemberId(2), MemberId(3)]);
}

#[test]
fn thanks_names_never_invented() {
    let mut c = Chan::new();
    c.say(&bob(), "try the alternate cd");
    c.say(&person(7, "bobby"), "yes");
    // "bob" is a prefix of two recent speakers: ambiguous, no name credit.
    let d = c.say(&alice(), "thanks bob");
    assert!(!credited(&d).contains(&MemberId(7)) || !credited(&d).contains(&MemberId(2)));
    // A nick-like word that is nobody here: no guess.
    let d = c.say(&alice(), "thanks xyz_42");
    assert!(credited(&d).is_empty());
    assert_eq!(ignored_rule(&d), Some(Rule::ThanksUnknownName));
}

#[test]
fn thanks_conversation_partner_and_ok_thanks() {
    let mut c = Chan::new();
    c.say(&alice(), "how do i mount an ntfs partition?");
    c.say(&carol(), "anyone here use kde?");
    c.say_to(&bob(), &alice(), "sudo mount -t ntfs /dev/sda1 /mnt");
    c.say(&person(9, "dave"), "kde is fine");
    let d = c.say(&alice(), "ok thanks");
    assert_eq!(credited(&d), vec![MemberId(2)]);
    assert_eq!(d.signals[0].rule, Rule::ThanksConversation);
    assert!(d.signals[0].evidence.contains("conversation"));
}

#[test]
fn thanks_conversation_by_own_last_message() {
    let mut c = Chan::new();
    c.say_to(&alice(), &bob(), "so i edit /etc/fstab then?");
    let d = c.say(&alice(), "thx");
    assert_eq!(credited(&d), vec![MemberId(2)]);
}

#[test]
fn thanks_unaddressed_answer_right_after_question() {
    let mut c = Chan::new();
    c.say(&alice(), "what plugin do i need to play avi files");
    c.say(&bob(), "you need totem-xine and the codecs");
    let d = c.say(&alice(), "gee, thanks :)");
    assert_eq!(credited(&d), vec![MemberId(2)]);
}

#[test]
fn thanks_without_any_target() {
    let mut c = Chan::new();
    let d = c.say(&alice(), "thanks");
    assert!(credited(&d).is_empty());
    assert_eq!(ignored_rule(&d), Some(Rule::ThanksNoTarget));
    assert_eq!(
        d.signals[0].ignored.as_deref(),
        Some("no resolvable target")
    );
}

// ---- not gratitude ---------------------------------------------------

#[test]
fn thanks_in_advance_and_tia() {
    let mut c = Chan::new();
    c.say(&bob(), "hi");
    for text in [
        "can someone help me with grub? thanks in advance",
        "how do i install java TIA",
        "Anybody know how to fix a broken sudoers file? thanks :)",
        "I want a repo for nginx only, how do I do that? thank you for any help",
    ] {
        let d = c.say(&alice(), text);
        assert!(credited(&d).is_empty(), "{text}");
        assert_eq!(ignored_rule(&d), Some(Rule::ThanksAnticipatory), "{text}");
        assert!(has(&d, EntryKind::Request), "{text}");
        assert!(!d.remembered.flags.thanks, "{text}");
    }
}

#[test]
fn thanks_then_question_is_gratitude() {
    let mut c = Chan::new();
    let d = c.say_to(&alice(), &bob(), "thanks, can i do it without rebooting?");
    assert_eq!(credited(&d), vec![MemberId(2)]);
    assert!(has(&d, EntryKind::Request));
}

#[test]
fn no_thanks_is_declining() {
    let mut c = Chan::new();
    c.say_to(&bob(), &alice(), "want me to paste the whole log?");
    for text in ["no thanks", "No, thank you.", "nah thanks, I'm good"] {
        let d = c.say(&alice(), text);
        assert!(credited(&d).is_empty(), "{text}");
        assert_eq!(ignored_rule(&d), Some(Rule::ThanksDeclining), "{text}");
    }
}

#[test]
fn thank_god_is_exclamation() {
    let mut c = Chan::new();
    c.say_to(&bob(), &alice(), "it booted?");
    for text in [
        "thank god for the line-in",
        "Thank goodness that worked",
        "thanks god",
        "dieu merci",
    ] {
        let d = c.say(&alice(), text);
        assert!(credited(&d).is_empty(), "{text}");
        assert_eq!(ignored_rule(&d), Some(Rule::ThanksExclamation), "{text}");
    }
}

#[test]
fn thanks_to_a_bot() {
    let mut c = Chan::new();
    let helpbot = bot(50, "ubottu");
    let d = c.say_to(&alice(), &helpbot, "thanks i'll run that");
    assert!(credited(&d).is_empty());
    assert_eq!(ignored_rule(&d), Some(Rule::ThanksToBot));
    assert_eq!(d.signals[0].member, MemberId(50));
}

#[test]
fn thanks_to_a_group() {
    let mut c = Chan::new();
    c.say_to(&bob(), &alice(), "use the alternate cd");
    for text in [
        "thanks all",
        "thanks everyone!",
        "ok guys, thanks",
        "thank you all, see you",
        "thanks, you guys rock",
    ] {
        let d = c.say(&alice(), text);
        assert!(credited(&d).is_empty(), "{text}");
        assert_eq!(ignored_rule(&d), Some(Rule::ThanksToGroup), "{text}");
    }
    // A group word plus a named person credits the person.
    let d = c.say(&alice(), "thanks guys, esp bob2");
    assert_eq!(credited(&d), vec![MemberId(2)]);
}

#[test]
fn talking_about_thanking() {
    let mut c = Chan::new();
    c.say_to(&bob(), &alice(), "use the alternate cd");
    for text in [
        "you should thank him, not me",
        "don't forget to say thanks when it works",
        "people never say thanks in here",
        "thanks to ubuntu my laptop finally sleeps",
        "thanks for nothing",
    ] {
        let d = c.say(&alice(), text);
        assert!(credited(&d).is_empty(), "{text}");
        assert!(ignored_rule(&d).is_some(), "{text}");
    }
    // performative: "I'd like to thank bob2"
    assert_eq!(
        credited(&c.say(&alice(), "I'd like to thank bob2 for the fix")),
        vec![MemberId(2)]
    );
}

#[test]
fn self_thanks_is_ignored() {
    let mut c = Chan::new();
    let d = c.say_to(&alice(), &alice(), "thanks me, I fixed it myself");
    assert!(credited(&d).is_empty());
    assert_eq!(ignored_rule(&d), Some(Rule::ThanksSelf));
    let mine = c.say(&alice(), "the fix is to reinstall grub");
    let mut m = c.msg(&alice(), "thank you");
    m.reply_to = Some(mine.remembered.id);
    let d = c.send_msg(m);
    assert_eq!(ignored_rule(&d), Some(Rule::ThanksSelf));
}

#[test]
fn thanks_in_each_language() {
    for text in [
        "danke schön",
        "vielen Dank!",
        "merci beaucoup",
        "muchas gracias",
        "obrigado",
        "obrigada!",
        "grazie mille",
        "bedankt",
        "dank je wel",
        "dziękuję",
        "dzięki",
        "спасибо",
        "большое спасибо!",
        "teşekkürler",
        "çok teşekkür ederim",
        "🙏",
        "thaaanks",
    ] {
        let mut c = Chan::new();
        let d = c.say_to(&alice(), &bob(), text);
        assert_eq!(credited(&d), vec![MemberId(2)], "{text}");
    }
}

#[test]
fn guild_can_add_and_remove_thank_words() {
    let mut c = Chan::new();
    c.settings.extra_thank_words = vec!["mahalo".into()];
    c.settings.removed_thank_words = vec!["Cheers".into()];
    assert_eq!(
        credited(&c.say_to(&alice(), &bob(), "mahalo")),
        vec![MemberId(2)]
    );
    assert!(c
        .say_to(&alice(), &bob(), "cheers")
        .signals
        .iter()
        .all(|s| s.kind != EntryKind::Thanks));
}

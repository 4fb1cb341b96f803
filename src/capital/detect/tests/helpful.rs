//! Helpful replies.

use super::*;

#[test]
fn helpful_reply_by_mention_reply_and_adjacency() {
    let mut c = Chan::new();
    c.say(&alice(), "how do i list usb devices?");
    let d = c.say_to(&bob(), &alice(), "run lsusb");
    let s = d
        .signals
        .iter()
        .find(|s| s.kind == EntryKind::HelpfulReply)
        .unwrap();
    assert_eq!(
        (s.member, s.counterpart, s.rule),
        (2, Some(1), Rule::HelpfulMention)
    );
    assert!(d.remembered.flags.helpful_reply);

    let q = c.say(&carol(), "anyone know how to check disk space?");
    let mut m = c.msg(&bob(), "df -h shows it");
    m.reply_to = Some(q.remembered.id);
    let d = c.send_msg(m);
    let s = d
        .signals
        .iter()
        .find(|s| s.kind == EntryKind::HelpfulReply)
        .unwrap();
    assert_eq!((s.counterpart, s.rule), (Some(3), Rule::HelpfulReplyLink));

    c.say(&alice(), "where are apt logs kept?");
    let d = c.say(&bob(), "in /var/log/apt/history.log");
    let s = d
        .signals
        .iter()
        .find(|s| s.kind == EntryKind::HelpfulReply)
        .unwrap();
    assert_eq!((s.counterpart, s.rule), (Some(1), Rule::HelpfulAdjacent));
    // an acknowledgement is not an answer
    c.say(&alice(), "where is the grub config?");
    assert!(!has(&c.say(&bob(), "lol"), EntryKind::HelpfulReply));
    // answering your own question is not a helpful reply
    c.say(&alice(), "how do i restart x?");
    assert!(!has(
        &c.say(&alice(), "sudo service gdm restart maybe"),
        EntryKind::HelpfulReply
    ));
}

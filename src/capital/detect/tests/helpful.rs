//! Answers (a flag for thanks targeting) and how a message speaks.

use super::*;

#[test]
fn answers_by_mention_reply_and_adjacency_are_marked_not_credited() {
    let mut c = Chan::new();
    c.say(&alice(), "how do i list usb devices?");
    let d = c.say_to(&bob(), &alice(), "run lsusb");
    assert!(d.remembered.flags.helpful_reply);
    assert!(d.remembered.addressees.contains(&MemberId(1)));
    // Help is credited per conversation, never by detection.
    assert!(!has(&d, EntryKind::HelpfulReply));

    let q = c.say(&carol(), "anyone know how to check disk space?");
    let mut m = c.msg(&bob(), "df -h shows it");
    m.reply_to = Some(q.remembered.id);
    assert!(c.send_msg(m).remembered.flags.helpful_reply);

    c.say(&alice(), "where are apt logs kept?");
    let d = c.say(&bob(), "in /var/log/apt/history.log");
    assert!(d.remembered.flags.helpful_reply);
    // adjacency is a guess: not stored as an addressee
    assert!(!d.remembered.addressees.contains(&MemberId(1)));
    // an acknowledgement is not an answer
    c.say(&alice(), "where is the grub config?");
    assert!(!c.say(&bob(), "lol").remembered.flags.helpful_reply);
    // answering your own question is not an answer
    c.say(&alice(), "how do i restart x?");
    assert!(
        !c.say(&alice(), "sudo service gdm restart maybe")
            .remembered
            .flags
            .helpful_reply
    );
}

#[test]
fn speech_says_whose_question_it_is() {
    let mut c = Chan::new();
    let d = c.say(&alice(), "how do i flash this board?");
    assert!(d.speech.first_person && !d.speech.second_person && d.speech.substantive);
    let d = c.say(&bob(), "did you reboot after that?");
    assert!(!d.speech.first_person && d.speech.second_person);
    assert!(!c.say(&bob(), "ok thanks").speech.substantive);
    assert!(!c.say(&bob(), "lol").speech.substantive);
}

#[test]
fn small_talk_answers_nothing_and_greeting_the_room_is_a_plea() {
    let mut c = Chan::new();
    for t in [
        "lo all",
        "good morning guys",
        "ttyl guys",
        "whats up?",
        "yo yo yo",
    ] {
        assert!(!c.say(&bob(), t).speech.substantive, "{t}");
    }
    let d = c.say(&bob(), "hello guys. what do you recommend for irc?");
    assert!(d.speech.calls_out && d.speech.substantive);
    let d = c.say(&bob(), "does it crash on any one else?");
    assert!(d.speech.calls_out);
    // A "you" that means everyone present.
    for t in [
        "what do you guys suggest for burning cds?",
        "You guys know the workaround for the mouse issue?",
        "does any of you use opera?",
        "what does everyone use for irc?",
    ] {
        assert!(c.say(&bob(), t).speech.calls_out, "{t}");
    }
    // Where, why, when: the author's own curiosity; "why not" suggests.
    for t in [
        "Where's the sudoers file? What's it called?",
        "why isn't firefox 1.5 in the repository?",
        "hi all, when is dapper out?",
    ] {
        assert!(c.say(&bob(), t).speech.asks_what_is, "{t}");
    }
    assert!(
        !c.say(&bob(), "why not just use apt-get?")
            .speech
            .asks_what_is
    );
    // A "you" put to one member is not.
    assert!(!c.say(&bob(), "did you reboot after that?").speech.calls_out);
    let d = c.say(&bob(), "is there a known problem with flash? text is gone.");
    assert!(d.speech.asks_what_is);
    // A helper's suggestion is no such question.
    assert!(
        !c.say(&bob(), "is the cable plugged in?")
            .speech
            .asks_what_is
    );
}

#[test]
fn a_message_to_someone_absent_or_of_ones_own_trouble_is_an_aside() {
    let mut c = Chan::new();
    c.say(&alice(), "how do i list usb devices?");
    for t in [
        "zed: is there a problem with locales?",
        "!tell zed about lsusb",
        "i can't find openssl-dev anywhere",
        "I'm missing a dll for playing mov files",
    ] {
        let d = c.say(&bob(), t);
        assert!(d.speech.aside, "{t}");
        assert!(!d.remembered.flags.helpful_reply, "{t}");
    }
    for t in [
        "note: lsusb lists them",
        "run lsusb",
        "i think lsusb does it",
    ] {
        assert!(!c.say(&bob(), t).speech.aside, "{t}");
    }
}

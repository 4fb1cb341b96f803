//! Requests.

use super::*;

#[test]
fn requests_and_non_requests() {
    let mut c = Chan::new();
    for text in [
        "can someone help me with my wifi",
        "anyone know why my eth0 is disabled after reboot",
        "how do I change directories in the terminal",
        "what gstreamer plugin do I need for avi",
        "is there a way to undelete files on ext3?",
        "please review my PR",
        "Does ubuntu ship with mplayer?",
        "i have a quick question",
        "do you know how to mount an iso?",
        "anyone can help me with grub",
    ] {
        let d = c.say(&person(20, "asker"), text);
        assert!(has(&d, EntryKind::Request), "should be a request: {text}");
        assert!(d.remembered.flags.request, "{text}");
    }
    for text in [
        "right?",
        "really?",
        "why not?",
        "lol what?",
        "did you try rebooting?",
        "try sudo update-grub, it worked for me",
        "the pattern S??hotplug* matches it",
        "see https://example.com/faq?id=3 for that",
        "I don't need help, just looking around",
        "you set it in /etc/default/grub, right?",
        "now that I have figured how to import my mp3 into the library, d'oh",
        "I found out how to do it, never mind",
        "TOG made it so that anyone can apply to call their system UNIX",
    ] {
        let d = c.say(&person(21, "chatter"), text);
        assert!(
            !has(&d, EntryKind::Request),
            "should not be a request: {text}"
        );
    }
}

#[test]
fn helper_clarifying_question_is_not_a_request() {
    let mut c = Chan::new();
    c.say(&alice(), "how do i get sound working on my laptop?");
    let d = c.say_to(&bob(), &alice(), "what does aplay -l say?");
    assert!(!has(&d, EntryKind::Request));
}

#[test]
fn help_channel_problem_counts_as_request() {
    let mut c = Chan::named("help-linux");
    let d = c.say(&alice(), "my wifi doesn't work after the upgrade");
    assert!(has(&d, EntryKind::Request));
    assert_eq!(
        d.signals
            .iter()
            .find(|s| s.kind == EntryKind::Request)
            .unwrap()
            .rule,
        Rule::RequestHelpChannel
    );
    let mut c = Chan::named("general");
    let d = c.say(&alice(), "my wifi doesn't work after the upgrade");
    assert!(!has(&d, EntryKind::Request));
}

#[test]
fn asking_what_a_thing_is_is_told_apart_from_asking_about_the_problem() {
    let mut c = Chan::new();
    for (text, what_is) in [
        ("whats shogo?", true),
        ("what is a swap partition?", true),
        ("who is Seveas?", true),
        ("what's the output of lspci?", false),
        ("what is your kernel version?", false),
        ("what's wrong?", false),
        ("what is kompose", false),
    ] {
        let d = c.say(&person(22, "curious"), text);
        assert_eq!(d.speech.asks_what_is, what_is, "{text}");
    }
}

#[test]
fn irc_style_nick_addressing_names_the_one_asked_about() {
    let mut c = Chan::new();
    let hobb = person(30, "Hobb");
    c.say(
        &hobb,
        "how do I make a separate /home partition for my friend?",
    );
    // "Hobb> …": a question about Hobb's problem, aimed at Hobb.
    let d = c.say(
        &bob(),
        "Hobb> does he resize his current / partition and use the new space for home?",
    );
    assert_eq!(d.remembered.addressees, vec![hobb.id]);
    assert!(!has(&d, EntryKind::Request));
    // Only a leading "nick>" addresses: an arrow later in the text does not.
    let d = c.say(&bob(), "menu> settings> Hobb> display is where it is");
    assert!(d.remembered.addressees.is_empty());
}

#[test]
fn a_capitalised_first_word_can_shorten_a_long_nick() {
    let mut c = Chan::new();
    let harry = person(31, "HarryBolles");
    c.say(
        &harry,
        "does anyone actually run off the live cd full time?",
    );
    // "Harry …" answers HarryBolles, as IRC users shorten long nicks.
    let d = c.say(
        &bob(),
        "Harry if i was to go somewhere for the weekend with only windows i'd run off it",
    );
    assert_eq!(d.remembered.addressees, vec![harry.id]);
    // Only a capitalised word of four letters or more, and not a typo.
    let d = c.say(&bob(), "harry if i was away i'd run off it");
    assert!(d.remembered.addressees.is_empty());
    let d = c.say(&bob(), "Hary if i was away i'd run off it");
    assert!(d.remembered.addressees.is_empty());
}

#[test]
fn a_message_opening_with_help_bang_is_a_plea() {
    let mut c = Chan::new();
    let d = c.say(
        &bob(),
        "help! my monitor keeps going blank every 2min, i have to shut my pc off",
    );
    assert!(has(&d, EntryKind::Request));
    // "help" elsewhere, or without the exclamation, is not.
    let d = c.say(&bob(), "the help page says to reboot");
    assert!(!has(&d, EntryKind::Request));
    let d = c.say(&bob(), "help is on the way, it shows the monitor settings");
    assert!(!has(&d, EntryKind::Request));
}

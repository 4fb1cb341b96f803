//! The conversation rules as the ledger shows them: messages through the
//! whole pure pipeline (detection → conversation → scoring), entries out.
//! Discord-shaped exchanges: reply links, mentions, follow-ups.

use chrono::{DateTime, Duration, TimeZone, Utc};

use crate::capital::message::{
    ChannelId, GuildId, MemberId, MessageId, MessageIn, Person, ThreadRef,
};
use crate::capital::process::GuildState;
use crate::capital::score::{Decision, EntryDraft};
use crate::capital::settings::Settings;
use crate::capital::signal::EntryKind;

const ANN: MemberId = MemberId(11);
const BOB: MemberId = MemberId(12);
const CAT: MemberId = MemberId(13);
const DAN: MemberId = MemberId(14);

fn name(id: MemberId) -> &'static str {
    match id {
        ANN => "ann",
        BOB => "bob",
        CAT => "cat",
        DAN => "dan",
        _ => "someone",
    }
}

fn person(id: MemberId) -> Person {
    Person {
        id,
        name: name(id).into(),
        ..Default::default()
    }
}

fn settings() -> Settings {
    let tree = crate::config::load_base(None, std::iter::empty()).expect("defaults load");
    crate::config::settings_from(&tree).expect("defaults are valid")
}

/// A channel, a clock and the ledger written so far.
struct Channel {
    state: GuildState,
    s: Settings,
    next: MessageId,
    at: DateTime<Utc>,
    entries: Vec<EntryDraft>,
    /// The thread the next posts go to.
    thread: Option<ThreadRef>,
}

impl Channel {
    fn new() -> Channel {
        Channel {
            state: GuildState::default(),
            s: settings(),
            next: MessageId(1000),
            at: Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap(),
            entries: vec![],
            thread: None,
        }
    }

    fn post(
        &mut self,
        author: MemberId,
        text: &str,
        reply_to: Option<MessageId>,
        mention: Option<MemberId>,
    ) -> MessageId {
        self.next = MessageId(self.next.get() + 1);
        self.at += Duration::seconds(40);
        let mut content = text.to_string();
        if let Some(m) = mention {
            content = format!("<@{m}> {content}");
        }
        let msg = MessageIn {
            guild_id: GuildId(1),
            channel_name: "help".into(),
            id: self.next,
            author: person(author),
            at: self.at,
            content,
            reply_to,
            mentions: mention.map(person).into_iter().collect(),
            channel_id: self.thread.map_or(ChannelId(10), |t| t.id),
            thread: self.thread,
            ..Default::default()
        };
        let p = self.state.process_message(&msg, None, &self.s);
        self.entries
            .extend(p.decisions.into_iter().filter_map(|d| match d {
                Decision::Entry(e) => Some(e),
                Decision::Ignored(_) => None,
            }));
        self.next
    }

    /// A message with no link to anyone.
    fn say(&mut self, author: MemberId, text: &str) -> MessageId {
        self.post(author, text, None, None)
    }

    /// A Discord reply to message `to` (by `to_author`).
    fn reply(&mut self, author: MemberId, to: MessageId, text: &str) -> MessageId {
        self.post(author, text, Some(to), None)
    }

    /// A message that pings `whom`.
    fn ping(&mut self, author: MemberId, whom: MemberId, text: &str) -> MessageId {
        self.post(author, text, None, Some(whom))
    }

    fn wait(&mut self, minutes: i64) {
        self.at += Duration::minutes(minutes);
    }

    fn of(&self, m: MemberId) -> impl Iterator<Item = &EntryDraft> {
        self.entries.iter().filter(move |e| e.member == m)
    }

    fn net(&self, m: MemberId) -> f64 {
        self.of(m).map(|e| e.amount).sum()
    }

    fn requests(&self, m: MemberId) -> Vec<f64> {
        self.of(m)
            .filter(|e| e.kind == EntryKind::Request)
            .map(|e| e.amount)
            .collect()
    }

    fn dump(&self) -> String {
        self.entries
            .iter()
            .map(|e| {
                format!(
                    "{} {:?} {:+.2} {}",
                    name(e.member),
                    e.kind,
                    e.amount,
                    e.reason
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[test]
fn a_helpers_clarifying_questions_cost_nothing() {
    let mut c = Channel::new();
    let q = c.say(
        ANN,
        "how do I mount my usb drive? it does not show up in the file manager",
    );
    let a1 = c.reply(BOB, q, "which ubuntu version are you on?");
    let r1 = c.reply(ANN, a1, "22.04 on a laptop");
    let a2 = c.reply(BOB, r1, "does it show up in lsblk?");
    let r2 = c.reply(ANN, a2, "yes as sdb1");
    c.reply(
        BOB,
        r2,
        "then run sudo mount /dev/sdb1 /mnt and it is there",
    );
    assert!(c.requests(BOB).is_empty(), "{}", c.dump());
    assert!(c.of(BOB).all(|e| e.amount >= 0.0), "{}", c.dump());
    assert!(c.net(BOB) > 0.0, "{}", c.dump());
    assert_eq!(c.requests(ANN).len(), 1, "{}", c.dump());
}

#[test]
fn the_openers_follow_up_costs_nothing_more() {
    let mut c = Channel::new();
    let q = c.say(ANN, "how do I mount my usb drive?");
    let a = c.reply(BOB, q, "run sudo mount /dev/sdb1 /mnt");
    let f = c.reply(ANN, a, "and how do I make it mount at every boot?");
    c.reply(BOB, f, "add a line for it to /etc/fstab");
    c.ping(ANN, BOB, "what should the line look like?");
    assert_eq!(c.requests(ANN).len(), 1, "{}", c.dump());
}

#[test]
fn an_unanswered_question_costs_nothing() {
    let mut c = Channel::new();
    c.say(ANN, "how do I mount my usb drive?");
    c.wait(5);
    c.say(ANN, "anyone? how do I mount it?");
    assert!(c.requests(ANN).is_empty(), "{}", c.dump());
}

#[test]
fn a_second_problem_later_the_same_day_costs_and_escalates() {
    let mut c = Channel::new();
    let q = c.say(ANN, "how do I mount my usb drive?");
    c.reply(BOB, q, "run sudo mount /dev/sdb1 /mnt");
    c.wait(180);
    let q2 = c.say(ANN, "how do I change my wallpaper?");
    c.reply(CAT, q2, "right click the desktop, Change Background");
    let costs = c.requests(ANN);
    assert_eq!(costs.len(), 2, "{}", c.dump());
    assert!(costs[1] < costs[0], "the second costs more: {costs:?}");
}

/// Escalation sinks asking again and again without helping: a member who
/// helped someone between two problems of the same day pays the second at
/// the base cost, and the reason says why.
#[test]
fn helping_in_between_resets_the_escalation() {
    let mut c = Channel::new();
    let q = c.say(ANN, "how do I mount my usb drive?");
    c.reply(BOB, q, "run sudo mount /dev/sdb1 /mnt");
    c.wait(60);
    let other = c.say(DAN, "how do I see which kernel I am running?");
    c.reply(ANN, other, "type uname -r in a terminal");
    c.wait(120);
    let q2 = c.say(ANN, "how do I change my wallpaper?");
    c.reply(CAT, q2, "right click the desktop, Change Background");
    let costs = c.requests(ANN);
    assert_eq!(costs.len(), 2, "{}", c.dump());
    assert_eq!(costs[1], costs[0], "not escalated: {costs:?}");
    let last = c
        .of(ANN)
        .filter(|e| e.kind == EntryKind::Request)
        .last()
        .expect("charged");
    assert!(
        last.reason
            .ends_with("ask #1 in 24 h since they last helped"),
        "{}",
        last.reason
    );
}

#[test]
fn an_answered_and_thanked_exchange_leaves_the_pair_ahead() {
    let mut c = Channel::new();
    let q = c.say(ANN, "how do I mount my usb drive?");
    let a = c.reply(BOB, q, "run sudo mount /dev/sdb1 /mnt");
    c.reply(ANN, a, "thanks, that worked!");
    assert!(c.net(ANN) + c.net(BOB) > 0.0, "{}", c.dump());
    assert!(c.net(BOB) > 0.0, "{}", c.dump());
}

#[test]
fn a_member_who_only_answers_is_never_negative() {
    let mut c = Channel::new();
    for (k, asker) in [ANN, CAT, DAN, ANN, CAT, DAN].into_iter().enumerate() {
        let q = c.say(
            asker,
            &format!("how do I fix problem number {k} with my printer?"),
        );
        let a = c.reply(BOB, q, "is it connected by usb or over the network?");
        let r = c.reply(asker, a, "usb");
        c.reply(
            BOB,
            r,
            "then reinstall the driver with sudo apt install printer-driver-all",
        );
        c.wait(60);
        assert!(c.net(BOB) >= 0.0, "after {k}: {}", c.dump());
    }
    assert!(c.of(BOB).all(|e| e.amount >= 0.0), "{}", c.dump());
}

#[test]
fn a_question_of_ones_own_to_a_busy_helper_is_ones_own_request() {
    let mut c = Channel::new();
    let q = c.say(ANN, "how do I mount my usb drive?");
    c.reply(BOB, q, "run sudo mount /dev/sdb1 /mnt");
    // Cat pings Bob with a problem of her own: her request, not help to Ann.
    let own = c.ping(
        CAT,
        BOB,
        "how do I flash my board? I tried dfu-util and it hangs",
    );
    c.reply(BOB, own, "hold the boot button while you plug it in");
    assert_eq!(c.requests(CAT).len(), 1, "{}", c.dump());
    assert!(c.net(CAT) < 0.0, "{}", c.dump());
}

#[test]
fn asking_again_and_again_without_helping_sinks() {
    let mut c = Channel::new();
    for k in 0..6 {
        let q = c.say(ANN, &format!("how do I configure service number {k}?"));
        c.reply(BOB, q, "read the manual page for it");
        c.wait(90);
    }
    assert!(c.net(ANN) < -10.0, "{}", c.dump());
}

#[test]
fn a_thread_is_one_conversation() {
    let mut c = Channel::new();
    c.thread = Some(ThreadRef {
        id: ChannelId(c.next.get() + 1),
        starter: Some(ANN),
    });
    c.say(ANN, "my wifi drops every hour, how do I fix it?");
    c.say(BOB, "which driver does it use?");
    c.say(ANN, "iwlwifi. how do I check which firmware I have?");
    c.say(CAT, "what does dmesg say when it drops?");
    c.say(BOB, "update linux-firmware and reboot");
    c.say(ANN, "that fixed it, thanks bob");
    assert_eq!(c.requests(ANN).len(), 1, "{}", c.dump());
    assert!(
        c.requests(BOB).is_empty() && c.requests(CAT).is_empty(),
        "{}",
        c.dump()
    );
    assert!(c.net(BOB) > 0.0, "{}", c.dump());
    // Hours later, the thread is still the same conversation.
    c.wait(600);
    c.say(ANN, "it is back, how do I fix it this time?");
    assert_eq!(c.requests(ANN).len(), 1, "still one: {}", c.dump());
}

/// Train errors (a greeting, a message to someone absent, another member's
/// own question or trouble taken as "the answer"): none of these answers the
/// question asked just before, so its asker owes nothing for it.
#[test]
fn small_talk_asides_and_others_questions_do_not_answer_a_question() {
    let cases = [
        "good morning all",
        "lo all",
        "whats up?",
        "daniels: is there a problem with locales in hoary?",
        "!tell zed about ponie",
        "I can't find openssl-dev from apt-cache search. why?",
        "hello guys. what do you recommend for direct connect hubs?",
        "is there a known problem with flashplayer? text is not shown.",
        "what do you guys suggest for burning cds?",
        "where's the sudoers file? what's it called?",
        "i been running dapper from beta do i need to reinstall or just dist-upgrade",
    ];
    for text in cases {
        let mut c = Channel::new();
        c.say(ANN, "where can i find nice themes for ubuntu?");
        c.say(BOB, text);
        assert!(c.requests(ANN).is_empty(), "{text}: {}", c.dump());
    }
    // An answer in the same place still answers (and the asker owes it).
    let mut c = Channel::new();
    c.say(ANN, "where can i find nice themes for ubuntu?");
    c.say(BOB, "gnome-look.org has hundreds of them");
    assert_eq!(c.requests(ANN).len(), 1, "{}", c.dump());
}

/// A helper who offers help ("need help with what?", "what do you need help
/// with?") is helping: the member who asked is charged once and the helper
/// credited, never the other way round.
#[test]
fn an_offer_of_help_is_helping_not_asking() {
    for (plea, offer, answer) in [
        (
            "can someone help me with my wifi please",
            "need help with what?",
            "it won't connect to my router",
        ),
        (
            "can someone help me",
            "what do you need help with?",
            "installing nvidia drivers",
        ),
        (
            "anyone around who knows grub?",
            "do you still need help?",
            "yes, it boots straight into windows",
        ),
        (
            "i need some help",
            "how can I help?",
            "my sound is gone after the update",
        ),
    ] {
        let mut c = Channel::new();
        c.say(ANN, plea);
        let o = c.say(BOB, offer);
        c.reply(ANN, o, answer);
        assert!(c.requests(BOB).is_empty(), "{offer:?}\n{}", c.dump());
        assert_eq!(c.requests(ANN).len(), 1, "{offer:?}\n{}", c.dump());
        assert!(c.net(BOB) > 0.0, "{offer:?}\n{}", c.dump());
    }
    // Asking for help is still asking.
    let mut c = Channel::new();
    let q = c.say(ANN, "I need help with my printer, it prints blank pages");
    c.reply(BOB, q, "check the ink cartridge, the nozzles dry out");
    assert_eq!(c.requests(ANN).len(), 1, "{}", c.dump());
}

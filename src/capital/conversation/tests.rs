//! Placement and events on Discord-shaped and IRC-shaped exchanges.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::place::{Link, Replied, Turn};
use super::state::{ConversationSettings, Conversations, Event};
use super::{ConversationId, State};
use crate::capital::message::{ChannelId, MemberId, MessageId};

const HELP: u64 = 500;
const ANN: u64 = 1;
const BOB: u64 = 2;
const CAROL: u64 = 3;
const DAVE: u64 = 4;

fn at(secs: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap() + Duration::seconds(secs)
}

/// A channel being written in, one message every 20 seconds.
struct Chat {
    convs: Conversations,
    settings: ConversationSettings,
    next: u64,
}

impl Chat {
    fn new() -> Chat {
        Chat {
            convs: Conversations::default(),
            settings: ConversationSettings::default(),
            next: 100,
        }
    }

    fn turn(&mut self, author: u64) -> Turn {
        self.next += 1;
        Turn {
            id: MessageId(self.next),
            channel: ChannelId(HELP),
            author: MemberId(author),
            at: at(self.next as i64 * 20),
            substantive: true,
            ..Default::default()
        }
    }

    fn post(&mut self, t: Turn) -> (super::Placement, Vec<Event>) {
        self.convs.add(&t, None, &self.settings)
    }

    /// A question of the author's own ("how do I…", first person).
    fn ask(&mut self, author: u64) -> (super::Placement, Vec<Event>) {
        let mut t = self.turn(author);
        t.asks = true;
        t.first_person = true;
        self.post(t)
    }

    fn say_to(&mut self, author: u64, to: u64) -> (super::Placement, Vec<Event>) {
        let mut t = self.turn(author);
        t.addressees = vec![MemberId(to)];
        self.post(t)
    }
}

fn answered(evs: &[Event]) -> Vec<(u64, u64)> {
    evs.iter()
        .filter_map(|e| match e {
            Event::Answered {
                opener, responder, ..
            } => Some((opener.get(), responder.get())),
            _ => None,
        })
        .collect()
}

fn helped(evs: &[Event]) -> Vec<(u64, u64, u32)> {
    evs.iter()
        .filter_map(|e| match e {
            Event::Helped {
                helper,
                opener,
                nth,
                ..
            } => Some((helper.get(), opener.get(), *nth)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_question_opens_a_conversation_and_its_first_answer_charges_it() {
    let mut c = Chat::new();
    let (q, evs) = c.ask(ANN);
    assert!(q.opened);
    assert_eq!(q.link, Link::NewQuestion);
    assert!(matches!(evs[..], [Event::Asked { .. }]));
    // Unanswered so far: nothing is due.
    assert!(answered(&evs).is_empty());
    let (a, evs) = c.say_to(BOB, ANN);
    assert_eq!(a.conversation, q.conversation);
    assert_eq!(a.responds_to, Some(MemberId(ANN)));
    assert_eq!(answered(&evs), vec![(ANN, BOB)]);
    assert_eq!(helped(&evs), vec![(BOB, ANN, 1)]);
    let conv = c.convs.get(q.conversation).unwrap();
    assert_eq!(conv.state, State::Answered);
    assert!(conv.charged);
}

#[test]
fn the_openers_follow_up_questions_stay_in_the_same_conversation() {
    let mut c = Chat::new();
    let (q, _) = c.ask(ANN);
    c.say_to(BOB, ANN);
    // Ann asks again, unaddressed, and replies to Bob with another question.
    let (f1, evs1) = c.ask(ANN);
    let (f2, evs2) = {
        let bob_msg = c.next;
        let mut t = c.turn(ANN);
        t.reply_to = Some(MessageId(bob_msg));
        t.asks = true;
        t.first_person = true;
        c.post(t)
    };
    assert_eq!(f1.conversation, q.conversation);
    assert_eq!(f2.conversation, q.conversation);
    // Neither is a new ask nor a second charge.
    assert!(evs1.iter().all(|e| !matches!(e, Event::Asked { .. })));
    assert!(answered(&evs1).is_empty() && answered(&evs2).is_empty());
}

#[test]
fn a_helpers_clarifying_question_is_part_of_the_askers_conversation() {
    let mut c = Chat::new();
    let (q, _) = c.ask(ANN);
    // Bob replies to Ann with a question ("which version are you on?").
    let mut t = c.turn(BOB);
    t.reply_to = Some(q.conversation.0);
    t.asks = true;
    t.second_person = true;
    let (p, evs) = c.post(t);
    assert_eq!(p.conversation, q.conversation);
    assert!(!p.opened);
    assert_eq!(p.link, Link::Reply);
    assert_eq!(helped(&evs), vec![(BOB, ANN, 1)]);
    // Unaddressed "did you reboot?" right after Ann's message: the same.
    let mut c = Chat::new();
    let (q, _) = c.ask(ANN);
    let mut t = c.turn(CAROL);
    t.asks = true;
    t.second_person = true;
    let (p, _) = c.post(t);
    assert_eq!((p.conversation, p.link), (q.conversation, Link::Clarifying));
}

#[test]
fn pinging_a_helper_with_your_own_question_opens_your_own_conversation() {
    let mut c = Chat::new();
    let (ann_q, _) = c.ask(ANN);
    let (bob_answer, _) = c.say_to(BOB, ANN);
    assert_eq!(bob_answer.conversation, ann_q.conversation);
    // Carol: "@Bob how do I flash this board?"
    let mut t = c.turn(CAROL);
    t.addressees = vec![MemberId(BOB)];
    t.asks = true;
    t.first_person = true;
    let (p, evs) = c.post(t);
    assert!(p.opened, "a new conversation, not help in Ann's");
    assert_eq!(p.link, Link::AsksSomeone);
    assert!(helped(&evs).is_empty());
    // Bob answers Carol: he helps Carol, and Carol's question is now due.
    let (b, evs) = c.say_to(BOB, CAROL);
    assert_eq!(b.conversation, p.conversation);
    assert_eq!(answered(&evs), vec![(CAROL, BOB)]);
    assert_eq!(helped(&evs), vec![(BOB, CAROL, 1)]);
}

#[test]
fn replying_to_a_helper_with_a_question_of_your_own_opens_your_own() {
    let mut c = Chat::new();
    let (ann_q, _) = c.ask(ANN);
    let (_, _) = c.say_to(BOB, ANN);
    let bob_msg = c.next;
    let mut t = c.turn(DAVE);
    t.reply_to = Some(MessageId(bob_msg));
    t.asks = true;
    t.first_person = true;
    let (p, _) = c.post(t);
    assert!(p.opened);
    assert_ne!(p.conversation, ann_q.conversation);
    assert_eq!(p.responds_to, Some(MemberId(BOB)));
}

#[test]
fn the_askers_follow_up_reply_to_an_answer_stays_in_the_conversation() {
    let mut c = Chat::new();
    let (q, _) = c.ask(ANN);
    c.say_to(BOB, ANN);
    let bob_msg = c.next;
    // Someone else talks in between.
    c.ask(DAVE);
    let mut t = c.turn(ANN);
    t.reply_to = Some(MessageId(bob_msg));
    t.asks = true;
    t.first_person = true;
    let (p, evs) = c.post(t);
    assert_eq!(p.conversation, q.conversation);
    assert!(answered(&evs).is_empty(), "already charged once");
}

#[test]
fn the_opener_answering_back_credits_a_responder_who_was_not_yet() {
    let mut c = Chat::new();
    let (q, _) = c.ask(ANN);
    // Bob answers by adjacency (a guess: charged, not yet credited).
    let t = c.turn(BOB);
    let (p, evs) = c.post(t);
    assert_eq!((p.conversation, p.link), (q.conversation, Link::Adjacent));
    assert_eq!(answered(&evs), vec![(ANN, BOB)]);
    assert!(helped(&evs).is_empty());
    // Ann answers Bob: his help is evident now.
    let (_, evs) = c.say_to(ANN, BOB);
    assert_eq!(helped(&evs), vec![(BOB, ANN, 1)]);
    // …and only once.
    let (_, evs) = c.say_to(ANN, BOB);
    assert!(helped(&evs).is_empty());
}

#[test]
fn several_helpers_are_credited_in_order() {
    let mut c = Chat::new();
    c.ask(ANN);
    let (_, e1) = c.say_to(BOB, ANN);
    let (_, e2) = c.say_to(CAROL, ANN);
    let (_, e3) = c.say_to(BOB, ANN);
    assert_eq!(helped(&e1), vec![(BOB, ANN, 1)]);
    assert_eq!(helped(&e2), vec![(CAROL, ANN, 2)]);
    assert!(helped(&e3).is_empty());
    assert_eq!(answered(&e2), vec![], "charged once, at the first answer");
}

#[test]
fn a_thread_is_one_conversation_opened_by_its_starter() {
    let mut c = Chat::new();
    let thread = 900;
    let post = |c: &mut Chat, author: u64, asks: bool| {
        let mut t = c.turn(author);
        t.channel = ChannelId(thread);
        t.thread = Some((ChannelId(thread), MemberId(ANN)));
        t.asks = asks;
        t.first_person = asks;
        c.post(t)
    };
    let (p0, evs) = post(&mut c, ANN, true);
    assert_eq!(p0.conversation, ConversationId(MessageId(thread)));
    assert!(p0.opened);
    assert!(matches!(evs[..], [Event::Asked { .. }]));
    // Unaddressed answers in the thread respond to its starter.
    let (p1, evs) = post(&mut c, BOB, false);
    assert_eq!(p1.conversation, ConversationId(MessageId(thread)));
    assert_eq!(p1.link, Link::Thread);
    assert_eq!(answered(&evs), vec![(ANN, BOB)]);
    assert_eq!(helped(&evs), vec![(BOB, ANN, 1)]);
    // A question by a helper inside the thread is part of helping.
    let (p2, evs) = post(&mut c, CAROL, true);
    assert_eq!(p2.conversation, ConversationId(MessageId(thread)));
    assert!(!evs.iter().any(|e| matches!(e, Event::Asked { .. })));
    assert_eq!(helped(&evs), vec![(CAROL, ANN, 2)]);
}

#[test]
fn a_conversation_spans_a_restart() {
    // Before: Ann asks. The memory is then rebuilt from what was stored.
    let mut c = Chat::new();
    let (q, _) = c.ask(ANN);
    let stored = c.convs.get(q.conversation).unwrap().clone();
    let turn = Said {
        id: q.conversation.0,
        author: MemberId(ANN),
        at: at(101 * 20),
        addressees: vec![],
        asks: true,
        conversation: q.conversation,
    };
    let mut after = Chat::new();
    after.next = c.next;
    after.convs.restore(stored);
    after
        .convs
        .restore_turn(ChannelId(HELP), turn, &ConversationSettings::default());
    let (p, evs) = after.say_to(BOB, ANN);
    assert_eq!(p.conversation, q.conversation);
    assert_eq!(answered(&evs), vec![(ANN, BOB)]);
    // A reply to a message the memory no longer holds reaches its conversation too.
    let mut later = Chat::new();
    later.next = c.next + 1000;
    later
        .convs
        .restore(c.convs.get(q.conversation).unwrap().clone());
    let mut t = later.turn(BOB);
    t.reply_to = Some(q.conversation.0);
    let replied = Replied {
        id: q.conversation.0,
        author: MemberId(ANN),
        conversation: Some(q.conversation),
        addressees: vec![],
    };
    let (p, _) = later.convs.add(&t, Some(&replied), &later.settings);
    assert_eq!(p.conversation, q.conversation);
}

use super::state::Said;

#[test]
fn a_helper_asking_their_own_question_later_opens_their_own() {
    let mut c = Chat::new();
    c.ask(ANN);
    c.say_to(BOB, ANN);
    // Bob, unaddressed, about his own problem.
    let (p, _) = c.ask(BOB);
    assert!(p.opened);
    assert_eq!(p.link, Link::NewQuestion);
}

#[test]
fn thanks_by_the_opener_credits_and_marks_the_conversation() {
    let mut c = Chat::new();
    let (q, _) = c.ask(ANN);
    let t = c.turn(BOB);
    c.post(t); // adjacent answer, not yet credited
    let evs = c
        .convs
        .thanked(q.conversation, MemberId(ANN), MemberId(BOB));
    assert_eq!(helped(&evs), vec![(BOB, ANN, 1)]);
    assert_eq!(c.convs.get(q.conversation).unwrap().state, State::Thanked);
    // Thanks from someone else, or to someone not in it, change nothing.
    assert!(c
        .convs
        .thanked(q.conversation, MemberId(CAROL), MemberId(BOB))
        .is_empty());
    assert!(c
        .convs
        .thanked(q.conversation, MemberId(ANN), MemberId(DAVE))
        .is_empty());
}

#[test]
fn an_unanswered_question_costs_nothing_and_acks_are_not_answers() {
    let mut c = Chat::new();
    let (q, _) = c.ask(ANN);
    let mut t = c.turn(BOB);
    t.substantive = false; // "lol"
    let (p, evs) = c.post(t);
    assert_ne!(p.conversation, q.conversation);
    assert!(answered(&evs).is_empty());
    assert!(!c.convs.get(q.conversation).unwrap().charged);
}

#[test]
fn a_bare_question_to_someone_unseen_is_about_their_problem() {
    // "@int256 still scanning?" with nothing of int256's in memory (the
    // history starts there): the conversation is theirs, the author helping.
    let mut c = Chat::new();
    let mut t = c.turn(BOB);
    t.addressees = vec![MemberId(ANN)];
    t.asks = true;
    let (p, evs) = c.post(t);
    assert_eq!(p.link, Link::AsksAbout);
    assert_eq!(c.convs.get(p.conversation).unwrap().opener, MemberId(ANN));
    assert!(evs.is_empty(), "nothing asked of anyone: {evs:?}");
    // Ann's answer stays in it and charges nobody.
    let (a, evs) = c.say_to(ANN, BOB);
    assert_eq!(a.conversation, p.conversation);
    assert!(answered(&evs).is_empty());
    // With "I" in it, it is the author's own question.
    let mut t = c.turn(CAROL);
    t.addressees = vec![MemberId(DAVE)];
    t.asks = true;
    t.first_person = true;
    let (p, _) = c.post(t);
    assert_eq!(p.link, Link::AsksSomeone);
    assert_eq!(c.convs.get(p.conversation).unwrap().opener, MemberId(CAROL));
}

#[test]
fn a_question_asking_what_a_thing_is_right_after_a_question_is_ones_own() {
    let mut chat = Chat::new();
    let (q, _) = chat.ask(ANN);
    // "what's the output of lspci?" right after: a suggestion in ann's.
    let mut t = chat.turn(BOB);
    t.asks = true;
    let (p, _) = chat.post(t);
    assert_eq!((p.conversation, p.link), (q.conversation, Link::Adjacent));
    // "whats shogo?" right after: carol's own curiosity, a conversation of her own.
    let mut t = chat.turn(CAROL);
    t.asks = true;
    t.asks_what_is = true;
    let (p, _) = chat.post(t);
    assert_eq!(p.link, Link::NewQuestion);
    assert_ne!(p.conversation, q.conversation);
}

/// Forgetting by time order holds exactly the conversations that scanning
/// every conversation at every message holds: random traffic over channels
/// and threads, reply links, gaps from seconds to days, time going back now
/// and then, conversations restored, settings changed midway.
#[test]
fn forgetting_by_time_order_matches_the_scan() {
    let mut next = crate::capital::test_rng(0x2545_F491_4F6C_DD1D);
    let mut fast = Conversations::default();
    let mut scan = Conversations::default();
    scan.forget_by_scan = true;
    let mut settings = ConversationSettings {
        window_minutes: 5,
        recent_messages: 4,
        thread_days: 1,
        ..Default::default()
    };
    let mut t = 0i64;
    let mut dropped_held = 0;
    for i in 0..20_000u64 {
        if i == 12_000 {
            settings.window_minutes = 9;
            settings.recent_messages = 6;
        }
        t += match next(10) {
            0 => 3_600 * (1 + next(30) as i64),
            1 => -(next(600) as i64),
            _ => next(120) as i64,
        };
        let channel = ChannelId(HELP + next(3));
        let thread = (next(8) == 0).then(|| (ChannelId(9_000 + next(20)), MemberId(1 + next(6))));
        let turn = Turn {
            id: MessageId(10_000 + i),
            channel,
            thread,
            author: MemberId(1 + next(6)),
            at: at(t),
            reply_to: (next(4) == 0 && i > 0).then(|| MessageId(10_000 + i - 1 - next(i.min(30)))),
            addressees: if next(3) == 0 {
                vec![MemberId(1 + next(6))]
            } else {
                vec![]
            },
            asks: next(3) == 0,
            first_person: next(2) == 0,
            substantive: next(5) != 0,
            ..Default::default()
        };
        if next(50) == 0 {
            // A conversation put back from the store, its last message long ago.
            let c = super::Conversation::new(
                ConversationId(MessageId(500 + next(40))),
                channel,
                next(2) == 0,
                MemberId(1 + next(6)),
                at(t - next(200_000) as i64),
            );
            fast.restore(c.clone());
            scan.restore(c);
        }
        let before = scan.held_ids().len();
        let a = fast.add(&turn, None, &settings);
        let b = scan.add(&turn, None, &settings);
        assert_eq!(a, b, "message {i}");
        assert_eq!(fast.held_ids(), scan.held_ids(), "message {i}");
        if scan.held_ids().len() < before + 1 {
            dropped_held += 1;
        }
    }
    assert!(
        dropped_held > 1_000,
        "{dropped_held} messages forgot something"
    );
}

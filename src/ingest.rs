//! Where an event becomes ledger entries: one function per kind of event (a
//! message, an edit, a reaction added or removed, a delete, a `/kudos`, a
//! moderator's adjustment). Each runs the pure detect → score step of
//! [`GuildState`] and appends what is to be written to a [`Pending`] batch:
//! the entries, the message's metadata row, the people and the channel seen.
//! It returns the decisions (entries and ignored signals), for `--explain`
//! and the counts.
//!
//! Both front doors call these functions, so a backfill and a live day cannot
//! drift apart: the gateway worker through the service (one event, one batch,
//! written at once) and the importer (many events, one batch, handed to its
//! writer task).
//!
//! Nothing here waits. What needs the database is looked up by the caller
//! first: whether the message is stored already, the replied-to or reacted-to
//! message when the channel memory no longer holds it (see [`reply_to_fetch`]),
//! and the stored entries a delete, an edit or a removed reaction reverses.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::capital::conversation::{Conversation, ConversationId, Solution};
use crate::capital::message::{
    ChannelId, MemberId, MessageId, MessageIn, Person, ReactionIn, RecentMessage,
};
use crate::capital::process::{is_conversation_kind, GuildState};
use crate::capital::score::{Decision, EntryDraft};
use crate::capital::settings::Settings;
use crate::capital::signal::EntryKind;
use crate::store::{Batch, MessageRow, Reversal};

/// What ingested events add up to before it is written: the store's batch,
/// and who and which channels it already carries. A person is added when
/// first seen and again only when their name changes, a channel once: an
/// import of a million messages writes each member a few times, not once per
/// message (those upserts were a third of its writes). The bot starts a new
/// one per event, so it writes everyone the event names.
#[derive(Debug, Default)]
pub struct Pending {
    pub batch: Batch,
    /// Each person as last added: name, nickname, is a bot.
    people: HashMap<MemberId, (String, Option<String>, bool)>,
    channels: HashSet<ChannelId>,
    /// Where each conversation of this batch sits in `batch.conversations`
    /// (one row per conversation, its latest version).
    conversations: HashMap<ConversationId, usize>,
}

impl Pending {
    /// For an import: `channels` are written with the first batch, and every
    /// batch is expected to be new to the store (see [`Batch::expect_new`]).
    pub fn for_import(channels: impl IntoIterator<Item = (ChannelId, String)>) -> Pending {
        let channels: Vec<(ChannelId, String)> = channels.into_iter().collect();
        Pending {
            channels: channels.iter().map(|c| c.0).collect(),
            batch: Batch {
                channels,
                expect_new: true,
                ..Default::default()
            },
            people: HashMap::new(),
            conversations: HashMap::new(),
        }
    }

    /// The batch so far, leaving an empty one (of the same kind) in its
    /// place. Who and what was added is still remembered.
    pub fn take_batch(&mut self) -> Batch {
        let next = Batch {
            expect_new: self.batch.expect_new,
            ..Default::default()
        };
        self.conversations.clear();
        std::mem::replace(&mut self.batch, next)
    }

    fn see_person(&mut self, p: &Person, at: DateTime<Utc>) {
        // A mention carries no nickname: that is "unknown", not "none" (the
        // store's upsert keeps the stored one), so it changes nothing here either.
        let known = self.people.get(&p.id);
        let same = known.is_some_and(|(n, nick, bot)| {
            *n == p.name && *bot == p.is_bot && (p.nickname.is_none() || *nick == p.nickname)
        });
        if !same {
            let nickname = p
                .nickname
                .clone()
                .or_else(|| known.and_then(|k| k.1.clone()));
            self.people
                .insert(p.id, (p.name.clone(), nickname, p.is_bot));
            self.batch.members.push((p.clone(), at));
        }
    }

    fn see_channel(&mut self, id: ChannelId, name: &str) {
        if self.channels.insert(id) {
            self.batch.channels.push((id, name.to_string()));
        }
    }

    /// The conversation a message was placed in, as it stands now.
    /// The latest version of a conversation this batch writes.
    pub fn conversation(&self, id: ConversationId) -> Option<&Conversation> {
        self.conversations
            .get(&id)
            .map(|&k| &self.batch.conversations[k])
    }

    fn see_conversation(&mut self, state: &GuildState, id: Option<ConversationId>) {
        let Some(c) = id.and_then(|id| state.conversations.get(id)) else {
            return;
        };
        match self.conversations.get(&c.id) {
            Some(&k) => self.batch.conversations[k] = c.clone(),
            None => {
                self.conversations
                    .insert(c.id, self.batch.conversations.len());
                self.batch.conversations.push(c.clone());
            }
        }
    }

    fn push_entries(&mut self, decisions: &[Decision]) {
        self.batch.entries.extend(entries(decisions));
    }
}

/// The entries among decisions (the rest are ignored signals).
pub fn entries(decisions: &[Decision]) -> impl Iterator<Item = EntryDraft> + '_ {
    decisions.iter().filter_map(|d| match d {
        Decision::Entry(e) => Some(e.clone()),
        Decision::Ignored(_) => None,
    })
}

/// The replied-to message the caller should fetch from the store, if any:
/// the channel memory does not have it, or drops it as too old before `msg`
/// is read. Without it a reply 30+ minutes later would lose its link, unlike
/// the same reply after a restart, when the memory starts empty.
pub fn reply_to_fetch(state: &GuildState, s: &Settings, msg: &MessageIn) -> Option<MessageId> {
    let r = msg.reply_to?;
    let window = s.detect.context_window();
    state
        .recent(msg.channel_id, r)
        .is_none_or(|m| msg.at - m.at > window)
        .then_some(r)
}

/// The conversation `msg` belongs to by structure — its thread, else the
/// message it replies to — when the memory no longer holds it (a thread
/// answered weeks later, a reply to an old message): the caller puts it back
/// from the store before [`message`], so that it is reached however long the
/// memory ran.
pub fn conversation_to_fetch(
    state: &GuildState,
    msg: &MessageIn,
    replied_stored: Option<&RecentMessage>,
) -> Option<ConversationId> {
    let c = match (msg.thread, msg.reply_to) {
        (Some(t), _) => ConversationId::of_thread(t.id),
        (None, Some(r)) => state
            .recent(msg.channel_id, r)
            .and_then(|m| m.conversation)
            .or(replied_stored.and_then(|m| m.conversation))?,
        (None, None) => return None,
    };
    state.conversations.get(c).is_none().then_some(c)
}

/// A message not processed before. `replied_stored` is the replied-to message
/// from the store, when the caller fetched one (see [`reply_to_fetch`]).
///
/// Every message the channel memory keeps gets a metadata row, also those of
/// bots, webhooks and system messages (never credited, but part of the
/// conversation): the rows are that memory after a restart, for replies,
/// reactions, edits and deletes of older messages. An opted-out author's
/// messages are not kept.
pub fn message(
    state: &mut GuildState,
    s: &Settings,
    msg: &MessageIn,
    replied_stored: Option<RecentMessage>,
    out: &mut Pending,
) -> Vec<Decision> {
    let processed = state.process_message(msg, replied_stored, s);
    out.see_channel(msg.channel_id, &msg.channel_name);
    out.see_person(&msg.author, msg.at);
    for p in &msg.mentions {
        out.see_person(p, msg.at);
    }
    if let Some(r) = &processed.remembered {
        if !state.memory.opted_out.contains(&msg.author.id) {
            out.batch
                .messages
                .push(MessageRow::from_recent(msg.channel_id, r));
        }
        out.see_conversation(state, r.conversation);
    }
    out.push_entries(&processed.decisions);
    processed.decisions
}

/// A message whose results the ledger already holds, met again by an import
/// that starts its memory before it: the memory learns it, nothing is written.
pub fn replay_message(state: &mut GuildState, s: &Settings, msg: &MessageIn) {
    state.process_message(msg, None, s);
}

/// An edited message, stored in `channel`, whose unreversed entries are
/// `old`: it is detected and scored again (see [`GuildState::process_edit`]). When
/// what it credits or costs changed (kind, member, amount), the old entries
/// are reversed, the new ones added under keys of their own (an edit is a new
/// event), the row updated, and the copy becomes the memory. Returns whether
/// it changed.
pub fn edit(
    state: &mut GuildState,
    s: &Settings,
    msg: &MessageIn,
    channel: ChannelId,
    old: Vec<Reversal>,
    out: &mut Pending,
) -> bool {
    let placed = state
        .channels
        .get(&channel)
        .and_then(|c| c.find(msg.id))
        .and_then(|m| m.conversation);
    // An edit re-reads what the message says (thanks, shares, promotion),
    // not where it sits: its conversation, and the request charged or the
    // help credited there, stand as they were.
    let edited = state.process_edit(msg, placed, s);
    let new: Vec<EntryDraft> = entries(&edited.decisions)
        .filter(|e| !is_conversation_kind(e.kind))
        .collect();
    let old: Vec<Reversal> = old
        .into_iter()
        .filter(|r| !is_conversation_kind(r.of))
        .collect();
    let mut before: Vec<Effect> = old
        .iter()
        .map(|r| Effect::of(r.of, r.entry.member, r.entry.amount))
        .collect();
    let mut after: Vec<Effect> = new
        .iter()
        .map(|e| Effect::of(e.kind, e.member, e.amount))
        .collect();
    before.sort();
    after.sort();
    if before == after {
        return false;
    }
    // The copy of the memory recorded the new entries while scoring; the
    // reversals go in as they are written.
    if let Some(memory) = edited.memory {
        state.memory = memory;
    }
    for r in &old {
        state.memory.record(&r.entry, s);
    }
    out.batch.entries.extend(old.into_iter().map(|r| r.entry));
    let (key, edit_key) = (
        format!("m:{}", msg.id),
        format!("m:{}@{}", msg.id, msg.at.timestamp_millis()),
    );
    for mut e in new {
        e.idem_key = e.idem_key.replacen(&key, &edit_key, 1);
        out.batch.entries.push(e);
    }
    if let Some(r) = edited.remembered {
        out.batch
            .messages
            .push(MessageRow::from_recent(channel, &r));
        if let Some(m) = state
            .channels
            .get_mut(&channel)
            .and_then(|c| c.find_mut(msg.id))
        {
            *m = r;
        }
    }
    true
}

/// What an entry credits or costs, as an edit compares them: kind, member,
/// and size to a millionth (the sign follows from the kind).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Effect(EntryKind, MemberId, i64);

impl Effect {
    fn of(kind: EntryKind, member: MemberId, amount: f64) -> Effect {
        Effect(kind, member, (amount.abs() * 1e6).round() as i64)
    }
}

/// A reaction added to `target` (from the memory, or the store when the
/// memory no longer has it; None for a message never seen, which leaves
/// nothing to credit). The person who reacted is recorded either way.
pub fn reaction_added(
    state: &mut GuildState,
    s: &Settings,
    r: &ReactionIn,
    target: Option<&RecentMessage>,
    out: &mut Pending,
) -> Vec<Decision> {
    out.see_person(&r.user, r.at);
    let Some(target) = target else {
        return vec![];
    };
    let decisions = state.process_reaction(r, target, s).decisions;
    out.push_entries(&decisions);
    decisions
}

/// A reaction whose results the ledger already holds (see [`replay_message`]).
pub fn replay_reaction(
    state: &mut GuildState,
    s: &Settings,
    r: &ReactionIn,
    target: Option<&RecentMessage>,
) {
    if let Some(target) = target {
        state.process_reaction(r, target, s);
    }
}

/// A reaction removed: `reversals` undo what it credited.
pub fn reaction_removed(
    state: &mut GuildState,
    s: &Settings,
    reversals: Vec<Reversal>,
    out: &mut Pending,
) {
    reverse(state, s, reversals, out);
}

/// Messages deleted: `reversals` undo what they (and reactions on them) did.
pub fn deleted(state: &mut GuildState, s: &Settings, reversals: Vec<Reversal>, out: &mut Pending) {
    reverse(state, s, reversals, out);
}

/// An appeal accepted: the entry's reversal (None if it was reversed meanwhile).
pub fn appeal_accepted(
    state: &mut GuildState,
    s: &Settings,
    reversal: Option<Reversal>,
    out: &mut Pending,
) {
    reverse(state, s, reversal.into_iter().collect(), out);
}

/// Reversals go into the batch and into the scoring memory, so the memory
/// matches one rebuilt from the ledger after a restart.
fn reverse(state: &mut GuildState, s: &Settings, reversals: Vec<Reversal>, out: &mut Pending) {
    for r in reversals {
        state.memory.record(&r.entry, s);
        out.batch.entries.push(r.entry);
    }
}

/// A `/kudos` as the command gave it (checked: not to oneself, not to a bot).
#[derive(Debug, Clone, Copy)]
pub struct Kudos<'a> {
    pub giver: &'a Person,
    pub receiver: &'a Person,
    pub reason: &'a str,
    pub interaction: u64,
    pub channel: ChannelId,
    pub at: DateTime<Utc>,
}

/// A `/kudos`: scored like any signal (the daily cap is the caller's check).
pub fn kudos(
    state: &mut GuildState,
    s: &Settings,
    k: Kudos<'_>,
    out: &mut Pending,
) -> Vec<Decision> {
    let p = state.process_kudos(
        k.giver.id,
        k.receiver.id,
        k.reason,
        k.interaction,
        k.channel,
        k.at,
        s,
    );
    out.see_person(k.giver, k.at);
    out.see_person(k.receiver, k.at);
    out.push_entries(&p.decisions);
    p.decisions
}

/// An accepted solution as decided (see [`crate::capital::conversation::solution`]):
/// the conversation `id` (held by the state) and its new solution.
#[derive(Debug, Clone)]
pub struct SolutionMark<'a> {
    pub conversation: ConversationId,
    pub solution: Solution,
    /// The act, for the entries' keys: the interaction, or the tag event.
    pub key: &'a str,
    pub channel_name: &'a str,
    /// The earlier solution's credit, when it went to someone else.
    pub reversals: Vec<Reversal>,
    /// The earlier solution was the same member's: only the message the
    /// solution points at moves, no credit changes.
    pub same_solver: bool,
}

/// An accepted solution: the earlier credit (if it moves to someone else) is
/// reversed, the solver credited, and the conversation written as solved,
/// all in one batch.
pub fn solution(
    state: &mut GuildState,
    s: &Settings,
    m: SolutionMark<'_>,
    out: &mut Pending,
) -> Vec<Decision> {
    reverse(state, s, m.reversals, out);
    let decisions = if m.same_solver {
        state.conversations.solve(m.conversation, m.solution);
        Vec::new()
    } else {
        let p = state.process_solution(m.conversation, m.solution, m.key, m.channel_name, s);
        out.push_entries(&p.decisions);
        p.decisions
    };
    out.see_conversation(state, Some(m.conversation));
    decisions
}

/// A moderator's correction, audited with who and why.
#[derive(Debug, Clone, Copy)]
pub struct Adjustment<'a> {
    pub moderator: MemberId,
    pub member: MemberId,
    pub amount: f64,
    pub reason: &'a str,
    pub interaction: u64,
    pub at: DateTime<Utc>,
}

/// A moderator's adjustment: written as given.
pub fn adjustment(
    state: &mut GuildState,
    s: &Settings,
    a: Adjustment<'_>,
    out: &mut Pending,
) -> Vec<Decision> {
    let p = state.process_adjustment(
        a.moderator,
        a.member,
        a.amount,
        a.reason,
        a.interaction,
        a.at,
        s,
    );
    out.push_entries(&p.decisions);
    p.decisions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capital::message::GuildId;

    fn settings() -> Settings {
        let tree = crate::config::load_base(None, std::iter::empty()).expect("defaults load");
        crate::config::settings_from(&tree).expect("defaults are valid")
    }

    fn person(id: u64, name: &str) -> Person {
        Person {
            id: MemberId(id),
            name: name.into(),
            ..Default::default()
        }
    }

    fn msg(id: u64, author: &Person, content: &str, at_s: i64) -> MessageIn {
        MessageIn {
            guild_id: GuildId(1),
            channel_id: ChannelId(10),
            channel_name: "general".into(),
            id: MessageId(id),
            author: author.clone(),
            at: DateTime::from_timestamp(1_700_000_000 + at_s, 0).unwrap(),
            content: content.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_person_and_a_channel_are_added_once_per_pending_batch() {
        let s = settings();
        let mut state = GuildState::default();
        let ann = person(1, "ann");
        let mut out = Pending::default();
        message(&mut state, &s, &msg(100, &ann, "hello", 0), None, &mut out);
        message(&mut state, &s, &msg(101, &ann, "again", 5), None, &mut out);
        assert_eq!(out.batch.members.len(), 1);
        assert_eq!(out.batch.channels.len(), 1);
        assert_eq!(out.batch.messages.len(), 2);
        let renamed = Person {
            name: "anne".into(),
            ..ann.clone()
        };
        message(&mut state, &s, &msg(102, &renamed, "hi", 9), None, &mut out);
        assert_eq!(out.batch.members.len(), 2, "a new name is written");
        let first = out.take_batch();
        assert_eq!(first.messages.len(), 3);
        message(
            &mut state,
            &s,
            &msg(103, &renamed, "more", 12),
            None,
            &mut out,
        );
        assert!(out.batch.members.is_empty(), "still known after a take");
    }

    #[test]
    fn system_and_bot_messages_are_kept_but_never_credited() {
        let s = settings();
        let mut state = GuildState::default();
        let bot = Person {
            is_bot: true,
            ..person(2, "bot")
        };
        let mut out = Pending::default();
        let mut system = msg(200, &person(3, "bob"), "bob pinned a message", 0);
        system.is_system = true;
        let d1 = message(&mut state, &s, &system, None, &mut out);
        let d2 = message(
            &mut state,
            &s,
            &msg(201, &bot, "thanks!", 1),
            None,
            &mut out,
        );
        assert!(d1.is_empty() && d2.is_empty());
        assert_eq!(out.batch.messages.len(), 2);
        assert!(out.batch.entries.is_empty());
    }

    #[test]
    fn an_unchanged_edit_writes_nothing_and_a_changed_one_reverses() {
        let s = settings();
        let mut state = GuildState::default();
        let (ann, bob) = (person(1, "ann"), person(2, "bob"));
        let mut out = Pending::default();
        let hello = msg(299, &bob, "hello everyone", 0);
        message(&mut state, &s, &hello, None, &mut out);
        let mut typo = hello.clone();
        typo.content = "hello everyone!".into();
        let mut edit_out = Pending::default();
        assert!(!edit(
            &mut state,
            &s,
            &typo,
            ChannelId(10),
            vec![],
            &mut edit_out
        ));
        assert!(edit_out.batch.is_empty());

        message(
            &mut state,
            &s,
            &msg(300, &ann, "how do I mount a usb disk?", 10),
            None,
            &mut out,
        );
        message(
            &mut state,
            &s,
            &msg(301, &bob, "ann: use the mount command", 30),
            None,
            &mut out,
        );
        let mut thanks = msg(302, &ann, "thanks bob, that worked", 60);
        thanks.mentions = vec![bob.clone()];
        let d = message(&mut state, &s, &thanks, None, &mut out);
        let written: Vec<EntryDraft> = entries(&d).collect();
        assert!(!written.is_empty(), "{d:?}");
        // What the store gives back for them: reversals, with the kind reversed.
        let old: Vec<Reversal> = written
            .iter()
            .map(|e| Reversal {
                of: e.kind,
                entry: EntryDraft {
                    kind: EntryKind::Reversal,
                    amount: -e.amount,
                    ..e.clone()
                },
            })
            .collect();
        let mut gone = thanks.clone();
        gone.content = "never mind".into();
        gone.mentions.clear();
        assert!(edit(
            &mut state,
            &s,
            &gone,
            ChannelId(10),
            old,
            &mut edit_out
        ));
        let kinds: Vec<EntryKind> = edit_out.batch.entries.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, vec![EntryKind::Reversal; written.len()]);
        assert_eq!(edit_out.batch.messages.len(), 1, "the row is updated");
    }

    #[test]
    fn an_edit_that_adds_thanks_credits_once_and_keeps_the_message_in_its_place() {
        let s = settings();
        let mut state = GuildState::default();
        let (ann, bob) = (person(1, "ann"), person(2, "bob"));
        let mut out = Pending::default();
        message(
            &mut state,
            &s,
            &msg(300, &ann, "how do I mount a usb disk?", 10),
            None,
            &mut out,
        );
        message(
            &mut state,
            &s,
            &msg(301, &bob, "ann: use the mount command", 30),
            None,
            &mut out,
        );
        let plain = msg(302, &ann, "ok", 60);
        message(&mut state, &s, &plain, None, &mut out);
        message(&mut state, &s, &msg(303, &bob, "np", 70), None, &mut out);
        let placed = |st: &GuildState| {
            let c = &st.channels[&ChannelId(10)];
            let at = c.messages.iter().position(|m| m.id == MessageId(302));
            (at, c.find(MessageId(302)).and_then(|m| m.conversation))
        };
        let before = placed(&state);
        assert!(before.1.is_some(), "placed in ann's conversation");
        let mut thanked = plain.clone();
        thanked.content = "ok thanks bob, that worked".into();
        thanked.mentions = vec![bob.clone()];
        let mut edit_out = Pending::default();
        assert!(edit(
            &mut state,
            &s,
            &thanked,
            ChannelId(10),
            vec![],
            &mut edit_out
        ));
        let kinds: Vec<EntryKind> = edit_out.batch.entries.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![EntryKind::Thanks],
            "{:?}",
            edit_out.batch.entries
        );
        assert_eq!(edit_out.batch.entries[0].member, bob.id);
        assert_eq!(placed(&state), before, "same place, same conversation");
        // The memory remembers the credit: the same thanks again is worth
        // less than the first (the pair's repeats are damped).
        let first = edit_out.batch.entries[0].amount;
        let mut again = msg(304, &ann, "thanks bob, that worked", 90);
        again.mentions = vec![bob.clone()];
        let d = message(&mut state, &s, &again, None, &mut out);
        let second: f64 = entries(&d)
            .filter(|e| e.kind == EntryKind::Thanks)
            .map(|e| e.amount)
            .sum();
        assert!(second < first, "{second} < {first}");
    }
}

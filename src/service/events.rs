//! Gateway events: the async shell around [`crate::ingest`]. Each handler takes
//! the guild's runtime (its lock keeps the guild's events in order), looks up
//! in the store what the step needs, runs the step and writes its batch at once.

use crate::capital::reason::Undo;
use crate::capital::score::EntryDraft;
use crate::capital::signal::EntryKind;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use tracing::Instrument;

use super::{Goodwill, R};
use crate::capital::message::{
    ChannelId, GuildId, MemberId, MessageId, MessageIn, Person, ReactionIn, RecentMessage,
};
use crate::ingest::{self, Pending};
use crate::pipeline::GuildRuntime;
use crate::store::Batch;

mod pipelined;
mod read_ahead;
pub use pipelined::{InFlight, Next};
use read_ahead::ReadAhead;

/// A gateway event the live path writes together with the events queued
/// next to it (see [`Goodwill::handle_group`]): the common, append-only kinds.
/// Deletes, removed reactions and the rest go one by one
/// ([`Goodwill::handle_message_delete`] ...).
#[derive(Debug, Clone)]
pub enum GroupEvent {
    Message(MessageIn),
    Update(MessageIn),
    ReactionAdded(ReactionIn),
    Join(Person, DateTime<Utc>),
    Roles(Vec<(Person, Vec<u64>)>, DateTime<Utc>),
}

impl GroupEvent {
    fn at(&self) -> DateTime<Utc> {
        match self {
            GroupEvent::Message(m) | GroupEvent::Update(m) => m.at,
            GroupEvent::ReactionAdded(r) => r.at,
            GroupEvent::Join(_, at) | GroupEvent::Roles(_, at) => *at,
        }
    }
}

/// What the events of a group wrote so far and still hold in memory.
struct Group {
    out: Pending,
    /// Roles learnt, by member (the last wins): stored just before the batch.
    roles: HashMap<MemberId, (Person, Vec<u64>)>,
    roles_at: Option<DateTime<Utc>>,
    /// Message ids of the group whose rows are not written yet.
    pending_messages: HashSet<MessageId>,
    /// Message ids stored before the group started (one query for all).
    known: HashSet<MessageId>,
    /// The group's own messages as the memory first held them (those with
    /// a row to write): a reply or a reaction to one the memory has let go
    /// since (a busy channel's memory holds 200 messages; a group can carry
    /// more) reads this copy, instead of writing the group first to read
    /// the row back (those writes were a busy group's extra transactions).
    recent: HashMap<MessageId, RecentMessage>,
    /// Messages the unwritten entries are about (of `out.batch.entries`
    /// up to `scanned`): a scan of the entries per event made a group of
    /// 2,000 events quadratic.
    entry_messages: HashSet<MessageId>,
    scanned: usize,
    /// Transactions the group took.
    writes: usize,
    /// Reads of the store while the group was scored (reaction targets,
    /// replied-to messages, conversations, edited messages, read-aheads
    /// read again) and the time
    /// the writes took, logged at debug: what a slow group spent its time on.
    lookups: [usize; 5],
    write_time: std::time::Duration,
    /// What the group's reactions and edits will read, read at its start.
    ahead: ReadAhead,
    /// The previous group's write, when it was still running as this group
    /// started (see [`pipelined`]): this group reads or writes the store
    /// only once it has committed.
    prior: Option<pipelined::Done>,
    /// That write's batch, for edits of the messages it created.
    prior_write: Option<pipelined::PriorWrite>,
    /// Messages with a row to write whose entries written before this group
    /// (or its last flush) an edit reversed: not all their entries are in
    /// the batch.
    reversed_stored: HashSet<MessageId>,
}

impl Group {
    fn new(known: HashSet<MessageId>) -> Group {
        Group {
            out: Pending::default(),
            roles: HashMap::new(),
            roles_at: None,
            pending_messages: HashSet::new(),
            known,
            recent: HashMap::new(),
            entry_messages: HashSet::new(),
            scanned: 0,
            writes: 0,
            lookups: [0; 5],
            write_time: std::time::Duration::ZERO,
            ahead: ReadAhead::default(),
            prior: None,
            prior_write: None,
            reversed_stored: HashSet::new(),
        }
    }

    /// Wait for the previous group's write before this group reads or
    /// writes the store: what it reads must include that write, and its
    /// writes must follow it. An error when that write failed (this group
    /// was scored on a memory that counted on it).
    async fn settle(&mut self) -> R<()> {
        if let Some(mut done) = self.prior.take() {
            if !pipelined::committed(&mut done).await {
                return Err(pipelined::failed());
            }
        }
        Ok(())
    }

    /// An edit changed what message `id` says: the copy is stale (its row
    /// is read back from the store if it is needed).
    fn forget_copy(&mut self, id: MessageId) {
        self.recent.remove(&id);
    }

    /// Whether the group holds unwritten entries about message `id`.
    fn has_entries_for(&mut self, id: MessageId) -> bool {
        let entries = &self.out.batch.entries;
        if self.scanned < entries.len() {
            self.entry_messages
                .extend(entries[self.scanned..].iter().filter_map(|e| e.message_id));
            self.scanned = entries.len();
        }
        self.entry_messages.contains(&id)
    }

    /// Whether message `id`'s row is one this group has still to write and
    /// has no copy of (an edit made it stale): reading it needs the group
    /// written first. (Entries about it do not matter to reading its row.)
    fn row_unwritten(&self, id: MessageId) -> bool {
        self.pending_messages.contains(&id) && !self.recent.contains_key(&id)
    }

    /// The reversals an edit of message `id` writes of the entries this
    /// group holds unwritten (see the free [`unwritten_reversals`]).
    fn unwritten_reversals(&self, id: MessageId) -> Vec<crate::store::Reversal> {
        unwritten_reversals(self.out.batch.entries.iter(), id)
    }

    /// Whether the store may lack something about message `id` that this
    /// group holds unwritten: its row, or entries about it.
    fn holds(&mut self, id: MessageId) -> bool {
        self.pending_messages.contains(&id) || self.has_entries_for(id)
    }
}

/// The reversals an edit of message `id` writes of the entries in `entries`
/// its text made (keys `m:<id>`) and not reversed there, as
/// [`crate::store::Store::reversals_for`] would give them once written,
/// except the reversed entry's id: unknown until the batch is written, it is
/// filled in then (`reverses` left empty, "#0" in the reason; see
/// `Store::write_batch`).
fn unwritten_reversals<'a>(
    entries: impl Iterator<Item = &'a EntryDraft> + Clone,
    id: MessageId,
) -> Vec<crate::store::Reversal> {
    let reversed: HashSet<&str> = entries
        .clone()
        .filter(|e| e.kind == EntryKind::Reversal && e.message_id == Some(id))
        .map(|e| e.idem_key.as_str())
        .collect();
    let prefix = format!("m:{id}");
    entries
        .filter(|e| {
            e.message_id == Some(id)
                && e.kind != EntryKind::Reversal
                && e.idem_key.starts_with(&prefix)
                && !reversed.contains(format!("rev:{}", e.idem_key).as_str())
        })
        .map(|e| crate::store::Reversal {
            of: e.kind,
            entry: EntryDraft {
                kind: EntryKind::Reversal,
                member: e.member,
                counterpart: e.counterpart,
                amount: -e.amount,
                at: e.at,
                channel_id: e.channel_id,
                message_id: Some(id),
                reason: crate::capital::reason::Reason::Reversal {
                    entry: 0,
                    kind: e.kind.as_str().to_string(),
                    why: Undo::MessageEdited,
                }
                .to_string(),
                idem_key: format!("rev:{}", e.idem_key),
                reverses: None,
                held: 0.0,
            },
        })
        .collect()
}

impl Goodwill {
    /// Events of one guild, in the order given, written in shared
    /// transactions (group commit): each runs through the pure step into one
    /// [`Pending`] batch, and the batch is written at the end. Before a store
    /// read about a message the group holds unwritten (an edit of a message
    /// of the same group, a reply or a reaction whose target the memory lost)
    /// what precedes is written first, so the read sees it; so a group takes
    /// one transaction, rarely a few. Returns the transactions taken.
    ///
    /// All or nothing per transaction: on an error nothing of the failed
    /// transaction is stored and the guild's memory is rebuilt on next use;
    /// the caller then handles the events one by one (each idempotent, so
    /// those already written write nothing again), so a bad event loses
    /// only itself.
    pub async fn handle_group(&self, guild: GuildId, events: &[GroupEvent]) -> R<usize> {
        let Some(first_at) = events.iter().map(GroupEvent::at).min() else {
            return Ok(0);
        };
        let started = std::time::Instant::now();
        let rt = self.inner.runtime(guild, "", first_at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        let locked = started.elapsed();
        let result = async {
            let mut g = self.score_group(rt, guild, events, None).await?;
            self.group_flush(rt, &mut g).await?;
            Ok(g)
        }
        .await;
        let g = self.group_end(guild, events.len(), started, locked, result)?;
        Ok(g.writes)
    }

    /// Log what a group spent its time on. On an error, forget the guild's
    /// memory: it may hold events of the group the store does not.
    fn group_end(
        &self,
        guild: GuildId,
        events: usize,
        started: std::time::Instant,
        locked: std::time::Duration,
        result: R<Group>,
    ) -> R<Group> {
        let g = result.inspect_err(|_| self.inner.forget(guild))?;
        tracing::debug!(
            guild_id = guild.get(),
            events,
            lock_ms = locked.as_secs_f64() * 1e3,
            lookups = ?g.lookups,
            write_ms = g.write_time.as_secs_f64() * 1e3,
            total_ms = started.elapsed().as_secs_f64() * 1e3,
            "group handled"
        );
        Ok(g)
    }

    /// Run a group's events through the pure step into one [`Group`],
    /// writing only when a read needs what precedes it stored. With
    /// `prior`, the previous group's write may still be running: its
    /// messages count as stored, and the store is read only once it has
    /// committed.
    async fn score_group(
        &self,
        rt: &mut GuildRuntime,
        guild: GuildId,
        events: &[GroupEvent],
        prior: Option<&mut pipelined::InFlight>,
    ) -> R<Group> {
        let ids: Vec<MessageId> = events
            .iter()
            .filter_map(|e| match e {
                GroupEvent::Message(m) => Some(m.id),
                _ => None,
            })
            .collect();
        // Whether the reads below see the previous group's write.
        let after_prior = prior.as_ref().is_none_or(|p| p.has_committed());
        let mut g = Group::new(self.store().known_messages(guild, &ids).await?);
        g.ahead = self.read_ahead(rt, guild, events, &ids).await?;
        if let Some(p) = prior.filter(|_| !after_prior) {
            p.carry_into(&mut g);
        }
        for ev in events {
            match ev {
                GroupEvent::Message(m) => {
                    if !g.known.contains(&m.id) && !g.pending_messages.contains(&m.id) {
                        self.group_message(rt, &mut g, m.clone()).await?;
                    }
                }
                GroupEvent::Update(m) => self.group_update(rt, &mut g, m.clone()).await?,
                GroupEvent::ReactionAdded(r) => {
                    let target = match rt
                        .state
                        .recent(r.channel_id, r.message_id)
                        .or_else(|| g.recent.get(&r.message_id))
                        .cloned()
                    {
                        Some(t) => Some(t),
                        None => {
                            if g.row_unwritten(r.message_id) {
                                self.group_flush(rt, &mut g).await?;
                            }
                            if g.ahead.stale(r.message_id) {
                                self.read_again(guild, &mut g).await?;
                            }
                            match g.ahead.stored(r.message_id) {
                                Some(found) => found.map(|x| x.1.clone()),
                                None => {
                                    g.settle().await?;
                                    g.lookups[0] += 1;
                                    self.store()
                                        .stored_message(r.guild_id, r.message_id)
                                        .await?
                                        .map(|x| x.1)
                                }
                            }
                        }
                    };
                    ingest::reaction_added(
                        &mut rt.state,
                        &rt.settings,
                        r,
                        target.as_ref(),
                        &mut g.out,
                    );
                }
                GroupEvent::Join(member, at) => g.out.batch.members.push((member.clone(), *at)),
                GroupEvent::Roles(members, at) => {
                    let ex = &rt.settings.exclude;
                    for (p, roles) in members {
                        if ex.excludes(p.id.get(), roles) {
                            rt.state.memory.excluded.insert(p.id);
                        } else {
                            rt.state.memory.excluded.remove(&p.id);
                        }
                        g.roles.insert(p.id, (p.clone(), roles.clone()));
                    }
                    g.roles_at = Some(g.roles_at.map_or(*at, |a| a.max(*at)));
                }
            }
        }
        Ok(g)
    }

    /// Write what the group holds (roles first: they are state, not ledger,
    /// and storing them twice is harmless).
    async fn group_flush(&self, rt: &mut GuildRuntime, g: &mut Group) -> R<()> {
        g.settle().await?;
        if let Some(at) = g.roles_at.take() {
            let members: Vec<(Person, Vec<u64>)> =
                std::mem::take(&mut g.roles).into_values().collect();
            // Their member rows (names too) are rewritten.
            g.ahead
                .written_members
                .extend(members.iter().map(|(p, _)| p.id));
            let ex = rt.settings.exclude.clone();
            if let Err(e) = self
                .store()
                .set_member_roles(rt.row.guild_id, &members, &ex, at)
                .await
            {
                self.inner.forget(rt.row.guild_id);
                return Err(e.into());
            }
        }
        let batch = g.out.take_batch();
        if !batch.is_empty() {
            g.ahead.note_written(&batch);
            let t = std::time::Instant::now();
            self.write(rt, &batch).await?;
            g.write_time += t.elapsed();
            g.writes += 1;
        }
        g.known.extend(g.pending_messages.drain());
        g.reversed_stored.clear();
        g.entry_messages.clear();
        g.scanned = 0;
        Ok(())
    }

    /// A new message of a group (see [`Goodwill::message`]).
    async fn group_message(&self, rt: &mut GuildRuntime, g: &mut Group, msg: MessageIn) -> R<()> {
        let replied = match ingest::reply_to_fetch(&rt.state, &rt.settings, &msg) {
            Some(id) => match g.recent.get(&id) {
                Some(m) => Some(m.clone()),
                None => {
                    if g.row_unwritten(id) {
                        self.group_flush(rt, g).await?;
                    }
                    if g.ahead.stale(id) {
                        self.read_again(msg.guild_id, g).await?;
                    }
                    match g.ahead.stored(id) {
                        Some(found) => found.map(|x| x.1.clone()),
                        None => {
                            g.settle().await?;
                            g.lookups[1] += 1;
                            self.store()
                                .stored_message(msg.guild_id, id)
                                .await?
                                .map(|x| x.1)
                        }
                    }
                }
            },
            None => None,
        };
        if let Some(c) = ingest::conversation_to_fetch(&rt.state, &msg, replied.as_ref()) {
            // The group's unwritten version is the one the store would
            // give back once the group is written.
            let conv = match g.out.conversation(c) {
                Some(conv) => Some(conv.clone()),
                None => {
                    g.settle().await?;
                    g.lookups[2] += 1;
                    self.store().conversation(msg.guild_id, c).await?
                }
            };
            if let Some(conv) = conv {
                rt.state.conversations.restore(conv);
            }
        }
        let rows = g.out.batch.messages.len();
        ingest::message(&mut rt.state, &rt.settings, &msg, replied, &mut g.out);
        g.pending_messages.insert(msg.id);
        if g.out.batch.messages.len() > rows {
            if let Some(m) = rt.state.recent(msg.channel_id, msg.id) {
                g.recent.insert(msg.id, m.clone());
            }
        }
        Ok(())
    }

    /// The group's [`ReadAhead`]: the messages its reactions and edits are
    /// about, other than its own (`own`) and those the memory holds now.
    async fn read_ahead(
        &self,
        rt: &GuildRuntime,
        guild: GuildId,
        events: &[GroupEvent],
        own: &[MessageId],
    ) -> R<ReadAhead> {
        let own: HashSet<MessageId> = own.iter().copied().collect();
        let (mut targets, mut edited) = (Vec::new(), Vec::new());
        let (mut again, mut again_edited) = (HashSet::new(), Vec::new());
        for ev in events {
            match ev {
                // A reply's target (also when the memory holds it now: it
                // may be let go, or be too old for it, by the reply's turn).
                GroupEvent::Message(m) => {
                    if let Some(to) = m.reply_to.filter(|to| !own.contains(to)) {
                        again.insert(to);
                        targets.push(to)
                    }
                }
                GroupEvent::ReactionAdded(r) => {
                    again.insert(r.message_id);
                    if !own.contains(&r.message_id)
                        && rt.state.recent(r.channel_id, r.message_id).is_none()
                    {
                        targets.push(r.message_id)
                    }
                }
                GroupEvent::Update(m) => {
                    again.insert(m.id);
                    again_edited.push(m.id);
                    if !own.contains(&m.id) {
                        edited.push(m.id)
                    }
                }
                _ => {}
            }
        }
        edited.sort_unstable();
        edited.dedup();
        again_edited.sort_unstable();
        again_edited.dedup();
        let mut asked = targets;
        asked.extend_from_slice(&edited);
        asked.sort_unstable();
        asked.dedup();
        let store = self.store();
        Ok(ReadAhead {
            stored: store.stored_messages(guild, &asked).await?,
            asked: asked.into_iter().collect(),
            reversals: store.edit_reversals(guild, &edited).await?,
            again,
            again_edited,
            ..ReadAhead::default()
        })
    }

    /// Read ahead again, after the writes that made it stale (see
    /// [`ReadAhead::stale`]; the previous group's first): everything the
    /// group's reactions and edits are about, one read each, as at the start.
    /// What the group holds unwritten is never looked up here (the callers
    /// write it first).
    async fn read_again(&self, guild: GuildId, g: &mut Group) -> R<()> {
        g.settle().await?;
        let all: Vec<MessageId> = g.ahead.again.iter().copied().collect();
        let store = self.store();
        let a = &mut g.ahead;
        a.stored = store.stored_messages(guild, &all).await?;
        a.reversals = store.edit_reversals(guild, &a.again_edited).await?;
        a.asked = all.into_iter().collect();
        a.written.clear();
        a.written_members.clear();
        a.prior = None;
        g.lookups[4] += 1;
        Ok(())
    }

    /// An edit in a group (see [`Goodwill::handle_message_update`]).
    async fn group_update(&self, rt: &mut GuildRuntime, g: &mut Group, msg: MessageIn) -> R<()> {
        let fresh = !g.known.contains(&msg.id);
        if g.pending_messages.contains(&msg.id) && (fresh || !g.has_entries_for(msg.id)) {
            // Its row waits in this group, and all it credited or charged
            // (if anything) is in this group too, unwritten: reversed here,
            // with no need to write the group first and read it back (edits
            // of messages just sent were most of a busy group's extra
            // transactions; the store fills in the reversed entries' ids as
            // it writes them).
            let old = g.unwritten_reversals(msg.id);
            let at = g
                .out
                .batch
                .messages
                .iter()
                .rposition(|m| m.message_id == msg.id);
            if let Some(at) = at {
                let channel = g.out.batch.messages[at].channel_id;
                let rows = g.out.batch.messages.len();
                if ingest::edit(&mut rt.state, &rt.settings, &msg, channel, old, &mut g.out)
                    && g.out.batch.messages.len() > rows
                {
                    // One row per message in a batch: the edited one.
                    let row = g.out.batch.messages.pop().expect("pushed above");
                    g.out.batch.messages[at] = row;
                    g.forget_copy(msg.id);
                }
                return Ok(());
            }
        }
        if g.holds(msg.id) {
            self.group_flush(rt, g).await?;
        } else if let Some((channel, old)) = g.prior_write.as_ref().and_then(|p| p.edit(msg.id)) {
            // Created by the previous group, whose write may still run: its
            // entries are in that batch, reversed from there (their ids are
            // filled in as this group writes, after that write committed).
            // The synthetic stream's edits of lines just sent made every
            // group wait for the previous write here.
            if ingest::edit(&mut rt.state, &rt.settings, &msg, channel, old, &mut g.out) {
                g.forget_copy(msg.id);
                g.pending_messages.insert(msg.id);
                g.reversed_stored.insert(msg.id);
            }
            return Ok(());
        }
        if g.ahead.stale(msg.id) {
            self.read_again(msg.guild_id, g).await?;
        }
        let stored = match g.ahead.stored(msg.id) {
            Some(found) => found.cloned(),
            None => {
                g.settle().await?;
                g.lookups[3] += 1;
                self.store().stored_message(msg.guild_id, msg.id).await?
            }
        };
        let Some((channel, _)) = stored else {
            // Never stored (or deleted): taken as a new message, unless known.
            g.settle().await?;
            let known = g.known.contains(&msg.id)
                || !self
                    .store()
                    .known_messages(msg.guild_id, &[msg.id])
                    .await?
                    .is_empty();
            if !known {
                self.group_message(rt, g, msg).await?;
            }
            return Ok(());
        };
        let old = match g.ahead.reversals(msg.id) {
            Some(old) => old,
            None => {
                g.settle().await?;
                g.lookups[3] += 1;
                self.edit_reversals(&msg).await?
            }
        };
        if ingest::edit(&mut rt.state, &rt.settings, &msg, channel, old, &mut g.out) {
            g.forget_copy(msg.id);
            // The reversals are of stored entries: the edit is written
            // before anything else reads them.
            g.pending_messages.insert(msg.id);
            g.reversed_stored.insert(msg.id);
        }
        Ok(())
    }

    /// The reversals an edit of `msg` would write: of the stored entries its
    /// text made (keys `m:<id>`), not yet reversed.
    async fn edit_reversals(&self, msg: &MessageIn) -> R<Vec<crate::store::Reversal>> {
        let key = format!("m:{}", msg.id);
        Ok(self
            .store()
            .reversals_for(msg.guild_id, msg.id, Some(&key), &Undo::MessageEdited)
            .await?)
    }

    /// A new message: detected, scored and written with its metadata.
    pub async fn handle_message(&self, msg: MessageIn) -> R<()> {
        let span = tracing::debug_span!(
            "message",
            guild_id = msg.guild_id.get(),
            member_id = msg.author.id.get(),
            message_id = msg.id.get()
        );
        self.message(msg).instrument(span).await
    }

    async fn message(&self, msg: MessageIn) -> R<()> {
        let rt = self.inner.runtime(msg.guild_id, "", msg.at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        if !self
            .store()
            .known_messages(msg.guild_id, &[msg.id])
            .await?
            .is_empty()
        {
            // Delivered again (reconnect, resume): the memory and the
            // ledger have it already.
            return Ok(());
        }
        let replied = match ingest::reply_to_fetch(&rt.state, &rt.settings, &msg) {
            Some(id) => self
                .store()
                .stored_message(msg.guild_id, id)
                .await?
                .map(|x| x.1),
            None => None,
        };
        // A thread, or a reply to a message, whose conversation memory no
        // longer holds: it is read back too.
        if let Some(c) = ingest::conversation_to_fetch(&rt.state, &msg, replied.as_ref()) {
            if let Some(conv) = self.store().conversation(msg.guild_id, c).await? {
                rt.state.conversations.restore(conv);
            }
        }
        let mut out = Pending::default();
        ingest::message(&mut rt.state, &rt.settings, &msg, replied, &mut out);
        self.write(rt, &out.batch).await?;
        Ok(())
    }

    /// An edited message: when what it credits or costs changed, the old
    /// entries are reversed and the new ones written. An edit of a message
    /// never stored is taken as a new message.
    pub async fn handle_message_update(&self, msg: MessageIn) -> R<()> {
        let runtime = self.inner.runtime(msg.guild_id, "", msg.at).await?;
        let mut guard = runtime.lock().await;
        let Some((channel, _)) = self.store().stored_message(msg.guild_id, msg.id).await? else {
            drop(guard);
            return self.handle_message(msg).await;
        };
        let rt = &mut *guard;
        let old = self.edit_reversals(&msg).await?;
        let mut out = Pending::default();
        if ingest::edit(&mut rt.state, &rt.settings, &msg, channel, old, &mut out) {
            self.write(rt, &out.batch).await?;
        }
        Ok(())
    }

    /// Deleted messages: what they (and reactions on them) credited or cost
    /// is reversed, and their metadata is marked deleted (kept for audit).
    pub async fn handle_message_delete(
        &self,
        guild: GuildId,
        _channel: ChannelId,
        ids: &[MessageId],
        at: DateTime<Utc>,
    ) -> R<()> {
        let rt = self.inner.runtime(guild, "", at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        let why = Undo::MessageDeleted { at };
        let mut reversals = Vec::new();
        for id in ids {
            reversals.extend(self.store().reversals_for(guild, *id, None, &why).await?);
        }
        let mut out = Pending::default();
        ingest::deleted(&mut rt.state, &rt.settings, reversals, &mut out);
        self.write(rt, &out.batch).await?;
        self.store().mark_deleted(guild, ids, at).await?;
        Ok(())
    }

    /// A reaction added (scored against its message, from the memory or the
    /// store) or removed (what it credited is reversed).
    pub async fn handle_reaction(&self, r: ReactionIn) -> R<()> {
        let rt = self.inner.runtime(r.guild_id, "", r.at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        let mut out = Pending::default();
        if r.added {
            let target = match rt.state.recent(r.channel_id, r.message_id).cloned() {
                Some(t) => Some(t),
                None => self
                    .store()
                    .stored_message(r.guild_id, r.message_id)
                    .await?
                    .map(|x| x.1),
            };
            ingest::reaction_added(&mut rt.state, &rt.settings, &r, target.as_ref(), &mut out);
        } else {
            let key = format!("r:{}:{}:{}", r.message_id, r.user.id, r.emoji);
            let reversals = self
                .store()
                .reversals_for(r.guild_id, r.message_id, Some(&key), &Undo::ReactionRemoved)
                .await?;
            ingest::reaction_removed(&mut rt.state, &rt.settings, reversals, &mut out);
        }
        self.write(rt, &out.batch).await?;
        Ok(())
    }

    pub async fn handle_member_join(
        &self,
        guild: GuildId,
        member: &Person,
        at: DateTime<Utc>,
    ) -> R<()> {
        let rt = self.inner.runtime(guild, "", at).await?;
        let rt = rt.lock().await;
        let batch = Batch {
            members: vec![(member.clone(), at)],
            ..Default::default()
        };
        self.write(&rt, &batch).await?;
        Ok(())
    }

    /// Members' current Discord roles (as the gateway tells them): stored,
    /// and whether the guild's `exclude.roles` now covers them takes effect
    /// from the next event on.
    pub async fn handle_member_roles(
        &self,
        guild: GuildId,
        members: &[(Person, Vec<u64>)],
        at: DateTime<Utc>,
    ) -> R<()> {
        let rt = self.inner.runtime(guild, "", at).await?;
        let mut rt = rt.lock().await;
        let ex = rt.settings.exclude.clone();
        self.store()
            .set_member_roles(guild, members, &ex, at)
            .await?;
        for (p, roles) in members {
            if ex.excludes(p.id.get(), roles) {
                rt.state.memory.excluded.insert(p.id);
            } else {
                rt.state.memory.excluded.remove(&p.id);
            }
        }
        Ok(())
    }

    pub async fn handle_member_leave(
        &self,
        guild: GuildId,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> R<()> {
        self.store().mark_left(guild, member, at).await?;
        Ok(())
    }

    /// Delete the data of members who left more than `members.leave_cleanup_days`
    /// ago and did not come back (a background job of the bot; `goodwill cleanup`).
    /// Returns the members forgotten.
    pub async fn cleanup_departed(&self, at: DateTime<Utc>) -> R<Vec<(GuildId, MemberId)>> {
        let mut done = Vec::new();
        for g in self.store().guilds().await? {
            let s = self.settings(g.guild_id).await?;
            let before = at - Duration::days(s.members.leave_cleanup_days as i64);
            for m in self.store().departed_before(g.guild_id, before).await? {
                self.store().forget_member(g.guild_id, m, false).await?;
                tracing::info!(
                    guild_id = g.guild_id.get(),
                    member_id = m.get(),
                    "forgot a member who left"
                );
                done.push((g.guild_id, m));
            }
            if !done.is_empty() {
                self.inner.forget(g.guild_id);
            }
        }
        Ok(done)
    }
}

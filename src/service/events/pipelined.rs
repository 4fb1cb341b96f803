//! Pipelined group commit: a group's write runs while the next groups are
//! scored, and those scored before it starts join it.
//!
//! In the live bench one bot process spent about half of each group waiting
//! for its transaction (the write, then the fsync of the commit), with a
//! core idle, and fell behind 12,000 events/s where two processes kept up.
//! So [`Goodwill::handle_group_next`] scores a group, starts its write and
//! returns: the caller scores the next group meanwhile, then learns how the
//! write ended ([`InFlight::committed`]).
//!
//! A write waits for the one before it to commit. Until it starts (or the
//! caller closes it, [`InFlight::close`]), the groups scored meanwhile are
//! appended to it: its batch grows. When the disk stalls a commit for
//! 400 ms, the 4,800 events that arrive meanwhile are scored during the
//! stall (the CPU is free) into writes that wait behind it, and written as
//! soon as it ends, instead of waiting in the queue to be scored group by
//! group after it (which held events back for as long again: see
//! docs/BENCHMARKS.md, "Scoring while a commit stalls").
//!
//! What keeps it exact:
//! - The next group counts the messages of the writes not yet committed as
//!   stored (a duplicate delivery is still skipped), keeps the copies of
//!   them the memory first held, and does not use what it read ahead about
//!   anything those writes touch.
//! - An edit of a message one of those writes created reverses the entries
//!   they hold for it (all of them: that write created the message, and
//!   any reversal of them since is in those writes too), from their batches
//!   ([`PriorWrite::edit`]); the reversed entries' ids are filled in by the
//!   write that holds the reversals, in its transaction.
//! - It reads or writes the store only after the previous write committed
//!   ([`super::Group::settle`]); its own write starts only then (or it
//!   joins that write before it starts): the transactions commit in the
//!   order the events came, and a batch keeps them in that order.
//! - When a write fails, the writes after it do not run either, the guild's
//!   memory is dropped (it counted on them), and the caller writes their
//!   groups again the careful way, in order ([`Goodwill::handle_group`]).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::watch;

use super::{unwritten_reversals, Group, GroupEvent};
use crate::capital::message::{ChannelId, GuildId, MemberId, MessageId, RecentMessage};
use crate::service::{Goodwill, ServiceError, R};
use crate::store::{Batch, Reversal};

/// How a write ended: `None` while it runs, then whether it committed.
pub(super) type Done = watch::Receiver<Option<bool>>;

/// Wait for a write to end: whether it committed (a write task that ended
/// without saying, e.g. on a panic, did not).
pub(super) async fn committed(done: &mut Done) -> bool {
    match done.wait_for(Option::is_some).await {
        Ok(v) => v.unwrap_or(false),
        Err(_) => false,
    }
}

/// What a group scored before a write committed must know of that write.
#[derive(Debug, Default)]
struct Carry {
    /// Messages whose rows it writes (stored once it commits).
    messages: HashSet<MessageId>,
    /// Those messages as the memory first held them.
    recent: HashMap<MessageId, RecentMessage>,
    /// Messages whose rows or entries it writes, and members whose rows it
    /// writes: what the group read ahead about them may be stale.
    touched: HashSet<MessageId>,
    members: HashSet<MemberId>,
}

impl Carry {
    /// Copied, not moved: a write that grows is the prior of several groups.
    fn add_to(&self, g: &mut Group) {
        g.known.extend(self.messages.iter().copied());
        for (id, m) in &self.recent {
            g.recent.entry(*id).or_insert_with(|| m.clone());
        }
        let (touched, members) = g.ahead.prior.get_or_insert_with(Default::default);
        touched.extend(self.touched.iter().copied());
        members.extend(self.members.iter().copied());
    }

    fn extend(&mut self, more: Carry) {
        self.messages.extend(more.messages);
        self.recent.extend(more.recent);
        self.touched.extend(more.touched);
        self.members.extend(more.members);
    }
}

/// A write's batch: it takes in the groups scored before it starts (or
/// until it is closed).
#[derive(Debug)]
struct Slot {
    batch: Arc<Batch>,
    open: bool,
}

/// What one group writes: its batch, what the groups after it must know
/// of it, and the messages it creates.
struct GroupWrite {
    batch: Batch,
    carry: Carry,
    created: HashSet<MessageId>,
}

/// A write not known to have committed, as the groups after it must know
/// it.
#[derive(Debug)]
struct Unwritten {
    done: Done,
    slot: Arc<Mutex<Slot>>,
    /// What the groups scored before it committed must know of it.
    carry: Carry,
    /// The messages it creates (their text's entries are in it): an edit of
    /// one in a later group reverses those entries from the batches, without
    /// waiting for the write to read them back.
    created: Arc<HashSet<MessageId>>,
}

impl Unwritten {
    fn slot(&self) -> MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A write, running or waiting for the one before it.
#[derive(Debug)]
pub struct InFlight {
    this: Unwritten,
    /// The writes before it, newest first, that had not committed as its
    /// group was scored: the groups after it must know of them too. (Those
    /// that have committed since are still carried, harmlessly: whether
    /// one had committed before a group read the store is not known.)
    before: Vec<Unwritten>,
    /// Groups it writes: its own and those that joined it.
    groups: usize,
}

/// The writes not committed as the group was scored, newest first, as the
/// group holds them: their batches and the messages each created.
#[derive(Debug)]
pub(super) struct PriorWrite {
    writes: Vec<(Arc<Batch>, Arc<HashSet<MessageId>>)>,
}

impl PriorWrite {
    /// The channel of message `id` and the reversals an edit of it writes,
    /// when one of those writes created it: every entry its text made, and
    /// every reversal of one since, is in their batches (the group's own
    /// holds none: it is written first when it does). An edit that changed
    /// nothing wrote nothing, so a second edit finds the same.
    pub(super) fn edit(&self, id: MessageId) -> Option<(ChannelId, Vec<Reversal>)> {
        if !self.writes.iter().any(|(_, created)| created.contains(&id)) {
            return None;
        }
        let row = self
            .writes
            .iter()
            .find_map(|(b, _)| b.messages.iter().rfind(|m| m.message_id == id))?;
        let oldest_first = self.writes.iter().rev().flat_map(|(b, _)| &b.entries);
        Some((row.channel_id, unwritten_reversals(oldest_first, id)))
    }
}

impl InFlight {
    /// Wait for the write: whether it committed.
    pub async fn committed(&mut self) -> bool {
        committed(&mut self.this.done).await
    }

    /// Whether it has committed already.
    pub(super) fn has_committed(&self) -> bool {
        *self.this.done.borrow() == Some(true)
    }

    /// How it ended, without waiting: None while it runs (or waits).
    pub fn ended(&self) -> Option<bool> {
        *self.this.done.borrow()
    }

    /// A handle to wait on it with (cancel safe).
    pub fn clone_done(&self) -> watch::Receiver<Option<bool>> {
        self.this.done.clone()
    }

    /// The groups it writes (its own and those that joined it).
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// Hand the next group what it must know of this write and of those
    /// before it, which had not committed when the group read the store.
    pub(super) fn carry_into(&mut self, g: &mut Group) {
        let mut writes = Vec::with_capacity(1 + self.before.len());
        for w in std::iter::once(&mut self.this).chain(self.before.iter_mut()) {
            w.carry.add_to(g);
            let batch = Arc::clone(&w.slot().batch);
            writes.push((batch, Arc::clone(&w.created)));
        }
        g.prior_write = Some(PriorWrite { writes });
        let done = &self.this.done;
        if done.borrow().is_none() {
            g.prior = Some(done.clone());
        } else if *done.borrow() == Some(false) {
            // Failed already: the group must not go on.
            let (_, failed) = watch::channel(Some(false));
            g.prior = Some(failed);
        }
    }

    /// Take no more groups: those scored from now on write after it. A
    /// write that has grown large is closed so that the events at its head
    /// (after a stall, those that waited longest) are not held back by
    /// those that came later.
    pub fn close(&self) {
        self.this.slot().open = false;
    }

    /// Append the next group's write to this one if it is open (not
    /// started, not closed): None then, else the group's write back.
    fn join(&mut self, w: GroupWrite) -> Option<GroupWrite> {
        let mut slot = self.this.slot();
        if !slot.open {
            return Some(w);
        }
        // The group's copies of the batch are gone (its `PriorWrite`), so
        // it grows in place rather than being copied.
        Arc::make_mut(&mut slot.batch).absorb(w.batch);
        drop(slot);
        self.this.carry.extend(w.carry);
        Arc::make_mut(&mut self.this.created).extend(w.created);
        self.groups += 1;
        None
    }

    /// The writes a new write behind this one must carry: this one (what
    /// it knows of itself moves on) and those before it, minus those known
    /// to have committed.
    fn hand_on(&mut self) -> Vec<Unwritten> {
        let mut before = Vec::with_capacity(1 + self.before.len());
        before.push(Unwritten {
            done: self.this.done.clone(),
            slot: Arc::clone(&self.this.slot),
            carry: std::mem::take(&mut self.this.carry),
            created: Arc::clone(&self.this.created),
        });
        before.append(&mut self.before);
        before.retain(|w| *w.done.borrow() != Some(true));
        before
    }
}

/// What [`Goodwill::handle_group_next`] did.
#[derive(Debug)]
pub struct Next {
    /// Transactions committed while the group was scored.
    pub transactions: usize,
    /// Its write, started or waiting for the prior one (None: it joined the
    /// prior write, or had nothing to write).
    pub flight: Option<InFlight>,
    /// It joined the prior write (not started yet): written with it.
    pub joined: bool,
}

impl Goodwill {
    /// [`Goodwill::handle_group`], pipelined: the group is scored while
    /// `prior` (the previous group's write, of the same guild) may still be
    /// writing or waiting, and then joins it if it has not started; else its
    /// own write is started (after `prior` commits) and returned instead of
    /// awaited. The caller awaits the writes in order
    /// ([`InFlight::committed`]); once one failed, those after it do not
    /// write either, and it writes their groups again with
    /// [`Goodwill::handle_group`], in order.
    pub async fn handle_group_next(
        &self,
        guild: GuildId,
        events: &[GroupEvent],
        prior: Option<&mut InFlight>,
    ) -> R<Next> {
        let Some(first_at) = events.iter().map(GroupEvent::at).min() else {
            return Ok(Next {
                transactions: 0,
                flight: None,
                joined: false,
            });
        };
        let started = std::time::Instant::now();
        let mut prior = prior;
        if !self.inner.holds(guild) {
            // The memory is rebuilt from the store: it must hold the prior
            // write.
            if let Some(p) = prior.take() {
                if !p.committed().await {
                    return Err(failed());
                }
            }
        }
        let rt = self.inner.runtime(guild, "", first_at).await?;
        let mut rt = rt.lock().await;
        let rt = &mut *rt;
        let locked = started.elapsed();
        let result = async {
            let mut g = self
                .score_group(rt, guild, events, prior.as_deref_mut())
                .await?;
            if g.roles_at.is_some() {
                // Roles are stored before the batch: the careful way.
                self.group_flush(rt, &mut g).await?;
            }
            Ok(g)
        }
        .await;
        let mut g = self.group_end(guild, events.len(), started, locked, result)?;
        let batch = g.out.take_batch();
        if batch.is_empty() {
            g.settle().await?;
            g.known.extend(g.pending_messages.drain());
            return Ok(Next {
                transactions: g.writes,
                flight: None,
                joined: false,
            });
        }
        let mut touched: HashSet<MessageId> = batch.messages.iter().map(|m| m.message_id).collect();
        touched.extend(batch.entries.iter().filter_map(|e| e.message_id));
        let members = batch.members.iter().map(|(p, _)| p.id).collect();
        let messages = std::mem::take(&mut g.pending_messages);
        // Messages it edited from the store keep entries written before.
        let created = messages
            .iter()
            .filter(|id| !g.reversed_stored.contains(id))
            .copied()
            .collect();
        let mut recent = std::mem::take(&mut g.recent);
        // Only this group's own copies: those of the writes before are
        // carried from them. (Carried on, they grew with every group of a
        // backlog, and so did the time to carry them.)
        recent.retain(|id, _| messages.contains(id));
        let w = GroupWrite {
            batch,
            carry: Carry {
                messages,
                recent,
                touched,
                members,
            },
            created,
        };
        // Its copies of the earlier writes' batches go first.
        g.prior_write = None;
        let w = match prior.as_deref_mut() {
            // Scored before the prior write committed (else that write has
            // started, and nothing joins it).
            Some(p) if g.prior.is_some() => match p.join(w) {
                None => {
                    return Ok(Next {
                        transactions: g.writes,
                        flight: None,
                        joined: true,
                    })
                }
                Some(back) => back,
            },
            _ => w,
        };
        // The writes this group was scored before, not committed yet.
        let before = match prior {
            Some(p) if g.prior.is_some() => p.hand_on(),
            _ => Vec::new(),
        };
        let slot = Arc::new(Mutex::new(Slot {
            batch: Arc::new(w.batch),
            open: true,
        }));
        let flight = InFlight {
            this: Unwritten {
                done: self.spawn_write(rt, g.prior.take(), Arc::clone(&slot)),
                slot,
                carry: w.carry,
                created: Arc::new(w.created),
            },
            before,
            groups: 1,
        };
        Ok(Next {
            transactions: g.writes,
            flight: Some(flight),
            joined: false,
        })
    }

    /// Write the slot's batch (as it stands then) once `prior` committed;
    /// on any failure drop the guild's memory (it holds what was not
    /// written).
    fn spawn_write(
        &self,
        rt: &crate::pipeline::GuildRuntime,
        prior: Option<Done>,
        slot: Arc<Mutex<Slot>>,
    ) -> Done {
        let (tx, done) = watch::channel(None);
        let this = self.clone();
        let row = rt.row.clone();
        let limit = rt.settings.decay.rebase_after_half_lives;
        tokio::spawn(async move {
            let after = match prior {
                Some(mut p) => committed(&mut p).await,
                None => true,
            };
            // Nothing joins it from here on (nor a write that will not run).
            let batch = {
                let mut s = slot.lock().unwrap_or_else(|e| e.into_inner());
                s.open = false;
                Arc::clone(&s.batch)
            };
            let t = std::time::Instant::now();
            let ok = after
                && match this.store().write_batch(&row, &batch, limit).await {
                    Ok(o) => {
                        crate::discord::metrics().write_commit(o.commit);
                        tracing::debug!(
                            guild_id = row.guild_id.get(),
                            messages = batch.messages.len(),
                            write_ms = t.elapsed().as_secs_f64() * 1e3,
                            commit_ms = o.commit.as_secs_f64() * 1e3,
                            "pipelined write committed"
                        );
                        true
                    }
                    Err(e) => {
                        tracing::warn!(guild_id = row.guild_id.get(), error = %e, "pipelined group write failed");
                        false
                    }
                };
            if !ok {
                this.inner.forget(row.guild_id);
            }
            let _ = tx.send(Some(ok));
        });
        done
    }
}

/// The error of a group scored on a prior write that failed.
pub(super) fn failed() -> ServiceError {
    ServiceError::Invalid("the previous group's write failed".into())
}

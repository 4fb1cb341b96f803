//! Pipelined group commit: a group's write runs while the next group is
//! scored.
//!
//! In the live bench one bot process spent about half of each group waiting
//! for its transaction (the write, then the fsync of the commit), with a
//! core idle, and fell behind 12,000 events/s where two processes kept up.
//! So [`Goodwill::handle_group_next`] scores a group, starts its write and
//! returns: the caller scores the next group meanwhile, then learns how the
//! write ended ([`InFlight::committed`]).
//!
//! What keeps it exact:
//! - The next group counts the messages of the running write as stored (a
//!   duplicate delivery is still skipped), keeps the copies of them the
//!   memory first held, and does not use what it read ahead about anything
//!   that write touches.
//! - An edit of a message that write created reverses the entries that
//!   write holds for it (all of them: it created the message), from its
//!   batch ([`PriorWrite::edit`]); the reversed entries' ids are filled in
//!   when this group writes, after that write committed.
//! - It reads or writes the store only after that write committed
//!   ([`super::Group::settle`]), and its own write starts only then: the
//!   transactions commit in the order the events came.
//! - When that write fails, the next group's write does not run either, the
//!   guild's memory is dropped (it counted on both), and the caller writes
//!   both groups again the careful way, in order ([`Goodwill::handle_group`]).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

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

/// A group's write, running.
#[derive(Debug)]
pub struct InFlight {
    done: Done,
    /// Messages whose rows it writes (stored once it commits).
    messages: HashSet<MessageId>,
    /// Those messages as the memory first held them.
    recent: HashMap<MessageId, RecentMessage>,
    /// Messages whose rows or entries it writes, and members whose rows it
    /// writes: what the next group read ahead about them may be stale.
    touched: HashSet<MessageId>,
    members: HashSet<MemberId>,
    /// What it writes, and the messages it creates (all their entries are in
    /// it): an edit of one in the next group reverses those entries from
    /// here, without waiting for this write to read them back.
    batch: Arc<Batch>,
    created: HashSet<MessageId>,
}

/// The previous group's write as the next group holds it: its batch and the
/// messages it created whose edits have not been taken from it yet.
#[derive(Debug)]
pub(super) struct PriorWrite {
    batch: Arc<Batch>,
    created: HashSet<MessageId>,
}

impl PriorWrite {
    /// The channel of message `id` and the reversals an edit of it writes,
    /// when the previous write created it: its entries are all in that
    /// batch. Taken once: a second edit reverses what the first wrote.
    pub(super) fn edit(&mut self, id: MessageId) -> Option<(ChannelId, Vec<Reversal>)> {
        if !self.created.remove(&id) {
            return None;
        }
        let row = self.batch.messages.iter().rfind(|m| m.message_id == id)?;
        Some((row.channel_id, unwritten_reversals(&self.batch.entries, id)))
    }
}

impl InFlight {
    /// Wait for the write: whether it committed.
    pub async fn committed(&mut self) -> bool {
        committed(&mut self.done).await
    }

    /// Whether it has committed already.
    pub(super) fn has_committed(&self) -> bool {
        *self.done.borrow() == Some(true)
    }

    /// Hand the next group what it must know of this write, which had not
    /// committed when the group read the store (moved: a group is the next
    /// of one group only).
    pub(super) fn carry_into(&mut self, g: &mut Group) {
        g.known.extend(self.messages.drain());
        for (id, m) in self.recent.drain() {
            g.recent.entry(id).or_insert(m);
        }
        g.ahead.prior = Some((
            std::mem::take(&mut self.touched),
            std::mem::take(&mut self.members),
        ));
        g.prior_write = Some(PriorWrite {
            batch: Arc::clone(&self.batch),
            created: std::mem::take(&mut self.created),
        });
        if self.done.borrow().is_none() {
            g.prior = Some(self.done.clone());
        } else if *self.done.borrow() == Some(false) {
            // Failed already: the group must not go on.
            let (_, failed) = watch::channel(Some(false));
            g.prior = Some(failed);
        }
    }
}

/// What [`Goodwill::handle_group_next`] did.
#[derive(Debug)]
pub struct Next {
    /// Transactions committed while the group was scored.
    pub transactions: usize,
    /// Its last write, still running (None: everything is written).
    pub flight: Option<InFlight>,
}

impl Goodwill {
    /// [`Goodwill::handle_group`], pipelined: the group is scored while
    /// `prior` (the previous group of the same guild) may still be writing,
    /// and its own last write is started and returned instead of awaited.
    /// The caller then awaits `prior` ([`InFlight::committed`]); if it
    /// failed, it awaits this one too and writes both groups again with
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
            let mut g = self.score_group(rt, guild, events, prior).await?;
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
        let batch = Arc::new(batch);
        let mut recent = std::mem::take(&mut g.recent);
        // Only this group's own copies: the copies carried from the
        // previous write are not needed again (the caller awaits that write
        // before it scores another group). Carried on, they grew with every
        // group of a backlog, and so did the time to carry them.
        recent.retain(|id, _| messages.contains(id));
        let flight = InFlight {
            done: self.spawn_write(rt, g.prior.take(), Arc::clone(&batch)),
            messages,
            recent,
            touched,
            members,
            batch,
            created,
        };
        Ok(Next {
            transactions: g.writes,
            flight: Some(flight),
        })
    }

    /// Write `batch` once `prior` committed; on any failure drop the
    /// guild's memory (it holds what was not written).
    fn spawn_write(
        &self,
        rt: &crate::pipeline::GuildRuntime,
        prior: Option<Done>,
        batch: Arc<Batch>,
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
            let ok = after
                && match this.store().write_batch(&row, &batch, limit).await {
                    Ok(o) => {
                        crate::discord::metrics().write_commit(o.commit);
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

//! The worker's pipeline: the writes of a guild's groups run while the next
//! groups are scored (see [`Goodwill::handle_group_next`]).

use std::collections::VecDeque;

use super::events::write_group;
use super::metrics::metrics;
use crate::capital::message::GuildId;
use crate::service::{Goodwill, GroupEvent, InFlight};

/// The writes of one guild's groups not known to have committed, oldest
/// first: at most one runs, the next waits for it (and takes in the groups
/// scored meanwhile). Anything else (another guild, an event that goes on
/// its own, a flush) waits for them first.
#[derive(Default)]
pub(super) struct Pipe {
    writes: VecDeque<Prior>,
}

struct Prior {
    guild: GuildId,
    /// The events of every group it writes, in order.
    events: Vec<GroupEvent>,
    flight: InFlight,
    started: std::time::Instant,
}

/// More than this many writes are not kept: while a commit stalls, the
/// worker scores what comes into writes that wait for it, up to this many
/// (of [`JOIN_MAX`] events or so each: 1.3 s of events at 12,000/s), then
/// waits for the oldest.
const MAX_WRITES: usize = 16;

/// A waiting write takes in the groups scored meanwhile until it holds this
/// many events; later groups wait in writes of their own behind it. A write
/// of 1,000 events takes about 35 ms here: after a stall the events that
/// waited longest are in the first write, and are not held back until the
/// whole backlog is written (one write of it all took 125 ms and more).
const JOIN_MAX: usize = 1_000;

impl Pipe {
    /// Score a run of one guild's events while the earlier runs' writes
    /// finish; it joins the waiting write, or its own write starts after
    /// them. If a write failed, its runs and those after are written again
    /// the careful way, in order.
    pub(super) async fn write(
        &mut self,
        service: &Goodwill,
        guild: GuildId,
        events: Vec<GroupEvent>,
    ) {
        if events.is_empty() {
            return;
        }
        if self.writes.back().is_some_and(|p| p.guild != guild) {
            self.drain(service).await;
        }
        let started = std::time::Instant::now();
        let prior = self.writes.back_mut().map(|p| &mut p.flight);
        match service.handle_group_next(guild, &events, prior).await {
            Ok(n) => {
                metrics().event_transactions(n.transactions as u64);
                if n.joined {
                    let p = self.writes.back_mut().expect("it joined a write");
                    p.events.extend(events);
                    if p.events.len() >= JOIN_MAX {
                        p.flight.close();
                    }
                } else if let Some(flight) = n.flight {
                    if events.len() >= JOIN_MAX {
                        flight.close();
                    }
                    self.writes.push_back(Prior {
                        guild,
                        events,
                        flight,
                        started,
                    });
                } else {
                    for _ in 0..events.len() {
                        metrics().queued_dec();
                    }
                }
            }
            Err(e) => {
                tracing::debug!(guild_id = guild.get(), error = %e, "pipelined group failed; writing it again");
                self.drain(service).await;
                write_group(service, guild, events).await;
                return;
            }
        }
        self.retire(service).await;
        while self.writes.len() > MAX_WRITES {
            self.settle_oldest(service).await;
        }
    }

    /// Whether no write is pending.
    pub(super) fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// Until the oldest write has ended (cancel safe: it only waits).
    pub(super) async fn oldest_ended(&self) {
        if let Some(p) = self.writes.front() {
            let mut done = p.flight.clone_done();
            let _ = done.wait_for(Option::is_some).await;
        }
    }

    /// Take the writes that have ended, without waiting for one running.
    pub(super) async fn retire(&mut self, service: &Goodwill) {
        while self
            .writes
            .front()
            .is_some_and(|p| p.flight.ended().is_some())
        {
            self.settle_oldest(service).await;
        }
    }

    /// Wait for every write; those that failed are written again.
    pub(super) async fn drain(&mut self, service: &Goodwill) {
        while !self.writes.is_empty() {
            self.settle_oldest(service).await;
        }
    }

    /// Wait for the oldest write. If it failed, the writes after it did not
    /// run: every group of them is written again the careful way, in order.
    async fn settle_oldest(&mut self, service: &Goodwill) {
        let Some(mut p) = self.writes.pop_front() else {
            return;
        };
        if p.flight.committed().await {
            p.done();
            return;
        }
        let mut failed = vec![p];
        while let Some(mut next) = self.writes.pop_front() {
            // It will not write (it follows the failed one): wait until it
            // has said so.
            next.flight.committed().await;
            failed.push(next);
        }
        for p in failed {
            metrics().event_error();
            write_group(service, p.guild, p.events).await;
        }
    }
}

impl Prior {
    /// Its write committed.
    fn done(self) {
        metrics().event_transactions(1);
        tracing::debug!(
            guild_id = self.guild.get(),
            events = self.events.len(),
            groups = self.flight.groups(),
            ms = self.started.elapsed().as_secs_f64() * 1e3,
            queued = metrics().queued(),
            "group written (pipelined)"
        );
        for _ in 0..self.events.len() {
            metrics().queued_dec();
        }
    }
}

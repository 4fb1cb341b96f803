//! The worker's pipeline: the last group's write runs while the next group
//! of the same guild is scored (see [`Goodwill::handle_group_next`]).

use super::events::write_group;
use super::metrics::metrics;
use crate::capital::message::GuildId;
use crate::service::{Goodwill, GroupEvent};

/// The last group's write, still running while the worker scores the next
/// group of the same guild (see [`Goodwill::handle_group_next`]). Anything
/// else (another guild, an event that goes on its own, a flush, an empty
/// queue) waits for it first.
#[derive(Default)]
pub(super) struct Pipe {
    prior: Option<Prior>,
}

struct Prior {
    guild: GuildId,
    events: Vec<GroupEvent>,
    flight: crate::service::InFlight,
    started: std::time::Instant,
}

impl Pipe {
    /// Score a run of one guild's events while the previous run's write
    /// finishes, then start its write. If the previous write failed, both
    /// runs are written again the careful way, in order.
    pub(super) async fn write(
        &mut self,
        service: &Goodwill,
        guild: GuildId,
        events: Vec<GroupEvent>,
    ) {
        if events.is_empty() {
            return;
        }
        if self.prior.as_ref().is_some_and(|p| p.guild != guild) {
            self.drain(service).await;
        }
        let started = std::time::Instant::now();
        let mut prior = self.prior.take();
        let next = service
            .handle_group_next(guild, &events, prior.as_mut().map(|p| &mut p.flight))
            .await;
        if let Some(mut p) = prior {
            if !p.flight.committed().await {
                if let Ok(crate::service::Next {
                    flight: Some(mut own),
                    ..
                }) = next
                {
                    // It will not write (it follows the failed one): wait
                    // until it has said so.
                    own.committed().await;
                }
                metrics().event_error();
                write_group(service, p.guild, p.events).await;
                write_group(service, guild, events).await;
                return;
            }
            p.done();
        }
        match next {
            Ok(n) => {
                metrics().event_transactions(n.transactions as u64);
                match n.flight {
                    Some(flight) => {
                        self.prior = Some(Prior {
                            guild,
                            events,
                            flight,
                            started,
                        })
                    }
                    None => {
                        for _ in 0..events.len() {
                            metrics().queued_dec();
                        }
                    }
                }
            }
            Err(e) => {
                tracing::debug!(guild_id = guild.get(), error = %e, "pipelined group failed; writing it again");
                write_group(service, guild, events).await;
            }
        }
    }

    /// Wait for the running write; if it failed, write its events again the
    /// careful way.
    pub(super) async fn drain(&mut self, service: &Goodwill) {
        if let Some(mut p) = self.prior.take() {
            if p.flight.committed().await {
                p.done();
            } else {
                metrics().event_error();
                write_group(service, p.guild, p.events).await;
            }
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
            ms = self.started.elapsed().as_secs_f64() * 1e3,
            queued = metrics().queued(),
            "group written (pipelined)"
        );
        for _ in 0..self.events.len() {
            metrics().queued_dec();
        }
    }
}

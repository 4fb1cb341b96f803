//! Gateway events -> the ledger pipeline.
//!
//! serenity hands every gateway event to a freshly spawned task, so two events
//! read in one go from the socket (a burst, or a RESUME replay) reach the
//! handler in no guaranteed order: tokio runs the most recently spawned task
//! first. A ledger cares about order (a message before its reactions and its
//! delete), so the raw handler does nothing but push each event,
//! synchronously, onto one queue per guild bucket. A worker per bucket waits
//! [`SETTLE`] after the first event of a burst, then restores causal order in
//! the batch (guild, joins, messages by snowflake id, edits, reactions added,
//! reactions removed, deletes, leaves), and hands each guild's events to the
//! service in that order, so they are handled in order and never
//! concurrently.
//!
//! Group commit: the common kinds (messages, edits, reactions added, joins,
//! roles) go in runs of up to [`GROUP_MAX`] through
//! [`Goodwill::handle_group`], one shared transaction per run instead of one
//! per event (an fsync each: at ~1,000 events/s that was the ceiling). The
//! rest (deletes, removed reactions, leaves, tags) go one by one between the
//! runs. Under a steady flow the worker does not sleep: the events queued
//! while one run was written form the next, so the delay an event waits is
//! [`SETTLE`] plus the time of the write before it (tens of milliseconds).
//! A run's write goes on while the worker scores the next runs of the same
//! guild, which join the write waiting behind it ([`super::pipe`]), so a
//! commit the disk stalls does not stop the scoring; anything else waits
//! for the writes first.
//!
//! What a crash can lose is what was queued here and not yet committed: the
//! events of the last [`SETTLE`], the run being scored, and the writes
//! waiting (one or two normally; while the disk stalls a commit, at most 16
//! of about 1,000 events each). A new process cannot RESUME the old session, so what
//! was lost comes back as Discord re-delivers recent events or as
//! `goodwill import` of a fresh export backfills the channel; every event is
//! idempotent, so a replay of what was written writes nothing
//! (docs/RELIABILITY.md, the `bot_kill` tests).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use serenity::all as sy;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

pub use super::channels::{ChannelNames, ForumPost};
use super::convert;
use super::embeds::{self, COMPONENT_PREFIX};
use super::metrics::metrics;
use super::pipe::Pipe;
use super::roster::Roster;
use crate::capital::message::{
    ChannelId, GuildId, MemberId, MessageId, MessageIn, Person, ReactionIn,
};
use crate::service::{Goodwill, GroupEvent, ServiceError};

/// How long a worker waits after the first event of a burst for the rest of
/// it to be queued, so it can put the burst back in order.
pub const SETTLE: Duration = Duration::from_millis(25);

/// Most events written in one shared transaction (group commit), unless
/// `GOODWILL_GROUP_MAX` says otherwise (see [`group_max`]).
pub const GROUP_MAX: usize = 2_000;

/// The largest group: `GOODWILL_GROUP_MAX` (50 to 10,000), else
/// [`GROUP_MAX`]. Smaller groups wait less (an event waits for its whole
/// group to be scored and written) and take more transactions.
pub fn group_max() -> usize {
    static MAX: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *MAX.get_or_init(|| {
        let raw = std::env::var("GOODWILL_GROUP_MAX").ok();
        parse_group_max(raw.as_deref()).unwrap_or_else(|e| {
            tracing::warn!(error = %e, used = GROUP_MAX, "GOODWILL_GROUP_MAX ignored");
            GROUP_MAX
        })
    })
}

/// `GOODWILL_GROUP_MAX` read: unset or empty is the default; anything but a
/// whole number from 50 to 10,000 is an error that says so.
fn parse_group_max(raw: Option<&str>) -> Result<usize, String> {
    let Some(v) = raw.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(GROUP_MAX);
    };
    match v.parse::<usize>() {
        Ok(n) if (50..=10_000).contains(&n) => Ok(n),
        _ => Err(format!("{v:?} is not a whole number from 50 to 10000")),
    }
}

/// Number of ordered workers; a guild always goes to the same one.
pub const WORKERS: usize = 4;

/// Most events held at once (across workers). While the database is down
/// events wait here and are retried; past this bound new events are dropped,
/// logged and counted (`goodwill_events_dropped_total`): a backfill of the
/// channel (`goodwill import` of a fresh export) recovers them.
pub const QUEUE_CAPACITY: u64 = 100_000;

/// Backoff between retries while the database is unavailable.
const RETRY_MIN: Duration = Duration::from_millis(100);
const RETRY_MAX: Duration = Duration::from_secs(5);

/// A gateway event reduced to what the service needs.
#[derive(Debug, Clone)]
pub enum LedgerEvent {
    Guild {
        guild: GuildId,
        name: String,
    },
    MemberJoin {
        guild: GuildId,
        member: Person,
    },
    Message(MessageIn),
    Update(MessageIn),
    Reaction(ReactionIn),
    Delete {
        guild: GuildId,
        channel: ChannelId,
        ids: Vec<MessageId>,
    },
    MemberLeave {
        guild: GuildId,
        member: MemberId,
    },
    /// Members whose Discord roles changed (or were first learnt): stored,
    /// for `exclude.roles`.
    Roles {
        guild: GuildId,
        members: Vec<(Person, Vec<u64>)>,
    },
    /// Forum tags newly applied to a post (THREAD_UPDATE): a Solved tag
    /// applied by hand may credit the last responder.
    TagsApplied {
        guild: GuildId,
        thread: ChannelId,
        /// (id, name) of each tag added.
        tags: Vec<(u64, String)>,
    },
}

impl LedgerEvent {
    pub fn guild(&self) -> GuildId {
        match self {
            LedgerEvent::Guild { guild, .. }
            | LedgerEvent::MemberJoin { guild, .. }
            | LedgerEvent::Delete { guild, .. }
            | LedgerEvent::MemberLeave { guild, .. }
            | LedgerEvent::Roles { guild, .. }
            | LedgerEvent::TagsApplied { guild, .. } => *guild,
            LedgerEvent::Message(m) | LedgerEvent::Update(m) => m.guild_id,
            LedgerEvent::Reaction(r) => r.guild_id,
        }
    }

    /// The causal order within a burst.
    fn order_key(&self) -> (u8, u64) {
        match self {
            LedgerEvent::Guild { .. } => (0, 0),
            LedgerEvent::MemberJoin { .. } | LedgerEvent::Roles { .. } => (1, 0),
            LedgerEvent::Message(m) => (2, m.id.get()),
            LedgerEvent::Update(_) => (3, 0),
            LedgerEvent::Reaction(r) if r.added => (4, 0),
            LedgerEvent::Reaction(_) => (5, 0),
            LedgerEvent::Delete { .. } => (6, 0),
            LedgerEvent::MemberLeave { .. } => (7, 0),
            LedgerEvent::TagsApplied { .. } => (8, 0),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            LedgerEvent::Guild { .. } => "guild_create",
            LedgerEvent::MemberJoin { .. } => "member_add",
            LedgerEvent::Message(_) => "message_create",
            LedgerEvent::Update(_) => "message_update",
            LedgerEvent::Reaction(r) if r.added => "reaction_add",
            LedgerEvent::Reaction(_) => "reaction_remove",
            LedgerEvent::Delete { ids, .. } if ids.len() == 1 => "message_delete",
            LedgerEvent::Delete { .. } => "message_delete_bulk",
            LedgerEvent::MemberLeave { .. } => "member_remove",
            LedgerEvent::Roles { .. } => "member_roles",
            LedgerEvent::TagsApplied { .. } => "thread_update",
        }
    }
}

/// Put a burst of events back in causal order (stable: events of one class
/// keep their arrival order, messages go by snowflake id).
pub fn restore_order(batch: &mut [LedgerEvent]) {
    batch.sort_by_key(LedgerEvent::order_key);
}

/// An event and when it arrived.
type Timed = (LedgerEvent, chrono::DateTime<Utc>);

enum Item {
    Event(Box<LedgerEvent>, chrono::DateTime<Utc>),
    Flush(oneshot::Sender<()>),
}

/// Ordered per-guild queues in front of the service.
pub struct EventQueue {
    senders: Vec<mpsc::UnboundedSender<Item>>,
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl EventQueue {
    /// Start [`WORKERS`] workers calling `service`.
    pub fn start(service: Goodwill, http: Arc<sy::Http>, channels: Arc<ChannelNames>) -> Arc<Self> {
        let mut senders = Vec::with_capacity(WORKERS);
        let mut workers = Vec::with_capacity(WORKERS);
        for _ in 0..WORKERS {
            let (tx, rx) = mpsc::unbounded_channel();
            senders.push(tx);
            workers.push(tokio::spawn(worker(
                rx,
                service.clone(),
                Arc::clone(&http),
                Arc::clone(&channels),
            )));
        }
        Arc::new(EventQueue {
            senders,
            workers: Mutex::new(workers),
        })
    }

    /// Queue one event (never blocks, never awaits: see the module doc).
    pub fn push(&self, ev: LedgerEvent) {
        metrics().event(ev.kind());
        if metrics().queued() >= QUEUE_CAPACITY {
            metrics().event_dropped();
            tracing::error!(
                guild_id = ev.guild().get(),
                event = ev.kind(),
                capacity = QUEUE_CAPACITY,
                "event queue full (is the database down?): event dropped; backfill the channel with `goodwill import` later"
            );
            return;
        }
        metrics().queued_inc();
        let i = (ev.guild().get() % self.senders.len() as u64) as usize;
        if self.senders[i]
            .send(Item::Event(Box::new(ev), Utc::now()))
            .is_err()
        {
            tracing::warn!("event arrived after shutdown; dropped");
        }
    }

    /// Wait until every event queued before this call has been handled.
    pub async fn flush(&self) {
        let mut waits = Vec::new();
        for tx in &self.senders {
            let (done, wait) = oneshot::channel();
            if tx.send(Item::Flush(done)).is_ok() {
                waits.push(wait);
            }
        }
        for w in waits {
            let _ = w.await;
        }
    }

    /// Finish the events in flight (at most `grace`), then stop the workers.
    pub async fn shutdown(&self, grace: Duration) {
        if tokio::time::timeout(grace, self.flush()).await.is_err() {
            tracing::warn!(?grace, "events still queued at shutdown were dropped");
        }
        let workers = std::mem::take(&mut *self.workers.lock().unwrap_or_else(|e| e.into_inner()));
        for w in workers {
            w.abort();
        }
    }
}

async fn worker(
    mut rx: mpsc::UnboundedReceiver<Item>,
    service: Goodwill,
    http: Arc<sy::Http>,
    channels: Arc<ChannelNames>,
) {
    let mut pipe = Pipe::default();
    loop {
        // While writes are pending, the next events are scored as soon as
        // they come (they join the waiting write); with none coming, the
        // writes that end are seen to.
        let first = if pipe.is_empty() {
            rx.recv().await
        } else {
            tokio::select! {
                biased;
                it = rx.recv() => it,
                () = pipe.oldest_ended() => {
                    pipe.retire(&service).await;
                    continue;
                }
            }
        };
        let Some(first) = first else { break };
        // A burst is put back in order once SETTLE has passed since its first
        // event arrived; under a steady flow that time has passed already
        // (the events waited while the previous group was written).
        if let Item::Event(_, arrived) = &first {
            let waited = (Utc::now() - *arrived).to_std().unwrap_or_default();
            if waited < SETTLE {
                tokio::time::sleep(SETTLE - waited).await;
            }
        }
        // At most a group's worth at a time. The order is restored within
        // what is taken, kind by kind, so a whole backlog taken at once put
        // every message of it before every reaction: tens of thousands of
        // messages later the reactions' targets had left the channels'
        // memory (200 messages each) and each was read back from the
        // database, a round trip per reaction, which slowed the worker and
        // grew the backlog further (in the live bench: groups of 2,000
        // reactions taking 2 s each, and 4,000 events/s instead of 12,000).
        let mut items = vec![first];
        while items.len() < group_max() {
            match rx.try_recv() {
                Ok(more) => items.push(more),
                Err(_) => break,
            }
        }
        let mut batch = Vec::new();
        let mut flushes = Vec::new();
        for it in items {
            match it {
                Item::Event(ev, at) => batch.push((*ev, at)),
                Item::Flush(done) => flushes.push(done),
            }
        }
        batch.sort_by_key(|(ev, _)| ev.order_key());
        // Each guild's events, in that order.
        let mut guilds: Vec<(GuildId, Vec<Timed>)> = Vec::new();
        for (ev, at) in batch {
            let g = ev.guild();
            match guilds.iter_mut().find(|(id, _)| *id == g) {
                Some((_, evs)) => evs.push((ev, at)),
                None => guilds.push((g, vec![(ev, at)])),
            }
        }
        for (guild, events) in guilds {
            run_guild(&service, &http, &channels, &mut pipe, guild, events).await;
        }
        if !flushes.is_empty() {
            // Someone waits for what is queued to be written.
            pipe.drain(&service).await;
        }
        for done in flushes {
            let _ = done.send(());
        }
    }
    pipe.drain(&service).await;
}

/// One guild's events, in order: runs of the common kinds go through
/// [`Goodwill::handle_group`] (at most [`GROUP_MAX`] per run), the rest one
/// by one between them.
async fn run_guild(
    service: &Goodwill,
    http: &sy::Http,
    channels: &ChannelNames,
    pipe: &mut Pipe,
    guild: GuildId,
    events: Vec<Timed>,
) {
    let mut run: Vec<GroupEvent> = Vec::new();
    for (ev, at) in events {
        match grouped(http, channels, ev, at).await {
            Ok(ge) => {
                run.push(ge);
                if run.len() >= group_max() {
                    pipe.write(service, guild, std::mem::take(&mut run)).await;
                }
            }
            Err(ev) => {
                pipe.write(service, guild, std::mem::take(&mut run)).await;
                pipe.drain(service).await;
                // While the database is unavailable, hold the event (and the
                // ones behind it, so order is kept) and retry with backoff.
                let mut wait = RETRY_MIN;
                while handle(service, http, channels, ev.clone(), at).await == Outcome::Retry {
                    metrics().event_retry();
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(RETRY_MAX);
                }
                metrics().event_transactions(1);
                metrics().queued_dec();
            }
        }
    }
    pipe.write(service, guild, run).await;
}

/// The event as [`Goodwill::handle_group`] takes it (channel names looked
/// up), or back as it was when it goes on its own.
async fn grouped(
    http: &sy::Http,
    channels: &ChannelNames,
    ev: LedgerEvent,
    at: chrono::DateTime<Utc>,
) -> Result<GroupEvent, LedgerEvent> {
    Ok(match ev {
        LedgerEvent::Message(mut m) => {
            m.channel_name = channels.name(http, m.channel_id).await;
            m.thread = channels.thread(m.channel_id);
            GroupEvent::Message(m)
        }
        LedgerEvent::Update(mut m) => {
            m.channel_name = channels.name(http, m.channel_id).await;
            m.thread = channels.thread(m.channel_id);
            GroupEvent::Update(m)
        }
        LedgerEvent::Reaction(r) if r.added => GroupEvent::ReactionAdded(r),
        LedgerEvent::MemberJoin { member, .. } => GroupEvent::Join(member, at),
        LedgerEvent::Roles { members, .. } => GroupEvent::Roles(members, at),
        other => return Err(other),
    })
}

fn group_kind(ev: &GroupEvent) -> &'static str {
    match ev {
        GroupEvent::Message(_) => "message_create",
        GroupEvent::Update(_) => "message_update",
        GroupEvent::ReactionAdded(_) => "reaction_add",
        GroupEvent::Join(..) => "member_add",
        GroupEvent::Roles(..) => "member_roles",
    }
}

/// Write a run of events in shared transactions. While the database is
/// unavailable the run waits and is retried whole (the guild's memory was
/// dropped, so it is scored again from what is stored). On any other error
/// the events are written one transaction each, so one bad event loses only
/// itself: each is idempotent, so what the shared attempt may have written
/// before it failed is not written twice.
pub(super) async fn write_group(service: &Goodwill, guild: GuildId, events: Vec<GroupEvent>) {
    if events.is_empty() {
        return;
    }
    let mut wait = RETRY_MIN;
    let started = std::time::Instant::now();
    loop {
        match service.handle_group(guild, &events).await {
            Ok(tx) => {
                metrics().event_transactions(tx as u64);
                tracing::debug!(
                    guild_id = guild.get(),
                    events = events.len(),
                    transactions = tx,
                    ms = started.elapsed().as_secs_f64() * 1e3,
                    queued = metrics().queued(),
                    "group written"
                );
                break;
            }
            Err(ServiceError::Unavailable(e)) => {
                metrics().event_error();
                metrics().db_error();
                metrics().event_retry();
                tracing::warn!(guild_id = guild.get(), events = events.len(), error = %e, "database unavailable; the events wait and are retried");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(RETRY_MAX);
            }
            Err(e) => {
                metrics().event_error();
                if matches!(e, ServiceError::Database(_)) {
                    metrics().db_error();
                }
                tracing::warn!(guild_id = guild.get(), events = events.len(), error = %e, "shared write failed; writing the events one by one");
                for ev in &events {
                    let mut wait = RETRY_MIN;
                    while handle_one(service, guild, ev).await == Outcome::Retry {
                        metrics().event_retry();
                        tokio::time::sleep(wait).await;
                        wait = (wait * 2).min(RETRY_MAX);
                    }
                    metrics().event_transactions(1);
                }
                break;
            }
        }
    }
    for _ in 0..events.len() {
        metrics().queued_dec();
    }
}

/// One event of a failed group, on its own.
async fn handle_one(service: &Goodwill, guild: GuildId, ev: &GroupEvent) -> Outcome {
    let result = match ev {
        GroupEvent::Message(m) => service.handle_message(m.clone()).await,
        GroupEvent::Update(m) => service.handle_message_update(m.clone()).await,
        GroupEvent::ReactionAdded(r) => service.handle_reaction(r.clone()).await,
        GroupEvent::Join(p, at) => service.handle_member_join(guild, p, *at).await,
        GroupEvent::Roles(members, at) => service.handle_member_roles(guild, members, *at).await,
    };
    outcome(guild, group_kind(ev), result)
}

/// What became of one event.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Done,
    /// The database was unavailable: try again later.
    Retry,
}

async fn handle(
    service: &Goodwill,
    http: &sy::Http,
    channels: &ChannelNames,
    ev: LedgerEvent,
    at: chrono::DateTime<Utc>,
) -> Outcome {
    let kind = ev.kind();
    let guild = ev.guild();
    let result = match ev {
        LedgerEvent::Guild { guild, name } => service.upsert_guild(guild, &name).await,
        LedgerEvent::MemberJoin { guild, member } => {
            service.handle_member_join(guild, &member, at).await
        }
        LedgerEvent::Message(mut m) => {
            m.channel_name = channels.name(http, m.channel_id).await;
            m.thread = channels.thread(m.channel_id);
            tracing::debug!(
                guild = guild.get(),
                channel = m.channel_id.get(),
                message = m.id.get(),
                author = m.author.id.get(),
                "message"
            );
            service.handle_message(m).await
        }
        LedgerEvent::Update(mut m) => {
            m.channel_name = channels.name(http, m.channel_id).await;
            m.thread = channels.thread(m.channel_id);
            service.handle_message_update(m).await
        }
        LedgerEvent::Reaction(r) => service.handle_reaction(r).await,
        LedgerEvent::Delete {
            guild,
            channel,
            ids,
        } => {
            service
                .handle_message_delete(guild, channel, &ids, at)
                .await
        }
        LedgerEvent::MemberLeave { guild, member } => {
            service.handle_member_leave(guild, member, at).await
        }
        LedgerEvent::Roles { guild, members } => {
            service.handle_member_roles(guild, &members, at).await
        }
        LedgerEvent::TagsApplied {
            guild,
            thread,
            tags,
        } => service
            .solved_tag_applied(guild, thread, &tags, at)
            .await
            .map(|_| ()),
    };
    outcome(guild, kind, result)
}

/// Log a failed event; whether to retry it.
fn outcome(guild: GuildId, kind: &str, result: Result<(), ServiceError>) -> Outcome {
    if let Err(e) = result {
        metrics().event_error();
        match &e {
            ServiceError::Unavailable(_) => {
                metrics().db_error();
                tracing::warn!(guild_id = guild.get(), event = kind, error = %e, "database unavailable; the event waits and is retried");
                return Outcome::Retry;
            }
            ServiceError::Database(_) => {
                metrics().db_error();
                tracing::error!(guild = guild.get(), event = kind, error = %e, "database error while handling event");
            }
            _ => {
                tracing::warn!(guild = guild.get(), event = kind, error = %e, "event not recorded")
            }
        }
    }
    Outcome::Done
}

/// The raw gateway handler: classifies each event and queues it, and keeps
/// the [`Roster`] of guilds and member roles up to date.
pub struct Handler {
    pub queue: Arc<EventQueue>,
    pub channels: Arc<ChannelNames>,
    pub service: Goodwill,
    pub roster: Arc<Roster>,
    /// Each guild's language, learnt from GUILD_CREATE and GUILD_UPDATE.
    pub locales: Arc<super::locales::GuildLocales>,
}

#[sy::async_trait]
impl sy::RawEventHandler for Handler {
    async fn raw_event(&self, ctx: sy::Context, ev: sy::Event) {
        // Everything up to the push is synchronous: see the module doc.
        self.on_event(&ctx, ev);
    }
}

impl Handler {
    /// Classify and queue one event. Events without a guild (DMs) are ignored.
    pub fn on_event(&self, ctx: &sy::Context, ev: sy::Event) {
        let now = Utc::now();
        match ev {
            sy::Event::Ready(r) => {
                metrics().shard_ready();
                tracing::info!(
                    shard = ?r.ready.shard,
                    user = %r.ready.user.name,
                    guilds = r.ready.guilds.len(),
                    "connected to the gateway"
                );
            }
            sy::Event::Resumed(_) => {
                metrics().event("resumed");
                tracing::info!(shard = ctx.shard_id.0, "gateway session resumed");
            }
            // The owners changed the community's language (or anything
            // else): posts follow from now on.
            sy::Event::GuildUpdate(g) => {
                self.locales
                    .learn(g.guild.id.get(), &g.guild.preferred_locale);
            }
            sy::Event::GuildCreate(g) => {
                self.locales
                    .learn(g.guild.id.get(), &g.guild.preferred_locale);
                for ch in g.guild.channels.values().chain(g.guild.threads.iter()) {
                    self.channels.learn(ch);
                }
                let guild = GuildId(g.guild.id.get());
                self.roster.guild_seen(guild);
                let mut changed = Vec::new();
                for m in g.guild.members.values().filter(|m| !m.user.bot) {
                    if self
                        .roster
                        .set_roles(guild, MemberId(m.user.id.get()), role_ids(&m.roles))
                    {
                        changed.push((convert::member_person(m), role_ids(&m.roles)));
                    }
                }
                self.queue.push(LedgerEvent::Guild {
                    guild: GuildId(g.guild.id.get()),
                    name: g.guild.name,
                });
                if !changed.is_empty() {
                    self.queue.push(LedgerEvent::Roles {
                        guild,
                        members: changed,
                    });
                }
            }
            sy::Event::ChannelCreate(c) => {
                self.channels.learn(&c.channel);
            }
            sy::Event::ChannelUpdate(c) => {
                self.channels.learn(&c.channel);
            }
            sy::Event::ThreadCreate(t) => {
                self.channels.learn(&t.thread);
            }
            sy::Event::ThreadUpdate(t) => {
                let added = self.channels.learn(&t.thread);
                if !added.is_empty() {
                    self.queue.push(LedgerEvent::TagsApplied {
                        guild: GuildId(t.thread.guild_id.get()),
                        thread: ChannelId(t.thread.id.get()),
                        tags: added,
                    });
                }
            }
            // Archived threads come back in lists: learn them (names, starters, tags).
            sy::Event::ThreadListSync(l) => {
                for t in &l.threads {
                    self.channels.learn(t);
                }
            }
            // The thread's ledger entries stay (the help happened); only the
            // cached channel goes.
            sy::Event::ThreadDelete(t) => self.channels.forget(ChannelId(t.thread.id.get())),
            // `unavailable`: an outage at Discord, the bot is still in the guild.
            sy::Event::GuildDelete(g) if !g.guild.unavailable => {
                self.roster.guild_gone(GuildId(g.guild.id.get()));
            }
            sy::Event::GuildMemberUpdate(u) if !u.user.bot => {
                let guild = GuildId(u.guild_id.get());
                if self
                    .roster
                    .set_roles(guild, MemberId(u.user.id.get()), role_ids(&u.roles))
                {
                    self.queue.push(LedgerEvent::Roles {
                        guild,
                        members: vec![(
                            convert::person(&u.user, u.nick.as_deref()),
                            role_ids(&u.roles),
                        )],
                    });
                }
            }
            sy::Event::MessageCreate(m) => {
                if let (Some(g), Some(member), false) =
                    (m.message.guild_id, &m.message.member, m.message.author.bot)
                {
                    if self.roster.set_roles(
                        GuildId(g.get()),
                        MemberId(m.message.author.id.get()),
                        role_ids(&member.roles),
                    ) {
                        self.queue.push(LedgerEvent::Roles {
                            guild: GuildId(g.get()),
                            members: vec![(
                                convert::person(&m.message.author, member.nick.as_deref()),
                                role_ids(&member.roles),
                            )],
                        });
                    }
                }
                if let Some(msg) = convert::message_in(&m.message, "") {
                    self.queue.push(LedgerEvent::Message(msg));
                }
            }
            sy::Event::MessageUpdate(u) => {
                if let Some(msg) = convert::message_update_in(&u, "", now) {
                    self.queue.push(LedgerEvent::Update(msg));
                }
            }
            sy::Event::MessageDelete(d) => {
                if let Some(guild) = d.guild_id {
                    self.queue.push(LedgerEvent::Delete {
                        guild: GuildId(guild.get()),
                        channel: ChannelId(d.channel_id.get()),
                        ids: vec![MessageId(d.message_id.get())],
                    });
                }
            }
            sy::Event::MessageDeleteBulk(d) => {
                if let Some(guild) = d.guild_id {
                    self.queue.push(LedgerEvent::Delete {
                        guild: GuildId(guild.get()),
                        channel: ChannelId(d.channel_id.get()),
                        ids: d.ids.iter().map(|i| MessageId(i.get())).collect(),
                    });
                }
            }
            sy::Event::ReactionAdd(r) => {
                if let (Some(g), Some(m)) = (r.reaction.guild_id, &r.reaction.member) {
                    if !m.user.bot
                        && self.roster.set_roles(
                            GuildId(g.get()),
                            MemberId(m.user.id.get()),
                            role_ids(&m.roles),
                        )
                    {
                        self.queue.push(LedgerEvent::Roles {
                            guild: GuildId(g.get()),
                            members: vec![(convert::member_person(m), role_ids(&m.roles))],
                        });
                    }
                }
                if let Some(ri) = convert::reaction_in(&r.reaction, true, now) {
                    self.queue.push(LedgerEvent::Reaction(ri));
                }
            }
            sy::Event::ReactionRemove(r) => {
                if let Some(ri) = convert::reaction_in(&r.reaction, false, now) {
                    self.queue.push(LedgerEvent::Reaction(ri));
                }
            }
            sy::Event::GuildMemberAdd(m) => {
                let changed = !m.member.user.bot
                    && self.roster.set_roles(
                        GuildId(m.member.guild_id.get()),
                        MemberId(m.member.user.id.get()),
                        role_ids(&m.member.roles),
                    );
                self.queue.push(LedgerEvent::MemberJoin {
                    guild: GuildId(m.member.guild_id.get()),
                    member: convert::member_person(&m.member),
                });
                if changed {
                    self.queue.push(LedgerEvent::Roles {
                        guild: GuildId(m.member.guild_id.get()),
                        members: vec![(
                            convert::member_person(&m.member),
                            role_ids(&m.member.roles),
                        )],
                    });
                }
            }
            sy::Event::GuildMemberRemove(m) => {
                self.roster
                    .remove_member(GuildId(m.guild_id.get()), MemberId(m.user.id.get()));
                self.queue.push(LedgerEvent::MemberLeave {
                    guild: GuildId(m.guild_id.get()),
                    member: MemberId(m.user.id.get()),
                });
            }
            sy::Event::InteractionCreate(i) => {
                metrics().event("interaction");
                if let sy::Interaction::Command(ci) = &i.interaction {
                    if let (Some(g), Some(m)) = (ci.guild_id, &ci.member) {
                        if self.roster.set_roles(
                            GuildId(g.get()),
                            MemberId(m.user.id.get()),
                            role_ids(&m.roles),
                        ) {
                            self.queue.push(LedgerEvent::Roles {
                                guild: GuildId(g.get()),
                                members: vec![(convert::member_person(m), role_ids(&m.roles))],
                            });
                        }
                    }
                }
                if let sy::Interaction::Component(ci) = i.interaction {
                    if ci.data.custom_id.starts_with(COMPONENT_PREFIX) {
                        let http = Arc::clone(&ctx.http);
                        let service = self.service.clone();
                        let locales = Arc::clone(&self.locales);
                        tokio::spawn(async move {
                            if let Err(e) = on_component(&http, &service, &locales, &ci).await {
                                tracing::warn!(error = %e, custom_id = %ci.data.custom_id, "button handling failed");
                            }
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

fn role_ids(roles: &[sy::RoleId]) -> Vec<u64> {
    roles.iter().map(|r| r.get()).collect()
}

/// Buttons: standings pages and the opt-out confirmation. Stateless: the
/// button id says what to do, so buttons keep working across restarts.
async fn on_component(
    http: &sy::Http,
    service: &Goodwill,
    locales: &super::locales::GuildLocales,
    ci: &sy::ComponentInteraction,
) -> Result<(), sy::Error> {
    let Some(guild) = ci.guild_id.map(|g| GuildId(g.get())) else {
        return Ok(());
    };
    let rest = &ci.data.custom_id[COMPONENT_PREFIX.len()..];
    let (action, arg) = rest.split_once(':').unwrap_or((rest, ""));
    let started = std::time::Instant::now();
    // Answers only the clicking member sees: their own language.
    let mine = crate::i18n::Tr::of(&ci.locale);
    let answer = match action {
        "standings" => {
            let page = arg.parse::<u32>().unwrap_or(1).max(1);
            let work = service.standings(guild, page, Utc::now());
            match respond_in_time(http, ci, work).await? {
                Ok(view) => {
                    // The board is a public message: the server's language.
                    let t = locales.guild_tr(guild.get());
                    let (embed, buttons) = embeds::standings(&view, t);
                    Ok(sy::EditInteractionResponse::new()
                        .embed(embed)
                        .components(buttons))
                }
                Err(e) => Err(e),
            }
        }
        "optout" | "cancel" => {
            if arg != ci.user.id.get().to_string() {
                let msg = sy::CreateInteractionResponseMessage::new()
                    .content(mine.s("button-not-yours"))
                    .ephemeral(true);
                return ci
                    .create_response(http, sy::CreateInteractionResponse::Message(msg))
                    .await;
            }
            if action == "cancel" {
                let msg = sy::CreateInteractionResponseMessage::new()
                    .content(mine.s("optout-cancelled"))
                    .components(vec![]);
                return ci
                    .create_response(http, sy::CreateInteractionResponse::UpdateMessage(msg))
                    .await;
            }
            let work = service.opt_out(guild, MemberId(ci.user.id.get()), Utc::now());
            match respond_in_time(http, ci, work).await? {
                Ok(n) => {
                    tracing::info!(
                        guild = guild.get(),
                        member = ci.user.id.get(),
                        deleted = n,
                        "member opted out"
                    );
                    Ok(sy::EditInteractionResponse::new()
                        .content(mine.a("optout-done", &[("count", n.into())]))
                        .components(vec![]))
                }
                Err(e) => Err(e),
            }
        }
        _ => return Ok(()),
    };
    metrics().command(&format!("button:{action}"), started.elapsed());
    match answer {
        Ok(edit) => {
            ci.edit_response(http, edit).await?;
        }
        Err(e) => {
            metrics().command_error();
            let text = match &e {
                ServiceError::Unavailable(_) => {
                    metrics().db_error();
                    mine.s("error-unavailable")
                }
                ServiceError::Database(_) => {
                    metrics().db_error();
                    tracing::error!(guild = guild.get(), error = %e, "database error on button");
                    mine.s("error-database")
                }
                other => other.render(mine.0),
            };
            ci.create_followup(
                http,
                sy::CreateInteractionResponseFollowup::new()
                    .content(text)
                    .ephemeral(true),
            )
            .await?;
        }
    }
    Ok(())
}

/// Acknowledge the button at once (Discord shows no spinner for a deferred
/// update), then do the work; the answer edits the message.
async fn respond_in_time<T>(
    http: &sy::Http,
    ci: &sy::ComponentInteraction,
    work: impl std::future::Future<Output = T>,
) -> Result<T, sy::Error> {
    ci.create_response(http, sy::CreateInteractionResponse::Acknowledge)
        .await?;
    Ok(work.await)
}

#[cfg(test)]
mod tests;

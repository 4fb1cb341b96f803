//! Importing server history: DiscordChatExporter files → the same ingest
//! steps as the live bot ([`crate::ingest`]), in timestamp order across
//! channels, batched, idempotent.

pub mod export;
pub mod writer;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use crate::capital::decay::Scales;
use crate::capital::message::{ChannelId, GuildId, MemberId, MessageId, MessageIn, ReactionIn};
use crate::capital::process::GuildState;
use crate::capital::score::Decision;
use crate::capital::settings::Settings;
use crate::ingest::{self, Pending};
use crate::pipeline::Pipeline;
use crate::store::{Batch, GuildRow};
pub use export::{collect_files, read_export, ChannelExport, ExportError};

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Write nothing.
    pub dry_run: bool,
    /// Print one JSON line per entry and per ignored signal.
    pub explain: bool,
    /// Dry run as if into an empty ledger (no database needed).
    pub fresh: bool,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Messages per write transaction.
    pub batch_size: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ImportSummary {
    pub files: usize,
    pub failed: Vec<String>,
    pub messages_new: u64,
    pub messages_known: u64,
    pub reactions: u64,
    /// Entries decided (would be written in a dry run).
    pub entries: u64,
    /// Entries actually inserted (0 in a dry run; less than `entries` on re-import).
    pub entries_written: u64,
    pub ignored: u64,
    pub guilds: Vec<(GuildId, String)>,
    pub first_at: Option<DateTime<Utc>>,
    pub last_at: Option<DateTime<Utc>>,
    /// Where the wall time went (the scoring and the writes overlap).
    pub timings: ImportTimings,
}

/// Seconds spent in each stage of an import. Detection and scoring run while
/// the writer task writes the previous batch, so `score_s + write_s` can
/// exceed the wall time; `wait_s` is scoring waiting for the writer.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct ImportTimings {
    /// Reading and parsing the files (in parallel), merging in time order.
    pub read_s: f64,
    /// Loading what the ledger already holds (known messages, scoring memory).
    pub hydrate_s: f64,
    /// Detection and scoring (one thread: each decision depends on the last).
    pub score_s: f64,
    /// The writer task inside its transactions.
    pub write_s: f64,
    /// Scoring blocked on a full write queue, and the wait for the last write.
    pub wait_s: f64,
    /// Write transactions: fewer than the batches when the writer fell
    /// behind and wrote queued batches together.
    pub transactions: u64,
}

/// A guild's name, the messages and reactions of each of its files, and
/// its channels, as read from the exports.
struct GuildEvents {
    name: String,
    files: Vec<(Vec<MessageIn>, Vec<ReactionIn>)>,
    channels: HashSet<(ChannelId, String)>,
}

impl GuildEvents {
    fn len(&self) -> usize {
        self.files.iter().map(|(m, r)| m.len() + r.len()).sum()
    }

    /// Every event in time order: by time, then message id, a message
    /// before its reactions, and ties in file order. Sorted as references
    /// with their keys: moving the events themselves (a few hundred bytes
    /// each) into one list and sorting that was a tenth of a 10 M import's
    /// wall time, before scoring could start.
    fn in_order(&self) -> Vec<Event<'_>> {
        let mut keyed: Vec<(EventKey, Event<'_>)> = Vec::with_capacity(self.len());
        for (messages, reactions) in &self.files {
            keyed.extend(
                messages
                    .iter()
                    .map(|m| ((m.at, m.id, 0), Event::Message(m))),
            );
            keyed.extend(
                reactions
                    .iter()
                    .map(|r| ((r.at, r.message_id, 1), Event::Reaction(r))),
            );
        }
        // Stable: equal keys keep the files' order.
        keyed.sort_by_key(|(k, _)| *k);
        keyed.into_iter().map(|(_, e)| e).collect()
    }
}

/// Where an event goes in time order: time, message id, 0 for the message
/// and 1 for a reaction to it.
type EventKey = (DateTime<Utc>, MessageId, u8);

#[derive(Clone, Copy)]
enum Event<'a> {
    Message(&'a MessageIn),
    Reaction(&'a ReactionIn),
}

impl Event<'_> {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Event::Message(m) => m.at,
            Event::Reaction(r) => r.at,
        }
    }
}

/// Read every file, in parallel across the machine's cores (parsing is most
/// of an import's CPU after detection); results keep the order of `files`.
/// The ones that fail are reported and contribute nothing.
pub fn read_all(files: &[PathBuf], summary: &mut ImportSummary) -> Vec<ChannelExport> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(files.len())
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<Option<Result<ChannelExport, ExportError>>> =
        (0..files.len()).map(|_| None).collect();
    let slots: Vec<std::sync::Mutex<&mut Option<Result<ChannelExport, ExportError>>>> =
        results.iter_mut().map(std::sync::Mutex::new).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(f) = files.get(k) else { break };
                let r = read_export(f);
                **slots[k].lock().unwrap_or_else(|p| p.into_inner()) = Some(r);
            });
        }
    });
    drop(slots);
    let mut out = Vec::new();
    for r in results.into_iter().flatten() {
        match r {
            Ok(e) => out.push(e),
            Err(e) => summary.failed.push(e.to_string()),
        }
    }
    summary.files = files.len();
    out
}

fn explain_line(
    d: &Decision,
    names: &HashMap<MemberId, String>,
    guild: GuildId,
) -> serde_json::Value {
    let name = |id: MemberId| names.get(&id).cloned().unwrap_or_default();
    fn idstr(x: Option<impl std::fmt::Display>) -> Option<String> {
        x.map(|v| v.to_string())
    }
    match d {
        Decision::Entry(e) => json!({
            "guild_id": guild.to_string(),
            "message_id": idstr(e.message_id),
            "channel_id": idstr(e.channel_id),
            "at": e.at.to_rfc3339(),
            "kind": e.kind.as_str(),
            "member_id": e.member.to_string(),
            "member_name": name(e.member),
            "counterpart_id": idstr(e.counterpart),
            "counterpart_name": e.counterpart.map(name),
            "amount": (e.amount * 1e6).round() / 1e6,
            "reason": e.reason,
            "ignored": false,
        }),
        Decision::Ignored(i) => json!({
            "guild_id": guild.to_string(),
            "message_id": idstr(i.message_id),
            "at": i.at.to_rfc3339(),
            "kind": i.kind.as_str(),
            "member_id": i.member.to_string(),
            "member_name": name(i.member),
            "counterpart_id": idstr(i.counterpart),
            "counterpart_name": i.counterpart.map(name),
            "amount": 0.0,
            "reason": i.reason,
            "ignored": true,
            "ignored_by": if i.by_detection { "detection" } else { "scoring" },
        }),
    }
}

/// Import exports. With `pipeline = None` (fresh dry run) nothing touches a database.
pub async fn import(
    pipeline: Option<&Pipeline>,
    base_settings: &Settings,
    files: &[PathBuf],
    opts: &ImportOptions,
    out: &mut (dyn Write + Send),
) -> anyhow::Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let started = Instant::now();
    let exports = read_all(files, &mut summary);
    let mut by_guild = by_guild(exports);
    let mut guild_ids: Vec<GuildId> = by_guild.keys().copied().collect();
    guild_ids.sort();
    summary.timings.read_s = started.elapsed().as_secs_f64();
    let total: u64 = by_guild.values().map(|g| g.len() as u64).sum();
    let mut run = Run {
        pipeline,
        base_settings,
        opts,
        bar: progress_bar(opts.progress, total),
        out,
        summary,
    };
    for gid in guild_ids {
        let events = by_guild.remove(&gid).expect("guild present");
        run.guild(gid, events).await?;
        run.bar.set_message("");
    }
    run.bar.finish_and_clear();
    let t = &run.summary.timings;
    tracing::debug!(
        read_s = t.read_s,
        hydrate_s = t.hydrate_s,
        score_s = t.score_s,
        write_s = t.write_s,
        wait_s = t.wait_s,
        "import stages"
    );
    Ok(run.summary)
}

/// Group by guild; each guild's events are merged across channels later, in
/// time order.
fn by_guild(exports: Vec<ChannelExport>) -> HashMap<GuildId, GuildEvents> {
    let mut by_guild: HashMap<GuildId, GuildEvents> = HashMap::new();
    for e in exports {
        let g = by_guild.entry(e.guild_id).or_insert_with(|| GuildEvents {
            name: e.guild_name.clone(),
            files: vec![],
            channels: HashSet::new(),
        });
        g.channels.insert((e.channel_id, e.channel_name.clone()));
        g.files.push((e.messages, e.reactions));
    }
    by_guild
}

fn progress_bar(show: bool, total: u64) -> ProgressBar {
    if !show || total == 0 {
        return ProgressBar::hidden();
    }
    let b = ProgressBar::new(total);
    b.set_style(
        ProgressStyle::with_template(
            "{spinner} importing [{bar:30}] {pos}/{len} events ({per_sec}, eta {eta}) {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    b
}

/// An import in progress, across its guilds.
struct Run<'a> {
    pipeline: Option<&'a Pipeline>,
    base_settings: &'a Settings,
    opts: &'a ImportOptions,
    bar: ProgressBar,
    out: &'a mut (dyn Write + Send),
    summary: ImportSummary,
}

/// Where a guild's import starts from: the store (normal runs), or nothing
/// (a fresh dry run).
struct Start {
    known: HashSet<MessageId>,
    state: GuildState,
    settings: Settings,
    row: Option<GuildRow>,
}

impl Run<'_> {
    /// Import one guild's events: each through its ingest step in time order,
    /// the batches handed to a writer task so the next batch is detected and
    /// scored while the database writes this one.
    async fn guild(&mut self, gid: GuildId, mut guild: GuildEvents) -> anyhow::Result<()> {
        let clock = Instant::now();
        let channels = std::mem::take(&mut guild.channels);
        let events = guild.in_order();
        let gname = &guild.name;
        self.summary.timings.read_s += clock.elapsed().as_secs_f64();
        let clock = Instant::now();
        self.summary.guilds.push((gid, gname.clone()));
        let first_at = events.first().map(Event::at).unwrap_or_else(Utc::now);
        self.note_span(first_at, events.last().map(Event::at));
        let start = self.start(gid, gname, first_at, &events).await?;
        self.summary.timings.hydrate_s += clock.elapsed().as_secs_f64();
        let clock = Instant::now();
        let mut waited = std::time::Duration::ZERO;
        let mut writer = Writer::start(
            self.pipeline,
            start.row.as_ref(),
            &start.settings,
            self.opts.dry_run,
        );
        let mut g = GuildImport::new(start, channels);
        let batch_size = match self.opts.batch_size {
            0 => 10_000,
            n => n,
        };
        for ev in events {
            self.bar.inc(1);
            let Some(decisions) = g.event(ev, &mut self.summary) else {
                continue;
            };
            self.account(&decisions, &g.names, gid)?;
            if g.pending_msgs >= batch_size {
                let w = Instant::now();
                // A dry run's writer drops the batch.
                writer.send(g.pending.take_batch()).await?;
                waited += w.elapsed();
                g.pending_msgs = 0;
            }
        }
        let w = Instant::now();
        writer.send(g.pending.take_batch()).await?;
        let written = writer.finish().await?;
        waited += w.elapsed();
        let t = &mut self.summary.timings;
        self.summary.entries_written += written.entries;
        t.write_s += written.busy.as_secs_f64();
        t.transactions += written.transactions;
        t.wait_s += waited.as_secs_f64();
        t.score_s += (clock.elapsed() - waited).as_secs_f64();
        Ok(())
    }

    /// Widen the summary's first and last event times.
    fn note_span(&mut self, first: DateTime<Utc>, last: Option<DateTime<Utc>>) {
        let s = &mut self.summary;
        if let Some(last) = last {
            s.last_at = Some(s.last_at.map_or(last, |l| l.max(last)));
        }
        s.first_at = Some(s.first_at.map_or(first, |f| f.min(first)));
    }

    /// The guild's starting point: the messages the store holds already,
    /// and the memory and settings as of the first event.
    async fn start(
        &self,
        gid: GuildId,
        name: &str,
        first_at: DateTime<Utc>,
        events: &[Event<'_>],
    ) -> anyhow::Result<Start> {
        let (Some(p), false) = (self.pipeline, self.opts.fresh) else {
            return Ok(Start {
                known: HashSet::new(),
                state: GuildState::default(),
                settings: self.base_settings.clone(),
                row: None,
            });
        };
        let message_ids: Vec<MessageId> = events
            .iter()
            .filter_map(|e| match e {
                Event::Message(m) => Some(m.id),
                Event::Reaction(_) => None,
            })
            .collect();
        let known = p.store.known_messages(gid, &message_ids).await?;
        let row = if self.opts.dry_run {
            p.store.guild(gid).await?
        } else {
            let scales = Scales::from(&self.base_settings.decay);
            Some(p.store.ensure_guild(gid, name, &scales, first_at).await?)
        };
        let settings = match &row {
            Some(r) => crate::pipeline::settings_for(&p.base, &r.settings)?,
            None => self.base_settings.clone(),
        };
        let state = match &row {
            Some(r) => crate::pipeline::hydrate(&p.store, r, &settings, first_at).await?,
            None => GuildState::default(),
        };
        // The bot's memory of this guild is behind now: rebuilt on next use.
        p.forget(gid);
        Ok(Start {
            known,
            state,
            settings,
            row,
        })
    }

    /// Count the decisions of a new event, and explain them when asked.
    fn account(
        &mut self,
        decisions: &[Decision],
        names: &HashMap<MemberId, String>,
        gid: GuildId,
    ) -> anyhow::Result<()> {
        for d in decisions {
            match d {
                Decision::Entry(_) => self.summary.entries += 1,
                Decision::Ignored(_) => self.summary.ignored += 1,
            }
            if self.opts.explain {
                writeln!(self.out, "{}", explain_line(d, names, gid))?;
            }
        }
        Ok(())
    }
}

/// One guild's events on their way through [`crate::ingest`].
struct GuildImport {
    state: GuildState,
    settings: Settings,
    /// Messages the ledger holds already: the memory learns them again, as
    /// they come, but nothing of them is written or counted as decided.
    known: HashSet<MessageId>,
    /// Messages new in this import: reactions on them are new too.
    new_ids: HashSet<MessageId>,
    /// The first name seen of each person, for `--explain`.
    names: HashMap<MemberId, String>,
    pending: Pending,
    /// New messages in `pending`.
    pending_msgs: usize,
}

impl GuildImport {
    fn new(start: Start, channels: HashSet<(ChannelId, String)>) -> GuildImport {
        let mut state = start.state;
        state.pin_settings(&start.settings);
        GuildImport {
            state,
            settings: start.settings,
            known: start.known,
            new_ids: HashSet::new(),
            names: HashMap::new(),
            pending: Pending::for_import(channels),
            pending_msgs: 0,
        }
    }

    /// Run one event through its ingest step: its decisions when it is new,
    /// None when the ledger has it already.
    fn event(&mut self, ev: Event<'_>, summary: &mut ImportSummary) -> Option<Vec<Decision>> {
        let (state, s) = (&mut self.state, &self.settings);
        match ev {
            Event::Message(m) => {
                for p in std::iter::once(&m.author).chain(m.mentions.iter()) {
                    self.names
                        .entry(p.id)
                        .or_insert_with(|| p.nickname.clone().unwrap_or_else(|| p.name.clone()));
                }
                if self.known.contains(&m.id) {
                    summary.messages_known += 1;
                    ingest::replay_message(state, s, m);
                    return None;
                }
                summary.messages_new += 1;
                self.new_ids.insert(m.id);
                self.pending_msgs += 1;
                // The importer does not look up replied-to messages in the
                // store: the ones of this import are not written yet.
                Some(ingest::message(state, s, m, None, &mut self.pending))
            }
            Event::Reaction(r) => {
                summary.reactions += 1;
                let target = state.recent(r.channel_id, r.message_id).cloned();
                if !self.new_ids.contains(&r.message_id) {
                    ingest::replay_reaction(state, s, r, target.as_ref());
                    return None;
                }
                Some(ingest::reaction_added(
                    state,
                    s,
                    r,
                    target.as_ref(),
                    &mut self.pending,
                ))
            }
        }
    }
}

/// The write side of an import: one task writing batches in order.
struct Writer {
    tx: Option<tokio::sync::mpsc::Sender<Batch>>,
    /// What the writer did.
    task: Option<tokio::task::JoinHandle<Result<Written, sqlx::Error>>>,
}

impl Writer {
    fn start(
        pipeline: Option<&Pipeline>,
        row: Option<&crate::store::GuildRow>,
        settings: &Settings,
        dry_run: bool,
    ) -> Writer {
        let (Some(p), Some(row), false) = (pipeline, row, dry_run) else {
            return Writer {
                tx: None,
                task: None,
            };
        };
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Batch>(4);
        let store = p.store.clone();
        let row = row.clone();
        let limit = settings.decay.rebase_after_half_lives;
        let task = tokio::spawn(async move {
            let mut done = Written::default();
            while let Some(mut b) = rx.recv().await {
                // Behind the scoring: take what else is queued into this
                // write (one transaction, each member's balance row once).
                let mut batches = 1;
                while let Ok(next) = rx.try_recv() {
                    b.absorb(next);
                    batches += 1;
                }
                tracing::debug!(batches, "import write");
                let t = std::time::Instant::now();
                done.entries += store.write_batch(&row, &b, limit).await?.entries_new;
                done.busy += t.elapsed();
                done.transactions += 1;
            }
            Ok(done)
        });
        Writer {
            tx: Some(tx),
            task: Some(task),
        }
    }

    async fn send(&mut self, batch: Batch) -> anyhow::Result<()> {
        if let Some(tx) = &self.tx {
            if tx.send(batch).await.is_err() {
                // The writer stopped on an error: report that error.
                self.tx = None;
                if let Some(t) = self.task.take() {
                    t.await??;
                }
                anyhow::bail!("the import's writer stopped");
            }
        }
        Ok(())
    }

    async fn finish(mut self) -> anyhow::Result<Written> {
        drop(self.tx.take());
        match self.task.take() {
            Some(t) => Ok(t.await??),
            None => Ok(Written::default()),
        }
    }
}

/// What an import's writer task did.
#[derive(Debug, Default)]
struct Written {
    /// Entries inserted.
    entries: u64,
    /// Time inside its transactions.
    busy: std::time::Duration,
    transactions: u64,
}

//! Importing server history: DiscordChatExporter files → the same pipeline as
//! the live bot, in timestamp order across channels, batched, idempotent.

pub mod export;
pub mod writer;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use crate::capital::message::{GuildId, MemberId, MessageIn, Person, ReactionIn};
use crate::capital::process::{untracked_reason, GuildState};
use crate::capital::score::Decision;
use crate::capital::settings::Settings;
use crate::pipeline::Pipeline;
use crate::store::{Batch, MessageRow};
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
}

/// A guild's name, its events and its channels, as read from the exports.
type GuildEvents = (String, Vec<Event>, HashSet<(u64, String)>);

enum Event {
    Message(MessageIn),
    Reaction(ReactionIn),
}

impl Event {
    fn sort_key(&self) -> (DateTime<Utc>, u64, u8) {
        match self {
            Event::Message(m) => (m.at, m.id, 0),
            Event::Reaction(r) => (r.at, r.message_id, 1),
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
    let idstr = |x: Option<u64>| x.map(|v| v.to_string());
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
    let started = std::time::Instant::now();
    let exports = read_all(files, &mut summary);
    // Group by guild, then merge all channels of a guild in time order.
    let mut by_guild: HashMap<GuildId, GuildEvents> = HashMap::new();
    for e in exports {
        let g = by_guild
            .entry(e.guild_id)
            .or_insert_with(|| (e.guild_name.clone(), vec![], HashSet::new()));
        g.2.insert((e.channel_id, e.channel_name.clone()));
        g.1.extend(e.messages.into_iter().map(Event::Message));
        g.1.extend(e.reactions.into_iter().map(Event::Reaction));
    }
    let mut guild_ids: Vec<GuildId> = by_guild.keys().copied().collect();
    guild_ids.sort();
    summary.timings.read_s = started.elapsed().as_secs_f64();
    let total: u64 = by_guild.values().map(|g| g.1.len() as u64).sum();
    let bar = if opts.progress && total > 0 {
        let b = ProgressBar::new(total);
        b.set_style(
            ProgressStyle::with_template(
                "{spinner} importing [{bar:30}] {pos}/{len} events ({per_sec}, eta {eta}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        b
    } else {
        ProgressBar::hidden()
    };
    let batch_size = if opts.batch_size == 0 {
        10_000
    } else {
        opts.batch_size
    };
    for gid in guild_ids {
        let clock = std::time::Instant::now();
        let (gname, mut events, channels) = by_guild.remove(&gid).expect("guild present");
        events.sort_by_key(|e| e.sort_key());
        summary.timings.read_s += clock.elapsed().as_secs_f64();
        let clock = std::time::Instant::now();
        summary.guilds.push((gid, gname.clone()));
        let first_at = events
            .first()
            .map(|e| e.sort_key().0)
            .unwrap_or_else(Utc::now);
        if let Some(last) = events.last().map(|e| e.sort_key().0) {
            summary.last_at = Some(summary.last_at.map_or(last, |l: DateTime<Utc>| l.max(last)));
        }
        summary.first_at = Some(
            summary
                .first_at
                .map_or(first_at, |f: DateTime<Utc>| f.min(first_at)),
        );
        let message_ids: Vec<u64> = events
            .iter()
            .filter_map(|e| {
                if let Event::Message(m) = e {
                    Some(m.id)
                } else {
                    None
                }
            })
            .collect();
        // Where state comes from: the store (normal runs), or nothing (fresh dry run).
        let (known, mut state, settings, row) = match (pipeline, opts.fresh) {
            (Some(p), false) => {
                let known = p.store.known_messages(gid, &message_ids).await?;
                let row = if opts.dry_run {
                    p.store.guild(gid).await?
                } else {
                    Some(
                        p.store
                            .ensure_guild(
                                gid,
                                &gname,
                                &crate::capital::decay::Scales::from(&base_settings.decay),
                                first_at,
                            )
                            .await?,
                    )
                };
                let settings = match &row {
                    Some(r) => crate::pipeline::settings_for(&p.base, &r.settings)?,
                    None => base_settings.clone(),
                };
                let state = match &row {
                    Some(r) => crate::pipeline::hydrate(&p.store, r, &settings, first_at).await?,
                    None => GuildState::default(),
                };
                p.forget(gid);
                (known, state, settings, row)
            }
            _ => (
                HashSet::new(),
                GuildState::default(),
                base_settings.clone(),
                None,
            ),
        };
        summary.timings.hydrate_s += clock.elapsed().as_secs_f64();
        let clock = std::time::Instant::now();
        let mut waited = std::time::Duration::ZERO;
        state.pin_settings(&settings);
        let mut names: HashMap<MemberId, String> = HashMap::new();
        let mut people = PeopleSeen::default();
        let mut batch = Batch {
            channels: channels.into_iter().collect(),
            expect_new: true,
            ..Default::default()
        };
        let mut pending_msgs = 0usize;
        let mut new_ids: HashSet<u64> = HashSet::new();
        // Writes run in their own task, fed through a short queue, so the next
        // batch is detected and scored while the database writes this one.
        let mut writer = Writer::start(pipeline, row.as_ref(), &settings, opts.dry_run);
        for ev in events {
            bar.inc(1);
            let (decisions, is_new) = match &ev {
                Event::Message(m) => {
                    let is_new = !known.contains(&m.id);
                    for p in std::iter::once(&m.author).chain(m.mentions.iter()) {
                        names.entry(p.id).or_insert_with(|| {
                            p.nickname.clone().unwrap_or_else(|| p.name.clone())
                        });
                    }
                    let processed = state.process_message(m, None, &settings);
                    if is_new {
                        summary.messages_new += 1;
                        new_ids.insert(m.id);
                        if let Some(r) = &processed.remembered {
                            if (untracked_reason(m).is_none() || m.author.is_bot)
                                && !state.memory.opted_out.contains(&m.author.id)
                            {
                                batch
                                    .messages
                                    .push(MessageRow::from_recent(m.channel_id, r));
                            }
                        }
                        for p in std::iter::once(&m.author).chain(m.mentions.iter()) {
                            people.see(p, m.at, &mut batch);
                        }
                        pending_msgs += 1;
                    } else {
                        summary.messages_known += 1;
                    }
                    (processed.decisions, is_new)
                }
                Event::Reaction(r) => {
                    summary.reactions += 1;
                    let is_new = new_ids.contains(&r.message_id);
                    let target = state.recent(r.channel_id, r.message_id).cloned();
                    let decisions = match target {
                        Some(t) => state.process_reaction(r, &t, &settings).decisions,
                        None => vec![],
                    };
                    if is_new {
                        people.see(&r.user, r.at, &mut batch);
                    }
                    (decisions, is_new)
                }
            };
            if !is_new {
                continue;
            }
            for d in &decisions {
                match d {
                    Decision::Entry(e) => {
                        summary.entries += 1;
                        if !opts.dry_run {
                            batch.entries.push(e.clone());
                        }
                    }
                    Decision::Ignored(_) => summary.ignored += 1,
                }
                if opts.explain {
                    writeln!(out, "{}", explain_line(d, &names, gid))?;
                }
            }
            if !opts.dry_run && pending_msgs >= batch_size {
                let w = std::time::Instant::now();
                writer
                    .send(std::mem::replace(
                        &mut batch,
                        Batch {
                            expect_new: true,
                            ..Default::default()
                        },
                    ))
                    .await?;
                waited += w.elapsed();
                pending_msgs = 0;
            }
        }
        let w = std::time::Instant::now();
        if !opts.dry_run {
            writer.send(std::mem::take(&mut batch)).await?;
        }
        let (written, writing) = writer.finish().await?;
        waited += w.elapsed();
        summary.entries_written += written;
        summary.timings.write_s += writing.as_secs_f64();
        summary.timings.wait_s += waited.as_secs_f64();
        summary.timings.score_s += (clock.elapsed() - waited).as_secs_f64();
        bar.set_message("");
    }
    bar.finish_and_clear();
    let t = &summary.timings;
    tracing::debug!(
        read_s = t.read_s,
        hydrate_s = t.hydrate_s,
        score_s = t.score_s,
        write_s = t.write_s,
        wait_s = t.wait_s,
        "import stages"
    );
    Ok(summary)
}

/// Members already queued for writing in this import, as last queued: a
/// member is written when first seen (events come in time order, so that is
/// their first_seen) and again only when their name or nickname changes,
/// instead of once per message (the upserts were a third of the writes).
#[derive(Default)]
struct PeopleSeen(HashMap<MemberId, (String, Option<String>, bool)>);

impl PeopleSeen {
    fn see(&mut self, p: &Person, at: DateTime<Utc>, batch: &mut Batch) {
        // A mention carries no nickname: that is "unknown", not "none"
        // (the upsert keeps the stored one), so it changes nothing here either.
        let known = self.0.get(&p.id);
        let same = known.is_some_and(|(n, nick, bot)| {
            *n == p.name && *bot == p.is_bot && (p.nickname.is_none() || *nick == p.nickname)
        });
        if !same {
            let nickname = p
                .nickname
                .clone()
                .or_else(|| known.and_then(|k| k.1.clone()));
            self.0.insert(p.id, (p.name.clone(), nickname, p.is_bot));
            batch.members.push((p.clone(), at));
        }
    }
}

/// The write side of an import: one task writing batches in order.
struct Writer {
    tx: Option<tokio::sync::mpsc::Sender<Batch>>,
    /// Entries written and the time spent writing.
    task: Option<tokio::task::JoinHandle<Result<(u64, std::time::Duration), sqlx::Error>>>,
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
        let (tx, mut rx) = tokio::sync::mpsc::channel::<Batch>(2);
        let store = p.store.clone();
        let row = row.clone();
        let limit = settings.decay.rebase_after_half_lives;
        let task = tokio::spawn(async move {
            let (mut written, mut busy) = (0, std::time::Duration::ZERO);
            while let Some(b) = rx.recv().await {
                let t = std::time::Instant::now();
                written += store.write_batch(&row, &b, limit).await?.entries_new;
                busy += t.elapsed();
            }
            Ok((written, busy))
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

    async fn finish(mut self) -> anyhow::Result<(u64, std::time::Duration)> {
        drop(self.tx.take());
        match self.task.take() {
            Some(t) => Ok(t.await??),
            None => Ok((0, std::time::Duration::ZERO)),
        }
    }
}

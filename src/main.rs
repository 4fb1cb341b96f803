//! The `goodwill` binary: the bot and the operator's CLI in one.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand};

mod cli;

/// jemalloc, not glibc's malloc: the pure step allocates and frees many small
/// values per event (remembered messages, reason strings, search sets), and
/// under glibc a quarter of the importer's time went to `malloc`/`free`
/// (`_int_malloc`, `unlink_chunk`, `malloc_consolidate`). Measured on the
/// 1 M bench export (`goodwill import --dry-run --fresh`): 21.3 s → 15.7 s,
/// peak RSS 802 → 701 MB; the bot's memory run 46.0 MB (≤ 64 MB target).
/// mimalloc was as fast but doubled the bot's RSS (81 MB).
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use goodwill::app;
use goodwill::import::{self, ImportOptions};
use goodwill::render::text;
use goodwill::service::Goodwill;

#[derive(Parser)]
#[command(
    name = "goodwill",
    version,
    about = "An explainable ledger of social capital for Discord communities"
)]
struct Cli {
    /// PostgreSQL URL; when unset, Goodwill runs its own embedded server.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    database_url: Option<String>,
    /// PostgreSQL URL of a streaming replica of that database: read-only
    /// commands and the web pages read from it (see the README's "Read replica").
    #[arg(
        long,
        env = "DATABASE_REPLICA_URL",
        global = true,
        hide_env_values = true
    )]
    database_replica_url: Option<String>,
    /// Seconds of replay lag beyond which reads go back to the primary.
    #[arg(
        long,
        env = "GOODWILL_REPLICA_MAX_LAG_SECS",
        global = true,
        default_value_t = 10.0
    )]
    replica_max_lag_secs: f64,
    /// Folder of the embedded PostgreSQL (default: /var/lib/goodwill/postgres as root,
    /// else ~/.local/share/goodwill/postgres).
    #[arg(long, env = "GOODWILL_DATA_DIR", global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct ViewArgs {
    /// Guild id or name (optional when the database holds one guild).
    #[arg(long)]
    guild: Option<String>,
    /// View the ledger as of this moment: RFC 3339 (2024-11-30T12:00:00Z) or a date
    /// (the end of that day, UTC). Default: now.
    #[arg(long)]
    at: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Import the bundled sample history and show standings, a report and a balance.
    Demo {
        /// Export files or folders (default: the bundled examples/ubuntu-irc).
        paths: Vec<PathBuf>,
    },
    /// Run the Discord bot (DISCORD_TOKEN from the environment or .env).
    Run {
        /// Shards run by this process, as START..END (END exclusive), e.g. 0..2.
        #[arg(long, requires = "total_shards")]
        shards: Option<String>,
        /// Total number of shards across all processes.
        #[arg(long)]
        total_shards: Option<u32>,
        /// Address for /healthz and /metrics (e.g. 127.0.0.1:9184).
        #[arg(long, env = "GOODWILL_HTTP_ADDR")]
        http: Option<std::net::SocketAddr>,
    },
    /// Serve the web pages, the JSON API and /healthz from the database,
    /// without connecting to Discord (see the README's "The web").
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8080.
        #[arg(long, env = "GOODWILL_HTTP_ADDR", default_value = "127.0.0.1:8080")]
        http: std::net::SocketAddr,
    },
    /// Run the migrations and exit.
    Migrate,
    /// Import DiscordChatExporter JSON exports (files or folders). Idempotent.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write nothing.
        #[arg(long)]
        dry_run: bool,
        /// With --dry-run: print one JSON line per entry and per ignored signal.
        #[arg(long)]
        explain: bool,
        /// With --dry-run: as if into an empty ledger (no database needed).
        #[arg(long)]
        fresh: bool,
        /// No progress bar.
        #[arg(long)]
        quiet: bool,
        /// Messages per write transaction.
        #[arg(long, default_value_t = 10_000)]
        batch_size: usize,
    },
    /// A member's balance, standing, tier, decay warning and headroom.
    Balance {
        /// Member id, mention or name.
        member: String,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Why a member's standing changed: decay and each kind of entry, adding up to the change.
    Why {
        /// Member id, mention or name.
        member: String,
        /// Since when: a date (YYYY-MM-DD) or a number of days back (default 7).
        #[arg(long)]
        since: Option<String>,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// The leaderboard.
    Standings {
        /// Page number (1-based).
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// week or month: what members earned in the current calendar week or
        /// month (the guild's `time.zone`), beside their standing; with
        /// `--at 2026-10` (or `2026-W44`, a date) a past one. all: the standing.
        #[arg(long, default_value = "all")]
        period: String,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// A member's ledger entries, newest first.
    History {
        member: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Givers, takers, matchers, quiet members, members at risk, movers.
    Report {
        /// Window in days (default from settings: 90).
        #[arg(long)]
        window: Option<u32>,
        /// Rows per list.
        #[arg(long, default_value_t = 10)]
        rows: usize,
        /// Also write every member's figures as CSV to this file.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Also write the report image (earned-vs-spent scatter and community
        /// standing over time, side by side: the image /report attaches) as PNG.
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        /// Also write the two charts as separate PNGs into this folder
        /// (scatter.png, trend.png).
        #[arg(long, value_name = "DIR")]
        chart_dir: Option<PathBuf>,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// The decay-warning digest: members about to drop a tier whose crossing
    /// was not announced yet. Prints what would be sent; changes nothing
    /// unless --mark-sent.
    Digest {
        /// Record the printed warnings as sent (as the bot does after posting).
        #[arg(long)]
        mark_sent: bool,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Replay the stored ledger under changed settings and show who would move,
    /// without changing anything. Example: --set scoring.request=5 --set decay.recent_half_life_days=14
    Whatif {
        /// A setting to try, `section.key=value` (repeatable).
        #[arg(long = "set", value_name = "KEY=VALUE", required = true)]
        set: Vec<String>,
        /// Rows to show (members with the biggest moves first; 0 = all).
        #[arg(long, default_value_t = 20)]
        rows: usize,
        #[command(flatten)]
        view: ViewArgs,
    },
    /// Delete everything stored about a member (operators' right-to-be-forgotten).
    Forget {
        member: String,
        #[arg(long)]
        guild: Option<String>,
    },
    /// Delete the data of members who left longer ago than `members.leave_cleanup_days`.
    Cleanup,
    /// Print the effective settings (defaults + GOODWILL_CONFIG + environment).
    Config,
    /// Measure detection against hand labels, through the real import path (dry run, no database).
    Eval {
        /// Folder of exports with thanks-labels.jsonl (default: data/ubuntu-irc of the repository).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Request labels, one {"id", "is_request"} per line (default: tests/data/request-labels.jsonl).
        #[arg(long)]
        requests: Option<PathBuf>,
        /// List every labelled message the credits disagree with.
        #[arg(long)]
        verbose: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Simulate a community with farming patterns beside honest help, import it
    /// through the real pipeline into a scratch database, and print each pattern's
    /// standing against honest helpers with the same number of thanks.
    Simulate {
        /// Days to simulate.
        #[arg(long, default_value_t = 30)]
        days: u32,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Benchmark this machine: import a synthetic community through the real
    /// import path, compare with COPY of the same rows, time /balance and
    /// /standings against a primary-key lookup. Uses a throwaway embedded
    /// server (or a fresh database on DATABASE_URL's server, dropped after).
    Bench {
        /// Members of the synthetic community.
        #[arg(long, default_value_t = 20_000)]
        members: u32,
        /// Messages to generate and import.
        #[arg(long, default_value_t = 100_000)]
        messages: u64,
        /// Seed of the generator (same seed, same community).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Timed calls per query path.
        #[arg(long, default_value_t = 10_000)]
        calls: usize,
        /// Messages per import write transaction (default: the importer's).
        #[arg(long, default_value_t = 0)]
        batch_size: usize,
        /// Also write the figures as JSON to this file.
        #[arg(long)]
        json: Option<PathBuf>,
        /// No progress bars.
        #[arg(long)]
        quiet: bool,
        /// Skip the bot memory run (rss_mb null).
        #[arg(long)]
        skip_rss: bool,
        /// Members of the guild the bot holds in the memory run.
        #[arg(long, default_value_t = 100_000)]
        rss_members: u32,
        /// Gateway events of the memory run.
        #[arg(long, default_value_t = 10_000)]
        rss_events: u32,
        /// Skip the live phase (the live_* keys null).
        #[arg(long)]
        skip_live: bool,
        /// Gateway events of the live phase.
        #[arg(long, default_value_t = 100_000)]
        live_events: u32,
        /// Events per second the live phase offers.
        #[arg(long, default_value_t = 12_000)]
        live_rate: u32,
        /// `/balance` calls during the live phase.
        #[arg(long, default_value_t = 1_000)]
        live_commands: u32,
        /// Bot processes (shard ranges) of the live phase's second run (1: no second run).
        #[arg(long, default_value_t = 2)]
        live_processes: u32,
        /// Events the live phase sends and writes before the measured ones,
        /// then takes the database's statistics, as a server in service has
        /// them (0: measure a database made a second ago, plans for empty tables).
        #[arg(long, default_value_t = 10_000)]
        live_warmup: u32,
        /// The `goodwill` binary the bot runs from (default: this one), to
        /// compare two builds of the bot under the same bench.
        #[arg(long)]
        bot_exe: Option<PathBuf>,
    },
}

fn parse_at(s: Option<&str>) -> anyhow::Result<DateTime<Utc>> {
    let Some(s) = s else { return Ok(Utc::now()) };
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let end = d
            .and_hms_milli_opt(23, 59, 59, 999)
            .context("invalid date")?;
        return Ok(end.and_utc());
    }
    bail!("--at {s:?}: give an RFC 3339 time (2024-11-30T12:00:00Z) or a date (2024-11-30)")
}

/// `START..END` with END exclusive, within `total`.
fn parse_shards(range: &str, total: u32) -> anyhow::Result<(u32, u32, u32)> {
    let (a, b) = range
        .split_once("..")
        .with_context(|| format!("--shards {range:?}: write START..END, e.g. 0..2"))?;
    let (a, b): (u32, u32) = (a.trim().parse()?, b.trim().parse()?);
    if a >= b || b > total || total == 0 {
        bail!("--shards {range} must be a non-empty range within 0..{total} (--total-shards)");
    }
    Ok((a, b, total))
}

/// Resolves on SIGINT or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing writes in flight");
}

fn bundled_examples() -> PathBuf {
    cli::in_repo("examples/ubuntu-irc")
}

fn print_json<T: serde::Serialize>(v: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

async fn run_import(
    gw: Option<&Goodwill>,
    paths: &[PathBuf],
    opts: ImportOptions,
) -> anyhow::Result<import::ImportSummary> {
    let files = import::collect_files(paths)?;
    if files.is_empty() {
        bail!(
            "no .json export files found in {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let tree = app::load_settings_tree()?;
    let settings = goodwill::config::settings_from(&tree)?;
    let mut out = std::io::stdout();
    let summary =
        import::import(gw.map(|g| g.pipeline()), &settings, &files, &opts, &mut out).await?;
    out.flush()?;
    Ok(summary)
}

fn print_summary(s: &import::ImportSummary, dry_run: bool) {
    let mut err = std::io::stderr();
    let verb = if dry_run { "would write" } else { "written" };
    let _ = writeln!(
        err,
        "{} file(s): {} new message(s), {} already known; {} entr{} {verb}{}, {} signal(s) ignored",
        s.files,
        s.messages_new,
        s.messages_known,
        if dry_run {
            s.entries
        } else {
            s.entries_written
        },
        if (if dry_run {
            s.entries
        } else {
            s.entries_written
        }) == 1
        {
            "y"
        } else {
            "ies"
        },
        if !dry_run && s.entries_written < s.entries {
            format!(" ({} already present)", s.entries - s.entries_written)
        } else {
            String::new()
        },
        s.ignored
    );
    if s.messages_new == 0 && s.messages_known > 0 && !dry_run {
        let _ = writeln!(err, "nothing new: this history was already imported");
    }
    for f in &s.failed {
        let _ = writeln!(err, "error: {f}\n  nothing from this file was written; fix it (or re-export it) and import it again");
    }
}

async fn main_inner(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Command::Bench {
        members,
        messages,
        seed,
        calls,
        batch_size,
        json,
        quiet,
        skip_rss,
        rss_members,
        rss_events,
        skip_live,
        live_events,
        live_rate,
        live_commands,
        live_processes,
        live_warmup,
        bot_exe,
    } = &cli.command
    {
        let opts = cli::bench::BenchOptions {
            members: *members,
            messages: *messages,
            seed: *seed,
            calls: *calls,
            batch_size: *batch_size,
            database_url: cli.database_url.clone(),
            progress: !quiet,
            skip_rss: *skip_rss,
            rss: cli::bench::rss::RssOptions {
                members: *rss_members,
                events: *rss_events,
                seed: *seed,
                ..Default::default()
            },
            bot_exe: bot_exe.clone(),
            skip_live: *skip_live,
            live: cli::bench::live::LiveOptions {
                events: *live_events,
                rate: (*live_rate).max(1),
                commands: *live_commands,
                processes: (*live_processes).max(1),
                seed: *seed,
                warmup: *live_warmup,
                ..Default::default()
            },
        };
        let report = cli::bench::run(&opts, app::load_settings_tree()?).await?;
        cli::bench::print_table(&report, &mut std::io::stdout())?;
        if let Some(path) = json {
            cli::bench::write_json(&report, path)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let needs_db = !matches!(
        &cli.command,
        Command::Config
            | Command::Eval { .. }
            | Command::Simulate { .. }
            | Command::Import {
                dry_run: true,
                fresh: true,
                ..
            }
    );
    if !needs_db {
        match cli.command {
            Command::Config => {
                let tree = app::load_settings_tree()?;
                print!(
                    "{}",
                    toml::to_string_pretty(&goodwill::config::settings_from(&tree)?)?
                );
            }
            Command::Import {
                paths,
                explain,
                quiet,
                ..
            } => {
                let opts = ImportOptions {
                    dry_run: true,
                    explain,
                    fresh: true,
                    progress: !quiet && !explain,
                    batch_size: 0,
                };
                let s = run_import(None, &paths, opts).await?;
                print_summary(&s, true);
                return Ok(if s.failed.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(2)
                });
            }
            Command::Eval {
                data,
                requests,
                verbose,
                json,
            } => {
                let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
                let data = data.unwrap_or_else(cli::default_eval_data);
                let requests =
                    requests.unwrap_or_else(|| root.join("tests/data/request-labels.jsonl"));
                let tree = app::load_settings_tree()?;
                let settings = goodwill::config::settings_from(&tree)?;
                let ev = cli::eval::evaluate(
                    &data,
                    requests.exists().then_some(requests.as_path()),
                    &settings,
                )
                .await?;
                if json {
                    print_json(&ev)?;
                } else {
                    print!("{}", cli::eval::render(&ev));
                    if verbose {
                        for e in &ev.errors {
                            println!("  {e}");
                        }
                    }
                }
            }
            Command::Simulate { days, seed, json } => {
                let tree = app::load_settings_tree()?;
                eprintln!("Simulating {days} days (seed {seed}) in a scratch database…");
                let r = cli::simulate::run_isolated(
                    cli.database_url.as_deref(),
                    tree,
                    &cli::simulate::SimOptions { days, seed },
                )
                .await?;
                if json {
                    print_json(&r)?
                } else {
                    print!("{}", r.table())
                }
            }
            _ => unreachable!(),
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !(cli.replica_max_lag_secs.is_finite() && cli.replica_max_lag_secs > 0.0) {
        bail!(
            "--replica-max-lag-secs (GOODWILL_REPLICA_MAX_LAG_SECS) must be a positive number of seconds, e.g. 10"
        );
    }
    let replica = cli
        .database_replica_url
        .clone()
        .map(|url| app::ReplicaOptions {
            url,
            max_lag: std::time::Duration::from_secs_f64(cli.replica_max_lag_secs),
        });
    let (gw, db) = app::open_with_replica(
        cli.database_url.as_deref(),
        replica.as_ref(),
        cli.data_dir.clone(),
    )
    .await?;
    let result = run_command(&gw, cli.command).await;
    db.close().await;
    result
}

async fn run_command(gw: &Goodwill, command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Migrate => {
            eprintln!("migrations applied");
        }
        Command::Run {
            shards,
            total_shards,
            http,
        } => {
            // DISCORD_TOKEN, DISCORD_API_URL, DISCORD_GUILD_ID,
            // GOODWILL_MODERATION_TICK_SECS.
            let mut opts = goodwill::discord::BotOptions::from_env()?;
            opts.shards = match (shards, total_shards) {
                (Some(r), Some(total)) => Some(parse_shards(&r, total)?),
                (None, Some(total)) => Some((0, total, total)),
                _ => None,
            };
            opts.http_addr = http;
            goodwill::discord::run_bot(gw.clone(), opts, shutdown_signal()).await?;
        }
        Command::Serve { http } => {
            let listener = tokio::net::TcpListener::bind(http)
                .await
                .with_context(|| format!("cannot listen on {http}"))?;
            let mut opts = goodwill::web::WebOptions::from_env();
            if std::env::var_os("GOODWILL_PUBLIC_URL").is_none() {
                opts.public_url = format!("http://{}", listener.local_addr()?);
            }
            eprintln!(
                "Serving the web pages on http://{} (Ctrl-C stops)",
                listener.local_addr()?
            );
            let app = goodwill::web::router(gw.clone(), opts);
            goodwill::web::serve(listener, app, shutdown_signal()).await?;
        }
        Command::Demo { paths } => {
            let paths = if paths.is_empty() {
                vec![bundled_examples()]
            } else {
                paths
            };
            eprintln!(
                "Importing {} into the ledger…",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let opts = ImportOptions {
                progress: true,
                ..Default::default()
            };
            let s = run_import(Some(gw), &paths, opts).await?;
            print_summary(&s, false);
            let Some(&(guild, ref name)) = s.guilds.first() else {
                bail!("the sample held no guild")
            };
            let at = s.last_at.unwrap_or_else(Utc::now);
            println!(
                "\n=== {name}: standings as of {} ===",
                at.format("%Y-%m-%d %H:%M UTC")
            );
            let page = gw.standings(guild, 1, at).await?;
            print!("{}", text::standings(&page));
            println!("\n=== Report ===");
            let report = gw.report(guild, 90, at).await?;
            print!("{}", text::report(&report, 5));
            if let Some(top) = page.rows.first() {
                println!("\n=== Balance of the top member ===");
                print!(
                    "{}",
                    text::balance(&gw.balance(guild, top.member_id, at).await?)
                );
                println!("\n=== Their latest entries ===");
                print!(
                    "{}",
                    text::history(&gw.history_at(guild, top.member_id, 8, at).await?)
                );
            }
            println!("\nRun it again: the import writes nothing twice. Explore with `goodwill balance NAME --at {}`, `goodwill history NAME`, `goodwill report --json`.", at.format("%Y-%m-%d"));
            println!(
                "\nSee the sample's pages in a browser: run\n  \
                 GOODWILL__WEB__VISIBILITY=public cargo run --release -- serve --http 127.0.0.1:8080\n\
                 and open http://127.0.0.1:8080/g/{guild}?at={}",
                at.format("%Y-%m-%d")
            );
        }
        Command::Import {
            paths,
            dry_run,
            explain,
            fresh: _,
            quiet,
            batch_size,
        } => {
            let opts = ImportOptions {
                dry_run,
                explain,
                fresh: false,
                progress: !quiet && !explain,
                batch_size,
            };
            let s = run_import(Some(gw), &paths, opts).await?;
            print_summary(&s, dry_run);
            if !s.failed.is_empty() {
                return Ok(ExitCode::from(2));
            }
        }
        Command::Balance { member, view } => {
            let guild = gw.resolve_guild(view.guild.as_deref()).await?;
            let m = gw.resolve_member(guild, &member).await?;
            let b = gw.balance(guild, m, parse_at(view.at.as_deref())?).await?;
            if view.json {
                print_json(&b)?
            } else {
                print!("{}", text::balance(&b))
            }
        }
        Command::Why {
            member,
            since,
            view,
        } => {
            let guild = gw.resolve_guild(view.guild.as_deref()).await?;
            let m = gw.resolve_member(guild, &member).await?;
            let at = parse_at(view.at.as_deref())?;
            let since = goodwill::options::since(since.as_deref(), at)?;
            let w = gw.why(guild, m, since, at).await?;
            if view.json {
                print_json(&w)?
            } else {
                print!("{}", text::why(&w))
            }
        }
        Command::Standings { page, period, view } => {
            let guild = gw.resolve_guild(view.guild.as_deref()).await?;
            let period = goodwill::capital::period::Period::parse(&period)
                .map_err(|e| anyhow::anyhow!("--period: {e}"))?;
            if period != goodwill::capital::period::Period::All {
                let b = gw
                    .period_board(guild, period, view.at.as_deref(), chrono::Utc::now())
                    .await?;
                if view.json {
                    print_json(&b)?
                } else {
                    print!("{}", text::period_board(&b))
                }
                return Ok(ExitCode::SUCCESS);
            }
            let p = gw
                .standings(guild, page, parse_at(view.at.as_deref())?)
                .await?;
            if view.json {
                print_json(&p)?
            } else {
                print!("{}", text::standings(&p))
            }
        }
        Command::History {
            member,
            limit,
            view,
        } => {
            let guild = gw.resolve_guild(view.guild.as_deref()).await?;
            let m = gw.resolve_member(guild, &member).await?;
            let h = gw
                .history_at(guild, m, limit, parse_at(view.at.as_deref())?)
                .await?;
            if view.json {
                print_json(&h)?
            } else {
                print!("{}", text::history(&h))
            }
        }
        Command::Report {
            window,
            rows,
            csv,
            chart,
            chart_dir,
            view,
        } => {
            let guild = gw.resolve_guild(view.guild.as_deref()).await?;
            let window = match window {
                Some(w) => w,
                None => gw.settings(guild).await?.report.window_days,
            };
            let r = gw
                .report(guild, window, parse_at(view.at.as_deref())?)
                .await?;
            if view.json {
                print_json(&r)?
            } else {
                print!("{}", text::report(&r, rows))
            }
            write_report_files(&r, csv, chart, chart_dir)?;
        }
        Command::Digest { mark_sent, view } => {
            let guild = gw.resolve_guild(view.guild.as_deref()).await?;
            let at = parse_at(view.at.as_deref())?;
            let d = if mark_sent {
                gw.take_digest(guild, at).await?
            } else {
                gw.digest_preview(guild, at).await?
            };
            if view.json {
                print_json(&d)?
            } else {
                print!("{}", goodwill::render::moderation::digest(&d))
            }
        }
        Command::Whatif { set, rows, view } => {
            let guild = gw.resolve_guild(view.guild.as_deref()).await?;
            let mut changes = Vec::new();
            for kv in &set {
                let Some((k, v)) = kv.split_once('=') else {
                    bail!("--set takes key=value, got {kv:?}")
                };
                changes.push((k.trim().to_string(), v.trim().to_string()));
            }
            let w = gw
                .whatif(guild, &changes, parse_at(view.at.as_deref())?)
                .await?;
            if view.json {
                print_json(&w)?
            } else {
                print!("{}", goodwill::render::moderation::whatif(&w, rows))
            }
        }
        Command::Cleanup => {
            let gone = gw.cleanup_departed(Utc::now()).await?;
            eprintln!("{} departed member(s) forgotten", gone.len());
        }
        Command::Forget { member, guild } => {
            let guild = gw.resolve_guild(guild.as_deref()).await?;
            let m = gw.resolve_member(guild, &member).await?;
            let n = gw.store().forget_member(guild, m, false).await?;
            eprintln!(
                "forgot member {m}: {n} entr{} deleted, links from others' entries removed",
                if n == 1 { "y" } else { "ies" }
            );
        }
        Command::Config
        | Command::Eval { .. }
        | Command::Simulate { .. }
        | Command::Bench { .. } => {
            unreachable!()
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn write_report_files(
    r: &goodwill::service::ReportView,
    csv: Option<PathBuf>,
    chart: Option<PathBuf>,
    chart_dir: Option<PathBuf>,
) -> anyhow::Result<()> {
    use goodwill::render::{chart as charts, csv as report_csv};
    let write = |path: &std::path::Path, bytes: &[u8]| -> anyhow::Result<()> {
        std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
        Ok(())
    };
    if let Some(p) = csv {
        write(&p, &report_csv::report_csv(r))?;
    }
    if let Some(p) = chart {
        write(&p, &charts::report_png(r).map_err(anyhow::Error::msg)?)?;
    }
    if let Some(dir) = chart_dir {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        write(
            &dir.join("scatter.png"),
            &charts::scatter_png(r).map_err(anyhow::Error::msg)?,
        )?;
        write(
            &dir.join("trend.png"),
            &charts::trend_png(r).map_err(anyhow::Error::msg)?,
        )?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let _ = dotenvy::dotenv();
    app::init_tracing();
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(main_inner(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

//! What `goodwill bench` prints: the table for people, the JSON for tools.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::{BenchReport, Latency};

/// The human table.
pub fn print_table(r: &BenchReport, out: &mut dyn Write) -> std::io::Result<()> {
    let pgv = r
        .postgres
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    writeln!(out, "goodwill bench — {} ({pgv})", r.machine)?;
    writeln!(
        out,
        "community: {} messages, {} reactions, {} members ({} ranked), seed {}, exports {:.0} MB (generated in {:.1} s)",
        r.messages, r.reactions, r.members, r.members_ranked, r.seed, r.export_mb, r.generate_s
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<34} {:>14} {:>14} {:>10}",
        "ingest", "measured", "limit", "ratio"
    )?;
    writeln!(
        out,
        "{:<34} {:>12.2} s {:>12.2} s {:>9.2}x",
        format!("import ({} entries)", r.entries),
        r.import_s,
        r.copy_s,
        r.copy_ratio
    )?;
    writeln!(
        out,
        "{:<34} {:>10.0} msg/s {:>10.0} row/s",
        "throughput",
        r.ingest_msgs_per_s,
        r.copy_rows as f64 / r.copy_s
    )?;
    let st = &r.import_stages;
    writeln!(
        out,
        "  import stages: read {:.2} s, hydrate {:.2} s, detect+score {:.2} s, write {:.2} s in {} transactions (overlaps scoring), waiting for writes {:.2} s",
        st.read_s, st.hydrate_s, st.score_s, st.write_s, st.transactions, st.wait_s
    )?;
    let by_table: Vec<String> = r
        .copy_tables
        .iter()
        .filter(|t| t.rows > 0)
        .map(|t| format!("{} {} rows {:.2} s", t.table, t.rows, t.seconds))
        .collect();
    writeln!(out, "  COPY by table: {}", by_table.join(", "))?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<34} {:>9} {:>9} {:>9} {:>10}",
        format!("queries ({} calls each)", r.calls),
        "p50 ms",
        "p99 ms",
        "mean ms",
        "p99 / pk"
    )?;
    let row = |out: &mut dyn Write, name: &str, l: &Latency| {
        writeln!(
            out,
            "{:<34} {:>9.3} {:>9.3} {:>9.3} {:>9.2}x",
            name,
            l.p50_ms,
            l.p99_ms,
            l.mean_ms,
            l.p99_ms / r.pk.p99_ms
        )
    };
    row(out, "primary-key lookup (baseline)", &r.pk)?;
    row(out, "/balance", &r.balance)?;
    row(out, "/standings page 1", &r.standings_first)?;
    row(
        out,
        &format!("/standings page {} (last)", r.standings_deep_page),
        &r.standings_deep,
    )?;
    row(out, "web page /g/{guild} (HTTP)", &r.web_standings)?;
    row(out, "web page /g/{guild}/m/{member}", &r.web_member)?;
    writeln!(out)?;
    match &r.rss {
        Some(m) => {
            writeln!(
                out,
                "bot peak RSS (VmHWM): {:.1} MB — {}-member guild ({} member chunks), {} gateway events handled in {:.1} s ({} messages, {} ledger entries written)",
                m.peak_mb, m.guild_members, m.member_chunks, m.events, m.events_s, m.messages_written, m.entries_written
            )?;
            writeln!(
                out,
                "  connected {:.1} MB, after the member list {:.1} MB, resident at the end {:.1} MB",
                m.connected_mb, m.members_mb, m.end_mb
            )?;
        }
        None => writeln!(out, "bot peak RSS: not measured (--skip-rss)")?,
    }
    writeln!(out)?;
    for l in [&r.live, &r.live_sharded].into_iter().flatten() {
        writeln!(
            out,
            "live path, {} bot process(es), fsync={} synchronous_commit={}: {} events offered at {}/s, written at {:.0} events/s ({:.1} s; {} transactions, {} entries, {} messages)",
            l.processes, l.fsync, l.synchronous_commit, l.events, l.offered_per_s, l.events_per_s, l.seconds, l.transactions, l.entries_written, l.messages_written
        )?;
        writeln!(
            out,
            "  {}",
            if l.warmup_events > 0 {
                format!("after a warm-up of {} events and ANALYZE (a server in service: its tables have statistics)", l.warmup_events)
            } else {
                "no warm-up (--live-warmup 0): a database made a second ago, its statistics those of empty tables".to_string()
            }
        )?;
        writeln!(
            out,
            "  event -> ledger p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, slowest {:.0} ms, {:.1} % over 250 ms ({} samples); /balance under load p50 {:.1} ms, p99 {:.1} ms ({} calls); bot peak RSS {:.1} MB",
            l.latency.p50_ms, l.latency_p90_ms, l.latency.p99_ms, l.latency_max_ms, l.latency_over_250ms * 100.0, l.latency_samples, l.commands.p50_ms, l.commands.p99_ms, l.command_calls, l.peak_mb
        )?;
        writeln!(
            out,
            "  commits: {} over 100 ms, {} over 250 ms while measured; slowest {:.0} ms (an event is in the ledger once its commit is on disk)",
            l.commits_over_100ms, l.commits_over_250ms, l.commit_max_ms
        )?;
        if let Some(d) = &l.disk {
            writeln!(
                out,
                "  the disk meanwhile, 8 KiB flushed every 50 ms beside the bot: p50 {:.1} ms, p99 {:.1} ms, slowest {:.0} ms, {} of {} flushes over 100 ms",
                d.p50_ms, d.p99_ms, d.max_ms, d.stalls, d.flushes
            )?;
        }
    }
    if r.live.is_none() {
        match &r.live_error {
            Some(e) => writeln!(out, "live path: not measured, the live phase failed: {e}")?,
            None => writeln!(out, "live path: not measured (--skip-live)")?,
        }
    }
    Ok(())
}

/// Write the JSON report.
pub fn write_json(r: &BenchReport, path: &PathBuf) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(r)?;
    std::fs::write(path, text + "\n").with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

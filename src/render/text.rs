//! Terminal tables for the CLI views.

use std::fmt::Write;

use crate::service::{BalanceView, HistoryPage, ReportMember, ReportView, StandingsPage};

/// A plain table: header, rows, columns padded to fit; numbers right-aligned.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
    }
    let numeric: Vec<bool> = (0..headers.len())
        .map(|i| {
            rows.iter().all(|r| {
                r.get(i)
                    .map(|c| {
                        c.is_empty()
                            || c.trim_start_matches(['+', '-', '#'])
                                .replace('.', "")
                                .chars()
                                .all(|ch| ch.is_ascii_digit())
                    })
                    .unwrap_or(true)
            })
        })
        .collect();
    let mut out = String::new();
    let line = |cells: Vec<String>, out: &mut String| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.chars().count());
            if i > 0 {
                s.push_str("  ");
            }
            if numeric[i] && !rows.is_empty() {
                s.push_str(&" ".repeat(pad));
                s.push_str(c);
            } else {
                s.push_str(c);
                s.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(headers.iter().map(|h| h.to_string()).collect(), &mut out);
    line(widths.iter().map(|w| "-".repeat(*w)).collect(), &mut out);
    for r in rows {
        line(r.clone(), &mut out);
    }
    out
}

fn num(x: f64) -> String {
    format!("{x:.2}")
}

fn signed(x: f64) -> String {
    format!("{x:+.2}")
}

pub fn balance(b: &BalanceView) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} ({}) as of {}",
        b.member_name,
        b.member_id,
        b.at.format("%Y-%m-%d %H:%M UTC")
    );
    if b.opted_out {
        let _ = writeln!(s, "  opted out: not tracked");
    }
    let rank = b.rank.map(|r| format!(" (rank #{r})")).unwrap_or_default();
    let _ = writeln!(
        s,
        "  standing   {:>8}   tier {}{}",
        num(b.standing),
        b.tier,
        rank
    );
    let _ = writeln!(s, "  recent     {:>8}   (fast memory)", num(b.recent));
    let _ = writeln!(s, "  lasting    {:>8}   (long memory)", num(b.lasting));
    let _ = writeln!(s, "  trend 7d   {:>8}", signed(b.trend_7d));
    if let (Some(n), Some(at)) = (&b.next_tier, b.next_tier_at) {
        let _ = writeln!(s, "  next tier  {n} at {}", num(at));
    }
    match (&b.decay_date, &b.decay_advice) {
        _ if b.vacation_until.is_some() => {
            let _ = writeln!(
                s,
                "  decay      paused: on vacation until {}",
                b.vacation_until
                    .unwrap_or(b.at)
                    .format("%Y-%m-%d %H:%M UTC")
            );
        }
        (Some(d), Some(a)) => {
            let _ = writeln!(
                s,
                "  decay      falls below {} ({}) on {}; {}",
                b.tier,
                num(b.tier_floor),
                d.format("%Y-%m-%d"),
                a
            );
        }
        _ => {
            let _ = writeln!(s, "  decay      no tier to lose");
        }
    }
    let _ = writeln!(
        s,
        "  headroom   {} ask(s) before going negative",
        b.headroom
    );
    let _ = writeln!(s, "  solutions  {} accepted", b.solutions);
    let _ = writeln!(s, "  entries    {}", b.entries);
    s
}

/// `goodwill why`: the change, then decay and each kind of entry.
pub fn why(v: &crate::service::WhyView) -> String {
    let w = &v.why;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: standing {} -> {} ({}) from {} to {}",
        v.member_name,
        num(w.standing_from),
        num(w.standing_to),
        signed(w.standing_to - w.standing_from),
        w.from.format("%Y-%m-%d %H:%M UTC"),
        w.to.format("%Y-%m-%d %H:%M UTC"),
    );
    let mut rows = vec![vec!["decay".to_string(), String::new(), signed(w.decay)]];
    for m in &w.moved {
        rows.push(vec![
            m.kind.as_str().to_string(),
            m.count.to_string(),
            signed(m.now),
        ]);
    }
    s.push_str(&table(&["what", "entries", "now"], &rows));
    if w.paused_days >= 0.01 {
        let _ = writeln!(
            s,
            "decay paused {:.1} days of this span (vacation)",
            w.paused_days
        );
    }
    if !w.small.is_empty() {
        let _ = writeln!(s, "\nCounted for little");
        for x in &w.small {
            let _ = writeln!(
                s,
                "  {} {} {:+.2} of {:.1}: {}",
                x.at.format("%Y-%m-%d"),
                x.kind.as_str(),
                x.amount,
                x.base,
                x.why
            );
        }
    }
    s
}

pub fn standings(p: &StandingsPage) -> String {
    let rows: Vec<Vec<String>> = p
        .rows
        .iter()
        .map(|r| {
            vec![
                format!("#{}", r.rank),
                r.member_name.clone(),
                num(r.standing),
                num(r.recent),
                num(r.lasting),
                r.tier.clone(),
            ]
        })
        .collect();
    format!(
        "Standings as of {} — page {}/{} ({} members)\n{}",
        p.at.format("%Y-%m-%d %H:%M UTC"),
        p.page,
        p.pages,
        p.total_members,
        table(
            &["rank", "member", "standing", "recent", "lasting", "tier"],
            &rows
        )
    )
}

pub fn history(h: &HistoryPage) -> String {
    let rows: Vec<Vec<String>> = h
        .rows
        .iter()
        .map(|r| {
            vec![
                r.at.format("%Y-%m-%d %H:%M").to_string(),
                r.kind.as_str().to_string(),
                signed(r.amount),
                r.counterpart_name
                    .clone()
                    .or(r.counterpart_id.map(|c| c.to_string()))
                    .unwrap_or_default(),
                r.reason.chars().take(70).collect(),
            ]
        })
        .collect();
    format!(
        "History of {} ({}), newest first\n{}",
        h.member_name,
        h.member_id,
        table(&["when", "kind", "amount", "with", "reason"], &rows)
    )
}

fn members_table(ms: &[ReportMember], n: usize) -> String {
    let rows: Vec<Vec<String>> = ms
        .iter()
        .take(n)
        .map(|m| {
            vec![
                m.member_name.clone(),
                num(m.earned),
                num(m.spent),
                m.deposits.to_string(),
                m.withdrawals.to_string(),
                num(m.standing),
                m.tier.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return "  (none)\n".into();
    }
    table(
        &[
            "member",
            "earned",
            "spent",
            "deposits",
            "withdrawals",
            "standing",
            "tier",
        ],
        &rows,
    )
}

pub fn report(r: &ReportView, n: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Report for the {} days to {} — {} givers, {} takers, {} matchers, {} quiet",
        r.window_days,
        r.at.format("%Y-%m-%d %H:%M UTC"),
        r.givers.len(),
        r.takers.len(),
        r.matchers.len(),
        r.quiet.len()
    );
    for (title, list) in [
        ("Givers", &r.givers),
        ("Takers", &r.takers),
        ("Matchers", &r.matchers),
        ("Quiet", &r.quiet),
    ] {
        let _ = writeln!(s, "\n{title} ({})", list.len());
        s.push_str(&members_table(list, n));
    }
    let _ = writeln!(
        s,
        "\nAt risk of losing a tier within the next days ({})",
        r.at_risk.len()
    );
    if r.at_risk.is_empty() {
        s.push_str("  (none)\n");
    } else {
        let rows: Vec<Vec<String>> = r
            .at_risk
            .iter()
            .take(n)
            .map(|a| {
                vec![
                    a.member_name.clone(),
                    a.tier.clone(),
                    num(a.standing),
                    num(a.tier_floor),
                    a.falls_on.format("%Y-%m-%d").to_string(),
                ]
            })
            .collect();
        s.push_str(&table(
            &["member", "tier", "standing", "floor", "falls on"],
            &rows,
        ));
    }
    let _ = writeln!(s, "\nBiggest risers");
    let rows: Vec<Vec<String>> = r
        .risers
        .iter()
        .map(|m| vec![m.member_name.clone(), signed(m.change), num(m.standing)])
        .collect();
    s.push_str(&if rows.is_empty() {
        "  (none)\n".into()
    } else {
        table(&["member", "change", "standing"], &rows)
    });
    let _ = writeln!(s, "\nBiggest fallers");
    let rows: Vec<Vec<String>> = r
        .fallers
        .iter()
        .map(|m| vec![m.member_name.clone(), signed(m.change), num(m.standing)])
        .collect();
    s.push_str(&if rows.is_empty() {
        "  (none)\n".into()
    } else {
        table(&["member", "change", "standing"], &rows)
    });
    let _ = writeln!(s, "\nTop helpers (helpful replies, accepted solutions)");
    let rows: Vec<Vec<String>> = r
        .top_helpers
        .iter()
        .map(|m| {
            vec![
                m.member_name.clone(),
                m.helpful_replies.to_string(),
                m.solutions.to_string(),
                num(m.earned),
            ]
        })
        .collect();
    s.push_str(&if rows.is_empty() {
        "  (none)\n".into()
    } else {
        table(&["member", "replies", "solutions", "earned"], &rows)
    });
    s
}

/// `goodwill standings --period week|month`.
pub fn period_board(b: &crate::service::boards::PeriodBoard) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {}{} — {} to {} ({})",
        b.period,
        b.label,
        if b.ended { " (ended)" } else { "" },
        b.from.format("%Y-%m-%d %H:%M UTC"),
        b.to.format("%Y-%m-%d %H:%M UTC"),
        b.zone
    );
    let _ = writeln!(
        s,
        "{:>4}  {:<24} {:>9} {:>9}  tier",
        "#", "member", "earned", "standing"
    );
    for r in &b.rows {
        let _ = writeln!(
            s,
            "{:>4}  {:<24} {:>9} {:>9}  {}",
            r.rank,
            r.member_name,
            signed(r.earned),
            num(r.standing),
            r.tier
        );
    }
    if b.rows.is_empty() {
        let _ = writeln!(s, "nobody earned anything in this period");
    }
    s
}

//! Terminal views of the digest and the what-if.

use std::fmt::Write;

use super::text::table;
use crate::i18n::{Lang, Tr};
use crate::service::moderation::{DigestView, DigestWarning, WhatIfView};

pub fn digest(d: &DigestView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Decay-warning digest for guild {} as of {}",
        d.guild_id,
        d.at.format("%Y-%m-%d %H:%M UTC")
    );
    let _ = writeln!(
        out,
        "channel digest: {}; {} crossing(s) already announced, not repeated",
        match (d.channel_id, d.due) {
            (None, _) => "no channel configured (digest.channel_id)".to_string(),
            (Some(c), true) => format!("due now, to channel {c}"),
            (Some(c), false) => format!("not due yet (channel {c})"),
        },
        d.already_announced
    );
    if d.warnings.is_empty() {
        let _ = writeln!(out, "nothing new to announce");
        return out;
    }
    let rows: Vec<Vec<String>> = d
        .warnings
        .iter()
        .map(|w| {
            vec![
                w.member_name.clone(),
                w.tier.clone(),
                format!("{:.2}", w.standing),
                format!("{:.2}", w.tier_floor),
                w.falls_on.format("%Y-%m-%d %H:%M").to_string(),
                if w.dm { "yes" } else { "" }.into(),
                w.advice.clone().unwrap_or_default(),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            "member",
            "leaves tier",
            "standing",
            "floor",
            "falls on (UTC)",
            "DM",
            "what prevents it",
        ],
        &rows,
    ));
    out
}

pub fn whatif(w: &WhatIfView, n: usize) -> String {
    whatif_in(w, n, Tr(Lang::En))
}

/// [`whatif`] in the moderator's language `t` (`/config preview`): the
/// prose and the column headers; keys, values and names as they are.
pub fn whatif_in(w: &WhatIfView, n: usize, t: Tr) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        t.a(
            "whatif-head",
            &[
                ("guild", w.guild_id.to_string().into()),
                ("at", w.at.format("%Y-%m-%d %H:%M UTC").to_string().into()),
            ],
        )
    );
    for c in &w.changes {
        let _ = writeln!(out, "  {c}");
    }
    for note in &w.notes {
        let _ = writeln!(
            out,
            "{}",
            t.a("whatif-note", &[("note", note.render(t).into())])
        );
    }
    let _ = writeln!(
        out,
        "{}",
        t.a(
            "whatif-fidelity",
            &[("fidelity", format!("{:.2e}", w.replay_fidelity).into())],
        )
    );
    let moved: Vec<_> = w
        .members
        .iter()
        .filter(|m| {
            (m.standing_rescored - m.standing_now).abs() > 1e-9
                || (m.standing_applied - m.standing_now).abs() > 1e-9
                || m.tier_now != m.tier_applied
                || m.tier_now != m.tier_rescored
                || m.category_now != m.category_applied
                || m.category_now != m.category_rescored
        })
        .collect();
    let tiers = |a: &str, b: &str| {
        if a == b {
            a.to_string()
        } else {
            format!("{a} → {b}")
        }
    };
    let _ = writeln!(
        out,
        "{}",
        t.a(
            "whatif-moved",
            &[
                ("moved", moved.len().into()),
                ("members", w.members.len().into()),
                ("tiers", w.tier_moves().into()),
            ],
        )
    );
    let shown = if n == 0 {
        moved.len()
    } else {
        n.min(moved.len())
    };
    let rows: Vec<Vec<String>> = moved[..shown]
        .iter()
        .map(|m| {
            vec![
                m.member_name.clone(),
                format!("{:.2}", m.standing_now),
                format!("{:+.2}", m.standing_applied - m.standing_now),
                format!("{:+.2}", m.standing_rescored - m.standing_now),
                tiers(&m.tier_now, &m.tier_rescored),
                tiers(m.category_now.as_str(), m.category_rescored.as_str()),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let head = [
            "whatif-col-member",
            "whatif-col-standing",
            "whatif-col-applied",
            "whatif-col-rescored",
            "whatif-col-tier",
            "whatif-col-category",
        ]
        .map(|id| t.s(id));
        out.push_str(&table(&head.each_ref().map(|h| h.as_str()), &rows));
    }
    out
}

/// The digest as one Discord message for the moderators' channel, in the
/// server's language `t` (Markdown; None when there is nothing new).
/// Mentions are `<@id>`; dates are Discord timestamps, which every reader's
/// client shows in their own language.
pub fn digest_message(d: &DigestView, t: Tr) -> Option<String> {
    if d.warnings.is_empty() {
        return None;
    }
    let mut out = t.a("digest-title", &[("count", d.warnings.len().into())]);
    out.push('\n');
    for w in &d.warnings {
        out.push_str(&t.a(
            "digest-row",
            &[
                ("member", w.member_id.to_string().into()),
                ("tier", w.tier.clone().into()),
                ("date", format!("<t:{}:D>", w.falls_on.timestamp()).into()),
                ("standing", format!("{:.1}", w.standing).into()),
                ("floor", format!("{:.1}", w.tier_floor).into()),
            ],
        ));
        if let Some(thanks) = w.advice_thanks {
            out.push_str(" — ");
            out.push_str(&advice(w, thanks, "digest-advice", t));
        }
        out.push('\n');
    }
    Some(out)
}

/// The direct message for one member who opted in, in the server's language
/// (a DM belongs to no interaction that would name the member's own).
pub fn warning_dm(w: &DigestWarning, t: Tr) -> String {
    let mut out = t.a(
        "warning-dm",
        &[
            ("standing", format!("{:.1}", w.standing).into()),
            ("tier", w.tier.clone().into()),
            ("floor", format!("{:.1}", w.tier_floor).into()),
            ("date", format!("<t:{}:f>", w.falls_on.timestamp()).into()),
        ],
    );
    if let Some(thanks) = w.advice_thanks {
        out.push(' ');
        out.push_str(&advice(w, thanks, "warning-dm-advice", t));
    }
    out
}

/// What would keep the tier: about `thanks` more thanks before the fall.
fn advice(w: &DigestWarning, thanks: f64, id: &str, t: Tr) -> String {
    t.a(
        id,
        &[
            ("tier", w.tier.clone().into()),
            ("thanks", format!("{thanks}").into()),
            ("date", format!("<t:{}:D>", w.falls_on.timestamp()).into()),
        ],
    )
}

//! Service views -> Discord embeds and buttons. Pure: no I/O.

use chrono::{DateTime, Utc};
use serenity::all::{
    ButtonStyle, Colour, CreateActionRow, CreateButton, CreateEmbed, CreateEmbedFooter,
};

use crate::service::{
    BalanceView, HistoryPage, ReportMember, ReportView, StandingsPage, UnsolvedView, WhyView,
};

const GREEN: Colour = Colour(0x2e_b8_72);
const AMBER: Colour = Colour(0xe8_a3_17);
const RED: Colour = Colour(0xd6_45_45);
const BLUE: Colour = Colour(0x3b_82_f6);

/// Prefix of every button id this bot creates.
pub const COMPONENT_PREFIX: &str = "goodwill:";

/// Discord's limit on an embed description.
const DESCRIPTION_MAX: usize = 4096;
/// Discord's limit on an embed field value.
const FIELD_MAX: usize = 1024;

/// `<t:…:D>` renders as a date in each reader's own time zone.
pub fn date(at: DateTime<Utc>) -> String {
    format!("<t:{}:D>", at.timestamp())
}

/// `<t:…:R>` renders as "in 3 days" / "2 hours ago".
pub fn relative(at: DateTime<Utc>) -> String {
    format!("<t:{}:R>", at.timestamp())
}

/// A signed figure: `+1.2`, `-0.5`, `0.0`.
pub fn signed(x: f64) -> String {
    if x > 0.0 && format!("{x:.1}") != "0.0" {
        format!("+{x:.1}")
    } else if x.abs() < 0.05 {
        "0.0".into()
    } else {
        format!("{x:.1}")
    }
}

fn trend_arrow(x: f64) -> &'static str {
    if x >= 0.05 {
        "▲"
    } else if x <= -0.05 {
        "▼"
    } else {
        "■"
    }
}

/// Cut `s` to at most `max` bytes on a char boundary, marking the cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max.saturating_sub(1);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// Neutralise markdown in names shown in embeds.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '~' | '|' | '>' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `/balance`.
pub fn balance(b: &BalanceView) -> CreateEmbed {
    let colour = if b.opted_out {
        BLUE
    } else if b.decay_date.is_some() {
        AMBER
    } else if b.standing < 0.0 {
        RED
    } else {
        GREEN
    };
    let rank = b.rank.map(|r| format!(" · rank #{r}")).unwrap_or_default();
    let mut tier = format!("**{}** (from {:.1})", escape(&b.tier), b.tier_floor);
    if let (Some(next), Some(at)) = (&b.next_tier, b.next_tier_at) {
        tier.push_str(&format!("\nnext: {} at {:.1}", escape(next), at));
    }
    let decay = match (b.decay_date, &b.decay_advice) {
        _ if b.vacation_until.is_some() => {
            let until = b.vacation_until.unwrap_or(b.at);
            format!(
                "🏖️ On vacation until {} ({}): decay is paused, no decay warnings meanwhile.",
                date(until),
                relative(until)
            )
        }
        (Some(d), advice) => {
            let mut s = format!(
                "Falls below {} on {} ({}) without new deposits.",
                escape(&b.tier),
                date(d),
                relative(d)
            );
            if let Some(a) = advice {
                s.push('\n');
                s.push_str(a);
            }
            s
        }
        (None, Some(a)) => a.clone(),
        (None, None) => "No decay warning: standing stays in this tier.".into(),
    };
    let mut e = CreateEmbed::new()
        .title(format!("Balance — {}", escape(&b.member_name)))
        .colour(colour)
        .field("Standing", format!("**{:.1}**{rank}", b.standing), true)
        .field("Tier", tier, true)
        .field(
            "Trend (7 days)",
            format!("{} {}", trend_arrow(b.trend_7d), signed(b.trend_7d)),
            true,
        )
        .field("Recent", format!("{:.1}", b.recent), true)
        .field("Lasting", format!("{:.1}", b.lasting), true)
        .field(
            "Headroom",
            format!(
                "{} ask{} before going negative",
                b.headroom,
                if b.headroom == 1 { "" } else { "s" }
            ),
            true,
        )
        .field(
            "Solutions",
            match b.solutions {
                0 => "none accepted yet".to_string(),
                1 => "**1** answer accepted as the solution".to_string(),
                k => format!("**{k}** answers accepted as the solution"),
            },
            true,
        )
        .field("Decay", truncate(&decay, FIELD_MAX), false)
        .footer(CreateEmbedFooter::new(format!(
            "{} ledger entr{} · /history for details",
            b.entries,
            if b.entries == 1 { "y" } else { "ies" }
        )))
        .timestamp(b.at);
    if b.opted_out {
        e = e.description("Not tracked (opted out). `/optin` to start again.");
    }
    e
}

/// `/standings`: the embed and its Prev / Next buttons.
pub fn standings(p: &StandingsPage) -> (CreateEmbed, Vec<CreateActionRow>) {
    let mut lines = String::new();
    if p.rows.is_empty() {
        lines.push_str("Nobody is on the board yet.");
    }
    for r in &p.rows {
        let line = format!(
            "`#{:>3}` **{}** — {:.1} · {} (recent {:.1}, lasting {:.1})\n",
            r.rank,
            escape(&r.member_name),
            r.standing,
            escape(&r.tier),
            r.recent,
            r.lasting
        );
        if lines.len() + line.len() > DESCRIPTION_MAX {
            break;
        }
        lines.push_str(&line);
    }
    let pages = p.pages.max(1);
    let embed = CreateEmbed::new()
        .title("Standings")
        .colour(BLUE)
        .description(lines)
        .footer(CreateEmbedFooter::new(format!(
            "Page {} of {} · {} members",
            p.page, pages, p.total_members
        )))
        .timestamp(p.at);
    (embed, standings_buttons(p.page, pages))
}

/// A period board (`/standings period:week|month`) or, with `winners`, the
/// end-of-period winners post.
pub fn period_board(b: &crate::service::boards::PeriodBoard, winners: bool) -> CreateEmbed {
    let mut lines = String::new();
    if b.rows.is_empty() {
        lines.push_str("Nobody earned anything in this period.");
    }
    for r in &b.rows {
        let medal = match (winners, r.rank) {
            (true, 1) => "🥇 ",
            (true, 2) => "🥈 ",
            (true, 3) => "🥉 ",
            _ => "",
        };
        let line = format!(
            "`#{:>2}` {medal}**{}** — earned {} · standing {:.1} ({})\n",
            r.rank,
            escape(&r.member_name),
            signed(r.earned),
            r.standing,
            escape(&r.tier)
        );
        if lines.len() + line.len() > DESCRIPTION_MAX {
            break;
        }
        lines.push_str(&line);
    }
    let what = if b.period == "week" { "Week" } else { "Month" };
    let title = if winners {
        format!("🏆 Winners of the {} {}", b.period, b.label)
    } else if b.ended {
        format!("{what} {} (archive)", b.label)
    } else {
        format!("This {} ({})", b.period, b.label)
    };
    CreateEmbed::new()
        .title(title)
        .colour(if winners { AMBER } else { BLUE })
        .description(lines)
        .footer(CreateEmbedFooter::new(format!(
            "{} to {} ({}) · earned in the period, standing now",
            b.from.format("%Y-%m-%d %H:%M UTC"),
            b.to.format("%Y-%m-%d %H:%M UTC"),
            b.zone
        )))
}

/// Button ids carry the page they lead to: `goodwill:standings:<page>`.
pub fn standings_buttons(page: u32, pages: u32) -> Vec<CreateActionRow> {
    let prev = CreateButton::new(format!(
        "{COMPONENT_PREFIX}standings:{}",
        page.saturating_sub(1).max(1)
    ))
    .label("◀ Prev")
    .style(ButtonStyle::Secondary)
    .disabled(page <= 1);
    let next = CreateButton::new(format!("{COMPONENT_PREFIX}standings:{}", page + 1))
        .label("Next ▶")
        .style(ButtonStyle::Secondary)
        .disabled(page >= pages);
    vec![CreateActionRow::Buttons(vec![prev, next])]
}

/// `/history`.
pub fn history(h: &HistoryPage) -> CreateEmbed {
    let mut lines = String::new();
    if h.rows.is_empty() {
        lines.push_str("No ledger entries yet.");
    }
    for r in &h.rows {
        let who = r
            .counterpart_name
            .as_deref()
            .map(|n| format!(" · {}", escape(n)))
            .unwrap_or_default();
        let link = r
            .jump_url
            .as_deref()
            .map(|u| format!(" · [message]({u})"))
            .unwrap_or_default();
        let line = format!(
            "`#{}` {} `{:>6}` **{}**{who} — {}{link}\n",
            r.entry_id,
            date(r.at),
            signed(r.amount),
            if r.kind == crate::capital::signal::EntryKind::Solution {
                "✅ solution"
            } else {
                r.kind.as_str()
            },
            escape(&truncate(&r.reason, 120)),
        );
        if lines.len() + line.len() > DESCRIPTION_MAX {
            break;
        }
        lines.push_str(&line);
    }
    CreateEmbed::new()
        .title(format!("History — {}", escape(&h.member_name)))
        .colour(BLUE)
        .description(lines)
        .footer(CreateEmbedFooter::new(format!(
            "latest {} entries",
            h.rows.len()
        )))
}

/// `/why`: the change in standing, then decay and each kind of entry, in
/// plain words, adding up to the change; credits that counted for little say
/// why.
pub fn why(v: &WhyView) -> CreateEmbed {
    let w = &v.why;
    let change = w.standing_to - w.standing_from;
    let mut lines = format!(
        "**{:.1} → {:.1}** ({}) since {}\n\n",
        w.standing_from,
        w.standing_to,
        signed(change),
        date(w.from)
    );
    if w.decay.abs() >= 0.005 {
        let what = if w.decay < 0.0 {
            "decay (capital fades when nothing new comes in)"
        } else {
            "decay (a debt fades too)"
        };
        lines.push_str(&format!("`{:>7}` {what}\n", signed(w.decay)));
    }
    if w.paused_days >= 0.01 {
        lines.push_str(&format!(
            "🏖️ decay paused {:.1} days of this span (vacation)\n",
            w.paused_days
        ));
    }
    for m in &w.moved {
        let line = format!(
            "`{:>7}` {} × {}{}\n",
            signed(m.now),
            m.count,
            kind_words(m.kind),
            if (m.now - m.written).abs() >= 0.05 {
                format!(" (written {}, decayed since)", signed(m.written))
            } else {
                String::new()
            }
        );
        if lines.len() + line.len() > DESCRIPTION_MAX - 100 {
            lines.push_str("… (more kinds: see /history)\n");
            break;
        }
        lines.push_str(&line);
    }
    if w.moved.is_empty() && w.decay.abs() < 0.005 {
        lines.push_str("Nothing changed: no entries and no decay in this span.\n");
    }
    let mut e = CreateEmbed::new()
        .title(format!("Why — {}", escape(&v.member_name)))
        .colour(if change < 0.0 { AMBER } else { GREEN })
        .description(lines);
    if !w.small.is_empty() {
        let mut s = String::new();
        for x in &w.small {
            let line = format!(
                "{} {} {:+.2} of {:.1}: {}\n",
                date(x.at),
                kind_words(x.kind),
                x.amount,
                x.base,
                escape(&truncate(&x.why, 160))
            );
            if s.len() + line.len() > FIELD_MAX {
                break;
            }
            s.push_str(&line);
        }
        e = e.field("Counted for little", s, false);
    }
    e.footer(CreateEmbedFooter::new(
        "Each entry is valued as of now (after its own decay); the lines add up to the change.",
    ))
}

/// A kind of entry in plain words, for sentences.
fn kind_words(k: crate::capital::signal::EntryKind) -> &'static str {
    use crate::capital::signal::EntryKind as K;
    match k {
        K::Thanks => "thanks received",
        K::ThankReaction => "thank reactions",
        K::HelpfulReply => "help given",
        K::SharedContent => "useful shares",
        K::Kudos => "kudos",
        K::Request => "questions answered (asking costs)",
        K::SelfPromotion => "self-promotion",
        K::Broadcast => "broadcast pings",
        K::Reciprocity => "mutual-help bonus",
        K::Reversal => "reversals (deleted or edited messages, removed reactions, moved solutions)",
        K::Adjustment => "moderator adjustments",
        K::Solution => "accepted solutions",
    }
}

/// `/review list`: open appeals, oldest first, each with the entry contested.
pub fn appeals(rows: &[crate::store::appeals::AppealRow]) -> CreateEmbed {
    let mut lines = String::new();
    if rows.is_empty() {
        lines.push_str("No open appeals.");
    }
    for a in rows {
        let line = format!(
            "**#{}** by <@{}>, {} — entry #{} `{}` {} ({}): {}\n> {}\n",
            a.appeal_id,
            a.member_id,
            relative(a.filed_at),
            a.entry_id,
            signed(a.entry_amount),
            a.entry_kind.as_str(),
            date(a.entry_at),
            escape(&truncate(&a.entry_reason, 140)),
            escape(&truncate(&a.reason, 200)),
        );
        if lines.len() + line.len() > DESCRIPTION_MAX - 100 {
            lines.push_str("… more: decide these first");
            break;
        }
        lines.push_str(&line);
    }
    CreateEmbed::new()
        .title("Appeals to review")
        .colour(AMBER)
        .description(lines)
        .footer(CreateEmbedFooter::new(
            "/review accept appeal:N [note] reverses the entry · /review reject appeal:N note",
        ))
}

/// `/unsolved`: open questions with no solution, oldest first, each with a
/// jump link, who asked, when, and whether anyone has answered.
pub fn unsolved(v: &UnsolvedView, channel: Option<&str>) -> CreateEmbed {
    let mut lines = String::new();
    if v.rows.is_empty() {
        lines.push_str("Nothing open: every question asked here in the last ");
        lines.push_str(&format!(
            "{} days has an answer marked or a thanks. 🎉",
            v.days
        ));
    }
    for r in &v.rows {
        let link = if r.thread {
            format!(
                "https://discord.com/channels/{}/{}",
                v.guild_id, r.channel_id
            )
        } else {
            format!(
                "https://discord.com/channels/{}/{}/{}",
                v.guild_id, r.channel_id, r.ask_message_id
            )
        };
        let answers = match r.responders {
            0 => "no answer yet".to_string(),
            1 => "1 member answered".to_string(),
            k => format!("{k} members answered"),
        };
        let place = if r.channel_name.is_empty() {
            String::new()
        } else {
            format!(" in #{}", escape(&r.channel_name))
        };
        let line = format!(
            "• [{}'s question]({link}){place} · asked {} · {answers}\n",
            escape(&r.opener_name),
            relative(r.opened_at),
        );
        if lines.len() + line.len() > DESCRIPTION_MAX - 200 {
            break;
        }
        lines.push_str(&line);
    }
    if v.total > v.rows.len() as u64 {
        lines.push_str(&format!(
            "… and {} more (oldest shown first)\n",
            v.total - v.rows.len() as u64
        ));
    }
    let title = match channel {
        Some(c) => format!("Unsolved in #{}", escape(c)),
        None => "Unsolved questions".to_string(),
    };
    CreateEmbed::new()
        .title(title)
        .colour(AMBER)
        .description(lines)
        .footer(CreateEmbedFooter::new(format!(
            "{} open · asked in the last {} days · the asker marks the answer that solved it: \
             right-click it → Apps → Mark as solution",
            v.total, v.days
        )))
}

fn member_list(ms: &[ReportMember], n: usize) -> String {
    if ms.is_empty() {
        return "—".into();
    }
    let mut s = String::new();
    for m in ms.iter().take(n) {
        let solved = match m.solutions {
            0 => String::new(),
            1 => " · 1 solution".to_string(),
            k => format!(" · {k} solutions"),
        };
        let line = format!(
            "**{}** +{:.1} / -{:.1} ({}){solved}\n",
            escape(&m.member_name),
            m.earned,
            m.spent,
            escape(&m.tier)
        );
        if s.len() + line.len() > FIELD_MAX - 20 {
            break;
        }
        s.push_str(&line);
    }
    if ms.len() > n {
        s.push_str(&format!("… and {} more", ms.len() - n));
    }
    s
}

fn movers(ms: &[ReportMember], n: usize) -> String {
    if ms.is_empty() {
        return "—".into();
    }
    ms.iter()
        .take(n)
        .map(|m| format!("**{}** {}\n", escape(&m.member_name), signed(m.change)))
        .collect()
}

/// `/report`.
pub fn report(r: &ReportView) -> CreateEmbed {
    let at_risk = if r.at_risk.is_empty() {
        "—".to_string()
    } else {
        let mut s = String::new();
        for a in r.at_risk.iter().take(10) {
            s.push_str(&format!(
                "**{}** {} {:.1} → below {:.1} {}\n",
                escape(&a.member_name),
                escape(&a.tier),
                a.standing,
                a.tier_floor,
                relative(a.falls_on)
            ));
        }
        truncate(&s, FIELD_MAX)
    };
    CreateEmbed::new()
        .title(format!("Community report — last {} days", r.window_days))
        .colour(BLUE)
        .description(format!(
            "{} active members: {} givers, {} takers, {} matchers, {} quiet.",
            r.members.len(),
            r.givers.len(),
            r.takers.len(),
            r.matchers.len(),
            r.quiet.len()
        ))
        .field(
            format!("Givers ({})", r.givers.len()),
            member_list(&r.givers, 8),
            true,
        )
        .field(
            format!("Takers ({})", r.takers.len()),
            member_list(&r.takers, 8),
            true,
        )
        .field(
            format!("Matchers ({})", r.matchers.len()),
            member_list(&r.matchers, 5),
            false,
        )
        .field(
            format!("Quiet ({})", r.quiet.len()),
            member_list(&r.quiet, 5),
            false,
        )
        .field(
            format!("At risk of decay ({})", r.at_risk.len()),
            at_risk,
            false,
        )
        .field("Risers", movers(&r.risers, 5), true)
        .field("Fallers", movers(&r.fallers, 5), true)
        .field("Top helpers", member_list(&r.top_helpers, 5), false)
        .footer(CreateEmbedFooter::new("Full table in report.csv"))
        .timestamp(r.at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_figures() {
        assert_eq!(signed(1.234), "+1.2");
        assert_eq!(signed(-0.5), "-0.5");
        assert_eq!(signed(0.01), "0.0");
        assert_eq!(signed(-0.01), "0.0");
    }

    #[test]
    fn truncate_respects_char_boundaries() {
        assert_eq!(truncate("héllo", 3), "h…");
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn escape_markdown() {
        assert_eq!(escape("a_b*c"), "a\\_b\\*c");
    }

    #[test]
    fn buttons_disable_at_the_ends() {
        let rows = standings_buttons(1, 1);
        let json = serde_json::to_value(&rows).unwrap();
        assert_eq!(json[0]["components"][0]["disabled"], true);
        assert_eq!(json[0]["components"][1]["disabled"], true);
        let json = serde_json::to_value(standings_buttons(2, 3)).unwrap();
        assert_eq!(
            json[0]["components"][0]["custom_id"],
            "goodwill:standings:1"
        );
        assert_eq!(
            json[0]["components"][1]["custom_id"],
            "goodwill:standings:3"
        );
        assert_eq!(json[0]["components"][1]["disabled"], false);
    }
}

//! Service views -> Discord embeds and buttons. Pure: no I/O.

use chrono::{DateTime, Utc};
use serenity::all::{
    ButtonStyle, Colour, CreateActionRow, CreateButton, CreateEmbed, CreateEmbedFooter,
};

use crate::capital::reason;
use crate::i18n::Tr;
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

/// `/balance`, in the reader's language.
pub fn balance(b: &BalanceView, t: Tr) -> CreateEmbed {
    let colour = if b.opted_out {
        BLUE
    } else if b.decay_date.is_some() {
        AMBER
    } else if b.standing < 0.0 {
        RED
    } else {
        GREEN
    };
    let rank = b
        .rank
        .map(|r| {
            format!(
                " · {}",
                t.a("balance-rank", &[("rank", r.to_string().into())])
            )
        })
        .unwrap_or_default();
    let mut tier = t.a(
        "balance-tier",
        &[
            ("tier", escape(&b.tier).into()),
            ("floor", format!("{:.1}", b.tier_floor).into()),
        ],
    );
    if let (Some(next), Some(at)) = (&b.next_tier, b.next_tier_at) {
        tier.push('\n');
        tier.push_str(&t.a(
            "balance-next-tier",
            &[
                ("tier", escape(next).into()),
                ("at", format!("{at:.1}").into()),
            ],
        ));
    }
    let advice = match (b.decay_date, b.decay_thanks) {
        (Some(d), Some(n)) => Some(t.a(
            "balance-advice",
            &[
                ("tier", escape(&b.tier).into()),
                ("thanks", format!("{n}").into()),
                ("date", d.format("%Y-%m-%d").to_string().into()),
            ],
        )),
        _ => b.decay_advice.clone(),
    };
    let decay = match (b.decay_date, advice) {
        _ if b.vacation_until.is_some() => {
            let until = b.vacation_until.unwrap_or(b.at);
            t.a(
                "balance-vacation",
                &[
                    ("date", date(until).into()),
                    ("relative", relative(until).into()),
                ],
            )
        }
        (Some(d), advice) => {
            let mut s = t.a(
                "balance-falls-below",
                &[
                    ("tier", escape(&b.tier).into()),
                    ("date", date(d).into()),
                    ("relative", relative(d).into()),
                ],
            );
            if let Some(a) = advice {
                s.push('\n');
                s.push_str(&a);
            }
            s
        }
        (None, Some(a)) => a,
        (None, None) => t.s("balance-no-decay"),
    };
    let mut e = CreateEmbed::new()
        .title(t.a("balance-title", &[("name", escape(&b.member_name).into())]))
        .colour(colour)
        .field(
            t.s("balance-field-standing"),
            format!("**{:.1}**{rank}", b.standing),
            true,
        )
        .field(t.s("balance-field-tier"), tier, true)
        .field(
            t.s("balance-field-trend"),
            format!("{} {}", trend_arrow(b.trend_7d), signed(b.trend_7d)),
            true,
        )
        .field(
            t.s("balance-field-recent"),
            format!("{:.1}", b.recent),
            true,
        )
        .field(
            t.s("balance-field-lasting"),
            format!("{:.1}", b.lasting),
            true,
        )
        .field(
            t.s("balance-field-headroom"),
            t.a("balance-headroom", &[("count", b.headroom.into())]),
            true,
        )
        .field(
            t.s("balance-field-solutions"),
            t.a("balance-solutions", &[("count", b.solutions.into())]),
            true,
        )
        .field(
            t.s("balance-field-decay"),
            truncate(&decay, FIELD_MAX),
            false,
        )
        .footer(CreateEmbedFooter::new(
            t.a("balance-footer", &[("count", b.entries.into())]),
        ))
        .timestamp(b.at);
    if b.opted_out {
        e = e.description(t.s("balance-opted-out"));
    }
    e
}

/// `/standings`: the embed and its Prev / Next buttons.
pub fn standings(p: &StandingsPage, t: Tr) -> (CreateEmbed, Vec<CreateActionRow>) {
    let mut lines = String::new();
    if p.rows.is_empty() {
        lines.push_str(&t.s("standings-empty"));
    }
    for r in &p.rows {
        let line = t.a(
            "standings-row",
            &[
                ("rank", format!("{:>3}", r.rank).into()),
                ("name", escape(&r.member_name).into()),
                ("standing", format!("{:.1}", r.standing).into()),
                ("tier", escape(&r.tier).into()),
                ("recent", format!("{:.1}", r.recent).into()),
                ("lasting", format!("{:.1}", r.lasting).into()),
            ],
        ) + "\n";
        if lines.len() + line.len() > DESCRIPTION_MAX {
            break;
        }
        lines.push_str(&line);
    }
    let pages = p.pages.max(1);
    let embed = CreateEmbed::new()
        .title(t.s("standings-title"))
        .colour(BLUE)
        .description(lines)
        .footer(CreateEmbedFooter::new(t.a(
            "standings-footer",
            &[
                ("page", p.page.to_string().into()),
                ("pages", pages.to_string().into()),
                ("members", p.total_members.to_string().into()),
            ],
        )))
        .timestamp(p.at);
    (embed, standings_buttons(p.page, pages, t))
}

/// A period board (`/standings period:week|month`) or, with `winners`, the
/// end-of-period winners post.
pub fn period_board(b: &crate::service::boards::PeriodBoard, winners: bool, t: Tr) -> CreateEmbed {
    let mut lines = String::new();
    if b.rows.is_empty() {
        lines.push_str(&t.s("board-empty"));
    }
    for r in &b.rows {
        let medal = match (winners, r.rank) {
            (true, 1) => "🥇 ",
            (true, 2) => "🥈 ",
            (true, 3) => "🥉 ",
            _ => "",
        };
        let line = t.a(
            "board-row",
            &[
                ("rank", format!("{:>2}", r.rank).into()),
                ("medal", medal.into()),
                ("name", escape(&r.member_name).into()),
                ("earned", signed(r.earned).into()),
                ("standing", format!("{:.1}", r.standing).into()),
                ("tier", escape(&r.tier).into()),
            ],
        ) + "\n";
        if lines.len() + line.len() > DESCRIPTION_MAX {
            break;
        }
        lines.push_str(&line);
    }
    let args = [
        ("period", b.period.clone().into()),
        ("label", b.label.clone().into()),
    ];
    let title = if winners {
        t.a("board-title-winners", &args)
    } else if b.ended {
        t.a("board-title-archive", &args)
    } else {
        t.a("board-title-current", &args)
    };
    CreateEmbed::new()
        .title(title)
        .colour(if winners { AMBER } else { BLUE })
        .description(lines)
        .footer(CreateEmbedFooter::new(t.a(
            "board-footer",
            &[
                (
                    "from",
                    b.from.format("%Y-%m-%d %H:%M UTC").to_string().into(),
                ),
                ("to", b.to.format("%Y-%m-%d %H:%M UTC").to_string().into()),
                ("zone", b.zone.to_string().into()),
            ],
        )))
}

/// Button ids carry the page they lead to: `goodwill:standings:<page>`.
pub fn standings_buttons(page: u32, pages: u32, t: Tr) -> Vec<CreateActionRow> {
    let prev = CreateButton::new(format!(
        "{COMPONENT_PREFIX}standings:{}",
        page.saturating_sub(1).max(1)
    ))
    .label(t.s("standings-prev"))
    .style(ButtonStyle::Secondary)
    .disabled(page <= 1);
    let next = CreateButton::new(format!("{COMPONENT_PREFIX}standings:{}", page + 1))
        .label(t.s("standings-next"))
        .style(ButtonStyle::Secondary)
        .disabled(page >= pages);
    vec![CreateActionRow::Buttons(vec![prev, next])]
}

/// `/history`.
pub fn history(h: &HistoryPage, t: Tr) -> CreateEmbed {
    let mut lines = String::new();
    if h.rows.is_empty() {
        lines.push_str(&t.s("history-empty"));
    }
    let message = t.s("history-message");
    let solution = t.s("history-solution");
    for r in &h.rows {
        let who = r
            .counterpart_name
            .as_deref()
            .map(|n| format!(" · {}", escape(n)))
            .unwrap_or_default();
        let link = r
            .jump_url
            .as_deref()
            .map(|u| format!(" · [{message}]({u})"))
            .unwrap_or_default();
        let line = format!(
            "`#{}` {} `{:>6}` **{}**{who} — {}{link}\n",
            r.entry_id,
            date(r.at),
            signed(r.amount),
            if r.kind == crate::capital::signal::EntryKind::Solution {
                solution.as_str()
            } else {
                r.kind.as_str()
            },
            escape(&truncate(&reason::render(t.0, &r.reason), 120)),
        );
        if lines.len() + line.len() > DESCRIPTION_MAX {
            break;
        }
        lines.push_str(&line);
    }
    CreateEmbed::new()
        .title(t.a("history-title", &[("name", escape(&h.member_name).into())]))
        .colour(BLUE)
        .description(lines)
        .footer(CreateEmbedFooter::new(
            t.a("history-footer", &[("count", h.rows.len().into())]),
        ))
}

/// `/why`: the change in standing, then decay and each kind of entry, in
/// plain words, adding up to the change; credits that counted for little say
/// why.
pub fn why(v: &WhyView, t: Tr) -> CreateEmbed {
    let w = &v.why;
    let change = w.standing_to - w.standing_from;
    let mut lines = t.a(
        "why-head",
        &[
            ("from", format!("{:.1}", w.standing_from).into()),
            ("to", format!("{:.1}", w.standing_to).into()),
            ("change", signed(change).into()),
            ("since", date(w.from).into()),
        ],
    ) + "\n\n";
    if w.decay.abs() >= 0.005 {
        let what = if w.decay < 0.0 {
            t.s("why-decay-loss")
        } else {
            t.s("why-decay-debt")
        };
        lines.push_str(&format!("`{:>7}` {what}\n", signed(w.decay)));
    }
    if w.paused_days >= 0.01 {
        lines.push_str(&t.a(
            "why-paused",
            &[("days", format!("{:.1}", w.paused_days).into())],
        ));
        lines.push('\n');
    }
    for m in &w.moved {
        let line = format!(
            "`{:>7}` {} × {}{}\n",
            signed(m.now),
            m.count,
            kind_words(m.kind, t),
            if (m.now - m.written).abs() >= 0.05 {
                format!(
                    " {}",
                    t.a("why-written", &[("amount", signed(m.written).into())])
                )
            } else {
                String::new()
            }
        );
        if lines.len() + line.len() > DESCRIPTION_MAX - 100 {
            lines.push_str(&t.s("why-more"));
            lines.push('\n');
            break;
        }
        lines.push_str(&line);
    }
    if w.moved.is_empty() && w.decay.abs() < 0.005 {
        lines.push_str(&t.s("why-nothing"));
        lines.push('\n');
    }
    let mut e = CreateEmbed::new()
        .title(t.a("why-title", &[("name", escape(&v.member_name).into())]))
        .colour(if change < 0.0 { AMBER } else { GREEN })
        .description(lines);
    if !w.small.is_empty() {
        let mut s = String::new();
        for x in &w.small {
            let line = t.a(
                "why-small-row",
                &[
                    ("date", date(x.at).into()),
                    ("kind", kind_words(x.kind, t).into()),
                    ("amount", format!("{:+.2}", x.amount).into()),
                    ("base", format!("{:.1}", x.base).into()),
                    (
                        "why",
                        escape(&truncate(&reason::render_steps(t.0, &x.why), 160)).into(),
                    ),
                ],
            ) + "\n";
            if s.len() + line.len() > FIELD_MAX {
                break;
            }
            s.push_str(&line);
        }
        e = e.field(t.s("why-small"), s, false);
    }
    e.footer(CreateEmbedFooter::new(t.s("why-footer")))
}

/// A kind of entry in plain words, for sentences.
fn kind_words(k: crate::capital::signal::EntryKind, t: Tr) -> String {
    use crate::capital::signal::EntryKind as K;
    t.s(match k {
        K::Thanks => "kind-thanks",
        K::ThankReaction => "kind-thank-reaction",
        K::HelpfulReply => "kind-helpful-reply",
        K::SharedContent => "kind-shared-content",
        K::Kudos => "kind-kudos",
        K::Request => "kind-request",
        K::SelfPromotion => "kind-self-promotion",
        K::Broadcast => "kind-broadcast",
        K::Reciprocity => "kind-reciprocity",
        K::Reversal => "kind-reversal",
        K::Adjustment => "kind-adjustment",
        K::Solution => "kind-solution",
    })
}

/// `/review list`: open appeals, oldest first, each with the entry contested;
/// in the moderator's language `t`.
pub fn appeals(rows: &[crate::store::appeals::AppealRow], t: Tr) -> CreateEmbed {
    let mut lines = String::new();
    if rows.is_empty() {
        lines.push_str(&t.s("review-none"));
    }
    for a in rows {
        let line = t.a(
            "review-row",
            &[
                ("appeal", a.appeal_id.to_string().into()),
                ("member", a.member_id.to_string().into()),
                ("filed", relative(a.filed_at).into()),
                ("entry", a.entry_id.to_string().into()),
                ("amount", signed(a.entry_amount).into()),
                ("kind", kind_words(a.entry_kind, t).into()),
                ("date", date(a.entry_at).into()),
                (
                    "why",
                    escape(&truncate(&reason::render(t.0, &a.entry_reason), 140)).into(),
                ),
                ("reason", escape(&truncate(&a.reason, 200)).into()),
            ],
        ) + "\n";
        if lines.len() + line.len() > DESCRIPTION_MAX - 100 {
            lines.push_str(&t.s("review-more"));
            break;
        }
        lines.push_str(&line);
    }
    CreateEmbed::new()
        .title(t.s("review-title"))
        .colour(AMBER)
        .description(lines)
        .footer(CreateEmbedFooter::new(t.s("review-footer")))
}

/// `/unsolved`: open questions with no solution, oldest first, each with a
/// jump link, who asked, when, and whether anyone has answered.
pub fn unsolved(v: &UnsolvedView, channel: Option<&str>, t: Tr) -> CreateEmbed {
    let mut lines = String::new();
    if v.rows.is_empty() {
        lines.push_str(&t.a("unsolved-none", &[("days", v.days.to_string().into())]));
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
        let answers = t.a("unsolved-answers", &[("count", r.responders.into())]);
        let place = if r.channel_name.is_empty() {
            String::new()
        } else {
            t.a(
                "unsolved-place",
                &[("channel", escape(&r.channel_name).into())],
            )
        };
        let line = t.a(
            "unsolved-row",
            &[
                ("name", escape(&r.opener_name).into()),
                ("link", link.into()),
                ("place", place.into()),
                ("when", relative(r.opened_at).into()),
                ("answers", answers.into()),
            ],
        ) + "\n";
        if lines.len() + line.len() > DESCRIPTION_MAX - 200 {
            break;
        }
        lines.push_str(&line);
    }
    if v.total > v.rows.len() as u64 {
        lines.push_str(&t.a(
            "unsolved-more",
            &[("count", (v.total - v.rows.len() as u64).to_string().into())],
        ));
        lines.push('\n');
    }
    let title = match channel {
        Some(c) => t.a("unsolved-title-in", &[("channel", escape(c).into())]),
        None => t.s("unsolved-title"),
    };
    CreateEmbed::new()
        .title(title)
        .colour(AMBER)
        .description(lines)
        .footer(CreateEmbedFooter::new(t.a(
            "unsolved-footer",
            &[
                ("open", v.total.to_string().into()),
                ("days", v.days.to_string().into()),
            ],
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

/// `/report`, in the moderator's language `t` (the attached CSV and chart
/// keep their English column names: they are read by tools).
pub fn report(r: &ReportView, t: Tr) -> CreateEmbed {
    let at_risk = if r.at_risk.is_empty() {
        "—".to_string()
    } else {
        let mut s = String::new();
        for a in r.at_risk.iter().take(10) {
            s.push_str(&t.a(
                "report-at-risk-row",
                &[
                    ("name", escape(&a.member_name).into()),
                    ("tier", escape(&a.tier).into()),
                    ("standing", format!("{:.1}", a.standing).into()),
                    ("floor", format!("{:.1}", a.tier_floor).into()),
                    ("when", relative(a.falls_on).into()),
                ],
            ));
            s.push('\n');
        }
        truncate(&s, FIELD_MAX)
    };
    let count = |id: &str, n: usize| t.a(id, &[("count", n.into())]);
    CreateEmbed::new()
        .title(t.a("report-title", &[("days", r.window_days.into())]))
        .colour(BLUE)
        .description(t.a(
            "report-summary",
            &[
                ("members", r.members.len().into()),
                ("givers", r.givers.len().into()),
                ("takers", r.takers.len().into()),
                ("matchers", r.matchers.len().into()),
                ("quiet", r.quiet.len().into()),
            ],
        ))
        .field(
            count("report-givers", r.givers.len()),
            member_list(&r.givers, 8),
            true,
        )
        .field(
            count("report-takers", r.takers.len()),
            member_list(&r.takers, 8),
            true,
        )
        .field(
            count("report-matchers", r.matchers.len()),
            member_list(&r.matchers, 5),
            false,
        )
        .field(
            count("report-quiet", r.quiet.len()),
            member_list(&r.quiet, 5),
            false,
        )
        .field(count("report-at-risk", r.at_risk.len()), at_risk, false)
        .field(t.s("report-risers"), movers(&r.risers, 5), true)
        .field(t.s("report-fallers"), movers(&r.fallers, 5), true)
        .field(
            t.s("report-top-helpers"),
            member_list(&r.top_helpers, 5),
            false,
        )
        .footer(CreateEmbedFooter::new(t.s("report-footer")))
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
        let rows = standings_buttons(1, 1, Tr(crate::i18n::Lang::En));
        let json = serde_json::to_value(&rows).unwrap();
        assert_eq!(json[0]["components"][0]["disabled"], true);
        assert_eq!(json[0]["components"][1]["disabled"], true);
        let json =
            serde_json::to_value(standings_buttons(2, 3, Tr(crate::i18n::Lang::En))).unwrap();
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

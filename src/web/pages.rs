//! The pages: standings (`/g/{guild}`), a member (`/g/{guild}/m/{member}`)
//! and the moderators' dashboard (`/g/{guild}/report`, its CSV and what-if).
//! Each one first asks [`guard`] whether this visitor may see it; opted-out
//! and departed members are left out of every list and their pages are 404.

use std::collections::HashSet;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use maud::{html, Markup};
use serde::Deserialize;

use super::auth::{access, login_redirect, Denied, Need, Viewer};
use super::layout::{self, num, signed};
use super::{parse_at, svg, Web};
use crate::capital::decay::{growth, Scales};
use crate::capital::message::{GuildId, MemberId};
use crate::capital::reason;
use crate::capital::settings::{Settings, Visibility};
use crate::i18n::{Arg, Lang, Tr};
use crate::service::{ReportMember, ReportView, ServiceError};

/// Who is asking about which guild, once allowed.
pub(crate) struct Seen {
    pub guild: GuildId,
    pub guild_name: String,
    pub settings: std::sync::Arc<Settings>,
    pub viewer: Option<Viewer>,
    /// May search engines index this page?
    pub indexable: bool,
    /// The page's language (see [`page_lang`]).
    pub lang: Lang,
}

/// The language of a page: `?lang=xx`, else the browser's `Accept-Language`
/// (its first language we speak, by weight), else the guild's `locale`
/// setting, else English.
pub(crate) fn page_lang(uri: &Uri, headers: &HeaderMap, setting: &str) -> Lang {
    let asked = uri.query().and_then(|q| {
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == "lang")
            .and_then(|(_, v)| Lang::parse(v))
    });
    let browser = || {
        let header = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())?;
        let mut tags: Vec<(f64, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut it = part.split(';');
                let lang = Lang::parse(it.next()?.trim())?;
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse().ok()))
                    .unwrap_or(1.0);
                Some((q, lang))
            })
            .collect();
        // Stable: equal weights keep the header's order.
        tags.sort_by(|a, b| b.0.total_cmp(&a.0));
        tags.first().map(|t| t.1)
    };
    asked
        .or_else(browser)
        .or_else(|| crate::capital::settings::chosen_locale(setting))
        .unwrap_or(Lang::En)
}

impl Seen {
    fn nav(&self) -> Markup {
        let g = self.guild;
        let t = Tr(self.lang);
        html! {
            a href=(format!("/g/{g}")) { (t.s("web-nav-standings")) }
            @if self.viewer.as_ref().is_some_and(|v| v.is_moderator(g.get())) {
                a href=(format!("/g/{g}/report")) { (t.s("web-nav-report")) }
            }
            (account(self.viewer.as_ref(), t))
        }
    }

    fn page(&self, title: &str, body: Markup) -> Response {
        layout::page_in(
            self.lang,
            StatusCode::OK,
            title,
            self.indexable,
            self.nav(),
            body,
        )
    }
}

fn account(viewer: Option<&Viewer>, t: Tr) -> Markup {
    html! {
        @match viewer {
            Some(v) => {
                span.muted { (v.name) }
                form.inline method="post" action="/logout" { button type="submit" { (t.s("web-log-out")) } }
            }
            None => {}
        }
    }
}

/// A page of one message by id (`…-title` and the text), in `lang`.
fn message(lang: Lang, status: StatusCode, title: &str, text: &str) -> Response {
    layout::message_in(lang, status, &Tr(lang).s(title), text)
}

/// 400: what was not understood, in words for the visitor.
pub(crate) fn not_understood(lang: Lang, text: &str) -> Response {
    message(lang, StatusCode::BAD_REQUEST, "web-not-understood", text)
}

/// 404 in `lang`.
pub(crate) fn not_found(lang: Lang) -> Response {
    message(
        lang,
        StatusCode::NOT_FOUND,
        "web-not-found-title",
        &Tr(lang).s("web-not-found"),
    )
}

/// A service failure as a page in `lang` (details only in the log: they
/// may name other guilds).
pub(crate) fn failed(lang: Lang, e: ServiceError) -> Response {
    let t = Tr(lang);
    match e {
        ServiceError::Unavailable(_) => message(
            lang,
            StatusCode::SERVICE_UNAVAILABLE,
            "web-unavailable-title",
            &t.s("web-unavailable"),
        ),
        ServiceError::UnknownGuild(..) | ServiceError::UnknownMember(_) => not_found(lang),
        e @ (ServiceError::Invalid(_)
        | ServiceError::BadOption(_)
        | ServiceError::Refused(_)
        | ServiceError::Setting { .. }) => not_understood(lang, &e.render(lang)),
        e => {
            tracing::warn!(error = %e, "web page failed");
            message(
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "web-failed-title",
                &t.s("web-failed"),
            )
        }
    }
}

/// The guild (404 if unknown or its pages are off) and whether this
/// visitor may see a page that needs `need`.
pub(crate) async fn guard(
    web: &Web,
    guild: &str,
    need: Need,
    headers: &HeaderMap,
    uri: &Uri,
) -> Result<Seen, Response> {
    // Until the guild's `locale` is known: `?lang=`, else the browser's.
    let early = page_lang(uri, headers, "auto");
    let guild: GuildId = guild.parse().map_err(|_| not_found(early))?;
    let row = web
        .gw
        .find_guild(guild)
        .await
        .map_err(|e| failed(early, e))?
        .ok_or_else(|| not_found(early))?;
    // Parsed settings are cached per guild (building them compiles the
    // detection lexicon: far too slow to do on every page).
    let settings = web
        .gw
        .pipeline()
        .cached_settings(guild, &row.settings)
        .map_err(|e| failed(early, ServiceError::Invalid(e.to_string())))?;
    let viewer = web.sessions.viewer(headers);
    let vis = settings.web.visibility;
    let lang = page_lang(uri, headers, &settings.locale);
    let t = Tr(lang);
    match access(vis, need, guild.get(), viewer.as_ref()) {
        Ok(()) => Ok(Seen {
            guild,
            // Guilds first seen through an event may have no name stored yet.
            guild_name: if row.name.trim().is_empty() {
                format!("Server {guild}")
            } else {
                row.name
            },
            indexable: settings.web.indexable && vis == Visibility::Public && need == Need::Page,
            settings,
            viewer,
            lang,
        }),
        Err(Denied::Off) => Err(not_found(lang)),
        Err(Denied::Login) => Err(login_redirect(
            uri.path_and_query().map(|p| p.as_str()).unwrap_or("/"),
        )),
        Err(Denied::Forbidden) => Err(layout::message_in(
            lang,
            StatusCode::FORBIDDEN,
            &t.s("web-forbidden-title"),
            &t.s(match need {
                Need::Moderator => "web-forbidden-moderators",
                Need::Page => "web-forbidden-members",
            }),
        )),
    }
}

pub async fn home(headers: HeaderMap, uri: Uri) -> Response {
    let lang = page_lang(&uri, &headers, "auto");
    // The sentence is translated whole; the path and the command go in as
    // markers and come out as `<code>` (no HTML inside the translations).
    let text = Tr(lang).a(
        "web-home",
        &[("path", "\u{1}".into()), ("command", "\u{2}".into())],
    );
    let mut parts: Vec<(String, Option<&str>)> = vec![];
    let mut buf = String::new();
    for c in text.chars() {
        let code = match c {
            '\u{1}' => "/g/<server id>",
            '\u{2}' => "/config set web.visibility public",
            c => {
                buf.push(c);
                continue;
            }
        };
        parts.push((std::mem::take(&mut buf), Some(code)));
    }
    parts.push((buf, None));
    layout::page_in(
        lang,
        StatusCode::OK,
        "Goodwill",
        false,
        html! {},
        html! {
            div.card {
                h1 { "Goodwill" }
                p { @for (t, code) in &parts { (t) @if let Some(c) = code { code { (c) } } } }
            }
        },
    )
}

#[derive(Deserialize, Default)]
pub struct StandingsQuery {
    page: Option<u32>,
    q: Option<String>,
    at: Option<String>,
}

fn at_param(at: Option<&str>, lang: Lang) -> Result<(DateTime<Utc>, Option<String>), Response> {
    let t = parse_at(at).map_err(|_| not_understood(lang, &Tr(lang).s("web-bad-at")))?;
    Ok((
        t,
        at.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
    ))
}

/// A link keeping `?at=` when one was given.
fn with_at(path: String, at: &Option<String>, more: &[(&str, String)]) -> String {
    let mut q: Vec<(&str, String)> = more.to_vec();
    if let Some(a) = at {
        q.push(("at", a.clone()));
    }
    if q.is_empty() {
        path
    } else {
        format!(
            "{path}?{}",
            serde_urlencoded::to_string(&q).unwrap_or_default()
        )
    }
}

pub async fn standings(
    State(web): State<Web>,
    Path(guild): Path<String>,
    Query(q): Query<StandingsQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let seen = match guard(&web, &guild, Need::Page, &headers, &uri).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (at, at_s) = match at_param(q.at.as_deref(), seen.lang) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let g = seen.guild;
    let search = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let result = match search {
        Some(s) => web.gw.search_standings(g, s, page, at).await,
        None => web.gw.standings(g, page, at).await,
    };
    let mut p = match result {
        Ok(p) => p,
        Err(e) => return failed(seen.lang, e),
    };
    let hidden = match web.gw.hidden_members(g).await {
        Ok(h) => h,
        Err(e) => return failed(seen.lang, e),
    };
    p.rows.retain(|r| !hidden.contains(&r.member_id));
    let link = |page: u32| {
        let mut more = vec![("page", page.to_string())];
        if let Some(s) = search {
            more.insert(0, ("q", s.to_string()));
        }
        with_at(format!("/g/{g}"), &at_s, &more)
    };
    let t = Tr(seen.lang);
    let name = || Arg::from(seen.guild_name.as_str());
    let count = p.total_members as u64;
    seen.page(
        &t.a("web-standings-title", &[("guild", name())]),
        html! {
            h1 { (t.a("web-standings-heading", &[("guild", name())])) }
            p.muted { (t.a("web-as-of", &[("at", at.format("%Y-%m-%d %H:%M UTC").to_string().into())])) " "
                (t.a(if search.is_some() { "web-standings-matches" } else { "web-standings-members" }, &[("count", count.into())])) }
            form.inline method="get" action=(format!("/g/{g}")) {
                input type="search" name="q" value=(search.unwrap_or("")) placeholder=(t.s("web-search-placeholder")) aria-label=(t.s("web-search-placeholder"));
                @if let Some(a) = &at_s { input type="hidden" name="at" value=(a); }
                @if seen.lang != Lang::En { input type="hidden" name="lang" value=(seen.lang.code()); }
                button type="submit" { (t.s("web-search")) }
                @if search.is_some() { a href=(with_at(format!("/g/{g}"), &at_s, &[])) { (t.s("web-all-members")) } }
            }
            div.card {
                table id="standings" {
                    thead { tr {
                        th.num { "#" } th { (t.s("web-col-member")) } th.num { (t.s("web-col-standing")) }
                        th.num.hide-sm { (t.s("web-col-recent")) } th.num.hide-sm { (t.s("web-col-lasting")) } th { (t.s("web-col-tier")) }
                    } }
                    tbody {
                        @for r in &p.rows {
                            tr {
                                td.num { (r.rank) }
                                td { a href=(with_at(format!("/g/{g}/m/{}", r.member_id), &at_s, &[])) { (r.member_name) } }
                                td.num { b { (num(r.standing)) } }
                                td.num.hide-sm { (num(r.recent)) }
                                td.num.hide-sm { (num(r.lasting)) }
                                td { span.tier { (r.tier) } }
                            }
                        }
                        @if p.rows.is_empty() { tr { td colspan="6" .muted { (t.s("web-standings-empty")) } } }
                    }
                }
            }
            nav.pager {
                @if p.page > 1 { a rel="prev" href=(link(p.page - 1)) { (t.s("web-previous")) } }
                span.muted { (t.a("web-page-of", &[("page", p.page.into()), ("pages", p.pages.into())])) }
                @if p.page < p.pages { a rel="next" href=(link(p.page + 1)) { (t.s("web-next")) } }
            }
        },
    )
}

#[derive(Deserialize, Default)]
pub struct AtQuery {
    at: Option<String>,
}

/// Standing over the next `days` days if nothing is deposited: (day, standing).
pub(crate) fn projection(recent: f64, lasting: f64, scales: &Scales, days: u32) -> Vec<(f64, f64)> {
    (0..=days)
        .map(|d| {
            let d = d as f64;
            (
                d,
                scales.standing(
                    recent * growth(-d, scales.recent_half_life),
                    lasting * growth(-d, scales.lasting_half_life),
                ),
            )
        })
        .collect()
}

pub async fn member(
    State(web): State<Web>,
    Path((guild, member)): Path<(String, String)>,
    Query(q): Query<AtQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let seen = match guard(&web, &guild, Need::Page, &headers, &uri).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (at, at_s) = match at_param(q.at.as_deref(), seen.lang) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let g = seen.guild;
    let Ok(m) = member.parse::<MemberId>() else {
        return not_found(seen.lang);
    };
    // Everything in one round of queries; whether the page may exist at
    // all is decided first from their answers.
    let (known, hidden, b, h) = tokio::join!(
        web.gw.member_known(g, m),
        web.gw.hidden_members(g),
        web.gw.balance(g, m, at),
        web.gw.history_at(g, m, 50, at),
    );
    let hidden = match hidden {
        Ok(h) => h,
        Err(e) => return failed(seen.lang, e),
    };
    match known {
        Ok(true) if !hidden.contains(&m) => {}
        Ok(_) => return not_found(seen.lang),
        Err(e) => return failed(seen.lang, e),
    }
    let (b, h) = match (b, h) {
        (Ok(b), Ok(h)) => (b, h),
        (Err(e), _) | (_, Err(e)) => return failed(seen.lang, e),
    };
    let scales = Scales::from(&seen.settings.decay);
    let proj = projection(b.recent, b.lasting, &scales, 90);
    let levels: Vec<(f64, String)> = seen
        .settings
        .tiers
        .iter()
        .skip(1)
        .map(|t| (t.floor, t.name.clone()))
        .collect();
    let ticks: Vec<(f64, String)> = [0.0, 30.0, 60.0, 90.0]
        .iter()
        .map(|d| {
            (
                *d,
                (at + Duration::days(*d as i64))
                    .format("%b %-d")
                    .to_string(),
            )
        })
        .collect();
    let in90 = proj.last().map(|p| p.1).unwrap_or(0.0);
    let t = Tr(seen.lang);
    // The English page keeps its words as they always were; the advice
    // (`decay_advice`) is English prose from the service: shown in English
    // pages only.
    let english = seen.lang == Lang::En;
    seen.page(
        &b.member_name,
        html! {
            h1 { (b.member_name) " " span.tier { (b.tier) } }
            p.muted { (seen.guild_name) " · " (t.a("web-as-of-short", &[("at", at.format("%Y-%m-%d %H:%M UTC").to_string().into())])) }
            div.card { div.stats {
                div.stat { b id="standing" { (num(b.standing)) } span { (t.s("web-stat-standing")) } }
                div.stat { b { (num(b.recent)) } span { (t.s("web-stat-recent")) } }
                div.stat { b { (num(b.lasting)) } span { (t.s("web-stat-lasting")) } }
                div.stat { b { @if let Some(r) = b.rank { "#" (r) } @else { "—" } } span { (t.s("web-stat-rank")) } }
                div.stat { b { (signed(b.trend_7d)) } span { (t.s("web-stat-week")) } }
                div.stat { b id="solutions" { (b.solutions) } span { (t.s("web-stat-solutions")) } }
            } }
            div.card {
                h2 { (t.s("web-projection-heading")) }
                (svg::line(&t.s("web-projection-label"), &proj, &levels, &ticks))
                p {
                    (t.a("web-projection-in90", &[("standing", num(in90).into())])) " "
                    @if let Some(d) = b.decay_date {
                        (t.a("web-projection-falls", &[
                            ("tier", b.tier.as_str().into()),
                            ("floor", num(b.tier_floor).into()),
                            ("date", d.format("%Y-%m-%d").to_string().into()),
                        ])) " "
                    }
                    @if english { @if let Some(a) = &b.decay_advice { span.muted { "It " (a) "." } } }
                    @if let (Some(n), Some(f)) = (&b.next_tier, b.next_tier_at) {
                        " " (t.a("web-next-tier", &[("tier", n.as_str().into()), ("floor", num(f).into())]))
                    }
                }
            }
            div.card {
                h2 { (t.s("web-history")) }
                table id="history" {
                    thead { tr { th { (t.s("web-col-when")) } th { (t.s("web-col-what")) } th.num { (t.s("web-col-amount")) } th.hide-sm { (t.s("web-col-with")) } th { (t.s("web-col-why")) } th { "" } } }
                    tbody {
                        @for r in &h.rows {
                            tr {
                                td { (r.at.format("%Y-%m-%d")) }
                                td { (r.kind.as_str().replace('_', " ")) }
                                td.num { (signed(r.amount)) }
                                td.hide-sm {
                                    @match (r.counterpart_id, &r.counterpart_name) {
                                        (Some(c), Some(n)) if !hidden.contains(&c) => {
                                            a href=(with_at(format!("/g/{g}/m/{c}"), &at_s, &[])) { (n) }
                                        }
                                        (Some(_), _) => span.muted { (t.s("web-someone")) },
                                        _ => {}
                                    }
                                }
                                td.reason { (reason::render(seen.lang, &r.reason)) }
                                td { @if let Some(u) = &r.jump_url { a href=(u) rel="noopener noreferrer" { (t.s("web-jump")) } } }
                            }
                        }
                        @if h.rows.is_empty() { tr { td colspan="6" .muted { (t.s("web-history-empty")) } } }
                    }
                }
            }
        },
    )
}

#[derive(Deserialize, Default)]
pub struct ReportQuery {
    window: Option<u32>,
    at: Option<String>,
}

/// The report without the members the web never shows.
pub(crate) fn scrub(r: &mut ReportView, hidden: &HashSet<MemberId>) {
    for list in [
        &mut r.members,
        &mut r.givers,
        &mut r.takers,
        &mut r.matchers,
        &mut r.quiet,
        &mut r.risers,
        &mut r.fallers,
        &mut r.top_helpers,
    ] {
        list.retain(|m| !hidden.contains(&m.member_id));
    }
    r.at_risk.retain(|m| !hidden.contains(&m.member_id));
}

async fn report_view(
    web: &Web,
    seen: &Seen,
    window: Option<u32>,
    at: DateTime<Utc>,
) -> Result<ReportView, Response> {
    let window = window
        .unwrap_or(seen.settings.report.window_days)
        .clamp(1, 3650);
    let (mut r, hidden) = tokio::try_join!(
        web.gw.report(seen.guild, window, at),
        web.gw.hidden_members(seen.guild)
    )
    .map_err(|e| failed(seen.lang, e))?;
    scrub(&mut r, &hidden);
    Ok(r)
}

#[allow(clippy::too_many_arguments)]
fn member_list(
    t: Tr,
    title: &str,
    id: &str,
    g: GuildId,
    at_s: &Option<String>,
    rows: &[ReportMember],
    n: usize,
    figure: &dyn Fn(&ReportMember) -> Markup,
) -> Markup {
    html! {
        div.card {
            h2 { (t.s(title)) " " span.muted { "(" (rows.len()) ")" } }
            table id=(id) {
                tbody {
                    @for m in rows.iter().take(n) {
                        tr {
                            td { a href=(with_at(format!("/g/{g}/m/{}", m.member_id), at_s, &[])) { (m.member_name) } }
                            td.num { (figure(m)) }
                        }
                    }
                    @if rows.is_empty() { tr { td.muted { (t.s("web-report-nobody")) } } }
                }
            }
        }
    }
}

pub async fn report(
    State(web): State<Web>,
    Path(guild): Path<String>,
    Query(q): Query<ReportQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let seen = match guard(&web, &guild, Need::Moderator, &headers, &uri).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (at, at_s) = match at_param(q.at.as_deref(), seen.lang) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let r = match report_view(&web, &seen, q.window, at).await {
        Ok(r) => r,
        Err(resp) => return resp,
    };
    let g = seen.guild;
    let n = seen.settings.report.page_size as usize;
    let trend: Vec<(f64, f64)> = r
        .trend
        .iter()
        .map(|p| ((p.at - r.at).num_hours() as f64 / 24.0, p.standing))
        .collect();
    let ticks: Vec<(f64, String)> = match (r.trend.first(), r.trend.last()) {
        (Some(a), Some(b)) => vec![
            (
                (a.at - r.at).num_hours() as f64 / 24.0,
                a.at.format("%Y-%m-%d").to_string(),
            ),
            (
                (b.at - r.at).num_hours() as f64 / 24.0,
                b.at.format("%Y-%m-%d").to_string(),
            ),
        ],
        _ => vec![],
    };
    let dots: Vec<(f64, f64, &'static str, String)> = r
        .members
        .iter()
        .filter(|m| m.earned + m.spent > 0.0)
        .map(|m| {
            (
                m.earned,
                m.spent,
                m.category.as_str(),
                m.member_name.clone(),
            )
        })
        .collect();
    let mut window_q = vec![("window", r.window_days.to_string())];
    if let Some(a) = &at_s {
        window_q.push(("at", a.clone()));
    }
    let csv_href = format!(
        "/g/{g}/report.csv?{}",
        serde_urlencoded::to_string(&window_q).unwrap_or_default()
    );
    let t = Tr(seen.lang);
    let guild_arg = || [("guild", Arg::from(seen.guild_name.as_str()))];
    let value = |x: f64| [("value", Arg::from(num(x)))];
    seen.page(
        &t.a("web-report-title", &guild_arg()),
        html! {
            h1 { (t.a("web-report-heading", &guild_arg())) }
            p.muted { (t.a("web-report-span", &[
                    ("days", Arg::from(r.window_days.to_string())),
                    ("at", Arg::from(r.at.format("%Y-%m-%d %H:%M UTC").to_string())),
                ])) " "
                a href=(csv_href) download="report.csv" { (t.s("web-report-csv")) } }
            form.inline method="get" action=(format!("/g/{g}/report")) {
                label { (t.s("web-report-window")) " " input type="number" name="window" min="1" max="3650" value=(r.window_days); }
                @if let Some(a) = &at_s { input type="hidden" name="at" value=(a); }
                @if seen.lang != Lang::En { input type="hidden" name="lang" value=(seen.lang.code()); }
                button type="submit" { (t.s("web-report-show")) }
            }
            div.grid {
                (member_list(t, "web-report-givers", "givers", g, &at_s, &r.givers, n, &|m| html! { (t.a("web-report-earned", &value(m.earned))) }))
                (member_list(t, "web-report-takers", "takers", g, &at_s, &r.takers, n, &|m| html! { (t.a("web-report-spent", &value(m.spent))) }))
                (member_list(t, "web-report-matchers", "matchers", g, &at_s, &r.matchers, n, &|m| html! { (num(m.earned)) " / " (num(m.spent)) }))
                (member_list(t, "web-report-quiet", "quiet", g, &at_s, &r.quiet, n, &|m| html! { (num(m.standing)) }))
                (member_list(t, "web-report-risers", "risers", g, &at_s, &r.risers, n, &|m| signed(m.change)))
                (member_list(t, "web-report-fallers", "fallers", g, &at_s, &r.fallers, n, &|m| signed(m.change)))
            }
            div.card {
                h2 { (t.s("web-report-at-risk")) " " span.muted { "(" (r.at_risk.len()) ")" } }
                table id="at-risk" { tbody {
                    @for a in r.at_risk.iter().take(n) {
                        tr {
                            td { a href=(with_at(format!("/g/{g}/m/{}", a.member_id), &at_s, &[])) { (a.member_name) } }
                            td { span.tier { (a.tier) } }
                            td.num { (num(a.standing)) " → " (num(a.tier_floor)) }
                            td { (a.falls_on.format("%Y-%m-%d")) }
                        }
                    }
                    @if r.at_risk.is_empty() { tr { td.muted { (t.s("web-report-at-risk-none")) } } }
                } }
            }
            div.grid {
                div.card { h2 { (t.s("web-report-community")) } (svg::line(&t.s("web-report-community-label"), &trend, &[], &ticks)) }
                div.card { h2 { (t.s("web-report-earned-spent")) } (svg::scatter(&t.s("web-report-earned-spent-label"), &dots))
                    p.muted { (t.s("web-report-legend")) } }
            }
            div.card {
                h2 { (t.s("web-whatif")) }
                p.muted { (t.s("web-whatif-intro")) }
                form method="get" action=(format!("/g/{g}/report/whatif")) {
                    textarea name="set" placeholder="decay.recent_half_life_days=45\nscoring.request=4" aria-label=(t.s("web-whatif-settings-label")) {}
                    @if seen.lang != Lang::En { input type="hidden" name="lang" value=(seen.lang.code()); }
                    p { button type="submit" { (t.s("web-whatif-submit")) } }
                }
            }
        },
    )
}

pub async fn report_csv(
    State(web): State<Web>,
    Path(guild): Path<String>,
    Query(q): Query<ReportQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let seen = match guard(&web, &guild, Need::Moderator, &headers, &uri).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (at, _) = match at_param(q.at.as_deref(), seen.lang) {
        Ok(x) => x,
        Err(r) => return r,
    };
    match report_view(&web, &seen, q.window, at).await {
        Ok(r) => {
            let mut resp = (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!(
                            "attachment; filename=\"goodwill-{}-report.csv\"",
                            seen.guild
                        ),
                    ),
                ],
                crate::render::csv::report_csv(&r),
            )
                .into_response();
            layout::secure_headers(resp.headers_mut(), false);
            resp
        }
        Err(resp) => resp,
    }
}

#[derive(Deserialize, Default)]
pub struct WhatIfQuery {
    set: Option<String>,
    at: Option<String>,
}

pub async fn whatif(
    State(web): State<Web>,
    Path(guild): Path<String>,
    Query(q): Query<WhatIfQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let seen = match guard(&web, &guild, Need::Moderator, &headers, &uri).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let (at, at_s) = match at_param(q.at.as_deref(), seen.lang) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let g = seen.guild;
    let text = q.set.unwrap_or_default();
    let t = Tr(seen.lang);
    if text.len() > 2000 {
        return not_understood(seen.lang, &t.s("web-whatif-too-long"));
    }
    let changes = match crate::config::parse_assignments(&text) {
        Ok(c) => c,
        Err(e) => return not_understood(seen.lang, &e.render(seen.lang)),
    };
    let (mut v, hidden) =
        match tokio::try_join!(web.gw.whatif(g, &changes, at), web.gw.hidden_members(g)) {
            Ok(x) => x,
            Err(e) => return failed(seen.lang, e),
        };
    v.members.retain(|m| !hidden.contains(&m.member_id));
    let moved: Vec<_> = v
        .members
        .iter()
        .filter(|m| m.tier_now != m.tier_rescored || m.tier_now != m.tier_applied)
        .collect();
    let guild_arg = [("guild", Arg::from(seen.guild_name.as_str()))];
    let lang_q: Vec<(&str, String)> = match seen.lang {
        Lang::En => vec![],
        l => vec![("lang", l.code().to_string())],
    };
    seen.page(
        &t.s("web-whatif"),
        html! {
            h1 { (t.a("web-whatif-heading", &guild_arg)) }
            p { a href=(with_at(format!("/g/{g}/report"), &at_s, &lang_q)) { (t.s("web-whatif-back")) } }
            div.card {
                h2 { (t.s("web-whatif-changes")) }
                ul { @for c in &v.changes { li { code { (c) } } } }
                @for note in &v.notes { p.muted { (note.render(t)) } }
                p.muted { (t.s("web-whatif-nothing-written")) }
            }
            div.card {
                h2 { (t.s("web-whatif-moved")) " " span.muted { "(" (moved.len()) ")" } }
                table id="whatif" {
                    thead { tr {
                        th { (t.s("web-col-member")) }
                        th { (t.s("web-whatif-col-now")) }
                        th { (t.s("web-whatif-col-applied")) }
                        th { (t.s("web-whatif-col-rescored")) }
                        th.num { (t.s("web-whatif-col-standing")) }
                    } }
                    tbody {
                        @for m in &moved {
                            tr {
                                td { (m.member_name) }
                                td { (m.tier_now) }
                                td { (m.tier_applied) }
                                td { (m.tier_rescored) }
                                td.num { (num(m.standing_now)) " → " (num(m.standing_rescored)) }
                            }
                        }
                        @if moved.is_empty() { tr { td colspan="5" .muted { (t.s("web-whatif-none")) } } }
                    }
                }
            }
        },
    )
}

//! "Log in with Discord" and who may see what.
//!
//! The OAuth2 authorization-code flow: `/login` remembers a random `state`
//! (server side and in a short-lived cookie, so a callback must come from the
//! browser that started the login: CSRF-safe), sends the browser to
//! `{DISCORD}/oauth2/authorize` (scopes `identify guilds`); `/auth/callback`
//! checks the state, exchanges the code at `POST /api/v10/oauth2/token`,
//! reads `/users/@me` and `/users/@me/guilds` (each guild's `permissions`)
//! and opens a session: a random id in an HttpOnly, SameSite=Lax cookie
//! (`Secure` behind HTTPS). Sessions live in memory: a restart logs
//! everyone out, which is harmless for read-only pages.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::layout;
use super::Web;
use crate::capital::settings::Visibility;
use crate::i18n::{Lang, Tr};

/// Discord permission bits that make a moderator: Administrator, Manage Server.
const ADMINISTRATOR: u64 = 0x8;
const MANAGE_GUILD: u64 = 0x20;

const SESSION_COOKIE: &str = "gw_session";
const STATE_COOKIE: &str = "gw_state";
const SESSION_TTL: Duration = Duration::from_secs(24 * 3600);
const STATE_TTL: Duration = Duration::from_secs(600);
/// Logins in flight kept at most (older ones are dropped first).
const MAX_PENDING: usize = 10_000;

/// A logged-in Discord user and their guilds (id -> permission bits; owners
/// count as administrators).
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user_id: u64,
    pub name: String,
    pub guilds: HashMap<u64, u64>,
}

impl Viewer {
    pub fn is_member(&self, guild: u64) -> bool {
        self.guilds.contains_key(&guild)
    }

    pub fn is_moderator(&self, guild: u64) -> bool {
        self.guilds
            .get(&guild)
            .is_some_and(|p| p & (ADMINISTRATOR | MANAGE_GUILD) != 0)
    }
}

/// What a page needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Standings and member pages: as `web.visibility` says.
    Page,
    /// The dashboard: a moderator of the guild, whatever the visibility.
    Moderator,
}

/// Why a page is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// The guild's pages are off (answered as 404: nothing is there).
    Off,
    /// Log in first (a redirect to `/login`).
    Login,
    /// Logged in, but not allowed: 403.
    Forbidden,
}

/// The access rule, pure: visibility, what the page needs and who asks.
pub fn access(
    vis: Visibility,
    need: Need,
    guild: u64,
    viewer: Option<&Viewer>,
) -> Result<(), Denied> {
    if vis == Visibility::Off {
        return Err(Denied::Off);
    }
    let required = match need {
        Need::Moderator => Visibility::Moderators,
        Need::Page => vis,
    };
    let ok = |v: &Viewer| match required {
        Visibility::Public => true,
        Visibility::Members => v.is_member(guild),
        Visibility::Moderators | Visibility::Off => v.is_moderator(guild),
    };
    match (required, viewer) {
        (Visibility::Public, _) => Ok(()),
        (_, None) => Err(Denied::Login),
        (_, Some(v)) if ok(v) => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

#[derive(Default)]
pub struct Sessions {
    live: Mutex<HashMap<String, (Viewer, Instant)>>,
    /// state -> (where to go after, when)
    pending: Mutex<HashMap<String, (String, Instant)>>,
}

impl Sessions {
    pub fn viewer(&self, headers: &HeaderMap) -> Option<Viewer> {
        let id = cookie(headers, SESSION_COOKIE)?;
        let live = self.live.lock().unwrap_or_else(|e| e.into_inner());
        let (v, at) = live.get(&id)?;
        (at.elapsed() < SESSION_TTL).then(|| v.clone())
    }

    fn open(&self, v: Viewer) -> Option<String> {
        let id = random_id()?;
        let mut live = self.live.lock().unwrap_or_else(|e| e.into_inner());
        live.retain(|_, (_, at)| at.elapsed() < SESSION_TTL);
        live.insert(id.clone(), (v, Instant::now()));
        Some(id)
    }

    fn close(&self, headers: &HeaderMap) {
        if let Some(id) = cookie(headers, SESSION_COOKIE) {
            self.live
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&id);
        }
    }

    fn start(&self, next: String) -> Option<String> {
        let state = random_id()?;
        let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        p.retain(|_, (_, at)| at.elapsed() < STATE_TTL);
        if p.len() >= MAX_PENDING {
            if let Some(oldest) = p
                .iter()
                .min_by_key(|(_, (_, at))| *at)
                .map(|(k, _)| k.clone())
            {
                p.remove(&oldest);
            }
        }
        p.insert(state.clone(), (next, Instant::now()));
        Some(state)
    }

    /// The login this state began, once.
    fn finish(&self, state: &str) -> Option<String> {
        let mut p = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        let (next, at) = p.remove(state)?;
        (at.elapsed() < STATE_TTL).then_some(next)
    }
}

/// 32 random bytes, hex; None without OS randomness (no guessable ids then).
fn random_id() -> Option<String> {
    let mut b = [0u8; 32];
    getrandom::getrandom(&mut b).ok()?;
    Some(b.iter().map(|x| format!("{x:02x}")).collect())
}

fn no_randomness(lang: Lang) -> Response {
    let t = Tr(lang);
    layout::message_in(
        lang,
        StatusCode::INTERNAL_SERVER_ERROR,
        &t.s("web-login-unavailable-title"),
        &t.s("web-login-no-randomness"),
    )
}

/// The language of a login page: `?lang=`, else the browser's (no guild yet).
fn login_lang(uri: &Uri, headers: &HeaderMap) -> Lang {
    super::pages::page_lang(uri, headers, "auto")
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn set_cookie(web: &Web, name: &str, value: &str, path: &str, max_age: u64) -> String {
    format!(
        "{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite=Lax{}",
        if web.opts.secure_cookies() {
            "; Secure"
        } else {
            ""
        }
    )
}

/// Only our own paths: `/g/…`, never `//host` or a URL.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.into(),
        _ => "/".into(),
    }
}

fn redirect(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}

/// Where an anonymous visitor of a protected page is sent.
pub fn login_redirect(path_and_query: &str) -> Response {
    let next: String = serde_urlencoded::to_string([("next", path_and_query)]).unwrap_or_default();
    redirect(&format!("/login?{next}"))
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

pub async fn login(
    State(web): State<Web>,
    Query(q): Query<LoginQuery>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let lang = login_lang(&uri, &headers);
    let Some(client_id) = web.opts.client_id.as_deref() else {
        let t = Tr(lang);
        return layout::message_in(
            lang,
            StatusCode::SERVICE_UNAVAILABLE,
            &t.s("web-login-not-set-up-title"),
            &t.s("web-login-not-set-up"),
        );
    };
    let Some(state) = web.sessions.start(safe_next(q.next.as_deref())) else {
        return no_randomness(lang);
    };
    let query = serde_urlencoded::to_string([
        ("client_id", client_id),
        ("redirect_uri", &redirect_uri(&web)),
        ("response_type", "code"),
        ("scope", "identify guilds"),
        ("state", &state),
        ("prompt", "none"),
    ])
    .unwrap_or_default();
    let mut r = redirect(&format!(
        "{}/oauth2/authorize?{query}",
        web.opts.discord_api
    ));
    if let Ok(v) = set_cookie(&web, STATE_COOKIE, &state, "/auth", STATE_TTL.as_secs()).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

fn redirect_uri(web: &Web) -> String {
    format!("{}/auth/callback", web.opts.public_url)
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

pub async fn callback(
    State(web): State<Web>,
    headers: HeaderMap,
    Query(q): Query<CallbackQuery>,
    uri: Uri,
) -> Response {
    let lang = login_lang(&uri, &headers);
    let t = Tr(lang);
    let failed = |status: StatusCode, why: &str| {
        layout::message_in(lang, status, &t.s("web-login-failed-title"), why)
    };
    let bad = |id: &str| failed(StatusCode::BAD_REQUEST, &t.s(id));
    if let Some(e) = q.error.as_deref() {
        return failed(
            StatusCode::BAD_REQUEST,
            &t.a("web-login-discord-said", &[("error", e.into())]),
        );
    }
    let (Some(code), Some(state)) = (q.code.as_deref(), q.state.as_deref()) else {
        return bad("web-login-missing");
    };
    // The state must be the one this browser was given (cookie) and still pending here.
    if cookie(&headers, STATE_COOKIE).as_deref() != Some(state) {
        return bad("web-login-state-mismatch");
    }
    let Some(next) = web.sessions.finish(state) else {
        return bad("web-login-expired");
    };
    let viewer = match discord_viewer(&web, code).await {
        Ok(v) => v,
        Err(e) => {
            tracing::warn!(error = %e, "Discord login failed");
            return failed(StatusCode::BAD_GATEWAY, &t.s("web-login-not-confirmed"));
        }
    };
    let Some(id) = web.sessions.open(viewer) else {
        return no_randomness(lang);
    };
    let mut r = redirect(&next);
    for c in [
        set_cookie(&web, SESSION_COOKIE, &id, "/", SESSION_TTL.as_secs()),
        set_cookie(&web, STATE_COOKIE, "", "/auth", 0),
    ] {
        if let Ok(v) = c.parse() {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    r
}

pub async fn logout(State(web): State<Web>, headers: HeaderMap) -> Response {
    web.sessions.close(&headers);
    let mut r = redirect("/");
    if let Ok(v) = set_cookie(&web, SESSION_COOKIE, "", "/", 0).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

/// The code for a token, the token for the user and their guilds.
async fn discord_viewer(web: &Web, code: &str) -> anyhow::Result<Viewer> {
    let api = format!("{}/api/v10", web.opts.discord_api);
    let form = serde_urlencoded::to_string([
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", &redirect_uri(web)),
        ("client_id", web.opts.client_id.as_deref().unwrap_or("")),
        (
            "client_secret",
            web.opts.client_secret.as_deref().unwrap_or(""),
        ),
    ])?;
    let token: serde_json::Value = json_of(
        web.http
            .post(format!("{api}/oauth2/token"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form),
    )
    .await?;
    let access = token["access_token"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no access_token in the token answer"))?;
    let auth = format!("Bearer {access}");
    let user = json_of(
        web.http
            .get(format!("{api}/users/@me"))
            .header(header::AUTHORIZATION, &auth),
    )
    .await?;
    let guilds = json_of(
        web.http
            .get(format!("{api}/users/@me/guilds"))
            .header(header::AUTHORIZATION, &auth),
    )
    .await?;
    let snowflake = |v: &serde_json::Value| -> Option<u64> {
        v.as_str()
            .and_then(|s| s.parse().ok())
            .or_else(|| v.as_u64())
    };
    let user_id =
        snowflake(&user["id"]).ok_or_else(|| anyhow::anyhow!("no user id in /users/@me"))?;
    let name = user["global_name"]
        .as_str()
        .or(user["username"].as_str())
        .unwrap_or("")
        .to_string();
    let guilds = guilds
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|g| {
                    let id = snowflake(&g["id"])?;
                    let perms = snowflake(&g["permissions"]).unwrap_or(0)
                        | if g["owner"].as_bool() == Some(true) {
                            ADMINISTRATOR
                        } else {
                            0
                        };
                    Some((id, perms))
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Viewer {
        user_id,
        name,
        guilds,
    })
}

async fn json_of(req: reqwest::RequestBuilder) -> anyhow::Result<serde_json::Value> {
    let r = req.send().await?;
    let status = r.status();
    let text = r.text().await?;
    if !status.is_success() {
        anyhow::bail!("Discord answered {status}");
    }
    Ok(serde_json::from_str(&text)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(guilds: &[(u64, u64)]) -> Viewer {
        Viewer {
            user_id: 1,
            name: "x".into(),
            guilds: guilds.iter().copied().collect(),
        }
    }

    #[test]
    fn access_follows_visibility() {
        use Visibility::*;
        let member = viewer(&[(7, 0)]);
        let moderator = viewer(&[(7, MANAGE_GUILD)]);
        let admin_elsewhere = viewer(&[(8, ADMINISTRATOR), (7, 0)]);
        for need in [Need::Page, Need::Moderator] {
            assert_eq!(access(Off, need, 7, Some(&moderator)), Err(Denied::Off));
        }
        assert_eq!(access(Public, Need::Page, 7, None), Ok(()));
        assert_eq!(access(Public, Need::Moderator, 7, None), Err(Denied::Login));
        assert_eq!(
            access(Public, Need::Moderator, 7, Some(&member)),
            Err(Denied::Forbidden)
        );
        assert_eq!(access(Members, Need::Page, 7, None), Err(Denied::Login));
        assert_eq!(access(Members, Need::Page, 7, Some(&member)), Ok(()));
        assert_eq!(
            access(Members, Need::Page, 8, Some(&member)),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            access(Moderators, Need::Page, 7, Some(&member)),
            Err(Denied::Forbidden)
        );
        assert_eq!(access(Moderators, Need::Page, 7, Some(&moderator)), Ok(()));
        assert_eq!(
            access(Members, Need::Moderator, 7, Some(&admin_elsewhere)),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            access(Members, Need::Moderator, 8, Some(&admin_elsewhere)),
            Ok(())
        );
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/g/1?page=2")), "/g/1?page=2");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}

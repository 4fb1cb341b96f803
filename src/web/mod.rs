//! The web: standings, member pages and the moderators' dashboard as
//! server-rendered HTML (maud, escaped by default), and a read-only JSON API.
//! Served by `goodwill serve --http ADDR` and mounted on the bot's `--http`
//! listener. Every handler calls the service layer; what a visitor may see is
//! decided in [`auth`] from the guild's `web.visibility` and the visitor's
//! Discord login.
//!
//! - `pages`: the three pages and the report's CSV and what-if;
//! - `api`: `/api/v1/g/{guild}/…` behind per-guild bearer tokens;
//! - `auth`: "Log in with Discord" (OAuth2 code flow), sessions, access rules;
//! - `layout`: the page shell, the stylesheet and the security headers;
//! - `svg`: the charts, drawn as inline SVG from the numbers;
//! - `limit`: requests per client IP.

// A refusal is the response itself (a page or a JSON error), returned as the
// `Err` of a guard once per request: its size does not matter here.
#![allow(clippy::result_large_err)]

mod api;
pub mod auth;
mod layout;
pub mod limit;
mod pages;
mod svg;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, NaiveDate, Utc};
use tokio::net::TcpListener;

use crate::service::Goodwill;

/// How the web is run: the Discord application for the login, the public URL,
/// the rate limit. From the environment ([`WebOptions::from_env`]).
#[derive(Debug, Clone)]
pub struct WebOptions {
    /// `DISCORD_API_URL`, default `https://discord.com` (the authorize page is
    /// `{base}/oauth2/authorize`, the API `{base}/api/v10`).
    pub discord_api: String,
    /// `DISCORD_CLIENT_ID` and `DISCORD_CLIENT_SECRET`; without them there is no login.
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    /// `GOODWILL_PUBLIC_URL`: where browsers reach us (the OAuth2 redirect is
    /// `{public}/auth/callback`); https makes the session cookie `Secure`.
    pub public_url: String,
    /// `GOODWILL_WEB_RATE_PER_MINUTE` (default 600) and `GOODWILL_WEB_BURST` (default 60).
    pub rate_per_minute: u32,
    pub burst: u32,
}

impl WebOptions {
    pub fn from_env() -> WebOptions {
        Self::from_vars(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
    }

    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> WebOptions {
        let num = |k: &str, d: u32| var(k).and_then(|v| v.trim().parse().ok()).unwrap_or(d);
        WebOptions {
            discord_api: var("DISCORD_API_URL")
                .unwrap_or_else(|| "https://discord.com".into())
                .trim_end_matches('/')
                .trim_end_matches("/api/v10")
                .to_string(),
            client_id: var("DISCORD_CLIENT_ID"),
            client_secret: var("DISCORD_CLIENT_SECRET"),
            public_url: var("GOODWILL_PUBLIC_URL")
                .unwrap_or_else(|| "http://127.0.0.1:8080".into())
                .trim_end_matches('/')
                .to_string(),
            rate_per_minute: num("GOODWILL_WEB_RATE_PER_MINUTE", 600).max(1),
            burst: num("GOODWILL_WEB_BURST", 60).max(1),
        }
    }

    /// Session cookies are `Secure` when browsers reach us over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// What every handler shares (the service, the options, the sessions).
#[derive(Clone)]
pub struct Web {
    pub gw: Goodwill,
    pub opts: Arc<WebOptions>,
    pub sessions: Arc<auth::Sessions>,
    pub http: reqwest::Client,
}

/// The pages, the login and the API (no `/healthz`: each listener adds its own).
pub fn router(gw: Goodwill, opts: WebOptions) -> Router {
    let limiter = Arc::new(limit::Limiter::new(opts.rate_per_minute, opts.burst));
    let web = Web {
        gw,
        opts: Arc::new(opts),
        sessions: Arc::new(auth::Sessions::default()),
        http: reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .unwrap_or_default(),
    };
    Router::new()
        .route("/", get(pages::home))
        .route("/static/goodwill.css", get(layout::stylesheet))
        .route("/g/{guild}", get(pages::standings))
        .route("/g/{guild}/m/{member}", get(pages::member))
        .route("/g/{guild}/report", get(pages::report))
        .route("/g/{guild}/report.csv", get(pages::report_csv))
        .route("/g/{guild}/report/whatif", get(pages::whatif))
        .route("/login", get(auth::login))
        .route("/auth/callback", get(auth::callback))
        .route("/logout", post(auth::logout))
        .route("/api/v1/g/{guild}/standings", get(api::standings))
        .route("/api/v1/g/{guild}/m/{member}", get(api::member))
        .route("/api/v1/g/{guild}/m/{member}/history", get(api::history))
        .route("/api/v1/g/{guild}/report", get(api::report))
        .with_state(web)
        .layer(axum::middleware::from_fn_with_state(limiter, rate_limit))
}

/// `goodwill serve`: the web router plus `/healthz`, until the process stops.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let app = app.route(
        "/healthz",
        get(|| async { ([(header::CONTENT_TYPE, "text/plain")], "ok\n") }),
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    Ok(())
}

/// 429 with `Retry-After` once a client IP has used its burst.
async fn rate_limit(
    State(limiter): State<Arc<limit::Limiter>>,
    req: Request,
    next: Next,
) -> Response {
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| a.ip());
    if let Some(ip) = ip {
        if let Err(wait) = limiter.check(ip, std::time::Instant::now()) {
            let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [
                    (header::RETRY_AFTER, secs.to_string()),
                    (header::CONTENT_TYPE, "text/plain".to_string()),
                ],
                format!(
                    "{}\n",
                    crate::i18n::tr(
                        pages::page_lang(req.uri(), req.headers(), "auto"),
                        "web-too-many",
                        &[]
                    )
                ),
            )
                .into_response();
        }
    }
    next.run(req).await
}

/// `?at=`: RFC 3339 or a date (the end of that day, UTC); default now.
pub(crate) fn parse_at(s: Option<&str>) -> Result<DateTime<Utc>, String> {
    let Some(s) = s.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(Utc::now());
    };
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_milli_opt(23, 59, 59, 999))
        .map(|t| t.and_utc())
        .ok_or_else(|| "at: give a date (2024-11-30) or an RFC 3339 time".to_string())
}

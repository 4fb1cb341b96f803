//! The read-only JSON API, `/api/v1/g/{guild}/…`. Every call needs
//! `Authorization: Bearer <token>` with a token of THAT guild (made with
//! `/config api-token create`), whatever the pages' visibility: 401 without
//! a valid token, 403 with another guild's. Opted-out and departed members
//! are left out as on the pages.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::pages::scrub;
use super::{layout, parse_at, Web};
use crate::capital::message::{GuildId, MemberId};
use crate::service::web::TokenCheck;
use crate::service::ServiceError;

fn error(status: StatusCode, message: &str) -> Response {
    let mut r = (status, axum::Json(json!({ "error": message }))).into_response();
    if status == StatusCode::UNAUTHORIZED {
        r.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer realm=\"goodwill\""),
        );
    }
    r
}

fn failed(e: ServiceError) -> Response {
    match e {
        ServiceError::Unavailable(_) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the ledger database is unavailable right now",
        ),
        ServiceError::UnknownGuild(..) | ServiceError::UnknownMember(_) => {
            error(StatusCode::NOT_FOUND, "not found")
        }
        ServiceError::Invalid(m) => error(StatusCode::BAD_REQUEST, &m),
        ServiceError::BadOption(o) => error(StatusCode::BAD_REQUEST, &o.to_string()),
        ServiceError::Refused(r) => error(StatusCode::BAD_REQUEST, &r.to_string()),
        e @ ServiceError::Setting { .. } => error(StatusCode::BAD_REQUEST, &e.to_string()),
        e => {
            tracing::warn!(error = %e, "api call failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
        }
    }
}

fn json_ok<T: serde::Serialize>(v: &T) -> Response {
    let mut r = axum::Json(v).into_response();
    layout::secure_headers(r.headers_mut(), false);
    r
}

/// The guild named in the path, once the bearer token is one of its own.
async fn authorize(web: &Web, guild: &str, headers: &HeaderMap) -> Result<GuildId, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            error(
                StatusCode::UNAUTHORIZED,
                "send Authorization: Bearer <token> (moderators create one with /config api-token create)",
            )
        })?;
    let guild: GuildId = guild
        .parse()
        .map_err(|_| error(StatusCode::NOT_FOUND, "not found"))?;
    match web.gw.api_token_check(guild, token).await.map_err(failed)? {
        TokenCheck::Valid => Ok(guild),
        TokenCheck::Unknown => Err(error(StatusCode::UNAUTHORIZED, "unknown or revoked token")),
        TokenCheck::OtherGuild => Err(error(
            StatusCode::FORBIDDEN,
            "this token belongs to another server",
        )),
    }
}

#[derive(Deserialize, Default)]
pub struct ApiQuery {
    page: Option<u32>,
    q: Option<String>,
    at: Option<String>,
    limit: Option<u32>,
    window: Option<u32>,
}

fn at(q: &ApiQuery) -> Result<chrono::DateTime<chrono::Utc>, Response> {
    parse_at(q.at.as_deref()).map_err(|m| error(StatusCode::BAD_REQUEST, &m))
}

pub async fn standings(
    State(web): State<Web>,
    Path(guild): Path<String>,
    Query(q): Query<ApiQuery>,
    headers: HeaderMap,
) -> Response {
    let g = match authorize(&web, &guild, &headers).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let t = match at(&q) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let page = q.page.unwrap_or(1).clamp(1, 1_000_000);
    let res = match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => web.gw.search_standings(g, s, page, t).await,
        None => web.gw.standings(g, page, t).await,
    };
    match (res, web.gw.hidden_members(g).await) {
        (Ok(mut p), Ok(hidden)) => {
            p.rows.retain(|r| !hidden.contains(&r.member_id));
            json_ok(&p)
        }
        (Err(e), _) | (_, Err(e)) => failed(e),
    }
}

async fn visible_member(web: &Web, g: GuildId, member: &str) -> Result<MemberId, Response> {
    let m: MemberId = member
        .parse()
        .map_err(|_| error(StatusCode::NOT_FOUND, "not found"))?;
    match web.gw.member_visible(g, m).await {
        Ok(true) => Ok(m),
        Ok(false) => Err(error(StatusCode::NOT_FOUND, "not found")),
        Err(e) => Err(failed(e)),
    }
}

pub async fn member(
    State(web): State<Web>,
    Path((guild, member)): Path<(String, String)>,
    Query(q): Query<ApiQuery>,
    headers: HeaderMap,
) -> Response {
    let g = match authorize(&web, &guild, &headers).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let t = match at(&q) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let m = match visible_member(&web, g, &member).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    match web.gw.balance(g, m, t).await {
        Ok(b) => json_ok(&b),
        Err(e) => failed(e),
    }
}

pub async fn history(
    State(web): State<Web>,
    Path((guild, member)): Path<(String, String)>,
    Query(q): Query<ApiQuery>,
    headers: HeaderMap,
) -> Response {
    let g = match authorize(&web, &guild, &headers).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let t = match at(&q) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let m = match visible_member(&web, g, &member).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    match tokio::try_join!(
        web.gw
            .history_at(g, m, q.limit.unwrap_or(50).clamp(1, 1000), t),
        web.gw.hidden_members(g)
    ) {
        Ok((mut h, hidden)) => {
            for r in &mut h.rows {
                if r.counterpart_id.is_some_and(|c| hidden.contains(&c)) {
                    r.counterpart_id = None;
                    r.counterpart_name = None;
                }
            }
            json_ok(&h)
        }
        Err(e) => failed(e),
    }
}

pub async fn report(
    State(web): State<Web>,
    Path(guild): Path<String>,
    Query(q): Query<ApiQuery>,
    headers: HeaderMap,
) -> Response {
    let g = match authorize(&web, &guild, &headers).await {
        Ok(g) => g,
        Err(r) => return r,
    };
    let t = match at(&q) {
        Ok(t) => t,
        Err(r) => return r,
    };
    let window = match q.window {
        Some(w) => w,
        None => match web.gw.settings(g).await {
            Ok(s) => s.report.window_days,
            Err(e) => return failed(e),
        },
    };
    match tokio::try_join!(
        web.gw.report(g, window.clamp(1, 3650), t),
        web.gw.hidden_members(g)
    ) {
        Ok((mut r, hidden)) => {
            scrub(&mut r, &hidden);
            json_ok(&r)
        }
        Err(e) => failed(e),
    }
}

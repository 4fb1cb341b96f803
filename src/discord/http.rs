//! `goodwill run --http ADDR`: `/healthz` answers `ok` while the process runs,
//! `/metrics` serves [`metrics()`](super::metrics::metrics) for Prometheus.
//! Other paths are 404, other methods 405. Each answer closes its connection,
//! as scrapers and probes open one per request anyway.

use std::net::SocketAddr;

use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;

use super::metrics::metrics;

/// What `/metrics` is: the OpenMetrics text format `prometheus-client` writes.
const OPENMETRICS: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Bind the health and metrics endpoint. Binding happens before the bot
/// connects so a busy port is reported at once.
pub async fn bind_http(addr: SocketAddr) -> anyhow::Result<TcpListener> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr} for /healthz and /metrics: {e}"))
}

/// Serve `/healthz` and `/metrics` (and, when given, the web pages and API
/// of [`crate::web::router`]) until the task is dropped.
pub async fn serve_http(listener: TcpListener, web: Option<Router>) {
    let app = Router::new()
        .route(
            "/healthz",
            get(|| async { answer(StatusCode::OK, "text/plain", "ok\n") }),
        )
        .route(
            "/metrics",
            get(|| async { answer(StatusCode::OK, OPENMETRICS, metrics().render()) }),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(|| async { method_not_allowed() });
    let app = match web {
        Some(w) => app.merge(w),
        None => app,
    };
    let app = app.into_make_service_with_connect_info::<SocketAddr>();
    if let Err(e) = axum::serve(listener, app).await {
        tracing::warn!(error = %e, "the /healthz and /metrics endpoint stopped");
    }
}

async fn not_found(method: Method) -> Response {
    if method == Method::GET || method == Method::HEAD {
        answer(StatusCode::NOT_FOUND, "text/plain", "not found\n")
    } else {
        method_not_allowed()
    }
}

fn method_not_allowed() -> Response {
    answer(
        StatusCode::METHOD_NOT_ALLOWED,
        "text/plain",
        "method not allowed\n",
    )
}

fn answer(status: StatusCode, content_type: &'static str, body: impl Into<String>) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONNECTION, "close"),
        ],
        body.into(),
    )
        .into_response()
}

//! The page shell: one stylesheet (served from `/static`, so the
//! Content-Security-Policy needs no inline styles and allows no scripts at
//! all), the header, and the headers every page carries.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, DOCTYPE};

use crate::i18n::Lang;

/// No scripts anywhere; styles and images from here only; forms post here only.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const CSS: &str = r#"
:root{--bg:#f7f7fb;--fg:#1d1d28;--muted:#666a7a;--card:#fff;--line:#e3e4ee;--accent:#4a55d6;--up:#1b8a4b;--down:#c23b3b}
@media (prefers-color-scheme:dark){:root{--bg:#15161c;--fg:#e9e9f1;--muted:#a0a3b5;--card:#1f2029;--line:#2f3140;--accent:#8d95ff;--up:#52c27f;--down:#ff7a7a}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;background:var(--card);border-bottom:1px solid var(--line)}
header.top a.brand{font-weight:700;color:var(--fg);text-decoration:none}
header.top nav{display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
main{max-width:1100px;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem;margin-bottom:1rem;overflow-x:auto}
.grid{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(280px,1fr))}
.stats{display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(130px,1fr))}
.stat b{display:block;font-size:1.4rem}
.stat span{color:var(--muted);font-size:.85rem}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.pos{color:var(--up)}.neg{color:var(--down)}
.muted{color:var(--muted)}
.tier{display:inline-block;padding:0 .5rem;border-radius:999px;border:1px solid var(--line);font-size:.85rem}
form.inline{display:flex;gap:.5rem;flex-wrap:wrap;margin-bottom:1rem}
input,textarea,button{font:inherit;padding:.45rem .6rem;border:1px solid var(--line);border-radius:8px;background:var(--card);color:var(--fg)}
textarea{width:100%;min-height:5rem}
button{background:var(--accent);color:#fff;border:0;cursor:pointer}
.pager{display:flex;gap:1rem;align-items:center;justify-content:center;margin:1rem 0}
svg.chart{width:100%;height:auto;display:block}
svg .axis{stroke:var(--line);stroke-width:1}
svg .line{fill:none;stroke:var(--accent);stroke-width:2.5}
svg .floor{stroke:var(--muted);stroke-dasharray:4 4;stroke-width:1}
svg text{fill:var(--muted);font-size:12px}
svg .giver{fill:var(--up)}svg .taker{fill:var(--down)}svg .matcher{fill:var(--accent)}svg .quiet{fill:var(--muted)}
.reason{max-width:34rem;word-break:break-word}
@media (max-width:640px){main{padding:.5rem}.hide-sm{display:none}th,td{padding:.4rem .3rem}h1{font-size:1.25rem}}
"#;

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

/// How each language names itself, for the picker.
fn native_name(l: Lang) -> &'static str {
    match l {
        Lang::En => "English",
        Lang::De => "Deutsch",
        Lang::Fr => "Français",
        Lang::Es => "Español",
        Lang::PtBr => "Português (Brasil)",
        Lang::Ja => "日本語",
    }
}

/// A whole page in `lang` with the security headers; `noindex` unless
/// `indexable`: `<html lang>` and a row of links to the same page in
/// the other languages (`?lang=…`).
pub fn page_in(
    lang: Lang,
    status: StatusCode,
    title: &str,
    indexable: bool,
    nav: Markup,
    body: Markup,
) -> Response {
    let doc = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                @if !indexable { meta name="robots" content="noindex, nofollow"; }
                title { (title) " · Goodwill" }
                link rel="stylesheet" href="/static/goodwill.css";
            }
            body {
                header.top {
                    a.brand href="/" { "Goodwill" }
                    nav { (nav) }
                }
                main { (body) }
                footer.langs {
                    @for l in Lang::ALL {
                        @if l == lang {
                            span.muted lang=(l.code()) { (native_name(l)) }
                        } @else {
                            a href=(format!("?lang={}", l.code())) lang=(l.code()) hreflang=(l.code()) { (native_name(l)) }
                        }
                        " "
                    }
                }
            }
        }
    };
    let mut r = (status, doc.into_string()).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    secure_headers(h, indexable);
    r
}

/// CSP, no sniffing, no framing, no referrer to other sites, and noindex.
pub fn secure_headers(h: &mut axum::http::HeaderMap, indexable: bool) {
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if !indexable {
        h.insert(
            "x-robots-tag",
            HeaderValue::from_static("noindex, nofollow"),
        );
    }
}

/// A short page that says one thing (errors, refusals), in `lang`.
pub fn message_in(lang: Lang, status: StatusCode, title: &str, text: &str) -> Response {
    page_in(
        lang,
        status,
        title,
        false,
        html! {},
        html! { div.card { h1 { (title) } p { (text) } } },
    )
}

/// Numbers as the pages show them.
pub fn num(x: f64) -> String {
    format!("{x:.1}")
}

/// A signed number with its class (`pos`/`neg`).
pub fn signed(x: f64) -> Markup {
    let class = if x > 0.05 {
        "pos"
    } else if x < -0.05 {
        "neg"
    } else {
        "muted"
    };
    html! { span class=(class) { (format!("{x:+.1}")) } }
}

//! Report charts, drawn in memory with plotters and encoded as PNG. Text uses
//! the bundled DejaVu Sans Mono (`assets/fonts`, Bitstream Vera licence), and
//! for Japanese the bundled Sawarabi Gothic (CC BY 3.0; 1.8 MB, the smallest
//! free font found holding every kana and kanji the chart's labels use,
//! Latin letters and digits too): no system font lookup, no network.

use crate::i18n::{Lang, Tr};
use std::sync::Once;

use chrono::Duration;
use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::service::{Category, ReportView};

static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");
const FAMILY: &str = "sans-serif";
static FONT_JA: &[u8] = include_bytes!("../../assets/fonts/SawarabiGothic-Medium.ttf");
const FAMILY_JA: &str = "goodwill-ja";

/// The font family a chart in `lang` is written in.
fn family(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => FAMILY_JA,
        _ => FAMILY,
    }
}

/// Size of each chart panel.
pub const PANEL: (u32, u32) = (800, 600);

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for (family, font) in [(FAMILY, FONT), (FAMILY_JA, FONT_JA)] {
            if plotters::style::register_font(family, FontStyle::Normal, font).is_err() {
                tracing::error!(family, "a bundled chart font could not be loaded");
            }
        }
    });
}

fn category_color(c: Category) -> RGBColor {
    match c {
        Category::Giver => RGBColor(0x2e, 0x9e, 0x44),
        Category::Taker => RGBColor(0xd6, 0x3a, 0x2f),
        Category::Matcher => RGBColor(0x2f, 0x6f, 0xd6),
        Category::Quiet => RGBColor(0x9a, 0x9a, 0x9a),
    }
}

type Err = String;

/// Axis label: no decimals on wide ranges.
fn fmt_num(v: f64, range: f64) -> String {
    if range.abs() >= 20.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn e<T: std::fmt::Debug>(x: T) -> Err {
    format!("chart drawing failed: {x:?}")
}

/// Earned vs spent in the window, one dot per member, coloured by category.
fn draw_scatter<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    r: &ReportView,
    t: Tr,
) -> Result<(), Err> {
    let fam = family(t.0);
    let xmax = r.members.iter().map(|m| m.earned).fold(1.0f64, f64::max) * 1.08;
    let ymax = r.members.iter().map(|m| m.spent).fold(1.0f64, f64::max) * 1.08;
    let mut chart = ChartBuilder::on(area)
        .caption(
            t.a("chart-scatter-title", &[("days", r.window_days.into())]),
            (fam, 22),
        )
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(0f64..xmax, 0f64..ymax)
        .map_err(e)?;
    let fx = |x: &f64| fmt_num(*x, xmax);
    let fy = |y: &f64| fmt_num(*y, ymax);
    chart
        .configure_mesh()
        .x_label_formatter(&fx)
        .y_label_formatter(&fy)
        .x_desc(t.s("chart-earned"))
        .y_desc(t.s("chart-spent"))
        .label_style((fam, 13))
        .axis_desc_style((fam, 15))
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .draw()
        .map_err(e)?;
    let m = xmax.min(ymax);
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (m, m)],
            RGBColor(0xbb, 0xbb, 0xbb).stroke_width(1),
        ))
        .map_err(e)?;
    for c in [
        Category::Giver,
        Category::Matcher,
        Category::Taker,
        Category::Quiet,
    ] {
        let col = category_color(c);
        let n = r.members.iter().filter(|x| x.category == c).count();
        chart
            .draw_series(
                r.members
                    .iter()
                    .filter(|x| x.category == c)
                    .map(|x| Circle::new((x.earned, x.spent), 5, col.mix(0.75).filled())),
            )
            .map_err(e)?
            .label(format!("{} ({n})", t.s(&format!("chart-{}", c.as_str()))))
            .legend(move |(x, y)| Circle::new((x + 8, y), 5, col.filled()));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .label_font((fam, 14))
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(0xcc, 0xcc, 0xcc))
        .draw()
        .map_err(e)?;
    Ok(())
}

/// The community's total standing (sum over members) over the window.
fn draw_trend<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    r: &ReportView,
    t: Tr,
) -> Result<(), Err> {
    let fam = family(t.0);
    let Some(first) = r.trend.first() else {
        return Ok(());
    };
    let t0 = first.at;
    let days = |t: chrono::DateTime<chrono::Utc>| crate::capital::decay::days_between(t0, t);
    let xmax = r.trend.last().map(|p| days(p.at)).unwrap_or(1.0).max(1.0);
    let lo = r
        .trend
        .iter()
        .map(|p| p.standing.min(p.recent).min(p.lasting))
        .fold(0.0f64, f64::min);
    let hi = r
        .trend
        .iter()
        .map(|p| p.standing.max(p.recent).max(p.lasting))
        .fold(1.0f64, f64::max);
    let pad = (hi - lo) * 0.06;
    let fmt = move |x: &f64| {
        (t0 + Duration::milliseconds((x * 86_400_000.0) as i64))
            .format("%Y-%m-%d")
            .to_string()
    };
    let mut chart = ChartBuilder::on(area)
        .caption(t.s("chart-trend-title"), (fam, 22))
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(0f64..xmax, (lo - pad)..(hi + pad))
        .map_err(e)?;
    chart
        .configure_mesh()
        .x_labels(5)
        .x_label_formatter(&fmt)
        .y_label_formatter(&|y: &f64| fmt_num(*y, hi - lo))
        .y_desc(t.s("chart-trend-y"))
        .label_style((fam, 13))
        .axis_desc_style((fam, 15))
        .light_line_style(RGBColor(0xee, 0xee, 0xee))
        .draw()
        .map_err(e)?;
    type Line = (
        String,
        RGBColor,
        u32,
        fn(&crate::service::TrendPoint) -> f64,
    );
    let series: [Line; 3] = [
        (t.s("chart-standing"), RGBColor(0x22, 0x22, 0x22), 3, |p| {
            p.standing
        }),
        (t.s("chart-recent"), RGBColor(0xe0, 0x8a, 0x1e), 2, |p| {
            p.recent
        }),
        (t.s("chart-lasting"), RGBColor(0x2f, 0x6f, 0xd6), 2, |p| {
            p.lasting
        }),
    ];
    for (name, col, w, f) in series {
        chart
            .draw_series(LineSeries::new(
                r.trend.iter().map(|p| (days(p.at), f(p))),
                col.stroke_width(w),
            ))
            .map_err(e)?
            .label(name)
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], col.stroke_width(w)));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .label_font((fam, 14))
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(0xcc, 0xcc, 0xcc))
        .draw()
        .map_err(e)?;
    Ok(())
}

fn encode_png(rgb: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, Err> {
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgb);
    enc.set_depth(png::BitDepth::Eight);
    let mut wr = enc.write_header().map_err(e)?;
    wr.write_image_data(rgb).map_err(e)?;
    wr.finish().map_err(e)?;
    Ok(out)
}

enum Which {
    Scatter,
    Trend,
    Both,
}

fn render(r: &ReportView, which: Which, lang: Lang) -> Result<Vec<u8>, Err> {
    register_font();
    let t = Tr(lang);
    let size = match which {
        Which::Both => (PANEL.0 * 2, PANEL.1),
        _ => PANEL,
    };
    let mut buf = vec![0u8; (size.0 * size.1 * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, size).into_drawing_area();
        root.fill(&WHITE).map_err(e)?;
        match which {
            Which::Scatter => draw_scatter(&root, r, t)?,
            Which::Trend => draw_trend(&root, r, t)?,
            Which::Both => {
                let (a, b) = root.split_horizontally(PANEL.0);
                draw_scatter(&a, r, t)?;
                draw_trend(&b, r, t)?;
            }
        }
        root.present().map_err(e)?;
    }
    encode_png(&buf, size)
}

/// The earned-vs-spent scatter alone (`PANEL` pixels).
pub fn scatter_png(r: &ReportView) -> Result<Vec<u8>, Err> {
    render(r, Which::Scatter, Lang::En)
}

/// The standing-over-time chart alone (`PANEL` pixels).
pub fn trend_png(r: &ReportView) -> Result<Vec<u8>, Err> {
    render(r, Which::Trend, Lang::En)
}

/// Both charts side by side (`2·PANEL.0 × PANEL.1` pixels): the report image.
pub fn report_png(r: &ReportView) -> Result<Vec<u8>, Err> {
    render(r, Which::Both, Lang::En)
}

/// [`report_png`] with its titles and labels in `lang` (`/report`).
pub fn report_png_in(r: &ReportView, lang: Lang) -> Result<Vec<u8>, Err> {
    render(r, Which::Both, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ab_glyph::{Font, FontRef};

    #[test]
    fn the_japanese_font_draws_every_character_of_the_japanese_chart() {
        let font = FontRef::try_from_slice(FONT_JA).expect("the Japanese font parses");
        let t = Tr(Lang::Ja);
        let mut labels = vec![t.a("chart-scatter-title", &[("days", 90.into())])];
        for id in [
            "chart-earned",
            "chart-spent",
            "chart-giver",
            "chart-matcher",
            "chart-taker",
            "chart-quiet",
            "chart-trend-title",
            "chart-trend-y",
            "chart-standing",
            "chart-recent",
            "chart-lasting",
        ] {
            labels.push(t.s(id));
        }
        for label in labels {
            for c in label.chars().filter(|c| !c.is_whitespace()) {
                assert_ne!(font.glyph_id(c).0, 0, "no glyph for {c:?} in {label}");
            }
        }
        assert_eq!(family(Lang::Ja), FAMILY_JA);
        assert_eq!(family(Lang::De), FAMILY);
    }
}

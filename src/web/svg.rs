//! Charts as inline SVG drawn from the numbers: a line over time with
//! dashed level lines (the decay projection with its tier floors, the
//! community trend) and an earned-vs-spent scatter. Colours come from the
//! stylesheet, so they follow the light or dark theme.

use maud::{html, Markup};

const W: f64 = 640.0;
const H: f64 = 260.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

struct Frame {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Frame {
    fn new(xs: impl Iterator<Item = f64>, ys: impl Iterator<Item = f64>) -> Frame {
        let (mut x0, mut x1) = bounds(xs);
        let (mut y0, mut y1) = bounds(ys);
        if x1 - x0 < 1e-9 {
            x0 -= 1.0;
            x1 += 1.0;
        }
        if y1 - y0 < 1e-9 {
            y0 -= 1.0;
            y1 += 1.0;
        }
        let pad = (y1 - y0) * 0.08;
        Frame {
            x0,
            x1,
            y0: if y0 >= 0.0 {
                (y0 - pad).max(0.0)
            } else {
                y0 - pad
            },
            y1: y1 + pad,
        }
    }
    fn x(&self, v: f64) -> f64 {
        LEFT + (v - self.x0) / (self.x1 - self.x0) * (W - LEFT - RIGHT)
    }
    fn y(&self, v: f64) -> f64 {
        TOP + (self.y1 - v) / (self.y1 - self.y0) * (H - TOP - BOTTOM)
    }
}

fn bounds(v: impl Iterator<Item = f64>) -> (f64, f64) {
    let (a, b) = v
        .filter(|x| x.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
            (a.min(x), b.max(x))
        });
    if a.is_finite() {
        (a, b)
    } else {
        (0.0, 1.0)
    }
}

fn anchor(px: f64) -> &'static str {
    if px - LEFT < 40.0 {
        "start"
    } else if W - RIGHT - px < 40.0 {
        "end"
    } else {
        "middle"
    }
}

fn f1(v: f64) -> String {
    format!("{v:.1}")
}

/// A line through `points` (x, y), with labelled horizontal `levels` and
/// labelled x ticks.
pub fn line(
    label: &str,
    points: &[(f64, f64)],
    levels: &[(f64, String)],
    x_ticks: &[(f64, String)],
) -> Markup {
    let f = Frame::new(
        points.iter().map(|p| p.0),
        points.iter().map(|p| p.1).chain(levels.iter().map(|l| l.0)),
    );
    let path: String = points
        .iter()
        .enumerate()
        .map(|(i, (x, y))| {
            format!(
                "{}{:.1},{:.1}",
                if i == 0 { "M" } else { " L" },
                f.x(*x),
                f.y(*y)
            )
        })
        .collect();
    let y_ticks = [f.y0, (f.y0 + f.y1) / 2.0, f.y1];
    html! {
        svg.chart viewBox=(format!("0 0 {W} {H}")) role="img" aria-label=(label) {
            title { (label) }
            line.axis x1=(LEFT) y1=(H - BOTTOM) x2=(W - RIGHT) y2=(H - BOTTOM) {}
            line.axis x1=(LEFT) y1=(TOP) x2=(LEFT) y2=(H - BOTTOM) {}
            @for t in y_ticks {
                text x=(LEFT - 6.0) y=(f.y(t) + 4.0) text-anchor="end" { (f1(t)) }
            }
            @for (x, l) in x_ticks {
                // Labels at the ends stay inside the picture.
                text x=(f.x(*x)) y=(H - 8.0) text-anchor=(anchor(f.x(*x))) { (l) }
            }
            @for (y, l) in levels {
                @if *y >= f.y0 && *y <= f.y1 {
                    line.floor x1=(LEFT) y1=(f.y(*y)) x2=(W - RIGHT) y2=(f.y(*y)) {}
                    text x=(W - RIGHT - 4.0) y=(f.y(*y) - 4.0) text-anchor="end" { (l) }
                }
            }
            path.line d=(path) {}
        }
    }
}

/// Earned (x) against spent (y), one dot per member, classed by category.
pub fn scatter(label: &str, points: &[(f64, f64, &'static str, String)]) -> Markup {
    let f = Frame::new(
        points.iter().map(|p| p.0).chain([0.0]),
        points.iter().map(|p| p.1).chain([0.0]),
    );
    html! {
        svg.chart viewBox=(format!("0 0 {W} {H}")) role="img" aria-label=(label) {
            title { (label) }
            line.axis x1=(LEFT) y1=(H - BOTTOM) x2=(W - RIGHT) y2=(H - BOTTOM) {}
            line.axis x1=(LEFT) y1=(TOP) x2=(LEFT) y2=(H - BOTTOM) {}
            line.floor x1=(f.x(0.0)) y1=(f.y(0.0)) x2=(f.x(f.x1.min(f.y1))) y2=(f.y(f.x1.min(f.y1))) {}
            text x=(W - RIGHT) y=(H - 8.0) text-anchor="end" { "earned →" }
            text x=(LEFT + 4.0) y=(TOP + 10.0) { "↑ spent" }
            text x=(LEFT - 6.0) y=(f.y(f.y1) + 4.0) text-anchor="end" { (f1(f.y1)) }
            text x=(f.x(f.x1)) y=(H - 20.0) text-anchor="end" { (f1(f.x1)) }
            @for (x, y, class, name) in points {
                circle class=(class) cx=(format!("{:.1}", f.x(*x))) cy=(format!("{:.1}", f.y(*y))) r="4" {
                    title { (name) ": earned " (f1(*x)) ", spent " (f1(*y)) }
                }
            }
        }
    }
}

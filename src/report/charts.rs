//! Charts without JavaScript or network: inline SVG for HTML reports, and
//! the coordinates Mermaid's `quadrantChart` needs for Markdown reports.
//! Floats are used here only for geometry.

use crate::i18n::Fmt;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;
use serde_json::Value;
use std::fmt::Write as _;

/// Escape text for SVG/XML.
pub fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

fn dec(v: f64) -> Decimal {
    Decimal::from_f64_retain(v).unwrap_or_default()
}

/// A short money label for charts: `13 mill.` (nb) or `13M` (en).
pub fn short_money(fmt: &Fmt, v: f64) -> String {
    let (m, k) = match fmt.locale {
        crate::model::Locale::Nb => (" mill.", " k"),
        crate::model::Locale::En => ("M", "k"),
    };
    let d = Decimal::from_f64(v).unwrap_or_default();
    let thousands = (d / Decimal::from(1_000))
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if thousands.abs() >= Decimal::from(1_000) {
        let millions = (d / Decimal::from(1_000_000))
            .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        format!("{}{m}", fmt.number_dp(millions, 1))
    } else if d.abs() >= Decimal::from(1_000) {
        format!("{}{k}", fmt.number_dp(thousands, 0))
    } else {
        fmt.number_dp(d, 0)
    }
}

pub const CATEGORY_COLORS: [(&str, &str); 4] = [
    ("key", "#1f7a4d"),
    ("star", "#c77d00"),
    ("question", "#2b6cb0"),
    ("phase_out_new", "#8a8f98"),
];

fn color(category: &str) -> &'static str {
    CATEGORY_COLORS
        .iter()
        .find(|(c, _)| *c == category)
        .map_or("#8a8f98", |(_, col)| col)
}

/// Where each customer sits in the portfolio, from 0 to 1 on both axes.
/// The halves are the categories — right: large (key, star), top: high
/// contribution (key, question) — so the four quadrants are always the four
/// categories; within a half, x follows revenue on a log scale and y the
/// margin. Prospects, with no revenue yet, stand at the left edge.
pub struct Scale {
    lo: f64,
    hi: f64,
    y_min: f64,
    y_max: f64,
}

fn right(category: &str) -> bool {
    matches!(category, "key" | "star")
}

fn top(category: &str) -> bool {
    matches!(category, "key" | "question")
}

impl Scale {
    pub fn new(customers: &[Value]) -> Self {
        let logs: Vec<f64> = customers
            .iter()
            .map(|c| f(&c["revenue"]))
            .filter(|r| *r > 0.0)
            .map(f64::log10)
            .collect();
        let lo = logs.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (lo, hi) = if logs.is_empty() {
            (0.0, 1.0)
        } else {
            (lo - 0.05, hi + 0.05)
        };
        // Margins spread over the range the customers with revenue have.
        let margins: Vec<f64> = customers
            .iter()
            .filter(|c| f(&c["revenue"]) > 0.0)
            .map(|c| f(&c["margin"]))
            .collect();
        let y_min = margins.iter().copied().fold(f64::INFINITY, f64::min);
        let y_max = margins.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (y_min, y_max) = if margins.is_empty() {
            (0.0, 1.0)
        } else {
            (y_min, y_max.max(y_min + 0.01))
        };
        Self {
            lo,
            hi: hi.max(lo + 0.1),
            y_min,
            y_max,
        }
    }

    /// A customer's place: `(x, y)` from 0 to 1.
    pub fn place(&self, c: &Value) -> (f64, f64) {
        let category = c["category"].as_str().unwrap_or_default();
        let revenue = f(&c["revenue"]);
        let within_x = if revenue > 0.0 {
            ((revenue.log10() - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let within_y = ((f(&c["margin"]) - self.y_min) / (self.y_max - self.y_min)).clamp(0.0, 1.0);
        let x = if revenue <= 0.0 {
            0.03
        } else if right(category) {
            0.56 + 0.36 * within_x
        } else {
            0.08 + 0.36 * within_x
        };
        // Clear of the quadrant names along the top and bottom edges.
        let y = if top(category) {
            0.56 + 0.30 * within_y
        } else {
            0.14 + 0.30 * within_y
        };
        (x, y)
    }
}

/// The portfolio matrix as a bubble chart: x revenue (log scale), y margin,
/// bubble area by contribution, colour by category, the threshold lines
/// dividing the four quadrants. `total` is how many customers there are;
/// when `customers` holds fewer (the largest), the chart says so.
pub fn portfolio_svg(
    customers: &[Value],
    thresholds: &Value,
    labels: &Value,
    quadrants: [&str; 4],
    total: usize,
    fmt: &Fmt,
) -> String {
    let (w, h, left, right, top, bottom) = (720.0, 460.0, 64.0, 24.0, 24.0, 52.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let scale = Scale::new(customers);
    let px = |x: f64| left + x * pw;
    let py = |y: f64| top + (1.0 - y) * ph;
    let max_contribution = customers
        .iter()
        .map(|c| f(&c["contribution"]))
        .fold(0.0, f64::max)
        .max(1.0);
    let mut s = String::new();
    let title = xml(labels["portfolio_matrix"].as_str().unwrap_or_default());
    let _ = write!(
        s,
        r##"<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{title}" xmlns="http://www.w3.org/2000/svg" font-family="inherit">"##
    );
    let _ = write!(
        s,
        r##"<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fbfbfc" stroke="#d5d9e0"/>"##
    );
    // The quadrant lines: the halves are the categories.
    let (qx, qy) = (px(0.5), py(0.5));
    let _ = write!(
        s,
        r##"<line x1="{qx:.1}" y1="{top}" x2="{qx:.1}" y2="{:.1}" stroke="#9aa3af" stroke-dasharray="5 4"/>"##,
        top + ph
    );
    let _ = write!(
        s,
        r##"<line x1="{left}" y1="{qy:.1}" x2="{:.1}" y2="{qy:.1}" stroke="#9aa3af" stroke-dasharray="5 4"/>"##,
        left + pw
    );
    // Quadrant names: [key (top right), star (bottom right), question (top left), phase-out (bottom left)].
    let names = [
        (quadrants[0], left + pw - 8.0, top + 18.0, "end", "key"),
        (
            quadrants[1],
            left + pw - 8.0,
            top + ph - 10.0,
            "end",
            "star",
        ),
        (quadrants[2], left + 8.0, top + 18.0, "start", "question"),
        (
            quadrants[3],
            left + 8.0,
            top + ph - 10.0,
            "start",
            "phase_out_new",
        ),
    ];
    for (name, x, y, anchor, cat) in names {
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" font-size="13" font-weight="700" letter-spacing="1" fill="{}" opacity="0.85">{}</text>"##,
            color(cat),
            xml(&name.to_uppercase())
        );
    }
    let mut sorted: Vec<&Value> = customers.iter().collect();
    sorted.sort_by(|a, b| f(&b["contribution"]).total_cmp(&f(&a["contribution"])));
    let mut prospects: f64 = 0.0;
    for c in sorted {
        let (x_share, mut y_share) = scale.place(c);
        if f(&c["revenue"]) <= 0.0 {
            // No revenue yet: a column at the left edge, one above the other.
            prospects += 1.0;
            y_share = (0.10 + 0.07 * prospects).min(0.45);
        }
        let (x, y) = (px(x_share), py(y_share));
        let contribution = f(&c["contribution"]).max(0.0);
        let r = 5.0 + 26.0 * (contribution / max_contribution).sqrt();
        let cat = c["category"].as_str().unwrap_or_default();
        let name = c["name"].as_str().unwrap_or_default();
        let tip = format!(
            "{name}: {} {}, {} {}, {} {}",
            labels["revenue"].as_str().unwrap_or_default(),
            fmt.money(dec(f(&c["revenue"]))),
            labels["margin"].as_str().unwrap_or_default(),
            fmt.percent(dec(f(&c["margin"]))),
            labels["contribution"].as_str().unwrap_or_default(),
            fmt.money(dec(f(&c["contribution"])))
        );
        let dash = if c["prospect"].as_bool().unwrap_or(false) {
            r##" stroke-dasharray="3 2""##
        } else {
            ""
        };
        let _ = write!(
            s,
            r##"<g><title>{}</title><circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{}" fill-opacity="0.55" stroke="{}" stroke-width="1.5"{dash}/>"##,
            xml(&tip),
            color(cat),
            color(cat)
        );
        let short: String = name.chars().take(22).collect();
        let (lx, anchor) = if x > left + pw * 0.72 {
            (x - r - 3.0, "end")
        } else {
            (x + r + 3.0, "start")
        };
        let _ = write!(
            s,
            r##"<text x="{lx:.1}" y="{:.1}" text-anchor="{anchor}" font-size="10" fill="#2d3748">{}</text></g>"##,
            y + 3.5,
            xml(&short)
        );
    }
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="12" fill="#4a5568">{} → {}</text>"##,
        left + pw / 2.0,
        h - 14.0,
        xml(labels["low_revenue"].as_str().unwrap_or_default()),
        xml(labels["high_revenue"].as_str().unwrap_or_default())
    );
    let _ = write!(
        s,
        r##"<text transform="translate(18 {:.1}) rotate(-90)" text-anchor="middle" font-size="12" fill="#4a5568">{} → {}</text>"##,
        top + ph / 2.0,
        xml(labels["low_contribution"].as_str().unwrap_or_default()),
        xml(labels["high_contribution"].as_str().unwrap_or_default())
    );
    if total > customers.len() {
        let note = labels["chart_largest"]
            .as_str()
            .unwrap_or_default()
            .replace("{shown}", &fmt.number_dp(Decimal::from(customers.len()), 0))
            .replace("{total}", &fmt.number_dp(Decimal::from(total), 0));
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="10" fill="#4a5568">{}</text>"##,
            left + pw,
            h - 2.0,
            xml(&note)
        );
    }
    if let Some(l) = thresholds["large_revenue"].as_f64() {
        let _ = write!(
            s,
            r##"<text x="{qx:.1}" y="{:.1}" text-anchor="middle" font-size="10" fill="#4a5568">{}</text>"##,
            top + ph + 14.0,
            xml(&short_money(fmt, l))
        );
    }
    s.push_str("</svg>");
    s
}

/// A team goal's allocation: for additive metrics one bar of the sellers'
/// stacked targets against the team target; for ratios one bar a seller.
pub fn allocation_svg(goal: &Value, fmt: &Fmt) -> String {
    let target = f(&goal["target"]);
    let contributions = goal["contributions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let ratio = goal["kind"] == "ratio";
    let value_text = |v: f64| match goal["kind"].as_str() {
        Some("money") => short_money(fmt, v),
        Some("ratio") => fmt.percent(dec(v)),
        _ => fmt.number(dec(v)),
    };
    let (w, left, right) = (720.0, 150.0, 90.0);
    let pw = w - left - right;
    let palette = [
        "#2b6cb0", "#38a169", "#d69e2e", "#805ad5", "#dd6b20", "#319795", "#b83280", "#718096",
    ];
    let mut s = String::new();
    if ratio {
        let max = contributions
            .iter()
            .map(|c| f(&c["value"]))
            .fold(target, f64::max)
            .max(1e-9)
            * 1.1;
        let h = 20.0 + 24.0 * contributions.len() as f64;
        let _ = write!(
            s,
            r##"<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg" font-family="inherit">"##
        );
        for (i, c) in contributions.iter().enumerate() {
            let y = 8.0 + 24.0 * i as f64;
            let v = f(&c["value"]);
            let bw = (pw * v / max).max(0.0);
            let col = if v >= target { "#38a169" } else { "#dd6b20" };
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11" fill="#2d3748">{}</text>"##,
                left - 8.0,
                y + 12.0,
                xml(c["name"].as_str().unwrap_or_default())
            );
            let _ = write!(
                s,
                r##"<rect x="{left}" y="{y:.1}" width="{bw:.1}" height="16" rx="3" fill="{col}" fill-opacity="0.8"/>"##
            );
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#2d3748">{}</text>"##,
                left + bw + 6.0,
                y + 12.0,
                xml(&value_text(v))
            );
        }
        let tx = left + pw * target / max;
        let _ = write!(
            s,
            r##"<line x1="{tx:.1}" y1="2" x2="{tx:.1}" y2="{:.1}" stroke="#1a202c" stroke-width="2"/>"##,
            h - 4.0
        );
        s.push_str("</svg>");
        return s;
    }
    let total: f64 = contributions.iter().map(|c| f(&c["value"]).max(0.0)).sum();
    let max = total.max(target).max(1e-9) * 1.08;
    let h = 64.0;
    let _ = write!(
        s,
        r##"<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg" font-family="inherit">"##
    );
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="26" text-anchor="end" font-size="11" fill="#2d3748">{}</text>"##,
        left - 8.0,
        xml(goal["label"].as_str().unwrap_or_default())
    );
    let mut x = left;
    for (i, c) in contributions.iter().enumerate() {
        let v = f(&c["value"]);
        let bw = (pw * v.max(0.0) / max).max(0.0);
        let col = palette[i % palette.len()];
        let name = c["name"].as_str().unwrap_or_default();
        let _ = write!(
            s,
            r##"<g><title>{}: {}</title><rect x="{x:.1}" y="12" width="{bw:.1}" height="22" fill="{col}" fill-opacity="0.85" stroke="#fff"/>"##,
            xml(name),
            xml(&value_text(v))
        );
        if bw > 56.0 {
            let first: String = name
                .split_whitespace()
                .next()
                .unwrap_or(name)
                .chars()
                .take(12)
                .collect();
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="27" font-size="10" fill="#fff">{}</text>"##,
                x + 4.0,
                xml(&first)
            );
        }
        s.push_str("</g>");
        x += bw;
    }
    let tx = left + pw * target / max;
    let _ = write!(
        s,
        r##"<line x1="{tx:.1}" y1="4" x2="{tx:.1}" y2="42" stroke="#1a202c" stroke-width="2"/>"##
    );
    let _ = write!(
        s,
        r##"<text x="{tx:.1}" y="56" text-anchor="middle" font-size="10" fill="#1a202c">{}</text>"##,
        xml(&value_text(target))
    );
    let _ = write!(
        s,
        r##"<text x="{:.1}" y="27" font-size="11" font-weight="700" fill="#2d3748">{}</text>"##,
        (left + pw * total / max + 6.0).min(w - 4.0 - 60.0),
        xml(&value_text(total))
    );
    s.push_str("</svg>");
    s
}

/// The main goal ← milestones ← starting point as a staircase, left to
/// right, each step with its date and values.
pub fn milestones_svg(team: &Value, labels: &Value, fmt: &Fmt) -> String {
    let mut steps: Vec<(String, String, String)> = Vec::new();
    let values_text = |vals: &Value| -> String {
        vals.as_array()
            .map(|a| {
                a.iter()
                    .take(2)
                    .map(|v| match v["kind"].as_str() {
                        Some("money") => short_money(fmt, f(&v["value"])),
                        Some("ratio") => fmt.percent(dec(f(&v["value"]))),
                        _ => fmt.number(dec(f(&v["value"]))),
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")
            })
            .unwrap_or_default()
    };
    let label = |k: &str| labels[k].as_str().unwrap_or_default().to_string();
    if let Some(sp) = team["starting_point"].as_object() {
        steps.push((
            label("starting_point"),
            super::labels::date(sp["date"].as_str().unwrap_or_default(), fmt.locale),
            values_text(&sp["values"]),
        ));
    }
    for (i, m) in team["milestones"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        steps.push((
            format!("{} {}", label("milestone"), i + 1),
            super::labels::date(m["deadline"].as_str().unwrap_or_default(), fmt.locale),
            values_text(&m["values"]),
        ));
    }
    if let Some(mg) = team["main_goal"].as_object() {
        steps.push((
            label("main_goal"),
            super::labels::date(mg["deadline"].as_str().unwrap_or_default(), fmt.locale),
            values_text(&mg["values"]),
        ));
    }
    if steps.is_empty() {
        return String::new();
    }
    let n = steps.len() as f64;
    let (w, h) = (720.0, 190.0);
    let step_w = (w - 20.0) / n;
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg class="chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg" font-family="inherit">"##,
        xml(&label("work_backwards"))
    );
    for (i, (name, date, values)) in steps.iter().enumerate() {
        let x = 10.0 + step_w * i as f64;
        let rise = 100.0 * (i as f64) / (n - 1.0).max(1.0);
        let y = 130.0 - rise;
        let last = i + 1 == steps.len();
        let fill = if last {
            "#1f7a4d"
        } else if i == 0 {
            "#718096"
        } else {
            "#2b6cb0"
        };
        let _ = write!(
            s,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" rx="4" fill="{fill}" fill-opacity="0.9"/>"##,
            step_w - 6.0,
            h - y - 6.0
        );
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="12" font-weight="700" fill="#fff">{}</text>"##,
            x + 8.0,
            y + 18.0,
            xml(name)
        );
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="#fff">{}</text>"##,
            x + 8.0,
            y + 32.0,
            xml(date)
        );
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#fff">{}</text>"##,
            x + 8.0,
            y + 47.0,
            xml(values)
        );
        if !last {
            let _ = write!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="16" fill="#4a5568">→</text>"##,
                x + step_w - 14.0,
                y - 6.0
            );
        }
    }
    s.push_str("</svg>");
    s
}

/// Text safe inside a Mermaid label (quoted): no quotes, brackets or
/// colons; `%` and `#` as Mermaid's entity codes (`#37;`, `#35;`), since a
/// percent sign is part of a value (`17,8 %`), and `%%` would start a comment.
pub fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '[' | ']' | '{' | '}' | ':' | ';' | '`' | '<' | '>' | '|' | '\n' | '\r' => {
                out.push(' ');
            }
            '%' => out.push_str("#37;"),
            '#' => out.push_str("#35;"),
            c => out.push(c),
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn mermaid_keeps_percent_and_hash_as_entities() {
        assert_eq!(super::mermaid("17,8 %"), "17,8 #37;");
        assert_eq!(super::mermaid("Nr. #1: \"A\""), "Nr. #35;1   A");
    }
}

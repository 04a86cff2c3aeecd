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

/// The metric a team's path chart is scaled to: revenue when its milestones
/// or main goal name it, else the first metric they share, else the first
/// metric of its milestones or, without any, of its main goal.
pub fn path_metric(team: &Value) -> Option<String> {
    let metrics = |values: &Value| -> Vec<String> {
        values
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v["metric"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut milestones: Vec<String> = Vec::new();
    for m in team["milestones"].as_array().into_iter().flatten() {
        for id in metrics(&m["values"]) {
            if !milestones.contains(&id) {
                milestones.push(id);
            }
        }
    }
    let main = metrics(&team["main_goal"]["values"]);
    let revenue = "revenue".to_string();
    if milestones.contains(&revenue) || main.contains(&revenue) {
        return Some(revenue);
    }
    milestones
        .iter()
        .find(|m| main.contains(m))
        .or_else(|| milestones.first())
        .or_else(|| main.first())
        .cloned()
}

/// What a step of the staircase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    Start,
    Milestone(usize),
    Main,
}

/// One step of the staircase of a metric: a date and its target, with the
/// milestone's state against the actuals when evaluated.
#[derive(Clone, Debug)]
pub struct Step {
    pub kind: StepKind,
    pub date: String,
    pub days: i64,
    pub target: f64,
    pub actual: Option<f64>,
    pub state: Option<String>,
}

fn days(date: &str) -> Option<i64> {
    crate::model::period::Date::parse(date).map(crate::model::period::Date::days)
}

fn value_of(values: &Value, metric: &str) -> Option<(f64, String)> {
    values.as_array()?.iter().find_map(|v| {
        (v["metric"] == metric).then(|| {
            (
                f(&v["value"]),
                v["kind"].as_str().unwrap_or("count").to_string(),
            )
        })
    })
}

/// The staircase of `metric`: the starting point, the milestones that name
/// it, the main goal; in date order (the starting point first), with the
/// metric's kind.
pub fn staircase(team: &Value, metric: &str) -> (Vec<Step>, String) {
    let mut kind = String::from("count");
    let mut steps = Vec::new();
    let sp = &team["starting_point"];
    if let (Some((target, k)), Some(date)) = (value_of(&sp["values"], metric), sp["date"].as_str())
        && let Some(d) = days(date)
    {
        kind = k;
        steps.push(Step {
            kind: StepKind::Start,
            date: date.to_string(),
            days: d,
            target,
            actual: None,
            state: None,
        });
    }
    let mut milestones = Vec::new();
    for (i, m) in team["milestones"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let (Some((target, k)), Some(date)) =
            (value_of(&m["values"], metric), m["deadline"].as_str())
        else {
            continue;
        };
        let Some(d) = days(date) else {
            continue;
        };
        kind = k;
        let eval = m["evaluation"]
            .as_array()
            .and_then(|e| e.iter().find(|e| e["metric"] == metric));
        milestones.push(Step {
            kind: StepKind::Milestone(i + 1),
            date: date.to_string(),
            days: d,
            target,
            actual: eval.and_then(|e| e["actual"].as_f64()),
            state: eval.and_then(|e| e["state"].as_str().map(str::to_string)),
        });
    }
    milestones.sort_by_key(|s| s.days);
    steps.extend(milestones);
    let mg = &team["main_goal"];
    if let (Some((target, k)), Some(date)) =
        (value_of(&mg["values"], metric), mg["deadline"].as_str())
        && let Some(d) = days(date)
    {
        kind = k;
        steps.push(Step {
            kind: StepKind::Main,
            date: date.to_string(),
            days: d,
            target,
            actual: None,
            state: None,
        });
    }
    (steps, kind)
}

/// A metric's label in the report's language, from the team's values.
fn metric_label(team: &Value, metric: &str) -> String {
    team["path"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(
            team["milestones"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|m| m["values"].as_array().into_iter().flatten()),
        )
        .chain(team["main_goal"]["values"].as_array().into_iter().flatten())
        .find(|v| v["metric"] == metric)
        .and_then(|v| v["label"].as_str())
        .unwrap_or(metric)
        .to_string()
}

/// The points of the team's path of `metric`: `(days, date, actual)`.
pub fn path_points(team: &Value, metric: &str) -> Vec<(i64, String, f64)> {
    team["path"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["metric"] == metric)
        .flat_map(|p| p["points"].as_array().into_iter().flatten())
        .filter_map(|pt| {
            let date = pt["date"].as_str()?;
            Some((days(date)?, date.to_string(), pt["actual"].as_f64()?))
        })
        .filter(|(_, _, v)| v.is_finite())
        .collect()
}

/// A value axis from `lo` to `hi` in round steps (1, 2, 2.5 or 5 × 10ⁿ),
/// about four of them; from 0 when `from_zero`. Always `hi > lo`, finite.
pub fn value_axis(values: &[f64], from_zero: bool) -> (f64, f64, f64) {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let min = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let max = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (mut lo, mut hi) = if finite.is_empty() {
        (0.0, 1.0)
    } else if from_zero {
        (min.min(0.0), max.max(0.0))
    } else {
        (min, max)
    };
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        let pad = if hi.abs() > 0.0 { hi.abs() * 0.1 } else { 1.0 };
        hi += pad;
        if !from_zero || lo < 0.0 {
            lo -= pad;
        }
    }
    if !from_zero {
        // Room below the lowest value, not below zero for positive values.
        let below = lo - (hi - lo) * 0.25;
        lo = if lo >= 0.0 { below.max(0.0) } else { below };
    }
    let raw = (hi - lo) / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    if !(step.is_finite() && step > 0.0) {
        return (0.0, 1.0, 0.25);
    }
    let top = (hi / step).ceil() * step;
    // Headroom above the highest value for its label.
    let top = if top - hi < 0.08 * (top - lo) {
        top + step
    } else {
        top
    };
    ((lo / step).floor() * step, top, step)
}

fn text_of(kind: &str, v: f64, fmt: &Fmt) -> String {
    match kind {
        "money" => short_money(fmt, v),
        "ratio" => fmt.percent(dec(v)),
        _ => fmt.number_dp(dec(v), 1),
    }
}

fn full_text_of(kind: &str, v: f64, fmt: &Fmt) -> String {
    match kind {
        "money" => fmt.money(dec(v).round_dp(0)),
        "ratio" => fmt.percent(dec(v)),
        _ => fmt.number(dec(v)),
    }
}

fn state_color(state: Option<&str>) -> &'static str {
    match state {
        Some("reached") => "#1f7a4d",
        Some("missed") => "#c53030",
        Some("pending") => "#2b6cb0",
        _ => "#16365c",
    }
}

/// The milestone staircase of one metric on a value scale, with the team's
/// actual path drawn over it: x the dates from the starting point to the
/// main goal's deadline, y the value. A flow (money, counts) climbs from 0
/// at `year_start` and its starting point (last year's level) is a dashed
/// line; a ratio steps from its starting point. Missed milestones are red,
/// reached green, pending blue. Empty when the team has no staircase.
pub fn path_svg(team: &Value, labels: &Value, year_start: Option<&str>, fmt: &Fmt) -> String {
    let Some(metric) = path_metric(team) else {
        return String::new();
    };
    let (steps, kind) = staircase(team, &metric);
    if steps.is_empty() {
        return String::new();
    }
    let points = path_points(team, &metric);
    let cumulative = matches!(kind.as_str(), "money" | "count");
    let label = |k: &str| labels[k].as_str().unwrap_or_default().to_string();
    let start_days = year_start.and_then(days);
    // The x axis: every date drawn, from the earliest to the latest.
    let all_days: Vec<i64> = steps
        .iter()
        .map(|s| s.days)
        .chain(points.iter().map(|p| p.0))
        .chain(start_days.filter(|_| cumulative))
        .collect();
    let (Some(&x_lo), Some(&x_hi)) = (all_days.iter().min(), all_days.iter().max()) else {
        return String::new();
    };
    let (x_lo, x_hi) = if x_hi > x_lo {
        (x_lo as f64, x_hi as f64)
    } else {
        (x_lo as f64 - 15.0, x_hi as f64 + 15.0)
    };
    let values: Vec<f64> = steps
        .iter()
        .map(|s| s.target)
        .chain(points.iter().map(|p| p.2))
        .collect();
    let (y_lo, y_hi, y_step) = value_axis(&values, cumulative);
    let (w, h, left, right, top, bottom) = (720.0, 300.0, 74.0, 28.0, 44.0, 40.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let px = |d: f64| left + (d - x_lo) / (x_hi - x_lo) * pw;
    let py = |v: f64| top + (1.0 - (v - y_lo) / (y_hi - y_lo)) * ph;
    let metric_label = metric_label(team, &metric);
    let mut s = String::new();
    let title = format!("{} · {metric_label}", label("path_chart"));
    let _ = write!(
        s,
        r##"<svg class="chart path" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg" font-family="inherit">"##,
        xml(&title)
    );
    let _ = write!(
        s,
        r##"<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="#fbfbfc" stroke="#d5d9e0"/>"##
    );
    // The value axis: grid lines and their values.
    let mut tick = y_lo;
    for _ in 0..12 {
        if tick > y_hi + y_step * 1e-6 {
            break;
        }
        let y = py(tick);
        let _ = write!(
            s,
            r##"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#e2e6eb"/><text x="{:.1}" y="{:.1}" text-anchor="end" font-size="10" fill="#4a5568">{}</text>"##,
            left + pw,
            left - 6.0,
            y + 3.5,
            xml(&text_of(&kind, tick, fmt))
        );
        tick += y_step;
    }
    // The legend and the metric.
    let _ = write!(
        s,
        r##"<text x="{left}" y="14" font-size="12" font-weight="700" fill="#1a202c">{}</text>"##,
        xml(&metric_label)
    );
    let legend_x = left + pw - 330.0;
    let _ = write!(
        s,
        r##"<line x1="{legend_x:.1}" y1="10" x2="{:.1}" y2="10" stroke="#16365c" stroke-width="2" stroke-dasharray="6 3"/><text x="{:.1}" y="14" font-size="11" fill="#2d3748">{}</text>"##,
        legend_x + 22.0,
        legend_x + 28.0,
        xml(&label("path_plan"))
    );
    if !points.is_empty() {
        let _ = write!(
            s,
            r##"<line x1="{:.1}" y1="10" x2="{:.1}" y2="10" stroke="#dd6b20" stroke-width="3"/><text x="{:.1}" y="14" font-size="11" fill="#2d3748">{}</text>"##,
            legend_x + 190.0,
            legend_x + 212.0,
            legend_x + 218.0,
            xml(&label("path_actual"))
        );
    }
    // The date axis: the staircase's dates, none on top of another.
    let mut last_x = f64::NEG_INFINITY;
    let mut dates: Vec<(i64, &str)> = steps.iter().map(|s| (s.days, s.date.as_str())).collect();
    dates.sort_unstable();
    for (d, date) in dates {
        let x = px(d as f64);
        if x - last_x < 64.0 {
            continue;
        }
        last_x = x;
        let anchor = if x > left + pw - 30.0 {
            "end"
        } else if x < left + 30.0 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            s,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#9aa3af"/><text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" font-size="10" fill="#4a5568">{}</text>"##,
            top + ph,
            top + ph + 4.0,
            top + ph + 16.0,
            xml(&super::labels::date(date, fmt.locale))
        );
    }
    // The staircase: each target holds from its date to the next one's.
    let mut stairs: Vec<(f64, f64)> = Vec::new();
    for step in &steps {
        if step.kind == StepKind::Start && cumulative {
            // Last year's level: a reference line, not a step of this year's sum.
            let y = py(step.target);
            let _ = write!(
                s,
                r##"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#718096" stroke-dasharray="2 3"/><text x="{:.1}" y="{:.1}" font-size="10" fill="#4a5568">{}</text>"##,
                left + pw,
                left + 6.0,
                y - 4.0,
                xml(&format!(
                    "{} {}: {}",
                    label("starting_point"),
                    super::labels::date(&step.date, fmt.locale),
                    text_of(&kind, step.target, fmt)
                ))
            );
            continue;
        }
        let (x, y) = (px(step.days as f64), py(step.target));
        match stairs.last() {
            None if cumulative => {
                let x0 = px(start_days.map_or(x_lo, |d| d as f64).max(x_lo));
                stairs.push((x0, py(0.0)));
                stairs.push((x, py(0.0)));
            }
            None => {}
            Some(&(_, prev)) => stairs.push((x, prev)),
        }
        stairs.push((x, y));
    }
    if stairs.len() > 1 {
        let d: Vec<String> = stairs
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            s,
            r##"<polyline points="{}" fill="none" stroke="#16365c" stroke-width="2" stroke-dasharray="6 3"/>"##,
            d.join(" ")
        );
    }
    // The actual path.
    if points.len() > 1 {
        let d: Vec<String> = points
            .iter()
            .map(|(d, _, v)| format!("{:.1},{:.1}", px(*d as f64), py(*v)))
            .collect();
        let _ = write!(
            s,
            r##"<polyline class="actual" points="{}" fill="none" stroke="#dd6b20" stroke-width="3" stroke-linejoin="round"/>"##,
            d.join(" ")
        );
    }
    for (d, date, v) in &points {
        let _ = write!(
            s,
            r##"<g><title>{}</title><circle cx="{:.1}" cy="{:.1}" r="3.5" fill="#dd6b20"/></g>"##,
            xml(&format!(
                "{}: {}",
                super::labels::date(date, fmt.locale),
                full_text_of(&kind, *v, fmt)
            )),
            px(*d as f64),
            py(*v)
        );
    }
    // The milestones and the main goal, on top.
    for step in &steps {
        let name = match step.kind {
            StepKind::Start if cumulative => continue,
            StepKind::Start => label("starting_point"),
            StepKind::Milestone(n) => format!("{} {n}", label("milestone")),
            StepKind::Main => label("main_goal"),
        };
        let (x, y) = (px(step.days as f64), py(step.target));
        let color = state_color(step.state.as_deref());
        let state = step
            .state
            .as_deref()
            .map(|st| label(&format!("state_{st}")))
            .unwrap_or_default();
        let mut tip = format!(
            "{name} ({}): {} {}",
            super::labels::date(&step.date, fmt.locale),
            label("target").to_lowercase(),
            full_text_of(&kind, step.target, fmt)
        );
        if let Some(a) = step.actual {
            let _ = write!(
                tip,
                ", {} {}",
                label("actual").to_lowercase(),
                full_text_of(&kind, a, fmt)
            );
        }
        if !state.is_empty() {
            let _ = write!(tip, " — {state}");
        }
        let class = step.state.as_deref().unwrap_or("plan");
        let marker = if step.kind == StepKind::Main {
            format!(
                r##"<rect x="{:.1}" y="{:.1}" width="10" height="10" transform="rotate(45 {x:.1} {y:.1})" fill="{color}" stroke="#fff"/>"##,
                x - 5.0,
                y - 5.0
            )
        } else if step.state.as_deref() == Some("missed") {
            format!(
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="7" fill="{color}" stroke="#fff" stroke-width="1.5"/><path d="M{:.1},{:.1} l6,6 m0,-6 l-6,6" stroke="#fff" stroke-width="1.8"/>"##,
                x - 3.0,
                y - 3.0
            )
        } else {
            format!(
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="5.5" fill="{color}" stroke="#fff" stroke-width="1.5"/>"##
            )
        };
        let anchor = if x > left + pw - 60.0 {
            "end"
        } else if x < left + 40.0 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            s,
            r##"<g class="step {class}"><title>{}</title>{marker}<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" font-size="10" font-weight="700" fill="{color}">{}</text>"##,
            xml(&tip),
            y - 11.0,
            xml(&format!("{name}: {}", text_of(&kind, step.target, fmt)))
        );
        if matches!(step.state.as_deref(), Some("missed" | "reached")) {
            let _ = write!(
                s,
                r##"<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" font-size="10" font-weight="700" fill="{color}">{}</text>"##,
                y + 18.0,
                xml(&state)
            );
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// The staircase and the actual path of the chart's metric as rows for a
/// Markdown table: `{metric, label, kind, rows: [{date, step, n, target,
/// actual, state}]}` in date order, a date of both a step and a path point
/// on one row (`step`: `starting_point`, `milestone` with its number `n`,
/// `main_goal`, or null for a point of the path only). The path's 0 at the
/// year's start is left out. `rows` is empty without a staircase.
pub fn path_table(team: &Value) -> Value {
    use serde_json::json;
    let Some(metric) = path_metric(team) else {
        return json!({"metric": null, "label": null, "kind": null, "rows": []});
    };
    let (steps, kind) = staircase(team, &metric);
    let points = path_points(team, &metric);
    let label = metric_label(team, &metric);
    let mut rows: Vec<(i64, u8, Value)> = Vec::new();
    for step in &steps {
        let (name, n, order) = match step.kind {
            StepKind::Start => ("starting_point", None, 0),
            StepKind::Milestone(n) => ("milestone", Some(n), 1),
            StepKind::Main => ("main_goal", None, 2),
        };
        let on_path = points.iter().find(|p| p.0 == step.days).map(|p| p.2);
        let actual = on_path.or_else(|| {
            step.actual
                .filter(|_| matches!(step.state.as_deref(), Some("reached" | "missed")))
        });
        rows.push((
            step.days,
            order,
            json!({
                "date": step.date,
                "step": name,
                "n": n,
                "target": step.target,
                "actual": if step.kind == StepKind::Start { None } else { actual },
                "state": step.state,
            }),
        ));
    }
    let cumulative = matches!(kind.as_str(), "money" | "count");
    for (i, (d, date, v)) in points.iter().enumerate() {
        if steps
            .iter()
            .any(|s| s.days == *d && s.kind != StepKind::Start)
        {
            continue;
        }
        if cumulative && i == 0 && *v == 0.0 {
            continue;
        }
        rows.push((
            *d,
            1,
            json!({"date": date, "step": null, "n": null, "target": null, "actual": v, "state": null}),
        ));
    }
    rows.sort_by_key(|(d, order, _)| (*d, *order));
    json!({
        "metric": metric,
        "label": label,
        "kind": kind,
        "rows": rows.into_iter().map(|(_, _, r)| r).collect::<Vec<_>>(),
    })
}

/// A goal's progress as a bar (HTML and CSS, no script): scaled to the
/// larger of the annual target and the forecast, filled with the actual to
/// date, a thin mark at the target to date and a tick at the forecast,
/// coloured by the status; with the latest period's own attainment as a
/// thinner bar beneath when the evaluation has one (`period`). Empty for
/// an evaluation without numbers.
pub fn progress_html(e: &Value, kind: &str, labels: &Value, fmt: &Fmt) -> String {
    let num = |k: &str| e[k].as_f64().filter(|v| v.is_finite());
    let (Some(actual), Some(annual)) = (num("actual"), num("annual")) else {
        return String::new();
    };
    let to_date = num("target_to_date");
    let forecast = num("forecast");
    let scale = [Some(actual), Some(annual), to_date, forecast]
        .into_iter()
        .flatten()
        .fold(0.0, f64::max);
    if scale <= 0.0 {
        return String::new();
    }
    let pct = |v: f64| (v / scale * 100.0).clamp(0.0, 100.0);
    let label = |k: &str| labels[k].as_str().unwrap_or_default().to_string();
    // A known id only: it becomes a class name.
    let status = e["status"]
        .as_str()
        .filter(|st| matches!(*st, "on_track" | "at_risk" | "off_track"))
        .unwrap_or("none");
    let mut tip = format!(
        "{} {} · {} {}",
        label("actual_to_date"),
        full_text_of(kind, actual, fmt),
        label("target"),
        full_text_of(kind, annual, fmt)
    );
    if let Some(t) = to_date {
        let _ = write!(
            tip,
            " · {} {}",
            label("target_to_date"),
            full_text_of(kind, t, fmt)
        );
    }
    if let Some(fc) = forecast {
        let _ = write!(
            tip,
            " · {} {}",
            label("forecast"),
            full_text_of(kind, fc, fmt)
        );
    }
    let mut s = format!(
        r##"<div class="gauge {status}" title="{}"><span class="fill" style="width:{:.1}%"></span>"##,
        xml(&tip),
        pct(actual)
    );
    if let Some(t) = to_date {
        let _ = write!(
            s,
            r##"<span class="due" style="left:{:.1}%"></span>"##,
            pct(t)
        );
    }
    if let Some(fc) = forecast {
        let _ = write!(
            s,
            r##"<span class="fc" style="left:{:.1}%"></span>"##,
            pct(fc)
        );
    }
    s.push_str("</div>");
    // The latest period's own attainment, when the evaluation has it.
    let period = &e["period"];
    if let (Some(pa), Some(pt)) = (
        period["actual"].as_f64().filter(|v| v.is_finite()),
        period["target"].as_f64().filter(|v| v.is_finite()),
    ) {
        let top = pa.max(pt);
        if top > 0.0 {
            let name = period["period"].as_str().unwrap_or_default();
            let tip = format!(
                "{name}: {} {} · {} {}",
                label("actual"),
                full_text_of(kind, pa, fmt),
                label("target"),
                full_text_of(kind, pt, fmt)
            );
            let _ = write!(
                s,
                r##"<div class="gauge period {status}" title="{}"><span class="fill" style="width:{:.1}%"></span><span class="due" style="left:{:.1}%"></span></div>"##,
                xml(&tip),
                (pa / top * 100.0).clamp(0.0, 100.0),
                (pt / top * 100.0).clamp(0.0, 100.0)
            );
        }
    }
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
    use super::*;
    use serde_json::json;

    fn nb() -> Fmt {
        Fmt::new(crate::model::Locale::Nb, "NOK")
    }

    fn labels() -> Value {
        super::super::labels::labels(crate::model::Locale::Nb)
    }

    #[test]
    fn value_axes_are_finite_and_round() {
        assert_eq!(value_axis(&[0.0, 13e6, 60e6], true), (0.0, 80e6, 20e6));
        for values in [
            &[][..],
            &[0.0],
            &[0.0, 0.0],
            &[5.0],
            &[-3.0, 2.0],
            &[f64::NAN, 1.0],
            &[0.18, 0.2],
            &[1e27, 7.9e28],
        ] {
            for from_zero in [true, false] {
                let (lo, hi, step) = value_axis(values, from_zero);
                assert!(
                    lo.is_finite() && hi.is_finite() && step.is_finite(),
                    "{values:?}"
                );
                assert!(hi > lo && step > 0.0, "{values:?}: {lo} {hi} {step}");
                for v in values.iter().filter(|v| v.is_finite()) {
                    assert!(lo <= *v && *v <= hi, "{v} outside {lo}..{hi}");
                }
            }
        }
    }

    fn team(path: &Value) -> Value {
        json!({
            "starting_point": {"date": "2026-12-31", "values": [{"metric": "revenue", "label": "Omsetning", "kind": "money", "value": 9e6}]},
            "milestones": [
                {"deadline": "2027-06-30", "values": [{"metric": "revenue", "label": "Omsetning", "kind": "money", "value": 5e6}],
                 "evaluation": [{"metric": "revenue", "actual": 4e6, "state": "missed"}]},
            ],
            "main_goal": {"deadline": "2027-12-31", "values": [{"metric": "revenue", "label": "Omsetning", "kind": "money", "value": 10e6}]},
            "path": path,
        })
    }

    #[test]
    fn a_path_of_one_point_or_none_draws_without_nan() {
        let one = json!([{"metric": "revenue", "label": "Omsetning", "kind": "money",
                          "points": [{"date": "2027-06-30", "actual": 4e6}]}]);
        for path in [json!([]), one] {
            let svg = path_svg(&team(&path), &labels(), Some("2027-01-01"), &nb());
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
            assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
            assert!(svg.contains(r#"<g class="step missed">"#));
        }
        // Values far above the main goal widen the scale.
        let above =
            json!([{"metric": "revenue", "points": [{"date": "2027-06-30", "actual": 25e6}]}]);
        let svg = path_svg(&team(&above), &labels(), None, &nb());
        assert!(svg.contains(">30 mill.<"), "{svg}");
        // No staircase: nothing to draw.
        assert_eq!(
            path_svg(&json!({"milestones": []}), &labels(), None, &nb()),
            ""
        );
        assert_eq!(path_table(&json!({}))["rows"], json!([]));
    }

    #[test]
    fn a_staircase_of_one_date_has_a_width() {
        let t = json!({"milestones": [{"deadline": "2027-06-30", "values": [{"metric": "closing_rate", "kind": "ratio", "value": 0.5}]}]});
        let svg = path_svg(&t, &labels(), None, &nb());
        assert!(svg.contains("Delmål 1: 50 %"), "{svg}");
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }

    #[test]
    fn bars_scale_to_the_target_or_the_forecast() {
        let e = json!({"actual": 50.0, "annual": 100.0, "target_to_date": 40.0, "forecast": 125.0, "status": "on_track"});
        let html = progress_html(&e, "count", &labels(), &nb());
        assert!(
            html.contains(r#"<span class="fill" style="width:40.0%">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<span class="due" style="left:32.0%">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<span class="fc" style="left:100.0%">"#),
            "{html}"
        );
        // Nothing to scale to: no bar, never NaN.
        let zero = json!({"actual": 0.0, "annual": 0.0, "target_to_date": 0.0, "forecast": 0.0, "status": "on_track"});
        assert_eq!(progress_html(&zero, "money", &labels(), &nb()), "");
        assert_eq!(progress_html(&Value::Null, "money", &labels(), &nb()), "");
        // An unknown status is no class name.
        let odd = json!({"actual": 1.0, "annual": 2.0, "status": "\"><script>"});
        assert!(
            progress_html(&odd, "count", &labels(), &nb())
                .starts_with(r#"<div class="gauge none""#)
        );
        // The latest period's own attainment: a second, thinner bar.
        let mut with_period = e.clone();
        with_period["period"] =
            json!({"period": "2027-Q2", "actual": 30.0, "target": 40.0, "attainment": 0.75});
        let html = progress_html(&with_period, "count", &labels(), &nb());
        assert!(
            html.contains(r#"<div class="gauge period on_track" title="2027-Q2: Resultat 30 · Mål 40"><span class="fill" style="width:75.0%"></span><span class="due" style="left:100.0%"></span></div>"#),
            "{html}"
        );
    }

    #[test]
    fn mermaid_keeps_percent_and_hash_as_entities() {
        assert_eq!(super::mermaid("17,8 %"), "17,8 #37;");
        assert_eq!(super::mermaid("Nr. #1: \"A\""), "Nr. #35;1   A");
    }
}

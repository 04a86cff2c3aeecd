//! `salgsmal diff` as Markdown (a pull-request comment: the verdict first,
//! then tables, long sections folded, under GitHub's 65 536 characters),
//! as text, and as JSON (SPEC 5).

use super::diff::{Change, PlanDiff, RollupChange};
use crate::diag::{Diagnostic, Level, markdown_cell as cell};
use crate::i18n::{Localizer, Message};
use crate::model::Plan;
use crate::model::metrics::Kind;
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// The last line of the Markdown: how CI finds its own comment to update
/// it (a sticky comment) instead of adding another.
pub const MARKER: &str = "<!-- salgsmal diff -->";

/// GitHub's limit for a comment.
pub const MAX_COMMENT: usize = 65_536;
/// Sections with more rows than this are folded in `<details>`.
const FOLD: usize = 10;

fn say(loc: &Localizer, id: &'static str) -> String {
    loc.format(&Message::new(id))
}

/// A value of a metric's kind in the locale.
fn value(loc: &Localizer, kind: Kind, v: Option<Decimal>) -> String {
    let Some(v) = v else {
        return "—".to_string();
    };
    let fmt = &loc.fmt;
    match kind {
        Kind::Money => fmt.money(v),
        Kind::Ratio => fmt.percent_dp(v, decimals(v * Decimal::ONE_HUNDRED)),
        Kind::Count | Kind::Score => fmt.number_dp(v, 2),
    }
}

/// The decimals a number needs (up to 2) to be shown as it is.
fn decimals(v: Decimal) -> u32 {
    v.normalize().scale().min(2)
}

fn signed(text: &str, negative: bool) -> String {
    if negative {
        format!("−{}", text.trim_start_matches('-'))
    } else {
        format!("+{text}")
    }
}

/// `+kr 2 000 000 (+20 %)`; for a ratio, the points.
fn change(loc: &Localizer, kind: Kind, old: Option<Decimal>, new: Option<Decimal>) -> String {
    let (Some(old), Some(new)) = (old, new) else {
        return String::new();
    };
    let gap = new - old;
    if kind == Kind::Ratio {
        let points = gap * Decimal::ONE_HUNDRED;
        let shown = loc.fmt.number_dp(points.abs(), decimals(points).max(1));
        return signed(
            &loc.format(&Message::new("diff-points").text("points", shown)),
            gap < Decimal::ZERO,
        );
    }
    let amount = signed(&value(loc, kind, Some(gap.abs())), gap < Decimal::ZERO);
    if old.is_zero() {
        return amount;
    }
    let share = gap / old.abs();
    format!(
        "{amount} ({})",
        signed(&loc.fmt.percent_dp(share.abs(), 1), share < Decimal::ZERO)
    )
}

fn metric_label(plan: &Plan, loc: &Localizer, metric: &str, product: Option<&str>) -> String {
    let label = plan.metrics.get(metric).map_or_else(
        || metric.to_string(),
        |m| match loc.locale() {
            crate::model::Locale::Nb => m.label_nb.clone(),
            crate::model::Locale::En => m.label_en.clone(),
        },
    );
    match product {
        Some(p) => format!("{label} ({p})"),
        None => label,
    }
}

/// The over- or under-assignment of a roll-up: `+3,3 %`.
fn against(loc: &Localizer, r: &RollupChange) -> String {
    match (r.rollup_new, r.target_new) {
        (Some(rollup), Some(target)) if !target.is_zero() && r.kind != Kind::Ratio => {
            let gap = (rollup - target) / target;
            signed(&loc.fmt.percent_dp(gap.abs(), 1), gap < Decimal::ZERO)
        }
        (Some(rollup), Some(target)) => change(loc, r.kind, Some(target), Some(rollup)),
        _ => String::new(),
    }
}

/// The first line: per team whose sum of revenue targets changed, where it
/// now stands against the team target; then the new errors and warnings.
pub fn verdict(d: &PlanDiff, loc: &Localizer) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut teams: Vec<&str> = Vec::new();
    for r in &d.rollups {
        if teams.contains(&r.team.as_str()) {
            continue;
        }
        // The team's revenue, else its first goal whose sum changed.
        let main = d
            .rollups
            .iter()
            .filter(|x| x.team == r.team)
            .find(|x| x.metric == "revenue" && x.product.is_none())
            .unwrap_or(r);
        if main.rollup_old == main.rollup_new && main.target_old == main.target_new {
            continue;
        }
        teams.push(&r.team);
        parts.push(
            loc.format(
                &Message::new("diff-verdict-team")
                    .text("team", &main.team_name)
                    .text("rollup", value(loc, main.kind, main.rollup_new))
                    .text("target", value(loc, main.kind, main.target_new))
                    .text("gap", against(loc, main)),
            ),
        );
    }
    if parts.is_empty() {
        parts.push(say(
            loc,
            if d.is_empty() {
                "diff-verdict-nothing"
            } else {
                "diff-verdict-no-sum"
            },
        ));
    }
    let errors = count(&d.introduced, Level::Error);
    let warnings = count(&d.introduced, Level::Warning);
    let mut findings = Vec::new();
    if errors > 0 {
        findings.push(loc.format(&Message::new("diff-new-errors").count("count", errors)));
    }
    if warnings > 0 {
        findings.push(loc.format(&Message::new("diff-new-warnings").count("count", warnings)));
    }
    if findings.is_empty() {
        findings.push(say(loc, "diff-no-new-findings"));
    }
    let resolved = d.resolved.iter().filter(|x| x.level > Level::Info).count();
    if resolved > 0 {
        findings.push(loc.format(&Message::new("diff-resolved").count("count", resolved)));
    }
    format!("{}; {}", parts.join("; "), findings.join(", "))
}

fn count(diags: &[Diagnostic], level: Level) -> usize {
    diags.iter().filter(|d| d.level == level).count()
}

/// A table: its title, header and rows of cells (plain text).
struct Section {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Right-aligned columns.
    numeric: Vec<usize>,
}

fn sections(d: &PlanDiff, base: &Plan, head: &Plan, loc: &Localizer) -> Vec<Section> {
    let h = |ids: &[&'static str]| ids.iter().map(|id| say(loc, id)).collect::<Vec<_>>();
    let kind_name = |list: &str| {
        if list == "kpis" {
            say(loc, "diff-kpi")
        } else {
            say(loc, "diff-goal")
        }
    };
    let change_name = |c: Change| {
        say(
            loc,
            match c {
                Change::Added => "diff-added",
                Change::Removed => "diff-removed",
                Change::Renamed => "diff-renamed",
                Change::Moved => "diff-moved",
                Change::Recategorised => "diff-recategorised",
            },
        )
    };
    let mut out = Vec::new();
    out.push(Section {
        title: say(loc, "diff-heading-targets"),
        header: h(&[
            "diff-col-who",
            "diff-col-target",
            "diff-col-before",
            "diff-col-after",
            "diff-col-change",
        ]),
        rows: d
            .targets
            .iter()
            .map(|t| {
                vec![
                    t.owner.name.clone(),
                    format!(
                        "{}{}",
                        if t.list == "kpis" {
                            format!("{}: ", say(loc, "diff-kpi"))
                        } else {
                            String::new()
                        },
                        metric_label(head, loc, &t.metric, t.product.as_deref())
                    ),
                    value(loc, t.kind, t.old),
                    value(loc, t.kind, t.new),
                    change(loc, t.kind, t.old, t.new),
                ]
            })
            .collect(),
        numeric: vec![2, 3, 4],
    });
    out.push(Section {
        title: say(loc, "diff-heading-rollups"),
        header: h(&[
            "diff-col-team",
            "diff-col-target",
            "diff-col-team-target",
            "diff-col-sum",
            "diff-col-against",
        ]),
        rows: d
            .rollups
            .iter()
            .map(|r| {
                let arrow = |a: Option<Decimal>, b: Option<Decimal>| {
                    if a == b {
                        value(loc, r.kind, b)
                    } else {
                        format!("{} → {}", value(loc, r.kind, a), value(loc, r.kind, b))
                    }
                };
                vec![
                    r.team_name.clone(),
                    metric_label(head, loc, &r.metric, r.product.as_deref()),
                    arrow(r.target_old, r.target_new),
                    arrow(r.rollup_old, r.rollup_new),
                    against(loc, r),
                ]
            })
            .collect(),
        numeric: vec![2, 3, 4],
    });
    let mut people: Vec<Vec<String>> = d
        .entities
        .iter()
        .map(|e| {
            let what = match e.change {
                Change::Renamed => loc.format(
                    &Message::new("diff-renamed-from")
                        .text("old", e.file_old.clone().unwrap_or_default()),
                ),
                c => change_name(c),
            };
            vec![
                say(
                    loc,
                    if e.kind == "team" {
                        "diff-team"
                    } else {
                        "diff-seller"
                    },
                ),
                e.name.clone(),
                e.file_new
                    .clone()
                    .or_else(|| e.file_old.clone())
                    .unwrap_or_default(),
                what,
            ]
        })
        .collect();
    people.sort();
    out.push(Section {
        title: say(loc, "diff-heading-people"),
        header: h(&[
            "diff-col-what",
            "diff-col-who",
            "diff-col-file",
            "diff-col-change",
        ]),
        rows: people,
        numeric: vec![],
    });
    let mut goals: Vec<Vec<String>> = d
        .goals
        .iter()
        .map(|g| {
            let plan = if g.change == Change::Removed {
                base
            } else {
                head
            };
            vec![
                g.owner.name.clone(),
                format!(
                    "{} `{}`: {}",
                    kind_name(g.list),
                    g.id,
                    metric_label(plan, loc, &g.metric, None)
                ),
                value(loc, g.kind, g.target),
                change_name(g.change),
            ]
        })
        .collect();
    goals.extend(d.actions.iter().map(|a| {
        vec![
            a.owner.name.clone(),
            format!("{} ({})", a.text, a.under),
            String::new(),
            change_name(a.change),
        ]
    }));
    out.push(Section {
        title: say(loc, "diff-heading-goals"),
        header: h(&[
            "diff-col-who",
            "diff-col-goal-action",
            "diff-col-target",
            "diff-col-change",
        ]),
        rows: goals,
        numeric: vec![2],
    });
    out.push(Section {
        title: say(loc, "diff-heading-customers"),
        header: h(&[
            "diff-col-customer",
            "diff-col-change",
            "diff-col-seller",
            "diff-col-category",
            "diff-col-revenue",
        ]),
        rows: d
            .customers
            .iter()
            .map(|c| {
                let arrow = |a: Option<String>, b: Option<String>| match (a, b) {
                    (Some(a), Some(b)) if a == b => b,
                    (Some(a), Some(b)) => format!("{a} → {b}"),
                    (a, b) => b.or(a).unwrap_or_default(),
                };
                let cat = |c: Option<crate::model::Category>| {
                    c.map(|c| c.label(loc.locale()).to_string())
                };
                vec![
                    c.name.clone(),
                    change_name(c.change),
                    arrow(c.owner_old.clone(), c.owner_new.clone()),
                    arrow(cat(c.category_old), cat(c.category_new)),
                    value(loc, Kind::Money, c.revenue_new.or(c.revenue_old)),
                ]
            })
            .collect(),
        numeric: vec![4],
    });
    out
}

/// A level's word in the locale (`feil`, `warning`).
fn level(loc: &Localizer, level: Level) -> String {
    say(
        loc,
        match level {
            Level::Error => "level-error",
            Level::Warning => "level-warning",
            Level::Info => "level-info",
        },
    )
}

fn finding_line(d: &Diagnostic, loc: &Localizer) -> String {
    format!(
        "- **{}** `{}` {}:{} — {}",
        level(loc, d.level),
        d.rule.as_str(),
        cell(&d.location.file),
        d.location.line,
        cell(&loc.format(&d.message))
    )
}

/// The Markdown comment.
pub fn markdown(d: &PlanDiff, base: &Plan, head: &Plan, loc: &Localizer) -> String {
    let mut out = format!("**{}**\n\n", cell(&verdict(d, loc)));
    out.push_str(&format!("_{}_\n", cell(&compared(d, loc))));
    for s in sections(d, base, head, loc) {
        if s.rows.is_empty() {
            continue;
        }
        let mut table = String::new();
        table.push_str(&format!(
            "| {} |\n",
            s.header
                .iter()
                .map(|h| cell(h))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
        let aligns: Vec<&str> = (0..s.header.len())
            .map(|i| {
                if s.numeric.contains(&i) {
                    "---:"
                } else {
                    "---"
                }
            })
            .collect();
        table.push_str(&format!("|{}|\n", aligns.join("|")));
        for row in &s.rows {
            table.push_str(&format!(
                "| {} |\n",
                row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
            ));
        }
        out.push_str(&format!("\n### {}\n\n", cell(&s.title)));
        if s.rows.len() > FOLD {
            out.push_str(&format!(
                "<details><summary>{}</summary>\n\n{table}\n</details>\n",
                cell(&loc.format(&Message::new("diff-rows").count("count", s.rows.len())))
            ));
        } else {
            out.push_str(&table);
        }
    }
    if !d.introduced.is_empty() || !d.resolved.is_empty() {
        out.push_str(&format!(
            "\n### {}\n\n",
            cell(&say(loc, "diff-heading-findings"))
        ));
        for (list, id) in [
            (&d.introduced, "diff-introduced"),
            (&d.resolved, "diff-resolved-list"),
        ] {
            if list.is_empty() {
                continue;
            }
            let lines: Vec<String> = list.iter().map(|x| finding_line(x, loc)).collect();
            let summary = cell(&loc.format(&Message::new(id).count("count", list.len())));
            // Errors and warnings open; infos folded.
            if list.len() > FOLD || list.iter().all(|x| x.level == Level::Info) {
                out.push_str(&format!(
                    "<details><summary>{summary}</summary>\n\n{}\n\n</details>\n\n",
                    lines.join("\n")
                ));
            } else {
                out.push_str(&format!("{summary}\n\n{}\n\n", lines.join("\n")));
            }
        }
    }
    let mut out = truncate(out, loc);
    out.push_str(&format!("\n{MARKER}\n"));
    out
}

/// Cut a comment to GitHub's limit, at a line, closing an open
/// `<details>`, with a note of what was left out.
fn truncate(text: String, loc: &Localizer) -> String {
    if text.len() <= MAX_COMMENT {
        return text;
    }
    // Room for the note and the marker.
    let room = MAX_COMMENT - 400;
    let mut cut = room;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = text[..cut].rfind('\n').unwrap_or(cut);
    let mut out = text[..cut].to_string();
    let opened = out.matches("<details>").count();
    let closed = out.matches("</details>").count();
    out.push('\n');
    for _ in closed..opened {
        out.push_str("\n</details>\n");
    }
    out.push_str(&format!(
        "\n_{}_\n",
        cell(&loc.format(&Message::new("diff-truncated").count("count", text.len() - cut)))
    ));
    out
}

/// `main (4db5b3e) → the working tree`.
fn compared(d: &PlanDiff, loc: &Localizer) -> String {
    loc.format(
        &Message::new("diff-compared")
            .text("base", shown_rev(&d.base))
            .text("head", shown_rev(&d.head)),
    )
}

fn shown_rev((name, id): &(String, String)) -> String {
    if id == "worktree" {
        name.clone()
    } else {
        let short: String = id.chars().take(7).collect();
        if name == &short {
            short
        } else {
            format!("{name} ({short})")
        }
    }
}

/// The text for a terminal.
pub fn human(d: &PlanDiff, base: &Plan, head: &Plan, loc: &Localizer) -> String {
    let mut out = format!("{}\n", crate::diag::escape(&verdict(d, loc)));
    out.push_str(&format!("{}\n", crate::diag::escape(&compared(d, loc))));
    for s in sections(d, base, head, loc) {
        if s.rows.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}:\n", s.title));
        for row in &s.rows {
            let cells: Vec<String> = row
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| crate::diag::escape(c))
                .collect();
            out.push_str(&format!("  {}\n", cells.join(" · ")));
        }
    }
    for (list, id) in [
        (&d.introduced, "diff-introduced"),
        (&d.resolved, "diff-resolved-list"),
    ] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n{}:\n",
            loc.format(&Message::new(id).count("count", list.len()))
        ));
        for x in list {
            out.push_str(&format!(
                "  {}[{}] {}:{}: {}\n",
                level(loc, x.level),
                x.rule.as_str(),
                x.location.file,
                x.location.line,
                crate::diag::escape(&loc.format(&x.message))
            ));
        }
    }
    out
}

fn num(v: Option<Decimal>) -> Value {
    use rust_decimal::prelude::ToPrimitive;
    v.and_then(|d| d.to_f64())
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// The JSON document (SPEC 5: `version`, `base`, `head`, `targets`,
/// `rollups`, `customers`, `introduced`, `resolved`, and more).
pub fn json(d: &PlanDiff, loc: &Localizer) -> String {
    let doc = json!({
        "version": 1,
        "base": d.base.1,
        "base_name": d.base.0,
        "head": d.head.1,
        "head_name": d.head.0,
        "verdict": verdict(d, loc),
        "targets": d.targets.iter().map(|t| json!({
            "file": t.owner.file,
            "pointer": t.pointer,
            "id": t.id,
            "metric": t.metric,
            "product": t.product,
            "owner": t.owner.id,
            "owner_kind": t.owner.kind,
            "list": t.list,
            "old": num(t.old),
            "new": num(t.new),
        })).collect::<Vec<_>>(),
        "rollups": d.rollups.iter().map(|r| json!({
            "team": r.team,
            "goal": r.goal,
            "metric": r.metric,
            "product": r.product,
            "target_old": num(r.target_old),
            "target_new": num(r.target_new),
            "rollup_old": num(r.rollup_old),
            "rollup_new": num(r.rollup_new),
            "max_over": num(Some(r.max_over)),
        })).collect::<Vec<_>>(),
        "goals": d.goals.iter().map(|g| json!({
            "owner": g.owner.id,
            "owner_kind": g.owner.kind,
            "file": g.owner.file,
            "list": g.list,
            "id": g.id,
            "metric": g.metric,
            "change": g.change.id(),
            "target": num(g.target),
        })).collect::<Vec<_>>(),
        "actions": d.actions.iter().map(|a| json!({
            "owner": a.owner.id,
            "owner_kind": a.owner.kind,
            "under": a.under,
            "text": a.text,
            "change": a.change.id(),
        })).collect::<Vec<_>>(),
        "entities": d.entities.iter().map(|e| json!({
            "kind": e.kind,
            "id": e.id,
            "name": e.name,
            "change": e.change.id(),
            "file_old": e.file_old,
            "file_new": e.file_new,
        })).collect::<Vec<_>>(),
        "customers": d.customers.iter().map(|c| json!({
            "id": c.id,
            "name": c.name,
            "change": c.change.id(),
            "owner_old": c.owner_old,
            "owner_new": c.owner_new,
            "category_old": c.category_old.map(crate::model::Category::id),
            "category_new": c.category_new.map(crate::model::Category::id),
            "revenue_old": num(c.revenue_old),
            "revenue_new": num(c.revenue_new),
        })).collect::<Vec<_>>(),
        "introduced": d.introduced.iter().map(|x| crate::diag::json_value(x, loc)).collect::<Vec<_>>(),
        "resolved": d.resolved.iter().map(|x| crate::diag::json_value(x, loc)).collect::<Vec<_>>(),
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

//! `salgsmal allocate TEAM [DIR] [--metric M] [--by …] [--round N] [--over R] [--write]`:
//! propose each seller's target for a team goal, show what the rules say
//! of the proposal, and with `--write` put it in the seller files.

use super::Global;
use crate::analysis::allocate::{self, Basis, Problem, Proposal, Refusal, Request};
use crate::cli::{AllocateArgs, AllocateFormat};
use crate::diag::{Diagnostic, RuleId, escape};
use crate::i18n::{Fmt, Localizer, Message};
use crate::load::whatif;
use crate::model::metrics::Kind;
use crate::model::number::Quantity;
use crate::rules;
use rust_decimal::Decimal;
use std::process::ExitCode;

pub fn execute(args: &AllocateArgs, global: Global) -> anyhow::Result<ExitCode> {
    let at = super::PlanAt::find(args.dir.as_deref(), None)?;
    // The seller files the proposal changes are parsed again; the rest once.
    let mut cache = crate::load::Cache::default();
    let loaded = crate::load::load_from_cached(&at.root, &at.files(), &mut cache)?;
    let plan = &loaded.plan;
    let loc = super::localizer(plan, args.locale);
    // Plan text (names, ids, file names) in a message is shown escaped: a
    // plan cannot drive the terminal or forge a CI annotation.
    let say = |m: Message| anyhow::anyhow!(escape(&loc.format(&m)));
    let request = Request {
        team: &args.team,
        metric: &args.metric,
        product: args.product.as_deref(),
        by: parse_by(&args.by)
            .map_err(|()| say(Message::new("allocate-bad-by").text("by", &args.by)))?,
        unit: args
            .round
            .as_deref()
            .map(|r| {
                number(r).ok_or_else(|| say(Message::new("allocate-bad-number").text("value", r)))
            })
            .transpose()?,
        over: args
            .over
            .as_deref()
            .map(|r| {
                number(r).ok_or_else(|| say(Message::new("allocate-bad-number").text("value", r)))
            })
            .transpose()?
            .unwrap_or_default(),
        levels: parse_levels(&args.levels)
            .map_err(|()| say(Message::new("allocate-bad-levels").text("levels", &args.levels)))?,
    };
    let analysis = rules::analyse(plan);
    let proposal = allocate::propose(&analysis, &request).map_err(|r| say(refusal(r)))?;
    let fmt = Fmt::new(loc.locale(), &plan.settings.fmt.currency);

    // The proposal in copies of the seller files, checked by the real rules.
    let edits = allocate::changes(plan, &proposal);
    let changes = whatif::apply_at(plan, &edits)
        .map_err(|r| anyhow::anyhow!("{}: {}", escape(&r.at), escape(&loc.format(&r.message))))?;
    let after = changes.load_cached(&at.root, &at.files(), &mut cache)?;
    let outcome = rules::run(&after.plan, after.diagnostics);
    let team_file = plan.teams[proposal.team].file;
    let seller_files: Vec<&str> = proposal
        .rows
        .iter()
        .map(|r| plan.file(r.file).path.as_str())
        .collect();
    let team_path = plan.file(team_file).path.as_str();
    let findings: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| {
            (d.rule == RuleId::ALLOCATION && d.location.file == team_path)
                || (d.rule == RuleId::FAIRNESS && seller_files.contains(&d.location.file.as_str()))
        })
        .collect();

    let mut written = Vec::new();
    if args.write {
        for (path, bytes) in &changes.changed {
            write_back(&at.root, plan, path, bytes).map_err(say)?;
            written.push(path.clone());
        }
    }
    let output = match args.format {
        AllocateFormat::Human => human(
            &proposal, &request, plan, &fmt, &loc, &findings, &written, args.write,
        ),
        AllocateFormat::Json => json(&proposal, plan, &findings, &written, &loc)?,
    };
    if !global.quiet || args.format == AllocateFormat::Json {
        super::print(&output)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `baseline`, `potential`, `even`, or a mix `baseline=0.7,potential=0.3`.
fn parse_by(text: &str) -> Result<Vec<(Basis, Decimal)>, ()> {
    let basis = |name: &str| match name.trim() {
        "baseline" => Ok(Basis::Baseline),
        "potential" => Ok(Basis::Potential),
        "even" => Ok(Basis::Even),
        _ => Err(()),
    };
    let mut out = Vec::new();
    for part in text.split(',') {
        match part.split_once('=') {
            None => out.push((basis(part)?, Decimal::ONE)),
            Some((name, weight)) => {
                let w = number(weight).filter(|w| *w >= Decimal::ZERO).ok_or(())?;
                out.push((basis(name)?, w));
            }
        }
    }
    if out.is_empty() || out.iter().all(|(_, w)| w.is_zero()) {
        return Err(());
    }
    Ok(out)
}

/// `high=3,medium=2,low=1`: points per potential level (low, medium, high).
fn parse_levels(text: &str) -> Result<[Decimal; 3], ()> {
    let mut out = [Decimal::ONE, Decimal::TWO, Decimal::from(3)];
    for part in text.split(',') {
        let (name, value) = part.split_once('=').ok_or(())?;
        let value = number(value).filter(|v| *v >= Decimal::ZERO).ok_or(())?;
        match name.trim() {
            "low" => out[0] = value,
            "medium" => out[1] = value,
            "high" => out[2] = value,
            _ => return Err(()),
        }
    }
    Ok(out)
}

/// A number as the plan writes them: `100_000`, `0.05`, `5 %`.
fn number(text: &str) -> Option<Decimal> {
    Quantity::parse(text.trim()).ok().map(|q| q.value)
}

fn refusal(r: Refusal) -> Message {
    match r {
        Refusal::NoTeam { known } => {
            Message::new("allocate-no-team").text("known", known.join(", "))
        }
        Refusal::NoGoal { metric, known } => Message::new("allocate-no-goal")
            .text("metric", metric)
            .text("known", known.join(", ")),
        Refusal::Method { metric } => Message::new("allocate-method").text("metric", metric),
        Refusal::Missing {
            basis: Basis::Potential,
            names,
        } if names.is_empty() => Message::new("allocate-potential-ratio"),
        Refusal::Missing { basis, names } => Message::new(match basis {
            Basis::Potential => "allocate-missing-potential",
            _ => "allocate-missing-baseline",
        })
        .text("names", names.join(", ")),
        Refusal::OverTooHigh { max } => Message::new("allocate-over-too-high").percent("max", max),
        Refusal::RatioAboveOne { name } => {
            Message::new("allocate-ratio-above-one").text("name", name)
        }
        Refusal::NoSellers => Message::new("allocate-no-sellers"),
        Refusal::Split(Problem::LockedOverGoal { locked }) => {
            Message::new("allocate-locked-over").number("locked", locked)
        }
        Refusal::Split(Problem::AllLocked { locked }) => {
            Message::new("allocate-all-locked").number("locked", locked)
        }
        Refusal::Split(Problem::NoSellers) => Message::new("allocate-no-sellers"),
    }
}

/// Write a changed seller file back: only a regular file of the plan,
/// only if it is still as it was read, through a temp file renamed into
/// place.
fn write_back(
    root: &std::path::Path,
    plan: &crate::model::Plan,
    path: &str,
    bytes: &[u8],
) -> Result<(), Message> {
    let dest = root.join(path);
    let regular = std::fs::symlink_metadata(&dest).is_ok_and(|m| m.file_type().is_file());
    if !regular {
        return Err(Message::new("allocate-not-regular").text("path", path));
    }
    let was = plan
        .files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.text.as_bytes());
    // Read no more than the text it was (and a byte): a file swapped for a
    // huge one is changed, not read whole.
    let now = std::fs::File::open(&dest).ok().and_then(|f| {
        use std::io::Read as _;
        let mut bytes = Vec::new();
        let limit = was.map_or(0, <[u8]>::len) as u64 + 1;
        f.take(limit).read_to_end(&mut bytes).ok().map(|_| bytes)
    });
    if now.as_deref() != was {
        return Err(Message::new("allocate-changed-on-disk").text("path", path));
    }
    let dir = dest.parent().unwrap_or(root);
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = String::from_utf8_lossy(bytes);
    super::import::write_atomically(dir, &name, &text, true).map_err(|m| m.text("path", path))
}

/// A value as the metric shows it.
fn shown(fmt: &Fmt, kind: Kind, value: Decimal) -> String {
    match kind {
        Kind::Money => fmt.money(value),
        Kind::Ratio => fmt.percent_dp(value, 1),
        _ => fmt.number(value),
    }
}

fn signed(fmt: &Fmt, kind: Kind, value: Decimal) -> String {
    let text = shown(fmt, kind, value.abs());
    if value > Decimal::ZERO {
        format!("+{text}")
    } else if value < Decimal::ZERO {
        format!("−{text}")
    } else {
        text
    }
}

#[allow(clippy::too_many_arguments)]
fn human(
    p: &Proposal,
    req: &Request<'_>,
    plan: &crate::model::Plan,
    fmt: &Fmt,
    loc: &Localizer,
    findings: &[&Diagnostic],
    written: &[String],
    write: bool,
) -> String {
    let say = |m: Message| escape(&loc.format(&m));
    let kind = p.kind;
    let team = &plan.teams[p.team];
    let label = plan.metrics.get(&p.metric).map_or(p.metric.clone(), |m| {
        let label = match loc.locale() {
            crate::model::Locale::Nb => &m.label_nb,
            crate::model::Locale::En => &m.label_en,
        };
        // In the middle of a sentence: `omsetning`, `revenue`.
        let mut chars = label.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_lowercase().chain(chars).collect()
        })
    });
    let by: Vec<String> = req
        .by
        .iter()
        .map(|(b, w)| {
            let name = say(Message::new(match b {
                Basis::Baseline => "allocate-by-baseline",
                Basis::Potential => "allocate-by-potential",
                Basis::Even => "allocate-by-even",
            }));
            if req.by.len() > 1 {
                format!("{name} {}", fmt.number(*w))
            } else {
                name
            }
        })
        .collect();
    let mut out = say(Message::new("allocate-heading")
        .text("metric", &label)
        .text("team", &team.data.name)
        .text("goal", shown(fmt, kind, p.goal))
        .text("by", by.join(", "))
        .text("unit", shown(fmt, kind, p.unit)));
    out.push('\n');
    if p.total != p.goal {
        out.push_str(&say(Message::new("allocate-over")
            .text("total", shown(fmt, kind, p.total))
            .text("share", fmt.percent_dp((p.total - p.goal) / p.goal, 1))));
        out.push('\n');
    }
    out.push('\n');
    let fairness_at = |row: &allocate::Row| {
        findings
            .iter()
            .any(|d| d.rule == RuleId::FAIRNESS && d.location.file == plan.file(row.file).path)
    };
    let mut table: Vec<[String; 6]> = vec![[
        say(Message::new("allocate-col-seller")),
        say(Message::new("allocate-col-current")),
        say(Message::new("allocate-col-proposed")),
        say(Message::new("allocate-col-change")),
        say(Message::new("allocate-col-baseline")),
        say(Message::new("allocate-col-fairness")),
    ]];
    for row in &p.rows {
        let ratio = row
            .baseline
            .filter(|b| !b.is_zero() && kind != Kind::Ratio)
            .map_or(String::from("–"), |b| {
                format!("{}×", fmt.number_dp(row.proposed / b, 2))
            });
        let view = if row.locked {
            say(Message::new("allocate-locked"))
        } else if fairness_at(row) {
            say(Message::new("allocate-fairness-warns"))
        } else {
            String::from("ok")
        };
        table.push([
            escape(&row.name),
            shown(fmt, kind, row.current),
            shown(fmt, kind, row.proposed),
            signed(fmt, kind, row.proposed - row.current),
            ratio,
            view,
        ]);
    }
    for child in &p.children {
        table.push([
            say(Message::new("allocate-child").text("name", &child.name)),
            shown(fmt, kind, child.value),
            shown(fmt, kind, child.value),
            signed(fmt, kind, Decimal::ZERO),
            String::from("–"),
            String::new(),
        ]);
    }
    if kind != Kind::Ratio {
        let current: Decimal = p.rows.iter().map(|r| r.current).sum::<Decimal>()
            + p.children.iter().map(|c| c.value).sum::<Decimal>();
        let proposed: Decimal = p.rows.iter().map(|r| r.proposed).sum::<Decimal>()
            + p.children.iter().map(|c| c.value).sum::<Decimal>();
        table.push([
            say(Message::new("allocate-sum")),
            shown(fmt, kind, current),
            shown(fmt, kind, proposed),
            signed(fmt, kind, proposed - current),
            String::new(),
            String::new(),
        ]);
    }
    out.push_str(&columns(&table));
    if let Some(rolled) = p.ratio_rollup {
        out.push_str(&say(Message::new("allocate-ratio-rollup")
            .text("value", fmt.percent_dp(rolled, 2))
            .text("goal", shown(fmt, kind, p.total))));
        out.push('\n');
    }
    if !p.left_out.is_empty() {
        out.push_str(&say(Message::new("allocate-left-out")
            .text("metric", &label)
            .text("names", p.left_out.join(", "))));
        out.push('\n');
    }
    out.push('\n');
    if findings.is_empty() {
        out.push_str(&say(Message::new("allocate-rules-silent")));
        out.push('\n');
    } else {
        out.push_str(&say(Message::new("allocate-rules-found")));
        out.push('\n');
        for d in findings {
            out.push_str(&format!(
                "  {}[{}] {}:{}: {}\n",
                d.level,
                d.rule.as_str(),
                escape(&d.location.file),
                d.location.line,
                escape(&loc.format(&d.message))
            ));
        }
    }
    if write {
        for path in written {
            out.push_str(&say(Message::new("allocate-wrote").text("path", path)));
            out.push('\n');
        }
        if written.is_empty() {
            out.push_str(&say(Message::new("allocate-nothing-to-write")));
            out.push('\n');
        }
    } else {
        out.push_str(&say(Message::new("allocate-hint")));
        out.push('\n');
    }
    out
}

/// Rows of cells as aligned columns: the first left, numbers right.
fn columns(rows: &[[String; 6]]) -> String {
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..6).map(width).collect();
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i == 0 || i == 5 || n == 0 {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            }
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn json(
    p: &Proposal,
    plan: &crate::model::Plan,
    findings: &[&Diagnostic],
    written: &[String],
    loc: &Localizer,
) -> anyhow::Result<String> {
    use serde_json::json;
    let n = |d: Decimal| -> serde_json::Value {
        serde_json::from_str(&d.normalize().to_string()).unwrap_or(serde_json::Value::Null)
    };
    let value = json!({
        "team": plan.teams[p.team].id,
        "metric": p.metric,
        "goal": n(p.goal),
        "total": n(p.total),
        "unit": n(p.unit),
        "sellers": p.rows.iter().map(|r| json!({
            "id": r.id,
            "name": r.name,
            "file": plan.file(r.file).path,
            "pointer": r.pointer,
            "current": n(r.current),
            "proposed": n(r.proposed),
            "change": n(r.proposed - r.current),
            "locked": r.locked,
            "baseline": r.baseline.map(n),
            "weight": n(r.weight.round_dp(12)),
            "phasing": r.phasing.iter().map(|(pointer, v)| json!({"pointer": pointer, "value": n(*v)})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "children": p.children.iter().map(|c| json!({"name": c.name, "value": n(c.value)})).collect::<Vec<_>>(),
        "left_out": p.left_out,
        "ratio_rollup": p.ratio_rollup.map(|r| n(r.round_dp(12))),
        "findings": findings.iter().map(|d| crate::diag::json_value(d, loc)).collect::<Vec<_>>(),
        "written": written,
    });
    Ok(format!("{}\n", serde_json::to_string_pretty(&value)?))
}

//! `ratio`: a ratio written as a number above 1, or a percent where an
//! amount belongs.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;
use crate::model::metrics::Kind;
use crate::model::number::{Quantity, ratio_above_one};
use crate::model::{Goal, MetricValues};

pub struct RatioRule;

static META: RuleMeta = RuleMeta {
    id: RuleId::RATIO,
    default_level: Level::Error,
    structural: true,
    params: &[] as &[Param],
};

impl Rule for RatioRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let plan = cx.plan;
        for team in &plan.teams {
            goals(cx, team.file, "/goals", &team.data.goals, out);
            if let Some(sp) = &team.data.starting_point {
                values(cx, team.file, "/starting_point/values", &sp.values, out);
            }
            if let Some(mg) = &team.data.main_goal {
                values(cx, team.file, "/main_goal/values", &mg.values, out);
            }
            for (i, m) in team.data.milestones.iter().enumerate() {
                values(
                    cx,
                    team.file,
                    &format!("/milestones/{i}/values"),
                    &m.values,
                    out,
                );
            }
        }
        for seller in &plan.sellers {
            goals(cx, seller.file, "/goals", &seller.data.goals, out);
            goals(cx, seller.file, "/kpis", &seller.data.kpis, out);
            values(
                cx,
                seller.file,
                "/baseline",
                &seller.data.written_baseline,
                out,
            );
        }
        for list in &plan.customers {
            for (i, c) in list.data.customers.iter().enumerate() {
                values(
                    cx,
                    list.file,
                    &format!("/customers/{i}/target"),
                    &c.target,
                    out,
                );
            }
        }
        if let Some(config) = &plan.config {
            for (id, settings) in &config.data.rules {
                let Some(meta) = super::find(id) else {
                    continue;
                };
                for (name, q) in &settings.params {
                    let is_ratio = meta.params.iter().any(|p| p.name == name && p.ratio);
                    if is_ratio && !q.fits_ratio() {
                        let pointer = format!(
                            "/rules/{}/{}",
                            crate::source::pointer::escape(id),
                            crate::source::pointer::escape(name)
                        );
                        out.push(cx.found(
                            config.file,
                            &pointer,
                            ratio_above_one(&[id.as_str(), name.as_str()].join("."), q.value),
                        ));
                    }
                }
            }
        }
        for team in &plan.teams {
            let Some(goals) = &team.data.portfolio_goals else {
                continue;
            };
            for (cat, g) in [
                ("key", &goals.key),
                ("star", &goals.star),
                ("question", &goals.question),
                ("phase_out_new", &goals.phase_out_new),
            ] {
                let Some(g) = g else { continue };
                for (field, bounds) in [
                    ("revenue_share", &g.revenue_share),
                    ("margin", &g.margin),
                    ("loyalty", &g.loyalty),
                    ("growth", &g.growth),
                ] {
                    let Some(b) = bounds else { continue };
                    for (end, q) in [("min", b.min), ("max", b.max)] {
                        let Some(q) = q.filter(|q| !q.fits_ratio()) else {
                            continue;
                        };
                        let base = format!("/portfolio_goals/{cat}/{field}");
                        let is_map = cx
                            .plan
                            .file(team.file)
                            .node()
                            .and_then(|t| t.pointer(&base))
                            .is_some_and(|n| n.as_map().is_some());
                        let pointer = if is_map {
                            format!("{base}/{end}")
                        } else {
                            base
                        };
                        out.push(cx.found(
                            team.file,
                            &pointer,
                            ratio_above_one(&[cat, field].join("."), q.value),
                        ));
                    }
                }
            }
        }
        for actuals in &plan.actuals {
            for (id, v) in &actuals.data.sellers {
                values(cx, actuals.file, &format!("/sellers/{id}"), v, out);
            }
            for (id, v) in &actuals.data.teams {
                values(cx, actuals.file, &format!("/teams/{id}"), v, out);
            }
        }
    }
}

fn goals(cx: &Context<'_>, file: usize, base: &str, goals: &[Goal], out: &mut Vec<Diagnostic>) {
    for (i, g) in goals.iter().enumerate() {
        if let Some(target) = g.target {
            one(
                cx,
                file,
                &format!("{base}/{i}/target"),
                &g.metric,
                target,
                out,
            );
        }
        if let Some(phasing) = &g.phasing {
            for (q, value) in &phasing.0 {
                let pointer = phasing_pointer(cx, file, &format!("{base}/{i}/phasing"), *q);
                one(cx, file, &pointer, &g.metric, *value, out);
            }
        }
    }
}

fn values(
    cx: &Context<'_>,
    file: usize,
    base: &str,
    values: &MetricValues,
    out: &mut Vec<Diagnostic>,
) {
    for (metric, value) in values {
        one(
            cx,
            file,
            &crate::source::pointer::join(base, metric),
            metric,
            *value,
            out,
        );
    }
}

fn one(
    cx: &Context<'_>,
    file: usize,
    pointer: &str,
    metric: &str,
    value: Quantity,
    out: &mut Vec<Diagnostic>,
) {
    let Some(m) = cx.plan.metrics.get(metric) else {
        return; // unknown-reference reports it
    };
    match m.kind {
        Kind::Ratio if !value.fits_ratio() => {
            out.push(cx.found(file, pointer, ratio_above_one(metric, value.value)));
        }
        Kind::Money | Kind::Count if value.percent => {
            out.push(
                cx.found(
                    file,
                    pointer,
                    Message::new("ratio-amount-percent").text("metric", metric),
                )
                .with_help(Message::new("ratio-amount-percent-help")),
            );
        }
        _ => {}
    }
}

/// The pointer of quarter `q` in a phasing written as a list or as a map.
pub fn phasing_pointer(cx: &Context<'_>, file: usize, base: &str, q: u8) -> String {
    let as_map = format!("{base}/Q{q}");
    let exists = cx
        .plan
        .file(file)
        .node()
        .and_then(|t| t.pointer(&as_map))
        .is_some();
    if exists {
        as_map
    } else {
        format!("{base}/{}", q.saturating_sub(1))
    }
}

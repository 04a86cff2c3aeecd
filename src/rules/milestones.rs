//! `milestones`: delmål in date order, inside the period, moving steadily
//! from the starting point to the main goal, and in step with the phasing.

use super::{Context, Param, Rule, RuleMeta, value_arg};
use crate::analysis::rollup::{usable, value_of};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart};
use crate::model::metrics::{Better, Kind};
use crate::model::period::{Date, Period};
use crate::model::{Entry, Team};
use rust_decimal::Decimal;

pub struct Milestones;

static META: RuleMeta = RuleMeta {
    id: RuleId::MILESTONES,
    default_level: Level::Error,
    structural: false,
    params: &[Param {
        name: "max_gap",
        ratio: true,
        default: "0.10",
    }],
};

impl Rule for Milestones {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for team in &cx.plan.teams {
            check_team(cx, team, out);
        }
    }
}

fn check_team(cx: &Context<'_>, team: &Entry<Team>, out: &mut Vec<Diagnostic>) {
    let ms = &team.data.milestones;
    let period = cx.plan.period();
    for (i, m) in ms.iter().enumerate() {
        let ptr = format!("/milestones/{i}/deadline");
        if let Some(p) = period
            && !p.contains(m.deadline)
        {
            out.push(
                cx.found(
                    team.file,
                    &ptr,
                    Message::new("milestones-outside")
                        .text("milestone", &m.id)
                        .arg("deadline", Arg::Date(m.deadline.to_string()))
                        .text("period", p.to_string()),
                ),
            );
        }
        if i > 0 && m.deadline < ms[i - 1].deadline {
            out.push(
                cx.found(
                    team.file,
                    &ptr,
                    Message::new("milestones-order")
                        .text("milestone", &m.id)
                        .arg("deadline", Arg::Date(m.deadline.to_string()))
                        .text("previous", &ms[i - 1].id)
                        .arg(
                            "previous_deadline",
                            Arg::Date(ms[i - 1].deadline.to_string()),
                        ),
                )
                .with_help(Message::new("milestones-order-help")),
            );
        }
    }
    let mut metrics: Vec<&String> = ms.iter().flat_map(|m| m.values.keys()).collect();
    metrics.sort();
    metrics.dedup();
    for metric_id in metrics {
        let Some(metric) = cx.plan.metrics.get(metric_id) else {
            continue;
        };
        let cumulative = matches!(metric.kind, Kind::Money | Kind::Count);
        let goal = team
            .data
            .goals
            .iter()
            .find(|g| &g.metric == metric_id && g.product.is_none());
        let main_target = team
            .data
            .main_goal
            .as_ref()
            .and_then(|mg| mg.values.get(metric_id))
            .filter(|q| usable(&cx.plan.metrics, metric_id, **q))
            .or_else(|| {
                goal.and_then(|g| g.target.as_ref())
                    .filter(|q| usable(&cx.plan.metrics, metric_id, **q))
            })
            .map(|q| q.value);
        let start = if cumulative {
            Some(Decimal::ZERO)
        } else {
            team.data
                .starting_point
                .as_ref()
                .and_then(|s| s.values.get(metric_id))
                .filter(|q| usable(&cx.plan.metrics, metric_id, **q))
                .map(|q| q.value)
        };
        // Which way the values must move: towards the main goal from the start.
        let up = match (start, main_target) {
            (Some(s), Some(t)) if s != t => t > s,
            _ => metric.better == Better::Higher || cumulative,
        };
        let mut previous: Option<(&str, Decimal)> = None;
        let mut last_ptr = None;
        let mut last_value = None;
        for (i, m) in ms.iter().enumerate() {
            let Some(v) = value_of(&cx.plan.metrics, &m.values, metric_id) else {
                continue;
            };
            let ptr = format!("/milestones/{i}/values/{metric_id}");
            if let Some((prev_id, pv)) = previous {
                let backwards = if up { v < pv } else { v > pv };
                if backwards {
                    out.push(
                        cx.found(
                            team.file,
                            &ptr,
                            Message::new("milestones-backwards")
                                .text("milestone", &m.id)
                                .arg("deadline", Arg::Date(m.deadline.to_string()))
                                .text("metric", metric_id)
                                .arg("value", value_arg(metric.kind, v))
                                .text("previous", prev_id)
                                .arg("previous_value", value_arg(metric.kind, pv)),
                        )
                        .with_help(Message::new("milestones-backwards-help")),
                    );
                }
            }
            previous = Some((m.id.as_str(), v));
            last_ptr = Some(ptr);
            last_value = Some(v);
            if let (Some(g), Some(p)) = (goal, period)
                && let Some(phasing) = g.phasing.as_ref().filter(|ph| {
                    let mut q: Vec<u8> = ph.0.iter().map(|(q, _)| *q).collect();
                    q.sort_unstable();
                    q == [1, 2, 3, 4] && ph.0.iter().all(|(_, v)| !v.percent)
                })
                && cumulative
                && let Some(expected) = cumulative_phasing(
                    p,
                    &phasing
                        .0
                        .iter()
                        .map(|(q, v)| (*q, v.value))
                        .collect::<Vec<_>>(),
                    m.deadline,
                )
                && !expected.is_zero()
            {
                let gap = ((v - expected) / expected).abs();
                let max = cx.param("max_gap");
                if gap > max {
                    let dp = decimals_apart(
                        gap * Decimal::ONE_HUNDRED,
                        max * Decimal::ONE_HUNDRED,
                        1,
                        10,
                    );
                    out.push(
                        cx.found_at(
                            Level::Warning,
                            team.file,
                            &format!("/milestones/{i}/values/{metric_id}"),
                            Message::new("milestones-phasing")
                                .text("milestone", &m.id)
                                .text("metric", metric_id)
                                .arg("value", value_arg(metric.kind, v))
                                .arg("gap", Arg::Percent { value: gap, dp })
                                .arg("expected", value_arg(metric.kind, expected))
                                .arg("deadline", Arg::Date(m.deadline.to_string()))
                                .arg("max", Arg::Percent { value: max, dp }),
                        )
                        .with_help(Message::new("milestones-phasing-help")),
                    );
                }
            }
        }
        if let (Some(t), Some(v), Some(ptr)) = (main_target, last_value, last_ptr) {
            let beyond = if up { v > t } else { v < t };
            if beyond {
                out.push(
                    cx.found(
                        team.file,
                        &ptr,
                        Message::new("milestones-beyond")
                            .text("metric", metric_id)
                            .arg("value", value_arg(metric.kind, v))
                            .arg("target", value_arg(metric.kind, t)),
                    )
                    .with_help(Message::new("milestones-beyond-help")),
                );
            }
        }
    }
}

/// The phasing accumulated up to `date`: whole quarters that have ended, and
/// the elapsed share (by working days, as the evaluation counts them) of
/// the quarter `date` falls in.
pub fn cumulative_phasing(
    period: Period,
    quarters: &[(u8, Decimal)],
    date: Date,
) -> Option<Decimal> {
    let year = period.year();
    let mut total = Decimal::ZERO;
    for (q, value) in quarters {
        if !(1..=4).contains(q) {
            continue;
        }
        let quarter = Period::Quarter(year, *q);
        if quarter.end() <= date {
            total += value;
        } else if quarter.contains(date) {
            let days = Decimal::from(quarter.start().working_days_to(quarter.end()));
            let elapsed = Decimal::from(quarter.start().working_days_to(date));
            total += value * elapsed / days;
        }
    }
    Some(total)
}

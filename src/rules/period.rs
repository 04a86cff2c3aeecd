//! `period`: dates and periods must lie in the plan period.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message};
use crate::model::Goal;
use crate::model::period::Period;
use crate::source::pointer::escape;

pub struct PeriodRule;

static META: RuleMeta = RuleMeta {
    id: RuleId::PERIOD,
    default_level: Level::Error,
    structural: true,
    params: &[] as &[Param],
};

impl Rule for PeriodRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(plan_period) = cx.plan.period() else {
            return;
        };
        let help = period_help(plan_period);
        for team in &cx.plan.teams {
            if let Some(sp) = &team.data.starting_point
                && sp.date > plan_period.start()
            {
                out.push(
                    cx.found(
                        team.file,
                        "/starting_point/date",
                        Message::new("period-starting-point")
                            .arg("date", Arg::Date(sp.date.to_string()))
                            .text("period", plan_period.to_string())
                            .arg("start", Arg::Date(plan_period.start().to_string())),
                    )
                    .with_help(Message::new("period-starting-point-help")),
                );
            }
            if let Some(deadline) = team.data.main_goal.as_ref().and_then(|m| m.deadline)
                && !plan_period.contains(deadline)
            {
                out.push(
                    cx.found(
                        team.file,
                        "/main_goal/deadline",
                        Message::new("period-main-goal")
                            .arg("deadline", Arg::Date(deadline.to_string()))
                            .text("period", plan_period.to_string()),
                    )
                    .with_help(help.clone()),
                );
            }
            actions(cx, team.file, "/goals", &team.data.goals, plan_period, out);
            for (i, choice) in team.data.strategy.iter().enumerate() {
                for (j, a) in choice.actions.iter().enumerate() {
                    if let Some(due) = a.due.filter(|d| !plan_period.contains(*d)) {
                        out.push(
                            cx.found(
                                team.file,
                                &format!("/strategy/{i}/actions/{j}/due"),
                                Message::new("period-strategy-action")
                                    .arg("due", Arg::Date(due.to_string()))
                                    .text("period", plan_period.to_string()),
                            )
                            .with_help(help.clone()),
                        );
                    }
                }
            }
        }
        for seller in &cx.plan.sellers {
            actions(
                cx,
                seller.file,
                "/goals",
                &seller.data.goals,
                plan_period,
                out,
            );
            actions(
                cx,
                seller.file,
                "/kpis",
                &seller.data.kpis,
                plan_period,
                out,
            );
        }
        // Last year's actuals are the sellers' baselines (`model::last_year`).
        let last_year = Period::Year(plan_period.year() - 1);
        for actuals in &cx.plan.actuals {
            let period = actuals.data.period;
            if !plan_period.covers(period) && !last_year.covers(period) {
                out.push(
                    cx.found(
                        actuals.file,
                        "/period",
                        Message::new("period-actuals")
                            .text("actuals", period.to_string())
                            .text("period", plan_period.to_string()),
                    )
                    .with_help(help.clone()),
                );
            }
            if let Some(as_of) = actuals.data.as_of
                && !period.contains(as_of)
            {
                out.push(
                    cx.found(
                        actuals.file,
                        "/as_of",
                        Message::new("period-as-of")
                            .arg("as_of", Arg::Date(as_of.to_string()))
                            .text("period", period.to_string())
                            .arg("start", Arg::Date(period.start().to_string()))
                            .arg("end", Arg::Date(period.end().to_string())),
                    ),
                );
            }
            if Period::parse(&actuals.id) != Some(period) {
                out.push(
                    cx.found(
                        actuals.file,
                        "/period",
                        Message::new("period-file-name")
                            .text("file", &cx.plan.file(actuals.file).path)
                            .text("period", period.to_string()),
                    )
                    .with_help(
                        Message::new("period-file-name-help").text("period", period.to_string()),
                    ),
                );
            }
        }
        overlapping_actuals(cx, out);
    }
}

/// Two actuals files covering the same months for the same seller (or
/// team): an error at the later file's key, the first file related.
fn overlapping_actuals(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let actuals = &cx.plan.actuals;
    for (j, later) in actuals.iter().enumerate() {
        let period = later.data.period;
        for first in actuals[..j]
            .iter()
            .filter(|a| a.data.period.overlaps(period))
        {
            let lists = [
                ("sellers", &first.data.sellers, &later.data.sellers),
                ("teams", &first.data.teams, &later.data.teams),
            ];
            for (list, a, b) in lists {
                for id in b.keys().filter(|id| a.contains_key(*id)) {
                    let pointer = format!("/{list}/{}", escape(id));
                    let other = first.data.period.to_string();
                    out.push(
                        cx.found_key(
                            later.file,
                            &pointer,
                            Message::new("period-actuals-overlap")
                                .text("seller", id)
                                .text("period", period.to_string())
                                .text("other", &other)
                                .text("file", &cx.plan.file(first.file).path),
                        )
                        .with_related(
                            &cx.plan.file(first.file).locate_key(&pointer),
                            Message::new("period-actuals-overlap-related")
                                .text("seller", id)
                                .text("other", &other),
                        )
                        .with_help(Message::new("period-actuals-overlap-help")),
                    );
                }
            }
        }
    }
}

fn actions(
    cx: &Context<'_>,
    file: usize,
    base: &str,
    goals: &[Goal],
    period: Period,
    out: &mut Vec<Diagnostic>,
) {
    for (i, g) in goals.iter().enumerate() {
        for (j, a) in g.actions.iter().enumerate() {
            if let Some(due) = a.due.filter(|d| !period.contains(*d)) {
                out.push(
                    cx.found(
                        file,
                        &format!("{base}/{i}/actions/{j}/due"),
                        Message::new("period-action")
                            .text("action", &a.text)
                            .arg("due", Arg::Date(due.to_string()))
                            .text("period", period.to_string()),
                    )
                    .with_help(period_help(period)),
                );
            }
        }
    }
}

/// The help line naming the plan period and its first and last day.
fn period_help(period: Period) -> Message {
    Message::new("period-help")
        .text("period", period.to_string())
        .arg("start", Arg::Date(period.start().to_string()))
        .arg("end", Arg::Date(period.end().to_string()))
}

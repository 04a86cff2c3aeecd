//! `period`: dates and periods must lie in the plan period.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level};
use crate::model::Goal;
use crate::model::period::Period;

pub struct PeriodRule;

static META: RuleMeta = RuleMeta {
    id: "period",
    default_level: Level::Error,
    structural: true,
    summary: "A date or period falls outside the plan period of `salgsmal.yaml`: a team's starting \
point dated after the period's start, a main goal's deadline or an action's due date outside the \
period, an actuals file whose period lies outside the plan period, whose `as_of` lies outside its \
own period, or whose file name is not its period.",
    principle: "Work backwards from the goal: the starting point is where we stand before the year \
begins, and the main goal is reached within the year. A date outside the period puts a goal on a \
different plan.",
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
        let help = format!(
            "the plan period is {plan_period} ({} to {})",
            plan_period.start(),
            plan_period.end()
        );
        for team in &cx.plan.teams {
            if let Some(sp) = &team.data.starting_point
                && sp.date > plan_period.start()
            {
                out.push(cx.found(team.file, "/starting_point/date", format!(
                    "the starting point is dated {}, after the plan period {plan_period} begins ({})", sp.date, plan_period.start()))
                    .with_help("the starting point (startpunkt) is where the team stands before the period: date it at or before its start"));
            }
            if let Some(deadline) = team.data.main_goal.as_ref().and_then(|m| m.deadline)
                && !plan_period.contains(deadline)
            {
                out.push(cx.found(team.file, "/main_goal/deadline", format!("the main goal's deadline {deadline} lies outside the plan period {plan_period}")).with_help(help.clone()));
            }
            actions(cx, team.file, "/goals", &team.data.goals, plan_period, out);
            for (i, choice) in team.data.strategy.iter().enumerate() {
                for (j, a) in choice.actions.iter().enumerate() {
                    if let Some(due) = a.due.filter(|d| !plan_period.contains(*d)) {
                        out.push(
                            cx.found(
                                team.file,
                                &format!("/strategy/{i}/actions/{j}/due"),
                                format!(
                                    "action due {due} lies outside the plan period {plan_period}"
                                ),
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
        for actuals in &cx.plan.actuals {
            let period = actuals.data.period;
            if !plan_period.covers(period) {
                out.push(
                    cx.found(
                        actuals.file,
                        "/period",
                        format!("actuals for {period} lie outside the plan period {plan_period}"),
                    )
                    .with_help(help.clone()),
                );
            }
            if let Some(as_of) = actuals.data.as_of
                && !period.contains(as_of)
            {
                out.push(cx.found(
                    actuals.file,
                    "/as_of",
                    format!(
                        "as_of {as_of} lies outside the actuals' period {period} ({} to {})",
                        period.start(),
                        period.end()
                    ),
                ));
            }
            if Period::parse(&actuals.id) != Some(period) {
                out.push(
                    cx.found(
                        actuals.file,
                        "/period",
                        format!(
                            "the file is named `{}` but holds actuals for {period}",
                            cx.plan.file(actuals.file).path
                        ),
                    )
                    .with_help(format!("name the file actuals/{period}.yaml")),
                );
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
                        format!(
                            "action \"{}\" is due {due}, outside the plan period {period}",
                            a.text
                        ),
                    )
                    .with_help(format!(
                        "the plan period is {period} ({} to {})",
                        period.start(),
                        period.end()
                    )),
                );
            }
        }
    }
}

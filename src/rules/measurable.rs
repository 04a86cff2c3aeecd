//! `measurable`: every goal has a number, every activity KPI a period.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;
use crate::model::Goal;

pub struct Measurable;

static META: RuleMeta = RuleMeta {
    id: RuleId::MEASURABLE,
    default_level: Level::Error,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for Measurable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for team in &cx.plan.teams {
            goals(
                cx,
                team.file,
                "/goals",
                "measurable-goal",
                &team.data.goals,
                out,
            );
        }
        for seller in &cx.plan.sellers {
            goals(
                cx,
                seller.file,
                "/goals",
                "measurable-goal",
                &seller.data.goals,
                out,
            );
            goals(
                cx,
                seller.file,
                "/kpis",
                "measurable-kpi",
                &seller.data.kpis,
                out,
            );
        }
    }
}

fn goals(
    cx: &Context<'_>,
    file: usize,
    base: &str,
    what: &'static str,
    goals: &[Goal],
    out: &mut Vec<Diagnostic>,
) {
    for (i, g) in goals.iter().enumerate() {
        let pointer = format!("{base}/{i}");
        if g.target.is_none() {
            out.push(
                cx.found(
                    file,
                    &pointer,
                    Message::new("measurable-no-target")
                        .phrase("what", Message::new(what).text("id", &g.id)),
                )
                .with_help(Message::new("measurable-no-target-help")),
            );
        }
        let activity = cx.plan.metrics.get(&g.metric).is_some_and(|m| m.activity);
        if activity && g.per.is_none() {
            out.push(
                cx.found(
                    file,
                    &pointer,
                    Message::new("measurable-no-per")
                        .phrase("what", Message::new(what).text("id", &g.id))
                        .text("metric", &g.metric),
                ),
            );
        }
    }
}

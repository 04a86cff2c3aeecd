//! `alignment`: individual goals agree with the team's goals.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::rollup::{seller_target, team_target};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;

pub struct Alignment;

static META: RuleMeta = RuleMeta {
    id: RuleId::ALIGNMENT,
    default_level: Level::Warning,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for Alignment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let plan = cx.plan;
        for seller in &plan.sellers {
            let Some(team) = plan.teams.iter().find(|t| t.id == seller.data.team) else {
                continue;
            };
            for (i, g) in seller.data.goals.iter().enumerate() {
                // A team goal the schema rejected may be the one this serves.
                if !plan.files[team.file]
                    .rejected_items("/goals", &g.metric)
                    .is_empty()
                {
                    continue;
                }
                if team_target(&plan.metrics, &team.data, &g.metric, g.product.as_deref()).is_none()
                    && !team
                        .data
                        .goals
                        .iter()
                        .any(|t| t.metric == g.metric && t.product == g.product)
                {
                    out.push(
                        cx.found(
                            seller.file,
                            &format!("/goals/{i}/metric"),
                            Message::new("alignment-no-team-goal")
                                .text("goal", &g.id)
                                .text("metric", &g.metric)
                                .phrase(
                                    "product",
                                    g.product.as_ref().map_or_else(
                                        || Message::new("empty"),
                                        |p| Message::new("alignment-of-product").text("product", p),
                                    ),
                                )
                                .text("team", &team.data.name),
                        )
                        .with_help(
                            Message::new("alignment-no-team-goal-help")
                                .text("metric", &g.metric)
                                .text("file", &plan.file(team.file).path),
                        ),
                    );
                }
            }
        }
        for (t, team) in plan.teams.iter().enumerate() {
            for (i, g) in team.data.goals.iter().enumerate() {
                // The roll-up has every contribution; a metric that does not
                // roll up is looked for in the sellers' and child teams' files.
                if cx.analysis.rollup(t, i).is_some() {
                    continue;
                }
                let product = g.product.as_deref();
                let by_seller = plan.sellers.iter().any(|s| {
                    s.data.team == team.id
                        && seller_target(&plan.metrics, &s.data, &g.metric, product).is_some()
                });
                let by_team = plan.teams.iter().any(|t| {
                    t.data.parent.as_deref() == Some(team.id.as_str())
                        && t.id != team.id
                        && team_target(&plan.metrics, &t.data, &g.metric, product).is_some()
                });
                if !by_seller && !by_team {
                    out.push(
                        cx.found(
                            team.file,
                            &format!("/goals/{i}/metric"),
                            Message::new("alignment-no-contribution")
                                .text("goal", &g.id)
                                .text("metric", &g.metric),
                        )
                        .with_help(Message::new("alignment-no-contribution-help")),
                    );
                }
            }
        }
    }
}

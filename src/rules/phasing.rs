//! `phasing`: quarterly phasing must add up to the annual target.

use super::{Context, Param, Rule, RuleMeta, value_arg};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message};
use crate::model::Goal;
use crate::model::metrics::Kind;
use rust_decimal::Decimal;

pub struct Phasing;

static META: RuleMeta = RuleMeta {
    id: RuleId::PHASING,
    default_level: Level::Error,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for Phasing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for team in &cx.plan.teams {
            goals(cx, team.file, "/goals", &team.data.goals, out);
        }
        for seller in &cx.plan.sellers {
            goals(cx, seller.file, "/goals", &seller.data.goals, out);
            goals(cx, seller.file, "/kpis", &seller.data.kpis, out);
        }
    }
}

fn goals(cx: &Context<'_>, file: usize, base: &str, goals: &[Goal], out: &mut Vec<Diagnostic>) {
    for (i, g) in goals.iter().enumerate() {
        let (Some(phasing), Some(target), Some(metric)) =
            (&g.phasing, g.target, cx.plan.metrics.get(&g.metric))
        else {
            continue;
        };
        if !matches!(metric.kind, Kind::Money | Kind::Count)
            || target.percent
            || phasing.0.iter().any(|(_, q)| q.percent)
        {
            continue;
        }
        let pointer = format!("{base}/{i}/phasing");
        let mut quarters: Vec<u8> = phasing.0.iter().map(|(q, _)| *q).collect();
        quarters.sort_unstable();
        if quarters != [1, 2, 3, 4] {
            let named: Vec<String> = quarters.iter().map(|q| format!("Q{q}")).collect();
            out.push(cx.found(
                file,
                &pointer,
                if named.is_empty() {
                    Message::new("phasing-empty").text("goal", &g.id)
                } else {
                    Message::new("phasing-quarters")
                        .text("goal", &g.id)
                        .text("quarters", named.join(", "))
                },
            ));
            continue;
        }
        let total: Decimal = phasing.0.iter().map(|(_, q)| q.value).sum();
        let gap = total - target.value;
        if gap.abs() > Decimal::ONE {
            let terms: Vec<Message> = phasing
                .0
                .iter()
                .map(|(_, q)| Message::new("value").number_dp("value", q.value, 10))
                .collect();
            let id = if gap < Decimal::ZERO {
                "phasing-below"
            } else {
                "phasing-above"
            };
            out.push(
                cx.found(
                    file,
                    &pointer,
                    Message::new(id)
                        .arg("terms", Arg::List(terms, " + "))
                        .arg("total", value_arg(metric.kind, total))
                        .arg("gap", value_arg(metric.kind, gap.abs()))
                        .arg("target", value_arg(metric.kind, target.value)),
                )
                .with_related(
                    &cx.plan.locate(file, &format!("{base}/{i}/target")),
                    Message::new("phasing-related-target"),
                )
                .with_help(Message::new("phasing-help")),
            );
        }
    }
}

//! `kpi-chain`: goal → KPI → actions, unbroken.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;

pub struct KpiChain;

static META: RuleMeta = RuleMeta {
    id: RuleId::KPI_CHAIN,
    default_level: Level::Warning,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for KpiChain {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for seller in &cx.plan.sellers {
            let s = &seller.data;
            for (i, k) in s.kpis.iter().enumerate() {
                if k.actions.is_empty() {
                    out.push(
                        cx.found(
                            seller.file,
                            &format!("/kpis/{i}"),
                            Message::new("kpi-chain-no-actions").text("kpi", &k.id),
                        )
                        .with_help(Message::new("kpi-chain-no-actions-help")),
                    );
                }
            }
            for (i, g) in s.goals.iter().enumerate() {
                if !s.kpis.iter().any(|k| k.supports.contains(&g.id)) {
                    out.push(
                        cx.found_at(
                            Level::Info,
                            seller.file,
                            &format!("/goals/{i}/id"),
                            Message::new("kpi-chain-unsupported").text("goal", &g.id),
                        )
                        .with_help(Message::new("kpi-chain-unsupported-help").text("goal", &g.id)),
                    );
                }
            }
        }
    }
}

//! `funnel` and `pipeline-coverage`: can the KPIs produce the new business
//! the goals need?

use super::unit;
use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::rollup::{per_year, seller_target, value_of};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart};
use crate::model::{Entry, Per, Plan, Seller};
use rust_decimal::Decimal;

pub struct Funnel;
pub struct PipelineCoverage;

static FUNNEL: RuleMeta = RuleMeta {
    id: RuleId::FUNNEL,
    default_level: Level::Warning,
    structural: false,
    params: &[] as &[Param],
};

static COVERAGE: RuleMeta = RuleMeta {
    id: RuleId::PIPELINE_COVERAGE,
    default_level: Level::Warning,
    structural: false,
    params: &[Param {
        name: "min",
        ratio: true,
        default: "0.25",
    }],
};

/// New business a seller's goals require, and how it was reached.
pub fn required_new_business(plan: &Plan, seller: &Seller) -> Option<(Decimal, Message)> {
    let new_products = crate::analysis::portfolio::new_products(plan);
    let ncr = seller_target(&plan.metrics, seller, "new_customer_revenue", None).map(|t| t.value);
    let products: Decimal = seller
        .goals
        .iter()
        .filter(|g| {
            g.metric == "product_revenue"
                && g.product
                    .as_deref()
                    .is_some_and(|p| new_products.contains(&p))
        })
        .filter_map(|g| g.target.filter(|t| !t.percent).map(|t| t.value))
        .sum();
    let new_business = ncr.unwrap_or_default() + products;
    let growth = match (
        seller_target(&plan.metrics, seller, "revenue", None),
        value_of(&plan.metrics, &seller.baseline, "revenue"),
    ) {
        (Some(t), Some(b)) => Some(t.value - b),
        _ => None,
    };
    match growth {
        Some(g) if g > new_business => Some((
            g,
            Message::new("funnel-why-growth").arg("growth", Arg::money(g)),
        )),
        _ if new_business > Decimal::ZERO => {
            Some((new_business, Message::new("funnel-why-new-business")))
        }
        _ => None,
    }
}

/// The closing rate: the KPI's target, else the baseline's.
fn closing_rate(plan: &Plan, seller: &Seller) -> Option<(Decimal, Option<String>)> {
    seller_target(&plan.metrics, seller, "closing_rate", None)
        .map(|t| (t.value, Some(t.pointer)))
        .or_else(|| value_of(&plan.metrics, &seller.baseline, "closing_rate").map(|v| (v, None)))
}

impl Rule for Funnel {
    fn meta(&self) -> &'static RuleMeta {
        &FUNNEL
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for seller in &cx.plan.sellers {
            funnel(cx, seller, out);
        }
    }
}

fn funnel(cx: &Context<'_>, seller: &Entry<Seller>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let s = &seller.data;
    let Some((required, why)) = required_new_business(plan, s) else {
        return;
    };
    let meetings = seller_target(&plan.metrics, s, "qualified_meetings", None);
    let m2o = s
        .assumptions
        .as_ref()
        .and_then(|a| a.meeting_to_offer_rate)
        .map(|r| r.0);
    let deal = s
        .assumptions
        .as_ref()
        .and_then(|a| a.average_deal_size)
        .map(|a| a.0);
    let closing = closing_rate(plan, s);
    let mut missing = Vec::new();
    if meetings.is_none() {
        missing.push(Message::new("funnel-missing-meetings"));
    }
    if closing.is_none() {
        missing.push(Message::new("funnel-missing-closing"));
    }
    if m2o.is_none() {
        missing.push(Message::new("funnel-missing-m2o"));
    }
    if deal.is_none() {
        missing.push(Message::new("funnel-missing-deal"));
    }
    let (Some(meetings), Some((closing, _)), Some(m2o), Some(deal)) =
        (meetings, closing, m2o, deal)
    else {
        out.push(
            cx.found_at(
                Level::Info,
                seller.file,
                "",
                Message::new("funnel-unchecked")
                    .text("name", &s.name)
                    .arg("required", Arg::money(required))
                    .arg("missing", Arg::List(missing, ", ")),
            )
            .with_help(Message::new("funnel-unchecked-help")),
        );
        return;
    };
    let ww = plan.settings.working_weeks;
    let per = meetings.goal.per.unwrap_or(Per::Week);
    // Meetings a year by multiplying (10 a week × 44 weeks), so that the
    // product as printed is the product computed.
    let factor = per_year(per, ww);
    let Some(capacity) =
        crate::analysis::rollup::product(&[meetings.value, factor, m2o, closing, deal])
    else {
        return;
    };
    if capacity < required {
        let dp = decimals_apart(capacity, required, 0, 10);
        let meetings_shown = if per == Per::Week {
            Message::new("funnel-meetings-week")
                .number_dp("rate", meetings.value, 10)
                .number_dp("weeks", ww, 2)
        } else {
            Message::new("funnel-meetings")
                .number_dp("rate", meetings.value, 10)
                .phrase("unit", unit(per))
                .number_dp("factor", factor, 2)
        };
        out.push(
            cx.found(
                seller.file,
                &meetings.pointer,
                Message::new("funnel-short")
                    .phrase("meetings", meetings_shown)
                    .arg("m2o", Arg::Percent { value: m2o, dp: 10 })
                    .arg(
                        "closing",
                        Arg::Percent {
                            value: closing,
                            dp: 10,
                        },
                    )
                    .arg("deal", Arg::money(deal))
                    .arg(
                        "capacity",
                        Arg::Money {
                            value: capacity,
                            dp,
                        },
                    )
                    .arg(
                        "required",
                        Arg::Money {
                            value: required,
                            dp,
                        },
                    )
                    .phrase("why", why),
            )
            .with_help(Message::new("funnel-short-help")),
        );
    }
}

impl Rule for PipelineCoverage {
    fn meta(&self) -> &'static RuleMeta {
        &COVERAGE
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let min = cx.param("min");
        for seller in &cx.plan.sellers {
            let s = &seller.data;
            let (Some(pipeline), Some((closing, _)), Some((required, _))) = (
                seller_target(&cx.plan.metrics, s, "pipeline_value", None),
                closing_rate(cx.plan, s),
                required_new_business(cx.plan, s),
            ) else {
                continue;
            };
            if required <= Decimal::ZERO {
                continue;
            }
            let weighted = pipeline.value * closing;
            // Exact: weighted ÷ required < min ⇔ weighted < min × required.
            if weighted < min * required {
                let cover = weighted / required;
                let dp = decimals_apart(
                    cover * Decimal::ONE_HUNDRED,
                    min * Decimal::ONE_HUNDRED,
                    1,
                    10,
                );
                out.push(
                    cx.found(
                        seller.file,
                        &pipeline.pointer,
                        Message::new("pipeline-coverage-low")
                            .arg("pipeline", Arg::money(pipeline.value))
                            .arg(
                                "closing",
                                Arg::Percent {
                                    value: closing,
                                    dp: 10,
                                },
                            )
                            .arg("weighted", Arg::money(weighted))
                            .arg("cover", Arg::Percent { value: cover, dp })
                            .arg("required", Arg::money(required))
                            .arg("min", Arg::Percent { value: min, dp }),
                    )
                    .with_help(Message::new("pipeline-coverage-help")),
                );
            }
        }
    }
}

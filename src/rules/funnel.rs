//! `funnel` and `pipeline-coverage`: can the KPIs produce the new business
//! the goals need?

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::rollup::{convert_rate, seller_target, value_of};
use crate::diag::{Diagnostic, Level};
use crate::model::{Entry, Per, Plan, Seller};
use rust_decimal::Decimal;

pub struct Funnel;
pub struct PipelineCoverage;

static FUNNEL: RuleMeta = RuleMeta {
    id: "funnel",
    default_level: Level::Warning,
    structural: false,
    summary: "The activity KPIs cannot produce the new business the goals need. Capacity = \
qualified meetings per week × working weeks × meeting-to-offer rate × closing rate × average deal \
size (from the seller's KPIs and `assumptions`; the closing rate falls back to the baseline). \
New business required = new-customer revenue + product revenue of new products, or revenue \
target − baseline revenue when that is larger. The message prints the whole product; a funnel \
missing an input is an info naming it.",
    principle: "RESULT = qualify × quantity × quality: the result goals are reached through the \
number of sales activities and how well they convert. A revenue goal with too few meetings \
behind it is not realistic.",
    params: &[] as &[Param],
    example: "warning[funnel]: 4 meetings/week × 44 weeks × 40 % to offer × 55 % closing × kr 150 000 = kr 5 808 000 of new business a year, below the kr 6 000 000 the goals need\n  --> sellers/kari.yaml:24:13",
};

static COVERAGE: RuleMeta = RuleMeta {
    id: "pipeline-coverage",
    default_level: Level::Warning,
    structural: false,
    summary: "Pipeline value × closing rate covers less than `min` of the yearly new business \
required (the pipeline would have to turn over more than 1/min times a year).",
    principle: "Quantity and quality: the pipeline (count and value) is the KPI that shows \
early whether the result goals can be reached.",
    params: &[Param {
        name: "min",
        ratio: true,
        default: "0.25",
        description: "The smallest share of the yearly new business the weighted pipeline must cover.",
    }],
    example: "warning[pipeline-coverage]: pipeline kr 500 000 × 75 % closing = kr 375 000 covers 10,7 % of the kr 3 500 000 new business required, less than 25 %\n  --> sellers/kari.yaml:15:13",
};

/// New business a seller's goals require, and how it was reached.
pub fn required_new_business(plan: &Plan, seller: &Seller) -> Option<(Decimal, String)> {
    let fmt = &plan.settings.fmt;
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
            format!("revenue growth {} over the baseline", fmt.money(g)),
        )),
        _ if new_business > Decimal::ZERO => Some((
            new_business,
            "new-customer and new-product revenue".to_string(),
        )),
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
    let fmt = &plan.settings.fmt;
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
        missing.push("a qualified_meetings KPI");
    }
    if closing.is_none() {
        missing.push("a closing_rate KPI or baseline");
    }
    if m2o.is_none() {
        missing.push("assumptions.meeting_to_offer_rate");
    }
    if deal.is_none() {
        missing.push("assumptions.average_deal_size");
    }
    let (Some(meetings), Some((closing, _)), Some(m2o), Some(deal)) =
        (meetings, closing, m2o, deal)
    else {
        out.push(
            cx.found_at(Level::Info, seller.file, "", format!(
                "the funnel cannot be checked: {} needs {} of new business, but the plan lacks {}",
                s.name,
                fmt.money(required),
                missing.join(", ")
            ))
            .with_help("add the missing KPI or assumption to see whether the activities can deliver the goals"),
        );
        return;
    };
    let ww = plan.settings.working_weeks;
    let per_week = convert_rate(
        meetings.value,
        meetings.goal.per.unwrap_or(Per::Week),
        Per::Week,
        ww,
    );
    let Some(capacity) = crate::analysis::rollup::product(&[per_week, ww, m2o, closing, deal])
    else {
        return;
    };
    if capacity < required {
        out.push(
            cx.found(seller.file, &meetings.pointer, format!(
                "{} meetings/week × {} weeks × {} to offer × {} closing × {} = {} of new business a year, below the {} the goals need ({why})",
                fmt.number(per_week),
                fmt.number(ww),
                fmt.percent(m2o),
                fmt.percent(closing),
                fmt.money(deal),
                fmt.money(capacity),
                fmt.money(required)
            ))
            .with_help("plan more qualified meetings, raise the conversion, or lower the goals"),
        );
    }
}

impl Rule for PipelineCoverage {
    fn meta(&self) -> &'static RuleMeta {
        &COVERAGE
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let fmt = &cx.plan.settings.fmt;
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
            let cover = weighted / required;
            if cover < min {
                out.push(
                    cx.found(seller.file, &pipeline.pointer, format!(
                        "pipeline {} × {} closing = {} covers {} of the {} new business required, less than {}",
                        fmt.money(pipeline.value),
                        fmt.percent(closing),
                        fmt.money(weighted),
                        fmt.percent(cover),
                        fmt.money(required),
                        fmt.percent(min)
                    ))
                    .with_help("build the pipeline: at this size it would have to turn over more often than is realistic"),
                );
            }
        }
    }
}

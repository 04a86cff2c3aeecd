//! `capacity`: the activity KPIs must fit in the working week, with enough
//! of it spent with customers.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level};
use crate::model::Per;
use crate::rollup::convert_rate;
use rust_decimal::Decimal;

pub struct Capacity;

/// Activities that count as time with customers (face to face or on the phone).
pub const CUSTOMER_FACING: &[&str] = &["qualified_meetings", "customer_visits", "customer_calls"];

static META: RuleMeta = RuleMeta {
    id: "capacity",
    default_level: Level::Error,
    structural: false,
    summary: "The activity KPIs of a seller (each rate converted to a week × its \
`activity_hours`) take more hours than `hours_per_week`: error. The customer-facing share \
(qualified meetings, visits, calls) of the working week is below `min`: warning. The message \
shows each activity's rate × hours.",
    principle: "Quantity: a seller should spend at least 40–60 % of the working time face to face \
or on the phone with customers, and an activity plan that does not fit in the week is not a plan.",
    params: &[Param {
        name: "min",
        ratio: true,
        default: "0.40",
        description: "The smallest share of the working week spent with customers.",
    }],
    example: "error[capacity]: activity KPIs take 41,9 hours a week, more than the 37,5 available (qualified_meetings 15/week × 2 h = 30 h + customer_calls 30/week × 0,25 h = 7,5 h + offers 1,45/week × 3 h = 4,36 h)\n  --> sellers/ola.yaml:17:13",
};

impl Rule for Capacity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let settings = &cx.plan.settings;
        let fmt = &settings.fmt;
        for seller in &cx.plan.sellers {
            let mut total = Decimal::ZERO;
            let mut facing = Decimal::ZERO;
            let mut terms = Vec::new();
            let mut first = None;
            for (i, k) in seller
                .data
                .kpis
                .iter()
                .chain(&seller.data.goals)
                .enumerate()
            {
                let (Some(target), Some(metric)) = (k.target, cx.plan.metrics.get(&k.metric))
                else {
                    continue;
                };
                if !crate::rollup::usable(&cx.plan.metrics, &k.metric, target) {
                    continue;
                }
                let Some(hours) = settings
                    .activity_hours
                    .get(&k.metric)
                    .filter(|_| metric.activity)
                else {
                    continue;
                };
                let Some(per) = k.per else {
                    continue; // `measurable` reports an activity without `per`
                };
                let rate = convert_rate(target.value, per, Per::Week, settings.working_weeks);
                let spent = rate * hours;
                total += spent;
                if CUSTOMER_FACING.contains(&k.metric.as_str()) {
                    facing += spent;
                }
                terms.push(format!(
                    "{} {}/week × {} h = {} h",
                    k.metric,
                    fmt.number(rate),
                    fmt.number(*hours),
                    fmt.number(spent)
                ));
                let base = if i < seller.data.kpis.len() {
                    format!("/kpis/{i}/target")
                } else {
                    format!("/goals/{}/target", i - seller.data.kpis.len())
                };
                first.get_or_insert(base);
            }
            let Some(pointer) = first else {
                continue;
            };
            let hours = settings.hours_per_week;
            if total > hours {
                out.push(
                    cx.found(seller.file, &pointer, format!(
                        "activity KPIs take {} hours a week, more than the {} available ({})",
                        fmt.number_dp(total, 1),
                        fmt.number_dp(hours, 1),
                        terms.join(" + ")
                    ))
                    .with_help("fewer activities, or less time per activity (`activity_hours` in salgsmal.yaml)"),
                );
            }
            let share = if hours.is_zero() {
                Decimal::ZERO
            } else {
                facing / hours
            };
            let min = cx.param("min");
            if share < min {
                out.push(
                    cx.found_at(Level::Warning, seller.file, &pointer, format!(
                        "time with customers is {} h of the {} h week ({}), below the {} the method asks for",
                        fmt.number_dp(facing, 1),
                        fmt.number_dp(hours, 1),
                        fmt.percent(share),
                        fmt.percent(min)
                    ))
                    .with_help("plan more qualified meetings, visits or calls"),
                );
            }
        }
    }
}

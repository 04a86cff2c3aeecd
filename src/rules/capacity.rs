//! `capacity`: the activity KPIs must fit in the working week, with enough
//! of it spent with customers.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::capacity::{Activity, Capacity as Week};
use crate::analysis::rollup::DAYS_PER_WEEK;
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart, decimals_nonzero, round};
use crate::model::Per;
use rust_decimal::Decimal;

pub struct Capacity;

static META: RuleMeta = RuleMeta {
    id: RuleId::CAPACITY,
    default_level: Level::Error,
    structural: false,
    params: &[Param {
        name: "min",
        ratio: true,
        default: "0.40",
    }],
};

impl Rule for Capacity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (seller, c) in cx.plan.sellers.iter().zip(&cx.analysis.capacity) {
            let Some(pointer) = c.pointer() else {
                continue;
            };
            let timed: Vec<&Activity> = c
                .activities
                .iter()
                .filter(|a| a.hours_year.is_some())
                .collect();
            if c.overbooked() {
                // Show the hours with as many decimals as it takes for their
                // printed sum to be above the hours available.
                let available = c.hours_per_week;
                let dp = (2..=10)
                    .find(|&dp| shown_total(&timed, dp) > available)
                    .unwrap_or(10);
                let terms: Vec<Message> = timed.iter().map(|a| term(a, c, dp)).collect();
                out.push(
                    cx.found(
                        seller.file,
                        pointer,
                        Message::new("capacity-overbooked")
                            .number_dp("hours", shown_total(&timed, dp), dp)
                            .number_dp("available", available, dp)
                            .arg("terms", Arg::List(terms, " + ")),
                    )
                    .with_help(Message::new("capacity-overbooked-help")),
                );
            }
            if c.too_little_with_customers() {
                let (share, min) = (c.customer_share(), c.min_customer_share);
                let dp = decimals_apart(
                    share * Decimal::ONE_HUNDRED,
                    min * Decimal::ONE_HUNDRED,
                    1,
                    10,
                );
                let hours_dp = decimals_nonzero(c.customer_hours_week(), 1, 2);
                out.push(
                    cx.found_at(
                        Level::Warning,
                        seller.file,
                        pointer,
                        Message::new("capacity-customer-time")
                            .number_dp("hours", c.customer_hours_week(), hours_dp)
                            .number_dp("week", c.hours_per_week, 2)
                            .arg("share", Arg::Percent { value: share, dp })
                            .arg("min", Arg::Percent { value: min, dp }),
                    )
                    .with_help(Message::new("capacity-customer-time-help")),
                );
            }
        }
    }
}

/// The sum of the activities' weekly hours as printed with `dp` decimals.
fn shown_total(timed: &[&Activity], dp: u32) -> Decimal {
    timed
        .iter()
        .filter_map(|a| a.hours_week)
        .map(|h| round(h, dp))
        .sum()
}

/// `qualified_meetings 15/week × 2 h = 30 h`; a rate in another unit shows
/// its conversion: `offers 64/year ÷ 44 weeks × 3 h = 4,36 h`.
fn term(a: &Activity, c: &Week, dp: u32) -> Message {
    let id = match a.per {
        Per::Week => "capacity-term-week",
        Per::Day => "capacity-term-day",
        Per::Month => "capacity-term-month",
        Per::Quarter => "capacity-term-quarter",
        Per::Year => "capacity-term-year",
    };
    let m = Message::new(id)
        .text("metric", &a.metric)
        .number_dp("rate", a.target, 10)
        .number_dp("each", a.hours_each.unwrap_or_default(), 10)
        .number_dp("hours", a.hours_week.unwrap_or_default(), dp);
    match a.per {
        Per::Week => m,
        Per::Day => m.number_dp("days", Decimal::from(DAYS_PER_WEEK), 0),
        _ => m.number_dp("weeks", c.working_weeks, 2),
    }
}

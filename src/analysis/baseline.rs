//! A team's starting point (startpunkt) against its sellers' baselines: for
//! each metric of the team's `starting_point`, the roll-up of the baselines
//! of the team's sellers (child teams' sellers included) by the metric's
//! roll-up — a sum, or for a ratio the mean weighted by the sellers'
//! baseline revenue (offers, for a closing rate). SPEC 4.5 `starting-point`.

use super::exact::Frac;
use super::rollup::value_of;
use crate::model::metrics::Rollup as Method;
use crate::model::{Plan, Seller};
use rust_decimal::Decimal;

/// One seller's part in a team's baseline.
#[derive(Clone, Debug)]
pub struct Part {
    pub name: String,
    /// Where the value is: the seller's `/baseline/<metric>`, or for last
    /// year's actuals the seller in the year's last file.
    pub file: usize,
    pub pointer: String,
    pub value: Decimal,
    pub weight: Option<Decimal>,
}

/// The sellers' baselines of one metric, rolled up.
#[derive(Clone, Debug)]
pub struct Baseline {
    pub metric: String,
    /// The team's own starting point for the metric.
    pub starting_point: Decimal,
    /// The roll-up of the sellers' baselines (exact).
    pub value: Frac,
    pub parts: Vec<Part>,
    /// How the sellers' values are combined.
    pub weighted: bool,
    /// Sellers of the team without a baseline for the metric.
    pub missing: Vec<String>,
}

/// The baselines of the sellers `sellers` (indexes into `plan.sellers`)
/// for each metric of the team's starting point that rolls up.
pub fn team_baselines(plan: &Plan, team: usize, sellers: &[usize]) -> Vec<Baseline> {
    let Some(sp) = &plan.teams[team].data.starting_point else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for metric_id in sp.values.keys() {
        let Some(metric) = plan.metrics.get(metric_id) else {
            continue;
        };
        let Some(starting_point) = value_of(&plan.metrics, &sp.values, metric_id) else {
            continue;
        };
        let weight_of = |s: &Seller| -> Option<Decimal> {
            match &metric.rollup {
                Method::WeightedMean(w) if w == "revenue" || w == "baseline_revenue" => {
                    value_of(&plan.metrics, &s.baseline, "revenue")
                }
                Method::WeightedByOffers => value_of(&plan.metrics, &s.baseline, "offers"),
                Method::WeightedMean(w) => value_of(&plan.metrics, &s.baseline, w),
                _ => None,
            }
        };
        let weighted = matches!(
            metric.rollup,
            Method::WeightedMean(_) | Method::WeightedByOffers
        );
        let additive = matches!(
            metric.rollup,
            Method::Sum | Method::SumPerProduct | Method::SumOfRates
        );
        if !weighted && !additive {
            continue;
        }
        let mut parts = Vec::new();
        let mut missing = Vec::new();
        for s in sellers.iter().map(|&i| &plan.sellers[i]) {
            match value_of(&plan.metrics, &s.data.baseline, metric_id) {
                Some(value) => parts.push(Part {
                    name: s.data.name.clone(),
                    file: match s.data.baseline_files.last() {
                        Some(&f) if s.data.baseline_from_actuals.contains(metric_id) => f,
                        _ => s.file,
                    },
                    pointer: if s.data.baseline_from_actuals.contains(metric_id) {
                        crate::source::pointer::join("/sellers", &s.id)
                    } else {
                        crate::source::pointer::join("/baseline", metric_id)
                    },
                    value,
                    weight: weight_of(&s.data),
                }),
                None => missing.push(s.data.name.clone()),
            }
        }
        if parts.is_empty() {
            continue;
        }
        let value = if weighted {
            if parts.iter().any(|p| p.weight.is_none()) {
                continue; // a weighted mean without its weights says nothing
            }
            // Exact where a `Decimal` holds it; never an overflow.
            let total = parts
                .iter()
                .filter_map(|p| p.weight)
                .fold(Frac::ZERO, |acc, w| acc.plus(Frac::from(w)));
            let sum = parts.iter().fold(Frac::ZERO, |acc, p| {
                acc.plus(Frac::from(p.value).times(Frac::from(p.weight.unwrap_or_default())))
            });
            match sum.checked_div(total) {
                Some(f) => f,
                None => continue,
            }
        } else {
            parts
                .iter()
                .fold(Frac::ZERO, |acc, p| acc.plus(Frac::from(p.value)))
        };
        out.push(Baseline {
            metric: metric_id.clone(),
            starting_point,
            value,
            parts,
            weighted,
            missing,
        });
    }
    out
}

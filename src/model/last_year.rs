//! Last year's actuals as the sellers' baselines (startpunkt): where the
//! repository holds actuals files of the year before the plan year that
//! cover all twelve months for a seller, the year's values replace the
//! seller's written `baseline` for the metrics they give. Flows are summed,
//! the contribution margin and the closing rate come from their sums, and
//! other levels (a satisfaction score) are the latest value.

use super::metrics::{Catalogue, Kind, ratio_sums};
use super::number::Quantity;
use super::period::Period;
use super::{MetricValues, Plan};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

/// One seller's files of last year: the period and values of each, by the
/// order of the files; a file overlapping one already counted is left out
/// (the `period` rule reports it).
type Files<'a> = Vec<(Period, &'a MetricValues, usize)>;

/// Replace each seller's baseline values with last year's actuals where
/// they cover the whole year, keeping the written ones in
/// `written_baseline`.
pub fn apply(plan: &mut Plan) {
    for seller in &mut plan.sellers {
        seller.data.written_baseline = seller.data.baseline.clone();
    }
    let Some(plan_period) = plan.period() else {
        return;
    };
    let last = Period::Year(plan_period.year() - 1);
    let mut by_seller: HashMap<&str, Files<'_>> = HashMap::new();
    for a in &plan.actuals {
        let period = a.data.period;
        if !last.covers(period) {
            continue;
        }
        for (id, values) in &a.data.sellers {
            let files = by_seller.entry(id.as_str()).or_default();
            if files.iter().any(|(p, _, _)| p.overlaps(period)) {
                continue;
            }
            files.push((period, values, a.file));
        }
    }
    let mut found: Vec<(usize, MetricValues, Vec<usize>)> = Vec::new();
    for (i, seller) in plan.sellers.iter().enumerate() {
        let Some(files) = by_seller.get_mut(seller.id.as_str()) else {
            continue;
        };
        files.sort_by_key(|(p, _, _)| p.start());
        let months: u32 = files.iter().map(|(p, _, _)| months(*p)).sum();
        if months != 12 {
            continue; // part of a year says nothing about the whole
        }
        let values = year_values(&plan.metrics, files);
        if !values.is_empty() {
            found.push((i, values, files.iter().map(|(_, _, f)| *f).collect()));
        }
    }
    for (i, values, files) in found {
        let seller = &mut plan.sellers[i].data;
        seller.baseline_from_actuals = values.keys().cloned().collect();
        seller.baseline_files = files;
        seller.baseline.extend(values);
    }
}

fn months(period: Period) -> u32 {
    match period {
        Period::Year(_) => 12,
        Period::Quarter(..) => 3,
        Period::Month(..) => 1,
    }
}

/// The year's value of each metric every file reports (or, for a ratio
/// from its sums, whose sums every file reports).
fn year_values(metrics: &Catalogue, files: &Files<'_>) -> MetricValues {
    let get = |values: &MetricValues, id: &str| {
        let q = values.get(id)?;
        let fits = match metrics.get(id).map(|m| m.kind) {
            Some(Kind::Ratio) => q.fits_ratio(),
            _ => !q.percent,
        };
        fits.then_some(q.value)
    };
    let in_every = |id: &str| -> Option<Vec<Decimal>> {
        files.iter().map(|(_, values, _)| get(values, id)).collect()
    };
    let from_sums = |id: &str| -> Option<Decimal> {
        let (num, den) = ratio_sums(id)?;
        let d: Decimal = in_every(den)?.iter().sum();
        let n: Decimal = in_every(num)?.iter().sum();
        (!d.is_zero()).then(|| n / d)
    };
    // The metrics the files report, and the ratios whose sums they report.
    let mut ids: Vec<&str> = files
        .iter()
        .flat_map(|(_, values, _)| values.keys().map(String::as_str))
        .chain(["contribution_margin", "closing_rate"])
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut out = BTreeMap::new();
    for id in ids {
        let Some(metric) = metrics.get(id) else {
            continue;
        };
        let value = if ratio_sums(id).is_some() {
            from_sums(id)
        } else if metric.is_flow() {
            in_every(id).map(|v| v.iter().sum())
        } else {
            files
                .iter()
                .rev()
                .find_map(|(_, values, _)| get(values, id))
        };
        if let Some(value) = value {
            let percent = false;
            out.insert(id.to_string(), Quantity { value, percent });
        }
    }
    out
}

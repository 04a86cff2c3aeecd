//! Roll-ups: a team's value of a metric computed from its sellers' (and
//! child teams') targets by the metric's roll-up (SPEC 3). Exact decimals
//! throughout; rates are normalised to one `per` unit before they are added.

use crate::model::metrics::{Catalogue, Kind, Metric, Rollup as Method};
use crate::model::number::Quantity;
use crate::model::{Goal, MetricValues, Per, Plan, Seller, Team};
use rust_decimal::Decimal;

/// Working days in a selling week, for targets given per day.
pub const DAYS_PER_WEEK: u32 = 5;

/// How many of `per` there are in a year of `working_weeks` selling weeks.
pub fn per_year(per: Per, working_weeks: Decimal) -> Decimal {
    match per {
        Per::Day => Decimal::from(DAYS_PER_WEEK) * working_weeks,
        Per::Week => working_weeks,
        Per::Month => Decimal::from(12),
        Per::Quarter => Decimal::from(4),
        Per::Year => Decimal::ONE,
    }
}

/// Convert a rate from one `per` to another (10 a week → 440 a year),
/// multiplying before dividing so that exact conversions stay exact.
pub fn convert_rate(value: Decimal, from: Per, to: Per, working_weeks: Decimal) -> Decimal {
    let to_year = per_year(to, working_weeks);
    if from == to || to_year.is_zero() {
        return value;
    }
    value * per_year(from, working_weeks) / to_year
}

pub fn sum(values: &[Decimal]) -> Decimal {
    values.iter().copied().sum()
}

pub fn mean(values: &[Decimal]) -> Option<Decimal> {
    if values.is_empty() {
        None
    } else {
        Some(sum(values) / Decimal::from(values.len()))
    }
}

/// Σ(valueᵢ·weightᵢ)/Σ weightᵢ, or `None` when the weights add up to zero
/// (or the products are beyond what a `Decimal` holds).
pub fn weighted_mean(pairs: &[(Decimal, Decimal)]) -> Option<Decimal> {
    let mut total = Decimal::ZERO;
    let mut weighted = Decimal::ZERO;
    for (v, w) in pairs {
        total = total.checked_add(*w)?;
        weighted = weighted.checked_add(v.checked_mul(*w)?)?;
    }
    if total.is_zero() {
        return None;
    }
    weighted.checked_div(total)
}

/// The product of the factors, or `None` beyond what a `Decimal` holds.
pub fn product(factors: &[Decimal]) -> Option<Decimal> {
    factors
        .iter()
        .try_fold(Decimal::ONE, |acc, f| acc.checked_mul(*f))
}

/// The median of the values (the mean of the middle two for an even count).
pub fn median(values: &[Decimal]) -> Option<Decimal> {
    let mut v = values.to_vec();
    v.sort();
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(v[n / 2]),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / Decimal::TWO),
    }
}

/// A seller's (or child team's) part in a team value.
#[derive(Clone, Debug)]
pub struct Contribution {
    pub id: String,
    pub name: String,
    /// The value, converted to the team goal's `per` for rates.
    pub value: Decimal,
    pub weight: Option<Decimal>,
    pub file: usize,
    pub pointer: String,
    /// A child team rather than a seller.
    pub team: bool,
}

#[derive(Clone, Debug)]
pub struct Rolled {
    pub value: Decimal,
    pub contributions: Vec<Contribution>,
    /// What the weights are, for weighted means (`revenue targets`).
    pub weighted_by: Option<String>,
    /// Contributors without a weight, where a weighted mean fell back to the
    /// plain mean.
    pub missing_weights: Vec<String>,
    /// Sellers whose target for the metric is not usable (it breaks the
    /// `ratio` rule) and is left out.
    pub left_out: Vec<Contribution>,
}

/// A target in a file: the goal or KPI, and the pointer of its target.
pub struct Target<'a> {
    pub goal: &'a Goal,
    pub pointer: String,
    pub value: Decimal,
}

/// Whether a value can be used in computations: a ratio written as a number
/// above 1, or an amount written as a percent, is reported by the `ratio`
/// rule and left out of every sum, mean and comparison.
pub fn usable(metrics: &Catalogue, metric: &str, q: Quantity) -> bool {
    match metrics.get(metric).map(|m| m.kind) {
        Some(Kind::Ratio) => q.fits_ratio(),
        Some(Kind::Money | Kind::Count) => !q.percent,
        _ => true,
    }
}

/// A usable value of `metric` in a map of values (a baseline, a starting point).
pub fn value_of(metrics: &Catalogue, values: &MetricValues, metric: &str) -> Option<Decimal> {
    values
        .get(metric)
        .filter(|q| usable(metrics, metric, **q))
        .map(|q| q.value)
}

/// A seller's target for a metric (and product): goals first, then KPIs.
pub fn seller_target<'a>(
    metrics: &Catalogue,
    seller: &'a Seller,
    metric: &str,
    product: Option<&str>,
) -> Option<Target<'a>> {
    find_target(metrics, &seller.goals, "/goals", metric, product)
        .or_else(|| find_target(metrics, &seller.kpis, "/kpis", metric, product))
}

/// A team's own goal for a metric (and product).
pub fn team_target<'a>(
    metrics: &Catalogue,
    team: &'a Team,
    metric: &str,
    product: Option<&str>,
) -> Option<Target<'a>> {
    find_target(metrics, &team.goals, "/goals", metric, product)
}

fn find_target<'a>(
    metrics: &Catalogue,
    goals: &'a [Goal],
    base: &str,
    metric: &str,
    product: Option<&str>,
) -> Option<Target<'a>> {
    goals.iter().enumerate().find_map(|(i, g)| {
        let same = g.metric == metric && (product.is_none() || g.product.as_deref() == product);
        match (same, g.target) {
            (true, Some(t)) if usable(metrics, metric, t) => Some(Target {
                goal: g,
                pointer: format!("{base}/{i}/target"),
                value: t.value,
            }),
            _ => None,
        }
    })
}

/// Roll the sellers and child teams of `team` up for `goal`'s metric.
/// `None` when nobody contributes or the metric does not roll up.
pub fn team_rollup(plan: &Plan, team: &str, goal: &Goal) -> Option<Rolled> {
    rollup_at(plan, team, goal, 0)
}

fn rollup_at(plan: &Plan, team_id: &str, goal: &Goal, depth: usize) -> Option<Rolled> {
    let metric = plan.metrics.get(&goal.metric)?;
    if depth > 16 || matches!(metric.rollup, Method::None) {
        return None;
    }
    let ww = plan.settings.working_weeks;
    let product = goal.product.as_deref();
    let to_per = goal.per.unwrap_or(Per::Week);
    let mut contributions = Vec::new();
    let mut left_out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for seller in plan.sellers.iter().filter(|s| s.data.team == team_id) {
        // Two files for one seller (`kari.yaml` and `kari.yml`) are a
        // `duplicate-id` error; the first one counts.
        if seen.contains(&seller.id.as_str()) {
            continue;
        }
        seen.push(&seller.id);
        let Some(t) = seller_target(&plan.metrics, &seller.data, &goal.metric, product) else {
            let unusable = seller
                .data
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| (g, format!("/goals/{i}/target")))
                .chain(
                    seller
                        .data
                        .kpis
                        .iter()
                        .enumerate()
                        .map(|(i, g)| (g, format!("/kpis/{i}/target"))),
                )
                .find(|(g, _)| {
                    g.metric == goal.metric
                        && (product.is_none() || g.product.as_deref() == product)
                        && g.target.is_some()
                });
            if let Some((_, pointer)) = unusable {
                left_out.push(Contribution {
                    id: seller.id.clone(),
                    name: seller.data.name.clone(),
                    value: Decimal::ZERO,
                    weight: None,
                    file: seller.file,
                    pointer,
                    team: false,
                });
            }
            continue;
        };
        let value = match metric.rollup {
            Method::SumOfRates => convert_rate(t.value, t.goal.per.unwrap_or(to_per), to_per, ww),
            _ => t.value,
        };
        contributions.push(Contribution {
            id: seller.id.clone(),
            name: seller.data.name.clone(),
            value,
            weight: seller_weight(plan, &seller.id, &seller.data, metric),
            file: seller.file,
            pointer: t.pointer,
            team: false,
        });
    }
    for child in plan
        .teams
        .iter()
        .filter(|t| t.data.parent.as_deref() == Some(team_id) && t.id != team_id)
    {
        let own = team_target(&plan.metrics, &child.data, &goal.metric, product);
        let (value, pointer) = match own {
            Some(t) => {
                let v = match metric.rollup {
                    Method::SumOfRates => {
                        convert_rate(t.value, t.goal.per.unwrap_or(to_per), to_per, ww)
                    }
                    _ => t.value,
                };
                (v, t.pointer)
            }
            None => match rollup_at(plan, &child.id, goal, depth + 1) {
                Some(r) => (r.value, String::new()),
                None => continue,
            },
        };
        contributions.push(Contribution {
            id: child.id.clone(),
            name: child.data.name.clone(),
            value,
            weight: team_weight(plan, &child.id, &child.data, metric, depth),
            file: child.file,
            pointer,
            team: true,
        });
    }
    if contributions.is_empty() {
        return None;
    }
    let values: Vec<Decimal> = contributions.iter().map(|c| c.value).collect();
    let (value, weighted_by, missing) = match &metric.rollup {
        Method::Sum | Method::SumPerProduct | Method::SumOfRates => {
            (sum(&values), None, Vec::new())
        }
        Method::Mean => (mean(&values)?, None, Vec::new()),
        Method::Min => (values.iter().copied().min()?, None, Vec::new()),
        Method::Max => (values.iter().copied().max()?, None, Vec::new()),
        Method::WeightedMean(_) | Method::WeightedByOffers => {
            let label = weight_label(metric);
            let missing: Vec<String> = contributions
                .iter()
                .filter(|c| c.weight.is_none())
                .map(|c| c.name.clone())
                .collect();
            let pairs: Vec<(Decimal, Decimal)> = contributions
                .iter()
                .filter_map(|c| c.weight.map(|w| (c.value, w)))
                .collect();
            match (missing.is_empty(), weighted_mean(&pairs)) {
                (true, Some(v)) => (v, Some(label), Vec::new()),
                // Every weight given, but they add up to zero: nobody is
                // missing a weight, the mean is plain all the same.
                (true, None) => (mean(&values)?, None, Vec::new()),
                (false, _) => (mean(&values)?, None, missing),
            }
        }
        Method::None => return None,
    };
    Some(Rolled {
        value,
        contributions,
        weighted_by,
        missing_weights: missing,
        left_out,
    })
}

/// What a weighted mean's weights are, in words.
pub fn weight_label(metric: &Metric) -> String {
    match &metric.rollup {
        Method::WeightedMean(w) if w == "revenue" => "revenue targets".to_string(),
        Method::WeightedMean(w) if w == "baseline_revenue" => "baseline revenue".to_string(),
        Method::WeightedMean(w) if w == "customer_count" => "customer counts".to_string(),
        Method::WeightedMean(w) => format!("{w} targets"),
        Method::WeightedByOffers => "offers".to_string(),
        _ => String::new(),
    }
}

fn seller_weight(plan: &Plan, id: &str, seller: &Seller, metric: &Metric) -> Option<Decimal> {
    match &metric.rollup {
        Method::WeightedMean(w) if w == "baseline_revenue" => {
            seller.baseline.get("revenue").map(|q| q.value)
        }
        Method::WeightedMean(w) if w == "customer_count" => {
            let n = plan
                .customers()
                .iter()
                .filter(|c| c.owner == id && !c.customer.prospect)
                .count();
            (n > 0).then(|| Decimal::from(n))
        }
        Method::WeightedMean(w) => seller_target(&plan.metrics, seller, w, None).map(|t| t.value),
        Method::WeightedByOffers => seller_target(&plan.metrics, seller, "offers", None).map(|t| {
            convert_rate(
                t.value,
                t.goal.per.unwrap_or(Per::Week),
                Per::Week,
                plan.settings.working_weeks,
            )
        }),
        _ => None,
    }
}

fn team_weight(
    plan: &Plan,
    id: &str,
    team: &Team,
    metric: &Metric,
    depth: usize,
) -> Option<Decimal> {
    let by_metric = |w: &str| {
        team_target(&plan.metrics, team, w, None)
            .map(|t| t.value)
            .or_else(|| {
                let goal = Goal {
                    id: String::new(),
                    metric: w.to_string(),
                    target: None,
                    per: Some(Per::Week),
                    product: None,
                    phasing: None,
                    supports: Vec::new(),
                    actions: Vec::new(),
                    note: None,
                };
                rollup_at(plan, id, &goal, depth + 1).map(|r| r.value)
            })
    };
    match &metric.rollup {
        Method::WeightedMean(w) if w == "baseline_revenue" => team
            .starting_point
            .as_ref()
            .and_then(|s| s.values.get("revenue"))
            .map(|q| q.value),
        Method::WeightedMean(w) if w == "customer_count" => None,
        Method::WeightedMean(w) => by_metric(w),
        Method::WeightedByOffers => by_metric("offers"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn rates_are_normalised_before_they_are_added() {
        let ww = Decimal::from(44);
        // 40 a month is 480 a year, 480/44 a week.
        let monthly = convert_rate(Decimal::from(40), Per::Month, Per::Week, ww);
        assert_eq!(monthly.round_dp(4), d("10.9091"));
        assert_eq!(
            convert_rate(Decimal::from(10), Per::Week, Per::Year, ww),
            Decimal::from(440)
        );
        assert_eq!(
            convert_rate(Decimal::from(2), Per::Day, Per::Week, ww),
            Decimal::from(10)
        );
    }

    #[test]
    fn a_weighted_mean_differs_from_the_plain_mean() {
        let pairs = [(d("0.25"), d("10000000")), (d("0.15"), d("30000000"))];
        assert_eq!(weighted_mean(&pairs), Some(d("0.175")));
        assert_eq!(mean(&[d("0.25"), d("0.15")]), Some(d("0.2")));
        assert_eq!(weighted_mean(&[(d("0.2"), Decimal::ZERO)]), None);
    }

    #[test]
    fn tenths_of_millions_add_up_exactly() {
        let parts: Vec<Decimal> = (0..600).map(|_| d("100000.1")).collect();
        assert_eq!(sum(&parts), d("60000060"));
        let f: f64 = (0..600).map(|_| 100_000.1_f64).sum();
        assert_ne!(
            f, 60_000_060.0,
            "binary floating point drifts here; decimals do not"
        );
    }

    #[test]
    fn medians() {
        assert_eq!(median(&[d("3"), d("1"), d("2")]), Some(d("2")));
        assert_eq!(median(&[d("4"), d("1"), d("2"), d("3")]), Some(d("2.5")));
        assert_eq!(median(&[]), None);
    }
}

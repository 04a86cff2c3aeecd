//! Roll-ups: a team's value of a metric computed from its sellers' (and
//! child teams') targets by the metric's roll-up (SPEC 3). Exact decimals
//! throughout; rates are converted to one `per` unit by multiplying, and
//! quotients (rates, means) are kept as fractions until they are shown.

use super::exact::Frac;
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

/// The sum of the values, as the roll-ups add them (exactly).
pub fn sum(values: &[Decimal]) -> Decimal {
    sum_exact(&fracs(values)).value()
}

/// The plain mean, as the roll-ups take it; `None` for no values.
pub fn mean(values: &[Decimal]) -> Option<Decimal> {
    mean_exact(&fracs(values)).map(Frac::value)
}

/// Σ(valueᵢ·weightᵢ)/Σ weightᵢ, as the roll-ups take it; `None` when the
/// weights add up to zero.
pub fn weighted_mean(pairs: &[(Decimal, Decimal)]) -> Option<Decimal> {
    let pairs: Vec<(Frac, Frac)> = pairs
        .iter()
        .map(|(v, w)| (Frac::from(*v), Frac::from(*w)))
        .collect();
    weighted_mean_exact(&pairs).map(Frac::value)
}

fn fracs(values: &[Decimal]) -> Vec<Frac> {
    values.iter().copied().map(Frac::from).collect()
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
    /// The value, in the team goal's `per` for rates (exact).
    pub value: Frac,
    /// The weight, for weighted means: rates are weighted by their yearly
    /// count, which multiplying keeps exact.
    pub weight: Option<Frac>,
    pub file: usize,
    pub pointer: String,
    /// A child team rather than a seller.
    pub team: bool,
    /// For a rate: the target and its `per` as written (a child team's
    /// roll-up has none).
    pub rate: Option<(Decimal, Per)>,
}

#[derive(Clone, Debug)]
pub struct Rolled {
    /// The team value (exact: compare it, show `value.value()`).
    pub value: Frac,
    pub contributions: Vec<Contribution>,
    /// What the weights are, for weighted means.
    pub weighted_by: Option<Weight>,
    /// Contributors without a weight, where a weighted mean fell back to the
    /// plain mean.
    pub missing_weights: Vec<String>,
    /// Sellers whose target for the metric is not usable (it breaks the
    /// `ratio` rule) and is left out.
    pub left_out: Vec<Contribution>,
    /// Goals or KPIs of the sellers and child teams that the schema rejected
    /// and that may be for this metric (file index, pointer): while they are
    /// broken the roll-up is not sure, and the schema error is the finding.
    pub unsure: Vec<(usize, String)>,
}

/// What a weighted mean's weights are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Weight {
    /// Revenue targets.
    Revenue,
    /// Last year's revenue.
    BaselineRevenue,
    /// Customers in the seller's lists.
    CustomerCount,
    /// Offers a year.
    Offers,
    /// The targets of another metric.
    Metric(String),
}

impl Weight {
    /// A stable id (for the report context and message arguments).
    pub fn id(&self) -> &str {
        match self {
            Weight::Revenue => "revenue",
            Weight::BaselineRevenue => "baseline_revenue",
            Weight::CustomerCount => "customer_count",
            Weight::Offers => "offers",
            Weight::Metric(m) => m,
        }
    }
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

/// Who belongs where: each team's sellers and child teams, and each seller's
/// customer count, found once so that a roll-up is linear in the plan.
#[derive(Debug, Default)]
pub struct Index {
    /// Team id → indexes into `plan.sellers` (first file of a seller id only).
    sellers: std::collections::HashMap<String, Vec<usize>>,
    /// Team id → indexes into `plan.teams` of its child teams.
    children: std::collections::HashMap<String, Vec<usize>>,
    /// Seller id → customers (not prospects) in the seller's lists.
    customers: std::collections::HashMap<String, usize>,
}

impl Index {
    pub fn new(plan: &Plan) -> Self {
        let mut index = Index::default();
        let mut seen = std::collections::HashSet::new();
        for (i, seller) in plan.sellers.iter().enumerate() {
            // Two files for one seller (`kari.yaml` and `kari.yml`) are a
            // `duplicate-id` error; the first one counts.
            if seen.insert(seller.id.as_str()) {
                index
                    .sellers
                    .entry(seller.data.team.clone())
                    .or_default()
                    .push(i);
            }
        }
        for (i, team) in plan.teams.iter().enumerate() {
            if let Some(parent) = &team.data.parent
                && *parent != team.id
            {
                index.children.entry(parent.clone()).or_default().push(i);
            }
        }
        for c in plan.customers() {
            if !c.customer.prospect {
                *index.customers.entry(c.owner.to_string()).or_default() += 1;
            }
        }
        index
    }

    fn sellers_of(&self, team: &str) -> &[usize] {
        self.sellers.get(team).map_or(&[], Vec::as_slice)
    }

    fn children_of(&self, team: &str) -> &[usize] {
        self.children.get(team).map_or(&[], Vec::as_slice)
    }
}

/// Roll the sellers and child teams of `team` up for `goal`'s metric.
/// `None` when nobody contributes or the metric does not roll up.
pub fn team_rollup(plan: &Plan, team: &str, goal: &Goal) -> Option<Rolled> {
    rollup_at(plan, &Index::new(plan), team, goal, 0)
}

/// `team_rollup` with an index built once for many roll-ups.
pub fn team_rollup_indexed(plan: &Plan, index: &Index, team: &str, goal: &Goal) -> Option<Rolled> {
    rollup_at(plan, index, team, goal, 0)
}

/// A rate target as a fraction of the goal's `per`: `value × per_year(from)
/// / per_year(to)`, kept exact.
fn rate(value: Decimal, from: Per, to: Per, working_weeks: Decimal) -> Frac {
    if from == to {
        return Frac::from(value);
    }
    Frac::new(
        value * per_year(from, working_weeks),
        per_year(to, working_weeks),
    )
    .unwrap_or(Frac::from(value))
}

fn rollup_at(
    plan: &Plan,
    index: &Index,
    team_id: &str,
    goal: &Goal,
    depth: usize,
) -> Option<Rolled> {
    let metric = plan.metrics.get(&goal.metric)?;
    if depth > 16 || matches!(metric.rollup, Method::None) {
        return None;
    }
    let ww = plan.settings.working_weeks;
    let product = goal.product.as_deref();
    let to_per = goal.per.unwrap_or(Per::Week);
    let mut contributions = Vec::new();
    let mut left_out = Vec::new();
    let mut unsure = Vec::new();
    let mut broken = |file: usize, lists: &[&str]| {
        for list in lists {
            for p in plan.files[file].rejected_items(list, &goal.metric) {
                unsure.push((file, p.to_string()));
            }
        }
    };
    for seller in index.sellers_of(team_id).iter().map(|&i| &plan.sellers[i]) {
        broken(seller.file, &["/goals", "/kpis"]);
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
                    value: Frac::ZERO,
                    weight: None,
                    file: seller.file,
                    pointer,
                    team: false,
                    rate: None,
                });
            }
            continue;
        };
        let value = match metric.rollup {
            Method::SumOfRates => rate(t.value, t.goal.per.unwrap_or(to_per), to_per, ww),
            _ => Frac::from(t.value),
        };
        contributions.push(Contribution {
            id: seller.id.clone(),
            name: seller.data.name.clone(),
            value,
            weight: seller_weight(plan, index, &seller.id, &seller.data, metric),
            file: seller.file,
            pointer: t.pointer,
            team: false,
            rate: matches!(metric.rollup, Method::SumOfRates)
                .then(|| (t.value, t.goal.per.unwrap_or(to_per))),
        });
    }
    for child in index.children_of(team_id).iter().map(|&i| &plan.teams[i]) {
        broken(child.file, &["/goals"]);
        let own = team_target(&plan.metrics, &child.data, &goal.metric, product);
        let (value, pointer, written) = match own {
            Some(t) => {
                let per = t.goal.per.unwrap_or(to_per);
                let v = match metric.rollup {
                    Method::SumOfRates => rate(t.value, per, to_per, ww),
                    _ => Frac::from(t.value),
                };
                let written = matches!(metric.rollup, Method::SumOfRates).then_some((t.value, per));
                (v, t.pointer, written)
            }
            None => match rollup_at(plan, index, &child.id, goal, depth + 1) {
                Some(r) => (r.value, String::new(), None),
                None => continue,
            },
        };
        contributions.push(Contribution {
            id: child.id.clone(),
            name: child.data.name.clone(),
            value,
            weight: team_weight(plan, index, &child.id, &child.data, metric, depth),
            file: child.file,
            pointer,
            team: true,
            rate: written,
        });
    }
    if contributions.is_empty() && unsure.is_empty() {
        return None;
    }
    let values: Vec<Frac> = contributions.iter().map(|c| c.value).collect();
    let (value, weighted_by, missing) = match &metric.rollup {
        Method::Sum | Method::SumPerProduct | Method::SumOfRates => {
            (sum_exact(&values), None, Vec::new())
        }
        _ if values.is_empty() => (Frac::ZERO, None, Vec::new()),
        Method::Mean => (mean_exact(&values)?, None, Vec::new()),
        Method::Min => (values.iter().copied().min()?, None, Vec::new()),
        Method::Max => (values.iter().copied().max()?, None, Vec::new()),
        Method::WeightedMean(_) | Method::WeightedByOffers => {
            let missing: Vec<String> = contributions
                .iter()
                .filter(|c| c.weight.is_none())
                .map(|c| c.name.clone())
                .collect();
            let pairs: Vec<(Frac, Frac)> = contributions
                .iter()
                .filter_map(|c| c.weight.map(|w| (c.value, w)))
                .collect();
            match (missing.is_empty(), weighted_mean_exact(&pairs)) {
                (true, Some(v)) => (v, Some(weight_of(metric)), Vec::new()),
                // Every weight given, but they add up to zero: nobody is
                // missing a weight, the mean is plain all the same.
                (true, None) => (mean_exact(&values)?, None, Vec::new()),
                (false, _) => (mean_exact(&values)?, None, missing),
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
        unsure,
    })
}

fn sum_exact(values: &[Frac]) -> Frac {
    values.iter().fold(Frac::ZERO, |acc, v| acc.plus(*v))
}

fn mean_exact(values: &[Frac]) -> Option<Frac> {
    let n = Decimal::from(values.len());
    sum_exact(values).checked_div(Frac::from(n))
}

/// Σ(valueᵢ·weightᵢ)/Σ weightᵢ, exact; `None` when the weights add up to zero.
fn weighted_mean_exact(pairs: &[(Frac, Frac)]) -> Option<Frac> {
    let total = pairs.iter().fold(Frac::ZERO, |acc, (_, w)| acc.plus(*w));
    let weighted = pairs
        .iter()
        .fold(Frac::ZERO, |acc, (v, w)| acc.plus(v.times(*w)));
    weighted.checked_div(total)
}

/// What a weighted mean's weights are.
pub fn weight_of(metric: &Metric) -> Weight {
    match &metric.rollup {
        Method::WeightedMean(w) if w == "revenue" => Weight::Revenue,
        Method::WeightedMean(w) if w == "baseline_revenue" => Weight::BaselineRevenue,
        Method::WeightedMean(w) if w == "customer_count" => Weight::CustomerCount,
        Method::WeightedByOffers => Weight::Offers,
        Method::WeightedMean(w) => Weight::Metric(w.clone()),
        _ => Weight::Metric(String::new()),
    }
}

/// Offers a year: the weight of a closing rate, exact.
fn offers_a_year(t: &Target<'_>, working_weeks: Decimal) -> Frac {
    Frac::from(t.value * per_year(t.goal.per.unwrap_or(Per::Week), working_weeks))
}

fn seller_weight(
    plan: &Plan,
    index: &Index,
    id: &str,
    seller: &Seller,
    metric: &Metric,
) -> Option<Frac> {
    match &metric.rollup {
        Method::WeightedMean(w) if w == "baseline_revenue" => {
            seller.baseline.get("revenue").map(|q| Frac::from(q.value))
        }
        Method::WeightedMean(w) if w == "customer_count" => {
            let n = index.customers.get(id).copied().unwrap_or(0);
            (n > 0).then(|| Frac::from(Decimal::from(n)))
        }
        Method::WeightedMean(w) => {
            seller_target(&plan.metrics, seller, w, None).map(|t| Frac::from(t.value))
        }
        Method::WeightedByOffers => seller_target(&plan.metrics, seller, "offers", None)
            .map(|t| offers_a_year(&t, plan.settings.working_weeks)),
        _ => None,
    }
}

fn team_weight(
    plan: &Plan,
    index: &Index,
    id: &str,
    team: &Team,
    metric: &Metric,
    depth: usize,
) -> Option<Frac> {
    let ww = plan.settings.working_weeks;
    let by_metric = |w: &str| {
        team_target(&plan.metrics, team, w, None)
            .map(|t| {
                if w == "offers" {
                    offers_a_year(&t, ww)
                } else {
                    Frac::from(t.value)
                }
            })
            .or_else(|| {
                let goal = Goal::query(w, Some(Per::Year), None);
                rollup_at(plan, index, id, &goal, depth + 1).map(|r| r.value)
            })
    };
    match &metric.rollup {
        Method::WeightedMean(w) if w == "baseline_revenue" => team
            .starting_point
            .as_ref()
            .and_then(|s| s.values.get("revenue"))
            .map(|q| Frac::from(q.value)),
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

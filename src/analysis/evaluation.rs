//! Evaluation against the actuals (SPEC 4.5): for each seller's goal and KPI
//! and each team goal, the actual to date, the target to date, the
//! attainment and the year-end forecast, as of the latest `as_of` among the
//! actuals files of the plan year (never the clock). Exact throughout: sums
//! are decimals, quotients are fractions until they are shown.

use super::exact::Frac;
use super::rollup::{per_year, usable};
use crate::model::metrics::{Better, Metric, ratio_sums};
use crate::model::period::{Date, Period};
use crate::model::{Goal, MetricValues, Per, Plan};
use rust_decimal::Decimal;
use std::collections::HashMap;

pub mod path;

/// Where a forecast stands against the annual target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The forecast reaches the target.
    OnTrack,
    /// The forecast is short of the target, but within the `at_risk` share.
    AtRisk,
    /// The forecast is below the `at_risk` share of the target.
    OffTrack,
}

impl Status {
    /// A stable id (the report context).
    pub fn id(self) -> &'static str {
        match self {
            Status::OnTrack => "on_track",
            Status::AtRisk => "at_risk",
            Status::OffTrack => "off_track",
        }
    }
}

/// How the target to date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// A level (a ratio, a pipeline): the actual is compared with the
    /// target as it is, and the forecast is the actual.
    Level,
    /// The goal's quarterly phasing: `quarters` whole quarters, then `days`
    /// of the `quarter_days` working days of the next quarter pro rata.
    Phasing {
        quarters: u8,
        days: i64,
        quarter_days: i64,
    },
    /// Pro rata over the year: `days` of `year_days` working days.
    ProRata { days: i64, year_days: i64 },
}

/// How the actual to date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The sum of the values of the year's actuals files.
    Sum,
    /// A ratio from its sums: Σ numerator ÷ Σ denominator (contribution ÷
    /// revenue, offers won ÷ offers).
    Sums {
        num: &'static str,
        den: &'static str,
    },
    /// The latest reported value.
    Latest,
}

/// One metric evaluated.
#[derive(Clone, Debug)]
pub struct Eval {
    pub metric: String,
    pub actual: Frac,
    /// For a ratio from its sums: the sums (to add up a team's).
    pub sums: Option<(Decimal, Decimal)>,
    /// The annual target: for a rate, its count over the year; for a
    /// level, the target as written.
    pub annual: Frac,
    pub target_to_date: Frac,
    /// The target-to-date share of the year (1 for a level).
    pub share: Frac,
    /// actual ÷ target to date; `None` for a target of 0.
    pub attainment: Option<Frac>,
    /// The year-end forecast: actual ÷ share (a level: the actual).
    pub forecast: Frac,
    pub status: Status,
    pub basis: Basis,
    pub source: Source,
    pub better: Better,
    /// A team: how many of its sellers with a target reported the metric.
    pub reported: usize,
    pub of: usize,
    /// A flow's own result in the period under review.
    pub period: Option<PeriodEval>,
    /// A rate KPI (`per: week`): the actual to date as a rate in its unit,
    /// the unit and the KPI's target in it.
    pub rate: Option<(Frac, Per, Decimal)>,
}

/// A flow's result in one period (the review's): the actuals of the files
/// within it against the part of the annual target that falls in it.
#[derive(Clone, Debug)]
pub struct PeriodEval {
    pub period: Period,
    pub actual: Frac,
    pub target: Frac,
    /// actual ÷ target; `None` for a target of 0.
    pub attainment: Option<Frac>,
}

/// The evaluation of one of a seller's goals or KPIs.
#[derive(Clone, Debug)]
pub struct GoalEval {
    /// `goals` or `kpis`.
    pub list: &'static str,
    /// The index in that list.
    pub index: usize,
    pub eval: Eval,
}

#[derive(Debug, Default)]
pub struct Evaluation {
    /// The latest `as_of` among the actuals files of the plan year; `None`
    /// without actuals (nothing is evaluated).
    pub as_of: Option<Date>,
    /// The period under review: the one asked for, else the latest
    /// actuals file's.
    pub period: Option<Period>,
    /// By the index of `plan.sellers`.
    pub sellers: Vec<Vec<GoalEval>>,
    /// `teams[team][goal]`, by the indexes of `plan.teams` and its goals.
    pub teams: Vec<Vec<Option<Eval>>>,
    /// `milestones[team]`: each milestone value (delmål) against the team's
    /// cumulative actuals, by the index of `plan.teams`.
    pub milestones: Vec<Vec<MilestoneEval>>,
    /// `paths[team]`: the team's cumulative actuals at the end of each
    /// actuals file, per metric of its milestones and main goal, by the
    /// index of `plan.teams` (empty without actuals).
    pub paths: Vec<Vec<path::Path>>,
}

/// Where a milestone stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MilestoneState {
    /// Its date has passed and the actuals by then meet it.
    Reached,
    /// Its date has passed and the actuals by then fall short.
    Missed,
    /// Its date is still ahead (`actual` is the actual to date).
    Pending,
}

impl MilestoneState {
    pub fn id(self) -> &'static str {
        match self {
            MilestoneState::Reached => "reached",
            MilestoneState::Missed => "missed",
            MilestoneState::Pending => "pending",
        }
    }
}

/// One value of one milestone against the team's actuals.
#[derive(Clone, Debug)]
pub struct MilestoneEval {
    /// The index of the milestone in the team's `milestones`.
    pub milestone: usize,
    pub metric: String,
    pub target: Decimal,
    pub deadline: Date,
    /// The team's actual by the deadline (for a milestone still ahead: to
    /// date): the sum of the sellers' values from the actuals files that end
    /// by then, or a ratio from its sums.
    pub actual: Frac,
    pub state: MilestoneState,
    /// How many of the team's sellers reported the metric by then.
    pub reported: usize,
    pub of: usize,
}

/// One seller's values in one actuals file.
#[derive(Clone, Copy)]
struct Reported<'a> {
    values: &'a MetricValues,
    period: Period,
    /// The file's `as_of` (its period's last day by default), then its end.
    when: (Date, Date),
}

/// Where the year stands at `as_of`.
#[derive(Clone, Copy)]
struct Clock {
    year: i32,
    as_of: Date,
}

impl Clock {
    /// Working days (Monday to Friday) of `period` up to `as_of`, both
    /// counted: the SPEC's elapsed working weeks, counted in days.
    fn elapsed(self, period: Period) -> i64 {
        period.start().working_days_to(self.as_of.min(period.end()))
    }

    /// The working days of `period`.
    fn length(period: Period) -> i64 {
        period.start().working_days_to(period.end())
    }
}

/// Evaluate the plan against its actuals; `members` are each team's
/// sellers (`Analysis::team_sellers`). With `until`, only the actuals files
/// that end by the end of that period count (a review of that period).
pub fn evaluate(
    plan: &Plan,
    members: &[Vec<usize>],
    at_risk: Decimal,
    until: Option<Period>,
) -> Evaluation {
    let mut out = Evaluation {
        as_of: None,
        period: None,
        sellers: vec![Vec::new(); plan.sellers.len()],
        teams: plan
            .teams
            .iter()
            .map(|t| vec![None; t.data.goals.len()])
            .collect(),
        milestones: vec![Vec::new(); plan.teams.len()],
        paths: vec![Vec::new(); plan.teams.len()],
    };
    let Some(plan_period) = plan.period() else {
        return out;
    };
    let year = Period::Year(plan_period.year());
    // Each seller's values, file by file; a file whose period overlaps one
    // already counted for the seller is the `period` rule's error, and the
    // first one counts.
    let mut by_seller: HashMap<&str, (Vec<Period>, Vec<Reported<'_>>)> = HashMap::new();
    let mut as_of: Option<Date> = None;
    // The period under review: `until`, else the latest file's.
    let mut review: Option<(Date, Period)> = None;
    for a in &plan.actuals {
        let period = a.data.period;
        if !year.covers(period) || until.is_some_and(|u| period.end() > u.end()) {
            continue;
        }
        let when = a
            .data
            .as_of
            .filter(|d| period.contains(*d))
            .unwrap_or(period.end());
        as_of = as_of.max(Some(when));
        if review.is_none_or(|(w, _)| (when, period.end()) > (w, w)) {
            review = Some((when, period));
        }
        for (id, values) in &a.data.sellers {
            let (periods, reported) = by_seller.entry(id.as_str()).or_default();
            if periods.iter().any(|p| p.overlaps(period)) {
                continue;
            }
            periods.push(period);
            reported.push(Reported {
                values,
                period,
                when: (when, period.end()),
            });
        }
    }
    let Some(as_of) = as_of else {
        return out;
    };
    out.as_of = Some(as_of);
    let review = until.or(review.map(|(_, p)| p));
    out.period = review;
    for reported in by_seller.values_mut() {
        reported.1.sort_by_key(|r| r.when);
    }
    let clock = Clock {
        year: plan_period.year(),
        as_of,
    };
    let ww = plan.settings.working_weeks;
    let mut seen = std::collections::HashSet::new();
    for (si, seller) in plan.sellers.iter().enumerate() {
        // Two files for one seller id: the first one counts.
        if !seen.insert(seller.id.as_str()) {
            continue;
        }
        let Some((_, reported)) = by_seller.get(seller.id.as_str()) else {
            continue;
        };
        let lists = [("goals", &seller.data.goals), ("kpis", &seller.data.kpis)];
        for (list, goals) in lists {
            for (index, goal) in goals.iter().enumerate() {
                if let Some(mut eval) = evaluate_goal(plan, goal, reported, clock, ww, at_risk) {
                    if let Some(review) = review {
                        eval.period = period_of(plan, goal, &eval, reported, clock, review);
                    }
                    out.sellers[si].push(GoalEval { list, index, eval });
                }
            }
        }
    }
    for (ti, team) in plan.teams.iter().enumerate() {
        for (gi, goal) in team.data.goals.iter().enumerate() {
            let mut eval =
                evaluate_team(plan, goal, &members[ti], &out.sellers, (clock, ww), at_risk);
            if let (Some(e), Some(review)) = (eval.as_mut(), review) {
                e.period = team_period(goal, e, &members[ti], &out.sellers, clock, review);
            }
            out.teams[ti][gi] = eval;
        }
    }
    // Each team's milestones and actual path, from its sellers' files.
    (out.milestones, out.paths) = plan
        .teams
        .iter()
        .enumerate()
        .map(|(ti, team)| {
            let reported: Vec<&[Reported<'_>]> = members[ti]
                .iter()
                .filter_map(|&si| by_seller.get(plan.sellers[si].id.as_str()))
                .map(|(_, r)| r.as_slice())
                .collect();
            (
                milestones(plan, &team.data, &reported, members[ti].len(), as_of),
                path::team_paths(plan, &team.data, &reported, year),
            )
        })
        .unzip();
    out
}

/// The team's milestones against the actuals its sellers reported.
fn milestones(
    plan: &Plan,
    team: &crate::model::Team,
    sellers: &[&[Reported<'_>]],
    of: usize,
    as_of: Date,
) -> Vec<MilestoneEval> {
    let mut out = Vec::new();
    for (mi, m) in team.milestones.iter().enumerate() {
        for (metric_id, q) in &m.values {
            let Some(metric) = plan.metrics.get(metric_id) else {
                continue;
            };
            if !usable(&plan.metrics, metric_id, *q) {
                continue;
            }
            let pending = m.deadline > as_of;
            // The files that end by the deadline (all of them, to date, for a
            // milestone still ahead).
            let by_then: Vec<Vec<Reported<'_>>> = sellers
                .iter()
                .map(|files| {
                    files
                        .iter()
                        .copied()
                        .filter(|r| pending || r.when.1 <= m.deadline)
                        .collect()
                })
                .collect();
            let Some((actual, reported)) = team_actual(plan, metric, &by_then) else {
                continue;
            };
            let meets = if metric.better == Better::Lower {
                actual <= Frac::from(q.value)
            } else {
                actual >= Frac::from(q.value)
            };
            let state = match (pending, meets) {
                (true, _) => MilestoneState::Pending,
                (false, true) => MilestoneState::Reached,
                (false, false) => MilestoneState::Missed,
            };
            out.push(MilestoneEval {
                milestone: mi,
                metric: metric_id.clone(),
                target: q.value,
                deadline: m.deadline,
                actual,
                state,
                reported,
                of,
            });
        }
    }
    out
}

/// A team's actual of `metric` from its sellers' files (one list a
/// seller): the sum of the sellers' values (a flow) or the ratio of their
/// sums, and how many sellers reported the metric. `None` when none did,
/// and for a level without sums (it is not added up over sellers).
fn team_actual(
    plan: &Plan,
    metric: &Metric,
    sellers: &[Vec<Reported<'_>>],
) -> Option<(Frac, usize)> {
    let mut reported = 0;
    let mut total = Decimal::ZERO;
    let mut sums = (Decimal::ZERO, Decimal::ZERO);
    let from_sums = ratio_sums(&metric.id);
    for files in sellers {
        let Some((value, _, seller_sums)) = actual(plan, metric, files) else {
            continue;
        };
        reported += 1;
        match (from_sums, seller_sums) {
            (Some(_), Some((n, d))) => {
                sums.0 += n;
                sums.1 += d;
            }
            _ => total += value.value(),
        }
    }
    if reported == 0 {
        return None;
    }
    let actual = if from_sums.is_some() {
        Frac::new(sums.0, sums.1)?
    } else if metric.is_flow() {
        Frac::from(total)
    } else {
        return None;
    };
    Some((actual, reported))
}

/// An actual to date, its source and, for a ratio from its sums, the sums.
type Actual = (Frac, Source, Option<(Decimal, Decimal)>);

/// The actual to date of `metric` from one seller's files, with its source
/// and, for a ratio from its sums, the sums.
fn actual(plan: &Plan, metric: &Metric, reported: &[Reported<'_>]) -> Option<Actual> {
    let get = |values: &MetricValues, id: &str| {
        values
            .get(id)
            .filter(|q| usable(&plan.metrics, id, **q))
            .map(|q| q.value)
    };
    if let Some((num, den)) = ratio_sums(&metric.id) {
        let mut sums: Option<(Decimal, Decimal)> = None;
        for r in reported {
            let Some(d) = get(r.values, den) else {
                continue;
            };
            // The numerator as reported, else the ratio × its denominator.
            let n = get(r.values, num).or_else(|| get(r.values, &metric.id).map(|v| v * d));
            if let Some(n) = n {
                let (sn, sd) = sums.unwrap_or_default();
                sums = Some((sn + n, sd + d));
            }
        }
        if let Some((n, d)) = sums
            && let Some(value) = Frac::new(n, d)
        {
            return Some((value, Source::Sums { num, den }, Some((n, d))));
        }
    }
    if metric.is_flow() {
        let values: Vec<Decimal> = reported
            .iter()
            .filter_map(|r| get(r.values, &metric.id))
            .collect();
        if values.is_empty() {
            return None;
        }
        return Some((
            Frac::from(values.iter().sum::<Decimal>()),
            Source::Sum,
            None,
        ));
    }
    reported
        .iter()
        .rev()
        .find_map(|r| get(r.values, &metric.id))
        .map(|v| (Frac::from(v), Source::Latest, None))
}

/// The quarterly phasing of a goal when it can phase it: Q1–Q4 once each,
/// amounts (not percents) adding up to more than 0.
fn phasing(goal: &Goal) -> Option<[Decimal; 4]> {
    let phasing = goal.phasing.as_ref()?;
    let mut out = [None; 4];
    for (q, v) in &phasing.0 {
        let slot = out.get_mut(usize::from(*q).checked_sub(1)?)?;
        if slot.is_some() || v.percent {
            return None;
        }
        *slot = Some(v.value);
    }
    let values = [out[0]?, out[1]?, out[2]?, out[3]?];
    (values.iter().sum::<Decimal>() > Decimal::ZERO).then_some(values)
}

/// The share of the year to date, by phasing or pro rata.
fn share_of_year(goal: &Goal, clock: Clock) -> (Frac, Basis) {
    let year = Period::Year(clock.year);
    if goal.per.is_none()
        && let Some(values) = phasing(goal)
    {
        let total: Decimal = values.iter().sum();
        let mut to_date = Frac::ZERO;
        let mut basis = Basis::Phasing {
            quarters: 4,
            days: 0,
            quarter_days: 0,
        };
        for (q, v) in (1u8..=4).zip(values) {
            let quarter = Period::Quarter(clock.year, q);
            let (days, length) = (clock.elapsed(quarter), Clock::length(quarter));
            if days == length {
                to_date = to_date.plus(Frac::from(v));
                continue;
            }
            let part =
                Frac::new(v * Decimal::from(days), Decimal::from(length)).unwrap_or(Frac::ZERO);
            to_date = to_date.plus(part);
            basis = Basis::Phasing {
                quarters: q - 1,
                days,
                quarter_days: length,
            };
            break;
        }
        let share = to_date.checked_div(Frac::from(total)).unwrap_or(Frac::ZERO);
        return (share, basis);
    }
    let (days, year_days) = (clock.elapsed(year), Clock::length(year));
    let share = Frac::new(Decimal::from(days), Decimal::from(year_days)).unwrap_or(Frac::ZERO);
    (share, Basis::ProRata { days, year_days })
}

/// The status of a forecast against the annual target.
pub fn status(forecast: Frac, annual: Frac, better: Better, at_risk: Decimal) -> Status {
    let at_risk = Frac::from(at_risk);
    match better {
        Better::Higher if forecast >= annual => Status::OnTrack,
        Better::Higher if forecast >= annual.times(at_risk) => Status::AtRisk,
        Better::Higher => Status::OffTrack,
        Better::Lower if forecast <= annual => Status::OnTrack,
        Better::Lower if forecast.times(at_risk) <= annual => Status::AtRisk,
        Better::Lower => Status::OffTrack,
    }
}

fn evaluate_goal(
    plan: &Plan,
    goal: &Goal,
    reported: &[Reported<'_>],
    clock: Clock,
    working_weeks: Decimal,
    at_risk: Decimal,
) -> Option<Eval> {
    let metric = plan.metrics.get(&goal.metric)?;
    let target = goal
        .target
        .filter(|t| usable(&plan.metrics, &goal.metric, *t))?;
    // Actuals name no product: a product's revenue is not evaluated.
    if goal.product.is_some() {
        return None;
    }
    let (actual, source, sums) = actual(plan, metric, reported)?;
    let flow = metric.is_flow() && source == Source::Sum;
    let (annual, share, basis) = if flow {
        let (share, basis) = share_of_year(goal, clock);
        (
            Frac::from(annual_target(goal, target.value, working_weeks)),
            share,
            basis,
        )
    } else {
        (
            Frac::from(target.value),
            Frac::from(Decimal::ONE),
            Basis::Level,
        )
    };
    let mut eval = build(
        &goal.metric,
        actual,
        sums,
        annual,
        share,
        basis,
        source,
        metric.better,
        at_risk,
        (1, 1),
    )?;
    // An activity KPI's actual as a rate in its own unit: did the activity
    // plan hold? (196 meetings in 21.75 of 44 working weeks = 9.0 a week.)
    if let (true, Some(per)) = (flow, goal.per) {
        let periods = share.times(Frac::from(per_year(per, working_weeks)));
        eval.rate = actual.checked_div(periods).map(|r| (r, per, target.value));
    }
    Some(eval)
}

#[allow(clippy::too_many_arguments)]
fn build(
    metric: &str,
    actual: Frac,
    sums: Option<(Decimal, Decimal)>,
    annual: Frac,
    share: Frac,
    basis: Basis,
    source: Source,
    better: Better,
    at_risk: Decimal,
    (reported, of): (usize, usize),
) -> Option<Eval> {
    // Nothing of the target is due yet (a quarter phased at 0): no forecast.
    let forecast = actual.checked_div(share)?;
    let target_to_date = annual.times(share);
    Some(Eval {
        metric: metric.to_string(),
        actual,
        sums,
        annual,
        target_to_date,
        share,
        attainment: actual.checked_div(target_to_date),
        forecast,
        status: status(forecast, annual, better, at_risk),
        basis,
        source,
        better,
        reported,
        of,
        period: None,
        rate: None,
    })
}

impl PeriodEval {
    /// `actual` in `review` against the part of `eval`'s annual target that
    /// falls in it.
    fn of(goal: &Goal, eval: &Eval, clock: Clock, review: Period, actual: Frac) -> Self {
        let target = eval.annual.times(share_of_period(goal, clock, review));
        Self {
            period: review,
            actual,
            target,
            attainment: actual.checked_div(target),
        }
    }
}

/// The share of the year's target that falls in `period`, up to `as_of`.
fn share_of_period(goal: &Goal, clock: Clock, period: Period) -> Frac {
    let end = Clock {
        as_of: clock.as_of.min(period.end()),
        ..clock
    };
    let before = Clock {
        as_of: Date::from_days(period.start().days() - 1),
        ..clock
    };
    share_of_year(goal, end)
        .0
        .minus(share_of_year(goal, before).0)
}

/// A seller's flow in the period under review: the files within it.
fn period_of(
    plan: &Plan,
    goal: &Goal,
    eval: &Eval,
    reported: &[Reported<'_>],
    clock: Clock,
    review: Period,
) -> Option<PeriodEval> {
    if eval.source != Source::Sum || eval.basis == Basis::Level {
        return None;
    }
    let metric = plan.metrics.get(&goal.metric)?;
    let within: Vec<Reported<'_>> = reported
        .iter()
        .copied()
        .filter(|r| review.covers(r.period))
        .collect();
    let (actual, _, _) = actual(plan, metric, &within)?;
    Some(PeriodEval::of(goal, eval, clock, review, actual))
}

/// A team's flow in the period under review: its sellers' results in it
/// against the team's target for it.
fn team_period(
    goal: &Goal,
    eval: &Eval,
    members: &[usize],
    sellers: &[Vec<GoalEval>],
    clock: Clock,
    review: Period,
) -> Option<PeriodEval> {
    if eval.source != Source::Sum || eval.basis == Basis::Level {
        return None;
    }
    let parts: Vec<&PeriodEval> = members
        .iter()
        .filter_map(|&s| {
            sellers[s]
                .iter()
                .find(|g| g.eval.metric == goal.metric)
                .and_then(|g| g.eval.period.as_ref())
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    let actual = parts.iter().fold(Frac::ZERO, |a, p| a.plus(p.actual));
    Some(PeriodEval::of(goal, eval, clock, review, actual))
}

/// A goal's target over a year: a rate (10 a week) as its count.
fn annual_target(goal: &Goal, value: Decimal, working_weeks: Decimal) -> Decimal {
    match goal.per {
        Some(per) if per != Per::Year => value * per_year(per, working_weeks),
        _ => value,
    }
}

/// A team goal from its sellers: the actuals of the sellers who reported
/// the metric against the team's own target (a flow: its phasing, or pro
/// rata; when some sellers have not reported, the part of the team target
/// their targets make up of all its sellers' targets), or the ratio of the
/// sums against the team's target (a ratio from its sums).
fn evaluate_team(
    plan: &Plan,
    goal: &Goal,
    members: &[usize],
    sellers: &[Vec<GoalEval>],
    (clock, working_weeks): (Clock, Decimal),
    at_risk: Decimal,
) -> Option<Eval> {
    let metric = plan.metrics.get(&goal.metric)?;
    let target = goal
        .target
        .filter(|t| usable(&plan.metrics, &goal.metric, *t))?;
    if goal.product.is_some() {
        return None;
    }
    // Each seller's annual target for the metric, by seller.
    let targets: Vec<(usize, Decimal)> = members
        .iter()
        .filter_map(|&s| {
            let data = &plan.sellers[s].data;
            super::rollup::seller_target(&plan.metrics, data, &goal.metric, None)
                .map(|t| (s, annual_target(t.goal, t.value, working_weeks)))
        })
        .collect();
    let of = targets.len();
    // Each seller's evaluation of the metric: the goal or KPI the roll-up
    // counts (goals first, then KPIs).
    let evals: Vec<(usize, &Eval)> = members
        .iter()
        .filter_map(|&s| {
            sellers[s]
                .iter()
                .find(|g| g.eval.metric == goal.metric)
                .map(|g| (s, &g.eval))
        })
        .collect();
    if evals.is_empty() {
        return None;
    }
    if metric.is_flow() && evals.iter().all(|(_, e)| e.source == Source::Sum) {
        let actual = evals.iter().fold(Frac::ZERO, |a, (_, e)| a.plus(e.actual));
        let team_annual = Frac::from(annual_target(goal, target.value, working_weeks));
        let annual = if evals.len() >= of {
            team_annual
        } else {
            // The reporting sellers' part of the team target.
            let sum = |keep: &dyn Fn(usize) -> bool| {
                targets
                    .iter()
                    .filter(|(s, _)| keep(*s))
                    .fold(Frac::ZERO, |a, (_, v)| a.plus(Frac::from(*v)))
            };
            let reporting = sum(&|s| evals.iter().any(|(r, _)| *r == s));
            team_annual.times(reporting.checked_div(sum(&|_| true))?)
        };
        let (share, basis) = share_of_year(goal, clock);
        return build(
            &goal.metric,
            actual,
            None,
            annual,
            share,
            basis,
            Source::Sum,
            metric.better,
            at_risk,
            (evals.len(), of),
        );
    }
    // A ratio from its sums: only the sellers with sums count.
    let with_sums: Vec<(Decimal, Decimal)> = evals.iter().filter_map(|(_, e)| e.sums).collect();
    let (Some((num, den)), false) = (ratio_sums(&goal.metric), with_sums.is_empty()) else {
        return None;
    };
    let (n, d) = with_sums
        .iter()
        .fold((Decimal::ZERO, Decimal::ZERO), |(a, b), (n, d)| {
            (a + n, b + d)
        });
    build(
        &goal.metric,
        Frac::new(n, d)?,
        Some((n, d)),
        Frac::from(target.value),
        Frac::from(Decimal::ONE),
        Basis::Level,
        Source::Sums { num, den },
        metric.better,
        at_risk,
        (with_sums.len(), of),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn statuses_and_their_reverse() {
        let target = Frac::from(d("100"));
        let r = d("0.90");
        let at = |v: &str, b| status(Frac::from(d(v)), target, b, r);
        assert_eq!(at("100", Better::Higher), Status::OnTrack);
        assert_eq!(at("90", Better::Higher), Status::AtRisk);
        assert_eq!(at("89.99", Better::Higher), Status::OffTrack);
        assert_eq!(at("100", Better::Lower), Status::OnTrack);
        assert_eq!(at("110", Better::Lower), Status::AtRisk);
        assert_eq!(at("112", Better::Lower), Status::OffTrack);
        // 100 ÷ 0.9 = 111.11…: exactly at the limit is at risk.
        let limit = target.checked_div(Frac::from(r)).expect("non-zero");
        assert_eq!(status(limit, target, Better::Lower, r), Status::AtRisk);
    }

    #[test]
    fn working_days() {
        let day = |m, d| Date::new(2027, m, d).expect("date");
        // 2027-01-01 is a Friday; the 2nd and 3rd are a weekend.
        assert_eq!(day(1, 1).working_days_to(day(1, 1)), 1);
        assert_eq!(day(1, 2).working_days_to(day(1, 3)), 0);
        assert_eq!(day(1, 1).working_days_to(day(1, 4)), 2);
        assert_eq!(day(1, 4).working_days_to(day(1, 1)), 0);
        assert_eq!(day(1, 1).working_days_to(day(12, 31)), 261);
        // Before 1970 too (a Thursday, day 0).
        let d0 = Date::new(1969, 12, 29).expect("date");
        assert_eq!(d0.working_days_to(Date::new(1970, 1, 4).expect("date")), 5);
    }

    /// 2028 starts on a Saturday: January has 21 working days, February
    /// (to the 29th) 21, the year 260.
    #[test]
    fn share_of_a_leap_year() {
        let goal: Goal = serde_json::from_str(r#"{"id": "o", "metric": "revenue"}"#).expect("goal");
        let clock = Clock {
            year: 2028,
            as_of: Date::new(2028, 2, 29).expect("date"),
        };
        let (share, basis) = share_of_year(&goal, clock);
        assert_eq!(
            basis,
            Basis::ProRata {
                days: 42,
                year_days: 260
            }
        );
        assert_eq!(share, Frac::new(d("42"), d("260")).expect("share"));
    }
}

//! The actual path of a team (the review report's chart): for each metric
//! of its milestones (delmål) and main goal (hovedmål), the team's
//! cumulative actual at the `as_of` of each actuals file of the year, added
//! up as the milestones are (SPEC 4.5): a flow from 0 at the year's start,
//! a ratio from its sums (Σ contribution ÷ Σ revenue), never averaged.

use super::{Reported, ratio_sums, team_actual};
use crate::analysis::exact::Frac;
use crate::analysis::rollup::usable;
use crate::model::period::{Date, Period};
use crate::model::{Plan, Team};

/// One metric's path.
#[derive(Clone, Debug)]
pub struct Path {
    pub metric: String,
    /// In date order; a flow starts with 0 at the year's first day.
    pub points: Vec<Point>,
}

/// The team's actual as of one date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub date: Date,
    pub actual: Frac,
}

/// The metrics of a team's staircase, in order: its milestones' (by
/// deadline as written), then its main goal's; each once.
pub fn staircase_metrics<'t>(plan: &Plan, team: &'t Team) -> Vec<&'t str> {
    let mut out: Vec<&str> = Vec::new();
    let values = team
        .milestones
        .iter()
        .map(|m| &m.values)
        .chain(team.main_goal.as_ref().map(|g| &g.values));
    for values in values {
        for (id, q) in values {
            if usable(&plan.metrics, id, *q) && !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
    }
    out
}

/// The team's paths from its sellers' files (`sellers`: one list a seller,
/// in `as_of` order) within `year`.
pub(super) fn team_paths(
    plan: &Plan,
    team: &Team,
    sellers: &[&[Reported<'_>]],
    year: Period,
) -> Vec<Path> {
    let mut dates: Vec<Date> = sellers
        .iter()
        .flat_map(|files| files.iter().map(|r| r.when.0))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    if dates.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for id in staircase_metrics(plan, team) {
        let Some(metric) = plan.metrics.get(id) else {
            continue;
        };
        let flow = ratio_sums(id).is_none() && metric.is_flow();
        if !flow && ratio_sums(id).is_none() {
            continue; // a level without sums is not added up over sellers
        }
        let mut points = Vec::new();
        if flow {
            points.push(Point {
                date: year.start(),
                actual: Frac::ZERO,
            });
        }
        for &date in &dates {
            let by_then: Vec<Vec<Reported<'_>>> = sellers
                .iter()
                .map(|files| files.iter().copied().filter(|r| r.when.0 <= date).collect())
                .collect();
            if let Some((actual, _)) = team_actual(plan, metric, &by_then) {
                points.push(Point { date, actual });
            }
        }
        // Nothing reported: no path (the year's start alone says nothing).
        if points.len() > usize::from(flow) {
            out.push(Path {
                metric: id.to_string(),
                points,
            });
        }
    }
    out
}

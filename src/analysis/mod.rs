//! The plan's numbers, computed once: roll-ups, capacity, the customer
//! portfolio. Rules judge them and reports show them, so a rule and a
//! report never disagree about a number.

pub mod baseline;
pub mod capacity;
pub mod customer_actuals;
pub mod evaluation;
pub mod exact;
pub mod portfolio;
pub mod rollup;

use crate::model::Plan;
use rayon::prelude::*;
use rust_decimal::Decimal;

/// The rule parameters the numbers depend on, as the rules resolve them
/// (configured in `salgsmal.yaml`, else their defaults).
#[derive(Clone, Debug)]
pub struct Params {
    /// `capacity.min`: the smallest share of the week with customers.
    pub capacity_min: Decimal,
    /// `allocation.max_over`: how far a roll-up may exceed a team target.
    pub allocation_max_over: Decimal,
    /// `off-track.at_risk`: the share of the annual target below which a
    /// forecast is off track (at risk from there up to the target).
    pub off_track_at_risk: Decimal,
}

/// Everything computed from a plan.
#[derive(Debug)]
pub struct Analysis<'a> {
    pub plan: &'a Plan,
    pub params: Params,
    pub index: rollup::Index,
    /// The roll-up of each team goal: `rollups[team][goal]`, by the indexes
    /// of `plan.teams` and the team's `goals`.
    pub rollups: Vec<Vec<Option<rollup::Rolled>>>,
    /// How far each team's targets may be exceeded: the team's own
    /// `allocation.max_over`, else the rule's parameter.
    pub max_over: Vec<Decimal>,
    /// Each seller's activity plan in hours, by the index of `plan.sellers`.
    pub capacity: Vec<capacity::Capacity>,
    pub portfolio: portfolio::Portfolio<'a>,
    /// The product/customer (Ansoff) split of each team's revenue target.
    pub ansoff: Vec<Option<portfolio::Ansoff>>,
    /// Each team's customers: indexes into `portfolio.customers` of the
    /// customers owned by the team's sellers and its child teams' sellers.
    pub team_customers: Vec<Vec<usize>>,
    /// Each owner's customers: indexes into `portfolio.customers`.
    pub owner_customers: std::collections::HashMap<&'a str, Vec<usize>>,
    /// The goals evaluated against the actuals.
    pub evaluation: evaluation::Evaluation,
    /// Each team's starting point against its sellers' baselines, by the
    /// index of `plan.teams`.
    pub baselines: Vec<Vec<baseline::Baseline>>,
    /// Each customer's actuals to date and the category they give, by id.
    pub customer_actuals: std::collections::HashMap<String, customer_actuals::CustomerActual>,
}

impl<'a> Analysis<'a> {
    pub fn new(plan: &'a Plan, params: Params) -> Self {
        let index = rollup::Index::new(plan);
        let rollups = plan
            .teams
            .par_iter()
            .map(|team| {
                team.data
                    .goals
                    .iter()
                    .map(|goal| rollup::team_rollup_indexed(plan, &index, &team.id, goal))
                    .collect()
            })
            .collect();
        let max_over = plan
            .teams
            .iter()
            .map(|team| {
                team.data
                    .allocation
                    .as_ref()
                    .and_then(|a| a.max_over)
                    .map_or(params.allocation_max_over, |r| r.0)
            })
            .collect();
        let capacity = plan
            .sellers
            .par_iter()
            .map(|s| capacity::seller_capacity(plan, &s.data, params.capacity_min))
            .collect();
        let ansoff = plan
            .teams
            .par_iter()
            .map(|t| portfolio::team_ansoff(plan, &index, &t.id))
            .collect();
        let portfolio = portfolio::portfolio(plan);
        let team_customers = team_customers(plan, &portfolio);
        let mut owner_customers: std::collections::HashMap<&'a str, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, placed) in portfolio.customers.iter().enumerate() {
            owner_customers
                .entry(placed.customer.owner)
                .or_default()
                .push(i);
        }
        let evaluation = evaluation::evaluate(plan, params.off_track_at_risk);
        let baselines = (0..plan.teams.len())
            .map(|t| baseline::team_baselines(plan, t, &team_seller_indexes(plan, &index, t)))
            .collect();
        let customer_actuals =
            customer_actuals::customer_actuals(plan, &portfolio, evaluation.as_of);
        Self {
            plan,
            baselines,
            customer_actuals,
            evaluation,
            ansoff,
            team_customers,
            owner_customers,
            portfolio,
            params,
            index,
            rollups,
            max_over,
            capacity,
        }
    }

    /// The customers of one owner (a seller id), in the plan's order.
    pub fn customers_of<'s>(
        &'s self,
        owner: &str,
    ) -> impl Iterator<Item = &'s portfolio::Placed<'a>> + 's {
        self.owner_customers
            .get(owner)
            .into_iter()
            .flatten()
            .map(|i| &self.portfolio.customers[*i])
    }

    /// The category totals of team `team`'s customers (index into the plan).
    pub fn team_totals(&self, team: usize) -> Vec<(crate::model::Category, portfolio::Totals)> {
        self.portfolio.totals_of(&self.team_customers[team])
    }

    /// The roll-up of goal `goal` of team `team` (indexes into the plan).
    pub fn rollup(&self, team: usize, goal: usize) -> Option<&rollup::Rolled> {
        self.rollups.get(team)?.get(goal)?.as_ref()
    }
}

/// Each team's customers, found in one pass: a customer counts for its
/// owner's team and every team above it.
fn team_customers(plan: &Plan, portfolio: &portfolio::Portfolio<'_>) -> Vec<Vec<usize>> {
    use std::collections::HashMap;
    let team_index: HashMap<&str, usize> = plan
        .teams
        .iter()
        .enumerate()
        .rev()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut seller_team: HashMap<&str, &str> = HashMap::new();
    for s in plan.sellers.iter().rev() {
        seller_team.insert(s.id.as_str(), s.data.team.as_str());
    }
    // A team and the teams above it (a loop in `parent` is cut).
    let chains: Vec<Vec<usize>> = (0..plan.teams.len())
        .map(|start| {
            let mut chain = vec![start];
            let mut at = start;
            while let Some(parent) = plan.teams[at].data.parent.as_deref()
                && let Some(&p) = team_index.get(parent)
                && !chain.contains(&p)
            {
                chain.push(p);
                at = p;
            }
            chain
        })
        .collect();
    let mut out = vec![Vec::new(); plan.teams.len()];
    for (i, placed) in portfolio.customers.iter().enumerate() {
        let Some(team) = seller_team
            .get(placed.customer.owner)
            .and_then(|t| team_index.get(t))
        else {
            continue;
        };
        for &t in &chains[*team] {
            out[t].push(i);
        }
    }
    out
}

/// The sellers of a team and of its child teams, recursively (indexes into
/// `plan.sellers`; a loop in `parent` is cut).
fn team_seller_indexes(plan: &Plan, index: &rollup::Index, team: usize) -> Vec<usize> {
    let mut teams = vec![team];
    let mut i = 0;
    while i < teams.len() {
        for &child in index.children_of(&plan.teams[teams[i]].id) {
            if !teams.contains(&child) {
                teams.push(child);
            }
        }
        i += 1;
    }
    teams
        .iter()
        .flat_map(|&t| index.sellers_of(&plan.teams[t].id).iter().copied())
        .collect()
}

//! The plan's numbers, computed once: roll-ups, capacity, the customer
//! portfolio. Rules judge them and reports show them, so a rule and a
//! report never disagree about a number.

pub mod allocate;
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
    /// Evaluate the actuals up to the end of this period only (`render
    /// --period`); `None`: all of the plan year's.
    pub until: Option<crate::model::period::Period>,
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
    /// Each team's sellers, its own and those of the teams below it: indexes
    /// into `plan.sellers`, in the plan's order (the first file of a seller
    /// id).
    pub team_sellers: Vec<Vec<usize>>,
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
        let team_sellers = team_members(plan);
        let mut owner_customers: std::collections::HashMap<&'a str, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, placed) in portfolio.customers.iter().enumerate() {
            owner_customers
                .entry(placed.customer.owner)
                .or_default()
                .push(i);
        }
        let team_customers = team_customers(plan, &team_sellers, &owner_customers);
        let evaluation =
            evaluation::evaluate(plan, &team_sellers, params.off_track_at_risk, params.until);
        let baselines = (0..plan.teams.len())
            .map(|t| baseline::team_baselines(plan, t, &team_sellers[t]))
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
            team_sellers,
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

    /// A team's portfolio on this year's numbers (its customers with
    /// actuals, by the category the actuals give).
    pub fn team_actual_totals(
        &self,
        team: usize,
    ) -> Vec<(crate::model::Category, portfolio::Totals)> {
        customer_actuals::totals_of(
            &self.customer_actuals,
            &self.portfolio,
            &self.team_customers[team],
        )
    }

    /// The roll-up of goal `goal` of team `team` (indexes into the plan).
    pub fn rollup(&self, team: usize, goal: usize) -> Option<&rollup::Rolled> {
        self.rollups.get(team)?.get(goal)?.as_ref()
    }
}

/// Each team's customers: the customers of its sellers (`members`), in
/// the plan's order.
fn team_customers(
    plan: &Plan,
    members: &[Vec<usize>],
    owner_customers: &std::collections::HashMap<&str, Vec<usize>>,
) -> Vec<Vec<usize>> {
    members
        .iter()
        .map(|sellers| {
            let mut ids: Vec<usize> = sellers
                .iter()
                .filter_map(|&si| owner_customers.get(plan.sellers[si].id.as_str()))
                .flatten()
                .copied()
                .collect();
            ids.sort_unstable();
            ids
        })
        .collect()
}

/// Each team's sellers (indexes into `plan.sellers`): its own and those of
/// the teams below it.
fn team_members(plan: &Plan) -> Vec<Vec<usize>> {
    use std::collections::HashMap;
    let index: HashMap<&str, usize> = plan
        .teams
        .iter()
        .enumerate()
        .rev()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut out = vec![Vec::new(); plan.teams.len()];
    let mut seen = std::collections::HashSet::new();
    for (si, seller) in plan.sellers.iter().enumerate() {
        if !seen.insert(seller.id.as_str()) {
            continue;
        }
        let mut chain = Vec::new();
        let mut at = index.get(seller.data.team.as_str()).copied();
        while let Some(t) = at
            && !chain.contains(&t)
        {
            chain.push(t);
            at = plan.teams[t]
                .data
                .parent
                .as_deref()
                .and_then(|p| index.get(p).copied());
        }
        for t in chain {
            out[t].push(si);
        }
    }
    out
}

//! The customer platform (SPEC 4.3): customers placed in the 2×2 portfolio by
//! revenue and contribution, the thresholds used, category totals, the
//! priority by potential, and the product/customer (Ansoff) split.

use super::rollup::{Index, team_rollup_indexed, team_target};
use crate::model::{Category, CustomerRef, Locale, Plan, Potential, PotentialLevel};
use rust_decimal::Decimal;

pub const CATEGORIES: [Category; 4] = [
    Category::Key,
    Category::Star,
    Category::Question,
    Category::PhaseOutNew,
];

impl Category {
    pub fn id(self) -> &'static str {
        match self {
            Category::Key => "key",
            Category::Star => "star",
            Category::Question => "question",
            Category::PhaseOutNew => "phase_out_new",
        }
    }

    /// The category's name as the method writes it on the portfolio matrix.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Category::Key, Locale::Nb) => "Nøkkel",
            (Category::Star, Locale::Nb) => "Stjerne",
            (Category::Question, Locale::Nb) => "Spørsmålstegn",
            (Category::PhaseOutNew, Locale::Nb) => "Avvikle/nye",
            (Category::Key, Locale::En) => "Key",
            (Category::Star, Locale::En) => "Star",
            (Category::Question, Locale::En) => "Question mark",
            (Category::PhaseOutNew, Locale::En) => "Phase-out/new",
        }
    }

    /// The method's strategy for the category.
    pub fn strategy(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Category::Key, Locale::Nb) => {
                "Ta vare på kundene og optimalisere det gode samarbeidet man allerede har med de store, lønnsomme kundene."
            }
            (Category::Star, Locale::Nb) => {
                "Beholde og øke omsetningen hos stjernekundene, eller flytte fokus mot et mer lønnsomt og verdiskapende samarbeid."
            }
            (Category::Question, Locale::Nb) => {
                "Søke å videreutvikle samarbeidet med kundene, eller la dem kjøpe uten å bruke særlig tid eller ressurser på dem."
            }
            (Category::PhaseOutNew, Locale::Nb) => {
                "Avvikle ulønnsomme kundeforhold, og skaffe de nye kundene vi trenger for å utvikle kundeplattformen."
            }
            (Category::Key, Locale::En) => {
                "Take care of these customers and optimise the good cooperation already in place with the large, profitable customers."
            }
            (Category::Star, Locale::En) => {
                "Keep and raise revenue with the star customers, or move the focus towards a more profitable, value-creating cooperation."
            }
            (Category::Question, Locale::En) => {
                "Develop the cooperation with these customers further, or let them buy without spending much time or resources on them."
            }
            (Category::PhaseOutNew, Locale::En) => {
                "Phase out unprofitable customer relations, and win the new customers needed to develop the customer platform."
            }
        }
    }
}

impl PotentialLevel {
    pub fn id(self) -> &'static str {
        match self {
            PotentialLevel::Low => "low",
            PotentialLevel::Medium => "medium",
            PotentialLevel::High => "high",
        }
    }
}

/// Where a threshold came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Configured,
    /// Computed from the plan's customers (SPEC 4.3's defaults).
    Default,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Thresholds {
    /// Revenue at or above which a customer is large; `None` when no
    /// customer has revenue (nobody is large).
    pub large_revenue: Option<Decimal>,
    pub high_margin: Decimal,
    pub min_contribution: Decimal,
    pub large_source: Source,
    pub margin_source: Source,
    pub contribution_source: Source,
}

/// What classification needs of a customer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figures {
    pub revenue: Decimal,
    pub margin: Decimal,
    pub sales_cost: Decimal,
    pub prospect: bool,
}

impl Figures {
    /// revenue × margin − sales cost.
    pub fn contribution(&self) -> Decimal {
        self.revenue * self.margin - self.sales_cost
    }
}

/// Configured thresholds (any may be missing).
#[derive(Clone, Copy, Debug, Default)]
pub struct Configured {
    pub large_revenue: Option<Decimal>,
    pub high_margin: Option<Decimal>,
    pub min_contribution: Option<Decimal>,
}

/// The thresholds: configured ones, and the defaults over `customers`:
/// large = the largest customers needed to reach 80 % of total revenue (the
/// one that crosses 80 % included); high margin = the revenue-weighted mean
/// margin; minimum contribution = 0.5 % of total contribution.
pub fn thresholds(customers: &[Figures], configured: Configured) -> Thresholds {
    // "Computed over all customers of the plan" (prospects have no revenue,
    // so they add nothing to the revenue-based defaults).
    let active: Vec<&Figures> = customers.iter().collect();
    let total: Decimal = active.iter().map(|c| c.revenue).sum();
    let pareto = || {
        if total <= Decimal::ZERO {
            return None;
        }
        let mut revenues: Vec<Decimal> = active.iter().map(|c| c.revenue).collect();
        revenues.sort_by(|a, b| b.cmp(a));
        let goal = total * Decimal::new(8, 1);
        let mut cumulative = Decimal::ZERO;
        for r in revenues {
            cumulative += r;
            if cumulative >= goal {
                return Some(r);
            }
        }
        None
    };
    let weighted_margin = || {
        if total <= Decimal::ZERO {
            return Decimal::ZERO;
        }
        active.iter().map(|c| c.revenue * c.margin).sum::<Decimal>() / total
    };
    let min_contribution = || {
        let contribution: Decimal = active.iter().map(|c| c.contribution()).sum();
        (contribution * Decimal::new(5, 3)).max(Decimal::ZERO)
    };
    let source = |o: Option<Decimal>| {
        if o.is_some() {
            Source::Configured
        } else {
            Source::Default
        }
    };
    Thresholds {
        large_revenue: configured.large_revenue.or_else(pareto),
        high_margin: configured.high_margin.unwrap_or_else(weighted_margin),
        min_contribution: configured.min_contribution.unwrap_or_else(min_contribution),
        large_source: source(configured.large_revenue),
        margin_source: source(configured.high_margin),
        contribution_source: source(configured.min_contribution),
    }
}

/// The category of one customer under the thresholds.
pub fn classify(c: &Figures, t: &Thresholds) -> Category {
    let large = t.large_revenue.is_some_and(|l| c.revenue >= l);
    if c.prospect {
        Category::PhaseOutNew
    } else if large && c.margin >= t.high_margin {
        Category::Key
    } else if large {
        Category::Star
    } else if c.contribution() >= t.min_contribution {
        Category::Question
    } else {
        Category::PhaseOutNew
    }
}

/// A classified customer.
#[derive(Clone, Debug)]
pub struct Placed<'a> {
    pub customer: CustomerRef<'a>,
    pub figures: Figures,
    pub category: Category,
    /// Priority by potential: a level, from the customer's own level or its
    /// amount (see `potential_level`); `None` when unknown.
    pub potential: Option<PotentialLevel>,
}

/// Totals of one category.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub count: usize,
    pub revenue: Decimal,
    pub contribution: Decimal,
    /// Share of the total revenue.
    pub share: Decimal,
    /// Contribution margin of the category: contribution ÷ revenue before
    /// sales costs, i.e. the revenue-weighted mean margin.
    pub margin: Decimal,
    pub prospects: usize,
}

#[derive(Clone, Debug)]
pub struct Portfolio<'a> {
    pub thresholds: Thresholds,
    pub customers: Vec<Placed<'a>>,
}

impl Portfolio<'_> {
    /// Totals per category over the customers that `keep` selects.
    pub fn totals(&self, keep: impl Fn(&Placed<'_>) -> bool) -> Vec<(Category, Totals)> {
        let chosen: Vec<&Placed<'_>> = self.customers.iter().filter(|p| keep(p)).collect();
        Self::totals_over(&chosen)
    }

    /// Totals per category over the customers at `ids` (indexes into
    /// `customers`).
    pub fn totals_of(&self, ids: &[usize]) -> Vec<(Category, Totals)> {
        let chosen: Vec<&Placed<'_>> = ids.iter().map(|i| &self.customers[*i]).collect();
        Self::totals_over(&chosen)
    }

    fn totals_over(chosen: &[&Placed<'_>]) -> Vec<(Category, Totals)> {
        let total: Decimal = chosen.iter().map(|p| p.figures.revenue).sum();
        CATEGORIES
            .iter()
            .map(|cat| {
                let mine: Vec<&&Placed<'_>> =
                    chosen.iter().filter(|p| p.category == *cat).collect();
                let revenue: Decimal = mine.iter().map(|p| p.figures.revenue).sum();
                let weighted: Decimal = mine
                    .iter()
                    .map(|p| p.figures.revenue * p.figures.margin)
                    .sum();
                let t = Totals {
                    count: mine.len(),
                    revenue,
                    contribution: mine.iter().map(|p| p.figures.contribution()).sum(),
                    share: if total.is_zero() {
                        Decimal::ZERO
                    } else {
                        revenue / total
                    },
                    margin: if revenue.is_zero() {
                        Decimal::ZERO
                    } else {
                        weighted / revenue
                    },
                    prospects: mine.iter().filter(|p| p.figures.prospect).count(),
                };
                (*cat, t)
            })
            .collect()
    }
}

fn figures(c: &crate::model::Customer) -> Figures {
    Figures {
        revenue: c.revenue.0,
        margin: c.margin.map_or(Decimal::ZERO, |m| m.0),
        sales_cost: c.sales_cost.map_or(Decimal::ZERO, |s| s.0),
        prospect: c.prospect,
    }
}

/// Classify every customer of the plan.
pub fn portfolio(plan: &Plan) -> Portfolio<'_> {
    let customers = plan.customers();
    let all: Vec<Figures> = customers.iter().map(|c| figures(c.customer)).collect();
    let configured = plan
        .config
        .as_ref()
        .and_then(|c| c.data.portfolio.as_ref())
        .map(|p| Configured {
            large_revenue: p.large_revenue.map(|a| a.0),
            high_margin: p.high_margin.map(|r| r.0),
            min_contribution: p.min_contribution.map(|a| a.0),
        })
        .unwrap_or_default();
    let thresholds = thresholds(&all, configured);
    let mut amounts: Vec<Decimal> = customers
        .iter()
        .filter_map(|c| match c.customer.potential {
            Some(Potential::Amount(a)) => Some(a),
            _ => None,
        })
        .collect();
    amounts.sort_unstable();
    let placed = customers
        .into_iter()
        .zip(all)
        .map(|(customer, figures)| Placed {
            potential: potential_level(customer.customer.potential, &amounts),
            category: classify(&figures, &thresholds),
            customer,
            figures,
        })
        .collect();
    Portfolio {
        thresholds,
        customers: placed,
    }
}

/// A customer's potential as a level: its own level, or for an amount its
/// third among all the plan's amount potentials (`sorted` ascending; the top
/// third is high).
pub fn potential_level(p: Option<Potential>, sorted: &[Decimal]) -> Option<PotentialLevel> {
    match p? {
        Potential::Level(l) => Some(l),
        Potential::Amount(a) => {
            // Mid-rank percentile: one amount alone is medium.
            let below = sorted.partition_point(|x| *x < a);
            let equal = sorted[below..]
                .iter()
                .take_while(|x| **x == a)
                .count()
                .max(1);
            let n = sorted.len().max(1);
            let twice_rank = 2 * below + equal; // 2 × (below + equal / 2)
            Some(if twice_rank * 3 >= n * 4 {
                PotentialLevel::High
            } else if twice_rank * 3 >= n * 2 {
                PotentialLevel::Medium
            } else {
                PotentialLevel::Low
            })
        }
    }
}

/// The product/customer (Ansoff) split of a revenue target.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ansoff {
    pub revenue: Decimal,
    pub existing_products_existing_customers: Decimal,
    pub new_products_existing_customers: Decimal,
    pub existing_products_new_customers: Decimal,
    pub new_products_new_customers: Decimal,
}

/// Split `revenue` by new-customer revenue and new-product revenue. How much
/// new-product revenue comes from new customers is not in the plan, so it is
/// taken in proportion: new × new = new customers × new products ÷ revenue.
pub fn ansoff(revenue: Decimal, new_customers: Decimal, new_products: Decimal) -> Ansoff {
    let both = if revenue.is_zero() {
        Decimal::ZERO
    } else {
        new_customers * new_products / revenue
    };
    Ansoff {
        revenue,
        existing_products_existing_customers: revenue - new_customers - new_products + both,
        new_products_existing_customers: new_products - both,
        existing_products_new_customers: new_customers - both,
        new_products_new_customers: both,
    }
}

/// A team's value of a metric: its own target, else its sellers' roll-up.
pub fn team_value(
    plan: &Plan,
    index: &Index,
    team_id: &str,
    metric: &str,
    product: Option<&str>,
) -> Option<Decimal> {
    let team = plan.teams.iter().find(|t| t.id == team_id)?;
    if let Some(t) = team_target(&plan.metrics, &team.data, metric, product) {
        return Some(t.value);
    }
    let goal = crate::model::Goal::query(metric, None, product);
    team_rollup_indexed(plan, index, team_id, &goal)
        .filter(|r| !r.contributions.is_empty())
        .map(|r| r.value.value())
}

/// The ids of the products marked new.
pub fn new_products(plan: &Plan) -> Vec<&str> {
    plan.config
        .as_ref()
        .map(|c| {
            c.data
                .products
                .iter()
                .filter(|p| p.new)
                .map(|p| p.id.as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// The Ansoff split of a team's revenue target.
pub fn team_ansoff(plan: &Plan, index: &Index, team_id: &str) -> Option<Ansoff> {
    let revenue = team_value(plan, index, team_id, "revenue", None)?;
    let ncr = team_value(plan, index, team_id, "new_customer_revenue", None).unwrap_or_default();
    let npr: Decimal = new_products(plan)
        .iter()
        .filter_map(|p| team_value(plan, index, team_id, "product_revenue", Some(p)))
        .sum();
    Some(ansoff(revenue, ncr, npr))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    /// The seed's ten customers (revenue in millions, margin), one with a
    /// sales cost of 40 000.
    fn seed() -> Vec<Figures> {
        [
            ("22.5", "0.22"),
            ("15.6", "0.12"),
            ("12.6", "0.14"),
            ("1.8", "0.19"),
            ("1.5", "0.21"),
            ("1.2", "0.34"),
            ("0.7", "0.24"),
            ("0.5", "0.36"),
            ("0.3", "0.23"),
            ("0.1", "0.25"),
        ]
        .iter()
        .map(|(r, m)| Figures {
            revenue: d(r) * Decimal::from(1_000_000),
            margin: d(m),
            sales_cost: if *r == "0.1" {
                Decimal::from(40_000)
            } else {
                Decimal::ZERO
            },
            prospect: false,
        })
        .collect()
    }

    fn categories(t: &Thresholds) -> Vec<&'static str> {
        seed().iter().map(|c| classify(c, t).id()).collect()
    }

    const SEED: [&str; 10] = [
        "key",
        "star",
        "star",
        "question",
        "question",
        "question",
        "question",
        "question",
        "question",
        "phase_out_new",
    ];

    #[test]
    fn the_seed_classifies_as_the_seed_does_with_the_defaults() {
        let t = thresholds(&seed(), Configured::default());
        assert_eq!(t.large_revenue, Some(d("12600000")));
        assert_eq!(t.high_margin.round_dp(4), d("0.1777"));
        assert_eq!(categories(&t), SEED);
    }

    #[test]
    fn the_seed_classifies_as_the_seed_does_with_configured_thresholds() {
        let configured = Configured {
            large_revenue: Some(d("5000000")),
            high_margin: Some(d("0.20")),
            min_contribution: Some(d("50000")),
        };
        let t = thresholds(&seed(), configured);
        assert_eq!(t.large_source, Source::Configured);
        assert_eq!(categories(&t), SEED);
    }

    #[test]
    fn a_5m_customer_is_not_large_under_pareto_when_two_giants_carry_80_percent() {
        let customers: Vec<Figures> = [
            ("50000000", "0.2"),
            ("30000000", "0.2"),
            ("5000000", "0.3"),
            ("5000000", "0.1"),
        ]
        .iter()
        .map(|(r, m)| Figures {
            revenue: d(r),
            margin: d(m),
            sales_cost: Decimal::ZERO,
            prospect: false,
        })
        .collect();
        let t = thresholds(&customers, Configured::default());
        assert_eq!(t.large_revenue, Some(d("30000000")));
        assert_eq!(classify(&customers[2], &t), Category::Question);
    }

    #[test]
    fn the_ansoff_split_adds_up() {
        let a = ansoff(d("10000000"), d("2000000"), d("1500000"));
        assert_eq!(a.new_products_new_customers, d("300000"));
        assert_eq!(
            a.existing_products_existing_customers
                + a.new_products_existing_customers
                + a.existing_products_new_customers
                + a.new_products_new_customers,
            d("10000000")
        );
    }

    #[test]
    fn amount_potentials_rank_in_thirds() {
        let amounts = [d("1"), d("2"), d("3"), d("4"), d("5"), d("6")];
        let level = |a: &str| potential_level(Some(Potential::Amount(d(a))), &amounts);
        assert_eq!(level("1"), Some(PotentialLevel::Low));
        assert_eq!(level("3"), Some(PotentialLevel::Medium));
        assert_eq!(level("6"), Some(PotentialLevel::High));
    }
}

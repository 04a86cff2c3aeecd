//! The metric catalogue (SPEC 3): every built-in metric with its kind, labels,
//! direction and roll-up, plus the custom metrics of `salgsmal.yaml`.

use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Money,
    Count,
    Ratio,
    Score,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

/// How sellers' values of a metric combine into the team's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rollup {
    Sum,
    /// Sum per `product` (product revenue).
    SumPerProduct,
    /// Sum of rates normalised to one `per` unit (activities).
    SumOfRates,
    Mean,
    /// Weighted by another metric's values (by id).
    WeightedMean(String),
    /// Closing rate: weighted by offers where known, else the plain mean.
    WeightedByOffers,
    Min,
    Max,
    None,
}

#[derive(Clone, Debug)]
pub struct Metric {
    pub id: String,
    pub label_nb: String,
    pub label_en: String,
    pub kind: Kind,
    pub better: Better,
    pub rollup: Rollup,
    /// An activity counted per period (`per` is required on its KPIs).
    pub activity: bool,
    /// Defined in `salgsmal.yaml` rather than built in.
    pub custom: bool,
}

/// A ratio that is computed from its sums: numerator, denominator
/// (contribution margin = Σ contribution ÷ Σ revenue; closing rate = Σ
/// offers won ÷ Σ offers), never averaged.
pub fn ratio_sums(metric: &str) -> Option<(&'static str, &'static str)> {
    match metric {
        "contribution_margin" => Some(("contribution", "revenue")),
        "closing_rate" => Some(("offers_won", "offers")),
        _ => None,
    }
}

impl Metric {
    /// Whether the metric adds up over periods (money and counts that
    /// flow); ratios, scores and stocks (a pipeline) are levels.
    pub fn is_flow(&self) -> bool {
        matches!(self.kind, Kind::Money | Kind::Count)
            && !matches!(self.id.as_str(), "pipeline_value" | "pipeline_count")
            && matches!(
                self.rollup,
                Rollup::Sum | Rollup::SumPerProduct | Rollup::SumOfRates
            )
    }

    /// The metric's name as a message argument, in the middle of a sentence
    /// (`revenue`, `omsetning`; `KTI` stays as written).
    pub fn label(&self) -> crate::i18n::Arg {
        fn inline(label: &str) -> String {
            let mut chars = label.chars();
            match (chars.next(), chars.next()) {
                (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
                    first.to_lowercase().chain(label.chars().skip(1)).collect()
                }
                _ => label.to_string(),
            }
        }
        crate::i18n::Arg::Label {
            nb: inline(&self.label_nb),
            en: inline(&self.label_en),
        }
    }
}

type Row = (
    &'static str,
    &'static str,
    &'static str,
    Kind,
    Better,
    fn() -> Rollup,
    bool,
);

fn weighted(by: &str) -> Rollup {
    Rollup::WeightedMean(by.to_string())
}

const BUILT_IN: &[Row] = &[
    (
        "revenue",
        "Omsetning",
        "Revenue",
        Kind::Money,
        Better::Higher,
        || Rollup::Sum,
        false,
    ),
    (
        "contribution",
        "Dekningsbidrag",
        "Contribution",
        Kind::Money,
        Better::Higher,
        || Rollup::Sum,
        false,
    ),
    (
        "contribution_margin",
        "Dekningsgrad",
        "Contribution margin",
        Kind::Ratio,
        Better::Higher,
        || weighted("revenue"),
        false,
    ),
    (
        "new_customer_revenue",
        "Omsetning nye kunder",
        "New-customer revenue",
        Kind::Money,
        Better::Higher,
        || Rollup::Sum,
        false,
    ),
    (
        "new_customers",
        "Nye kunder",
        "New customers",
        Kind::Count,
        Better::Higher,
        || Rollup::Sum,
        false,
    ),
    (
        "existing_customer_growth",
        "Vekst eksisterende kunder",
        "Growth in existing customers",
        Kind::Ratio,
        Better::Higher,
        || weighted("baseline_revenue"),
        false,
    ),
    (
        "product_revenue",
        "Omsetning produktområde",
        "Product-area revenue",
        Kind::Money,
        Better::Higher,
        || Rollup::SumPerProduct,
        false,
    ),
    (
        "churn_rate",
        "Kundeavgang",
        "Churn",
        Kind::Ratio,
        Better::Lower,
        || weighted("customer_count"),
        false,
    ),
    (
        "cash_flow",
        "Kontantstrøm",
        "Cash flow",
        Kind::Money,
        Better::Higher,
        || Rollup::Sum,
        false,
    ),
    (
        "pipeline_value",
        "Verdi pipeline",
        "Pipeline value",
        Kind::Money,
        Better::Higher,
        || Rollup::Sum,
        false,
    ),
    (
        "pipeline_count",
        "Antall i pipeline",
        "Pipeline count",
        Kind::Count,
        Better::Higher,
        || Rollup::Sum,
        false,
    ),
    (
        "qualified_meetings",
        "Kvalifiserte kundemøter",
        "Qualified customer meetings",
        Kind::Count,
        Better::Higher,
        || Rollup::SumOfRates,
        true,
    ),
    (
        "customer_visits",
        "Kundebesøk",
        "Customer visits",
        Kind::Count,
        Better::Higher,
        || Rollup::SumOfRates,
        true,
    ),
    (
        "customer_calls",
        "Kundetelefoner",
        "Customer calls",
        Kind::Count,
        Better::Higher,
        || Rollup::SumOfRates,
        true,
    ),
    (
        "meetings_booked",
        "Møtebooking",
        "Meetings booked",
        Kind::Count,
        Better::Higher,
        || Rollup::SumOfRates,
        true,
    ),
    (
        "offers",
        "Tilbud",
        "Offers",
        Kind::Count,
        Better::Higher,
        || Rollup::SumOfRates,
        true,
    ),
    (
        "offers_won",
        "Vunne tilbud",
        "Offers won",
        Kind::Count,
        Better::Higher,
        || Rollup::SumOfRates,
        true,
    ),
    (
        "campaigns",
        "Tilbudsbrev/kampanjer",
        "Offer letters and campaigns",
        Kind::Count,
        Better::Higher,
        || Rollup::SumOfRates,
        true,
    ),
    (
        "exhibitions",
        "Stands/utstillinger",
        "Stands and exhibitions",
        Kind::Count,
        Better::Higher,
        || Rollup::SumOfRates,
        true,
    ),
    (
        "closing_rate",
        "Closing rate",
        "Closing rate",
        Kind::Ratio,
        Better::Higher,
        || Rollup::WeightedByOffers,
        false,
    ),
    (
        "customer_satisfaction",
        "Kundetilfredshet (KTI)",
        "Customer satisfaction",
        Kind::Ratio,
        Better::Higher,
        || weighted("revenue"),
        false,
    ),
    (
        "customer_loyalty",
        "Kundelojalitet",
        "Customer loyalty",
        Kind::Ratio,
        Better::Higher,
        || weighted("revenue"),
        false,
    ),
    (
        "customer_time_share",
        "Andel tid med kunder",
        "Share of time with customers",
        Kind::Ratio,
        Better::Higher,
        || Rollup::Mean,
        false,
    ),
];

/// Every metric a plan may name: the built-in ones and its custom ones.
#[derive(Clone, Debug)]
pub struct Catalogue {
    metrics: Vec<Metric>,
}

impl Catalogue {
    pub fn built_in() -> Self {
        let metrics = BUILT_IN
            .iter()
            .map(|&(id, nb, en, kind, better, rollup, activity)| Metric {
                id: id.to_string(),
                label_nb: nb.to_string(),
                label_en: en.to_string(),
                kind,
                better,
                rollup: rollup(),
                activity,
                custom: false,
            })
            .collect();
        Self { metrics }
    }

    pub fn add(&mut self, metric: Metric) {
        self.metrics.push(metric);
    }

    pub fn get(&self, id: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.id == id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.metrics.iter().map(|m| m.id.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Metric> {
        self.metrics.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_the_spec_metrics() {
        let c = Catalogue::built_in();
        let margin = c.get("contribution_margin").expect("margin");
        assert_eq!(margin.kind, Kind::Ratio);
        assert_eq!(margin.rollup, Rollup::WeightedMean("revenue".into()));
        assert_eq!(c.get("churn_rate").expect("churn").better, Better::Lower);
        assert!(c.get("qualified_meetings").expect("meetings").activity);
        assert!(c.get("revenu").is_none());
    }
}

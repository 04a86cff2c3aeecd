//! The typed contents of each kind of plan file (SPEC 2.1–2.5).
//!
//! Unknown keys are the schema's to report (with a suggestion); these types
//! ignore them, so a file with a misspelt key still takes part in the other
//! checks.

use super::number::{Amount, Quantity, Ratio};
use super::period::{Date, Period};
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// A ratio field: a number above 1 (`margin: 19`) is reported by the schema
/// as a `ratio` error and read as absent, so the rest of the file still
/// takes part in the checks.
fn lenient_ratio<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Ratio>, D::Error> {
    let q = Option::<Quantity>::deserialize(d)?;
    Ok(q.filter(|q| q.fits_ratio()).map(|q| Ratio(q.value)))
}

/// Values per metric id (a starting point, a baseline, actuals).
pub type MetricValues = BTreeMap<String, Quantity>;

// ---------------------------------------------------------------- salgsmal.yaml

pub use crate::i18n::Locale;

#[derive(Clone, Debug, Deserialize)]
pub struct Config {
    /// Required by the schema; optional here so that a bad value does not
    /// discard the rest of the configuration.
    pub version: Option<u32>,
    pub company: Option<String>,
    pub period: Option<Period>,
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default)]
    pub locale: Locale,
    pub working_weeks: Option<Amount>,
    pub hours_per_week: Option<Amount>,
    #[serde(default)]
    pub activity_hours: BTreeMap<String, Amount>,
    #[serde(default)]
    pub products: Vec<Product>,
    pub portfolio: Option<PortfolioThresholds>,
    #[serde(default)]
    pub metrics: Vec<CustomMetric>,
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSettings>,
    #[serde(default)]
    pub accept: Vec<Accept>,
    pub limits: Option<Limits>,
    /// How `salgsmal import actuals` reads a CRM export.
    pub import: Option<ImportSettings>,
}

fn default_currency() -> String {
    "NOK".to_string()
}

#[derive(Clone, Debug, Deserialize)]
pub struct Product {
    pub id: String,
    pub name: Option<String>,
    #[serde(default)]
    pub new: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct PortfolioThresholds {
    pub large_revenue: Option<Amount>,
    #[serde(default, deserialize_with = "lenient_ratio")]
    pub high_margin: Option<Ratio>,
    pub min_contribution: Option<Amount>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Labels {
    pub nb: Option<String>,
    pub en: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomRollup {
    Sum,
    Mean,
    WeightedMean,
    Min,
    Max,
    None,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CustomMetric {
    pub id: String,
    pub label: Option<Labels>,
    pub kind: super::metrics::Kind,
    pub rollup: CustomRollup,
    pub weight: Option<String>,
    pub better: Option<super::metrics::Better>,
    #[serde(default)]
    pub activity: bool,
}

/// A rule's level as set in `rules:`; `off` (or YAML `false`) disables it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelSetting {
    Off,
    Info,
    Warning,
    Error,
}

/// A level as written, or `None` for anything else.
struct LenientLevel(Option<LevelSetting>);

impl<'de> Deserialize<'de> for LenientLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = LenientLevel;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("off, info, warning or error")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LenientLevel, E> {
                Ok(LenientLevel(match v {
                    "off" => Some(LevelSetting::Off),
                    "info" => Some(LevelSetting::Info),
                    "warning" => Some(LevelSetting::Warning),
                    "error" => Some(LevelSetting::Error),
                    _ => None,
                }))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<LenientLevel, E> {
                Ok(LenientLevel((!v).then_some(LevelSetting::Off)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<LenientLevel, E> {
                Ok(LenientLevel(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// Any scalar as text (numbers keep their exact text).
struct LenientText(String);

impl<'de> Deserialize<'de> for LenientText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LenientText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LenientText, E> {
                Ok(LenientText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<LenientText, E> {
                Ok(LenientText(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<LenientText, E> {
                Ok(LenientText(String::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LenientText, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(LenientText(String::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<LenientText, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(LenientText(String::new()))
            }
        }
        d.deserialize_str(V)
    }
}

/// One entry of `rules:`: an optional level and the rule's parameters.
#[derive(Clone, Debug, Default)]
pub struct RuleSettings {
    pub level: Option<LevelSetting>,
    pub params: BTreeMap<String, Quantity>,
}

impl<'de> Deserialize<'de> for RuleSettings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RuleSettings;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping with `level` and the rule's parameters")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleSettings, A::Error> {
                let mut out = RuleSettings::default();
                // Bad levels and values are the schema's to report; they are
                // left out here so the rest of salgsmal.yaml still applies.
                while let Some(key) = map.next_key::<String>()? {
                    if key == "level" {
                        let level: LenientLevel = map.next_value()?;
                        out.level = level.0;
                    } else if let Ok(q) = Quantity::parse(&map.next_value::<LenientText>()?.0) {
                        out.params.insert(key, q);
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Accept {
    pub rule: String,
    pub reason: String,
    pub file: Option<String>,
    pub pointer: Option<String>,
    pub until: Option<Date>,
}

/// The `import:` block: which CSV columns name the seller and hold the
/// values of which metrics.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct ImportSettings {
    /// The seller column (default `seller`).
    pub seller: Option<String>,
    /// Metric id → column name; empty: columns named like metric ids.
    #[serde(default)]
    pub metrics: BTreeMap<String, String>,
    /// The customer column (id or name): each row's revenue and
    /// contribution also add up per customer.
    pub customer: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Limits {
    pub max_file_bytes: Option<u64>,
}

// ---------------------------------------------------------------- goals and KPIs

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    Done,
}

/// A tiltak: what the seller does to move a KPI.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    pub text: String,
    pub due: Option<Date>,
    pub status: ActionStatus,
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Full {
            #[serde(rename = "do")]
            text: String,
            due: Option<Date>,
            #[serde(default)]
            status: ActionStatus,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Action;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an action: a string or {do, due, status}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Action, E> {
                Ok(Action {
                    text: v.to_string(),
                    due: None,
                    status: ActionStatus::Open,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Action, A::Error> {
                let full = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Action {
                    text: full.text,
                    due: full.due,
                    status: full.status,
                })
            }
        }
        d.deserialize_str(V)
    }
}

/// Quarterly phasing of an annual target: four values, or `{Q1: …, Q4: …}`.
#[derive(Clone, Debug, PartialEq)]
pub struct Phasing(pub Vec<(u8, Quantity)>);

impl<'de> Deserialize<'de> for Phasing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Phasing;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("four quarterly values, or a map {Q1: …, Q2: …, Q3: …, Q4: …}")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Phasing, A::Error> {
                let mut out = Vec::new();
                // More than four values is a schema error; only Q1–Q4 are read.
                while let Some(q) = seq.next_element::<Quantity>()? {
                    if out.len() < 4 {
                        out.push((u8::try_from(out.len() + 1).unwrap_or(4), q));
                    }
                }
                Ok(Phasing(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Phasing, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let quarter = match key.as_str() {
                        "Q1" => 1,
                        "Q2" => 2,
                        "Q3" => 3,
                        "Q4" => 4,
                        other => {
                            return Err(de::Error::custom(format!(
                                "`{other}` is not a quarter: use Q1, Q2, Q3 or Q4"
                            )));
                        }
                    };
                    out.push((quarter, map.next_value()?));
                }
                Ok(Phasing(out))
            }
        }
        d.deserialize_str(V)
    }
}

/// A result goal (resultatmål) or a KPI (prestasjonsmål): both have a metric
/// and a target; a KPI also names the goals it supports and its actions.
#[derive(Clone, Debug, Deserialize)]
pub struct Goal {
    /// Required by the schema; empty here when missing, so that one goal
    /// without an id or metric does not drop its whole file.
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub metric: String,
    pub target: Option<Quantity>,
    pub per: Option<Per>,
    pub product: Option<String>,
    pub phasing: Option<Phasing>,
    #[serde(default)]
    pub supports: Vec<String>,
    #[serde(default)]
    pub actions: Vec<Action>,
    pub note: Option<String>,
    /// `allocate` keeps this target as it is.
    #[serde(default)]
    pub locked: bool,
}

impl Goal {
    /// A goal without a target, to ask for a roll-up of `metric`.
    pub fn query(metric: &str, per: Option<Per>, product: Option<&str>) -> Self {
        Self {
            id: String::new(),
            metric: metric.to_string(),
            target: None,
            per,
            product: product.map(str::to_string),
            phasing: None,
            supports: Vec::new(),
            actions: Vec::new(),
            note: None,
            locked: false,
        }
    }
}

// ---------------------------------------------------------------- teams

#[derive(Clone, Debug, Deserialize)]
pub struct MainGoal {
    pub statement: String,
    pub deadline: Option<Date>,
    #[serde(default)]
    pub values: MetricValues,
}

#[derive(Clone, Debug, Deserialize)]
pub struct StartingPoint {
    pub date: Date,
    #[serde(default)]
    pub values: MetricValues,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Milestone {
    pub id: String,
    pub deadline: Date,
    #[serde(default)]
    pub values: MetricValues,
    pub statement: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct StrategicChoice {
    pub choice: String,
    #[serde(default)]
    pub actions: Vec<Action>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Allocation {
    #[serde(default, deserialize_with = "lenient_ratio")]
    pub max_over: Option<Ratio>,
}

/// A goal that may be a single value (a target) or bounds `{min, max}`.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Bounds {
    pub min: Option<Quantity>,
    pub max: Option<Quantity>,
}

impl<'de> Deserialize<'de> for Bounds {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Full {
            min: Option<Quantity>,
            max: Option<Quantity>,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bounds;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or {min, max}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Bounds, E> {
                Ok(Bounds {
                    min: Some(Quantity::parse(v).map_err(E::custom)?),
                    max: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Bounds, A::Error> {
                let full = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Bounds {
                    min: full.min,
                    max: full.max,
                })
            }
        }
        d.deserialize_str(V)
    }
}

#[derive(Clone, Debug, Deserialize, Default)]
pub struct CategoryGoals {
    pub revenue_share: Option<Bounds>,
    pub margin: Option<Bounds>,
    pub loyalty: Option<Bounds>,
    pub growth: Option<Bounds>,
    pub new_customers: Option<Bounds>,
    pub new_customer_revenue: Option<Bounds>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Default)]
pub struct PortfolioGoals {
    pub key: Option<CategoryGoals>,
    pub star: Option<CategoryGoals>,
    pub question: Option<CategoryGoals>,
    pub phase_out_new: Option<CategoryGoals>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Team {
    pub id: Option<String>,
    pub name: String,
    pub manager: Option<String>,
    pub parent: Option<String>,
    pub main_goal: Option<MainGoal>,
    pub starting_point: Option<StartingPoint>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub strategy: Vec<StrategicChoice>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    pub allocation: Option<Allocation>,
    pub portfolio_goals: Option<PortfolioGoals>,
}

// ---------------------------------------------------------------- sellers

#[derive(Clone, Debug, Deserialize, Default)]
pub struct Assumptions {
    #[serde(default, deserialize_with = "lenient_ratio")]
    pub meeting_to_offer_rate: Option<Ratio>,
    pub average_deal_size: Option<Amount>,
}

#[derive(Clone, Debug, Deserialize, Default)]
pub struct Competence {
    #[serde(default)]
    pub knowledge: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub personality: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Seller {
    pub id: Option<String>,
    pub name: String,
    pub email: Option<String>,
    pub team: String,
    /// The baseline (startpunkt) the tool uses: as written, with last
    /// year's actuals in place of the values they give
    /// (`model::last_year`).
    #[serde(default)]
    pub baseline: MetricValues,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub kpis: Vec<Goal>,
    pub assumptions: Option<Assumptions>,
    pub competence: Option<Competence>,
    /// The `baseline` as written in the file.
    #[serde(skip)]
    pub written_baseline: MetricValues,
    /// The metrics whose baseline is last year's actuals.
    #[serde(skip)]
    pub baseline_from_actuals: Vec<String>,
    /// Last year's actuals files that make the baseline (indexes into
    /// `plan.files`).
    #[serde(skip)]
    pub baseline_files: Vec<usize>,
}

// ---------------------------------------------------------------- customers

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Key,
    Star,
    Question,
    PhaseOutNew,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PotentialLevel {
    Low,
    Medium,
    High,
}

/// A customer's potential: a level, or an amount of revenue.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Potential {
    Level(PotentialLevel),
    Amount(Decimal),
}

impl<'de> Deserialize<'de> for Potential {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Potential;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("low, medium, high or an amount")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Potential, E> {
                Ok(match v {
                    "low" => Potential::Level(PotentialLevel::Low),
                    "medium" => Potential::Level(PotentialLevel::Medium),
                    "high" => Potential::Level(PotentialLevel::High),
                    other => {
                        let q = Quantity::parse(other).map_err(|_| {
                            E::custom(format!(
                                "`{other}` is not a potential: write low, medium, high or an amount"
                            ))
                        })?;
                        Potential::Amount(q.value)
                    }
                })
            }
        }
        d.deserialize_str(V)
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Customer {
    pub id: String,
    pub name: String,
    /// The seller responsible, where it differs from the list's owner (a
    /// CSV `owner` column).
    pub owner: Option<String>,
    #[serde(default)]
    pub revenue: Amount,
    #[serde(default, deserialize_with = "lenient_ratio")]
    pub margin: Option<Ratio>,
    pub sales_cost: Option<Amount>,
    pub potential: Option<Potential>,
    pub category: Option<Category>,
    #[serde(default)]
    pub prospect: bool,
    #[serde(default)]
    pub target: MetricValues,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CustomerList {
    pub owner: Option<String>,
    #[serde(default)]
    pub customers: Vec<Customer>,
}

// ---------------------------------------------------------------- actuals

#[derive(Clone, Debug, Deserialize)]
pub struct Actuals {
    pub period: Period,
    pub as_of: Option<Date>,
    #[serde(default)]
    pub sellers: BTreeMap<String, MetricValues>,
    #[serde(default)]
    pub teams: BTreeMap<String, MetricValues>,
    /// Actual revenue and contribution per customer id.
    #[serde(default)]
    pub customers: BTreeMap<String, CustomerActuals>,
    /// The team's feedback and lessons for the period, as written.
    pub notes: Option<String>,
}

/// One customer's actual numbers for a period.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CustomerActuals {
    pub revenue: Option<Quantity>,
    pub contribution: Option<Quantity>,
}

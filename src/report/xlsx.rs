//! The plan as a workbook for finance and for people who will not read
//! YAML (`salgsmal export`): the sellers' and teams' targets, the
//! customers, the roll-ups, the evaluation against the actuals and the
//! findings, each a sheet with a frozen header row, a filter and real
//! number formats (kr, %).
//!
//! Targets are the plan's exact decimals. A spreadsheet stores a binary
//! float, which holds every decimal of up to 15 significant digits exactly
//! (read back through its shortest decimal form); a target that needs more
//! is written as text, its exact decimal, which `import plan` reads back.
//! The roll-ups and the evaluation are the numbers of the report context,
//! the same the reports show.

use crate::i18n::Locale;
use crate::model::{Goal, Per, Plan, Potential, PotentialLevel};
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use serde_json::Value;
use std::str::FromStr as _;

/// A cell of a table.
#[derive(Clone, Debug)]
enum Cell {
    Empty,
    Text(String),
    /// An exact plan value and its kind.
    Exact(Decimal, Num),
    /// A computed value (a roll-up, a forecast) and its kind.
    Computed(f64, Num),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Num {
    Money,
    Ratio,
    Count,
}

struct Table {
    name: String,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

/// A decimal as the float a spreadsheet stores, where that float reads back
/// (through its shortest decimal form) as the same decimal.
pub fn exact_f64(value: Decimal) -> Option<f64> {
    let f: f64 = value.normalize().to_string().parse().ok()?;
    let back = Decimal::from_str_exact(&format!("{f}")).ok()?;
    (f.is_finite() && back.normalize() == value.normalize()).then_some(f)
}

fn words(locale: Locale) -> &'static Words {
    match locale {
        Locale::Nb => &NB,
        Locale::En => &EN,
    }
}

struct Words {
    sellers: &'static str,
    teams: &'static str,
    customers: &'static str,
    rollups: &'static str,
    evaluation: &'static str,
    findings: &'static str,
    about: &'static str,
    products: &'static str,
    product: &'static str,
    new_product: &'static str,
    seller: &'static str,
    name: &'static str,
    email: &'static str,
    team: &'static str,
    manager: &'static str,
    parent: &'static str,
    baseline: &'static str,
    target: &'static str,
    customer: &'static str,
    owner: &'static str,
    revenue: &'static str,
    margin: &'static str,
    sales_cost: &'static str,
    potential: &'static str,
    prospect: &'static str,
    contribution: &'static str,
    category: &'static str,
    goal: &'static str,
    metric: &'static str,
    team_target: &'static str,
    rollup: &'static str,
    difference: &'static str,
    status: &'static str,
    level: &'static str,
    id: &'static str,
    annual: &'static str,
    to_date: &'static str,
    actual: &'static str,
    attainment: &'static str,
    forecast: &'static str,
    rule: &'static str,
    file: &'static str,
    line: &'static str,
    column: &'static str,
    message: &'static str,
    company: &'static str,
    period: &'static str,
    currency: &'static str,
    locale: &'static str,
    as_of: &'static str,
    made_by: &'static str,
    scenario: &'static str,
    yes: &'static str,
    pers: [&'static str; 5],
    potentials: [&'static str; 3],
    statuses: [(&'static str, &'static str); 7],
}

const NB: Words = Words {
    sellers: "Selgere",
    teams: "Team",
    customers: "Kunder",
    rollups: "Summering",
    evaluation: "Evaluering",
    findings: "Funn",
    about: "Om planen",
    products: "Produkter",
    product: "Produkt",
    new_product: "Nytt produkt",
    seller: "Selger",
    name: "Navn",
    email: "E-post",
    team: "Team",
    manager: "Leder",
    parent: "Overordnet",
    baseline: "Startpunkt",
    target: "Mål",
    customer: "Kunde",
    owner: "Selger",
    revenue: "Omsetning",
    margin: "Dekningsgrad",
    sales_cost: "Salgskostnad",
    potential: "Potensial",
    prospect: "Prospekt",
    contribution: "Dekningsbidrag",
    category: "Kategori",
    goal: "Mål-id",
    metric: "Måltall",
    team_target: "Teammål",
    rollup: "Sum selgere",
    difference: "Differanse",
    status: "Status",
    level: "Nivå",
    id: "Id",
    annual: "Årsmål",
    to_date: "Mål hittil",
    actual: "Faktisk hittil",
    attainment: "Oppnåelse",
    forecast: "Prognose",
    rule: "Regel",
    file: "Fil",
    line: "Linje",
    column: "Kolonne",
    message: "Melding",
    company: "Firma",
    period: "Periode",
    currency: "Valuta",
    locale: "Språk",
    as_of: "Per dato",
    made_by: "Laget med",
    scenario: "Scenario (endret i minnet, ikke i planens filer)",
    yes: "ja",
    pers: ["dag", "uke", "måned", "kvartal", "år"],
    potentials: ["lav", "middels", "høy"],
    statuses: [
        ("ok", "ok"),
        ("short", "under teammålet"),
        ("over", "over grensen"),
        ("none", "—"),
        ("on_track", "i rute"),
        ("at_risk", "i faresonen"),
        ("off_track", "ikke i rute"),
    ],
};

const EN: Words = Words {
    sellers: "Sellers",
    teams: "Teams",
    customers: "Customers",
    rollups: "Roll-ups",
    evaluation: "Evaluation",
    findings: "Findings",
    about: "About",
    products: "Products",
    product: "Product",
    new_product: "New product",
    seller: "Seller",
    name: "Name",
    email: "Email",
    team: "Team",
    manager: "Manager",
    parent: "Parent",
    baseline: "Baseline",
    target: "Target",
    customer: "Customer",
    owner: "Seller",
    revenue: "Revenue",
    margin: "Margin",
    sales_cost: "Sales cost",
    potential: "Potential",
    prospect: "Prospect",
    contribution: "Contribution",
    category: "Category",
    goal: "Goal id",
    metric: "Metric",
    team_target: "Team target",
    rollup: "Sellers' sum",
    difference: "Difference",
    status: "Status",
    level: "Level",
    id: "Id",
    annual: "Annual target",
    to_date: "Target to date",
    actual: "Actual to date",
    attainment: "Attainment",
    forecast: "Forecast",
    rule: "Rule",
    file: "File",
    line: "Line",
    column: "Column",
    message: "Message",
    company: "Company",
    period: "Period",
    currency: "Currency",
    locale: "Locale",
    as_of: "As of",
    made_by: "Made with",
    scenario: "Scenario (changed in memory, not in the plan's files)",
    yes: "yes",
    pers: ["day", "week", "month", "quarter", "year"],
    potentials: ["low", "medium", "high"],
    statuses: [
        ("ok", "ok"),
        ("short", "below the team target"),
        ("over", "over the limit"),
        ("none", "—"),
        ("on_track", "on track"),
        ("at_risk", "at risk"),
        ("off_track", "off track"),
    ],
};

fn status(w: &Words, id: &str) -> String {
    w.statuses
        .iter()
        .find(|(i, _)| *i == id)
        .map_or_else(|| id.to_string(), |(_, t)| (*t).to_string())
}

/// The key of a target column: metric, product, per.
type Key = (String, Option<String>, Option<Per>);

fn key(g: &Goal) -> Key {
    (g.metric.clone(), g.product.clone(), g.per)
}

fn per_index(p: Per) -> usize {
    match p {
        Per::Day => 0,
        Per::Week => 1,
        Per::Month => 2,
        Per::Quarter => 3,
        Per::Year => 4,
    }
}

/// A metric column's header: `Omsetning`, `Omsetning produktområde (y)`,
/// `Kvalifiserte kundemøter per uke` (what `import plan` reads back).
fn header(plan: &Plan, locale: Locale, (metric, product, per): &Key) -> String {
    let mut h = plan.metrics.get(metric).map_or_else(
        || metric.clone(),
        |m| match locale {
            Locale::Nb => m.label_nb.clone(),
            Locale::En => m.label_en.clone(),
        },
    );
    if let Some(p) = product {
        h.push_str(&format!(" ({p})"));
    }
    if let Some(p) = per {
        h.push_str(&format!(" per {}", words(locale).pers[per_index(*p)]));
    }
    h
}

fn num_of(plan: &Plan, metric: &str) -> Num {
    use crate::model::metrics::Kind;
    match plan.metrics.get(metric).map(|m| m.kind) {
        Some(Kind::Money) => Num::Money,
        Some(Kind::Ratio) => Num::Ratio,
        _ => Num::Count,
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn opt_text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, text)
}

fn computed(v: &Value, n: Num) -> Cell {
    v.as_f64().map_or(Cell::Empty, |f| Cell::Computed(f, n))
}

/// Targets and baselines of a list of files (sellers or teams): the
/// columns in order of first appearance.
/// Each target column's key, with the quarter of a phasing column (the
/// four follow their target's column where any goal of the key is phased).
fn target_columns<'a>(goals: impl Iterator<Item = &'a Goal>) -> Vec<(Key, Option<u8>)> {
    let goals: Vec<&Goal> = goals.collect();
    let mut keys: Vec<Key> = Vec::new();
    for g in &goals {
        let k = key(g);
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let mut out = Vec::new();
    for k in keys {
        let phased = goals.iter().any(|g| key(g) == k && g.phasing.is_some());
        out.push((k.clone(), None));
        if phased {
            out.extend((1..=4).map(|q| (k.clone(), Some(q))));
        }
    }
    out
}

/// A target column's header: the metric's, with ` K1` (` Q1`) for a
/// quarter of the phasing.
fn target_header(plan: &Plan, locale: Locale, (key, quarter): &(Key, Option<u8>)) -> String {
    let h = header(plan, locale, key);
    match (quarter, locale) {
        (Some(q), Locale::Nb) => format!("{h} K{q}"),
        (Some(q), Locale::En) => format!("{h} Q{q}"),
        (None, _) => h,
    }
}

/// The cell of a target column for the goal of its key among `goals`.
fn target_cell<'a>(
    plan: &Plan,
    mut goals: impl Iterator<Item = &'a Goal>,
    (k, quarter): &(Key, Option<u8>),
) -> Cell {
    let Some(g) = goals.find(|g| key(g) == *k) else {
        return Cell::Empty;
    };
    let value = match quarter {
        None => g.target.map(|t| t.value),
        Some(q) => g
            .phasing
            .as_ref()
            .and_then(|p| p.0.iter().find(|(n, _)| n == q))
            .map(|(_, v)| v.value),
    };
    value.map_or(Cell::Empty, |v| Cell::Exact(v, num_of(plan, &k.0)))
}

fn baseline_columns<'a>(
    values: impl Iterator<Item = &'a crate::model::MetricValues>,
) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for v in values {
        for m in v.keys() {
            if !keys.contains(m) {
                keys.push(m.clone());
            }
        }
    }
    keys
}

/// The headers of a sheet of sellers or teams: its own four columns, then
/// a column per target and one per baseline.
fn goal_headers(
    plan: &Plan,
    locale: Locale,
    own: [&str; 4],
    targets: &[(Key, Option<u8>)],
    baselines: &[String],
) -> Vec<String> {
    let w = words(locale);
    let mut headers: Vec<String> = own.iter().map(|s| (*s).to_string()).collect();
    headers.extend(targets.iter().map(|k| target_header(plan, locale, k)));
    headers.extend(baselines.iter().map(|m| {
        format!(
            "{}: {}",
            w.baseline,
            header(plan, locale, &(m.clone(), None, None))
        )
    }));
    headers
}

/// A cell for each metric's value among `values` (a baseline, a starting
/// point, a customer's targets), empty where it has none.
fn value_cells(
    plan: &Plan,
    values: Option<&crate::model::MetricValues>,
    metrics: &[String],
) -> Vec<Cell> {
    metrics
        .iter()
        .map(|m| {
            values
                .and_then(|v| v.get(m))
                .map_or(Cell::Empty, |q| Cell::Exact(q.value, num_of(plan, m)))
        })
        .collect()
}

fn sellers_table(plan: &Plan, locale: Locale) -> Table {
    let w = words(locale);
    let targets = target_columns(
        plan.sellers
            .iter()
            .flat_map(|s| s.data.goals.iter().chain(&s.data.kpis)),
    );
    let baselines = baseline_columns(plan.sellers.iter().map(|s| &s.data.baseline));
    let headers = goal_headers(
        plan,
        locale,
        [w.seller, w.name, w.email, w.team],
        &targets,
        &baselines,
    );
    let rows = plan
        .sellers
        .iter()
        .map(|s| {
            let d = &s.data;
            let mut row = vec![
                text(&s.id),
                text(&d.name),
                opt_text(d.email.as_deref()),
                text(&d.team),
            ];
            for k in &targets {
                row.push(target_cell(plan, d.goals.iter().chain(&d.kpis), k));
            }
            row.extend(value_cells(plan, Some(&d.baseline), &baselines));
            row
        })
        .collect();
    Table {
        name: w.sellers.to_string(),
        headers,
        rows,
    }
}

fn teams_table(plan: &Plan, locale: Locale) -> Table {
    let w = words(locale);
    let targets = target_columns(plan.teams.iter().flat_map(|t| t.data.goals.iter()));
    let baselines = baseline_columns(
        plan.teams
            .iter()
            .filter_map(|t| t.data.starting_point.as_ref().map(|sp| &sp.values)),
    );
    let headers = goal_headers(
        plan,
        locale,
        [w.team, w.name, w.manager, w.parent],
        &targets,
        &baselines,
    );
    let rows = plan
        .teams
        .iter()
        .map(|t| {
            let d = &t.data;
            let mut row = vec![
                text(&t.id),
                text(&d.name),
                opt_text(d.manager.as_deref()),
                opt_text(d.parent.as_deref()),
            ];
            for k in &targets {
                row.push(target_cell(plan, d.goals.iter(), k));
            }
            row.extend(value_cells(
                plan,
                d.starting_point.as_ref().map(|sp| &sp.values),
                &baselines,
            ));
            row
        })
        .collect();
    Table {
        name: w.teams.to_string(),
        headers,
        rows,
    }
}

fn customers_table(plan: &Plan, context: &crate::report::context::Built, locale: Locale) -> Table {
    let w = words(locale);
    let customers = plan.customers();
    let targets = baseline_columns(customers.iter().map(|c| &c.customer.target));
    // Each customer's row of the analysis, by id and owner, found once.
    let mut placed: std::collections::HashMap<(&str, &str), &crate::report::context::CustomerRow> =
        std::collections::HashMap::new();
    for r in &context.customers {
        // A repeated customer (a `duplicate-id` error): the first counts.
        placed.entry((r.id.as_str(), r.owner.as_str())).or_insert(r);
    }
    let mut headers: Vec<String> = [
        w.customer,
        w.name,
        w.owner,
        w.revenue,
        w.margin,
        w.sales_cost,
        w.potential,
        w.prospect,
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    headers.extend(targets.iter().map(|m| {
        format!(
            "{}: {}",
            w.target,
            header(plan, locale, &(m.clone(), None, None))
        )
    }));
    headers.push(w.contribution.to_string());
    headers.push(w.category.to_string());
    let rows = customers
        .iter()
        .map(|c| {
            let d = c.customer;
            let mut row = vec![
                text(&d.id),
                text(&d.name),
                text(c.owner),
                Cell::Exact(d.revenue.0, Num::Money),
                d.margin
                    .map_or(Cell::Empty, |m| Cell::Exact(m.0, Num::Ratio)),
                d.sales_cost
                    .map_or(Cell::Empty, |s| Cell::Exact(s.0, Num::Money)),
                match d.potential {
                    Some(Potential::Amount(a)) => Cell::Exact(a, Num::Money),
                    Some(Potential::Level(l)) => text(
                        w.potentials[match l {
                            PotentialLevel::Low => 0,
                            PotentialLevel::Medium => 1,
                            PotentialLevel::High => 2,
                        }],
                    ),
                    None => Cell::Empty,
                },
                if d.prospect { text(w.yes) } else { Cell::Empty },
            ];
            row.extend(value_cells(plan, Some(&d.target), &targets));
            let placed = placed.get(&(d.id.as_str(), c.owner)).copied();
            row.push(placed.map_or(Cell::Empty, |r| Cell::Computed(r.contribution, Num::Money)));
            row.push(placed.map_or(Cell::Empty, |r| text(r.category_label)));
            row
        })
        .collect();
    Table {
        name: w.customers.to_string(),
        headers,
        rows,
    }
}

/// A goal's metric as the roll-up and evaluation sheets name it.
fn goal_label(g: &Value) -> String {
    let label = g["label"].as_str().unwrap_or_default().to_string();
    match g["product_name"].as_str() {
        Some(p) => format!("{label} ({p})"),
        None => label,
    }
}

fn goal_num(g: &Value) -> Num {
    match g["kind"].as_str() {
        Some("money") => Num::Money,
        Some("ratio") => Num::Ratio,
        _ => Num::Count,
    }
}

fn rollups_table(context: &Value, locale: Locale) -> Table {
    let w = words(locale);
    let headers = [
        w.team,
        w.goal,
        w.metric,
        w.team_target,
        w.rollup,
        w.difference,
        w.status,
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    let mut rows = Vec::new();
    for t in context["teams"].as_array().into_iter().flatten() {
        for g in t["goals"].as_array().into_iter().flatten() {
            let n = goal_num(g);
            rows.push(vec![
                text(t["id"].as_str().unwrap_or_default()),
                text(g["id"].as_str().unwrap_or_default()),
                text(goal_label(g)),
                computed(&g["target"], n),
                computed(&g["rollup"], n),
                computed(&g["gap"], n),
                text(status(w, g["status"].as_str().unwrap_or("none"))),
            ]);
        }
    }
    Table {
        name: w.rollups.to_string(),
        headers,
        rows,
    }
}

fn evaluation_table(context: &Value, locale: Locale) -> Table {
    let w = words(locale);
    let headers = [
        w.level,
        w.id,
        w.name,
        w.goal,
        w.metric,
        w.annual,
        w.to_date,
        w.actual,
        w.attainment,
        w.forecast,
        w.status,
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    let mut rows = Vec::new();
    let mut add = |level: &str, who: &Value, g: &Value| {
        let e = &g["evaluation"];
        if e.is_null() {
            return;
        }
        let n = goal_num(g);
        rows.push(vec![
            text(level),
            text(who["id"].as_str().unwrap_or_default()),
            text(who["name"].as_str().unwrap_or_default()),
            text(g["id"].as_str().unwrap_or_default()),
            text(goal_label(g)),
            computed(&e["annual"], n),
            computed(&e["target_to_date"], n),
            computed(&e["actual"], n),
            computed(&e["attainment"], Num::Ratio),
            computed(&e["forecast"], n),
            text(status(w, e["status"].as_str().unwrap_or("none"))),
        ]);
    };
    for t in context["teams"].as_array().into_iter().flatten() {
        for g in t["goals"].as_array().into_iter().flatten() {
            add(w.team, t, g);
        }
    }
    for s in context["sellers"].as_array().into_iter().flatten() {
        for list in ["goals", "kpis"] {
            for g in s[list].as_array().into_iter().flatten() {
                add(w.seller, s, g);
            }
        }
    }
    Table {
        name: w.evaluation.to_string(),
        headers,
        rows,
    }
}

fn findings_table(context: &Value, locale: Locale) -> Table {
    let w = words(locale);
    let headers = [w.level, w.rule, w.file, w.line, w.column, w.message]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    let rows = context["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            vec![
                text(d["level"].as_str().unwrap_or_default()),
                text(d["rule"].as_str().unwrap_or_default()),
                text(d["file"].as_str().unwrap_or_default()),
                computed(&d["line"], Num::Count),
                computed(&d["column"], Num::Count),
                text(d["message"].as_str().unwrap_or_default()),
            ]
        })
        .collect();
    Table {
        name: w.findings.to_string(),
        headers,
        rows,
    }
}

fn products_table(plan: &Plan, locale: Locale) -> Table {
    let w = words(locale);
    let products = plan
        .config
        .as_ref()
        .map(|c| c.data.products.as_slice())
        .unwrap_or_default();
    Table {
        name: w.products.to_string(),
        headers: vec![
            w.product.to_string(),
            w.name.to_string(),
            w.new_product.to_string(),
        ],
        rows: products
            .iter()
            .map(|p| {
                vec![
                    text(&p.id),
                    opt_text(p.name.as_deref()),
                    if p.new { text(w.yes) } else { Cell::Empty },
                ]
            })
            .collect(),
    }
}

/// The plan's settings. `Språk`/`Locale` is the plan's own `locale`,
/// whatever language the workbook is written in.
fn about_table(plan: &Plan, context: &Value, locale: Locale) -> Table {
    let w = words(locale);
    let t = |v: &Value| opt_text(v.as_str());
    Table {
        name: w.about.to_string(),
        headers: vec![String::new(), String::new()],
        rows: vec![
            vec![text(w.company), t(&context["company"])],
            vec![text(w.period), t(&context["period"])],
            vec![text(w.currency), t(&context["currency"])],
            vec![
                text(w.locale),
                text(match plan.settings.fmt.locale {
                    Locale::Nb => "nb",
                    Locale::En => "en",
                }),
            ],
            vec![text(w.as_of), t(&context["as_of"])],
            vec![
                text(w.made_by),
                text(format!("salgsmal {}", env!("CARGO_PKG_VERSION"))),
            ],
        ]
        .into_iter()
        .chain(scenario_rows(context, w))
        .collect(),
    }
}

/// A what-if's source and each change (`export --set`, `--scenario`): the
/// workbook says it is not the plan as its files have it.
fn scenario_rows(context: &Value, w: &Words) -> Vec<Vec<Cell>> {
    let Some(changes) = context["scenario"]["changes"].as_array() else {
        return Vec::new();
    };
    let source = context["scenario"]["source"].as_str().unwrap_or_default();
    let mut rows = vec![vec![text(w.scenario), text(source)]];
    for c in changes {
        let s = |k: &str| c[k].as_str().unwrap_or_default().to_string();
        rows.push(vec![
            text(format!("{}: {}", s("file"), s("path"))),
            text(format!("{} → {}", s("before"), s("after"))),
        ]);
    }
    rows
}

/// The number formats of a workbook in a locale and currency.
struct Formats {
    bold: Format,
    money: Format,
    money_decimals: Format,
    percent: Format,
    percent_decimals: Format,
    count: Format,
    count_decimals: Format,
}

impl Formats {
    fn new(locale: Locale, currency: &str) -> Self {
        // `#,##0` groups thousands in the reader's own way (a space in a
        // Norwegian Excel); the unit in quotes.
        let unit = if currency == "NOK" && locale == Locale::Nb {
            "kr".to_string()
        } else {
            currency.replace('"', "")
        };
        let money = |digits: &str| match locale {
            Locale::Nb => format!("#,##0{digits} \"{unit}\""),
            Locale::En => format!("\"{unit}\" #,##0{digits}"),
        };
        Self {
            bold: Format::new().set_bold(),
            money: Format::new().set_num_format(money("")),
            money_decimals: Format::new().set_num_format(money(".00")),
            percent: Format::new().set_num_format("0%"),
            percent_decimals: Format::new().set_num_format("0.0%"),
            count: Format::new().set_num_format("#,##0"),
            count_decimals: Format::new().set_num_format("#,##0.0#"),
        }
    }

    fn of(&self, value: f64, n: Num) -> &Format {
        let whole = |v: f64| (v - v.round()).abs() < 1e-9;
        match n {
            Num::Money if whole(value) => &self.money,
            Num::Money => &self.money_decimals,
            Num::Ratio if whole(value * 100.0) => &self.percent,
            Num::Ratio => &self.percent_decimals,
            Num::Count if whole(value) => &self.count,
            Num::Count => &self.count_decimals,
        }
    }
}

fn add_table(
    book: &mut Workbook,
    table: &Table,
    f: &Formats,
    filter: bool,
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(&table.name)?;
    let mut widths: Vec<usize> = table.headers.iter().map(|h| h.chars().count()).collect();
    for (c, h) in table.headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        if !h.is_empty() {
            sheet.write_string_with_format(0, col, h, &f.bold)?;
        }
    }
    for (r, row) in table.rows.iter().enumerate() {
        let at = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            let shown = match cell {
                Cell::Empty => 0,
                Cell::Text(t) => {
                    sheet.write_string(at, col, t)?;
                    t.chars().count()
                }
                Cell::Exact(d, n) => match exact_f64(*d) {
                    Some(v) => {
                        sheet.write_number_with_format(at, col, v, f.of(v, *n))?;
                        shown_width(v, *n)
                    }
                    None => {
                        // More digits than a float holds: the exact decimal as text.
                        let t = d.normalize().to_string();
                        sheet.write_string(at, col, &t)?;
                        t.len()
                    }
                },
                Cell::Computed(v, n) => {
                    sheet.write_number_with_format(at, col, *v, f.of(*v, *n))?;
                    shown_width(*v, *n)
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(shown);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        #[allow(clippy::cast_precision_loss)]
        sheet.set_column_width(col, (w.clamp(&6, &60) + 2) as f64)?;
    }
    if filter {
        sheet.set_freeze_panes(1, 0)?;
        let last_row = u32::try_from(table.rows.len()).unwrap_or(u32::MAX);
        let last_col = u16::try_from(table.headers.len().saturating_sub(1)).unwrap_or(u16::MAX);
        sheet.autofilter(0, 0, last_row, last_col)?;
    }
    Ok(())
}

/// About how many characters a formatted number takes.
fn shown_width(v: f64, n: Num) -> usize {
    #[allow(clippy::cast_possible_truncation)]
    let digits = format!("{:.0}", v.abs()).len();
    let groups = digits.saturating_sub(1) / 3;
    digits + groups + if n == Num::Money { 4 } else { 2 }
}

/// The workbook's bytes: the plan (sellers, teams, customers), the
/// roll-ups, the evaluation, the findings and the plan's settings.
pub fn workbook(
    plan: &Plan,
    context: &crate::report::context::Built,
    locale: Locale,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation time: the same plan gives the same workbook.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let formats = Formats::new(locale, &plan.settings.fmt.currency);
    let json = &context.json;
    add_table(&mut book, &sellers_table(plan, locale), &formats, true)?;
    add_table(&mut book, &teams_table(plan, locale), &formats, true)?;
    if !plan.customers().is_empty() {
        add_table(
            &mut book,
            &customers_table(plan, context, locale),
            &formats,
            true,
        )?;
    }
    add_table(&mut book, &rollups_table(json, locale), &formats, true)?;
    add_table(&mut book, &evaluation_table(json, locale), &formats, true)?;
    add_table(&mut book, &findings_table(json, locale), &formats, true)?;
    if plan
        .config
        .as_ref()
        .is_some_and(|c| !c.data.products.is_empty())
    {
        add_table(&mut book, &products_table(plan, locale), &formats, true)?;
    }
    add_table(&mut book, &about_table(plan, json, locale), &formats, false)?;
    book.save_to_buffer()
}

/// The goals and KPIs the workbook cannot hold: one a file has of the same
/// metric, product and `per` as an earlier one (the workbook has a column
/// a metric), each as a note naming the file and both ids.
pub fn left_out(plan: &Plan) -> Vec<crate::i18n::Message> {
    let lists = plan
        .sellers
        .iter()
        .map(|s| {
            (
                s.file,
                s.data.goals.iter().chain(&s.data.kpis).collect::<Vec<_>>(),
            )
        })
        .chain(
            plan.teams
                .iter()
                .map(|t| (t.file, t.data.goals.iter().collect())),
        );
    let mut out = Vec::new();
    for (file, goals) in lists {
        for (i, g) in goals.iter().enumerate() {
            if let Some(first) = goals[..i].iter().find(|f| key(f) == key(g)) {
                out.push(
                    crate::i18n::Message::new("export-goal-left-out")
                        .text("file", &plan.file(file).path)
                        .text("goal", &g.id)
                        .text("first", &first.id),
                );
            }
        }
    }
    out
}

/// Whether `text` is a decimal the workbook can hold as a number exactly.
pub fn fits(text: &str) -> bool {
    Decimal::from_str(text).ok().and_then(exact_f64).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifteen_digits_round_trip_through_a_float() {
        for text in [
            "10000000",
            "0.25",
            "0.178",
            "1234567.89",
            "999999999999999",
            "123456789012.345",
            "0.000000000000001",
            "-40000",
            "1000000000000000",
        ] {
            assert!(fits(text), "{text}");
        }
        // More digits than a float holds: 2^53 + 1, and 19 digits.
        assert!(!fits("9007199254740993"));
        assert!(!fits("1234567890.123456789"));
        assert!(!fits("0.1000000000000000001"));
    }
}

//! A workbook of sellers and targets (and optionally teams, customers and
//! the plan's settings) to the files of a new plan repository
//! (`salgsmal import plan`). Nothing is written here: the result is a list
//! of (path, text), or every problem of the workbook, each at its cell.
//!
//! Sheets are found by name (`Selgere`/`Sellers`, `Team`/`Teams`,
//! `Kunder`/`Customers`, `Om planen`/`About`; case does not matter); the
//! sellers are the first sheet when no sheet has such a name. Columns are
//! found by their header, in Norwegian or English: see `field` and
//! `metric_column`. A number cell's binary float is read through its
//! shortest decimal text (`format!("{f}")`), which gives back exactly the
//! decimal a spreadsheet shows and stores for up to 15 significant digits;
//! a text cell is read as `import actuals` reads a CRM export's
//! (`kr 1 200 000,-`, `12,5 %`).

use crate::i18n::{Locale, Message};
use crate::model::metrics::{Catalogue, Kind};
use crate::model::number::{bounded, parse_value};
use crate::model::period::Period;
use crate::source::xlsx::{Cell, Sheet, Value, a1};
use crate::source::yaml::{Scalar, resolve_plain};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A problem of the workbook, at a sheet's cell.
#[derive(Debug)]
pub struct Problem {
    pub sheet: String,
    /// `C4`, or empty for the sheet (or the workbook) as a whole.
    pub cell: String,
    pub message: Message,
}

/// What the command line adds to the workbook's own `Om planen` sheet.
#[derive(Debug, Default)]
pub struct Options {
    pub period: Option<i32>,
    pub locale: Option<Locale>,
    pub company: Option<String>,
    /// The workbook's file name, for the files' header comment.
    pub source: String,
}

/// The new plan: its files, and notes on what the workbook left out.
#[derive(Debug)]
pub struct Imported {
    pub files: Vec<(String, String)>,
    pub notes: Vec<Problem>,
    pub sellers: usize,
    pub teams: usize,
    pub customers: usize,
}

/// The metrics whose goals are result goals (resultatmål): a seller's
/// column of any other metric becomes a KPI (prestasjonsmål).
const RESULT_METRICS: &[&str] = &[
    "revenue",
    "contribution",
    "contribution_margin",
    "new_customer_revenue",
    "new_customers",
    "existing_customer_growth",
    "product_revenue",
    "churn_rate",
    "cash_flow",
];

/// Words for `per` in a column header (`Kundemøter per uke`).
const PERS: &[(&str, &str)] = &[
    ("dag", "day"),
    ("day", "day"),
    ("uke", "week"),
    ("week", "week"),
    ("måned", "month"),
    ("mnd", "month"),
    ("month", "month"),
    ("kvartal", "quarter"),
    ("quarter", "quarter"),
    ("år", "year"),
    ("year", "year"),
];

/// Header words of a target column before the metric (`Mål omsetning`),
/// and of a baseline column (`Startpunkt omsetning`).
const TARGET_WORDS: &[&str] = &["mål", "target", "budsjett", "budget"];
const BASELINE_WORDS: &[&str] = &["startpunkt", "baseline", "i fjor", "last year"];

/// Other names of metrics in headers (lowercase).
const METRIC_SYNONYMS: &[(&str, &str)] = &[
    ("db", "contribution"),
    ("dg", "contribution_margin"),
    ("margin", "contribution_margin"),
    ("kti", "customer_satisfaction"),
    ("nye kunder omsetning", "new_customer_revenue"),
    ("kundemøter", "qualified_meetings"),
    ("møter", "qualified_meetings"),
    ("meetings", "qualified_meetings"),
    ("pipeline", "pipeline_value"),
];

/// What a column of a sheet holds.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    Field(&'static str),
    Target(MetricColumn),
    Baseline(MetricColumn),
    /// A quarter's value of a target's phasing (`Omsetning K1`).
    Quarter(MetricColumn, u8),
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct MetricColumn {
    metric: String,
    product: Option<String>,
    per: Option<&'static str>,
}

/// The field a header names: (field, the headers that name it).
const SELLER_FIELDS: &[(&str, &[&str])] = &[
    (
        "id",
        &[
            "selger",
            "seller",
            "selger-id",
            "seller id",
            "id",
            "kode",
            "code",
        ],
    ),
    ("name", &["navn", "name", "selgernavn", "seller name"]),
    ("email", &["e-post", "epost", "email", "e-mail"]),
    ("team", &["team", "avdeling", "department"]),
];

const TEAM_FIELDS: &[(&str, &[&str])] = &[
    ("id", &["team", "team-id", "team id", "id"]),
    ("name", &["navn", "name", "teamnavn", "team name"]),
    ("manager", &["leder", "salgssjef", "manager"]),
    ("parent", &["overordnet", "parent"]),
];

const CUSTOMER_FIELDS: &[(&str, &[&str])] = &[
    (
        "id",
        &["kunde", "customer", "kunde-id", "customer id", "id"],
    ),
    ("name", &["navn", "name", "kundenavn", "customer name"]),
    ("owner", &["selger", "seller", "eier", "owner", "ansvarlig"]),
    (
        "revenue",
        &["omsetning", "revenue", "omsetning siste 12 mnd"],
    ),
    (
        "margin",
        &["dekningsgrad", "dg", "margin", "contribution margin"],
    ),
    (
        "sales_cost",
        &["salgskostnad", "salgskostnader", "sales cost"],
    ),
    ("potential", &["potensial", "potential"]),
    ("prospect", &["prospekt", "prospect", "ny", "new"]),
    // Computed by the plan (`export` writes them): not imported.
    ("contribution", &["dekningsbidrag", "contribution"]),
    ("category", &["kategori", "category"]),
];

const PRODUCT_FIELDS: &[(&str, &[&str])] = &[
    (
        "id",
        &["produkt", "product", "produkt-id", "product id", "id"],
    ),
    ("name", &["navn", "name", "produktnavn", "product name"]),
    ("new", &["nytt produkt", "new product", "nytt", "new", "ny"]),
];

/// A cell that says yes (`ja`, `x`, …).
fn yes(text: &str) -> bool {
    matches!(lower(text).as_str(), "ja" | "yes" | "x" | "true" | "1")
}

fn lower(text: &str) -> String {
    text.trim().to_lowercase()
}

/// The sheet named one of `names`.
fn sheet<'a>(sheets: &'a [Sheet], names: &[&str]) -> Option<&'a Sheet> {
    sheets
        .iter()
        .find(|s| names.contains(&lower(&s.name).as_str()))
}

/// A cell's text: text as it is, a number in its shortest decimal form.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::Text(t) if !t.trim().is_empty() => Some(t.trim().to_string()),
        Value::Number(f) if f.is_finite() => Some(format!("{f}")),
        _ => None,
    }
}

/// An id made of a name: lowercase, `æ ø å` as `ae o a`, anything else
/// that is not a letter or digit as `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().to_lowercase().chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'æ' => out.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' => out.push('o'),
            'å' | 'ä' | 'á' | 'à' => out.push('a'),
            'é' | 'è' | 'ê' => out.push('e'),
            'ü' | 'ú' => out.push('u'),
            _ => {
                if !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    out.trim_matches('-').to_string()
}

fn is_id(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The metric a header names, with its product and `per`: `Omsetning`,
/// `revenue`, `Omsetning produktområde (y)`, `Kvalifiserte kundemøter per
/// uke`, `Mål omsetning`; `baseline` when it starts with `Startpunkt`
/// (`Baseline`).
fn metric_column(header: &str, metrics: &Catalogue) -> Option<Column> {
    let (baseline, quarter, mc) = metric_parts(header, metrics)?;
    Some(match (baseline, quarter) {
        (true, None) => Column::Baseline(mc),
        (false, None) => Column::Target(mc),
        (false, Some(q)) => Column::Quarter(mc, q),
        (true, Some(_)) => return None,
    })
}

/// (a baseline?, the quarter of a phasing column, the metric column).
fn metric_parts(header: &str, metrics: &Catalogue) -> Option<(bool, Option<u8>, MetricColumn)> {
    let mut h = lower(header);
    let mut baseline = false;
    // `Omsetning K1` / `Revenue Q1`: a quarter of the phasing.
    let mut quarter = None;
    for (i, q) in ["1", "2", "3", "4"].iter().enumerate() {
        for prefix in [" k", " q"] {
            if let Some(rest) = h.strip_suffix(&format!("{prefix}{q}")) {
                quarter = u8::try_from(i + 1).ok();
                h = rest.trim_end().to_string();
            }
        }
    }
    let strip = |h: &mut String, words: &[&str]| {
        for w in words {
            if let Some(rest) = h.strip_prefix(w)
                && (rest.starts_with([' ', ':']) || rest.is_empty())
            {
                *h = rest.trim_start_matches([' ', ':']).to_string();
                return true;
            }
        }
        false
    };
    if strip(&mut h, BASELINE_WORDS) {
        baseline = true;
    } else {
        strip(&mut h, TARGET_WORDS);
    }
    if h.is_empty() {
        // `Mål` alone: the revenue target.
        return (!baseline).then(|| {
            (
                false,
                quarter,
                MetricColumn {
                    metric: "revenue".into(),
                    product: None,
                    per: None,
                },
            )
        });
    }
    let mut per = None;
    for (word, id) in PERS {
        for sep in [" per ", " pr. ", " pr ", " / ", "/"] {
            if let Some(rest) = h.strip_suffix(&format!("{sep}{word}")) {
                per = Some(*id);
                h = rest.trim().to_string();
                break;
            }
        }
        if per.is_some() {
            break;
        }
    }
    let find = |name: &str| -> Option<String> {
        let name = name.trim();
        metrics
            .iter()
            .find(|m| {
                m.id == name
                    || m.id == name.replace(' ', "_")
                    || lower(&m.label_nb) == name
                    || lower(&m.label_en) == name
            })
            .map(|m| m.id.clone())
            .or_else(|| {
                METRIC_SYNONYMS
                    .iter()
                    .find(|(s, _)| *s == name)
                    .map(|(_, id)| (*id).to_string())
            })
    };
    if let Some(metric) = find(&h) {
        return Some((
            baseline,
            quarter,
            MetricColumn {
                metric,
                product: None,
                per,
            },
        ));
    }
    // `Omsetning produktområde (y)`: the product in brackets.
    let (name, product) = h.strip_suffix(')')?.rsplit_once('(')?;
    let metric = find(name)?;
    Some((
        baseline,
        quarter,
        MetricColumn {
            metric,
            product: Some(slug(product)),
            per,
        },
    ))
}

/// Rename header cells as the user maps them (`import plan --column
/// "Budsjett 2027=Omsetning"`): each header whose text is the first
/// (case and surrounding spaces ignored) gets the second, a header the
/// import knows. Cells keep their places, so problems are still named by
/// the workbook's own cells.
pub fn rename_headers(sheets: &mut [Sheet], renames: &[(String, String)]) {
    for sheet in sheets {
        let Some(header) = sheet.rows.first_mut() else {
            continue;
        };
        for cell in header {
            let Some(text) = text_of(&cell.value) else {
                continue;
            };
            if let Some((_, to)) = renames.iter().find(|(from, _)| lower(from) == lower(&text)) {
                cell.value = Value::Text(to.clone());
            }
        }
    }
}

/// The columns of a sheet's header row, with the headers no column is
/// known for as notes.
fn columns(
    sheet: &Sheet,
    fields: &[(&'static str, &[&str])],
    metrics: Option<&Catalogue>,
    notes: &mut Vec<Problem>,
    problems: &mut Vec<Problem>,
) -> Option<(u32, BTreeMap<u32, Column>)> {
    let Some(header) = sheet.rows.first() else {
        problems.push(Problem {
            sheet: sheet.name.clone(),
            cell: String::new(),
            message: Message::new("xlsx-empty-sheet"),
        });
        return None;
    };
    let row = header[0].row;
    let mut out = BTreeMap::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for cell in header {
        let at = a1(cell.row, cell.col);
        let Some(text) = text_of(&cell.value) else {
            continue;
        };
        let name = lower(&text);
        let column = fields
            .iter()
            .find(|(_, names)| names.contains(&name.as_str()))
            .map(|(f, _)| Column::Field(f))
            .filter(|c| !out.values().any(|o| o == c))
            .or_else(|| metrics.and_then(|m| metric_column(&text, m)));
        match column {
            Some(column) => {
                let key = format!("{column:?}");
                if let Some(first) = seen.get(&key) {
                    problems.push(Problem {
                        sheet: sheet.name.clone(),
                        cell: at,
                        message: Message::new("xlsx-duplicate-column")
                            .text("column", &text)
                            .text("first", first),
                    });
                    continue;
                }
                seen.insert(key, a1(cell.row, cell.col));
                out.insert(cell.col, column);
            }
            None => notes.push(Problem {
                sheet: sheet.name.clone(),
                cell: at,
                message: Message::new("xlsx-column-ignored").text("column", &text),
            }),
        }
    }
    Some((row, out))
}

/// A phasing column without the target column of its goal is refused.
fn check_quarters(
    sheet: &Sheet,
    header_row: u32,
    cols: &BTreeMap<u32, Column>,
    problems: &mut Vec<Problem>,
) {
    for (col, c) in cols {
        if let Column::Quarter(mc, _) = c
            && !cols.values().any(|t| *t == Column::Target(mc.clone()))
        {
            problems.push(Problem {
                sheet: sheet.name.clone(),
                cell: a1(header_row, *col),
                message: Message::new("xlsx-quarter-without-target").text("metric", &mc.metric),
            });
        }
    }
}

/// A number cell: `None` when empty (or `-`).
fn number(cell: &Cell) -> Result<Option<(Decimal, String)>, Message> {
    match &cell.value {
        Value::Empty => Ok(None),
        Value::Number(f) => {
            let text = format!("{f}");
            if !f.is_finite() {
                return Err(Message::new("xlsx-bad-number").text("text", text));
            }
            let value = Decimal::from_str_exact(&text)
                .map_err(|_| Message::new("xlsx-too-large").text("text", &text))?;
            let value = bounded(value, &text)
                .map_err(|_| Message::new("xlsx-too-large").text("text", &text))?;
            Ok(Some((value, text)))
        }
        Value::Text(t) => {
            let t = t.trim();
            if t.is_empty() || t == "-" {
                return Ok(None);
            }
            parse_value(t, true)
                .or_else(|| parse_value(t, false))
                .map(|v| Some((v, t.to_string())))
                .ok_or_else(|| Message::new("xlsx-bad-number").text("text", t))
        }
        Value::Date => Err(Message::new("xlsx-date-not-number")),
        Value::Bool(b) => Err(Message::new("xlsx-bad-number").text("text", b.to_string())),
        Value::Error(e) => Err(Message::new("xlsx-error-cell").text("error", e)),
        Value::Uncomputed => Err(Message::new("xlsx-uncomputed")),
    }
}

/// A text cell (a number's shortest decimal text counts as text).
fn text(cell: &Cell) -> Result<Option<String>, Message> {
    match &cell.value {
        Value::Empty => Ok(None),
        Value::Error(e) => Err(Message::new("xlsx-error-cell").text("error", e)),
        Value::Uncomputed => Err(Message::new("xlsx-uncomputed")),
        Value::Date => Err(Message::new("xlsx-date-not-text")),
        Value::Bool(b) => Ok(Some(b.to_string())),
        v => Ok(text_of(v)),
    }
}

/// One row read against the sheet's columns.
#[derive(Default)]
struct Row {
    /// The row's first cell, for messages about the row as a whole.
    at: String,
    fields: BTreeMap<&'static str, (String, String)>,
    /// (column, value, A1 of its cell)
    targets: Vec<(MetricColumn, Decimal, String)>,
    baselines: Vec<(MetricColumn, Decimal, String)>,
    /// Quarterly phasing values: (column, quarter, value).
    quarters: Vec<(MetricColumn, u8, Decimal)>,
    /// Number fields of customers (revenue, margin, …).
    numbers: BTreeMap<&'static str, (Decimal, String)>,
}

const NUMBER_FIELDS: &[&str] = &["revenue", "margin", "sales_cost"];

fn read_rows(
    sheet: &Sheet,
    header_row: u32,
    columns: &BTreeMap<u32, Column>,
    metrics: &Catalogue,
    problems: &mut Vec<Problem>,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for cells in sheet.rows.iter().filter(|r| r[0].row > header_row) {
        let mut row = Row {
            at: a1(cells[0].row, 0),
            ..Row::default()
        };
        let mut bad = false;
        for cell in cells {
            let Some(column) = columns.get(&cell.col) else {
                continue;
            };
            let at = a1(cell.row, cell.col);
            let mut fail = |message: Message| {
                problems.push(Problem {
                    sheet: sheet.name.clone(),
                    cell: at.clone(),
                    message,
                });
                bad = true;
            };
            match column {
                Column::Field(f) if NUMBER_FIELDS.contains(f) => match number(cell) {
                    Ok(Some((v, t))) if *f == "margin" && v > Decimal::ONE => fail(
                        Message::new("import-not-a-ratio")
                            .text("text", t)
                            .text("metric", "margin"),
                    ),
                    Ok(Some((v, _))) if v.is_sign_negative() && !v.is_zero() => {
                        fail(Message::new("xlsx-negative").text("text", v.normalize().to_string()));
                    }
                    Ok(Some(v)) => {
                        row.numbers.insert(f, v);
                    }
                    Ok(None) => {}
                    Err(m) => fail(m),
                },
                Column::Field(f) => match text(cell) {
                    Ok(Some(t)) => {
                        row.fields.insert(f, (t, at.clone()));
                    }
                    Ok(None) => {}
                    Err(m) => fail(m),
                },
                Column::Quarter(mc, q) => match number(cell) {
                    Ok(Some((v, _))) => row.quarters.push((mc.clone(), *q, v)),
                    Ok(None) => {}
                    Err(m) => fail(m),
                },
                Column::Target(mc) | Column::Baseline(mc) => match number(cell) {
                    Ok(Some((v, t))) => {
                        let ratio = metrics.get(&mc.metric).map(|m| m.kind) == Some(Kind::Ratio);
                        if ratio && v > Decimal::ONE {
                            fail(
                                Message::new("import-not-a-ratio")
                                    .text("text", t)
                                    .text("metric", &mc.metric),
                            );
                        } else if matches!(column, Column::Target(_)) {
                            row.targets.push((mc.clone(), v, at.clone()));
                        } else {
                            row.baselines.push((mc.clone(), v, at.clone()));
                        }
                    }
                    Ok(None) => {}
                    Err(m) => fail(m),
                },
            }
        }
        let empty = row.fields.is_empty()
            && row.targets.is_empty()
            && row.baselines.is_empty()
            && row.quarters.is_empty();
        if bad || !empty {
            rows.push(row);
        }
    }
    rows
}

/// The value of a field of the `Om planen` sheet: column A names, column
/// B holds.
fn about(sheets: &[Sheet], names: &[&str]) -> Option<(String, String, String)> {
    let s = sheet(sheets, &["om planen", "about", "plan"])?;
    s.rows.iter().find_map(|r| {
        let key = r
            .iter()
            .find(|c| c.col == 0)
            .and_then(|c| text_of(&c.value))?;
        if !names.contains(&lower(&key).as_str()) {
            return None;
        }
        let cell = r.iter().find(|c| c.col == 1)?;
        Some((
            text_of(&cell.value)?,
            s.name.clone(),
            a1(cell.row, cell.col),
        ))
    })
}

/// A YAML scalar that reads back as the same string.
fn yaml_text(text: &str) -> String {
    let plain = matches!(resolve_plain(text), Scalar::Str(_))
        && !text.is_empty()
        && text.trim() == text
        && !text.starts_with(['-', '?', '!', '&', '*', '@', '`', '%', '|', '>', '"', '\''])
        && !text.contains([':', '#', '{', '}', '[', ']', ',', '\n', '\t'])
        && !text.chars().any(char::is_control);
    if plain {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_default()
    }
}

/// A number as the plan files write it: exact, digits grouped by `_`
/// from 10 000 up (`10_000_000`, `0.25`).
fn yaml_number(value: Decimal) -> String {
    crate::model::number::underscored(value, 5)
}

/// A goal's id: its metric in kebab case, with its product.
fn goal_id(mc: &MetricColumn) -> String {
    let mut id = mc.metric.replace('_', "-");
    if let Some(p) = &mc.product {
        id.push('-');
        id.push_str(p);
    }
    id
}

fn goal_line(
    mc: &MetricColumn,
    value: Decimal,
    quarters: &[(MetricColumn, u8, Decimal)],
) -> String {
    let mut line = format!("  - {{id: {}, metric: {}", goal_id(mc), mc.metric);
    if let Some(p) = &mc.product {
        let _ = write!(line, ", product: {p}");
    }
    let _ = write!(line, ", target: {}", yaml_number(value));
    if let Some(per) = mc.per {
        let _ = write!(line, ", per: {per}");
    }
    let mut phasing: Vec<(u8, Decimal)> = quarters
        .iter()
        .filter(|(m, _, _)| m == mc)
        .map(|(_, q, v)| (*q, *v))
        .collect();
    phasing.sort_by_key(|(q, _)| *q);
    if phasing.iter().map(|(q, _)| *q).eq(1..=4) {
        let values: Vec<String> = phasing.iter().map(|(_, v)| yaml_number(*v)).collect();
        let _ = write!(line, ", phasing: [{}]", values.join(", "));
    } else if !phasing.is_empty() {
        let values: Vec<String> = phasing
            .iter()
            .map(|(q, v)| format!("Q{q}: {}", yaml_number(*v)))
            .collect();
        let _ = write!(line, ", phasing: {{{}}}", values.join(", "));
    }
    line.push_str("}\n");
    line
}

fn values_block(indent: &str, values: &[(MetricColumn, Decimal, String)]) -> String {
    let mut out = String::new();
    for (mc, v, _) in values {
        let _ = writeln!(out, "{indent}{}: {}", mc.metric, yaml_number(*v));
    }
    out
}

/// A problem at a row's field cell, or at the row.
fn at_field(sheet: &str, row: &Row, field: &str, message: Message) -> Problem {
    Problem {
        sheet: sheet.to_string(),
        cell: row
            .fields
            .get(field)
            .map_or_else(|| row.at.clone(), |(_, at)| at.clone()),
        message,
    }
}

/// An id from a cell that holds an id or a name.
fn id_from(text: &str) -> Option<String> {
    if is_id(text) {
        return Some(text.to_string());
    }
    let s = slug(text);
    (!s.is_empty()).then_some(s)
}

struct SellerOut {
    id: String,
    name: String,
    email: Option<String>,
    team: String,
    targets: Vec<(MetricColumn, Decimal, String)>,
    baselines: Vec<(MetricColumn, Decimal, String)>,
    quarters: Vec<(MetricColumn, u8, Decimal)>,
}

/// The plan repository's files from the workbook's sheets.
#[allow(clippy::too_many_lines)]
pub fn plan(sheets: &[Sheet], options: &Options) -> Result<Imported, Vec<Problem>> {
    let metrics = Catalogue::built_in();
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    if sheets.iter().all(|s| s.rows.is_empty()) {
        return Err(vec![Problem {
            sheet: String::new(),
            cell: String::new(),
            message: Message::new("xlsx-empty-workbook"),
        }]);
    }

    // The plan's settings: flags, else the `Om planen` sheet.
    let locale = options.locale.unwrap_or_else(|| {
        match about(sheets, &["språk", "locale", "language"]).map(|(v, _, _)| lower(&v)) {
            Some(l) if l == "en" || l == "english" || l == "engelsk" => Locale::En,
            _ => Locale::Nb,
        }
    });
    let period = match options.period {
        Some(p) => Some(p),
        None => match about(
            sheets,
            &["periode", "period", "planår", "plan year", "år", "year"],
        ) {
            Some((text, sheet, cell)) => match Period::parse(&text) {
                Some(Period::Year(y)) => Some(y),
                _ => {
                    problems.push(Problem {
                        sheet,
                        cell,
                        message: Message::new("xlsx-bad-period").text("text", text),
                    });
                    None
                }
            },
            None => {
                problems.push(Problem {
                    sheet: String::new(),
                    cell: String::new(),
                    message: Message::new("xlsx-no-period"),
                });
                None
            }
        },
    };
    let company = options
        .company
        .clone()
        .or_else(|| about(sheets, &["firma", "selskap", "company"]).map(|(v, _, _)| v));
    let currency = about(sheets, &["valuta", "currency"])
        .map(|(v, _, _)| v.trim().to_uppercase())
        .filter(|v| v.len() == 3 && v.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or_else(|| "NOK".to_string());

    // Sellers.
    let seller_sheet = sheet(sheets, &["selgere", "sellers", "selger", "seller"])
        .or_else(|| sheets.iter().find(|s| !s.rows.is_empty()));
    let Some(seller_sheet) = seller_sheet else {
        return Err(problems);
    };
    let sname = seller_sheet.name.as_str();
    let mut sellers: Vec<SellerOut> = Vec::new();
    let default_team = match locale {
        Locale::Nb => "salg",
        Locale::En => "sales",
    };
    let mut team_names: BTreeMap<String, String> = BTreeMap::new();
    if let Some((header_row, cols)) = columns(
        seller_sheet,
        SELLER_FIELDS,
        Some(&metrics),
        &mut notes,
        &mut problems,
    ) {
        let has = |f: &str| {
            cols.values()
                .any(|c| matches!(c, Column::Field(x) if *x == f))
        };
        if !has("id") && !has("name") {
            problems.push(Problem {
                sheet: sname.to_string(),
                cell: a1(header_row, 0),
                message: Message::new("xlsx-no-seller-column"),
            });
        }
        if !cols.values().any(|c| matches!(c, Column::Target(_))) {
            problems.push(Problem {
                sheet: sname.to_string(),
                cell: a1(header_row, 0),
                message: Message::new("xlsx-no-target-column"),
            });
        }
        if !has("team") {
            notes.push(Problem {
                sheet: sname.to_string(),
                cell: a1(header_row, 0),
                message: Message::new("xlsx-no-team-column").text("team", default_team),
            });
        }
        for mc in cols.values() {
            if let Column::Target(mc) = mc
                && metrics.get(&mc.metric).is_some_and(|m| m.activity)
                && mc.per.is_none()
            {
                let col = cols.iter().find(|(_, c)| *c == &Column::Target(mc.clone()));
                problems.push(Problem {
                    sheet: sname.to_string(),
                    cell: col.map_or_else(String::new, |(c, _)| a1(header_row, *c)),
                    message: Message::new("xlsx-no-per").text("metric", &mc.metric),
                });
            }
        }
        check_quarters(seller_sheet, header_row, &cols, &mut problems);
        for row in read_rows(seller_sheet, header_row, &cols, &metrics, &mut problems) {
            let id_text = row.fields.get("id").map(|(t, _)| t.clone());
            let name_text = row.fields.get("name").map(|(t, _)| t.clone());
            let Some(id) = id_text
                .as_deref()
                .or(name_text.as_deref())
                .and_then(id_from)
            else {
                if !row.targets.is_empty() || !row.baselines.is_empty() {
                    problems.push(at_field(sname, &row, "id", Message::new("xlsx-no-seller")));
                }
                continue;
            };
            if let Some(first) = sellers.iter().find(|s| s.id == id) {
                problems.push(at_field(
                    sname,
                    &row,
                    "id",
                    Message::new("xlsx-duplicate-seller")
                        .text("id", &id)
                        .text("first", &first.name),
                ));
                continue;
            }
            let name = name_text
                .or_else(|| id_text.filter(|t| !is_id(t)))
                .unwrap_or_else(|| id.clone());
            let team = match row.fields.get("team") {
                Some((t, at)) => match id_from(t) {
                    Some(tid) => {
                        team_names.entry(tid.clone()).or_insert_with(|| t.clone());
                        tid
                    }
                    None => {
                        problems.push(Problem {
                            sheet: sname.to_string(),
                            cell: at.clone(),
                            message: Message::new("xlsx-bad-id").text("text", t),
                        });
                        continue;
                    }
                },
                None => {
                    team_names
                        .entry(default_team.to_string())
                        .or_insert_with(|| default_team.to_string());
                    default_team.to_string()
                }
            };
            sellers.push(SellerOut {
                id,
                name,
                email: row.fields.get("email").map(|(t, _)| t.clone()),
                team,
                targets: row.targets,
                baselines: row.baselines,
                quarters: row.quarters,
            });
        }
    }
    if sellers.is_empty() && problems.is_empty() {
        problems.push(Problem {
            sheet: sname.to_string(),
            cell: String::new(),
            message: Message::new("xlsx-no-sellers"),
        });
    }

    // Teams: the `Team` sheet, else the sellers' team column.
    struct TeamOut {
        id: String,
        name: String,
        manager: Option<String>,
        parent: Option<String>,
        targets: Vec<(MetricColumn, Decimal, String)>,
        baselines: Vec<(MetricColumn, Decimal, String)>,
        quarters: Vec<(MetricColumn, u8, Decimal)>,
    }
    let mut teams: Vec<TeamOut> = Vec::new();
    let team_sheet = sheet(sheets, &["team", "teams", "teammål", "team goals"]);
    if let Some(ts) = team_sheet
        && let Some((header_row, cols)) =
            columns(ts, TEAM_FIELDS, Some(&metrics), &mut notes, &mut problems)
    {
        check_quarters(ts, header_row, &cols, &mut problems);
        for row in read_rows(ts, header_row, &cols, &metrics, &mut problems) {
            let name_text = row.fields.get("name").map(|(t, _)| t.clone());
            let id_text = row.fields.get("id").map(|(t, _)| t.clone());
            let Some(id) = id_text
                .as_deref()
                .or(name_text.as_deref())
                .and_then(id_from)
            else {
                continue;
            };
            if teams.iter().any(|t| t.id == id) {
                problems.push(at_field(
                    &ts.name,
                    &row,
                    "id",
                    Message::new("xlsx-duplicate-team").text("id", &id),
                ));
                continue;
            }
            let name = name_text
                .or_else(|| team_names.get(&id).cloned())
                .or_else(|| id_text.filter(|t| !is_id(t)))
                .unwrap_or_else(|| id.clone());
            teams.push(TeamOut {
                name,
                manager: row.fields.get("manager").map(|(t, _)| t.clone()),
                parent: row.fields.get("parent").and_then(|(t, _)| id_from(t)),
                targets: row.targets,
                baselines: row.baselines,
                quarters: row.quarters,
                id,
            });
        }
    }
    if team_sheet.is_none() {
        notes.push(Problem {
            sheet: String::new(),
            cell: String::new(),
            message: Message::new("xlsx-no-team-sheet"),
        });
    }
    for (id, name) in &team_names {
        if !teams.iter().any(|t| t.id == *id) {
            teams.push(TeamOut {
                id: id.clone(),
                name: if is_id(name) && name == id {
                    id.clone()
                } else {
                    name.clone()
                },
                manager: None,
                parent: None,
                targets: Vec::new(),
                baselines: Vec::new(),
                quarters: Vec::new(),
            });
        }
    }

    // Customers.
    let mut customers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut customer_count = 0;
    if let Some(cs) = sheet(
        sheets,
        &["kunder", "customers", "kundeliste", "customer list"],
    ) && let Some((header_row, cols)) = columns(
        cs,
        CUSTOMER_FIELDS,
        Some(&metrics),
        &mut notes,
        &mut problems,
    ) {
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        // A seller by id, name or email (case ignored), found once: the
        // first seller in order that any of them names.
        let mut by_key: std::collections::HashMap<String, &SellerOut> =
            std::collections::HashMap::new();
        for s in &sellers {
            let keys = [
                Some(s.id.clone()),
                Some(lower(&s.name)),
                s.email.as_deref().map(lower),
            ];
            for key in keys.into_iter().flatten() {
                by_key.entry(key).or_insert(s);
            }
        }
        let index = |text: &str| -> Option<&SellerOut> { by_key.get(&lower(text)).copied() };
        for row in read_rows(cs, header_row, &cols, &metrics, &mut problems) {
            let id_text = row.fields.get("id").map(|(t, _)| t.clone());
            let name_text = row.fields.get("name").map(|(t, _)| t.clone());
            let Some(id) = id_text
                .as_deref()
                .filter(|t| is_id(t) || name_text.is_none())
                .or(name_text.as_deref())
                .and_then(id_from)
            else {
                continue;
            };
            let owner = match row.fields.get("owner") {
                Some((t, at)) => match index(t) {
                    Some(s) => s.id.clone(),
                    None => {
                        problems.push(Problem {
                            sheet: cs.name.clone(),
                            cell: at.clone(),
                            message: Message::new("import-unknown-seller").text("name", t),
                        });
                        continue;
                    }
                },
                None => {
                    problems.push(at_field(
                        &cs.name,
                        &row,
                        "owner",
                        Message::new("xlsx-no-owner").text("customer", &id),
                    ));
                    continue;
                }
            };
            if let Some(first) = ids.get(&id) {
                problems.push(at_field(
                    &cs.name,
                    &row,
                    "id",
                    Message::new("xlsx-duplicate-customer")
                        .text("id", &id)
                        .text("first", first),
                ));
                continue;
            }
            ids.insert(id.clone(), row.at.clone());
            let name = name_text
                .or_else(|| id_text.filter(|t| !is_id(t)))
                .unwrap_or_else(|| id.clone());
            let mut line = format!("  - {{id: {id}, name: {}", yaml_text(&name));
            let revenue = row
                .numbers
                .get("revenue")
                .map_or(Decimal::ZERO, |(v, _)| *v);
            let _ = write!(line, ", revenue: {}", yaml_number(revenue));
            for field in ["margin", "sales_cost"] {
                if let Some((v, _)) = row.numbers.get(field) {
                    let _ = write!(line, ", {field}: {}", yaml_number(*v));
                }
            }
            if let Some((p, at)) = row.fields.get("potential") {
                let level = match lower(p).as_str() {
                    "lav" | "low" => Some("low".to_string()),
                    "middels" | "medium" => Some("medium".to_string()),
                    "høy" | "hoy" | "high" => Some("high".to_string()),
                    other => parse_value(other, true)
                        .or_else(|| parse_value(other, false))
                        .map(yaml_number),
                };
                match level {
                    Some(l) => {
                        let _ = write!(line, ", potential: {l}");
                    }
                    None => problems.push(Problem {
                        sheet: cs.name.clone(),
                        cell: at.clone(),
                        message: Message::new("xlsx-bad-potential").text("text", p),
                    }),
                }
            }
            if let Some((p, _)) = row.fields.get("prospect")
                && yes(p)
            {
                line.push_str(", prospect: true");
            }
            if !row.targets.is_empty() {
                let values: Vec<String> = row
                    .targets
                    .iter()
                    .map(|(mc, v, _)| format!("{}: {}", mc.metric, yaml_number(*v)))
                    .collect();
                let _ = write!(line, ", target: {{{}}}", values.join(", "));
            }
            line.push_str("}\n");
            customers.entry(owner).or_default().push(line);
            customer_count += 1;
        }
    }

    // The product catalogue: the `Produkter` sheet's names and new
    // products, then any product a column names.
    let mut catalogue: Vec<(String, Option<String>, bool)> = Vec::new();
    if let Some(ps) = sheet(sheets, &["produkter", "products"])
        && let Some((header_row, cols)) =
            columns(ps, PRODUCT_FIELDS, None, &mut notes, &mut problems)
    {
        for row in read_rows(ps, header_row, &cols, &metrics, &mut problems) {
            let id_text = row.fields.get("id").map(|(t, _)| t.clone());
            let name = row.fields.get("name").map(|(t, _)| t.clone());
            let Some(id) = id_text.as_deref().or(name.as_deref()).and_then(id_from) else {
                continue;
            };
            if catalogue.iter().any(|(c, _, _)| *c == id) {
                continue;
            }
            let new = row.fields.get("new").is_some_and(|(t, _)| yes(t));
            catalogue.push((id, name, new));
        }
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let Some(period) = period else {
        return Err(problems);
    };

    // Products named by product columns.
    let mut products: Vec<String> = sellers
        .iter()
        .flat_map(|s| s.targets.iter().chain(&s.baselines))
        .chain(
            teams
                .iter()
                .flat_map(|t| t.targets.iter().chain(&t.baselines)),
        )
        .filter_map(|(mc, _, _)| mc.product.clone())
        .collect();
    products.sort();
    products.dedup();

    let header = format!(
        "# Imported from {} by `salgsmal import plan`.\n",
        options
            .source
            .chars()
            .map(|c| if c.is_control() { '?' } else { c })
            .collect::<String>()
    );
    let mut files = Vec::new();
    let mut config =
        format!("# yaml-language-server: $schema=schemas/config.schema.json\n{header}version: 1\n");
    if let Some(company) = &company {
        let _ = writeln!(config, "company: {}", yaml_text(company));
    }
    let _ = writeln!(
        config,
        "period: {period}\ncurrency: {currency}\nlocale: {}",
        match locale {
            Locale::Nb => "nb",
            Locale::En => "en",
        }
    );
    for p in products {
        if !catalogue.iter().any(|(c, _, _)| *c == p) {
            catalogue.push((p, None, false));
        }
    }
    if !catalogue.is_empty() {
        config.push_str("products:\n");
        for (id, name, new) in &catalogue {
            let mut line = format!("  - {{id: {id}");
            if let Some(name) = name {
                let _ = write!(line, ", name: {}", yaml_text(name));
            }
            if *new {
                line.push_str(", new: true");
            }
            let _ = writeln!(config, "{line}}}");
        }
    }
    files.push(("salgsmal.yaml".to_string(), config));

    for team in &teams {
        let mut out =
            format!("# yaml-language-server: $schema=../schemas/team.schema.json\n{header}");
        let _ = writeln!(out, "name: {}", yaml_text(&team.name));
        if let Some(m) = &team.manager {
            let _ = writeln!(out, "manager: {}", yaml_text(m));
        }
        if let Some(p) = &team.parent {
            let _ = writeln!(out, "parent: {p}");
        }
        if !team.baselines.is_empty() {
            let _ = writeln!(
                out,
                "starting_point:\n  date: {}-12-31\n  values:",
                period - 1
            );
            out.push_str(&values_block("    ", &team.baselines));
        }
        if team.targets.is_empty() {
            notes.push(Problem {
                sheet: team_sheet.map_or_else(String::new, |s| s.name.clone()),
                cell: String::new(),
                message: Message::new("xlsx-no-team-goals").text("team", &team.id),
            });
        } else {
            out.push_str("goals:\n");
            for (mc, v, _) in &team.targets {
                out.push_str(&goal_line(mc, *v, &team.quarters));
            }
        }
        files.push((format!("teams/{}.yaml", team.id), out));
    }

    for s in &sellers {
        let mut out =
            format!("# yaml-language-server: $schema=../schemas/seller.schema.json\n{header}");
        let _ = writeln!(out, "name: {}", yaml_text(&s.name));
        if let Some(e) = &s.email {
            let _ = writeln!(out, "email: {}", yaml_text(e));
        }
        let _ = writeln!(out, "team: {}", s.team);
        let plain: Vec<_> = s
            .baselines
            .iter()
            .filter(|(mc, _, _)| mc.product.is_none())
            .cloned()
            .collect();
        if !plain.is_empty() {
            out.push_str("baseline:\n");
            out.push_str(&values_block("  ", &plain));
        }
        let (goals, kpis): (Vec<_>, Vec<_>) = s
            .targets
            .iter()
            .partition(|(mc, _, _)| RESULT_METRICS.contains(&mc.metric.as_str()));
        if !goals.is_empty() {
            out.push_str("goals:\n");
            for (mc, v, _) in goals {
                out.push_str(&goal_line(mc, *v, &s.quarters));
            }
        }
        if !kpis.is_empty() {
            out.push_str("kpis:\n");
            for (mc, v, _) in kpis {
                out.push_str(&goal_line(mc, *v, &s.quarters));
            }
        }
        files.push((format!("sellers/{}.yaml", s.id), out));
    }

    for (owner, lines) in &customers {
        let mut out = format!(
            "# yaml-language-server: $schema=../schemas/customers.schema.json\n{header}owner: {owner}\ncustomers:\n"
        );
        for line in lines {
            out.push_str(line);
        }
        files.push((format!("customers/{owner}.yaml"), out));
    }

    Ok(Imported {
        files,
        notes,
        sellers: sellers.len(),
        teams: teams.len(),
        customers: customer_count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(h: &str) -> Option<(bool, MetricColumn)> {
        metric_parts(h, &Catalogue::built_in()).map(|(b, _, mc)| (b, mc))
    }

    #[test]
    fn headers_name_metrics_in_both_languages() {
        assert_eq!(
            col("Omsetning").map(|c| c.1.metric).as_deref(),
            Some("revenue")
        );
        assert_eq!(
            col("Revenue").map(|c| c.1.metric).as_deref(),
            Some("revenue")
        );
        assert_eq!(col("Mål").map(|c| c.1.metric).as_deref(), Some("revenue"));
        assert_eq!(col("Mål omsetning").map(|c| c.0), Some(false));
        assert_eq!(col("Startpunkt: Omsetning").map(|c| c.0), Some(true));
        assert_eq!(
            col("Kundetilfredshet (KTI)").map(|c| c.1.metric).as_deref(),
            Some("customer_satisfaction")
        );
        let p = col("Omsetning produktområde (y)").expect("product").1;
        assert_eq!(
            (p.metric.as_str(), p.product.as_deref()),
            ("product_revenue", Some("y"))
        );
        let m = col("Kvalifiserte kundemøter per uke").expect("per").1;
        assert_eq!(
            (m.metric.as_str(), m.per),
            ("qualified_meetings", Some("week"))
        );
        assert_eq!(col("Farge"), None);
        assert_eq!(
            metric_column("Omsetning K2", &Catalogue::built_in()),
            Some(Column::Quarter(
                MetricColumn {
                    metric: "revenue".into(),
                    product: None,
                    per: None
                },
                2
            ))
        );
    }

    #[test]
    fn slugs_and_numbers() {
        assert_eq!(slug("Kari Nordmann"), "kari-nordmann");
        assert_eq!(slug("Bjørn Ærlig-Å"), "bjorn-aerlig-a");
        assert_eq!(yaml_number(Decimal::new(10_000_000, 0)), "10_000_000");
        assert_eq!(yaml_number(Decimal::new(25, 2)), "0.25");
        assert_eq!(yaml_number(Decimal::new(-12_345_678, 1)), "-1_234_567.8");
        assert_eq!(yaml_number(Decimal::new(1500, 0)), "1500");
        assert_eq!(yaml_text("Fjordtre AS"), "Fjordtre AS");
        assert_eq!(yaml_text("yes"), "yes");
        assert_eq!(yaml_text("A: B"), "\"A: B\"");
        assert_eq!(yaml_text("2027"), "\"2027\"");
    }
}

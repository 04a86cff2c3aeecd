//! `salgsmal import actuals FILE.csv --period P [DIR] [--force] [--skip-bad-rows]`:
//! a CRM export into `actuals/<period>.yaml`.
//!
//! The file is UTF-8 (with or without a byte order mark) or, where it is not
//! valid UTF-8, Windows-1252. The separator is guessed from the header line;
//! numbers follow the project's CSV conventions (`source::csv`), and may
//! carry a `kr`/`NOK` prefix and a trailing `,-`. Every row adds its values
//! to its seller's; a row that cannot be read is reported with its line and
//! column, and nothing is written unless `--skip-bad-rows`.

use super::{Global, start_dir};
use crate::cli::ImportActualsArgs;
use crate::i18n::{Arg, Localizer, Message};
use crate::load;
use crate::model::metrics::Kind;
use crate::model::period::Period;
use crate::model::{ImportSettings, Plan};
use crate::source::csv::{self, Cell};
use crate::source::yaml::{Pos, Scalar, resolve_plain};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::ExitCode;

/// Values per seller id, then metric id.
pub type Sums = BTreeMap<String, BTreeMap<String, Decimal>>;

/// Revenue and contribution per customer id.
pub type CustomerSums = BTreeMap<String, (Option<Decimal>, Option<Decimal>)>;

/// A row that cannot be imported, where and why.
pub struct BadRow {
    pub pos: Pos,
    pub message: Message,
}

pub fn execute_actuals(args: &ImportActualsArgs, global: Global) -> anyhow::Result<ExitCode> {
    let root = load::find_root(&start_dir(args.dir.as_deref()))?;
    let loc = Localizer::new(super::config_locale(&root), "NOK");
    let say = |m: Message| loc.format(&m);
    let loaded = load::load(&root)?;
    let plan = &loaded.plan;

    let period = plan_period(&args.period, plan).map_err(|m| anyhow::anyhow!(say(m)))?;
    let target = format!("actuals/{period}.yaml");
    let dir = root.join("actuals");
    if dir.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
        anyhow::bail!(say(
            Message::new("import-not-a-folder").text("path", "actuals")
        ));
    }
    if root.join(&target).symlink_metadata().is_ok() && !args.force {
        anyhow::bail!(say(Message::new("import-exists").text("path", &target)));
    }
    for entry in &plan.actuals {
        let path = &plan.files[entry.file].path;
        if *path != target && entry.data.period.overlaps(period) {
            anyhow::bail!(say(Message::new("import-overlap")
                .text("path", path)
                .text("other", entry.data.period.to_string())
                .text("period", period.to_string())));
        }
    }
    let settings = plan.config.as_ref().and_then(|c| c.data.import.as_ref());
    if let Some(s) = settings
        && let Some(metric) = s.metrics.keys().find(|m| plan.metrics.get(m).is_none())
    {
        anyhow::bail!(say(
            Message::new("import-unknown-metric").text("metric", metric)
        ));
    }

    let shown_file = args.file.display().to_string();
    let text = read_text(&args.file).map_err(|m| anyhow::anyhow!(say(m)))?;
    let Converted {
        sums,
        customers: customer_sums,
        rows_per_seller,
        good,
        bad,
    } = match convert(&text, plan) {
        Ok(converted) => converted,
        Err(Refused::At(pos, message)) => {
            report(&loc, "import-row-error", &shown_file, pos, &message);
            super::eprintln(&say(Message::new("import-nothing-written")));
            return Ok(ExitCode::from(1));
        }
        Err(Refused::NoRows) => {
            super::eprintln(&say(
                Message::new("import-no-rows").text("file", &shown_file)
            ));
            return Ok(ExitCode::from(1));
        }
    };

    let level = if args.skip_bad_rows {
        "import-row-skipped"
    } else {
        "import-row-error"
    };
    for problem in &bad {
        report(&loc, level, &shown_file, problem.pos, &problem.message);
    }
    if !bad.is_empty() && !args.skip_bad_rows {
        super::eprintln(&say(Message::new("import-nothing-written")));
        return Ok(ExitCode::from(1));
    }
    if sums.is_empty() {
        super::eprintln(&say(
            Message::new("import-no-rows").text("file", &shown_file)
        ));
        return Ok(ExitCode::from(1));
    }

    let name = args
        .file
        .file_name()
        .map_or_else(|| shown_file.clone(), |n| n.to_string_lossy().into_owned());
    let modeline = root.join("schemas/actuals.schema.json").is_file();
    let yaml = actuals_yaml(&name, period, (&sums, &customer_sums), modeline);
    if !dir.exists() {
        std::fs::create_dir(&dir).map_err(|e| {
            anyhow::anyhow!(say(Message::new("import-write-failed")
                .text("path", "actuals")
                .text("error", e.to_string())))
        })?;
    }
    write_atomically(&dir, &format!("{period}.yaml"), &yaml, args.force)
        .map_err(|m| anyhow::anyhow!(say(m.text("path", &target))))?;

    if !global.quiet {
        super::println(&say(Message::new("import-wrote")
            .text("path", &target)
            .count("sellers", sums.len())
            .count("rows", good)))?;
        for (seller, values) in &sums {
            let values: Vec<String> = values
                .iter()
                .map(|(metric, value)| {
                    let kind = plan.metrics.get(metric).map(|m| m.kind);
                    let shown = match kind {
                        Some(Kind::Money) => Arg::money(*value),
                        Some(Kind::Ratio) => Arg::percent(*value),
                        _ => Arg::number(*value),
                    };
                    format!("{metric} {}", loc.shown(&shown))
                })
                .collect();
            let rows = Message::new("import-seller-rows").count(
                "rows",
                rows_per_seller.get(seller).copied().unwrap_or_default(),
            );
            super::println(&format!(
                "  {seller} ({}): {}",
                say(rows),
                values.join(", ")
            ))?;
        }
        if !customer_sums.is_empty() {
            super::println(&format!(
                "  {}",
                say(Message::new("import-customers").count("customers", customer_sums.len()))
            ))?;
        }
        if !bad.is_empty() {
            super::println(&say(
                Message::new("import-skipped").count("count", bad.len())
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What a CRM export adds up to: the values per seller and per customer,
/// the rows read per seller, and every row that could not be read.
pub struct Converted {
    pub sums: Sums,
    pub customers: CustomerSums,
    pub rows_per_seller: BTreeMap<String, usize>,
    pub good: usize,
    pub bad: Vec<BadRow>,
}

/// Why a CRM export gives nothing at all.
pub enum Refused {
    /// A CSV syntax error or a header without the columns needed.
    At(Pos, Message),
    /// No rows.
    NoRows,
}

/// A CRM export's text read against the plan's sellers, customers, metrics
/// and import settings. Writes nothing.
pub fn convert(text: &str, plan: &Plan) -> Result<Converted, Refused> {
    let settings = plan.config.as_ref().and_then(|c| c.data.import.as_ref());
    let delimiter = csv::delimiter(text);
    let rows = match csv::records(text, delimiter) {
        Ok(rows) => rows,
        Err(issue) => {
            let message = match issue.problem {
                csv::Problem::TextAfterQuote => Message::new("csv-text-after-quote"),
                csv::Problem::QuoteInCell => Message::new("csv-quote-in-cell"),
                _ => Message::new("csv-unclosed-quote"),
            };
            return Err(Refused::At(issue.pos, message));
        }
    };
    let Some((header, body)) = rows.split_first() else {
        return Err(Refused::NoRows);
    };
    let default = ImportSettings::default();
    let columns = match Columns::find(header, settings.unwrap_or(&default), plan) {
        Ok(columns) => columns,
        Err(message) => return Err(Refused::At(Pos { line: 1, column: 1 }, message)),
    };

    let sellers = NameIndex::sellers(plan);
    let customers = NameIndex::customers(plan);
    let decimal_comma = delimiter != ',';
    let mut sums = Sums::new();
    let mut customer_sums = CustomerSums::new();
    let mut rows_per_seller: BTreeMap<String, usize> = BTreeMap::new();
    let mut first_line: HashMap<(String, String), usize> = HashMap::new();
    let mut bad = Vec::new();
    let mut good = 0usize;
    for row in body {
        if row.len() == 1 && row[0].text.trim().is_empty() {
            continue;
        }
        match read_row(row, header, &columns, (&sellers, &customers), decimal_comma) {
            Err(problems) => bad.extend(problems),
            Ok((seller, customer, values)) => {
                let line = row.first().map_or(0, |c| c.pos.line);
                // A ratio or a score cannot be added up: one row each; and a
                // ratio lies within 0..=1 (`0,24` or `24 %`).
                let wrong: Vec<BadRow> = values
                    .iter()
                    .filter_map(|(metric, value, cell)| {
                        let kind = plan.metrics.get(metric).map(|m| m.kind);
                        let first = first_line.get(&(seller.clone(), metric.clone()));
                        let message = match (kind, first) {
                            (Some(Kind::Ratio | Kind::Score), Some(first)) => {
                                Message::new("import-not-additive")
                                    .text("seller", &seller)
                                    .text("metric", metric)
                                    .text("line", first.to_string())
                            }
                            (Some(Kind::Ratio), _) if *value > Decimal::ONE => {
                                Message::new("import-not-a-ratio")
                                    .text("text", cell.text.trim())
                                    .text("metric", metric)
                            }
                            _ => return None,
                        };
                        Some(BadRow {
                            pos: cell.pos,
                            message,
                        })
                    })
                    .collect();
                if !wrong.is_empty() {
                    bad.extend(wrong);
                    continue;
                }
                if let Some(customer) = customer {
                    let entry = customer_sums.entry(customer).or_default();
                    for (metric, value, _) in &values {
                        let slot = match metric.as_str() {
                            "revenue" => &mut entry.0,
                            "contribution" => &mut entry.1,
                            _ => continue,
                        };
                        *slot = Some(slot.unwrap_or_default() + value);
                    }
                }
                let seller_sums = sums.entry(seller.clone()).or_default();
                for (metric, value, _) in values {
                    first_line
                        .entry((seller.clone(), metric.clone()))
                        .or_insert(line);
                    *seller_sums.entry(metric).or_default() += value;
                }
                *rows_per_seller.entry(seller).or_default() += 1;
                good += 1;
            }
        }
    }
    Ok(Converted {
        sums,
        customers: customer_sums,
        rows_per_seller,
        good,
        bad,
    })
}

/// Print one located problem on standard error.
fn report(loc: &Localizer, level: &'static str, file: &str, pos: Pos, message: &Message) {
    super::eprintln(&format!(
        "{}: {file}:{}:{}: {}",
        loc.format(&Message::new(level)),
        pos.line,
        pos.column,
        escape(&loc.format(message))
    ));
}

/// Control characters from the file shown as `\u{..}`, so a CSV (or a
/// workbook) cannot forge terminal sequences or CI annotations.
pub(super) fn escape(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The period argument: a month or a quarter within the plan year.
fn plan_period(text: &str, plan: &Plan) -> Result<Period, Message> {
    let period = match Period::parse(text) {
        Some(p @ (Period::Month(..) | Period::Quarter(..))) => p,
        _ => return Err(Message::new("import-bad-period").text("period", text)),
    };
    let year = plan
        .config
        .as_ref()
        .and_then(|c| c.data.period)
        .map(Period::year);
    match year {
        Some(year) if year != period.year() => Err(Message::new("import-period-outside")
            .text("period", period.to_string())
            .text("year", year.to_string())),
        _ => Ok(period),
    }
}

/// The file's text: UTF-8 (a byte order mark dropped), else Windows-1252.
fn read_text(path: &Path) -> Result<String, Message> {
    let failed = |e: std::io::Error| {
        Message::new("import-read-failed")
            .text("path", path.display().to_string())
            .text("error", e.to_string())
    };
    let file = std::fs::File::open(path).map_err(failed)?;
    let mut bytes = Vec::new();
    file.take(load::DEFAULT_MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > load::DEFAULT_MAX_FILE_BYTES {
        return Err(Message::new("import-too-large")
            .text("path", path.display().to_string())
            .count(
                "max",
                usize::try_from(load::DEFAULT_MAX_FILE_BYTES).unwrap_or(usize::MAX),
            ));
    }
    Ok(decode(&bytes))
}

/// Bytes as text: UTF-8 where they are valid UTF-8, else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// The Windows-1252 characters of 0x80–0x9F (the five it leaves undefined
/// kept as the C1 controls, as browsers do).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

fn windows_1252(byte: u8) -> char {
    if (0x80..0xA0).contains(&byte) {
        CP1252_HIGH[usize::from(byte - 0x80)]
    } else {
        char::from(byte)
    }
}

pub use crate::model::number::parse_value;

/// Where the seller, the customer and the values are in the header.
struct Columns {
    seller: usize,
    /// The customer column, where the rows name customers.
    customer: Option<usize>,
    /// (metric id, column index, column name)
    metrics: Vec<(String, usize, String)>,
}

impl Columns {
    fn find(header: &[Cell], settings: &ImportSettings, plan: &Plan) -> Result<Self, Message> {
        let names: Vec<String> = header.iter().map(|c| c.text.trim().to_string()).collect();
        let index = |name: &str| {
            let name = name.trim();
            let name = name.to_lowercase();
            names.iter().position(|n| n.to_lowercase() == name)
        };
        let seller_name = settings.seller.as_deref().unwrap_or("seller");
        let seller = index(seller_name).ok_or_else(|| {
            Message::new("import-no-seller-column")
                .text("column", seller_name)
                .text("columns", names.join(", "))
        })?;
        let customer = match settings.customer.as_deref() {
            Some(name) => Some(index(name).ok_or_else(|| {
                Message::new("import-no-customer-column")
                    .text("column", name)
                    .text("columns", names.join(", "))
            })?),
            None if settings.metrics.is_empty() => index("customer"),
            None => None,
        };
        let mut metrics = Vec::new();
        if settings.metrics.is_empty() {
            for (i, name) in names.iter().enumerate() {
                let id = name.to_lowercase();
                if i != seller && Some(i) != customer && plan.metrics.get(&id).is_some() {
                    metrics.push((id, i, name.clone()));
                }
            }
            if metrics.is_empty() {
                return Err(
                    Message::new("import-no-metric-columns").text("columns", names.join(", "))
                );
            }
        } else {
            for (metric, column) in &settings.metrics {
                let i = index(column).ok_or_else(|| {
                    Message::new("import-no-metric-column")
                        .text("column", column)
                        .text("metric", metric)
                        .text("columns", names.join(", "))
                })?;
                metrics.push((metric.clone(), i, names[i].clone()));
            }
        }
        Ok(Self {
            seller,
            customer,
            metrics,
        })
    }
}

/// Ids by the names a CSV may use for them (lowercase, trimmed): sellers
/// by id, email and name; customers by id and name.
struct NameIndex {
    keys: HashMap<String, Vec<String>>,
    /// The messages for a name that fits none, and one that fits several.
    unknown: &'static str,
    ambiguous: &'static str,
}

impl NameIndex {
    fn new(unknown: &'static str, ambiguous: &'static str) -> Self {
        Self {
            keys: HashMap::new(),
            unknown,
            ambiguous,
        }
    }

    fn add(&mut self, key: &str, id: &str) {
        let ids = self.keys.entry(key.trim().to_lowercase()).or_default();
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
    }

    fn sellers(plan: &Plan) -> Self {
        let mut index = Self::new("import-unknown-seller", "import-ambiguous-seller");
        for entry in &plan.sellers {
            let s = &entry.data;
            let names = [
                Some(entry.id.as_str()),
                s.id.as_deref(),
                s.email.as_deref(),
                Some(s.name.as_str()),
            ];
            for key in names.into_iter().flatten() {
                index.add(key, &entry.id);
            }
        }
        index
    }

    fn customers(plan: &Plan) -> Self {
        let mut index = Self::new("import-unknown-customer", "import-ambiguous-customer");
        for list in &plan.customers {
            for c in &list.data.customers {
                index.add(&c.id, &c.id);
                index.add(&c.name, &c.id);
            }
        }
        index
    }

    /// The id `text` names, or why it names none.
    fn find(&self, text: &str) -> Result<&str, Message> {
        match self
            .keys
            .get(&text.trim().to_lowercase())
            .map(Vec::as_slice)
        {
            Some([id]) => Ok(id),
            Some(ids) if ids.len() > 1 => Err(Message::new(self.ambiguous)
                .text("name", text.trim())
                .text("ids", ids.join(", "))),
            _ => Err(Message::new(self.unknown).text("name", text.trim())),
        }
    }
}

/// The id a cell names, or a bad row saying why it names none.
fn found(index: &NameIndex, cell: &Cell, problems: &mut Vec<BadRow>) -> Option<String> {
    match index.find(&cell.text) {
        Ok(id) => Some(id.to_string()),
        Err(message) => {
            problems.push(BadRow {
                pos: cell.pos,
                message,
            });
            None
        }
    }
}

/// A row read: its seller, its customer (where the rows name customers)
/// and (metric, value, cell) for every non-empty value cell.
type Row<'a> = (String, Option<String>, Vec<(String, Decimal, &'a Cell)>);

/// One row read, or every problem the row has.
fn read_row<'a>(
    row: &'a [Cell],
    header: &[Cell],
    columns: &Columns,
    (sellers, customers): (&NameIndex, &NameIndex),
    decimal_comma: bool,
) -> Result<Row<'a>, Vec<BadRow>> {
    let mut problems = Vec::new();
    let end = row.last().map_or(Pos { line: 1, column: 1 }, |c| c.end);
    let missing = |column: &str| BadRow {
        pos: end,
        message: Message::new("import-missing-cell").text("column", column),
    };
    if row.len() > header.len() {
        problems.push(BadRow {
            pos: row[header.len()].pos,
            message: Message::new("csv-row-length")
                .count("cells", row.len())
                .count("columns", header.len()),
        });
    }
    let seller = match row.get(columns.seller) {
        None => {
            problems.push(missing(header[columns.seller].text.trim()));
            None
        }
        Some(cell) if cell.text.trim().is_empty() => {
            problems.push(BadRow {
                pos: cell.pos,
                message: Message::new("import-no-seller"),
            });
            None
        }
        Some(cell) => found(sellers, cell, &mut problems),
    };
    // An empty customer cell: the row counts for its seller only.
    let customer = match columns.customer.and_then(|i| row.get(i)) {
        Some(cell) if !cell.text.trim().is_empty() => found(customers, cell, &mut problems),
        _ => None,
    };
    let mut values = Vec::new();
    for (metric, index, name) in &columns.metrics {
        let Some(cell) = row.get(*index) else {
            problems.push(missing(name));
            continue;
        };
        let text = cell.text.trim();
        if text.is_empty() || text == "-" {
            continue;
        }
        match parse_value(text, decimal_comma) {
            Some(value) => values.push((metric.clone(), value, cell)),
            None => problems.push(BadRow {
                pos: cell.pos,
                message: Message::new("import-bad-number")
                    .text("text", text)
                    .text("column", name),
            }),
        }
    }
    match seller {
        Some(seller) if problems.is_empty() => Ok((seller, customer, values)),
        _ => Err(problems),
    }
}

/// The actuals file: a header comment, `period`, `as_of`, the sellers'
/// values and the customers' revenue and contribution, keys sorted, numbers
/// exact.
pub fn actuals_yaml(
    file: &str,
    period: Period,
    (sums, customers): (&Sums, &CustomerSums),
    modeline: bool,
) -> String {
    let file: String = file
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    let mut out = format!("# Imported from {file} by `salgsmal import actuals`.\n");
    if modeline {
        out.push_str("# yaml-language-server: $schema=../schemas/actuals.schema.json\n");
    }
    out.push_str(&format!(
        "period: {period}\nas_of: {}\nsellers:\n",
        period.end()
    ));
    for (seller, values) in sums {
        if values.is_empty() {
            // A row with a seller and no values: known, but nothing to add.
            out.push_str(&format!("  {}: {{}}\n", key(seller)));
            continue;
        }
        out.push_str(&format!("  {}:\n", key(seller)));
        for (metric, value) in values {
            out.push_str(&format!("    {}: {}\n", key(metric), value.normalize()));
        }
    }
    if !customers.is_empty() {
        out.push_str("customers:\n");
    }
    for (customer, (revenue, contribution)) in customers {
        let fields: Vec<String> = [("revenue", revenue), ("contribution", contribution)]
            .into_iter()
            .filter_map(|(name, v)| v.map(|v| format!("{name}: {}", v.normalize())))
            .collect();
        out.push_str(&format!("  {}: {{{}}}\n", key(customer), fields.join(", ")));
    }
    out
}

/// A mapping key as YAML reads it back as the same string.
fn key(text: &str) -> String {
    match resolve_plain(text) {
        Scalar::Str(_) => text.to_string(),
        _ => format!("\"{text}\""),
    }
}

/// Write `dir/name` through an exclusively created temp file in the same
/// folder, renamed into place; without `force`, never over an existing file.
/// The error's message lacks its `path`.
pub(super) fn write_atomically(
    dir: &Path,
    name: &str,
    text: &str,
    force: bool,
) -> Result<(), Message> {
    let failed =
        |e: &std::io::Error| Message::new("import-write-failed").text("error", e.to_string());
    let dest = dir.join(name);
    // Staged in a temp file created exclusively under an unpredictable name
    // (never through a link planted in the folder), then put in place.
    let mut tmp = tempfile::Builder::new()
        .prefix(".salgsmal-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| failed(&e))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| failed(&e))?;
    if force {
        tmp.persist(&dest).map_err(|e| failed(&e.error))?;
    } else {
        // No overwrite, even of a file that appeared since the check.
        tmp.persist_noclobber(&dest).map_err(|e| failed(&e.error))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str, comma: bool) -> Option<String> {
        parse_value(text, comma).map(|d| d.normalize().to_string())
    }

    #[test]
    fn crm_numbers() {
        assert_eq!(n("kr 1 234 567,50", true).as_deref(), Some("1234567.5"));
        assert_eq!(n("1.234.567,-", true).as_deref(), Some("1234567"));
        assert_eq!(n("NOK 12 000", true).as_deref(), Some("12000"));
        assert_eq!(n("1\u{a0}500 kr", true).as_deref(), Some("1500"));
        assert_eq!(n("-kr 500", true).as_deref(), Some("-500"));
        assert_eq!(n("kr -500,-", true).as_deref(), Some("-500"));
        assert_eq!(n("\u{2212}40 000", true).as_deref(), Some("-40000"));
        assert_eq!(n("1,234,567.50", false).as_deref(), Some("1234567.5"));
        assert_eq!(n("24 %", true).as_deref(), Some("0.24"));
        assert_eq!(n("1.5", true), None);
        assert_eq!(n("--5", true), None);
        assert_eq!(n("abc", true), None);
    }

    #[test]
    fn windows_1252_and_bom() {
        assert_eq!(decode(b"Bj\xF8rn \x80"), "Bjørn €");
        assert_eq!(decode("\u{feff}Bjørn".as_bytes()), "Bjørn");
    }
}

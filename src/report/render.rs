//! Rendering reports: the template environment (built-in templates, a plan's
//! own `templates/` folder, locale filters, charts) and writing the files
//! atomically into the output folder.

use super::charts;
use crate::i18n::Fmt;
use crate::model::Locale;
use crate::model::period::Period;
use minijinja::value::Value as JValue;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, UndefinedBehavior};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The built-in templates, embedded in the binary (`templates/` in the
/// source tree, where users can read them).
pub const BUILTIN: &[(&str, &str)] = &[
    ("team.html", include_str!("../../templates/team.html")),
    ("team.md", include_str!("../../templates/team.md")),
    ("seller.html", include_str!("../../templates/seller.html")),
    ("seller.md", include_str!("../../templates/seller.md")),
    ("review.html", include_str!("../../templates/review.html")),
    ("review.md", include_str!("../../templates/review.md")),
    (
        "partials/base.html",
        include_str!("../../templates/partials/base.html"),
    ),
    (
        "partials/style.css",
        include_str!("../../templates/partials/style.css"),
    ),
    (
        "partials/findings.html",
        include_str!("../../templates/partials/findings.html"),
    ),
    (
        "partials/findings.md",
        include_str!("../../templates/partials/findings.md"),
    ),
    (
        "partials/history.html",
        include_str!("../../templates/partials/history.html"),
    ),
    (
        "partials/history.md",
        include_str!("../../templates/partials/history.md"),
    ),
    (
        "partials/scenario.html",
        include_str!("../../templates/partials/scenario.html"),
    ),
    (
        "partials/scenario.md",
        include_str!("../../templates/partials/scenario.md"),
    ),
];

/// How much work one report may do before it is stopped (a template that
/// loops forever).
pub const FUEL: u64 = 20_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    Team,
    Seller,
    Review,
}

impl Report {
    fn name(self) -> &'static str {
        match self {
            Report::Team => "team",
            Report::Seller => "seller",
            Report::Review => "review",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Html,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

/// What to render.
#[derive(Clone, Debug)]
pub struct Options {
    pub reports: Vec<Report>,
    pub format: Format,
    pub team: Option<String>,
    pub seller: Option<String>,
}

/// A rendered report: its file name in the output folder and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub file: String,
    pub text: String,
}

/// A template that failed, with where.
#[derive(Debug)]
pub struct TemplateError {
    /// `templates/team.html` for the plan's own, `built-in team.html` else.
    pub template: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.template, self.message),
            None => write!(f, "{}: {}", self.template, self.message),
        }
    }
}

impl std::error::Error for TemplateError {}

/// Whether a template name stays inside the templates folder.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.contains('\\')
        && !name.contains(':')
        && Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

fn decimal(v: &JValue) -> Option<Decimal> {
    if let Ok(i) = i64::try_from(v.clone()) {
        return Some(Decimal::from(i));
    }
    f64::try_from(v.clone())
        .ok()
        .and_then(Decimal::from_f64_retain)
        .map(|d| d.round_dp(10))
}

const DASH: &str = "—";

fn format_date(text: &str, locale: Locale) -> String {
    super::labels::date(text, locale)
}

fn format_period(text: &str, locale: Locale) -> String {
    const NB: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match (Period::parse(text), locale) {
        (Some(Period::Year(y)), _) => y.to_string(),
        (Some(Period::Quarter(y, q)), Locale::Nb) => format!("{q}. kvartal {y}"),
        (Some(Period::Quarter(y, q)), Locale::En) => format!("Q{q} {y}"),
        (Some(Period::Month(y, m)), Locale::Nb) => format!("{} {y}", NB[usize::from(m - 1)]),
        (Some(Period::Month(y, m)), Locale::En) => format!("{} {y}", EN[usize::from(m - 1)]),
        (None, _) => text.to_string(),
    }
}

fn json(v: &JValue) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// The parts of a team the path chart reads (not its customers, which a
/// plan may have many of).
fn staircase_json(team: &JValue) -> Value {
    let mut out = serde_json::Map::new();
    for key in ["starting_point", "milestones", "main_goal", "path"] {
        out.insert(key.to_string(), json(&attr(team, key)));
    }
    Value::Object(out)
}

/// How many customers the HTML portfolio chart draws, and the Markdown
/// quadrant chart lists: the largest by revenue; the tables list them all.
pub const CHART_CUSTOMERS: usize = 150;
pub const QUADRANT_CUSTOMERS: usize = 50;

/// The `n` customers of a list with the largest revenue (in the list's
/// order when it has no more), and how many the list holds.
fn largest(customers: &JValue, n: usize) -> (Vec<Value>, usize) {
    let revenue = |c: &JValue| {
        c.get_attr("revenue")
            .ok()
            .and_then(|r| f64::try_from(r).ok())
            .unwrap_or(0.0)
    };
    let mut all: Vec<JValue> = customers
        .try_iter()
        .map(Iterator::collect)
        .unwrap_or_default();
    let total = all.len();
    if total > n {
        all.sort_by(|a, b| revenue(b).total_cmp(&revenue(a)));
        all.truncate(n);
    }
    (all.iter().map(json).collect(), total)
}

/// The template environment for a plan: built-in templates, overridden by
/// the plan's own `templates/` folder, which is the only place templates
/// load from.
pub fn environment(plan_root: &Path, fmt: &Fmt) -> Environment<'static> {
    environment_with(plan_root, None, fmt)
}

/// The template environment with the plan's own templates given as text
/// (`templates/` of a git revision, by their names relative to it) instead
/// of read from the folder.
pub fn environment_with(
    plan_root: &Path,
    given: Option<std::collections::BTreeMap<String, String>>,
    fmt: &Fmt,
) -> Environment<'static> {
    let mut env = Environment::new();
    // A revision's templates are named in messages as the plan's own
    // (`templates/team.html`), whatever the working tree has.
    if let Some(given) = &given {
        env.add_global(
            PLAN_TEMPLATES,
            JValue::from_iter(given.keys().cloned().map(JValue::from)),
        );
    }
    // The plan's own templates, only from a folder inside the plan (a
    // `templates` link out of the plan is not followed).
    let root = plan_root.canonicalize().ok();
    let dir: Option<PathBuf> = plan_root
        .join("templates")
        .canonicalize()
        .ok()
        .filter(|d| d.is_dir() && given.is_none())
        .filter(|d| root.as_ref().is_some_and(|r| d.starts_with(r)));
    env.set_loader(move |name| {
        if !safe_name(name) {
            return Err(Error::new(
                ErrorKind::InvalidOperation,
                format!("template `{name}` lies outside the templates folder: names are relative to templates/ and may not use `..` or absolute paths"),
            ));
        }
        if let Some(text) = given.as_ref().and_then(|g| g.get(name)) {
            return Ok(Some(text.clone()));
        }
        if let Some(dir) = &dir {
            let path = dir.join(name);
            if path.is_file() {
                let real = path.canonicalize().map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))?;
                if !real.starts_with(dir) {
                    return Err(Error::new(ErrorKind::InvalidOperation, format!("template `{name}` links outside the templates folder")));
                }
                return std::fs::read_to_string(&real)
                    .map(Some)
                    .map_err(|e| Error::new(ErrorKind::InvalidOperation, format!("cannot read templates/{name}: {e}")));
            }
        }
        Ok(BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| (*t).to_string()))
    });
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else if name.ends_with(".md") {
            AutoEscape::Custom("markdown")
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        // A missing value (`none`) prints as nothing, not as the word.
        if value.is_none() {
            return Ok(());
        }
        super::budget::count(state, value.as_str().map_or(24, str::len))?;
        if state.auto_escape() == AutoEscape::Custom("markdown") {
            if value.is_safe() || value.as_str().is_none() {
                if value.is_undefined() || value.is_none() {
                    return Ok(());
                }
                return write!(out, "{value}").map_err(Error::from);
            }
            return write!(
                out,
                "{}",
                crate::diag::markdown(value.as_str().unwrap_or_default())
            )
            .map_err(Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    // Filters that allocate from a number refuse numbers no report needs
    // (the built-ins stay reachable under their own names, for ours).
    env.add_filter("salgsmal_indent", minijinja::filters::indent);
    env.add_filter("indent", super::budget::indent);
    env.add_filter("salgsmal_format", minijinja::filters::format);
    env.add_filter("format", super::budget::format);
    env.set_keep_trailing_newline(true);

    let f = fmt.clone();
    env.add_filter("money", move |v: JValue| {
        decimal(&v).map_or_else(|| DASH.to_string(), |d| f.money(d))
    });
    let f = fmt.clone();
    env.add_filter("percent", move |v: JValue| {
        decimal(&v).map_or_else(|| DASH.to_string(), |d| f.percent(d))
    });
    let f = fmt.clone();
    env.add_filter("number", move |v: JValue, dp: Option<u32>| {
        decimal(&v).map_or_else(|| DASH.to_string(), |d| f.number_dp(d, dp.unwrap_or(2)))
    });
    let f = fmt.clone();
    env.add_filter("short_money", move |v: JValue| {
        f64::try_from(v).map_or_else(|_| DASH.to_string(), |x| charts::short_money(&f, x))
    });
    let f = fmt.clone();
    env.add_filter("value", move |v: JValue, kind: Option<String>| {
        decimal(&v).map_or_else(
            || DASH.to_string(),
            |d| match kind.as_deref() {
                Some("money") => f.money(d),
                Some("ratio") => f.percent(d),
                _ => f.number(d),
            },
        )
    });
    let locale = fmt.locale;
    env.add_filter("date", move |v: JValue| {
        v.as_str()
            .map_or_else(|| DASH.to_string(), |s| format_date(s, locale))
    });
    // A missing value (`none`) gives an empty string, never the word.
    let text = |v: &JValue| {
        if v.is_none() || v.is_undefined() {
            String::new()
        } else {
            v.to_string()
        }
    };
    env.add_filter("period", move |v: JValue| {
        v.as_str()
            .map_or_else(|| text(&v), |s| format_period(s, locale))
    });
    let f = fmt.clone();
    env.add_filter("count", move |v: JValue, noun: String| {
        // `1 kunde`, `2 kunder`: the noun from the labels `<noun>_one` and
        // `<noun>_other` (one and many are the plural forms of nb and en).
        let n = decimal(&v).unwrap_or_default();
        let form = if n == Decimal::ONE { "one" } else { "other" };
        let word = super::labels::label(locale, &format!("{noun}_{form}")).unwrap_or(&noun);
        format!("{} {word}", f.number_dp(n, 0))
    });
    env.add_filter("md", move |v: JValue| {
        JValue::from_safe_string(crate::diag::markdown(&text(&v)))
    });
    env.add_filter("mermaid", move |v: JValue| {
        JValue::from_safe_string(charts::mermaid(&text(&v)))
    });
    env.add_filter("width", |v: JValue| {
        // A 0..1 share as a CSS width in percent.
        f64::try_from(v)
            .map_or(0.0, |x| (x * 100.0).clamp(0.0, 100.0))
            .round()
    });
    let f = fmt.clone();
    env.add_function(
        "portfolio_chart",
        move |customers: JValue, thresholds: JValue, labels: JValue, quadrants: Vec<String>| {
            let (customers, total) = largest(&customers, CHART_CUSTOMERS);
            let q: Vec<&str> = quadrants
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat(""))
                .take(4)
                .collect();
            JValue::from_safe_string(charts::portfolio_svg(
                &customers,
                &json(&thresholds),
                &json(&labels),
                [q[0], q[1], q[2], q[3]],
                total,
                &f,
            ))
        },
    );
    let f = fmt.clone();
    env.add_function("allocation_chart", move |goal: JValue| {
        JValue::from_safe_string(charts::allocation_svg(&json(&goal), &f))
    });
    let f = fmt.clone();
    env.add_function("milestone_chart", move |team: JValue, labels: JValue| {
        JValue::from_safe_string(charts::milestones_svg(&json(&team), &json(&labels), &f))
    });
    let f = fmt.clone();
    env.add_function(
        "path_chart",
        move |team: JValue, labels: JValue, year_start: Option<String>| {
            JValue::from_safe_string(charts::path_svg(
                &staircase_json(&team),
                &json(&labels),
                year_start.as_deref(),
                &f,
            ))
        },
    );
    env.add_function("path_table", |team: JValue| {
        JValue::from_serialize(charts::path_table(&staircase_json(&team)))
    });
    let f = fmt.clone();
    env.add_function(
        "progress_bar",
        move |evaluation: JValue, kind: Option<String>, labels: JValue| {
            JValue::from_safe_string(charts::progress_html(
                &json(&evaluation),
                kind.as_deref().unwrap_or("count"),
                &json(&labels),
                &f,
            ))
        },
    );
    env.add_function(
        "quadrant_points",
        |customers: JValue, thresholds: JValue| {
            let (customers, _) = largest(&customers, QUADRANT_CUSTOMERS);
            let _ = &thresholds;
            let scale = charts::Scale::new(&customers);
            let points: Vec<Value> = customers
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "name": c["name"],
                        "x": (scale.place(c).0 * 100.0).round() / 100.0,
                        "y": (scale.place(c).1 * 100.0).round() / 100.0,
                    })
                })
                .collect();
            JValue::from_serialize(points)
        },
    );
    env
}

/// The names of a revision's own templates, as a global of the
/// environment (see [`environment_with`]).
const PLAN_TEMPLATES: &str = "salgsmal_plan_templates";

/// Where the plan's own templates are: its folder, or a revision's names.
enum PlanTemplates {
    Folder(PathBuf),
    Names(std::collections::HashSet<String>),
}

impl PlanTemplates {
    fn of(env: &Environment<'_>, plan_root: &Path) -> Self {
        match env.globals().find(|(name, _)| *name == PLAN_TEMPLATES) {
            Some((_, names)) => PlanTemplates::Names(
                items(&names)
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_string))
                    .collect(),
            ),
            None => PlanTemplates::Folder(plan_root.join("templates")),
        }
    }

    fn has(&self, name: &str) -> bool {
        match self {
            PlanTemplates::Folder(dir) => dir.join(name).exists(),
            PlanTemplates::Names(names) => names.contains(name),
        }
    }
}

/// How a template is named in messages: `templates/team.html` for the
/// plan's own, `built-in team.html` else.
fn template_name(name: &str, user_templates: &PlanTemplates) -> String {
    if user_templates.has(name) {
        format!("templates/{name}")
    } else {
        format!("built-in {name}")
    }
}

fn template_error(e: &Error, user_templates: &PlanTemplates) -> TemplateError {
    let template = e.name().map_or_else(
        || "template".to_string(),
        |name| template_name(name, user_templates),
    );
    let mut message = e
        .detail()
        .map_or_else(|| e.kind().to_string(), str::to_string);
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    TemplateError {
        template,
        line: e.line(),
        message,
    }
}

/// A file name made only of safe characters.
fn file_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

fn attr(v: &JValue, key: &str) -> JValue {
    v.get_attr(key).unwrap_or_default()
}

fn items(v: &JValue) -> Vec<JValue> {
    v.try_iter().map(Iterator::collect).unwrap_or_default()
}

/// Render the reports into memory; nothing is written when any fails.
/// `context` is the template context ([`super::linked::link`]): it is
/// built once and shared by every report, each of which sees it with its
/// own `team` or `seller` added. The reports render in parallel.
pub fn render(
    env: &Environment<'_>,
    context: &JValue,
    plan_root: &Path,
    options: &Options,
) -> Result<Vec<Rendered>, TemplateError> {
    use rayon::prelude::*;
    let user = PlanTemplates::of(env, plan_root);
    let ext = options.format.ext();
    let id_is = |v: &JValue, id: &str| attr(v, "id").as_str() == Some(id);
    let all_teams = items(&attr(context, "teams"));
    let teams: Vec<JValue> = all_teams
        .iter()
        .filter(|t| options.team.as_ref().is_none_or(|id| id_is(t, id)))
        .cloned()
        .collect();
    // A team's sellers include those of its child teams (`teams[].sellers`).
    let in_team: Option<Vec<JValue>> = options.team.as_ref().map(|id| {
        all_teams
            .iter()
            .filter(|t| id_is(t, id))
            .flat_map(|t| items(&attr(t, "sellers")))
            .collect()
    });
    let sellers: Vec<JValue> = items(&attr(context, "sellers"))
        .into_iter()
        .filter(|s| options.seller.as_ref().is_none_or(|id| id_is(s, id)))
        .filter(|s| {
            options.seller.is_some()
                || in_team
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&attr(s, "id")))
        })
        .collect();
    let mut out = Vec::new();
    let written = AtomicU64::new(0);
    for report in &options.reports {
        let name = format!("{}.{ext}", report.name());
        let template = env
            .get_template(&name)
            .map_err(|e| template_error(&e, &user))?;
        let (key, items) = match report {
            Report::Team | Report::Review => ("team", &teams),
            Report::Seller => ("seller", &sellers),
        };
        if let Ok(mut now) = super::budget::RENDERING.lock() {
            *now = template_name(&name, &user);
        }
        let rendered: Vec<Rendered> = super::budget::guarded(&written, || {
            items
                .par_iter()
                .map(|item| {
                    let ctx = minijinja::value::merge_maps([
                        JValue::from_iter([(key, item.clone())]),
                        context.clone(),
                    ]);
                    let mut writer = super::budget::Writer::default();
                    template
                        .render_captured_to(ctx, &mut writer)
                        .map_err(|e| template_error(&e, &user))?;
                    written.fetch_add(writer.bytes.len() as u64, Ordering::Relaxed);
                    let text = String::from_utf8(writer.bytes)
                        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                    let id = attr(item, "id");
                    Ok(Rendered {
                        file: format!(
                            "{}-{}.{ext}",
                            report.name(),
                            file_id(id.as_str().unwrap_or("x"))
                        ),
                        text,
                    })
                })
                .collect::<Result<_, TemplateError>>()
        })?;
        out.extend(rendered);
    }
    Ok(out)
}

/// Every report file the plan of `context` can have: each team's team and
/// review report and each seller's report, in both formats.
pub fn report_names(context: &JValue) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for (list, reports) in [
        ("teams", &[Report::Team, Report::Review][..]),
        ("sellers", &[Report::Seller][..]),
    ] {
        for item in items(&attr(context, list)) {
            let id = file_id(attr(&item, "id").as_str().unwrap_or("x"));
            for report in reports {
                for ext in [Format::Md.ext(), Format::Html.ext()] {
                    out.insert(format!("{}-{id}.{ext}", report.name()));
                }
            }
        }
    }
    out
}

/// The list of the reports `write_all` wrote last, in the output folder.
const MANIFEST: &str = ".salgsmal-reports";

/// A report that could not be written, and why.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub error: std::io::Error,
    /// How many reports were already in place when it failed (0 when it
    /// failed while staging: nothing was changed).
    pub replaced: usize,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write {}: {}", self.path.display(), self.error)?;
        match self.replaced {
            0 => write!(f, "; no report was changed"),
            n => write!(f, "; {n} reports were replaced before it"),
        }
    }
}

impl std::error::Error for WriteError {}

/// What `write_all` did.
#[derive(Debug, Default)]
pub struct Written {
    pub written: Vec<PathBuf>,
    /// Reports of an earlier run whose seller or team is gone.
    pub removed: Vec<PathBuf>,
}

/// Write the reports into `dir`, all or none: each is first staged in a
/// temp file created exclusively, under an unpredictable name, in `dir`
/// (never through a link); only when all are staged are they renamed into
/// place (a rename replaces a link, it never writes through one). A failure
/// removes what was staged and names the path. The reports an earlier run
/// wrote (listed in `dir/.salgsmal-reports`) that the plan can no longer
/// have (`alive`: [`report_names`]; their seller or team is gone) are
/// removed; no other file is. `dir` itself may not be a link.
pub fn write_all(
    dir: &Path,
    files: &[Rendered],
    alive: &std::collections::HashSet<String>,
) -> Result<Written, WriteError> {
    let fail = |path: &Path, error: std::io::Error| WriteError {
        path: path.to_path_buf(),
        error,
        replaced: 0,
    };
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(fail(
            dir,
            std::io::Error::other(
                "the output folder is a link; reports are not written through it",
            ),
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| fail(dir, e))?;
    let stage = |text: &[u8]| -> std::io::Result<tempfile::NamedTempFile> {
        use std::io::Write as _;
        let mut tmp = tempfile::Builder::new()
            .prefix(".salgsmal-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        tmp.write_all(text)?;
        tmp.as_file().sync_all()?;
        Ok(tmp)
    };
    let mut staged = Vec::new();
    for f in files {
        let path = dir.join(&f.file);
        // Dropping what is staged removes it.
        let tmp = stage(f.text.as_bytes()).map_err(|e| fail(&path, e))?;
        staged.push((tmp, path));
    }
    let before = previous_reports(dir);
    let mut out = Written::default();
    for (tmp, path) in staged {
        tmp.persist(&path).map_err(|e| WriteError {
            replaced: out.written.len(),
            ..fail(&path, e.error)
        })?;
        out.written.push(path);
    }
    let mut now: std::collections::HashSet<&str> = files.iter().map(|f| f.file.as_str()).collect();
    for name in &before {
        if alive.contains(name) {
            now.insert(name); // another report of a seller or team still there
            continue;
        }
        let path = dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file())
            && std::fs::remove_file(&path).is_ok()
        {
            out.removed.push(path);
        }
    }
    let mut list: Vec<&str> = now.into_iter().collect();
    list.sort_unstable();
    let manifest = dir.join(MANIFEST);
    let text = format!(
        "# The reports salgsmal wrote here last; it removes them when their seller or team is gone.\n{}\n",
        list.join("\n")
    );
    stage(text.as_bytes())
        .and_then(|tmp| tmp.persist(&manifest).map(|_| ()).map_err(|e| e.error))
        .map_err(|e| WriteError {
            replaced: out.written.len(),
            ..fail(&manifest, e)
        })?;
    Ok(out)
}

/// The report names of the manifest: plain file names of reports only (no
/// folder, not hidden), from a regular file of at most 1 MiB.
fn previous_reports(dir: &Path) -> Vec<String> {
    use std::io::Read as _;
    let path = dir.join(MANIFEST);
    if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return Vec::new();
    }
    let mut text = String::new();
    if std::fs::File::open(&path)
        .and_then(|f| f.take(1 << 20).read_to_string(&mut text))
        .is_err()
    {
        return Vec::new();
    }
    text.lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty()
                && !l.starts_with('#')
                && !l.starts_with('.')
                && !l.contains(['/', '\\'])
                && (l.ends_with(".md") || l.ends_with(".html"))
                // Only names a report has: a manifest committed to the
                // plan cannot make `render` remove the user's own files.
                && ["team-", "seller-", "review-"].iter().any(|p| l.starts_with(p))
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_names_stay_inside_the_folder() {
        assert!(safe_name("team.html"));
        assert!(safe_name("partials/style.css"));
        assert!(!safe_name("../x"));
        assert!(!safe_name("partials/../../x"));
        assert!(!safe_name("/etc/passwd"));
        assert!(!safe_name("C:x"));
        assert!(!safe_name("a\\b"));
    }

    #[test]
    fn dates_and_periods_by_locale() {
        assert_eq!(format_date("2027-03-31", Locale::Nb), "31.03.2027");
        assert_eq!(format_date("2027-03-31", Locale::En), "31 Mar 2027");
        assert_eq!(format_period("2027-Q1", Locale::Nb), "1. kvartal 2027");
        assert_eq!(format_period("2027-03", Locale::En), "March 2027");
    }
}

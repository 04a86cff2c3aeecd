//! The rules: one file per rule, each with its id, default level and
//! parameters beside its check. `explain`, the book's rules table and the rule
//! settings in `salgsmal.yaml` all read this registry. What each rule checks
//! and why are texts in nb and en, in the Fluent files
//! (`rule-<id>-summary`, `rule-<id>-principle`, `rule-<id>-param-<name>`).

mod accept;
mod alignment;
mod allocation;
mod capacity;
mod customer_owner;
mod duplicate_id;
mod fairness;
mod funnel;
mod growth;
mod history;
mod key_customer_activity;
mod kpi_chain;
mod measurable;
mod milestones;
mod off_track;
mod ownership;
mod parse;
mod period;
mod phase_out_target;
mod phasing;
mod portfolio_category;
mod portfolio_goals;
mod potential;
mod ratio;
mod starting_point;
mod unknown_reference;

use crate::analysis::{Analysis, Params};
use crate::diag::{Accepted, Diagnostic, Level, RuleId, did_you_mean};
use crate::i18n::{Localizer, Message};
use crate::model::number::Quantity;
use crate::model::period::Date;
use crate::model::{LevelSetting, Plan};
use rust_decimal::Decimal;

/// A rule parameter with its default, as `salgsmal.yaml` sets it.
#[derive(Debug)]
pub struct Param {
    pub name: &'static str,
    /// A ratio (0.20 or "20 %"), checked by the `ratio` rule.
    pub ratio: bool,
    pub default: &'static str,
}

/// Everything there is to know about a rule but its check.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: RuleId,
    pub default_level: Level,
    /// Structure rules cannot be turned off or accepted.
    pub structural: bool,
    pub params: &'static [Param],
}

/// Each rule's example finding, as `check` prints it, in nb and en: the real
/// output of the rule on a small plan, written by the test
/// `tests/explain_examples.rs` (never typed by hand).
const EXAMPLES: &[(crate::i18n::Locale, &str)] = &[
    (crate::i18n::Locale::Nb, include_str!("examples/nb.txt")),
    (crate::i18n::Locale::En, include_str!("examples/en.txt")),
];

/// The example finding of rule `id` in `locale`.
pub fn example(id: &str, locale: crate::i18n::Locale) -> Option<&'static str> {
    let (_, text) = EXAMPLES.iter().find(|(l, _)| *l == locale)?;
    let start = text.find(&format!("=== {id}\n"))? + id.len() + 5;
    let rest = &text[start..];
    Some(
        rest.find("\n=== ")
            .map_or(rest, |end| &rest[..=end])
            .trim_end(),
    )
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Add this rule's findings, at its default levels.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// What a rule sees: the plan, its numbers, and the rule's own parameters.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub analysis: &'a Analysis<'a>,
    pub meta: &'static RuleMeta,
}

impl<'a> Context<'a> {
    pub fn new(analysis: &'a Analysis<'a>, meta: &'static RuleMeta) -> Self {
        Self {
            plan: analysis.plan,
            analysis,
            meta,
        }
    }

    /// The customer portfolio of the plan.
    pub fn portfolio(&self) -> &'a crate::analysis::portfolio::Portfolio<'a> {
        &self.analysis.portfolio
    }

    /// A parameter's value: as set in `salgsmal.yaml`, or its default.
    pub fn param(&self, name: &str) -> Decimal {
        param_of(self.plan, self.meta, name)
    }

    /// A finding of this rule at its default level, at `pointer` in `file`.
    pub fn found(&self, file: usize, pointer: &str, message: impl Into<Message>) -> Diagnostic {
        self.found_at(self.meta.default_level, file, pointer, message)
    }

    pub fn found_at(
        &self,
        level: Level,
        file: usize,
        pointer: &str,
        message: impl Into<Message>,
    ) -> Diagnostic {
        let d = Diagnostic::new(
            self.meta.id,
            level,
            message,
            self.plan.locate(file, pointer),
        );
        // A finding about a whole file has no pointer (SPEC 5.1).
        if pointer.is_empty() {
            d
        } else {
            d.with_pointer(pointer.to_string())
        }
    }

    /// A finding about a key (an unknown id used as a key, say).
    pub fn found_key(&self, file: usize, pointer: &str, message: impl Into<Message>) -> Diagnostic {
        Diagnostic::new(
            self.meta.id,
            self.meta.default_level,
            message,
            self.plan.file(file).locate_key(pointer),
        )
        .with_pointer(pointer.to_string())
    }
}

/// A rule parameter's value: as set under `rules:` in `salgsmal.yaml`, else
/// its default. A value the `ratio` rule rejects (a ratio above 1) or one
/// that is not above 0 is not used: the default applies.
pub fn param(plan: &Plan, rule: &str, name: &str) -> Decimal {
    find(rule).map_or(Decimal::ZERO, |meta| param_of(plan, meta, name))
}

fn param_of(plan: &Plan, meta: &RuleMeta, name: &str) -> Decimal {
    let configured = plan
        .config
        .as_ref()
        .and_then(|c| c.data.rules.get(meta.id.as_str()))
        .and_then(|s| s.params.get(name))
        .filter(|q| {
            let ratio = meta.params.iter().any(|p| p.name == name && p.ratio);
            (!ratio || q.fits_ratio()) && q.value > Decimal::ZERO
        })
        .map(|q| q.value);
    configured.unwrap_or_else(|| {
        meta.params
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| Quantity::parse(p.default).ok())
            .map_or(Decimal::ZERO, |q| q.value)
    })
}

/// The plan's numbers, with the parameters the rules resolve.
pub fn analyse(plan: &Plan) -> Analysis<'_> {
    analyse_until(plan, None)
}

/// The analysis with the actuals up to the end of `until` only (a review of
/// that period).
pub fn analyse_until(plan: &Plan, until: Option<crate::model::period::Period>) -> Analysis<'_> {
    Analysis::new(
        plan,
        Params {
            capacity_min: param(plan, "capacity", "min"),
            allocation_max_over: param(plan, "allocation", "max_over"),
            off_track_at_risk: param(plan, "off-track", "at_risk"),
            until,
        },
    )
}

/// Every rule, in the order `explain` lists them.
pub fn all() -> Vec<&'static dyn Rule> {
    vec![
        &parse::YamlSyntax,
        &parse::Schema,
        &parse::DuplicateKey,
        &parse::CsvSyntax,
        &duplicate_id::DuplicateId,
        &unknown_reference::UnknownReference,
        &period::PeriodRule,
        &ratio::RatioRule,
        &allocation::Allocation,
        &phasing::Phasing,
        &milestones::Milestones,
        &growth::Growth,
        &funnel::Funnel,
        &funnel::PipelineCoverage,
        &capacity::Capacity,
        &history::History,
        &measurable::Measurable,
        &kpi_chain::KpiChain,
        &alignment::Alignment,
        &fairness::Fairness,
        &customer_owner::CustomerOwner,
        &portfolio_category::PortfolioCategory,
        &portfolio_goals::PortfolioGoals,
        &potential::PotentialRule,
        &phase_out_target::PhaseOutTarget,
        &key_customer_activity::KeyCustomerActivity,
        &off_track::OffTrack,
        &ownership::Ownership,
        &starting_point::StartingPoint,
        &accept::Accept,
    ]
}

pub fn find(id: &str) -> Option<&'static RuleMeta> {
    all().into_iter().map(Rule::meta).find(|m| m.id == id)
}

pub fn ids() -> Vec<&'static str> {
    all().into_iter().map(|r| r.meta().id.as_str()).collect()
}

/// The findings of a check: those that count, and those accepted.
#[derive(Debug)]
pub struct Outcome {
    pub diagnostics: Vec<Diagnostic>,
    pub accepted: Vec<Accepted>,
}

/// Run every rule that is not off, apply the levels set in `salgsmal.yaml`
/// (structure rules keep theirs), then the accepted findings as of today.
pub fn run(plan: &Plan, diagnostics: Vec<Diagnostic>) -> Outcome {
    run_on(&analyse(plan), diagnostics)
}

/// `run` on a plan already analysed (the report shows the same numbers).
pub fn run_on(analysis: &Analysis<'_>, diagnostics: Vec<Diagnostic>) -> Outcome {
    run_at(analysis, diagnostics, accept::today())
}

/// `run_on`, with the date that decides which acceptances have run out.
pub fn run_at(analysis: &Analysis<'_>, mut diagnostics: Vec<Diagnostic>, today: Date) -> Outcome {
    use rayon::prelude::*;
    let plan = analysis.plan;
    // The rules run in parallel, each on its own; their findings are kept
    // in the rules' order.
    let found: Vec<Vec<Diagnostic>> = all()
        .par_iter()
        .map(|rule| {
            let meta = rule.meta();
            let setting = level_setting(plan, meta.id.as_str());
            if !meta.structural && setting == Some(LevelSetting::Off) {
                return Vec::new();
            }
            // A rule off by default runs when a level is set for it.
            if meta.off_by_default() && setting.is_none() {
                return Vec::new();
            }
            // A rule that fails must not take the others down: its failure
            // is a finding at the plan's configuration file.
            let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut found = Vec::new();
                rule.check(&Context::new(analysis, meta), &mut found);
                found
            }));
            found.unwrap_or_else(|_| {
                vec![
                    Diagnostic::new(
                        meta.id,
                        Level::Error,
                        Message::new("rule-failed").text("rule", meta.id.as_str()),
                        plan.files[0].whole(),
                    )
                    .with_help(Message::new("rule-failed-help")),
                ]
            })
        })
        .collect();
    diagnostics.extend(found.into_iter().flatten());
    // Root causes first: a value the schema rejected gives that one finding;
    // the realism rules that read it are silent about it. (Structure rules
    // judge the values that are there, each a root cause of its own.)
    let files: std::collections::HashMap<&str, &crate::model::SourceFile> =
        plan.files.iter().map(|f| (f.path.as_str(), f)).collect();
    diagnostics.retain(|d| {
        find(d.rule.as_str()).is_none_or(|m| m.structural)
            || !files.get(d.location.file.as_str()).is_some_and(|f| {
                f.is_rejected(d.pointer.as_deref().unwrap_or_default())
                    && (d.pointer.is_some() || f.rejected.iter().any(String::is_empty))
            })
    });
    for d in &mut diagnostics {
        let structural = find(d.rule.as_str()).is_none_or(|m| m.structural);
        if structural {
            continue;
        }
        d.level = match level_setting(plan, d.rule.as_str()) {
            Some(LevelSetting::Info) => Level::Info,
            Some(LevelSetting::Warning) => Level::Warning,
            Some(LevelSetting::Error) => Level::Error,
            Some(LevelSetting::Off) | None => d.level,
        };
    }
    let mut accepted = accept::apply(analysis, &mut diagnostics, today);
    crate::diag::sort(&mut diagnostics);
    accepted.sort_by(|a, b| {
        let (a, b) = (&a.diagnostic.location, &b.diagnostic.location);
        (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column))
    });
    Outcome {
        diagnostics,
        accepted,
    }
}

fn level_setting(plan: &Plan, id: &str) -> Option<LevelSetting> {
    plan.config.as_ref()?.data.rules.get(id)?.level
}

/// Suggest a known id for an unknown one, as a help line.
pub fn suggestion<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Message {
    match did_you_mean(word, candidates.clone()) {
        Some(s) => Message::new("suggest-did-you-mean").text("word", s),
        None => {
            let known: Vec<&str> = candidates.into_iter().collect();
            if known.is_empty() {
                Message::new("suggest-none")
            } else if known.len() > 12 {
                Message::new("suggest-known-more").text("known", known[..12].join(", "))
            } else {
                Message::new("suggest-known").text("known", known.join(", "))
            }
        }
    }
}

/// Rules that run only when `salgsmal.yaml` sets a level for them.
const OFF_BY_DEFAULT: &[RuleId] = &[RuleId::OWNERSHIP];

impl RuleMeta {
    /// Whether the rule runs only when `salgsmal.yaml` sets its level.
    pub fn off_by_default(&self) -> bool {
        OFF_BY_DEFAULT.contains(&self.id)
    }

    /// The default level as `explain` shows it: `off` for a rule off by
    /// default.
    pub fn default_shown(&self) -> String {
        if self.off_by_default() {
            "off".to_string()
        } else {
            self.default_level.to_string()
        }
    }

    /// Whether a plan needs the git history of its targets: `ownership`
    /// is on.
    pub fn wants_history(plan: &Plan) -> bool {
        matches!(
            level_setting(plan, RuleId::OWNERSHIP.as_str()),
            Some(LevelSetting::Info | LevelSetting::Warning | LevelSetting::Error)
        )
    }

    /// What the rule checks, in the reader's language.
    pub fn summary(&self, loc: &Localizer) -> String {
        self.text(loc, "summary")
    }

    /// The first sentence of the summary, without its full stop (the rule
    /// list).
    pub fn summary_first(&self, loc: &Localizer) -> String {
        let summary = self.summary(loc);
        let first = summary.split(". ").next().unwrap_or(&summary);
        first.trim_end_matches('.').to_string()
    }

    /// Which principle of the method the rule enforces, and why.
    pub fn principle(&self, loc: &Localizer) -> String {
        self.text(loc, "principle")
    }

    /// What parameter `name` of the rule sets.
    pub fn param_description(&self, name: &str, loc: &Localizer) -> String {
        self.text(loc, &format!("param-{name}"))
    }

    fn text(&self, loc: &Localizer, what: &str) -> String {
        let id = format!("rule-{}-{what}", self.id);
        loc.text(&id).unwrap_or(id)
    }
}

/// The rule list as SARIF shows it, in the reader's language.
pub fn sarif_registry(loc: &Localizer) -> Vec<crate::diag::RuleInfo> {
    all()
        .into_iter()
        .map(|r| {
            let m = r.meta();
            crate::diag::RuleInfo {
                id: m.id.as_str(),
                level: m.default_level,
                summary: m.summary(loc),
                principle: m.principle(loc),
            }
        })
        .collect()
}

/// The name of a `per` unit: `week`, `uke`.
pub fn unit(per: crate::model::Per) -> Message {
    use crate::model::Per;
    Message::new(match per {
        Per::Day => "unit-day",
        Per::Week => "unit-week",
        Per::Month => "unit-month",
        Per::Quarter => "unit-quarter",
        Per::Year => "unit-year",
    })
}

/// A value of a metric's kind as a message argument: money, a percent or a
/// plain number, with the usual decimals.
pub fn value_arg(kind: crate::model::metrics::Kind, value: Decimal) -> crate::i18n::Arg {
    use crate::i18n::Arg;
    use crate::model::metrics::Kind;
    match kind {
        Kind::Money => Arg::money(value),
        Kind::Ratio => Arg::percent(value),
        Kind::Count | Kind::Score => Arg::number(value),
    }
}

/// A gap between two ratios in percentage points (`0,4 points`, `1 point`),
/// with `dp` decimals.
pub fn points(gap: Decimal, dp: u32) -> crate::i18n::Arg {
    use crate::i18n::Arg;
    let value = gap * Decimal::ONE_HUNDRED;
    let one = crate::i18n::round(value, dp).abs() == Decimal::ONE;
    Arg::Phrase(Box::new(
        Message::new(if one { "gap-point" } else { "gap-points" })
            .arg("points", Arg::Number { value, dp }),
    ))
}

/// The decimals a kind is shown with at least: percents with one, money
/// and counts with none (øre and fractions appear when they are there).
pub fn least_decimals(kind: crate::model::metrics::Kind) -> u32 {
    if kind == crate::model::metrics::Kind::Ratio {
        1
    } else {
        0
    }
}

/// A number as it is printed: a ratio as a percent.
pub fn as_printed(kind: crate::model::metrics::Kind, value: Decimal) -> Decimal {
    if kind == crate::model::metrics::Kind::Ratio {
        value * Decimal::ONE_HUNDRED
    } else {
        value
    }
}

/// A value of a metric's kind with at least `dp` decimals where it has them
/// (counts with up to two).
pub fn kind_arg(kind: crate::model::metrics::Kind, value: Decimal, dp: u32) -> crate::i18n::Arg {
    use crate::i18n::Arg;
    use crate::model::metrics::Kind;
    match kind {
        Kind::Ratio => Arg::Percent { value, dp },
        Kind::Money => Arg::Money { value, dp },
        Kind::Count | Kind::Score => Arg::Number {
            value,
            dp: dp.max(2),
        },
    }
}

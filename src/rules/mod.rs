//! The rules: one file per rule, each with its id, default level,
//! parameters and explanation beside its check. `explain`, the README table
//! and the rule settings in `salgsmal.yaml` all read this registry.

mod accept;
mod alignment;
mod allocation;
mod capacity;
pub use capacity::CUSTOMER_FACING;
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
mod parse;
mod period;
mod phase_out_target;
mod phasing;
mod portfolio_category;
mod portfolio_goals;
mod potential;
mod ratio;
mod unknown_reference;

use crate::diag::{Accepted, Diagnostic, Level, did_you_mean};
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
    pub description: &'static str,
}

/// Everything there is to know about a rule but its check.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub default_level: Level,
    /// Structure rules cannot be turned off or accepted.
    pub structural: bool,
    /// What the rule checks.
    pub summary: &'static str,
    /// Which principle of the method it enforces, and why.
    pub principle: &'static str,
    pub params: &'static [Param],
    /// An example finding, as `check` prints it.
    pub example: &'static str,
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// Add this rule's findings, at its default levels.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// What a rule sees: the plan, and its own parameters.
pub struct Context<'a> {
    pub plan: &'a Plan,
    pub meta: &'static RuleMeta,
    /// The customer portfolio, computed once for all the rules of a check.
    portfolio: &'a std::cell::OnceCell<crate::portfolio::Portfolio<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(
        plan: &'a Plan,
        meta: &'static RuleMeta,
        portfolio: &'a std::cell::OnceCell<crate::portfolio::Portfolio<'a>>,
    ) -> Self {
        Self {
            plan,
            meta,
            portfolio,
        }
    }

    /// The customer portfolio of the plan.
    pub fn portfolio(&self) -> &'a crate::portfolio::Portfolio<'a> {
        self.portfolio
            .get_or_init(|| crate::portfolio::portfolio(self.plan))
    }

    /// A parameter's value: as set in `salgsmal.yaml`, or its default.
    pub fn param(&self, name: &str) -> Decimal {
        param(self.plan, self.meta.id, name)
    }

    /// A finding of this rule at its default level, at `pointer` in `file`.
    pub fn found(&self, file: usize, pointer: &str, message: impl Into<String>) -> Diagnostic {
        self.found_at(self.meta.default_level, file, pointer, message)
    }

    pub fn found_at(
        &self,
        level: Level,
        file: usize,
        pointer: &str,
        message: impl Into<String>,
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
    pub fn found_key(&self, file: usize, pointer: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(
            self.meta.id,
            self.meta.default_level,
            message,
            self.plan.file(file).locate_key(pointer),
        )
        .with_pointer(pointer.to_string())
    }
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
        &accept::Accept,
    ]
}

/// A rule's parameter as the rule reads it: as set in `salgsmal.yaml`
/// when valid (positive; a ratio parameter at most 1), else its default.
/// Reports use it so they show what the checks apply.
pub fn param(plan: &Plan, rule: &str, name: &str) -> Decimal {
    let meta = find(rule);
    let spec = meta.and_then(|m| m.params.iter().find(|p| p.name == name));
    let configured = plan
        .config
        .as_ref()
        .and_then(|c| c.data.rules.get(rule))
        .and_then(|s| s.params.get(name))
        .filter(|q| {
            // A ratio written above 1 is a `ratio` error; the default applies.
            let ratio = spec.is_some_and(|p| p.ratio);
            (!ratio || q.fits_ratio()) && q.value > Decimal::ZERO
        })
        .map(|q| q.value);
    configured.unwrap_or_else(|| {
        spec.and_then(|p| Quantity::parse(p.default).ok())
            .map_or(Decimal::ZERO, |q| q.value)
    })
}

pub fn find(id: &str) -> Option<&'static RuleMeta> {
    all().into_iter().map(Rule::meta).find(|m| m.id == id)
}

pub fn ids() -> Vec<&'static str> {
    all().into_iter().map(|r| r.meta().id).collect()
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
    run_at(plan, diagnostics, accept::today())
}

/// `run`, with the date that decides which acceptances have run out.
pub fn run_at(plan: &Plan, mut diagnostics: Vec<Diagnostic>, today: Date) -> Outcome {
    let portfolio = std::cell::OnceCell::new();
    for rule in all() {
        let meta = rule.meta();
        if !meta.structural && level_setting(plan, meta.id) == Some(LevelSetting::Off) {
            continue;
        }
        // A rule that fails must not take the others down: its failure is a
        // finding at the plan's configuration file.
        let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut found = Vec::new();
            rule.check(&Context::new(plan, meta, &portfolio), &mut found);
            found
        }));
        match found {
            Ok(found) => diagnostics.extend(found),
            Err(_) => diagnostics.push(
                Diagnostic::new(
                    meta.id,
                    Level::Error,
                    format!(
                        "the rule `{}` could not finish (a bug: please report it with the plan)",
                        meta.id
                    ),
                    plan.files[0].whole(),
                )
                .with_help("the other rules ran; this rule's findings are missing"),
            ),
        }
    }
    for d in &mut diagnostics {
        let structural = find(d.rule).is_none_or(|m| m.structural);
        if structural {
            continue;
        }
        d.level = match level_setting(plan, d.rule) {
            Some(LevelSetting::Info) => Level::Info,
            Some(LevelSetting::Warning) => Level::Warning,
            Some(LevelSetting::Error) => Level::Error,
            Some(LevelSetting::Off) | None => d.level,
        };
    }
    let mut accepted = accept::apply(plan, &mut diagnostics, today);
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
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> String {
    match did_you_mean(word, candidates.clone()) {
        Some(s) => format!("did you mean `{s}`?"),
        None => {
            let known: Vec<&str> = candidates.into_iter().collect();
            if known.is_empty() {
                "there are none yet".to_string()
            } else if known.len() > 12 {
                format!("known: {}, …", known[..12].join(", "))
            } else {
                format!("known: {}", known.join(", "))
            }
        }
    }
}

//! Findings about a plan: values, not errors. Renderers turn one list of
//! diagnostics into human, JSON or GitHub output.

mod github;
mod human;
mod json;
mod junit;
mod sarif;

pub use github::{render as render_github, step_summary as github_step_summary};
pub use human::{Style, escape, markdown, markdown_cell, render as render_human};
pub use json::{Summary, render as render_json, value as json_value};
pub use junit::render as render_junit;
pub use sarif::{RuleInfo, render as render_sarif};

use crate::i18n::Message;
use serde::Serialize;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        })
    }
}

/// A rule's id. Every rule's id is a constant here, below the loader and
/// the rules, so that findings made while reading files (`yaml-syntax`,
/// `schema`, …) and by the rules use the same typed ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct RuleId(&'static str);

impl RuleId {
    pub const ACCEPT: RuleId = RuleId("accept");
    pub const ALIGNMENT: RuleId = RuleId("alignment");
    pub const ALLOCATION: RuleId = RuleId("allocation");
    pub const CAPACITY: RuleId = RuleId("capacity");
    pub const CSV_SYNTAX: RuleId = RuleId("csv-syntax");
    pub const CUSTOMER_OWNER: RuleId = RuleId("customer-owner");
    pub const DUPLICATE_ID: RuleId = RuleId("duplicate-id");
    pub const DUPLICATE_KEY: RuleId = RuleId("duplicate-key");
    pub const FAIRNESS: RuleId = RuleId("fairness");
    pub const FUNNEL: RuleId = RuleId("funnel");
    pub const GROWTH: RuleId = RuleId("growth");
    pub const HISTORY: RuleId = RuleId("history");
    pub const KEY_CUSTOMER_ACTIVITY: RuleId = RuleId("key-customer-activity");
    pub const KPI_CHAIN: RuleId = RuleId("kpi-chain");
    pub const MEASURABLE: RuleId = RuleId("measurable");
    pub const MILESTONES: RuleId = RuleId("milestones");
    pub const OFF_TRACK: RuleId = RuleId("off-track");
    pub const OWNERSHIP: RuleId = RuleId("ownership");
    pub const PERIOD: RuleId = RuleId("period");
    pub const PHASE_OUT_TARGET: RuleId = RuleId("phase-out-target");
    pub const PHASING: RuleId = RuleId("phasing");
    pub const PIPELINE_COVERAGE: RuleId = RuleId("pipeline-coverage");
    pub const PORTFOLIO_CATEGORY: RuleId = RuleId("portfolio-category");
    pub const PORTFOLIO_GOALS: RuleId = RuleId("portfolio-goals");
    pub const POTENTIAL: RuleId = RuleId("potential");
    pub const RATIO: RuleId = RuleId("ratio");
    pub const SCHEMA: RuleId = RuleId("schema");
    pub const STARTING_POINT: RuleId = RuleId("starting-point");
    pub const UNKNOWN_REFERENCE: RuleId = RuleId("unknown-reference");
    pub const YAML_SYNTAX: RuleId = RuleId("yaml-syntax");

    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// A place in a plan file: relative path with `/`, 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Where the located value ends (same line: caret length), for display.
    #[serde(skip)]
    pub end_line: usize,
    #[serde(skip)]
    pub end_column: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: Message,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub level: Level,
    /// What was found: a message id with its arguments, made a sentence in
    /// the reader's language by the renderers.
    pub message: Message,
    pub location: Location,
    /// JSON Pointer of the value inside the file; `None` for whole-file and
    /// syntax diagnostics.
    pub pointer: Option<String>,
    pub related: Vec<Related>,
    pub help: Option<Message>,
}

impl Diagnostic {
    pub fn new(
        rule: RuleId,
        level: Level,
        message: impl Into<Message>,
        location: Location,
    ) -> Self {
        Self {
            rule,
            level,
            message: message.into(),
            location,
            pointer: None,
            related: Vec::new(),
            help: None,
        }
    }

    #[must_use]
    pub fn with_pointer(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn with_related(mut self, location: &Location, message: impl Into<Message>) -> Self {
        self.related.push(Related {
            file: location.file.clone(),
            line: location.line,
            column: location.column,
            message: message.into(),
        });
        self
    }

    fn sort_key(&self) -> (&str, usize, usize, RuleId) {
        (
            &self.location.file,
            self.location.line,
            self.location.column,
            self.rule,
        )
    }
}

/// A warning or info the team accepted in `salgsmal.yaml`, with its reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub diagnostic: Diagnostic,
    pub reason: String,
    /// The last day the acceptance holds, `YYYY-MM-DD`.
    pub until: Option<String>,
}

/// Sort as SPEC 5.1 says: by file, line, column, rule (then message, so the
/// order never depends on the order rules ran in).
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// Count diagnostics by level.
pub fn count(diags: &[Diagnostic], level: Level) -> usize {
    diags.iter().filter(|d| d.level == level).count()
}

/// Suggest the closest of `candidates` to `word`, if one is close enough:
/// similar by Jaro-Winkler, or at most two edits away from a word at least
/// twice that long (`maks` → `max`).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .filter_map(|c| {
            let score = strsim::jaro_winkler(word, c);
            let edits = strsim::osa_distance(word, c);
            let close = score > 0.8 || (edits <= 2 && edits * 2 <= word.chars().count());
            close.then_some((score, c))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_what_breaks_a_table() {
        assert_eq!(markdown("A | B <script>"), "A \\| B &lt;script&gt;");
        assert_eq!(markdown("line\nbreak"), "line break");
    }

    #[test]
    fn suggestions_pick_the_closest_word() {
        assert_eq!(
            did_you_mean("targt", ["id", "metric", "target"]),
            Some("target")
        );
        assert_eq!(did_you_mean("zzz", ["id", "metric", "target"]), None);
        assert_eq!(did_you_mean("maks", ["min", "max"]), Some("max"));
        assert_eq!(did_you_mean("ab", ["max"]), None);
    }
}

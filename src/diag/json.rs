//! `check --format json` (SPEC 5.1).

use super::{Accepted, Diagnostic, Level, Related, count};
use crate::i18n::Localizer;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files: usize,
    /// Findings accepted in `salgsmal.yaml` (not counted above).
    pub accepted: usize,
}

impl Summary {
    pub fn of(diags: &[Diagnostic], accepted: usize, files: usize) -> Self {
        Self {
            errors: count(diags, Level::Error),
            warnings: count(diags, Level::Warning),
            infos: count(diags, Level::Info),
            files,
            accepted,
        }
    }

    /// The verdict (`check passed`, `check failed`) and the counts (`0
    /// errors, 3 warnings, 15 infos in 10 files`), in the reader's language.
    pub fn words(&self, loc: &Localizer) -> (String, String) {
        use crate::i18n::Message;
        let counts = Message::new(if self.accepted > 0 {
            "summary-counts-accepted"
        } else {
            "summary-counts"
        })
        .count("errors", self.errors)
        .count("warnings", self.warnings)
        .count("infos", self.infos)
        .count("accepted", self.accepted)
        .count("files", self.files);
        let head = if self.errors > 0 {
            "summary-failed"
        } else {
            "summary-passed"
        };
        (loc.format(&Message::new(head)), loc.format(&counts))
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    level: Level,
    message: String,
    /// The stable id of the message's form, and its arguments as plain JSON
    /// numbers and strings (absent for plain text).
    #[serde(skip_serializing_if = "Option::is_none")]
    message_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    args: Option<serde_json::Map<String, serde_json::Value>>,
    file: &'a str,
    line: usize,
    column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pointer: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    message: String,
}

#[derive(Serialize)]
struct JsonAccepted<'a> {
    #[serde(flatten)]
    diagnostic: JsonDiagnostic<'a>,
    reason: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<String>,
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    accepted: Vec<JsonAccepted<'a>>,
    summary: Summary,
    /// The what-if checked (`--set`, `--scenario`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    scenario: Option<serde_json::Value>,
}

fn json<'a>(d: &'a Diagnostic, loc: &Localizer) -> JsonDiagnostic<'a> {
    let plain = d.message.is_plain();
    JsonDiagnostic {
        rule: d.rule.as_str(),
        level: d.level,
        message: loc.format(&d.message),
        message_id: (!plain).then_some(d.message.id),
        args: (!plain).then(|| loc.json_args(&d.message)),
        file: &d.location.file,
        line: d.location.line,
        column: d.location.column,
        pointer: d.pointer.as_deref(),
        related: d.related.iter().map(|r| related(r, loc)).collect(),
        help: d.help.as_ref().map(|h| loc.format(h)),
    }
}

/// One diagnostic as `check --format json` shows it.
pub fn value(d: &Diagnostic, loc: &Localizer) -> serde_json::Value {
    serde_json::to_value(json(d, loc)).unwrap_or_default()
}

fn related<'a>(r: &'a Related, loc: &Localizer) -> JsonRelated<'a> {
    JsonRelated {
        file: &r.file,
        line: r.line,
        column: r.column,
        message: loc.format(&r.message),
    }
}

pub fn render(
    diags: &[Diagnostic],
    accepted: &[Accepted],
    summary: Summary,
    scenario: Option<serde_json::Value>,
    loc: &Localizer,
) -> String {
    let report = Report {
        version: 1,
        diagnostics: diags.iter().map(|d| json(d, loc)).collect(),
        accepted: accepted
            .iter()
            .map(|a| JsonAccepted {
                diagnostic: json(&a.diagnostic, loc),
                reason: &a.reason,
                until: a.until.clone(),
            })
            .collect(),
        summary,
        scenario,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

//! `check --format json` (SPEC 5.1).

use super::{Accepted, Diagnostic, Level, Related, count};
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
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    level: Level,
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pointer: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    related: &'a [Related],
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
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
}

fn json(d: &Diagnostic) -> JsonDiagnostic<'_> {
    JsonDiagnostic {
        rule: d.rule,
        level: d.level,
        message: &d.message,
        file: &d.location.file,
        line: d.location.line,
        column: d.location.column,
        pointer: d.pointer.as_deref(),
        related: &d.related,
        help: d.help.as_deref(),
    }
}

pub fn render(diags: &[Diagnostic], accepted: &[Accepted], summary: Summary) -> String {
    let report = Report {
        version: 1,
        diagnostics: diags.iter().map(json).collect(),
        accepted: accepted
            .iter()
            .map(|a| JsonAccepted {
                diagnostic: json(&a.diagnostic),
                reason: &a.reason,
                until: a.until.clone(),
            })
            .collect(),
        summary,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

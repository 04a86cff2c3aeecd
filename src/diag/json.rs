//! `check --format json` (SPEC 5.1).

use super::{Diagnostic, Level, Related, count};
use serde::Serialize;

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub files: usize,
}

impl Summary {
    pub fn of(diags: &[Diagnostic], files: usize) -> Self {
        Self {
            errors: count(diags, Level::Error),
            warnings: count(diags, Level::Warning),
            infos: count(diags, Level::Info),
            files,
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
struct Report<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

pub fn render(diags: &[Diagnostic], summary: Summary) -> String {
    let report = Report {
        version: 1,
        diagnostics: diags
            .iter()
            .map(|d| JsonDiagnostic {
                rule: d.rule,
                level: d.level,
                message: &d.message,
                file: &d.location.file,
                line: d.location.line,
                column: d.location.column,
                pointer: d.pointer.as_deref(),
                related: &d.related,
                help: d.help.as_deref(),
            })
            .collect(),
        summary,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

//! `check --format sarif`: SARIF 2.1.0 for code-scanning dashboards, with
//! the rule list generated from the rule registry.

use super::{Diagnostic, Level};
use crate::i18n::Localizer;
use serde_json::{Value, json};

/// What SARIF says of a rule: its id, default level, summary and principle
/// (from the rule registry, which the caller passes in, in the reader's
/// language).
pub struct RuleInfo {
    pub id: &'static str,
    pub level: Level,
    pub summary: String,
    pub principle: String,
}

/// The SARIF log. Locations are relative to `base` (the repository's root,
/// else the plan's folder), named `%SRCROOT%` in `originalUriBaseIds`.
pub fn render(
    diags: &[Diagnostic],
    registry: &[RuleInfo],
    base: &std::path::Path,
    loc: &Localizer,
) -> String {
    let rules: Vec<Value> = registry
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "shortDescription": {"text": m.summary.split(". ").next().unwrap_or(&m.summary)},
                "fullDescription": {"text": m.summary},
                "help": {"text": m.principle},
                "defaultConfiguration": {"level": level(m.level)},
            })
        })
        .collect();
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.level),
                "message": {"text": match &d.help {
                    Some(h) => format!("{}\nhelp: {}", loc.format(&d.message), loc.format(h)),
                    None => loc.format(&d.message),
                }},
                "locations": [location(&d.location.file, d.location.line, d.location.column, None)],
            });
            if !d.related.is_empty() {
                result["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        let mut l =
                            location(&r.file, r.line, r.column, Some(&loc.format(&r.message)));
                        l["id"] = json!(i);
                        l
                    })
                    .collect();
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "salgsmal",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": base_uri(base)}},
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// A relative path as a URI reference: everything but unreserved characters
/// and `/` percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A folder as an absolute `file:` URI ending in `/`.
fn base_uri(base: &std::path::Path) -> String {
    let path = base.to_string_lossy().replace('\\', "/");
    let path = if path.starts_with('/') {
        path
    } else {
        format!("/{path}")
    };
    let path = if path.ends_with('/') {
        path
    } else {
        format!("{path}/")
    };
    format!("file://{}", uri(&path))
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

fn location(file: &str, line: usize, column: usize, message: Option<&str>) -> Value {
    let mut l = json!({"physicalLocation": {
        "artifactLocation": {"uri": uri(file), "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": line, "startColumn": column},
    }});
    if let Some(m) = message {
        l["message"] = json!({"text": m});
    }
    l
}

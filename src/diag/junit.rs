//! `check --format junit`: one test case per plan file; an error is a
//! failure, warnings and infos are the case's output.

use super::{Diagnostic, Level};
use crate::i18n::Localizer;

/// XML text: markup escaped, and control characters (which XML 1.0 does not
/// allow) written escaped as the human output writes them.
fn escape(s: &str) -> String {
    super::escape(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render<'a>(
    diags: &[Diagnostic],
    files: impl Iterator<Item = &'a str>,
    loc: &Localizer,
) -> String {
    let files: Vec<&str> = files.collect();
    let failures = files
        .iter()
        .filter(|f| {
            diags
                .iter()
                .any(|d| d.location.file == **f && d.level == Level::Error)
        })
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"salgsmal check\" tests=\"{}\" failures=\"{failures}\">\n  <testsuite name=\"salgsmal check\" tests=\"{}\" failures=\"{failures}\">\n",
        files.len(),
        files.len()
    ));
    for file in files {
        let mine: Vec<&Diagnostic> = diags.iter().filter(|d| d.location.file == file).collect();
        out.push_str(&format!(
            "    <testcase classname=\"salgsmal\" name=\"{}\"",
            escape(file)
        ));
        if mine.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        for d in mine.iter().filter(|d| d.level == Level::Error) {
            let message = loc.format(&d.message);
            out.push_str(&format!(
                "      <failure type=\"{}\" message=\"{}\">{}:{}:{}: {}</failure>\n",
                d.rule,
                escape(&message),
                escape(file),
                d.location.line,
                d.location.column,
                escape(&message)
            ));
        }
        let rest: Vec<String> = mine
            .iter()
            .filter(|d| d.level != Level::Error)
            .map(|d| {
                format!(
                    "{}[{}] {}:{}:{}: {}",
                    d.level,
                    d.rule,
                    file,
                    d.location.line,
                    d.location.column,
                    loc.format(&d.message)
                )
            })
            .collect();
        if !rest.is_empty() {
            out.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                escape(&rest.join("\n"))
            ));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

//! `check --format github`: workflow commands that GitHub Actions shows as
//! annotations on the pull request's changed lines.

use super::{Diagnostic, Level, Summary};
use crate::i18n::{Localizer, Message};

/// A workflow command's data: `%`, CR and LF percent-encoded as GitHub
/// reads them; other control characters from plan content written escaped
/// (`\u{1b}`), so they never reach the log as bytes.
fn escape_data(s: &str) -> String {
    let encoded = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    super::escape(&encoded)
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub shows this many annotations of each level per step; the rest
/// would be dropped without a word.
const SHOWN: usize = 10;

/// The summary line first, then an annotation for each of the most
/// important findings (errors, then warnings, then infos, at most
/// [`SHOWN`] of each), then how many were left out.
pub fn render(diags: &[Diagnostic], summary: Summary, loc: &Localizer) -> String {
    let (head, counts) = summary.words(loc);
    let mut out = format!("salgsmal: {head}: {counts}\n");
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    // Most important first; within a level, in the order `check` sorts.
    sorted.sort_by_key(|d| std::cmp::Reverse(d.level));
    let mut shown = [0usize; 3];
    let mut hidden = 0;
    for d in sorted {
        let (command, slot) = match d.level {
            Level::Error => ("error", 0),
            Level::Warning => ("warning", 1),
            Level::Info => ("notice", 2),
        };
        if shown[slot] == SHOWN {
            hidden += 1;
            continue;
        }
        shown[slot] += 1;
        let mut message = loc.format(&d.message);
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(&loc.format(help));
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},title={}::{}\n",
            escape_property(&d.location.file),
            d.location.line,
            d.location.column,
            escape_property(&format!("salgsmal {}", d.rule)),
            escape_data(&message)
        ));
    }
    if hidden > 0 {
        out.push_str(&escape_data(
            &loc.format(&Message::new("github-more").count("count", hidden)),
        ));
        out.push('\n');
    }
    out
}

/// Every finding as Markdown, for the job summary (`$GITHUB_STEP_SUMMARY`).
pub fn step_summary(diags: &[Diagnostic], summary: Summary, loc: &Localizer) -> String {
    let (head, counts) = summary.words(loc);
    let mut out = format!(
        "### salgsmal check\n\n**{}**: {}\n\n",
        super::markdown_cell(&head),
        super::markdown_cell(&counts)
    );
    if diags.is_empty() {
        return out;
    }
    let word = |id: &'static str| super::markdown_cell(&loc.format(&Message::new(id)));
    out.push_str(&format!(
        "| {} | {} | {} | {} |\n|---|---|---|---|\n",
        word("github-col-level"),
        word("github-col-rule"),
        word("github-col-where"),
        word("github-col-finding")
    ));
    for d in diags {
        let level = match d.level {
            Level::Error => "level-error",
            Level::Warning => "level-warning",
            Level::Info => "level-info",
        };
        out.push_str(&format!(
            "| {} | `{}` | {}:{} | {} |\n",
            word(level),
            d.rule,
            super::markdown_cell(&d.location.file),
            d.location.line,
            super::markdown_cell(&loc.format(&d.message))
        ));
    }
    out.push('\n');
    out
}

//! `check --format github`: workflow commands that GitHub Actions shows as
//! annotations on the pull request's changed lines.

use super::{Diagnostic, Level};
use crate::i18n::Localizer;

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

pub fn render(diags: &[Diagnostic], loc: &Localizer) -> String {
    let mut out = String::new();
    for d in diags {
        let command = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "notice",
        };
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
    out
}

//! Compiler-style output: `error[rule]: message`, the location, the source
//! line with a caret under the value, related locations and help.

use super::{Accepted, Diagnostic, Level, Summary};
use crate::i18n::Localizer;
use anstyle::{AnsiColor, Style as Paint};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

// The styles, as anstyle writes them (the reset included).
const BOLD: Paint = Paint::new().bold();
const BLUE: Paint = AnsiColor::Blue.on_default().bold();
const GREEN: Paint = AnsiColor::Green.on_default().bold();

impl Style {
    fn paint(self, style: Paint, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    fn level(self, level: Level) -> Paint {
        match level {
            Level::Error => AnsiColor::Red.on_default().bold(),
            Level::Warning => AnsiColor::Yellow.on_default().bold(),
            Level::Info => AnsiColor::Cyan.on_default().bold(),
        }
    }
}

/// Text as Markdown shows it literally, on one line: what would end a
/// table cell or open markup is escaped (reports, the job summary, the
/// pull-request comment).
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '[' | ']' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Plan content for a Markdown table cell in CI output: control characters
/// escaped as on a terminal, then [`markdown`].
pub fn markdown_cell(text: &str) -> String {
    markdown(&escape(text))
}

/// Plan content as it may be shown on a terminal or in a CI log: control
/// characters (C0, DEL, C1: newlines, escape bytes) and the invisible
/// direction overrides are written escaped (`\n`, `\u{1b}`), so a key or a
/// file name cannot forge a CI annotation or drive the terminal.
pub fn escape(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        c => out.push(c),
    }
}

/// Render diagnostics against their files' text (`sources`: path → text).
pub fn render(
    diags: &[Diagnostic],
    accepted: &[Accepted],
    sources: &HashMap<String, String>,
    summary: Option<Summary>,
    style: Style,
    loc: &Localizer,
) -> String {
    let mut out = String::new();
    // Each file split into lines once (a check can have thousands of findings).
    let mut lines: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in diags {
        let file = d.location.file.as_str();
        if !lines.contains_key(file)
            && let Some(text) = sources.get(file)
        {
            lines.insert(file, split_lines(text));
        }
        let line = lines
            .get(file)
            .and_then(|l| l.get(d.location.line.saturating_sub(1)))
            .copied();
        render_one(&mut out, d, line, style, loc);
        out.push('\n');
    }
    for a in accepted {
        let d = &a.diagnostic;
        out.push_str(&format!(
            "{}: {}:{}:{}: {}\n",
            style.paint(BOLD, &format!("accepted[{}]", d.rule)),
            escape(&d.location.file),
            d.location.line,
            d.location.column,
            escape(&loc.format(&d.message))
        ));
        let until = a
            .until
            .as_ref()
            .map(|u| format!(" (until {u})"))
            .unwrap_or_default();
        out.push_str(&format!("  = reason: {}{until}\n", escape(&a.reason)));
    }
    if !accepted.is_empty() {
        out.push('\n');
    }
    if let Some(summary) = summary {
        out.push_str(&summary_line(summary, style, loc));
    }
    out
}

/// Lines split at `\n`, `\r\n` or a lone `\r`, as the YAML reader counts them.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' => {
                lines.push(&text[start..i]);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(&text[start..]);
    lines
}

fn render_one(
    out: &mut String,
    d: &Diagnostic,
    line_text: Option<&str>,
    style: Style,
    loc_: &Localizer,
) {
    let loc = &d.location;
    let gutter = " ".repeat(loc.line.to_string().len());
    out.push_str(&style.paint(style.level(d.level), &format!("{}[{}]", d.level, d.rule)));
    out.push_str(&style.paint(BOLD, &format!(": {}", escape(&loc_.format(&d.message)))));
    out.push('\n');
    out.push_str(&format!(
        "{gutter}{} {}:{}:{}\n",
        style.paint(BLUE, "-->"),
        escape(&loc.file),
        loc.line,
        loc.column
    ));
    if let Some(text) = line_text {
        let bar = style.paint(BLUE, "|");
        let (shown, start, width) = excerpt(text.trim_end_matches('\r'), loc);
        out.push_str(&format!("{gutter} {bar}\n"));
        out.push_str(&format!(
            "{} {bar} {shown}\n",
            style.paint(BLUE, &loc.line.to_string())
        ));
        let pad: String = shown
            .chars()
            .take(start)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        out.push_str(&format!(
            "{gutter} {bar} {pad}{}\n",
            style.paint(style.level(d.level), &"^".repeat(width))
        ));
    }
    let eq = style.paint(BLUE, "=");
    for r in &d.related {
        out.push_str(&format!(
            "{gutter} {eq} note: {}:{}:{}: {}\n",
            escape(&r.file),
            r.line,
            r.column,
            escape(&loc_.format(&r.message))
        ));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!(
            "{gutter} {eq} {}: {}\n",
            style.paint(BOLD, "help"),
            escape(&loc_.format(help))
        ));
    }
}

fn summary_line(s: Summary, style: Style, loc: &Localizer) -> String {
    let (head, counts) = s.words(loc);
    let colour = if s.errors > 0 {
        style.level(Level::Error)
    } else {
        GREEN
    };
    format!("{}: {counts}\n", style.paint(colour, &head))
}

/// The widest part of a source line shown: long lines are cut to a window
/// around the column. Returns the text, the caret's start and its width, in
/// characters.
fn excerpt(text: &str, loc: &super::Location) -> (String, usize, usize) {
    const BEFORE: usize = 40;
    const WIDTH: usize = 100;
    let chars: Vec<char> = text.chars().collect();
    let col = loc.column.saturating_sub(1).min(chars.len());
    let width = if loc.end_line == loc.line {
        loc.end_column.saturating_sub(loc.column).max(1)
    } else {
        chars.len().saturating_sub(col)
    };
    let from = if chars.len() > WIDTH {
        col.saturating_sub(BEFORE)
    } else {
        0
    };
    let to = chars.len().min(from + WIDTH);
    let mut shown = String::new();
    let mut start = 0;
    if from > 0 {
        shown.push('…');
        start += 1;
    }
    // Control characters in the line are shown escaped; the caret moves by
    // the width of what is shown (a tab stays a tab, for alignment).
    let mut width_shown = 0;
    for (i, &c) in chars[from..to].iter().enumerate() {
        let before = shown.chars().count();
        if c == '\t' {
            shown.push('\t');
        } else {
            push_escaped(&mut shown, c);
        }
        let grew = shown.chars().count() - before;
        if from + i < col {
            start += grew;
        } else if from + i < col + width {
            width_shown += grew;
        }
    }
    if to < chars.len() {
        shown.push('…');
    }
    let width = width_shown.max(1);
    (shown, start, width)
}

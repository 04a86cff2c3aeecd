//! Compiler-style output: `error[rule]: message`, the location, the source
//! line with a caret under the value, related locations and help.

use super::{Accepted, Diagnostic, Level, Summary};
use crate::i18n::Localizer;
use annotate_snippets::{AnnotationKind, Group, Level as AsLevel, Origin, Renderer, Snippet};
use anstyle::{AnsiColor, Style as Paint};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

// The styles, as anstyle writes them (the reset included).
const BOLD: Paint = Paint::new().bold();
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
        for r in &d.related {
            if !lines.contains_key(r.file.as_str())
                && let Some(text) = sources.get(&r.file)
            {
                lines.insert(r.file.as_str(), split_lines(text));
            }
        }
        render_one(&mut out, d, &lines, style, loc);
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
    lines: &HashMap<&str, Vec<&str>>,
    style: Style,
    loc_: &Localizer,
) {
    // The layout (`-->`, gutters, carets, `:::` for related places, `=`
    // notes) is annotate-snippets', the renderer rustc uses; what no crate
    // does for us is keeping plan text from driving the terminal
    // (`visible`) and the localised words.
    let loc = &d.location;
    let title = escape(&loc_.format(&d.message));
    let level = match d.level {
        Level::Error => AsLevel::ERROR,
        Level::Warning => AsLevel::WARNING,
        Level::Info => AsLevel::INFO,
    };
    let rule = d.rule.as_str();
    let file = escape(&loc.file);
    let mut group = Group::with_title(level.primary_title(title.as_str()).id(rule));
    let line = source_line(lines, &loc.file, loc.line);
    match line {
        Some(text) => {
            let text = visible(text);
            let end = if loc.end_line == loc.line && loc.end_column > loc.column {
                loc.end_column
            } else {
                text.chars().count() + 1
            };
            let span = byte_span(&text, loc.column, end);
            group = group.element(
                Snippet::source(text)
                    .line_start(loc.line)
                    .path(file)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        None => {
            group = group.element(Origin::path(file).line(loc.line).char_column(loc.column));
        }
    }
    for r in &d.related {
        let message = escape(&loc_.format(&r.message));
        match source_line(lines, &r.file, r.line) {
            Some(text) => {
                let text = visible(text);
                let span = byte_span(&text, r.column, value_end(&text, r.column));
                group = group.element(
                    Snippet::source(text)
                        .line_start(r.line)
                        .path(escape(&r.file))
                        .annotation(AnnotationKind::Context.span(span).label(message)),
                );
            }
            None => {
                group = group.element(AsLevel::NOTE.message(format!(
                    "{}:{}:{}: {message}",
                    escape(&r.file),
                    r.line,
                    r.column
                )));
            }
        }
    }
    if let Some(help) = &d.help {
        group = group.element(AsLevel::HELP.message(escape(&loc_.format(help))));
    }
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    out.push_str(&renderer.render(&[group]));
    out.push_str("\n\n");
}

/// Line `n` (1-based) of a file, without its line break.
fn source_line<'a>(lines: &HashMap<&str, Vec<&'a str>>, file: &str, n: usize) -> Option<&'a str> {
    let text = lines.get(file)?.get(n.checked_sub(1)?)?;
    Some(text.trim_end_matches('\r'))
}

/// A source line as it may be shown on a terminal: each control character
/// (and each invisible direction override) becomes one visible character,
/// so columns stay the file's columns (`\u{1b}` → `␛`, anything without a
/// picture → `�`). A tab stays a tab: the renderer expands it.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if needs_escape(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// The byte range of columns `from..to` (1-based characters) in `text`,
/// at least one character wide where the line has one.
fn byte_span(text: &str, from: usize, to: usize) -> std::ops::Range<usize> {
    let byte = |col: usize| {
        text.char_indices()
            .nth(col.saturating_sub(1))
            .map_or(text.len(), |(i, _)| i)
    };
    let start = byte(from);
    let end = byte(to.max(from + 1)).max(start);
    start..end
}

/// Where a value that starts at `column` ends on its line: before a
/// trailing comment and trailing blanks, and in a flow collection (`{…}`,
/// `[…]`) before the next `,`, `}` or `]`.
fn value_end(text: &str, column: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let from = column.saturating_sub(1).min(chars.len());
    let in_flow = chars[..from].iter().any(|&c| c == '{' || c == '[');
    let mut end = chars.len();
    for i in from..chars.len() {
        let comment = chars[i] == '#' && i > from && chars[i - 1].is_whitespace();
        let flow_end = in_flow && i > from && matches!(chars[i], ',' | '}' | ']');
        if comment || flow_end {
            end = i;
            break;
        }
    }
    while end > from + 1 && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    end + 1
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

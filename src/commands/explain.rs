//! `salgsmal explain RULE`: what a rule checks, why, its parameters, an
//! example, in the reader's language (the texts are in the Fluent files).

use crate::cli::ExplainArgs;
use crate::diag::Level;
use crate::i18n::{Locale, Localizer, Message};
use crate::rules::{self, RuleMeta};
use std::process::ExitCode;

pub fn execute(args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    let locale = locale(args.locale);
    let Some(id) = &args.rule else {
        super::print(&list(locale, width()))?;
        return Ok(ExitCode::SUCCESS);
    };
    match rules::find(id) {
        Some(meta) => {
            super::print(&explain(meta, locale))?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let hint = crate::diag::did_you_mean(id, rules::ids())
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            anyhow::bail!("unknown rule `{id}`{hint}\n\n{}", list(locale, width()))
        }
    }
}

/// The reader's language: `--locale`, else the locale of the plan found
/// from the current folder, else nb.
fn locale(choice: Option<crate::cli::InitLocale>) -> Locale {
    match choice {
        Some(crate::cli::InitLocale::Nb) => Locale::Nb,
        Some(crate::cli::InitLocale::En) => Locale::En,
        None => crate::load::find_root(std::path::Path::new("."))
            .map_or(Locale::Nb, |root| super::config_locale(&root)),
    }
}

/// Every rule with its default level and the first sentence of its summary,
/// as a table `width` characters wide: the summary wraps, its continuation
/// lines indented under it, so each line that starts with two spaces and a
/// word names a rule.
pub fn list(locale: Locale, width: usize) -> String {
    let loc = Localizer::new(locale, "NOK");
    let mut out = loc.format(&Message::new("explain-list"));
    out.push('\n');
    let rows: Vec<(&str, String, String)> = rules::all()
        .iter()
        .map(|rule| {
            let m = rule.meta();
            (m.id.as_str(), m.default_shown(), m.summary_first(&loc))
        })
        .collect();
    let id_width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let level_width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    // Two spaces, the id, a space, the level, two spaces.
    let indent = 2 + id_width + 1 + level_width + 2;
    // However narrow the terminal, a summary column of a few words.
    let summary_width = width.saturating_sub(indent).max(MIN_SUMMARY);
    for (id, level, summary) in &rows {
        for (i, line) in wrap_lines(summary, summary_width).iter().enumerate() {
            if i == 0 {
                out.push_str(&format!(
                    "  {id:<id_width$} {level:<level_width$}  {line}\n"
                ));
            } else {
                out.push_str(&format!("{:indent$}{line}\n", ""));
            }
        }
    }
    out
}

/// The narrowest summary column, below which the table is wider than the
/// terminal rather than one word a line.
const MIN_SUMMARY: usize = 20;

/// The width `explain` fits its list to: `COLUMNS` if it is a number, else
/// the terminal's when standard output is one, else 100.
pub fn width() -> usize {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
    {
        return columns;
    }
    terminal_size::terminal_size_of(std::io::stdout()).map_or(100, |(w, _)| usize::from(w.0))
}

/// `text` in lines of at most `width` characters, broken between words (a
/// word longer than a line is broken inside it).
fn wrap_lines(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        if len > 0 && len + 1 + word.len() > width {
            lines.push(std::mem::take(&mut line));
            len = 0;
        }
        while word.len() > width {
            let rest = word.split_off(width);
            if len > 0 {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.into_iter().collect());
            len = 0;
            word = rest;
        }
        if len > 0 {
            line.push(' ');
            len += 1;
        }
        line.extend(word.iter());
        len += word.len();
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn wrap(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() + 1 > 76 {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(indent);
        out.push_str(&line);
        out.push('\n');
    }
    out
}

pub fn explain(m: &RuleMeta, locale: Locale) -> String {
    let loc = Localizer::new(locale, "NOK");
    let heading = |id: &'static str| loc.format(&Message::new(id));
    let title = Message::new(if m.structural {
        "explain-title-structural"
    } else {
        "explain-title"
    })
    .text("rule", m.id.as_str())
    .text("level", m.default_shown());
    let mut out = loc.format(&title);
    out.push_str("\n\n");
    out.push_str(&heading("explain-what"));
    out.push('\n');
    out.push_str(&wrap(&m.summary(&loc), "  "));
    out.push('\n');
    out.push_str(&heading("explain-why"));
    out.push('\n');
    out.push_str(&wrap(&m.principle(&loc), "  "));
    out.push('\n');
    out.push_str(&heading("explain-params"));
    out.push('\n');
    if m.params.is_empty() {
        out.push_str(&format!("  {}\n", heading("explain-none")));
    } else {
        for p in m.params {
            out.push_str(&format!("  {} = {}\n", p.name, p.default));
            out.push_str(&wrap(&m.param_description(p.name, &loc), "      "));
        }
    }
    if !m.structural {
        let levels = format!(
            "off, {}",
            [Level::Info, Level::Warning, Level::Error]
                .map(|l| l.to_string())
                .join(", ")
        );
        out.push_str(&format!(
            "\n{}\n  rules:\n    {}: {{level: {}{}}}\n  {}\n",
            heading("explain-settings"),
            m.id,
            m.default_level,
            m.params
                .iter()
                .map(|p| format!(", {}: {}", p.name, p.default))
                .collect::<String>(),
            loc.format(&Message::new("explain-levels").text("levels", levels)),
        ));
    }
    out.push('\n');
    out.push_str(&heading("explain-example"));
    out.push('\n');
    for line in rules::example(m.id.as_str(), locale)
        .unwrap_or_default()
        .lines()
    {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::wrap_lines;

    #[test]
    fn lines_break_between_words_and_inside_long_ones() {
        assert_eq!(wrap_lines("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap_lines("ab abcdefgh", 4), ["ab", "abcd", "efgh"]);
        assert_eq!(wrap_lines("æøå æøå", 7), ["æøå æøå"]);
        assert_eq!(wrap_lines("", 10), [""]);
    }
}

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
        super::print(&list(locale))?;
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
            anyhow::bail!("unknown rule `{id}`{hint}\n\n{}", list(locale))
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

/// Every rule with its default level and the first sentence of its summary.
pub fn list(locale: Locale) -> String {
    let loc = Localizer::new(locale, "NOK");
    let mut out = loc.format(&Message::new("explain-list"));
    out.push('\n');
    for rule in rules::all() {
        let m = rule.meta();
        out.push_str(&format!(
            "  {:<18} {:<8} {}\n",
            m.id.as_str(),
            m.default_shown(),
            m.summary_first(&loc)
        ));
    }
    out
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

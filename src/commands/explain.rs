//! `salgsmal explain RULE`: what a rule checks, why, its parameters, an example.

use crate::cli::ExplainArgs;
use crate::diag::Level;
use crate::rules::{self, RuleMeta};
use std::process::ExitCode;

pub fn execute(args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    let Some(id) = &args.rule else {
        super::print(&list())?;
        return Ok(ExitCode::SUCCESS);
    };
    match rules::find(id) {
        Some(meta) => {
            super::print(&explain(meta, locale(args.locale)))?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let hint = crate::diag::did_you_mean(id, rules::ids())
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            anyhow::bail!("unknown rule `{id}`{hint}\n\n{}", list())
        }
    }
}

/// The language of the example: `--locale`, else the locale of the plan
/// found from the current folder, else nb.
fn locale(choice: Option<crate::cli::InitLocale>) -> crate::i18n::Locale {
    use crate::i18n::Locale;
    match choice {
        Some(crate::cli::InitLocale::Nb) => Locale::Nb,
        Some(crate::cli::InitLocale::En) => Locale::En,
        None => {
            // Only `salgsmal.yaml` is read, for its `locale`.
            let text = crate::load::find_root(std::path::Path::new("."))
                .ok()
                .and_then(|root| std::fs::read_to_string(root.join(crate::load::CONFIG_FILE)).ok());
            let locale = text.and_then(|t| {
                crate::source::yaml::parse(&t)
                    .root
                    .and_then(|r| r.get("locale").and_then(|n| n.as_str().map(str::to_string)))
            });
            if locale.as_deref() == Some("en") {
                Locale::En
            } else {
                Locale::Nb
            }
        }
    }
}

/// Every rule with its default level and the first sentence of its summary.
pub fn list() -> String {
    let mut out = String::from("rules:\n");
    for rule in rules::all() {
        let m = rule.meta();
        let first = m.summary.split(". ").next().unwrap_or(m.summary);
        out.push_str(&format!(
            "  {:<18} {:<8} {}\n",
            m.id,
            m.default_level.to_string(),
            first.trim_end_matches('.')
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

pub fn explain(m: &RuleMeta, locale: crate::i18n::Locale) -> String {
    let mut out = format!("{} ({} by default", m.id, m.default_level);
    if m.structural {
        out.push_str("; a structure rule, never off");
    }
    out.push_str(")\n\nWhat it checks:\n");
    out.push_str(&wrap(m.summary, "  "));
    out.push_str("\nWhy (the method):\n");
    out.push_str(&wrap(m.principle, "  "));
    out.push_str("\nParameters:\n");
    if m.params.is_empty() {
        out.push_str("  none\n");
    } else {
        for p in m.params {
            out.push_str(&format!("  {} = {}\n", p.name, p.default));
            out.push_str(&wrap(p.description, "      "));
        }
    }
    if !m.structural {
        let levels = [Level::Info, Level::Warning, Level::Error]
            .map(|l| l.to_string())
            .join(", ");
        out.push_str(&format!(
            "\nSettings in salgsmal.yaml:\n  rules:\n    {}: {{level: {}{}}}\n  level is off, {levels}.\n",
            m.id,
            m.default_level,
            m.params.iter().map(|p| format!(", {}: {}", p.name, p.default)).collect::<String>()
        ));
    }
    out.push_str("\nExample:\n");
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

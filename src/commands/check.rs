//! `salgsmal check`: read the plan, run every rule, print the findings.

use super::Global;
use crate::cli::{CheckArgs, CheckFormat, Deny};
use crate::diag::{self, Level, Style, Summary};
use crate::rules;
use std::collections::HashMap;
use std::process::ExitCode;

pub fn execute(args: &CheckArgs, global: Global) -> anyhow::Result<ExitCode> {
    let at = super::PlanAt::find(args.dir.as_deref(), args.at.as_deref())?;
    let mut loaded = at.load()?;
    if crate::rules::RuleMeta::wants_history(&loaded.plan) {
        at.add_history(&mut loaded.plan, true);
    }
    let plan = &loaded.plan;
    let mut outcome = rules::run(plan, loaded.diagnostics);
    if at.revision.is_some() {
        for d in outcome
            .diagnostics
            .iter_mut()
            .chain(outcome.accepted.iter_mut().map(|a| &mut a.diagnostic))
        {
            d.location.file = at.display(&d.location.file);
            for r in &mut d.related {
                r.file = at.display(&r.file);
            }
        }
    }
    let (diagnostics, accepted) = (&outcome.diagnostics, &outcome.accepted);
    let summary = Summary::of(diagnostics, accepted.len(), plan.files.len());
    let loc = super::localizer(plan, args.locale);
    let output = match args.format {
        CheckFormat::Human => {
            let sources: HashMap<String, String> = plan
                .files
                .iter()
                .map(|f| (at.display(&f.path), f.text.clone()))
                .collect();
            let style = Style {
                color: global.color,
            };
            if global.quiet {
                let shown: Vec<_> = diagnostics
                    .iter()
                    .filter(|d| d.level > Level::Info)
                    .cloned()
                    .collect();
                diag::render_human(&shown, &[], &sources, None, style, &loc)
            } else {
                diag::render_human(diagnostics, accepted, &sources, Some(summary), style, &loc)
            }
        }
        CheckFormat::Json => diag::render_json(diagnostics, accepted, summary, &loc),
        CheckFormat::Github => diag::render_github(diagnostics, &loc),
        CheckFormat::Sarif => {
            diag::render_sarif(diagnostics, &crate::rules::sarif_registry(&loc), &loc)
        }
        CheckFormat::Junit => {
            let files: Vec<String> = plan.files.iter().map(|f| at.display(&f.path)).collect();
            diag::render_junit(diagnostics, files.iter().map(String::as_str), &loc)
        }
    };
    super::print(&output)?;
    let failed = summary.errors > 0 || (args.deny == Some(Deny::Warnings) && summary.warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

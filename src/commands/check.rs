//! `salgsmal check`: read the plan, run every rule, print the findings.

use super::Global;
use crate::cli::{CheckArgs, CheckFormat, Deny};
use crate::diag::{self, Level, Style, Summary};
use crate::rules;
use std::collections::HashMap;
use std::process::ExitCode;

pub fn execute(args: &CheckArgs, global: Global) -> anyhow::Result<ExitCode> {
    let at = super::PlanAt::find(args.dir.as_deref(), args.at.as_deref())?;
    let (mut loaded, scenario) = at.load_what_if(&args.what_if, args.locale)?;
    if crate::rules::RuleMeta::wants_history(&loaded.plan) {
        at.add_history(&mut loaded.plan, true);
    }
    let plan = &loaded.plan;
    let mut outcome = rules::run(plan, loaded.diagnostics);
    // CI formats name files from the repository root, where CI looks for
    // them (`plans/vest/sellers/kari.yaml`); a revision's files are
    // `REV:path`; human output names them from the plan's folder.
    let ci = matches!(
        args.format,
        CheckFormat::Github | CheckFormat::Sarif | CheckFormat::Junit
    );
    let repository = if ci { at.repository() } else { None };
    let prefix = match (&at.revision, &repository) {
        (None, Some((_, prefix))) if !prefix.is_empty() => Some(prefix.clone()),
        _ => None,
    };
    let name = |file: &str| match &prefix {
        Some(prefix) if !file.is_empty() => format!("{prefix}{file}"),
        _ => at.display(file),
    };
    if at.revision.is_some() || prefix.is_some() {
        for d in outcome
            .diagnostics
            .iter_mut()
            .chain(outcome.accepted.iter_mut().map(|a| &mut a.diagnostic))
        {
            d.location.file = name(&d.location.file);
            for r in &mut d.related {
                r.file = name(&r.file);
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
        CheckFormat::Json => diag::render_json(
            diagnostics,
            accepted,
            summary,
            scenario.as_ref().map(serde_json::to_value).transpose()?,
            &loc,
        ),
        CheckFormat::Github => {
            // The whole list for the job's summary page, when GitHub asks.
            if let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") {
                append(
                    std::path::Path::new(&path),
                    &diag::github_step_summary(diagnostics, summary, &loc),
                )?;
            }
            diag::render_github(diagnostics, summary, &loc)
        }
        CheckFormat::Sarif => {
            // Paths are relative to the repository (else the plan's folder).
            let base = repository
                .as_ref()
                .map_or_else(|| at.root.clone(), |(workdir, _)| workdir.clone());
            diag::render_sarif(
                diagnostics,
                &crate::rules::sarif_registry(&loc),
                &base,
                &loc,
            )
        }
        CheckFormat::Junit => {
            let files: Vec<String> = plan.files.iter().map(|f| name(&f.path)).collect();
            diag::render_junit(diagnostics, files.iter().map(String::as_str), &loc)
        }
    };
    if let (Some(scenario), CheckFormat::Human) = (&scenario, args.format) {
        super::print(&super::scenario_lines(scenario, &loc))?;
    }
    super::print(&output)?;
    let failed = summary.errors > 0 || (args.deny == Some(Deny::Warnings) && summary.warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Add `text` to the end of the file at `path` (GitHub's job summary).
fn append(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| anyhow::anyhow!("cannot write the job summary {}: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| anyhow::anyhow!("cannot write the job summary {}: {e}", path.display()))?;
    Ok(())
}

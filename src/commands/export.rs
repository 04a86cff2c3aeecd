//! `salgsmal export FILE.xlsx [DIR]`: the plan, its roll-ups, evaluation and
//! findings as a workbook (`report::xlsx` builds it), written atomically.

use super::Global;
use crate::cli::ExportArgs;
use crate::i18n::Message;
use crate::{report, rules};
use std::io::Write as _;
use std::process::ExitCode;

pub fn execute(args: &ExportArgs, global: Global) -> anyhow::Result<ExitCode> {
    let at = super::PlanAt::find(args.dir.as_deref(), None)?;
    let (loaded, scenario) = at.load_what_if(&args.what_if, args.locale)?;
    let plan = &loaded.plan;
    let loc = super::localizer(plan, args.locale);
    let locale = loc.locale();
    let say = |m: Message| loc.format(&m);
    let analysis = rules::analyse_until(plan, None);
    let outcome = rules::run_on(&analysis, loaded.diagnostics.clone());
    let mut context =
        report::context::build(&analysis, &outcome.diagnostics, &outcome.accepted, locale);
    // A workbook of a what-if says so on its `Om planen` sheet.
    context.json["scenario"] = serde_json::to_value(&scenario)?;
    let bytes = report::xlsx::workbook(plan, &context, locale).map_err(|e| {
        anyhow::anyhow!(say(
            Message::new("export-failed").text("error", e.to_string())
        ))
    })?;

    let file = &args.file;
    let failed = |e: &std::io::Error| {
        anyhow::anyhow!(say(Message::new("import-write-failed")
            .text("path", file.display().to_string())
            .text("error", e.to_string())))
    };
    if file.is_dir() {
        anyhow::bail!(say(
            Message::new("export-is-a-folder").text("path", file.display().to_string())
        ));
    }
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    // Staged under an unpredictable name beside the file, then renamed
    // over it: a reader never sees half a workbook.
    let mut tmp = tempfile::Builder::new()
        .prefix(".salgsmal-")
        .suffix(".xlsx.tmp")
        .tempfile_in(&dir)
        .map_err(|e| failed(&e))?;
    tmp.write_all(&bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| failed(&e))?;
    tmp.persist(file).map_err(|e| failed(&e.error))?;

    if !global.quiet {
        if let Some(scenario) = &scenario {
            super::print(&super::scenario_lines(scenario, &loc))?;
        }
        for note in report::xlsx::left_out(plan) {
            super::eprintln(&format!(
                "{}: {}",
                say(Message::new("xlsx-note")),
                say(note)
            ));
        }
        super::println(&say(Message::new("export-wrote")
            .text("path", file.display().to_string())
            .count("sellers", plan.sellers.len())
            .count("teams", plan.teams.len())
            .count("findings", outcome.diagnostics.len())))?;
    }
    Ok(ExitCode::SUCCESS)
}

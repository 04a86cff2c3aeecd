//! `salgsmal render`: the reports, from the plan and its findings.

use super::start_dir;
use crate::cli::{InitLocale, RenderArgs};
use crate::model::Locale;
use crate::{load, report, rules};
use std::process::ExitCode;

pub fn execute(args: &RenderArgs) -> anyhow::Result<ExitCode> {
    let root = load::find_root(&start_dir(args.dir.as_deref()))?;
    let loaded = load::load(&root)?;
    let plan = &loaded.plan;
    let outcome = rules::run(plan, loaded.diagnostics);
    let locale = match args.locale {
        Some(InitLocale::Nb) => Locale::Nb,
        Some(InitLocale::En) => Locale::En,
        None => plan.settings.fmt.locale,
    };
    let context = report::context::build(plan, &outcome.diagnostics, &outcome.accepted, locale);
    if args.dump_context {
        println!("{}", serde_json::to_string_pretty(&context)?);
        return Ok(ExitCode::SUCCESS);
    }
    anyhow::bail!(
        "rendering reports from templates is not available yet; `--dump-context` prints the data they will receive"
    )
}

//! `salgsmal diff [BASE [HEAD]]`: what a change does to the plan, between
//! two git revisions (HEAD: the working tree by default).

use super::Global;
use crate::cli::{DiffArgs, DiffDeny, DiffFormat};
use crate::diag::Level;
use crate::load::git::Repo;
use crate::load::{self, Files};
use crate::report::{diff, diff_render};
use crate::rules;
use std::path::Path;
use std::process::ExitCode;

pub fn execute(args: &DiffArgs, _global: Global) -> anyhow::Result<ExitCode> {
    let start = Path::new(".");
    let repo = Repo::open(start)?;
    let (base_name, base_commit) = match &args.base {
        Some(rev) => (rev.clone(), repo.commit(rev)?),
        None => repo.default_base()?,
    };
    let head_rev = match &args.head {
        Some(rev) => Some(repo.plan_at(rev, repo.commit(rev)?, start)?),
        None => None,
    };
    let head_root = match &head_rev {
        Some(rev) => repo.workdir().join(&rev.prefix),
        None => load::find_root(start)?,
    };
    let head_loaded = match &head_rev {
        Some(rev) => load::load_from(&head_root, &Files::Tree(rev))?,
        None => load::load(&head_root)?,
    };
    // A plan that the base does not have yet (the pull request that adds
    // it) is compared with an empty plan of the same settings: everything
    // in it is new.
    let base_loaded = match repo.find_plan_at(&base_name, base_commit, start)? {
        Some(base_rev) => {
            let base_root = repo.workdir().join(&base_rev.prefix);
            load::load_from(&base_root, &Files::Tree(&base_rev))?
        }
        None => {
            let config = head_loaded
                .plan
                .files
                .iter()
                .find(|f| f.path == load::CONFIG_FILE)
                .map(|f| f.text.clone().into_bytes())
                .unwrap_or_default();
            let files = std::collections::BTreeMap::from([(load::CONFIG_FILE.to_string(), config)]);
            load::load_from(&head_root, &Files::Memory(&files))?
        }
    };
    let loc = super::localizer(&head_loaded.plan, args.locale);
    let base_analysis = rules::analyse(&base_loaded.plan);
    let base_outcome = rules::run_on(&base_analysis, base_loaded.diagnostics.clone());
    let head_analysis = rules::analyse(&head_loaded.plan);
    let head_outcome = rules::run_on(&head_analysis, head_loaded.diagnostics.clone());
    let base_side = diff::Side {
        analysis: &base_analysis,
        diagnostics: &base_outcome.diagnostics,
        name: base_name,
        id: base_commit.to_string(),
    };
    let head_side = diff::Side {
        analysis: &head_analysis,
        diagnostics: &head_outcome.diagnostics,
        name: match &head_rev {
            Some(rev) => rev.name.clone(),
            None => loc.format(&crate::i18n::Message::new("diff-worktree")),
        },
        id: head_rev
            .as_ref()
            .map_or_else(|| "worktree".to_string(), |r| r.id.to_string()),
    };
    let changes = diff::compare(&base_side, &head_side, &loc);
    let (bp, hp) = (&base_loaded.plan, &head_loaded.plan);
    let text = match args.format {
        DiffFormat::Md => diff_render::markdown(&changes, bp, hp, &loc),
        DiffFormat::Json => diff_render::json(&changes, &loc),
        DiffFormat::Human => diff_render::human(&changes, bp, hp, &loc),
    };
    super::print(&text)?;
    let denied = args.deny == Some(DiffDeny::Errors)
        && changes.introduced.iter().any(|d| d.level == Level::Error);
    Ok(if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

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
    let base_rev = repo.plan_at(&base_name, base_commit, start)?;
    let base_root = repo.workdir().join(&base_rev.prefix);
    let base_loaded = load::load_from(&base_root, &Files::Tree(&base_rev))?;
    let head_rev = match &args.head {
        Some(rev) => Some(repo.plan_at(rev, repo.commit(rev)?, start)?),
        None => None,
    };
    let head_loaded = match &head_rev {
        Some(rev) => load::load_from(&repo.workdir().join(&rev.prefix), &Files::Tree(rev))?,
        None => load::load(&load::find_root(start)?)?,
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

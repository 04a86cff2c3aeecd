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

/// The two plans compared: each loaded, with its name and id.
struct Sides {
    base: load::Loaded,
    base_name: String,
    base_id: String,
    head: load::Loaded,
    head_name: Option<String>,
    head_id: String,
}

pub fn execute(args: &DiffArgs, _global: Global) -> anyhow::Result<ExitCode> {
    let sides = if args.what_if.is_empty() {
        revisions(args)?
    } else {
        if args.head.is_some() {
            let locale = match args.locale {
                Some(crate::cli::InitLocale::En) => crate::i18n::Locale::En,
                Some(crate::cli::InitLocale::Nb) => crate::i18n::Locale::Nb,
                None => crate::load::find_root(Path::new("."))
                    .map_or(crate::i18n::Locale::Nb, |root| super::config_locale(&root)),
            };
            let loc = crate::i18n::Localizer::new(locale, "NOK");
            anyhow::bail!(loc.format(&crate::i18n::Message::new("diff-what-if-head")));
        }
        what_if(args)?
    };
    let Sides {
        base: base_loaded,
        base_name,
        base_id,
        head: head_loaded,
        head_name,
        head_id,
    } = sides;
    let loc = super::localizer(&head_loaded.plan, args.locale);
    let base_analysis = rules::analyse(&base_loaded.plan);
    let base_outcome = rules::run_on(&base_analysis, base_loaded.diagnostics.clone());
    let head_analysis = rules::analyse(&head_loaded.plan);
    let head_outcome = rules::run_on(&head_analysis, head_loaded.diagnostics.clone());
    let base_side = diff::Side {
        analysis: &base_analysis,
        diagnostics: &base_outcome.diagnostics,
        name: base_name,
        id: base_id,
    };
    let head_side = diff::Side {
        analysis: &head_analysis,
        diagnostics: &head_outcome.diagnostics,
        name: head_name.unwrap_or_else(|| loc.format(&crate::i18n::Message::new("diff-worktree"))),
        id: head_id,
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

/// Between two git revisions (HEAD: the working tree by default).
fn revisions(args: &DiffArgs) -> anyhow::Result<Sides> {
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
    Ok(Sides {
        base: base_loaded,
        base_name,
        base_id: base_commit.to_string(),
        head: head_loaded,
        head_name: head_rev.as_ref().map(|r| r.name.clone()),
        head_id: head_rev
            .as_ref()
            .map_or_else(|| "worktree".to_string(), |r| r.id.to_string()),
    })
}

/// Between the plan (the working tree, or the revision `BASE`) and the
/// same plan with the what-if made (`--scenario`, `--set`).
fn what_if(args: &DiffArgs) -> anyhow::Result<Sides> {
    let at = super::PlanAt::find(None, args.base.as_deref())?;
    let base = at.load()?;
    let (head, scenario) = at.load_what_if(&args.what_if, args.locale)?;
    let source = scenario.map(|s| s.source).unwrap_or_default();
    Ok(Sides {
        base,
        base_name: match &at.revision {
            Some(rev) => rev.name.clone(),
            None => {
                let loc = super::localizer(&head.plan, args.locale);
                loc.format(&crate::i18n::Message::new("diff-worktree"))
            }
        },
        base_id: at
            .revision
            .as_ref()
            .map_or_else(|| "worktree".to_string(), |r| r.id.to_string()),
        head,
        head_name: Some(source.clone()),
        head_id: format!("what-if:{source}"),
    })
}

//! One file per subcommand: glue between the command line and the library.

mod allocate;
mod check;
mod completions;
mod diff;
mod explain;
mod export;
pub mod import;
mod import_plan;
mod init;
mod man;
mod render;
mod schema;
mod watch;

use crate::cli::{Cli, ColorChoice, Command, InitLocale};
use crate::i18n::{Locale, Localizer};
use anyhow::Context as _;
use std::process::ExitCode;

/// Run a parsed command line. `Err` means the command could not run (exit 2).
pub fn execute(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &cli.chdir {
        std::env::set_current_dir(dir)
            .with_context(|| format!("cannot change to {}", dir.display()))?;
    }
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        // anstream decides: a terminal, and not NO_COLOR, CLICOLOR=0 or
        // TERM=dumb (CLICOLOR_FORCE forces colour).
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };
    if let Some(bytes) = cli.max_file_bytes {
        crate::load::set_max_file_bytes(bytes);
    }
    let global = Global {
        color,
        quiet: cli.quiet,
    };
    match cli.command {
        Command::Check(args) => check::execute(&args, global),
        Command::Explain(args) => explain::execute(&args),
        Command::Init(args) => init::execute(&args, global),
        Command::Schema(args) => schema::execute(&args),
        Command::Render(args) => render::execute(&args, global),
        Command::Diff(args) => diff::execute(&args, global),
        Command::Watch(args) => watch::execute(&args, global),
        Command::Import(crate::cli::ImportCommand::Actuals(args)) => {
            import::execute_actuals(&args, global)
        }
        Command::Allocate(args) => allocate::execute(&args, global),
        Command::Import(crate::cli::ImportCommand::Plan(args)) => {
            import_plan::execute(&args, global)
        }
        Command::Export(args) => export::execute(&args, global),
        Command::Completions(args) => completions::execute(&args),
        Command::Man(args) => man::execute(&args, global),
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Global {
    pub color: bool,
    pub quiet: bool,
}

/// Print to standard output: every command's output goes through here. A
/// reader that stops early (`| head`) ends the command quietly with exit 0:
/// what it wanted is written, and nobody is left to read the rest.
pub fn print(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        other => Ok(other?),
    }
}

/// `print` with a line break.
pub fn println(text: &str) -> anyhow::Result<()> {
    print(&format!("{text}\n"))
}

/// Print a line to standard error; a closed standard error is not worth
/// another error.
pub fn eprintln(text: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}").and_then(|()| err.flush());
}

/// The reader's language: `--locale`, else the plan's `locale`, with the
/// plan's currency.
pub fn localizer(plan: &crate::model::Plan, locale: Option<InitLocale>) -> Localizer {
    let locale = match locale {
        Some(InitLocale::Nb) => Locale::Nb,
        Some(InitLocale::En) => Locale::En,
        None => plan.settings.fmt.locale,
    };
    Localizer::new(locale, &plan.settings.fmt.currency)
}

/// The `locale` of the plan at `root`, read from `salgsmal.yaml` alone (for
/// the words a command prints before or without the whole plan), else nb.
pub fn config_locale(root: &std::path::Path) -> Locale {
    let text = crate::load::config_text(root);
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

/// The what-if a check or a report shows, in words: one line saying so,
/// then each change (file:line:column, path, before → after).
pub fn scenario_lines(scenario: &crate::load::whatif::Scenario, loc: &Localizer) -> String {
    let mut out =
        loc.format(&crate::i18n::Message::new("whatif-heading").text("source", &scenario.source));
    out.push('\n');
    for c in &scenario.changes {
        out.push_str(&format!(
            "  {}:{}:{} {}: {} → {}\n",
            crate::diag::escape(&c.file),
            c.line,
            c.column,
            crate::diag::escape(&c.path),
            crate::diag::escape(&c.before),
            crate::diag::escape(&c.after)
        ));
    }
    out.push('\n');
    out
}

/// How many commits back the target history looks at most.
const HISTORY_LIMIT: usize = 20_000;

/// A plan to read: its folder in the working tree, and with `--at REV` the
/// revision whose files are read instead of the working tree's.
pub struct PlanAt {
    pub root: std::path::PathBuf,
    pub revision: Option<crate::load::git::Revision>,
}

impl PlanAt {
    /// The plan found from `dir` (or the current folder): in the working
    /// tree, or at the git revision `at`.
    pub fn find(dir: Option<&std::path::Path>, at: Option<&str>) -> anyhow::Result<Self> {
        let start = start_dir(dir);
        let Some(rev) = at else {
            return Ok(Self {
                root: crate::load::find_root(&start)?,
                revision: None,
            });
        };
        let repo = crate::load::git::Repo::open(&start)?;
        let commit = repo.commit(rev)?;
        let revision = repo.plan_at(rev, commit, &start)?;
        Ok(Self {
            root: repo.workdir().join(&revision.prefix),
            revision: Some(revision),
        })
    }

    pub fn load(&self) -> Result<crate::load::Loaded, crate::load::LoadError> {
        crate::load::load_from(&self.root, &self.files())
    }

    /// Where the plan's files are read from.
    pub fn files(&self) -> crate::load::Files<'_> {
        match &self.revision {
            None => crate::load::Files::Dir(&self.root),
            Some(rev) => crate::load::Files::Tree(rev),
        }
    }

    /// The plan with the what-if changes (`--set`, `--scenario`) made in
    /// memory, and what they are; the plan as it is without any. A change
    /// that cannot be made stops the run (exit 2), located.
    pub fn load_what_if(
        &self,
        what_if: &crate::cli::WhatIfArgs,
        locale: Option<InitLocale>,
    ) -> anyhow::Result<(crate::load::Loaded, Option<crate::load::whatif::Scenario>)> {
        use crate::load::whatif;
        if what_if.is_empty() {
            return Ok((self.load()?, None));
        }
        // The files the what-if leaves as they are are parsed once.
        let mut cache = crate::load::Cache::default();
        let loaded = crate::load::load_from_cached(&self.root, &self.files(), &mut cache)?;
        let loc = localizer(&loaded.plan, locale);
        // The message names keys and ids of the plan: shown escaped.
        let refused = |r: whatif::Refused| {
            anyhow::anyhow!(
                "{}: {}",
                crate::diag::escape(&r.at),
                crate::diag::escape(&loc.format(&r.message))
            )
        };
        let mut settings = Vec::new();
        let mut sources = Vec::new();
        if let Some(path) = &what_if.scenario {
            let shown = path.display().to_string();
            settings.extend(
                whatif::read_scenario(path, &shown, crate::load::max_file_bytes(None))
                    .map_err(refused)?,
            );
            sources.push(shown);
        }
        for arg in &what_if.set {
            settings.push(whatif::parse_set(arg).map_err(refused)?);
        }
        if !what_if.set.is_empty() {
            sources.push("--set".to_string());
        }
        let changes = whatif::apply(&loaded.plan, &settings).map_err(refused)?;
        let scenario = whatif::Scenario {
            source: sources.join(", "),
            changes: changes.changes.clone(),
        };
        drop(loaded);
        Ok((
            changes.load_cached(&self.root, &self.files(), &mut cache)?,
            Some(scenario),
        ))
    }

    /// The git history of the plan's targets into `plan.history`: the
    /// commits since the plan period began, from the revision read (or
    /// HEAD). Nothing outside a repository.
    /// With `latest`, also the latest commit of each file, however old
    /// (`ownership`).
    pub fn add_history(&self, plan: &mut crate::model::Plan, latest: bool) {
        use crate::load::git::Repo;
        let Ok(repo) = Repo::open(&self.root) else {
            return;
        };
        let (from, prefix) = match &self.revision {
            Some(rev) => (rev.id, rev.prefix.clone()),
            None => match (repo.commit("HEAD"), repo.prefix_of(&self.root)) {
                (Ok(from), Ok(prefix)) => (from, prefix),
                _ => return,
            },
        };
        let files: Vec<String> = plan
            .sellers
            .iter()
            .map(|s| s.file)
            .chain(plan.teams.iter().map(|t| t.file))
            .map(|f| plan.file(f).path.clone())
            .collect();
        let since = plan.period().map_or(
            crate::model::period::Date::from_days(0),
            crate::model::period::Period::start,
        );
        if let Ok(history) = repo.history(from, &prefix, &files, since, latest, HISTORY_LIMIT) {
            plan.history = history;
        }
    }

    /// The repository's working tree and the plan's folder in it
    /// (`plans/vest/`), when the plan is in a git repository.
    pub fn repository(&self) -> Option<(std::path::PathBuf, String)> {
        let repo = crate::load::git::Repo::open(&self.root).ok()?;
        let prefix = match &self.revision {
            Some(rev) => rev.prefix.clone(),
            None => repo.prefix_of(&self.root).ok()?,
        };
        Some((repo.workdir().to_path_buf(), prefix))
    }

    /// How a plan file is named in output: as it is, or `REV:path` from
    /// the repository root.
    pub fn display(&self, file: &str) -> String {
        match &self.revision {
            None => file.to_string(),
            Some(_) if file.is_empty() => file.to_string(),
            Some(rev) => rev.display(file),
        }
    }
}

/// The folder a command works on: its `DIR` argument, or the current folder.
fn start_dir(dir: Option<&std::path::Path>) -> std::path::PathBuf {
    dir.map_or_else(
        || std::path::PathBuf::from("."),
        std::path::Path::to_path_buf,
    )
}

//! `salgsmal watch`: re-check (and re-render) on every save, printing a
//! one-line status and the findings that are new. Bad input never stops it,
//! nor the plan's folder or `salgsmal.yaml` going away (it waits for them to
//! come back); Ctrl-C does. A re-check parses again only the files whose
//! bytes changed (`load::Cache`).

use super::Global;
use crate::cli::{RenderFormat, WatchArgs};
use crate::diag::{self, Diagnostic, Style, Summary};
use crate::i18n::{Fmt, Locale, Localizer, Message};
use crate::report::render::{self, Format, Options, Report};
use crate::{load, report, rules};
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::new_debouncer;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

/// A finding, without its position (which moves as lines are edited).
type Key = (String, String, crate::i18n::Message);

fn key(d: &Diagnostic) -> Key {
    (
        d.rule.to_string(),
        d.location.file.clone(),
        d.message.clone(),
    )
}

struct Watcher {
    root: PathBuf,
    out: PathBuf,
    render: Option<Format>,
    style: Style,
    previous: Option<HashSet<Key>>,
    /// What of the plan was missing at the last look, once said.
    absent: Option<Absent>,
    /// The files as parsed last time: a re-check parses only those changed.
    cache: load::Cache,
    /// The plan's language, as of the last plan that loaded (its
    /// `salgsmal.yaml` before that): watch's own lines speak it too.
    locale: Locale,
}

/// What of the plan is missing: its folder, or its `salgsmal.yaml`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Absent {
    Folder,
    Config,
}

/// Which folder is at `root` now, or none: on Unix its device and inode, so
/// that a folder deleted and made again (or another moved in its place) is
/// seen as another, which has to be watched anew.
fn identity(root: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(root)
        .ok()
        .filter(std::fs::Metadata::is_dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some((0, 0))
    }
}

fn clock() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "{:02}:{:02}:{:02}",
        secs / 3600 % 24,
        secs / 60 % 60,
        secs % 60
    )
}

impl Watcher {
    /// Whether a changed path can change the check or the reports.
    fn relevant(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&self.root) else {
            return false;
        };
        if path.starts_with(&self.out) {
            return false;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.')
            || name.ends_with('~')
            || name.ends_with(".swp")
            || name.ends_with(".tmp")
        {
            return false;
        }
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        match first.as_str() {
            "templates" => true,
            "teams" | "sellers" | "customers" | "actuals" => {
                // The folder itself (renamed, removed, made: notify reports
                // a folder removed with its files as the folder alone), or
                // a plan file in it.
                rel.components().count() == 1
                    || name.ends_with(".yaml")
                    || name.ends_with(".yml")
                    || name.ends_with(".csv")
            }
            _ => rel == Path::new(load::CONFIG_FILE),
        }
    }

    /// One of watch's own lines, in the plan's language.
    fn say(&self, message: &Message) -> String {
        Localizer::new(self.locale, "NOK").format(message)
    }

    /// `sellers/kari.yaml changed — `, before the status line of a re-check.
    fn changed(&self, files: &str) -> String {
        if files.is_empty() {
            String::new()
        } else {
            let changed = self.say(&Message::new("watch-changed").text("files", files));
            format!("{changed} — ")
        }
    }

    /// What of the plan is missing now, if anything.
    fn absence(&self) -> Option<Absent> {
        if !self.root.is_dir() {
            Some(Absent::Folder)
        } else if std::fs::symlink_metadata(self.root.join(load::CONFIG_FILE)).is_err() {
            Some(Absent::Config)
        } else {
            None
        }
    }

    fn run(&mut self, changed: &[String]) {
        // A plan that is gone is said once, and waited for.
        if let Some(absent) = self.absence() {
            if self.absent != Some(absent) {
                let gone = match absent {
                    Absent::Folder => Message::new("watch-plan-gone"),
                    Absent::Config => Message::new("watch-config-gone"),
                }
                .text("root", self.root.display().to_string());
                let _ = super::println(&format!("[{}] {}", clock(), self.say(&gone)));
            }
            self.absent = Some(absent);
            return;
        }
        let changed = if self.absent.take().is_some() {
            format!("{} — ", self.say(&Message::new("watch-back")))
        } else {
            self.changed(&diag::escape(&changed.join(", ")))
        };
        let loaded = match load::load_cached(&self.root, &mut self.cache) {
            Ok(l) => l,
            Err(e) => {
                // The plan did not load: its `salgsmal.yaml` may still say
                // which language to speak.
                self.locale = super::config_locale(&self.root);
                let _ = super::println(&format!("[{}] {changed}error: {e}", clock()));
                return;
            }
        };
        let plan = &loaded.plan;
        self.locale = plan.settings.fmt.locale;
        let what = changed;
        let analysis = rules::analyse(plan);
        let outcome = rules::run_on(&analysis, loaded.diagnostics);
        let loc = super::localizer(plan, None);
        let summary = Summary::of(
            &outcome.diagnostics,
            outcome.accepted.len(),
            plan.files.len(),
        );
        let now: HashSet<Key> = outcome.diagnostics.iter().map(key).collect();
        let new: Vec<Diagnostic> = outcome
            .diagnostics
            .iter()
            .filter(|d| self.previous.as_ref().is_none_or(|p| !p.contains(&key(d))))
            .filter(|d| self.previous.is_some() || d.level > diag::Level::Info)
            .cloned()
            .collect();
        let resolved = self
            .previous
            .as_ref()
            .map_or(0, |p| p.difference(&now).count());
        let status = diag::render_human(&[], &[], &HashMap::new(), Some(summary), self.style, &loc);
        let mut line = format!("[{}] {what}{}", clock(), status.trim_end());
        if !new.is_empty() && self.previous.is_some() {
            line.push_str("; ");
            line.push_str(&loc.format(&Message::new("watch-new").count("count", new.len())));
        }
        if resolved > 0 {
            line.push_str("; ");
            line.push_str(&loc.format(&Message::new("watch-resolved").count("count", resolved)));
        }
        let _ = super::println(&line);
        if !new.is_empty() {
            let sources: HashMap<String, String> = plan
                .files
                .iter()
                .map(|f| (f.path.clone(), f.text.clone()))
                .collect();
            let _ = super::print(&diag::render_human(
                &new,
                &[],
                &sources,
                None,
                self.style,
                &loc,
            ));
        }
        self.previous = Some(now);
        if let Some(format) = self.render {
            let locale = plan.settings.fmt.locale;
            let context = report::linked::link(report::context::build(
                &analysis,
                &outcome.diagnostics,
                &outcome.accepted,
                locale,
            ));
            let env =
                render::environment(&self.root, &Fmt::new(locale, &plan.settings.fmt.currency));
            let options = Options {
                reports: vec![Report::Team, Report::Seller, Report::Review],
                format,
                team: None,
                seller: None,
            };
            // Reports of a seller or team deleted since are removed.
            let alive = render::report_names(&context);
            match render::render(&env, &context, &self.root, &options)
                .map(|files| render::write_all(&self.out, &files, &alive).map(|w| w.written.len()))
            {
                Ok(Ok(n)) => {
                    let rendered = Message::new("watch-rendered")
                        .count("count", n)
                        .text("dir", self.out.display().to_string());
                    let _ = super::println(&format!("[{}] {}", clock(), loc.format(&rendered)));
                }
                Ok(Err(e)) => {
                    let failed = Message::new("watch-write-failed").text("error", e.to_string());
                    let _ =
                        super::println(&format!("[{}] error: {}", clock(), loc.format(&failed)));
                }
                Err(e) => {
                    let failed = Message::new("watch-template-failed").text("error", e.to_string());
                    let _ = super::println(&format!(
                        "[{}] error[template]: {}",
                        clock(),
                        loc.format(&failed)
                    ));
                }
            }
        }
    }
}

/// Events that can change a file's content (reading a file is an event too).
fn changes_content(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)
            | EventKind::Any
    )
}

pub fn execute(args: &WatchArgs, global: Global) -> anyhow::Result<ExitCode> {
    let root = load::find_root(&super::start_dir(args.dir.as_deref()))?;
    let out = args.out.clone().unwrap_or_else(|| root.join("build"));
    let out = if out.is_absolute() {
        out
    } else {
        std::env::current_dir()?.join(out)
    };
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))?;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(200), None, tx)?;
    debouncer.watch(&root, RecursiveMode::Recursive)?;
    let mut watcher = Watcher {
        root: root.clone(),
        out,
        render: args.render.map(|f| match f {
            RenderFormat::Md => Format::Md,
            RenderFormat::Html => Format::Html,
        }),
        style: Style {
            color: global.color,
        },
        previous: None,
        absent: None,
        cache: load::Cache::default(),
        locale: super::config_locale(&root),
    };
    super::println(
        &watcher.say(&Message::new("watch-start").text("root", root.display().to_string())),
    )?;
    watcher.run(&[]);
    // The folder watched: when it goes, notify stops watching it; when a
    // folder is back at its path, that one is watched and the plan checked.
    let mut watched = identity(&root);
    while !stop.load(Ordering::SeqCst) {
        match rx.recv_timeout(Duration::from_millis(150)) {
            Ok(Ok(events)) => {
                let mut changed: Vec<String> = events
                    .iter()
                    .filter(|e| changes_content(&e.kind))
                    .flat_map(|e| e.paths.iter())
                    .filter(|p| watcher.relevant(p))
                    .filter_map(|p| {
                        p.strip_prefix(&root)
                            .ok()
                            .map(|r| r.to_string_lossy().replace('\\', "/"))
                    })
                    .collect();
                changed.sort();
                changed.dedup();
                if !changed.is_empty() {
                    watcher.run(&changed);
                }
            }
            Ok(Err(errors)) => {
                for e in errors {
                    super::eprintln(&format!("watch: {e}"));
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break,
        }
        let now = identity(&root);
        if now != watched {
            // The old folder's watch may be gone already.
            let _ = debouncer.unwatch(&root);
            if now.is_some()
                && let Err(e) = debouncer.watch(&root, RecursiveMode::Recursive)
            {
                super::eprintln(&format!("watch: {e}"));
            }
            watched = now;
            // After the new watch: what changed before it is read now.
            watcher.run(&[]);
        }
    }
    super::println(&watcher.say(&Message::new("watch-stopped")))?;
    Ok(ExitCode::SUCCESS)
}

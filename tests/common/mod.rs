//! A small builder that writes a plan folder to a temp dir and runs the real
//! `salgsmal` binary on it.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const CONFIG: &str = "version: 1\ncompany: Testfirma AS\nperiod: 2027\n";

pub const TEAM: &str = "\
name: Salg Vest
starting_point:
  date: 2026-12-31
  values: {revenue: 9_000_000}
goals:
  - {id: omsetning, metric: revenue, target: 10_000_000}
";

pub const SELLER: &str = "\
name: Kari Nordmann
team: salg-vest
goals:
  - {id: omsetning, metric: revenue, target: 10_000_000}
";

pub struct Plan {
    dir: tempfile::TempDir,
}

impl Plan {
    /// An empty folder (no salgsmal.yaml).
    pub fn empty() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A small valid plan: config, one team, one seller.
    pub fn new() -> Self {
        Self::empty()
            .file("salgsmal.yaml", CONFIG)
            .file("teams/salg-vest.yaml", TEAM)
            .file("sellers/kari.yaml", SELLER)
    }

    /// A copy of the example plan in `examples/salg-vest`.
    pub fn example() -> Self {
        let plan = Self::empty();
        copy_dir(&example_dir(), plan.path());
        plan
    }

    /// The plan without a file or folder of it.
    pub fn without(self, rel: &str) -> Self {
        let path = self.dir.path().join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).expect("remove dir");
        } else {
            std::fs::remove_file(&path).expect("remove file");
        }
        self
    }

    pub fn file(self, rel: &str, text: &str) -> Self {
        self.bytes(rel, text.as_bytes())
    }

    pub fn bytes(self, rel: &str, bytes: &[u8]) -> Self {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
        self
    }

    pub fn remove(self, rel: &str) -> Self {
        std::fs::remove_file(self.dir.path().join(rel)).expect("remove");
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).expect("read")
    }

    /// Run `salgsmal ARGS` with the plan folder as the working directory.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }

    /// `salgsmal check --format json --locale en`, parsed (the messages in
    /// English, whatever the plan's locale).
    pub fn check_json(&self) -> (i32, Value) {
        let run = self.run(&["check", "--format", "json", "--locale", "en"]);
        let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
            panic!(
                "check --format json printed no JSON ({e}):\n{}\n{}",
                run.stdout, run.stderr
            )
        });
        (run.code, json)
    }

    /// The diagnostics of `check --format json` for one rule.
    pub fn diagnostics(&self, rule: &str) -> Vec<Value> {
        let (_, json) = self.check_json();
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == rule)
            .cloned()
            .collect()
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_salgsmal"))
}

pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_in_env(dir, args, &[])
}

/// `run_in` with extra environment variables.
pub fn run_in_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(bin());
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output: Output = cmd.output().expect("run salgsmal");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub fn example_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/salg-vest")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// Assert a diagnostic's rule, level, file, line and column.
pub fn assert_at(d: &Value, rule: &str, level: &str, file: &str, line: u64, column: u64) {
    assert_eq!(d["rule"], rule, "{d:#}");
    assert_eq!(d["level"], level, "{d:#}");
    assert_eq!(d["file"], file, "{d:#}");
    assert_eq!(d["line"], line, "{d:#}");
    assert_eq!(d["column"], column, "{d:#}");
}

/// Compare with a stored snapshot in tests/snapshots; `UPDATE_SNAPSHOTS=1`
/// rewrites it after a deliberate change.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write snapshot");
        return;
    }
    assert!(
        path.is_file(),
        "no snapshot {name}; run with UPDATE_SNAPSHOTS=1"
    );
    // snapbox shows a difference as a diff; the snapshot is compared as it
    // is (no wildcards), and UPDATE_SNAPSHOTS=1 rewrites it (above).
    snapbox::Assert::new().eq(
        actual.to_string(),
        snapbox::Data::read_from(&path, None).raw(),
    );
}

/// 1-based line and column (in characters) of the first `needle` in `text`.
pub fn pos(text: &str, needle: &str) -> (u64, u64) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the fixture"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u64, column as u64)
}

/// Assert a diagnostic sits at `needle` in `text` (the fixture of `file`).
pub fn assert_at_text(d: &Value, rule: &str, level: &str, file: &str, text: &str, needle: &str) {
    let (line, column) = pos(text, needle);
    assert_at(d, rule, level, file, line, column);
}

impl Plan {
    /// `check --format json` with extra environment variables.
    pub fn check_json_env(&self, env: &[(&str, &str)]) -> (i32, Value) {
        let mut cmd = Command::new(bin());
        cmd.args(["check", "--format", "json", "--locale", "en"])
            .current_dir(self.path())
            .env("NO_COLOR", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let output = cmd.output().expect("run salgsmal");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let json =
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {stdout}"));
        (output.status.code().unwrap_or(-1), json)
    }
}

/// The messages of a list of diagnostics.
pub fn messages(d: &[Value]) -> Vec<String> {
    d.iter()
        .filter_map(|d| d["message"].as_str().map(str::to_string))
        .collect()
}

/// Run the real git in `dir` as `author` (name, email), at `date` when
/// given, with no system or user configuration; its output, or a panic
/// with its errors.
pub fn git_as(dir: &Path, args: &[&str], author: (&str, &str), date: Option<&str>) -> String {
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", author.0)
        .env("GIT_AUTHOR_EMAIL", author.1)
        .env("GIT_COMMITTER_NAME", author.0)
        .env("GIT_COMMITTER_EMAIL", author.1)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir);
    if let Some(date) = date {
        cmd.env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let out = cmd.output().expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The lines of `explain`'s list that name a rule: two spaces, then the id
/// (and its level, then its summary). A summary too long for the width goes
/// on in lines indented further, under the summary column.
pub fn rule_lines(list: &str) -> Vec<&str> {
    list.lines()
        .skip(1)
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .collect()
}

/// The example plan as it stood before its first actuals, with deliberate
/// mistakes in Kari's file: a misspelt key, a wrong team, and a margin
/// written as 25.
pub fn mistaken_example() -> Plan {
    let plan = Plan::example().without("actuals");
    let kari = plan
        .read("sellers/kari.yaml")
        .replace("team: salg-vest", "team: salg-vets")
        .replace(
            "metric: contribution_margin, target: 0.25",
            "metric: contribution_margin, target: 25",
        )
        .replace(
            "metric: revenue, target: 10_000_000",
            "metric: revenue, targt: 10_000_000",
        );
    plan.file("sellers/kari.yaml", &kari)
}

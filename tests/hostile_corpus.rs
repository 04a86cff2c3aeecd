//! The hostile corpus: every case under `tests/hostile/` (a folder with an
//! `expect.json`, and a `plan/` laid over a small valid plan) is run
//! through the real binary, and each must end as its `expect.json` says:
//! the exit code (never a panic), the findings at their file, line and
//! column, nothing from outside the plan in any output, nothing written
//! outside the plan (nor inside it but where the case allows), within a
//! minute and 2 GiB of address space. `tests/hostile/README.md` describes
//! the format; `tests/hostile/fuzz/` holds the inputs the fuzzers found.
#![cfg(unix)]

mod common;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Text outside the plan that must never appear in any output.
const SECRET: &str = "hunter2-outside-the-plan";
/// A case that runs longer is a hang (a detector, not a timing test).
const HANG: Duration = Duration::from_secs(60);
/// The address space a run may use: runaway memory fails the case.
const MEMORY_KIB: u64 = 2 * 1024 * 1024;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// Every folder with an `expect.json` under `dir`.
fn cases(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join("expect.json").is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    entries.sort();
    for entry in entries {
        cases(&entry, out);
    }
}

/// A folder outside the plan holding the secret where a link may lead.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let seller = format!("name: {SECRET}\nteam: salg-vest\n");
    std::fs::write(dir.path().join("secret.yaml"), &seller).expect("secret");
    std::fs::create_dir(dir.path().join("sellers")).expect("mkdir");
    std::fs::write(dir.path().join("sellers/kari.yaml"), &seller).expect("secret");
    std::fs::write(
        dir.path().join("salgsmal.yaml"),
        format!("version: 1\ncompany: {SECRET}\nperiod: 2027\n"),
    )
    .expect("secret");
    for template in ["team.md", "team.html", "seller.md", "review.md"] {
        std::fs::write(dir.path().join(template), format!("{SECRET}\n")).expect("template");
    }
    dir
}

fn copy_into(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("case plan") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_into(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// What is in a folder, links not followed: path → (kind, size, modified).
type Listing = BTreeMap<String, (String, u64, Option<std::time::SystemTime>)>;

fn listing(dir: &Path) -> Listing {
    fn walk(root: &Path, dir: &Path, out: &mut Listing) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            let meta = std::fs::symlink_metadata(&path).expect("metadata");
            let rel = path
                .strip_prefix(root)
                .expect("inside")
                .display()
                .to_string();
            let kind = format!("{:?}", meta.file_type());
            out.insert(rel, (kind, meta.len(), meta.modified().ok()));
            if meta.is_dir() {
                walk(root, &path, out);
            }
        }
    }
    let mut out = Listing::new();
    walk(dir, dir, &mut out);
    out
}

/// `$PLAN`, `$OUTSIDE` and `$SECRET` in a case's text.
fn expand(text: &str, plan: &Path, outside: &Path) -> String {
    text.replace("$PLAN", &plan.display().to_string())
        .replace("$OUTSIDE", &outside.display().to_string())
        .replace("$SECRET", SECRET)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Lay the case over the small valid plan in `plan`.
fn build(case: &Path, expect: &Value, plan: &Path, outside: &Path) {
    for (rel, text) in [
        ("salgsmal.yaml", common::CONFIG),
        ("teams/salg-vest.yaml", common::TEAM),
        ("sellers/kari.yaml", common::SELLER),
    ] {
        let path = plan.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    if case.join("plan").is_dir() {
        copy_into(&case.join("plan"), plan);
    }
    for rel in strings(&expect["remove"]) {
        let path = plan.join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(&path).expect("remove");
        } else {
            std::fs::remove_file(&path).expect("remove");
        }
    }
    for g in expect["generate"].as_array().into_iter().flatten() {
        let field = |k: &str| g[k].as_str().unwrap_or_default();
        let times = g["times"].as_u64().expect("times");
        let mut text = String::from(field("head"));
        let repeat = field("repeat");
        for i in 0..times {
            if repeat.contains("{i}") {
                text.push_str(&repeat.replace("{i}", &i.to_string()));
            } else {
                text.push_str(repeat);
            }
        }
        text.push_str(field("tail"));
        let path = plan.join(field("path"));
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    for link in expect["links"].as_array().into_iter().flatten() {
        let path = plan.join(link["path"].as_str().expect("path"));
        let to = expand(link["to"].as_str().expect("to"), plan, outside);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::os::unix::fs::symlink(to, path).expect("link");
    }
    for rel in strings(&expect["fifos"]) {
        let ok = Command::new("mkfifo")
            .arg(plan.join(rel))
            .status()
            .expect("mkfifo")
            .success();
        assert!(ok, "mkfifo");
    }
}

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// The binary on the plan, its memory bounded, killed after `HANG`.
fn run(args: &[String], plan: &Path, logs: &Path) -> Ran {
    let out_path = logs.join("stdout");
    let err_path = logs.join("stderr");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KIB} 2>/dev/null; exec \"$0\" \"$@\""
        ))
        .arg(common::bin())
        .args(args)
        .current_dir(plan)
        .env("NO_COLOR", "1")
        // Few threads and malloc arenas: the limit is on address space.
        .env("RAYON_NUM_THREADS", "2")
        .env("MALLOC_ARENA_MAX", "2")
        .env("CI_TOKEN", SECRET)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).expect("stdout"))
        .stderr(std::fs::File::create(&err_path).expect("stderr"))
        .spawn()
        .expect("run salgsmal");
    let start = Instant::now();
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let read = |p: &Path| String::from_utf8_lossy(&std::fs::read(p).expect("log")).into_owned();
    Ran {
        code,
        stdout: read(&out_path),
        stderr: read(&err_path),
    }
}

/// Whether `d` is the finding `want` describes (every field it names).
fn matches(d: &Value, want: &Value) -> bool {
    want.as_object()
        .expect("a finding is an object")
        .iter()
        .all(|(k, v)| &d[k] == v)
}

/// The problems with one case, if any.
fn check_case(case: &Path) -> Vec<String> {
    let name = case
        .strip_prefix(corpus())
        .expect("in the corpus")
        .display()
        .to_string();
    let text = std::fs::read_to_string(case.join("expect.json")).expect("expect.json");
    let expect: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{name}/expect.json is not JSON: {e}"));
    let plan_dir = tempfile::tempdir().expect("temp dir");
    let plan = plan_dir.path().canonicalize().expect("plan dir");
    let outside = outside();
    let logs = tempfile::tempdir().expect("temp dir");
    build(case, &expect, &plan, outside.path());
    let before = (listing(&plan), listing(outside.path()));

    let args: Vec<String> = match expect["args"].as_array() {
        Some(_) => strings(&expect["args"]),
        None => ["check", "--format", "json", "--locale", "en"]
            .map(str::to_string)
            .to_vec(),
    };
    let args: Vec<String> = args
        .iter()
        .map(|a| expand(a, &plan, outside.path()))
        .collect();
    let ran = run(&args, &plan, logs.path());
    let mut problems = Vec::new();
    let mut fail = |p: String| problems.push(format!("{name}: {p}"));
    let shown = || {
        format!(
            "\n--- stdout\n{:.4000}\n--- stderr\n{:.4000}",
            ran.stdout, ran.stderr
        )
    };

    let want = expect["exit"].as_i64().expect("exit");
    match ran.code {
        None => fail(format!(
            "no exit in {}s (a hang), or killed (memory over {MEMORY_KIB} KiB){}",
            HANG.as_secs(),
            shown()
        )),
        Some(101) => fail(format!("panicked{}", shown())),
        Some(code) if i64::from(code) != want => {
            fail(format!("exit {code}, not {want}{}", shown()));
        }
        Some(_) => {}
    }
    if ran.stdout.contains(SECRET) || ran.stderr.contains(SECRET) {
        fail(format!(
            "text from outside the plan in the output{}",
            shown()
        ));
    }
    let findings = expect["findings"].as_array().cloned().unwrap_or_default();
    if !findings.is_empty() {
        match serde_json::from_str::<Value>(&ran.stdout) {
            Err(e) => fail(format!("no JSON ({e}){}", shown())),
            Ok(json) => {
                let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
                for want in &findings {
                    if !diags.iter().any(|d| matches(d, want)) {
                        let found: Vec<String> = diags
                            .iter()
                            .map(|d| {
                                format!(
                                    "{} {} {}:{}:{} {}",
                                    d["rule"],
                                    d["message_id"],
                                    d["file"],
                                    d["line"],
                                    d["column"],
                                    d["message"].as_str().unwrap_or_default()
                                )
                            })
                            .collect();
                        fail(format!(
                            "no finding {want}; found:\n  {}",
                            found.join("\n  ")
                        ));
                    }
                }
            }
        }
    }
    for (stream, key) in [(&ran.stdout, "stdout"), (&ran.stderr, "stderr")] {
        for needle in strings(&expect[key]) {
            if !stream.contains(&needle) {
                fail(format!("{key} lacks `{needle}`{}", shown()));
            }
        }
    }
    for rel in strings(&expect["absent"]) {
        if plan.join(&rel).symlink_metadata().is_ok() {
            fail(format!("{rel} was written"));
        }
    }
    for (key, must) in [("lacks", false), ("contains", true)] {
        for (rel, needles) in expect[key].as_object().into_iter().flatten() {
            let text = std::fs::read_to_string(plan.join(rel)).unwrap_or_default();
            for needle in strings(needles) {
                let needle = expand(&needle, &plan, outside.path());
                if text.contains(&needle) != must {
                    fail(format!("{rel}: `{needle}` {key}?\n{text:.2000}"));
                }
            }
        }
    }
    // Nothing written outside the plan; inside, only where the case allows.
    let writes = strings(&expect["writes"]);
    let after = (listing(&plan), listing(outside.path()));
    if after.1 != before.1 {
        fail("something changed outside the plan".into());
    }
    // A path written, what is under it, and the folders made on the way.
    let allowed = |p: &str| {
        writes
            .iter()
            .any(|w| p == w || p.starts_with(&format!("{w}/")) || w.starts_with(&format!("{p}/")))
    };
    for (path, entry) in &after.0 {
        if before.0.get(path) != Some(entry) && !allowed(path) {
            fail(format!("{path} written in the plan"));
        }
    }
    for path in before.0.keys() {
        if !after.0.contains_key(path) {
            fail(format!("{path} removed from the plan"));
        }
    }
    problems
}

#[test]
fn every_hostile_case_ends_as_expected() {
    let mut all = Vec::new();
    cases(&corpus(), &mut all);
    assert!(all.len() >= 20, "the corpus: {all:?}");
    // Two at a time: the cases are independent.
    let (tx, rx) = std::sync::mpsc::channel();
    let queue = std::sync::Mutex::new(all.clone());
    std::thread::scope(|s| {
        for _ in 0..2 {
            let tx = tx.clone();
            let queue = &queue;
            s.spawn(move || {
                loop {
                    let Some(case) = queue.lock().expect("queue").pop() else {
                        break;
                    };
                    tx.send(check_case(&case)).expect("send");
                }
            });
        }
    });
    drop(tx);
    let problems: Vec<String> = rx.into_iter().flatten().collect();
    assert!(
        problems.is_empty(),
        "{} of {} cases:\n\n{}",
        problems.len(),
        all.len(),
        problems.join("\n\n")
    );
}

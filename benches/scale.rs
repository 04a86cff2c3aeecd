//! `cargo bench --bench scale`: does `check` grow linearly with the plan,
//! and how far is it from the floor? Prints figures; asserts nothing.
//!
//! For each plan size it prints, best of three runs:
//! - **floor**: reading every plan file, parsing it with the same YAML
//!   parser and validating it with the same JSON Schemas, in this process
//!   on all cores (what no checker of these files can avoid);
//! - **check**: the release binary's `check --format json`, wall time and
//!   peak memory, and its ratio to the floor and to the plan's size;
//! - **ajv-cli** and **check-jsonschema** validating the same files with
//!   the same schemas, where installed (`target/npm/node_modules/.bin/ajv`,
//!   `check-jsonschema` on PATH): schema validation only, no rules.
//!
//! Then one seller file with 1 000 000 unknown keys.
//!
//! M (50 teams, 1 000 sellers, 100 000 customers) always; L (200 / 5 000 /
//! 500 000) with `SALGSMAL_BENCH_L=1` or `-- --large`. The other
//! validators run on M only. `SALGSMAL_BENCH_DIR`
//! keeps the plans; `SALGSMAL_BENCH_OTHERS=0` skips ajv-cli and
//! check-jsonschema (check-jsonschema takes minutes on M).

// The binary's allocator, so the floor is measured the way check runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;
use common::{bin, dir_size, make_plan, recheck, run, write};
use rayon::prelude::*;
use salgsmal::load::schema;
use salgsmal::model::{FileKind, SourceFile};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn files(root: &Path) -> Vec<(PathBuf, FileKind)> {
    let mut out = vec![(root.join("salgsmal.yaml"), FileKind::Config)];
    for (folder, kind) in [
        ("teams", FileKind::Team),
        ("sellers", FileKind::Seller),
        ("customers", FileKind::Customers),
    ] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(root.join(folder))
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        names.sort();
        out.extend(names.into_iter().map(|p| (p, kind)));
    }
    out
}

/// A file read and parsed with our reader, as the JSON the schemas judge:
/// the file, the JSON, the pointers of values JSON cannot hold and the
/// findings made on the way. `None` when it is not YAML.
fn json_of(
    path: &Path,
    kind: FileKind,
) -> Option<(SourceFile, serde_json::Value, HashSet<String>, usize)> {
    let text = std::fs::read_to_string(path).expect("read");
    let tree = salgsmal::source::yaml::parse(&text).root?;
    let file = SourceFile::new(&path.display().to_string(), kind);
    let mut diags = Vec::new();
    let mut bad = HashSet::new();
    let json = schema::to_json(&tree, "", &file, &mut diags, &mut bad);
    Some((file, json, bad, diags.len()))
}

/// Read, parse and validate every file: the floor. Returns the number of
/// schema findings (none on the generated plans).
fn floor(files: &[(PathBuf, FileKind)]) -> usize {
    files
        .par_iter()
        .map(|(path, kind)| {
            let Some((file, json, bad, found)) = json_of(path, *kind) else {
                return 1;
            };
            let mut rejected = HashSet::new();
            found + schema::validate(kind.schema(), &json, &file, &bad, &mut rejected).len()
        })
        .sum()
}

fn best<T>(runs: usize, mut f: impl FnMut() -> (Duration, T)) -> (Duration, T) {
    let mut best = f();
    for _ in 1..runs {
        let next = f();
        if next.0 < best.0 {
            best = next;
        }
    }
    best
}

/// Wall time of an external command, or why it did not run.
fn time_external(root: &Path, program: &Path, args: &[String]) -> Result<Duration, String> {
    let start = Instant::now();
    let out = Command::new(program)
        .args(args)
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err.lines().take(3).collect::<Vec<_>>().join(" / "));
    }
    Ok(start.elapsed())
}

fn schemas_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas")
}

/// The files of each schema, for the other validators.
fn groups(root: &Path) -> Vec<(&'static str, Vec<String>)> {
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (path, kind) in files(root) {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        match out.iter_mut().find(|(k, _)| *k == kind.schema()) {
            Some((_, list)) => list.push(rel),
            None => out.push((kind.schema(), vec![rel])),
        }
    }
    out
}

/// Run `program` once per schema on that schema's files (`args` makes the
/// arguments from the schema's path and the files) and print the total time.
fn validate_with(
    label: &str,
    program: &Path,
    root: &Path,
    floor: Duration,
    args: impl Fn(String, Vec<String>) -> Vec<String>,
) {
    let mut total = Duration::ZERO;
    for (schema, list) in groups(root) {
        let schema = schemas_dir()
            .join(format!("{schema}.schema.json"))
            .display()
            .to_string();
        match time_external(root, program, &args(schema, list)) {
            Ok(t) => total += t,
            Err(e) => {
                println!("  {label}: did not validate: {e}");
                return;
            }
        }
    }
    println!(
        "  {label:<26} {:>7.2} s   {:>5.1}× the floor",
        total.as_secs_f64(),
        total.as_secs_f64() / floor.as_secs_f64()
    );
}

fn others(root: &Path, floor: Duration) {
    if std::env::var("SALGSMAL_BENCH_OTHERS").is_ok_and(|v| v == "0") {
        return;
    }
    let ajv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/npm/node_modules/.bin/ajv");
    if ajv.is_file() {
        // ajv-cli reads YAML as YAML 1.1 (a date becomes a Date, not text):
        // it validates the same data as JSON, converted by our reader.
        for (path, kind) in files(root) {
            let Some((_, json, _, _)) = json_of(&path, kind) else {
                continue;
            };
            let target = root
                .join(".json")
                .join(path.strip_prefix(root).unwrap_or(&path));
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::write(target, json.to_string()).expect("write json");
        }
        validate_with(
            "ajv-cli (schemas, as JSON)",
            &ajv,
            root,
            floor,
            |schema, list| {
                let mut args: Vec<String> = [
                    "validate",
                    "--spec=draft2020",
                    "--strict=false",
                    "-c",
                    "ajv-formats",
                    "--all-errors",
                    "-s",
                ]
                .map(String::from)
                .into();
                args.push(schema);
                for f in list {
                    args.push("-d".to_string());
                    args.push(format!(".json/{f}"));
                }
                args
            },
        );
    } else {
        println!(
            "  ajv-cli: not installed (npm install --prefix target/npm ajv-cli@5 ajv-formats@3)"
        );
    }
    let which = Command::new("sh")
        .args(["-c", "command -v check-jsonschema"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    match which {
        Some(cj) => validate_with(
            "check-jsonschema (schemas)",
            &cj,
            root,
            floor,
            |schema, list| {
                let mut args = vec!["--schemafile".to_string(), schema];
                args.extend(list);
                args
            },
        ),
        None => println!("  check-jsonschema: not installed (pip install check-jsonschema)"),
    }
}

fn measure(name: &str, teams: usize, sellers: usize, customers_each: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let kept = std::env::var_os("SALGSMAL_BENCH_DIR").map(|d| PathBuf::from(d).join(name));
    let root = kept.as_deref().unwrap_or(dir.path());
    make_plan(root, teams, sellers, customers_each);
    let size = dir_size(root);
    let list = files(root);
    println!(
        "{name}: {teams} teams, {sellers} sellers, {} customers: {} files, {:.1} MB",
        sellers * customers_each,
        list.len(),
        size as f64 / 1e6
    );
    let (floor_time, findings) = best(3, || {
        let start = Instant::now();
        let n = floor(&list);
        (start.elapsed(), n)
    });
    println!(
        "  floor (read+parse+schema)  {:>7.2} s   ({findings} schema findings)",
        floor_time.as_secs_f64()
    );
    let (check, peak) = best(3, || run(root, &["check", "--format", "json"]));
    let peak_mb = peak.map_or(0.0, |kb| kb as f64 / 1024.0);
    println!(
        "  check                      {:>7.2} s   {:>5.1}× the floor   peak {:.0} MB = {:.1}× the plan",
        check.as_secs_f64(),
        check.as_secs_f64() / floor_time.as_secs_f64(),
        peak_mb,
        peak_mb * 1024.0 * 1024.0 / size as f64
    );
    watch_recheck(root);
    // The other validators on M only: check-jsonschema takes minutes there.
    if name == "M" {
        others(root, floor_time);
    }
}

/// `watch`'s re-check after one seller file is edited, best of five.
fn watch_recheck(root: &Path) {
    let best = recheck(root, "target: 10000000", 5, |run| {
        format!("target: 1000{run:04}")
    });
    println!(
        "  watch: re-check after one edit {:>5.0} ms   (load {:.0} ms, analysis {:.0} ms, rules {:.0} ms)",
        best.0.as_secs_f64() * 1000.0,
        best.1.as_secs_f64() * 1000.0,
        best.2.as_secs_f64() * 1000.0,
        best.3.as_secs_f64() * 1000.0
    );
}

/// One seller file with a million unknown keys (15 MB).
fn many_keys() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(
        root,
        "salgsmal.yaml",
        "version: 1\ncompany: Benkemerke AS\nperiod: 2027\n",
    );
    let mut seller = String::from("name: Selger\n");
    for k in 0..1_000_000 {
        seller.push_str(&format!("ukjent{k}: 1\n"));
    }
    write(root, "sellers/selger.yaml", &seller);
    let (time, peak) = best(3, || {
        run(
            root,
            &["--max-file-bytes", "100000000", "check", "--format", "json"],
        )
    });
    println!(
        "1 seller file, 1 000 000 unknown keys ({:.1} MB): check {:.2} s, peak {:.0} MB",
        seller.len() as f64 / 1e6,
        time.as_secs_f64(),
        peak.map_or(0.0, |kb| kb as f64 / 1024.0)
    );
}

fn main() {
    println!(
        "salgsmal check against the floor, best of 3, {} threads, binary {}",
        rayon::current_num_threads(),
        bin().display()
    );
    common::sizes(measure);
    many_keys();
}

//! `cargo bench --bench planning`: how long the planning commands take on
//! a large plan (M: 50 teams, 1 000 sellers, 100 000 customers) beside
//! `check`: `allocate` (which reads the plan twice and runs the rules on
//! the proposal), a what-if `check --set`, `export` and `import plan` of
//! the exported workbook. Prints figures; asserts nothing about time.

mod common;
use common::{make_plan, run, sizes};
use std::path::Path;
use std::time::Duration;

/// The best of `n` runs of `salgsmal ARGS` in `root`, and its peak memory.
fn best(root: &Path, args: &[&str], n: usize) -> (Duration, u64) {
    let mut out = (Duration::MAX, 0);
    for _ in 0..n {
        let (time, kib) = run(root, args);
        if time < out.0 {
            out = (time, kib.unwrap_or(0));
        }
    }
    out
}

fn show(what: &str, (time, kib): (Duration, u64)) {
    println!(
        "  {what:<44} {:>7.2} s {:>7} MB",
        time.as_secs_f64(),
        kib / 1024
    );
}

fn main() {
    println!("salgsmal's planning commands, release build, best of 3");
    sizes(|name, teams, sellers, customers| {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        make_plan(root, teams, sellers, customers);
        println!("{name}: {teams} teams, {sellers} sellers, {customers} customers each");
        show("check", best(root, &["check", "-q"], 3));
        show(
            "check --set (one target)",
            best(
                root,
                &[
                    "check",
                    "-q",
                    "--set",
                    "sellers/seller-0.yaml:goals.omsetning.target=12_000_000",
                ],
                3,
            ),
        );
        show(
            "allocate team-0 (a team of 20)",
            best(root, &["allocate", "team-0", "--round", "100_000"], 3),
        );
        let book = root.join("plan.xlsx");
        let book = book.to_str().expect("utf-8");
        show("export", best(root, &["export", book], 3));
        let out = root.join("tilbake");
        let out = out.to_str().expect("utf-8");
        let import = ["import", "plan", book, "--out", out];
        let mut times = Vec::new();
        for _ in 0..3 {
            let _ = std::fs::remove_dir_all(out);
            times.push(run(root, &import));
        }
        let fastest = times
            .into_iter()
            .min_by_key(|(t, _)| *t)
            .map(|(t, k)| (t, k.unwrap_or(0)))
            .unwrap_or((Duration::ZERO, 0));
        show("import plan (the exported workbook)", fastest);
    });
}

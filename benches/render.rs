//! `cargo bench --bench render`: how long `salgsmal render --report all`
//! takes on large plans, and how much memory it needs. Writes the plans to
//! temp dirs, runs the release binary as a child process (under
//! `/usr/bin/time` when present, else polling the child's `VmHWM`) and
//! prints wall time and peak memory. Prints figures; asserts nothing.
//!
//! - M (always): 50 teams, 1 000 sellers, 100 000 customers.
//! - L (`SALGSMAL_BENCH_L=1` or `cargo bench --bench render -- --large`):
//!   200 teams, 5 000 sellers, 500 000 customers.
//! - `SALGSMAL_BIN=path` measures another binary (say, an older build).
//! - `SALGSMAL_BENCH_DIR=dir` writes the plans into `dir/M` and `dir/L` and
//!   keeps them, to look at or to measure by hand.

mod common;
use common::{bin, dir_size, make_plan, run};
use std::path::PathBuf;
use std::time::Instant;

fn measure(name: &str, teams: usize, sellers: usize, customers_each: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let kept = std::env::var_os("SALGSMAL_BENCH_DIR").map(|d| PathBuf::from(d).join(name));
    let root = kept.as_deref().unwrap_or(dir.path());
    let start = Instant::now();
    make_plan(root, teams, sellers, customers_each);
    println!(
        "{name}: {teams} teams, {sellers} sellers, {} customers, {:.1} MB of YAML (written in {:.1} s)",
        sellers * customers_each,
        dir_size(root) as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    let commands: [&[&str]; 4] = [
        &["check", "--format", "json"],
        &[
            "render", "--report", "team", "--format", "html", "--out", "out-team",
        ],
        &[
            "render", "--report", "all", "--format", "html", "--out", "out-html",
        ],
        &[
            "render", "--report", "all", "--format", "md", "--out", "out-md",
        ],
    ];
    for args in commands {
        let (elapsed, peak) = run(root, args);
        let out = args
            .iter()
            .position(|a| *a == "--out")
            .map(|i| root.join(args[i + 1]));
        let written = out.as_deref().map_or(0, dir_size);
        println!(
            "  {:<52} {:>7.2} s  {:>7} MB peak{}",
            args.join(" "),
            elapsed.as_secs_f64(),
            peak.map_or_else(
                || "?".to_string(),
                |kb| format!("{:.0}", kb as f64 / 1024.0)
            ),
            if out.is_some() {
                format!("  {:>6.1} MB written", written as f64 / 1e6)
            } else {
                String::new()
            }
        );
        if let Some(out) = out {
            let _ = std::fs::remove_dir_all(out);
        }
    }
}

fn main() {
    println!("salgsmal render, binary {}", bin().display());
    common::sizes(measure);
}

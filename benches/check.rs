//! `cargo bench --bench check`: how long reading and checking a large plan
//! takes. Prints figures; asserts nothing about time.

mod common;
use common::write;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// A plan with `sellers` sellers in `teams` teams, each seller with a
/// customer list of `customers` customers.
fn make_plan(root: &std::path::Path, teams: usize, sellers: usize, customers: usize) {
    write(
        root,
        "salgsmal.yaml",
        "version: 1\nperiod: 2027\nproducts: [{id: y, new: true}]\n",
    );
    for t in 0..teams {
        write(
            root,
            &format!("teams/team-{t}.yaml"),
            "name: Team\nstarting_point: {date: 2026-12-31, values: {revenue: 50_000_000}}\ngoals:\n  - {id: omsetning, metric: revenue, target: 60_000_000, phasing: [13_000_000, 15_000_000, 15_000_000, 17_000_000]}\n  - {id: db, metric: contribution_margin, target: 0.20}\n",
        );
    }
    for s in 0..sellers {
        let mut seller = format!(
            "name: Seller {s}\nteam: team-{}\nbaseline: {{revenue: 8_000_000, contribution_margin: 0.24}}\ngoals:\n  - {{id: omsetning, metric: revenue, target: 10_000_000}}\n  - {{id: db, metric: contribution_margin, target: \"25 %\"}}\n  - {{id: produkt-y, metric: product_revenue, product: y, target: 1_500_000}}\nkpis:\n",
            s % teams
        );
        for k in 0..10 {
            let _ = writeln!(
                seller,
                "  - {{id: kpi-{k}, metric: qualified_meetings, target: 10, per: week, supports: [omsetning], actions: [Ringe kunden, {{do: Avtale møte, due: 2027-02-01}}]}}"
            );
        }
        write(root, &format!("sellers/seller-{s}.yaml"), &seller);
        let mut list = format!("owner: seller-{s}\ncustomers:\n");
        for c in 0..customers {
            let _ = writeln!(
                list,
                "  - {{id: c-{s}-{c}, name: Kunde {c} AS, revenue: {}, margin: 0.{:02}, potential: high}}",
                100_000 + c * 1_000,
                10 + c % 30
            );
        }
        write(root, &format!("customers/seller-{s}.yaml"), &list);
    }
}

fn measure(name: &str, root: &std::path::Path, runs: usize) {
    let (mut best, mut best_load) = (Duration::MAX, Duration::MAX);
    let mut files = 0;
    let mut diagnostics = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let loaded = salgsmal::load::load(root).expect("load");
        let loading = start.elapsed();
        files = loaded.plan.files.len();
        let diags = salgsmal::rules::run(&loaded.plan, loaded.diagnostics);
        diagnostics = diags.diagnostics.len();
        best = best.min(start.elapsed());
        best_load = best_load.min(loading);
    }
    println!(
        "{name:<42} {files:>5} files {diagnostics:>5} findings  load {:>6.1} ms  load+rules {:>6.1} ms",
        best_load.as_secs_f64() * 1000.0,
        best.as_secs_f64() * 1000.0
    );
}

/// What `watch` does after a save: one seller file edited and the plan
/// checked again, each part timed.
fn measure_recheck(name: &str, root: &std::path::Path, runs: usize) {
    let (best, load, analysis, rules) = common::recheck(root, "target: 10_000_000", runs, |run| {
        format!("target: 10_000_{run:03}")
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<42} re-check after one edit {:>6.1} ms  (load {:.1}, analysis {:.1}, rules {:.1})",
        ms(best),
        ms(load),
        ms(analysis),
        ms(rules)
    );
}

/// One seller with `n` customers in a Norwegian-style CSV list.
fn make_csv_plan(root: &std::path::Path, n: usize) {
    write(root, "salgsmal.yaml", "version: 1\nperiod: 2027\n");
    write(root, "teams/salg.yaml", "name: Salg\n");
    write(root, "sellers/kari.yaml", "name: Kari\nteam: salg\n");
    let mut csv = String::from("id;name;revenue;margin;potential\n");
    for c in 0..n {
        let _ = writeln!(
            csv,
            "c-{c};\"Kunde {c} AS\";{}000;0,{:02};high",
            100 + c % 5_000,
            10 + c % 30
        );
    }
    write(root, "customers/kari.csv", &csv);
}

fn main() {
    println!(
        "salgsmal check, best of 5 runs, on {} threads",
        rayon::current_num_threads()
    );
    for (teams, sellers, customers) in
        [(1, 3, 10), (10, 100, 100), (20, 1_000, 10), (1, 10, 10_000)]
    {
        let dir = tempfile::tempdir().expect("temp dir");
        make_plan(dir.path(), teams, sellers, customers);
        let name = format!("{teams} teams, {sellers} sellers, {customers} customers each");
        measure(&name, dir.path(), 5);
        measure_recheck(&name, dir.path(), 5);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    make_csv_plan(dir.path(), 100_000);
    measure("1 seller, 100 000 customers in one CSV", dir.path(), 5);
}

//! What the benches share: the generated plan (M, L) and running the
//! release binary with its wall time and peak memory.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// A realistic plan: teams with a main goal, starting point, milestones,
/// strategy and goals (revenue, contribution margin, product revenue, new
/// customer revenue); sellers with goals, KPIs (some activities, with
/// actions) and competence; one customer list per seller with revenue,
/// margin and potential (prospects among them).
pub fn make_plan(root: &Path, teams: usize, sellers: usize, customers_each: usize) {
    write(
        root,
        "salgsmal.yaml",
        "version: 1\ncompany: Benkemerke AS\nperiod: 2027\ncurrency: NOK\nlocale: nb\n\
working_weeks: 44\nhours_per_week: 37.5\n\
activity_hours: {qualified_meetings: 2.0, customer_visits: 2.0, customer_calls: 0.25, offers: 3.0}\n\
products:\n  - {id: y, name: Produktområde Y, new: true}\n  - {id: service, name: Service og vedlikehold}\n\
rules: {capacity: {min: 0.30}}\n",
    );
    let per_team = sellers.div_ceil(teams);
    let seller_revenue = 10_000_000u64;
    for t in 0..teams {
        let team_revenue = seller_revenue * per_team as u64;
        write(
            root,
            &format!("teams/team-{t}.yaml"),
            &format!(
                "name: Team {t}\nmanager: Leder {t}\n\
main_goal: {{statement: Lønnsom vekst i region {t}, deadline: 2027-12-31, values: {{revenue: {team_revenue}, contribution_margin: 0.20}}}}\n\
starting_point: {{date: 2026-12-31, values: {{revenue: {}, contribution_margin: 0.18}}}}\n\
milestones:\n  - {{id: d1, deadline: 2027-03-31, values: {{revenue: {}}}}}\n  - {{id: d2, deadline: 2027-06-30, values: {{revenue: {}}}}}\n  - {{id: d3, deadline: 2027-09-30, values: {{revenue: {}}}}}\n\
strategy:\n  - {{choice: Vinne nye kunder med produktområde Y, actions: [Kampanje mot næringsbygg, {{do: Stand på messe, due: 2027-06-01}}]}}\n\
goals:\n  - {{id: omsetning, metric: revenue, target: {team_revenue}}}\n  - {{id: db, metric: contribution_margin, target: 0.20}}\n  - {{id: nye-kunder, metric: new_customer_revenue, target: {}}}\n  - {{id: produkt-y, metric: product_revenue, product: y, target: {}}}\n",
                team_revenue * 9 / 10,
                team_revenue / 4,
                team_revenue / 2,
                team_revenue * 3 / 4,
                team_revenue / 10,
                team_revenue * 3 / 20,
            ),
        );
    }
    for s in 0..sellers {
        let mut seller = format!(
            "name: Selger {s}\nemail: selger{s}@example.no\nteam: team-{}\n\
baseline: {{revenue: 8_000_000, contribution_margin: 0.24}}\n\
goals:\n  - {{id: omsetning, metric: revenue, target: {seller_revenue}}}\n  - {{id: db, metric: contribution_margin, target: 0.22}}\n  - {{id: nye-kunder, metric: new_customer_revenue, target: 1_000_000}}\n  - {{id: produkt-y, metric: product_revenue, product: y, target: 1_500_000}}\n\
kpis:\n  - {{id: moter, metric: qualified_meetings, target: 6, per: week, supports: [omsetning], actions: [Ringe kunden, {{do: Avtale møte, due: 2027-02-01}}]}}\n  - {{id: besok, metric: customer_visits, target: 4, per: week, supports: [omsetning, db]}}\n  - {{id: telefoner, metric: customer_calls, target: 25, per: week, supports: [nye-kunder], actions: [Ringeliste hver mandag]}}\n  - {{id: tilbud, metric: offers, target: 2, per: week, supports: [produkt-y]}}\n  - {{id: kti, metric: customer_satisfaction, target: 0.80, supports: [omsetning], actions: [Kundeundersøkelse hvert kvartal]}}\n\
competence: {{knowledge: [Produktområde Y], skills: [Avdekke behov], personality: [Disiplin]}}\n",
            s % teams
        );
        seller.push('\n');
        write(root, &format!("sellers/seller-{s}.yaml"), &seller);
        let mut list = format!("owner: seller-{s}\ncustomers:\n");
        for c in 0..customers_each {
            let level = ["high", "medium", "low"][c % 3];
            if c % 50 == 49 {
                let _ = writeln!(
                    list,
                    "  - {{id: c-{s}-{c}, name: Emne {s}-{c} AS, revenue: 0, potential: {level}, prospect: true}}"
                );
            } else {
                let _ = writeln!(
                    list,
                    "  - {{id: c-{s}-{c}, name: Kunde {s}-{c} AS, revenue: {}, margin: 0.{:02}, potential: {level}}}",
                    20_000 + (c * 7_919 + s * 104_729) % 2_000_000,
                    8 + (c + s) % 30
                );
            }
        }
        write(root, &format!("customers/seller-{s}.yaml"), &list);
    }
}

pub fn bin() -> PathBuf {
    std::env::var_os("SALGSMAL_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_salgsmal")),
        PathBuf::from,
    )
}

pub fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        dir_size(&p)
                    } else {
                        e.metadata().map_or(0, |m| m.len())
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Peak resident memory of a running process in KiB, from `/proc`.
pub fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Run `salgsmal ARGS` in `root`; wall time and peak memory in KiB.
pub fn run(root: &Path, args: &[&str]) -> (Duration, Option<u64>) {
    let time = Path::new("/usr/bin/time");
    let report = root.join(".time");
    let mut cmd = if time.is_file() {
        let mut c = Command::new(time);
        c.arg("-f").arg("%e %M").arg("-o").arg(&report).arg(bin());
        c
    } else {
        Command::new(bin())
    };
    let start = Instant::now();
    let mut child = cmd
        .args(args)
        .current_dir(root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run salgsmal");
    let mut polled = None;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if !time.is_file() {
            polled = vm_hwm(child.id()).max(polled);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    // Exit 1 is a plan with errors, which some benches measure on purpose.
    if !matches!(status.code(), Some(0 | 1)) {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        println!("  salgsmal {} failed ({status}): {err}", args.join(" "));
    }
    let peak = if time.is_file() {
        std::fs::read_to_string(&report)
            .ok()
            // The last line: `time` writes a line about a non-zero exit first.
            .and_then(|t| {
                let last = t.lines().last()?.to_string();
                last.split_whitespace().nth(1).and_then(|m| m.parse().ok())
            })
    } else {
        polled
    };
    (elapsed, peak)
}

/// What `watch` does after a save, in this process: a first load fills the
/// cache, then `sellers/seller-0.yaml` is edited (`needle` replaced by a new
/// value each run) and the plan checked again: load with the cache,
/// analysis, rules. The best of `runs`: (total, load, analysis, rules).
pub fn recheck(
    root: &Path,
    needle: &str,
    runs: usize,
    edit: impl Fn(usize) -> String,
) -> (Duration, Duration, Duration, Duration) {
    let mut cache = salgsmal::load::Cache::default();
    salgsmal::load::load_cached(root, &mut cache).expect("load");
    let edited = root.join("sellers/seller-0.yaml");
    let original = std::fs::read_to_string(&edited).expect("read");
    let mut best = (
        Duration::MAX,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    for run in 0..runs {
        // A new value each time: the file really changed.
        std::fs::write(&edited, original.replacen(needle, &edit(run), 1)).expect("write");
        let start = Instant::now();
        let loaded = salgsmal::load::load_cached(root, &mut cache).expect("load");
        let loading = start.elapsed();
        let analysed = salgsmal::rules::analyse(&loaded.plan);
        let analysing = start.elapsed() - loading;
        std::hint::black_box(salgsmal::rules::run_on(&analysed, loaded.diagnostics));
        let total = start.elapsed();
        if total < best.0 {
            best = (total, loading, analysing, total - loading - analysing);
        }
    }
    std::fs::write(&edited, original).expect("write");
    best
}

/// Measure M (50 teams, 1 000 sellers, 100 000 customers), and L (200 /
/// 5 000 / 500 000) when asked: `SALGSMAL_BENCH_L=1` or `-- --large`.
pub fn sizes(mut measure: impl FnMut(&str, usize, usize, usize)) {
    measure("M", 50, 1_000, 100);
    let large =
        std::env::var_os("SALGSMAL_BENCH_L").is_some() || std::env::args().any(|a| a == "--large");
    if large {
        measure("L", 200, 5_000, 100);
    } else {
        println!("(L: 200 teams, 5 000 sellers, 500 000 customers: run with SALGSMAL_BENCH_L=1)");
    }
}

//! Properties of `allocate` on whole plans: the proposal, written into the
//! seller files' text and read back through the real loader, adds up to the
//! team goal exactly, keeps locked targets, follows the weights, and the
//! real `allocation` and `fairness` rules have nothing to say about it.

use proptest::prelude::*;
use rust_decimal::Decimal;
use salgsmal::analysis::allocate::{self, Basis, Request};
use salgsmal::diag::RuleId;
use salgsmal::load::{self, Files, whatif};
use std::collections::BTreeMap;
use std::path::Path;

/// A team of sellers with baselines and targets, in memory.
fn plan(goal: Decimal, sellers: &[(i64, i64, bool)]) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    files.insert(
        "salgsmal.yaml".to_string(),
        b"version: 1\nperiod: 2027\nlocale: en\n".to_vec(),
    );
    files.insert(
        "teams/t.yaml".to_string(),
        format!("name: T\ngoals:\n  - {{id: omsetning, metric: revenue, target: {goal}}}\n")
            .into_bytes(),
    );
    for (i, (baseline, target, locked)) in sellers.iter().enumerate() {
        let lock = if *locked { ", locked: true" } else { "" };
        files.insert(
            format!("sellers/s{i}.yaml"),
            format!(
                "# seller {i}\nname: Seller {i}\nteam: t\nbaseline:\n  revenue: {baseline}_000  # last year\ngoals:\n  - {{id: omsetning, metric: revenue, target: {target}_000{lock}}}\n"
            )
            .into_bytes(),
        );
    }
    files
}

/// The revenue target of each seller file, as read back.
fn targets(plan: &salgsmal::model::Plan) -> Vec<Decimal> {
    plan.sellers
        .iter()
        .map(|s| s.data.goals[0].target.expect("a target").value)
        .collect()
}

fn request(by: Vec<(Basis, Decimal)>, unit: Decimal) -> Request<'static> {
    Request {
        team: "t",
        metric: "revenue",
        product: None,
        by,
        unit: Some(unit),
        over: Decimal::ZERO,
        levels: [Decimal::ONE, Decimal::TWO, Decimal::from(3)],
    }
}

/// Propose, make the proposal in memory, read it back and check it.
fn split(
    files: &BTreeMap<String, Vec<u8>>,
    req: &Request<'_>,
) -> (
    salgsmal::analysis::allocate::Proposal,
    salgsmal::model::Plan,
    Vec<salgsmal::diag::Diagnostic>,
) {
    let root = Path::new("/nonexistent-plan");
    let base = Files::Memory(files);
    let loaded = load::load_from(root, &base).expect("load");
    let analysis = salgsmal::rules::analyse(&loaded.plan);
    let proposal = allocate::propose(&analysis, req).expect("a proposal");
    let changes = allocate::changes(&loaded.plan, &proposal);
    let made = whatif::apply_at(&loaded.plan, &changes).expect("changes made");
    let after = made.load(root, &base).expect("load again");
    let outcome = salgsmal::rules::run(&after.plan, after.diagnostics);
    (proposal, after.plan, outcome.diagnostics)
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// By baseline, with the rounding unit small beside each share: the
    /// targets read back add up to the goal to the krone, each is within
    /// two units of its exact share, and neither rule finds anything.
    #[test]
    fn a_split_by_baseline_passes_allocation_and_fairness(
        baselines in prop::collection::vec(1_000i64..50_000, 3..8),
        targets in prop::collection::vec(1_000i64..50_000, 8),
        growth_pct in 80i64..140,
        odd in 0i64..1000,
        unit_pick in 0usize..3,
    ) {
        let total: i64 = baselines.iter().sum();
        let goal = d(total * 1_000) * d(growth_pct) / d(100) + d(odd);
        let unit = [d(1), d(1_000), d(10_000)][unit_pick];
        let sellers: Vec<(i64, i64, bool)> = baselines
            .iter()
            .zip(&targets)
            .map(|(b, t)| (*b, *t, false))
            .collect();
        let files = plan(goal, &sellers);
        let (_, after, findings) = split(&files, &request(vec![(Basis::Baseline, Decimal::ONE)], unit));
        let read = targets_of(&after);
        prop_assert_eq!(read.iter().copied().sum::<Decimal>(), goal);
        for (t, b) in read.iter().zip(&baselines) {
            let exact = goal * d(*b) / d(total);
            prop_assert!((*t - exact).abs() <= unit * d(2), "{t} vs {exact}");
        }
        let said: Vec<_> = findings
            .iter()
            .filter(|f| f.rule == RuleId::ALLOCATION || f.rule == RuleId::FAIRNESS)
            .collect();
        prop_assert!(said.is_empty(), "{said:#?}");
    }

    /// Locked targets are kept byte for byte, the others absorb the rest,
    /// and the team still adds up exactly (`allocation` is silent).
    #[test]
    fn locked_targets_are_kept(
        sellers in prop::collection::vec((1_000i64..50_000, 1_000i64..20_000, any::<bool>()), 2..8),
        extra in 0i64..100_000,
    ) {
        prop_assume!(sellers.iter().any(|s| !s.2));
        let locked: i64 = sellers.iter().filter(|s| s.2).map(|s| s.1 * 1_000).sum();
        let goal = d(locked + extra * 1_000 + 7);
        let files = plan(goal, &sellers);
        let (_, after, findings) = split(&files, &request(vec![(Basis::Baseline, Decimal::ONE)], d(1_000)));
        let read = targets_of(&after);
        prop_assert_eq!(read.iter().copied().sum::<Decimal>(), goal);
        for (i, (_, target, lock)) in sellers.iter().enumerate() {
            if *lock {
                prop_assert_eq!(read[i], d(target * 1_000));
                let name = format!("sellers/s{i}.yaml");
                let text = after.files.iter().find(|f| f.path == name).expect("file").text.clone();
                prop_assert_eq!(text.as_bytes(), files[&name].as_slice());
            }
        }
        prop_assert!(!findings.iter().any(|f| f.rule == RuleId::ALLOCATION), "{findings:#?}");
    }

    /// A mix honours its proportions: each target is the mixed share of the
    /// goal, to within two units.
    #[test]
    fn a_mix_honours_its_proportions(
        baselines in prop::collection::vec(1_000i64..50_000, 2..7),
        weight in 0u32..=10,
    ) {
        let total: i64 = baselines.iter().sum();
        let goal = d(total * 1_100);
        let sellers: Vec<(i64, i64, bool)> = baselines.iter().map(|b| (*b, 1_000, false)).collect();
        let files = plan(goal, &sellers);
        let w = Decimal::new(i64::from(weight), 1);
        let by = vec![(Basis::Baseline, w), (Basis::Even, Decimal::ONE - w)];
        let (_, after, _) = split(&files, &request(by, d(1)));
        let read = targets_of(&after);
        let n = d(i64::try_from(baselines.len()).expect("count"));
        prop_assert_eq!(read.iter().copied().sum::<Decimal>(), goal);
        for (t, b) in read.iter().zip(&baselines) {
            let share = w * d(*b) / d(total) + (Decimal::ONE - w) / n;
            let exact = goal * share;
            prop_assert!((*t - exact).abs() <= d(2), "{t} vs {exact}");
        }
    }
}

fn targets_of(plan: &salgsmal::model::Plan) -> Vec<Decimal> {
    // Seller files are read in path order: s0, s1, …
    let mut by_name: Vec<(String, Decimal)> = plan
        .sellers
        .iter()
        .zip(targets(plan))
        .map(|(s, t)| (plan.file(s.file).path.clone(), t))
        .collect();
    by_name.sort_by_key(|(p, _)| {
        p.trim_start_matches("sellers/s")
            .trim_end_matches(".yaml")
            .parse::<usize>()
            .unwrap_or(0)
    });
    by_name.into_iter().map(|(_, t)| t).collect()
}

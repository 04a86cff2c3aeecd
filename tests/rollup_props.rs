//! Properties of the roll-up: the sum of parts is the roll-up, a weighted
//! mean lies between its parts, and the order of the sellers changes nothing.

use proptest::prelude::*;
use rust_decimal::Decimal;
use salgsmal::analysis::rollup::{mean, sum, team_rollup, weighted_mean};

/// Money with øre: up to kr 100 000 000,00.
fn money() -> impl Strategy<Value = Decimal> {
    (0i64..10_000_000_000).prop_map(|ore| Decimal::new(ore, 2))
}

/// A ratio with four decimals.
fn ratio() -> impl Strategy<Value = Decimal> {
    (0i64..=10_000).prop_map(|r| Decimal::new(r, 4))
}

proptest! {
    #[test]
    fn a_weighted_mean_lies_between_the_parts(pairs in prop::collection::vec((ratio(), money()), 1..12)) {
        prop_assume!(pairs.iter().any(|(_, w)| !w.is_zero()));
        let m = weighted_mean(&pairs).expect("weights");
        let lo = pairs.iter().filter(|(_, w)| !w.is_zero()).map(|(v, _)| *v).min().expect("min");
        let hi = pairs.iter().filter(|(_, w)| !w.is_zero()).map(|(v, _)| *v).max().expect("max");
        prop_assert!(lo <= m && m <= hi, "{lo} <= {m} <= {hi}");
    }

    #[test]
    fn order_changes_nothing(pairs in prop::collection::vec((ratio(), money()), 1..12), seed in any::<u64>()) {
        let mut shuffled = pairs.clone();
        // A deterministic shuffle from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = usize::try_from((seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) % (i as u64 + 1)).expect("index");
            shuffled.swap(i, j);
        }
        let values: Vec<Decimal> = pairs.iter().map(|(v, _)| *v).collect();
        let shuffled_values: Vec<Decimal> = shuffled.iter().map(|(v, _)| *v).collect();
        prop_assert_eq!(sum(&values), sum(&shuffled_values));
        prop_assert_eq!(mean(&values), mean(&shuffled_values));
        prop_assert_eq!(weighted_mean(&pairs), weighted_mean(&shuffled));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// On a real plan folder: the team's roll-up of revenue is the exact sum
    /// of the sellers' targets, whatever the sellers' file names (and so the
    /// order they are read in).
    #[test]
    fn a_plan_rolls_up_to_the_sum_of_its_sellers(targets in prop::collection::vec(money(), 1..8), salt in 0u32..1000) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::write(root.join("salgsmal.yaml"), "version: 1\nperiod: 2027\n").expect("config");
        std::fs::create_dir_all(root.join("teams")).expect("teams");
        std::fs::create_dir_all(root.join("sellers")).expect("sellers");
        std::fs::write(root.join("teams/t.yaml"), "name: T\ngoals:\n  - {id: omsetning, metric: revenue, target: 1}\n").expect("team");
        for (i, t) in targets.iter().enumerate() {
            let id = format!("s-{}", (i as u32 * 7919 + salt) % 10_007);
            let text = format!("name: {id}\nteam: t\ngoals:\n  - {{id: omsetning, metric: revenue, target: {t}}}\n");
            std::fs::write(root.join(format!("sellers/{id}.yaml")), text).expect("seller");
        }
        let loaded = salgsmal::load::load(root).expect("load");
        prop_assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let team = &loaded.plan.teams[0];
        let rolled = team_rollup(&loaded.plan, &team.id, &team.data.goals[0]).expect("roll-up");
        prop_assert_eq!(rolled.value, sum(&targets));
        prop_assert_eq!(rolled.contributions.len(), targets.len());
    }
}

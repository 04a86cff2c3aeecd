//! Splitting a team goal into the sellers' targets (`salgsmal allocate`):
//! in proportion to a weight per seller (their baseline, their customers'
//! potential, one each, or a mix), rounded to a unit, with the remainder
//! placed so that the targets add up to the goal exactly. A locked target
//! is kept and the others absorb the difference.
//!
//! Exact decimals throughout: the sum of the proposals is the goal to the
//! øre, whatever the rounding unit.

use rust_decimal::Decimal;

/// One seller's part in the split.
#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    /// How much of the goal this seller carries, relative to the others
    /// (any scale; a negative weight counts as zero).
    pub weight: Decimal,
    /// A target the split must keep as it is.
    pub locked: Option<Decimal>,
}

/// Why a goal cannot be split.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The locked targets add up to more than the goal.
    LockedOverGoal { locked: Decimal },
    /// Every target is locked and they do not add up to the goal.
    AllLocked { locked: Decimal },
    /// No seller to split among.
    NoSellers,
}

/// Split `goal` among `shares`, each target a multiple of `unit` (but one
/// that takes what no multiple can: the goal itself need not be a
/// multiple). Proposals are in the order of `shares`.
pub fn allocate(goal: Decimal, shares: &[Share], unit: Decimal) -> Result<Vec<Decimal>, Problem> {
    if shares.is_empty() {
        return Err(Problem::NoSellers);
    }
    let locked: Decimal = shares.iter().filter_map(|s| s.locked).sum();
    let free: Vec<usize> = (0..shares.len())
        .filter(|&i| shares[i].locked.is_none())
        .collect();
    let rest = goal - locked;
    if free.is_empty() {
        return if rest.is_zero() {
            Ok(shares
                .iter()
                .map(|s| s.locked.unwrap_or_default())
                .collect())
        } else {
            Err(Problem::AllLocked { locked })
        };
    }
    if rest < Decimal::ZERO {
        return Err(Problem::LockedOverGoal { locked });
    }
    let weight = |i: usize| shares[i].weight.max(Decimal::ZERO);
    let total: Decimal = free.iter().map(|&i| weight(i)).sum();
    // Without any weight, an even split.
    let even = total.is_zero();
    let exact = |i: usize| {
        if even {
            rest / Decimal::from(free.len())
        } else {
            rest * weight(i) / total
        }
    };
    let unit = if unit > Decimal::ZERO {
        unit
    } else {
        Decimal::ONE
    };
    let mut out: Vec<Decimal> = shares
        .iter()
        .map(|s| s.locked.unwrap_or_default())
        .collect();
    // Each free seller gets the whole units of their exact share; the
    // units left go one each to the largest remainders, and what is less
    // than a unit to the largest remainder of all.
    let mut remainders: Vec<(Decimal, usize)> = Vec::with_capacity(free.len());
    let mut given = Decimal::ZERO;
    for &i in &free {
        let share = exact(i);
        let whole = (share / unit).floor() * unit;
        out[i] = whole;
        given += whole;
        remainders.push((share - whole, i));
    }
    // Largest remainder first; ties to the earlier seller (a stable order).
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut left = rest - given;
    for &(_, i) in &remainders {
        if left < unit {
            break;
        }
        out[i] += unit;
        left -= unit;
    }
    if !left.is_zero() {
        out[remainders[0].1] += left;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    fn free(weight: i64) -> Share {
        Share {
            weight: d(weight),
            locked: None,
        }
    }

    #[test]
    fn in_proportion_to_the_baselines_rounded_to_the_unit() {
        // 60 M among baselines 30, 8 and 18.8 M, to 100 000: exactly
        // 31.69…, 8.45… and 19.86… M; whole units 31.6, 8.4 and 19.8 M; the
        // two units left go to the largest remainders (0.090 and 0.059 M).
        let shares = [
            Share {
                weight: d(30_000_000),
                locked: None,
            },
            Share {
                weight: d(8_000_000),
                locked: None,
            },
            Share {
                weight: d(18_800_000),
                locked: None,
            },
        ];
        let out = allocate(d(60_000_000), &shares, d(100_000)).expect("split");
        assert_eq!(out, [d(31_700_000), d(8_400_000), d(19_900_000)]);
        assert_eq!(out.iter().copied().sum::<Decimal>(), d(60_000_000));
    }

    #[test]
    fn a_locked_target_is_kept_and_the_others_absorb_the_rest() {
        let shares = [
            free(1),
            Share {
                weight: d(1),
                locked: Some(d(12_000_000)),
            },
            free(1),
        ];
        let out = allocate(d(60_000_000), &shares, d(1)).expect("split");
        assert_eq!(out, [d(24_000_000), d(12_000_000), d(24_000_000)]);
    }

    #[test]
    fn what_cannot_be_split_is_said() {
        assert_eq!(allocate(d(10), &[], d(1)), Err(Problem::NoSellers));
        let locked = |n| Share {
            weight: d(1),
            locked: Some(d(n)),
        };
        assert_eq!(
            allocate(d(10), &[locked(6), locked(6), free(1)], d(1)),
            Err(Problem::LockedOverGoal { locked: d(12) })
        );
        assert_eq!(
            allocate(d(10), &[locked(6), locked(3)], d(1)),
            Err(Problem::AllLocked { locked: d(9) })
        );
        assert_eq!(
            allocate(d(9), &[locked(6), locked(3)], d(1)),
            Ok(vec![d(6), d(3)])
        );
    }

    #[test]
    fn without_weights_the_split_is_even() {
        let out = allocate(d(10), &[free(0), free(0), free(0)], d(1)).expect("split");
        assert_eq!(out, [d(4), d(3), d(3)]);
    }

    proptest! {
        #[test]
        fn the_split_adds_up_exactly_keeps_locks_and_honours_the_weights(
            goal_units in 0i64..1_000_000,
            goal_cents in 0i64..100,
            weights in proptest::collection::vec(0i64..1_000_000, 1..12),
            locks in proptest::collection::vec(proptest::option::of(0i64..50_000), 1..12),
            unit_pick in 0usize..4,
        ) {
            let unit = [d(1), d(100), d(1_000), d(100_000)][unit_pick];
            let goal = d(goal_units) * d(1_000) + Decimal::new(goal_cents, 2);
            let shares: Vec<Share> = weights
                .iter()
                .zip(locks.iter().chain(std::iter::repeat(&None)))
                .map(|(&w, &l)| Share { weight: d(w), locked: l.map(d) })
                .collect();
            match allocate(goal, &shares, unit) {
                Ok(out) => {
                    // The sum is the goal, to the øre.
                    prop_assert_eq!(out.iter().copied().sum::<Decimal>(), goal);
                    let locked: Decimal = shares.iter().filter_map(|s| s.locked).sum();
                    let free: Vec<usize> =
                        (0..shares.len()).filter(|&i| shares[i].locked.is_none()).collect();
                    let total: Decimal = free.iter().map(|&i| shares[i].weight).sum();
                    for (i, s) in shares.iter().enumerate() {
                        match s.locked {
                            // Locked targets are kept.
                            Some(l) => prop_assert_eq!(out[i], l),
                            None => {
                                // Each free target is within a unit (and the
                                // residue) of its exact proportional share.
                                let exact = if total.is_zero() {
                                    (goal - locked) / Decimal::from(free.len())
                                } else {
                                    (goal - locked) * s.weight / total
                                };
                                prop_assert!((out[i] - exact).abs() < unit * d(2),
                                    "{} against {}", out[i], exact);
                                prop_assert!(out[i] >= Decimal::ZERO);
                            }
                        }
                    }
                }
                Err(Problem::LockedOverGoal { locked }) => prop_assert!(locked > goal),
                Err(Problem::AllLocked { locked }) => prop_assert_ne!(locked, goal),
                Err(Problem::NoSellers) => prop_assert!(shares.is_empty()),
            }
        }
    }
}

//! Splitting a team goal into the sellers' targets (`salgsmal allocate`):
//! in proportion to a weight per seller (their baseline, their customers'
//! potential, one each, or a mix), rounded to a unit, with the remainder
//! placed so that the targets add up to the goal exactly. A locked target
//! is kept and the others absorb the difference.
//!
//! Exact decimals throughout: the sum of the proposals is the goal to the
//! øre, whatever the rounding unit.

use super::Analysis;
use super::rollup::{seller_target, usable, value_of};
use crate::model::metrics::{Kind, Rollup as Method};
use crate::model::{Per, Potential, PotentialLevel};
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

/// What a seller's share of the goal follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// Their baseline (startpunkt) of the metric.
    Baseline,
    /// Their customers' potential: amounts where every customer has one,
    /// else points per level.
    Potential,
    /// One share each.
    Even,
}

/// What `allocate` is asked to do.
#[derive(Clone, Debug)]
pub struct Request<'r> {
    pub team: &'r str,
    /// The metric of the team goal to split (default: revenue).
    pub metric: &'r str,
    /// For a metric per product (product revenue): which product's goal.
    pub product: Option<&'r str>,
    /// The bases and how much each counts (`baseline=0.7,potential=0.3`).
    pub by: Vec<(Basis, Decimal)>,
    /// The unit targets are rounded to (default: 1 000 for money, 1 for
    /// counts, 0.001 for ratios).
    pub unit: Option<Decimal>,
    /// How much more than the goal to hand out (0.05: 5 %), at most the
    /// team's `max_over`.
    pub over: Decimal,
    /// Points of a customer's potential level, low/medium/high.
    pub levels: [Decimal; 3],
}

/// One seller's line of the proposal.
#[derive(Clone, Debug)]
pub struct Row {
    /// Index into `plan.sellers`.
    pub seller: usize,
    pub id: String,
    pub name: String,
    /// The seller's file and the pointer of the target in it.
    pub file: usize,
    pub pointer: String,
    pub current: Decimal,
    pub proposed: Decimal,
    pub locked: bool,
    pub baseline: Option<Decimal>,
    /// The seller's weight in the split (by the request's bases).
    pub weight: Decimal,
    /// The quarterly phasing, rescaled: the pointer of each value that
    /// changes, and its new value.
    pub phasing: Vec<(String, Decimal)>,
    /// The goal's phasing as written (what `phasing` rescales).
    own_phasing: Option<crate::model::Phasing>,
}

/// A child team's contribution to the goal, taken as it is (its own goal,
/// split with `allocate` for that team).
#[derive(Clone, Debug)]
pub struct Fixed {
    pub name: String,
    pub value: Decimal,
}

/// The proposal for one team goal.
#[derive(Clone, Debug)]
pub struct Proposal {
    /// Index into `plan.teams`, and of the goal in the team's goals.
    pub team: usize,
    pub goal_index: usize,
    pub metric: String,
    pub kind: Kind,
    pub goal: Decimal,
    /// What is handed out: the goal, and the over-assignment on top.
    pub total: Decimal,
    pub unit: Decimal,
    pub rows: Vec<Row>,
    pub children: Vec<Fixed>,
    /// Sellers of the team without a target for the metric, left out.
    pub left_out: Vec<String>,
    /// For a ratio: the weighted roll-up of the proposal (it meets the goal;
    /// rounding up leaves it at most a unit over).
    pub ratio_rollup: Option<Decimal>,
}

/// Why no proposal can be made.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    NoTeam {
        known: Vec<String>,
    },
    NoGoal {
        metric: String,
        known: Vec<String>,
    },
    /// The metric rolls up in a way a split cannot follow (min, max, none,
    /// rates in different units).
    Method {
        metric: String,
    },
    /// Sellers without a baseline (or potential) where the split needs one.
    Missing {
        basis: Basis,
        names: Vec<String>,
    },
    /// More over-assignment than the team's `max_over`.
    OverTooHigh {
        max: Decimal,
    },
    /// A ratio proposal above 100 %.
    RatioAboveOne {
        name: String,
    },
    /// Nobody to split among.
    NoSellers,
    Split(Problem),
}

/// Propose each seller's target for a team goal (SPEC 5.2).
pub fn propose(analysis: &Analysis<'_>, req: &Request<'_>) -> Result<Proposal, Refusal> {
    let plan = analysis.plan;
    let Some(t) = plan.teams.iter().position(|t| t.id == req.team) else {
        return Err(Refusal::NoTeam {
            known: plan.teams.iter().map(|t| t.id.clone()).collect(),
        });
    };
    let team = &plan.teams[t];
    let Some((goal_index, goal, target)) = team
        .data
        .goals
        .iter()
        .enumerate()
        .find_map(|(i, g)| {
            Some((i, g, g.target?)).filter(|_| {
                g.metric == req.metric
                    && req.product.is_none_or(|p| g.product.as_deref() == Some(p))
            })
        })
        .filter(|(_, g, q)| usable(&plan.metrics, &g.metric, *q))
    else {
        return Err(Refusal::NoGoal {
            metric: req.metric.to_string(),
            known: team.data.goals.iter().map(|g| g.metric.clone()).collect(),
        });
    };
    let Some(metric) = plan.metrics.get(&goal.metric) else {
        return Err(Refusal::Method {
            metric: req.metric.to_string(),
        });
    };
    let ratio = matches!(
        metric.rollup,
        Method::Mean | Method::WeightedMean(_) | Method::WeightedByOffers
    );
    if !ratio
        && !matches!(
            metric.rollup,
            Method::Sum | Method::SumPerProduct | Method::SumOfRates
        )
    {
        return Err(Refusal::Method {
            metric: req.metric.to_string(),
        });
    }
    let max_over = analysis.max_over[t];
    if req.over > max_over || req.over < Decimal::ZERO {
        return Err(Refusal::OverTooHigh { max: max_over });
    }
    let rolled = analysis.rollup(t, goal_index);
    let product = goal.product.as_deref();
    let per = goal.per.unwrap_or(Per::Week);
    // The team's own sellers (the first file of each id), with their target.
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    let mut left_out = Vec::new();
    for (si, seller) in plan.sellers.iter().enumerate() {
        if seller.data.team != team.id || !seen.insert(seller.id.as_str()) {
            continue;
        }
        let Some(found) = seller_target(&plan.metrics, &seller.data, &goal.metric, product) else {
            left_out.push(seller.data.name.clone());
            continue;
        };
        if matches!(metric.rollup, Method::SumOfRates) && found.goal.per.unwrap_or(Per::Week) != per
        {
            return Err(Refusal::Method {
                metric: req.metric.to_string(),
            });
        }
        rows.push(Row {
            seller: si,
            id: seller.id.clone(),
            name: seller.data.name.clone(),
            file: seller.file,
            pointer: found.pointer.clone(),
            current: found.value,
            proposed: found.value,
            locked: found.goal.locked,
            baseline: value_of(&plan.metrics, &seller.data.baseline, &goal.metric),
            weight: Decimal::ZERO,
            phasing: Vec::new(),
            own_phasing: found.goal.phasing.clone(),
        });
    }
    if rows.is_empty() {
        return Err(Refusal::NoSellers);
    }
    let children: Vec<(Fixed, Option<Decimal>)> = rolled
        .map(|r| {
            r.contributions
                .iter()
                .filter(|c| c.team)
                .map(|c| {
                    (
                        Fixed {
                            name: c.name.clone(),
                            value: c.value.value(),
                        },
                        c.weight.map(super::exact::Frac::value),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let total = target.value * (Decimal::ONE + req.over);
    let unit = req
        .unit
        .filter(|u| *u > Decimal::ZERO)
        .unwrap_or(match metric.kind {
            Kind::Money => Decimal::from(1_000),
            Kind::Ratio => Decimal::new(1, 3),
            _ => Decimal::ONE,
        });
    weigh(analysis, req, &mut rows, ratio)?;
    let mut ratio_rollup = None;
    if ratio {
        let weights = ratio_weights(rolled, &rows);
        ratio_rollup = Some(split_ratio(&mut rows, &weights, &children, total, unit)?);
    } else {
        let shares: Vec<Share> = rows
            .iter()
            .map(|r| Share {
                weight: r.weight,
                locked: r.locked.then_some(r.current),
            })
            .collect();
        let fixed: Decimal = children.iter().map(|(c, _)| c.value).sum();
        let rest = total - fixed;
        let proposed = allocate(rest, &shares, unit).map_err(|p| match p {
            Problem::NoSellers => Refusal::NoSellers,
            p => Refusal::Split(p),
        })?;
        for (row, value) in rows.iter_mut().zip(proposed) {
            row.proposed = value;
        }
        let team_phasing = goal.phasing.as_ref();
        for row in &mut rows {
            row.phasing = rephase(plan, row, team_phasing, unit);
        }
    }
    Ok(Proposal {
        team: t,
        goal_index,
        metric: goal.metric.clone(),
        kind: metric.kind,
        goal: target.value,
        total,
        unit,
        rows,
        children: children.into_iter().map(|(c, _)| c).collect(),
        left_out,
        ratio_rollup,
    })
}

/// Each row's weight by the request's bases: each basis's weights as
/// shares of the free sellers' total, mixed by how much each basis counts.
fn weigh(
    analysis: &Analysis<'_>,
    req: &Request<'_>,
    rows: &mut [Row],
    ratio: bool,
) -> Result<(), Refusal> {
    let free: Vec<usize> = (0..rows.len()).filter(|&i| !rows[i].locked).collect();
    let mut mixed = vec![Decimal::ZERO; rows.len()];
    for (basis, counts) in &req.by {
        let raw: Vec<Option<Decimal>> = match basis {
            Basis::Even => rows.iter().map(|_| Some(Decimal::ONE)).collect(),
            Basis::Baseline => rows
                .iter()
                .map(|r| r.baseline.filter(|b| *b > Decimal::ZERO))
                .collect(),
            Basis::Potential if ratio => {
                return Err(Refusal::Missing {
                    basis: Basis::Potential,
                    names: Vec::new(),
                });
            }
            Basis::Potential => potentials(analysis, rows, req.levels),
        };
        let missing: Vec<String> = free
            .iter()
            .filter(|&&i| raw[i].is_none())
            .map(|&i| rows[i].name.clone())
            .collect();
        if !missing.is_empty() {
            return Err(Refusal::Missing {
                basis: *basis,
                names: missing,
            });
        }
        let sum: Decimal = free.iter().filter_map(|&i| raw[i]).sum();
        if sum.is_zero() {
            continue;
        }
        for &i in &free {
            mixed[i] += raw[i].unwrap_or_default() / sum * counts;
        }
    }
    for (row, weight) in rows.iter_mut().zip(mixed) {
        row.weight = weight;
    }
    Ok(())
}

/// Each row's customers' potential: the sum of the amounts where every
/// customer of the rows that has a potential has an amount (what the
/// fairness rule compares with), else points by level (an amount counts
/// by its level among the plan's amounts).
fn potentials(analysis: &Analysis<'_>, rows: &[Row], levels: [Decimal; 3]) -> Vec<Option<Decimal>> {
    let plan = analysis.plan;
    let customers = |r: &Row| analysis.customers_of(&plan.sellers[r.seller].id);
    let amounts = rows.iter().all(|r| {
        customers(r).all(|c| {
            matches!(
                c.customer.customer.potential,
                None | Some(Potential::Amount(_))
            )
        })
    });
    rows.iter()
        .map(|r| {
            let total: Decimal = customers(r)
                .map(
                    |c| match (amounts, c.customer.customer.potential, c.potential) {
                        (true, Some(Potential::Amount(a)), _) => a,
                        (false, _, Some(level)) => match level {
                            PotentialLevel::Low => levels[0],
                            PotentialLevel::Medium => levels[1],
                            PotentialLevel::High => levels[2],
                        },
                        _ => Decimal::ZERO,
                    },
                )
                .sum();
            (total > Decimal::ZERO).then_some(total)
        })
        .collect()
}

/// The weights of the rows in the team's weighted roll-up (1 each for a
/// plain mean, or where a weight is missing).
fn ratio_weights(rolled: Option<&crate::analysis::rollup::Rolled>, rows: &[Row]) -> Vec<Decimal> {
    let by_id: std::collections::HashMap<&str, Decimal> = rolled
        .map(|r| {
            r.contributions
                .iter()
                .filter(|c| !c.team)
                .filter_map(|c| Some((c.id.as_str(), c.weight?.value())))
                .collect()
        })
        .unwrap_or_default();
    let weights: Vec<Option<Decimal>> = rows
        .iter()
        .map(|row| by_id.get(row.id.as_str()).copied())
        .collect();
    if rolled.is_some_and(|r| r.weighted_by.is_some() && r.missing_weights.is_empty())
        && weights.iter().all(Option::is_some)
    {
        weights.into_iter().map(Option::unwrap_or_default).collect()
    } else {
        vec![Decimal::ONE; rows.len()]
    }
}

/// A ratio goal split so that the weighted roll-up meets it: each free
/// seller's target is their weight's share scaled by one factor, rounded
/// up to the unit. Returns the roll-up of the proposal.
fn split_ratio(
    rows: &mut [Row],
    weights: &[Decimal],
    children: &[(Fixed, Option<Decimal>)],
    goal: Decimal,
    unit: Decimal,
) -> Result<Decimal, Refusal> {
    let child_w: Vec<Decimal> = children
        .iter()
        .map(|(_, w)| w.unwrap_or(Decimal::ONE))
        .collect();
    let all_w: Decimal =
        weights.iter().copied().sum::<Decimal>() + child_w.iter().copied().sum::<Decimal>();
    // The child teams' part of the weighted sum, as it is.
    let from_children: Decimal = children
        .iter()
        .zip(&child_w)
        .map(|((c, _), w)| c.value * w)
        .sum();
    let fixed: Decimal = rows
        .iter()
        .zip(weights)
        .filter(|(r, _)| r.locked)
        .map(|(r, w)| r.current * w)
        .sum::<Decimal>()
        + from_children;
    let needed = goal * all_w - fixed;
    let scale: Decimal = rows
        .iter()
        .zip(weights)
        .filter(|(r, _)| !r.locked)
        .map(|(r, w)| r.weight * w)
        .sum();
    if scale.is_zero() {
        return Err(Refusal::Split(Problem::AllLocked { locked: fixed }));
    }
    let factor = needed / scale;
    for row in rows.iter_mut().filter(|r| !r.locked) {
        let exact = (row.weight * factor).max(Decimal::ZERO);
        row.proposed = (exact / unit).ceil() * unit;
        if row.proposed > Decimal::ONE {
            return Err(Refusal::RatioAboveOne {
                name: row.name.clone(),
            });
        }
    }
    let sum: Decimal = rows
        .iter()
        .zip(weights)
        .map(|(r, w)| r.proposed * w)
        .sum::<Decimal>()
        + from_children;
    Ok(if all_w.is_zero() { sum } else { sum / all_w })
}

/// The seller's quarterly phasing for the new target: split as the team
/// goal's phasing is (else as the seller's own was), rounded to the unit,
/// adding up to the target exactly. Nothing when the seller's goal has no
/// phasing of amounts.
fn rephase(
    plan: &crate::model::Plan,
    row: &Row,
    team: Option<&crate::model::Phasing>,
    unit: Decimal,
) -> Vec<(String, Decimal)> {
    let (Some(goal_pointer), Some(own)) = (row.pointer.strip_suffix("/target"), &row.own_phasing)
    else {
        return Vec::new();
    };
    if own.0.iter().any(|(_, q)| q.percent) || row.locked {
        return Vec::new();
    }
    let by = team
        .filter(|t| t.0.len() == 4 && t.0.iter().all(|(_, q)| !q.percent))
        .unwrap_or(own);
    let shares: Vec<Share> = own
        .0
        .iter()
        .map(|(q, _)| Share {
            weight: by
                .0
                .iter()
                .find(|(bq, _)| bq == q)
                .map_or(Decimal::ZERO, |(_, v)| v.value),
            locked: None,
        })
        .collect();
    let Ok(values) = allocate(row.proposed, &shares, unit) else {
        return Vec::new();
    };
    // A list `[…]` is addressed by index, a map by quarter.
    let as_map = plan
        .file(row.file)
        .node()
        .and_then(|n| n.pointer(&format!("{goal_pointer}/phasing")))
        .is_some_and(|n| n.as_map().is_some());
    own.0
        .iter()
        .enumerate()
        .zip(values)
        .filter(|((_, (_, old)), v)| old.value != *v)
        .map(|((i, (q, _)), v)| {
            let key = if as_map {
                format!("Q{q}")
            } else {
                i.to_string()
            };
            (format!("{goal_pointer}/phasing/{key}"), v)
        })
        .collect()
}

/// The changes the proposal makes (file index, pointer, new text; for
/// `load::whatif::apply_at`): each free seller's target (and its
/// phasing), written in the style of the value it replaces.
pub fn changes(plan: &crate::model::Plan, p: &Proposal) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for row in p.rows.iter().filter(|r| !r.locked) {
        let file = plan.file(row.file);
        let lines = crate::source::edit::Lines::new(&file.text);
        let written = |pointer: &str| {
            file.node()
                .and_then(|n| n.pointer(pointer))
                .and_then(|n| crate::source::edit::scalar_range(&lines, n.span))
                .and_then(|r| file.text.get(r))
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        if row.proposed != row.current {
            let old = written(&row.pointer);
            out.push((
                row.file,
                row.pointer.clone(),
                styled(&old, row.proposed, p.kind),
            ));
        }
        for (pointer, value) in &row.phasing {
            let old = written(pointer);
            out.push((row.file, pointer.clone(), styled(&old, *value, p.kind)));
        }
    }
    out
}

/// `value` written as `old` was: a percent stays a percent, digits grouped
/// with `_` stay grouped.
fn styled(old: &str, value: Decimal, kind: Kind) -> String {
    let plain = old.trim_matches(['"', '\'']);
    if plain.ends_with('%') && kind == Kind::Ratio {
        let space = if plain.trim_end_matches('%').ends_with(' ') {
            " "
        } else {
            ""
        };
        return format!("{}{space}%", (value * Decimal::ONE_HUNDRED).normalize());
    }
    if plain.contains('_') {
        crate::model::number::underscored(value, 0)
    } else {
        value.normalize().to_string()
    }
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
    fn a_value_is_written_as_the_one_it_replaces() {
        let dec = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert_eq!(
            styled("10_000_000", dec("12345000"), Kind::Money),
            "12_345_000"
        );
        assert_eq!(styled("10000000", dec("12345000"), Kind::Money), "12345000");
        assert_eq!(styled("1_000.50", dec("1234.25"), Kind::Money), "1_234.25");
        assert_eq!(styled("\"25 %\"", dec("0.253"), Kind::Ratio), "25.3 %");
        assert_eq!(styled("25%", dec("0.2"), Kind::Ratio), "20%");
        assert_eq!(styled("0.25", dec("0.201"), Kind::Ratio), "0.201");
        assert_eq!(styled("100_000", dec("999"), Kind::Count), "999");
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

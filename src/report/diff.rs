//! What a change to the plan does (`salgsmal diff`): the plan's analyses at
//! two revisions compared. Sellers and teams are matched by id, then (a
//! renamed file) by email or name; goals and KPIs by id. The comparison
//! lists each target that changed, the goals, KPIs and actions added or
//! removed, sellers and teams added, removed or renamed, the roll-ups
//! before and after, the customers added, removed, moved between owners or
//! categories, and the findings the change introduced and resolved.

use crate::analysis::Analysis;
use crate::diag::Diagnostic;
use crate::i18n::Localizer;
use crate::model::metrics::Kind;
use crate::model::{Goal, Plan};
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One side of the comparison.
pub struct Side<'a> {
    pub analysis: &'a Analysis<'a>,
    pub diagnostics: &'a [Diagnostic],
    /// The revision as asked for (`main`, `merge-base(HEAD, origin/main)`),
    /// or `worktree`.
    pub name: String,
    /// The commit's id, or `worktree`.
    pub id: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    Added,
    Removed,
    Renamed,
    /// A customer with another owner.
    Moved,
    /// A customer in another category (same owner).
    Recategorised,
}

impl Change {
    pub fn id(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Renamed => "renamed",
            Change::Moved => "moved",
            Change::Recategorised => "category",
        }
    }
}

/// Whose goal: a team's or a seller's.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Owner {
    /// `team` or `seller`.
    pub kind: &'static str,
    pub name: String,
    pub id: String,
    /// The file (the head's; the base's for what was removed).
    pub file: String,
}

#[derive(Clone, Debug)]
pub struct TargetChange {
    pub owner: Owner,
    /// `goals` or `kpis`.
    pub list: &'static str,
    pub id: String,
    pub metric: String,
    pub product: Option<String>,
    pub kind: Kind,
    /// The target's JSON Pointer in the head's file.
    pub pointer: String,
    pub old: Option<Decimal>,
    pub new: Option<Decimal>,
}

#[derive(Clone, Debug)]
pub struct GoalChange {
    pub owner: Owner,
    pub list: &'static str,
    pub id: String,
    pub metric: String,
    pub kind: Kind,
    pub change: Change,
    pub target: Option<Decimal>,
}

#[derive(Clone, Debug)]
pub struct ActionChange {
    pub owner: Owner,
    /// The goal, KPI or strategic choice the action belongs to.
    pub under: String,
    pub text: String,
    pub change: Change,
}

/// A seller or team added, removed or renamed.
#[derive(Clone, Debug)]
pub struct EntityChange {
    pub kind: &'static str,
    pub id: String,
    pub name: String,
    pub change: Change,
    pub file_old: Option<String>,
    pub file_new: Option<String>,
}

impl EntityChange {
    /// A seller or team only the base has.
    fn removed(kind: &'static str, plan: &Plan, file: usize, id: &str, name: &str) -> Self {
        Self {
            kind,
            id: id.to_string(),
            name: name.to_string(),
            change: Change::Removed,
            file_old: Some(plan.file(file).path.clone()),
            file_new: None,
        }
    }

    /// A seller or team whose file has another name.
    fn renamed(owner: &Owner, old_file: &str) -> Self {
        Self {
            kind: owner.kind,
            id: owner.id.clone(),
            name: owner.name.clone(),
            change: Change::Renamed,
            file_old: Some(old_file.to_string()),
            file_new: Some(owner.file.clone()),
        }
    }

    /// A seller or team only the head has.
    fn added(kind: &'static str, plan: &Plan, file: usize, id: &str, name: &str) -> Self {
        Self {
            kind,
            id: id.to_string(),
            name: name.to_string(),
            change: Change::Added,
            file_old: None,
            file_new: Some(plan.file(file).path.clone()),
        }
    }
}

#[derive(Clone, Debug)]
pub struct RollupChange {
    pub team: String,
    pub team_name: String,
    pub goal: String,
    pub metric: String,
    pub product: Option<String>,
    pub kind: Kind,
    pub target_old: Option<Decimal>,
    pub target_new: Option<Decimal>,
    pub rollup_old: Option<Decimal>,
    pub rollup_new: Option<Decimal>,
    /// How far the head's roll-up may exceed its target.
    pub max_over: Decimal,
}

#[derive(Clone, Debug)]
pub struct CustomerChange {
    pub id: String,
    pub name: String,
    pub change: Change,
    pub owner_old: Option<String>,
    pub owner_new: Option<String>,
    pub category_old: Option<crate::model::Category>,
    pub category_new: Option<crate::model::Category>,
    pub revenue_old: Option<Decimal>,
    pub revenue_new: Option<Decimal>,
}

/// Everything that changed, in a stable order.
pub struct PlanDiff {
    pub base: (String, String),
    pub head: (String, String),
    pub targets: Vec<TargetChange>,
    pub goals: Vec<GoalChange>,
    pub actions: Vec<ActionChange>,
    pub entities: Vec<EntityChange>,
    pub rollups: Vec<RollupChange>,
    pub customers: Vec<CustomerChange>,
    pub introduced: Vec<Diagnostic>,
    pub resolved: Vec<Diagnostic>,
}

impl PlanDiff {
    /// Whether the plan's content changed at all (findings aside).
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
            && self.goals.is_empty()
            && self.actions.is_empty()
            && self.entities.is_empty()
            && self.rollups.is_empty()
            && self.customers.is_empty()
    }
}

/// The first entry of each id (a second file with the same id is a
/// `duplicate-id` error and does not count).
fn firsts<T>(entries: &[crate::model::Entry<T>]) -> Vec<usize> {
    let mut seen = HashSet::new();
    (0..entries.len())
        .filter(|&i| seen.insert(entries[i].id.as_str()))
        .collect()
}

/// A second way to know an entry (an email, a name), lowercase.
type Key<'k, T> = &'k dyn Fn(&T) -> Option<String>;

/// Pairs `(base index, head index)` of the entries that are the same: by
/// id, then by each of `keys` (email, name) among those left.
fn match_entries<T>(
    base: &[crate::model::Entry<T>],
    head: &[crate::model::Entry<T>],
    keys: &[Key<'_, T>],
) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut left_base = firsts(base);
    let mut left_head = firsts(head);
    let mut pairs = Vec::new();
    left_head.retain(
        |&h| match left_base.iter().position(|&b| base[b].id == head[h].id) {
            Some(at) => {
                pairs.push((left_base.remove(at), h));
                false
            }
            None => true,
        },
    );
    for key in keys {
        left_head.retain(|&h| {
            let Some(k) = key(&head[h].data) else {
                return true;
            };
            match left_base
                .iter()
                .position(|&b| key(&base[b].data).as_ref() == Some(&k))
            {
                Some(at) => {
                    pairs.push((left_base.remove(at), h));
                    false
                }
                None => true,
            }
        });
    }
    pairs.sort_by_key(|&(_, h)| h);
    (pairs, left_base, left_head)
}

/// The sellers (or teams) only the base has, and those only the head has.
fn unmatched<T>(
    out: &mut PlanDiff,
    kind: &'static str,
    (bp, base, removed): (&Plan, &[crate::model::Entry<T>], &[usize]),
    (hp, head, added): (&Plan, &[crate::model::Entry<T>], &[usize]),
    name: impl Fn(&T) -> &str,
) {
    for &b in removed {
        let e = &base[b];
        out.entities.push(EntityChange::removed(
            kind,
            bp,
            e.file,
            &e.id,
            name(&e.data),
        ));
    }
    for &h in added {
        let e = &head[h];
        out.entities
            .push(EntityChange::added(kind, hp, e.file, &e.id, name(&e.data)));
    }
}

/// A goal's key within its list: its id, else its metric and product.
fn goal_key(g: &Goal) -> String {
    if g.id.is_empty() {
        format!("{}:{}", g.metric, g.product.as_deref().unwrap_or(""))
    } else {
        g.id.clone()
    }
}

fn kind_of(plan: &Plan, metric: &str) -> Kind {
    plan.metrics.get(metric).map_or(Kind::Count, |m| m.kind)
}

/// Compare the plan at `base` with the plan at `head`.
pub fn compare(base: &Side<'_>, head: &Side<'_>, loc: &Localizer) -> PlanDiff {
    let (bp, hp) = (base.analysis.plan, head.analysis.plan);
    let mut out = PlanDiff {
        base: (base.name.clone(), base.id.clone()),
        head: (head.name.clone(), head.id.clone()),
        targets: Vec::new(),
        goals: Vec::new(),
        actions: Vec::new(),
        entities: Vec::new(),
        rollups: Vec::new(),
        customers: Vec::new(),
        introduced: Vec::new(),
        resolved: Vec::new(),
    };
    // Base file → head file, for renamed files.
    let mut files: HashMap<String, String> = HashMap::new();
    // Base seller id → head seller id.
    let mut seller_ids: HashMap<String, String> = HashMap::new();

    let email = |s: &crate::model::Seller| s.email.as_ref().map(|e| e.trim().to_lowercase());
    let name = |s: &crate::model::Seller| Some(s.name.trim().to_lowercase());
    let (pairs, removed, added) = match_entries(&bp.sellers, &hp.sellers, &[&email, &name]);
    for &(b, h) in &pairs {
        let (old, new) = (&bp.sellers[b], &hp.sellers[h]);
        let (old_file, new_file) = (&bp.file(old.file).path, &hp.file(new.file).path);
        seller_ids.insert(old.id.clone(), new.id.clone());
        let owner = Owner {
            kind: "seller",
            name: new.data.name.clone(),
            id: new.id.clone(),
            file: new_file.clone(),
        };
        if old_file != new_file {
            files.insert(old_file.clone(), new_file.clone());
            out.entities.push(EntityChange::renamed(&owner, old_file));
        }
        for (list, a, b) in [
            ("goals", &old.data.goals, &new.data.goals),
            ("kpis", &old.data.kpis, &new.data.kpis),
        ] {
            goals(&mut out, (bp, hp), &owner, list, a, b);
        }
    }
    unmatched(
        &mut out,
        "seller",
        (bp, &bp.sellers, &removed),
        (hp, &hp.sellers, &added),
        |s| &s.name,
    );

    let team_name = |t: &crate::model::Team| Some(t.name.trim().to_lowercase());
    let (pairs, removed, added) = match_entries(&bp.teams, &hp.teams, &[&team_name]);
    for &(b, h) in &pairs {
        let (old, new) = (&bp.teams[b], &hp.teams[h]);
        let (old_file, new_file) = (&bp.file(old.file).path, &hp.file(new.file).path);
        let owner = Owner {
            kind: "team",
            name: new.data.name.clone(),
            id: new.id.clone(),
            file: new_file.clone(),
        };
        if old_file != new_file {
            files.insert(old_file.clone(), new_file.clone());
            out.entities.push(EntityChange::renamed(&owner, old_file));
        }
        goals(
            &mut out,
            (bp, hp),
            &owner,
            "goals",
            &old.data.goals,
            &new.data.goals,
        );
        // Strategy actions, by choice.
        for choice in &new.data.strategy {
            let before: HashSet<&str> = old
                .data
                .strategy
                .iter()
                .filter(|c| c.choice == choice.choice)
                .flat_map(|c| c.actions.iter().map(|a| a.text.as_str()))
                .collect();
            let now: HashSet<&str> = choice.actions.iter().map(|a| a.text.as_str()).collect();
            actions(&mut out, &owner, &choice.choice, &before, &now);
        }
        for choice in &old.data.strategy {
            if !new.data.strategy.iter().any(|c| c.choice == choice.choice) {
                let before: HashSet<&str> =
                    choice.actions.iter().map(|a| a.text.as_str()).collect();
                actions(&mut out, &owner, &choice.choice, &before, &HashSet::new());
            }
        }
        // The roll-ups of the goals both sides have.
        for (hg, goal) in new.data.goals.iter().enumerate() {
            let Some(bg) = old
                .data
                .goals
                .iter()
                .position(|g| goal_key(g) == goal_key(goal))
            else {
                continue;
            };
            let value =
                |a: &Analysis<'_>, t: usize, g: usize| a.rollup(t, g).map(|r| r.value.value());
            let (rollup_old, rollup_new) =
                (value(base.analysis, b, bg), value(head.analysis, h, hg));
            let target_old = old.data.goals[bg].target.map(|q| q.value);
            let target_new = goal.target.map(|q| q.value);
            if (target_old, rollup_old) != (target_new, rollup_new)
                && (rollup_old.is_some() || rollup_new.is_some())
            {
                out.rollups.push(RollupChange {
                    team: new.id.clone(),
                    team_name: new.data.name.clone(),
                    goal: goal.id.clone(),
                    metric: goal.metric.clone(),
                    product: goal.product.clone(),
                    kind: kind_of(hp, &goal.metric),
                    target_old,
                    target_new,
                    rollup_old,
                    rollup_new,
                    max_over: head.analysis.max_over.get(h).copied().unwrap_or_default(),
                });
            }
        }
    }
    unmatched(
        &mut out,
        "team",
        (bp, &bp.teams, &removed),
        (hp, &hp.teams, &added),
        |t| &t.name,
    );

    customers(
        &mut out,
        base.analysis,
        head.analysis,
        &seller_ids,
        &mut files,
    );
    findings(&mut out, base, head, &files, loc);
    out.entities
        .sort_by(|a, b| (a.kind, a.change, &a.id).cmp(&(b.kind, b.change, &b.id)));
    out
}

/// The goals (or KPIs) of one owner: targets changed, goals added or
/// removed, and the actions of the goals both sides have.
fn goals(
    out: &mut PlanDiff,
    (bp, hp): (&Plan, &Plan),
    owner: &Owner,
    list: &'static str,
    old: &[Goal],
    new: &[Goal],
) {
    for (i, g) in new.iter().enumerate() {
        match old.iter().find(|o| goal_key(o) == goal_key(g)) {
            Some(o) => {
                let (before, now) = (o.target.map(|q| q.value), g.target.map(|q| q.value));
                if before != now {
                    out.targets.push(TargetChange {
                        owner: owner.clone(),
                        list,
                        id: g.id.clone(),
                        metric: g.metric.clone(),
                        product: g.product.clone(),
                        kind: kind_of(hp, &g.metric),
                        pointer: format!("/{list}/{i}/target"),
                        old: before,
                        new: now,
                    });
                }
                let before: HashSet<&str> = o.actions.iter().map(|a| a.text.as_str()).collect();
                let now: HashSet<&str> = g.actions.iter().map(|a| a.text.as_str()).collect();
                actions(out, owner, &g.id, &before, &now);
            }
            None => out.goals.push(GoalChange {
                owner: owner.clone(),
                list,
                id: g.id.clone(),
                metric: g.metric.clone(),
                kind: kind_of(hp, &g.metric),
                change: Change::Added,
                target: g.target.map(|q| q.value),
            }),
        }
    }
    for o in old {
        if !new.iter().any(|g| goal_key(g) == goal_key(o)) {
            out.goals.push(GoalChange {
                owner: owner.clone(),
                list,
                id: o.id.clone(),
                metric: o.metric.clone(),
                kind: kind_of(bp, &o.metric),
                change: Change::Removed,
                target: o.target.map(|q| q.value),
            });
        }
    }
}

fn actions(
    out: &mut PlanDiff,
    owner: &Owner,
    under: &str,
    before: &HashSet<&str>,
    now: &HashSet<&str>,
) {
    let mut found: Vec<(Change, &str)> = now
        .difference(before)
        .map(|t| (Change::Added, *t))
        .chain(before.difference(now).map(|t| (Change::Removed, *t)))
        .collect();
    found.sort_unstable();
    for (change, text) in found {
        out.actions.push(ActionChange {
            owner: owner.clone(),
            under: under.to_string(),
            text: text.to_string(),
            change,
        });
    }
}

fn customers(
    out: &mut PlanDiff,
    base: &Analysis<'_>,
    head: &Analysis<'_>,
    seller_ids: &HashMap<String, String>,
    files: &mut HashMap<String, String>,
) {
    type Seen<'a> = BTreeMap<&'a str, &'a crate::analysis::portfolio::Placed<'a>>;
    let old: Seen<'_> = base
        .portfolio
        .customers
        .iter()
        .map(|p| (p.customer.customer.id.as_str(), p))
        .collect();
    let new: Seen<'_> = head
        .portfolio
        .customers
        .iter()
        .map(|p| (p.customer.customer.id.as_str(), p))
        .collect();
    for (id, n) in &new {
        let name = n.customer.customer.name.clone();
        let Some(o) = old.get(id) else {
            out.customers.push(CustomerChange {
                id: (*id).to_string(),
                name,
                change: Change::Added,
                owner_old: None,
                owner_new: Some(n.customer.owner.to_string()),
                category_old: None,
                category_new: Some(n.category),
                revenue_old: None,
                revenue_new: Some(n.figures.revenue),
            });
            continue;
        };
        // A customer list renamed with its seller.
        let (old_file, new_file) = (
            &base.plan.file(o.customer.file).path,
            &head.plan.file(n.customer.file).path,
        );
        // The same owner, or the owner's renamed file.
        let same_owner = o.customer.owner == n.customer.owner
            || seller_ids.get(o.customer.owner).map(String::as_str) == Some(n.customer.owner);
        if old_file != new_file && same_owner {
            files.insert(old_file.clone(), new_file.clone());
        }
        let change = if !same_owner {
            Change::Moved
        } else if o.category != n.category {
            Change::Recategorised
        } else {
            continue;
        };
        out.customers.push(CustomerChange {
            id: (*id).to_string(),
            name,
            change,
            owner_old: Some(o.customer.owner.to_string()),
            owner_new: Some(n.customer.owner.to_string()),
            category_old: Some(o.category),
            category_new: Some(n.category),
            revenue_old: Some(o.figures.revenue),
            revenue_new: Some(n.figures.revenue),
        });
    }
    for (id, o) in &old {
        if !new.contains_key(id) {
            out.customers.push(CustomerChange {
                id: (*id).to_string(),
                name: o.customer.customer.name.clone(),
                change: Change::Removed,
                owner_old: Some(o.customer.owner.to_string()),
                owner_new: None,
                category_old: Some(o.category),
                category_new: None,
                revenue_old: Some(o.figures.revenue),
                revenue_new: None,
            });
        }
    }
    out.customers
        .sort_by(|a, b| (a.change, &a.id).cmp(&(b.change, &b.id)));
}

/// The findings of the head that the base does not have (introduced), and
/// the other way round (resolved). A finding is the same when its rule,
/// file (followed through a rename), place and message id are; its numbers
/// may differ.
fn findings(
    out: &mut PlanDiff,
    base: &Side<'_>,
    head: &Side<'_>,
    files: &HashMap<String, String>,
    loc: &Localizer,
) {
    let key = |d: &Diagnostic, file: &str| -> (String, String, String, String) {
        let place = match &d.pointer {
            Some(p) => p.clone(),
            None => loc.format(&d.message),
        };
        (
            d.rule.as_str().to_string(),
            file.to_string(),
            place,
            d.message.id.to_string(),
        )
    };
    let mapped = |f: &str| files.get(f).map_or(f, String::as_str).to_string();
    let old: HashSet<_> = base
        .diagnostics
        .iter()
        .map(|d| key(d, &mapped(&d.location.file)))
        .collect();
    let new: HashSet<_> = head
        .diagnostics
        .iter()
        .map(|d| key(d, &d.location.file))
        .collect();
    out.introduced = head
        .diagnostics
        .iter()
        .filter(|d| !old.contains(&key(d, &d.location.file)))
        .cloned()
        .collect();
    out.resolved = base
        .diagnostics
        .iter()
        .filter(|d| !new.contains(&key(d, &mapped(&d.location.file))))
        .cloned()
        .collect();
}

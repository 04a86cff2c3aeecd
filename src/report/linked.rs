//! The render context as the templates receive it: the JSON of
//! [`super::context::build`], converted once into template values, with
//! each seller's and team's own customers (and findings) linked in, so a
//! template never searches the whole plan for them. Linked items are shared,
//! not copied: a customer listed under its seller, its team and `customers`
//! is one value.
//!
//! Added fields (on top of the JSON context):
//! - `sellers[].customer_list`: the seller's customers (objects as in
//!   `customers[]`), largest revenue first;
//! - `sellers[].diagnostics`, `sellers[].accepted`: the findings in the
//!   seller's file;
//! - `teams[].customer_list`: the customers of the team's sellers (child
//!   teams included), largest revenue first;
//! - `teams[].seller_list`: the team's sellers (objects as in `sellers[]`);
//! - `teams[].priority`: `portfolio.priority` for the team's customers;
//! - `teams[].diagnostics`, `teams[].accepted`: the findings in the team's
//!   file, its sellers' files and customer lists, and `salgsmal.yaml`.

use minijinja::value::Value as JValue;
use serde_json::Value;
use std::collections::HashMap;

fn take_array(v: &mut Value, key: &str) -> Vec<Value> {
    match v.get_mut(key).map(Value::take) {
        Some(Value::Array(items)) => items,
        _ => Vec::new(),
    }
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_string()
}

/// A template map from `(key, value)` pairs, in order.
fn map(pairs: Vec<(String, JValue)>) -> JValue {
    pairs.into_iter().collect()
}

/// An object's fields converted, with `extra` fields put in place (or
/// added at the end).
fn object(v: Value, extra: Vec<(&str, JValue)>) -> JValue {
    let mut pairs: Vec<(String, JValue)> = match v {
        Value::Object(m) => m
            .into_iter()
            .map(|(k, v)| (k, JValue::from_serialize(&v)))
            .collect(),
        _ => Vec::new(),
    };
    for (k, v) in extra {
        match pairs.iter_mut().find(|(key, _)| key == k) {
            Some(pair) => pair.1 = v,
            None => pairs.push((k.to_string(), v)),
        }
    }
    map(pairs)
}

struct Customer {
    value: JValue,
    file: String,
    revenue: f64,
    category: String,
    priority: Option<String>,
}

/// Largest revenue first; equal revenues keep the plan's order.
fn by_revenue(customers: &[Customer], mut ids: Vec<usize>) -> Vec<usize> {
    ids.sort_by(|a, b| customers[*b].revenue.total_cmp(&customers[*a].revenue));
    ids
}

fn list(customers: &[Customer], ids: &[usize]) -> JValue {
    ids.iter()
        .map(|i| customers[*i].value.clone())
        .collect::<Vec<_>>()
        .into()
}

/// Customers by category and potential level (`portfolio.priority`), of
/// the customers `ids`, in the plan's order.
fn priority(rows: &[(String, Value)], customers: &[Customer], ids: &[usize]) -> JValue {
    rows.iter()
        .map(|(category, label)| {
            let level = |l: Option<&str>| -> JValue {
                ids.iter()
                    .map(|i| &customers[*i])
                    .filter(|c| c.category == *category && c.priority.as_deref() == l)
                    .map(|c| c.value.clone())
                    .collect::<Vec<_>>()
                    .into()
            };
            map(vec![
                ("category".into(), JValue::from(category.as_str())),
                ("label".into(), JValue::from_serialize(label)),
                ("high".into(), level(Some("high"))),
                ("medium".into(), level(Some("medium"))),
                ("low".into(), level(Some("low"))),
                ("unknown".into(), level(None)),
            ])
        })
        .collect::<Vec<_>>()
        .into()
}

/// Convert the context into the template context, linking each seller's
/// and team's own customers and findings.
pub fn link(built: super::context::Built) -> JValue {
    let super::context::Built {
        json: mut context,
        customers: rows,
    } = built;
    let mut by_owner: HashMap<String, Vec<usize>> = HashMap::new();
    let customers: Vec<Customer> = rows
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            by_owner.entry(c.owner.clone()).or_default().push(i);
            Customer {
                revenue: c.revenue,
                category: c.category.to_string(),
                file: c.file.to_string(),
                priority: c.priority.map(str::to_string),
                value: JValue::from_object(c),
            }
        })
        .collect();
    let mut findings = |key: &str| -> (Vec<JValue>, HashMap<String, Vec<usize>>) {
        let mut by_file: HashMap<String, Vec<usize>> = HashMap::new();
        let values = take_array(&mut context, key)
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                by_file.entry(text(&d, "file")).or_default().push(i);
                JValue::from_serialize(&d)
            })
            .collect();
        (values, by_file)
    };
    let (diagnostics, diagnostics_by_file) = findings("diagnostics");
    let (accepted, accepted_by_file) = findings("accepted");
    let in_file = |all: &[JValue], by_file: &HashMap<String, Vec<usize>>, file: &str| -> JValue {
        by_file
            .get(file)
            .map(|ids| ids.iter().map(|i| all[*i].clone()).collect::<Vec<_>>())
            .unwrap_or_default()
            .into()
    };

    // The findings of a set of files, in the order of the plan's list.
    let in_files =
        |all: &[JValue], by_file: &HashMap<String, Vec<usize>>, files: &[String]| -> JValue {
            let mut ids: Vec<usize> = files
                .iter()
                .filter_map(|f| by_file.get(f))
                .flatten()
                .copied()
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids.iter()
                .map(|i| all[*i].clone())
                .collect::<Vec<_>>()
                .into()
        };
    let customer_files: Vec<String> = customers.iter().map(|c| c.file.clone()).collect();

    let mut seller_index: HashMap<String, usize> = HashMap::new();
    let mut seller_files: Vec<String> = Vec::new();
    let sellers: Vec<JValue> = take_array(&mut context, "sellers")
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let id = text(&s, "id");
            let file = text(&s, "file");
            let mine = by_revenue(&customers, by_owner.get(&id).cloned().unwrap_or_default());
            seller_index.entry(id).or_insert(i);
            seller_files.push(file.clone());
            object(
                s,
                vec![
                    ("customer_list", list(&customers, &mine)),
                    (
                        "diagnostics",
                        in_file(&diagnostics, &diagnostics_by_file, &file),
                    ),
                    ("accepted", in_file(&accepted, &accepted_by_file, &file)),
                ],
            )
        })
        .collect();

    let priority_rows: Vec<(String, Value)> = context["portfolio"]["priority"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| (text(r, "category"), r["label"].clone()))
                .collect()
        })
        .unwrap_or_default();
    let teams: Vec<JValue> = take_array(&mut context, "teams")
        .into_iter()
        .map(|t| {
            let ids: Vec<String> = t["sellers"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let seller_list: Vec<JValue> = ids
                .iter()
                .filter_map(|id| seller_index.get(id).map(|i| sellers[*i].clone()))
                .collect();
            // The plan's order first (as `portfolio.priority` has it).
            let mut theirs: Vec<usize> = ids
                .iter()
                .filter_map(|id| by_owner.get(id))
                .flatten()
                .copied()
                .collect();
            theirs.sort_unstable();
            theirs.dedup();
            let priority = priority(&priority_rows, &customers, &theirs);
            // The team's findings: its own file, its sellers' files and their
            // customer lists, and the plan's configuration.
            let mut files = vec![text(&t, "file"), "salgsmal.yaml".to_string()];
            files.extend(
                ids.iter()
                    .filter_map(|id| seller_index.get(id))
                    .map(|i| seller_files[*i].clone()),
            );
            files.extend(theirs.iter().map(|i| customer_files[*i].clone()));
            files.sort();
            files.dedup();
            let team_diagnostics = in_files(&diagnostics, &diagnostics_by_file, &files);
            let team_accepted = in_files(&accepted, &accepted_by_file, &files);
            let theirs = by_revenue(&customers, theirs);
            object(
                t,
                vec![
                    ("diagnostics", team_diagnostics),
                    ("accepted", team_accepted),
                    ("customer_list", list(&customers, &theirs)),
                    ("seller_list", seller_list.into()),
                    ("priority", priority),
                ],
            )
        })
        .collect();

    let all: Vec<usize> = (0..customers.len()).collect();
    // The plan's priority by potential, per category, from the same rows.
    let priority = priority(&priority_rows, &customers, &all);
    let mut portfolio = context["portfolio"].take();
    portfolio["priority"] = Value::Null;
    let portfolio = object(portfolio, vec![("priority", priority)]);
    object(
        context,
        vec![
            ("teams", teams.into()),
            ("sellers", sellers.into()),
            ("customers", list(&customers, &all)),
            ("portfolio", portfolio),
            ("diagnostics", diagnostics.into()),
            ("accepted", accepted.into()),
        ],
    )
}

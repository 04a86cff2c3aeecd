//! `duplicate-id`: two goals/KPIs of one file, two teams, two sellers, two
//! customers or two products share an id.

use super::{Context, Param, Rule, RuleMeta};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;
use std::collections::HashMap;

pub struct DuplicateId;

static META: RuleMeta = RuleMeta {
    id: RuleId::DUPLICATE_ID,
    default_level: Level::Error,
    structural: true,
    params: &[] as &[Param],
};

impl Rule for DuplicateId {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let plan = cx.plan;
        for team in &plan.teams {
            let goals = team
                .data
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| (g.id.as_str(), format!("/goals/{i}/id")));
            within(cx, team.file, goals, out);
            let ms = team
                .data
                .milestones
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.as_str(), format!("/milestones/{i}/id")));
            within(cx, team.file, ms, out);
        }
        for seller in &plan.sellers {
            let goals = seller
                .data
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| (g.id.as_str(), format!("/goals/{i}/id")));
            let kpis = seller
                .data
                .kpis
                .iter()
                .enumerate()
                .map(|(i, g)| (g.id.as_str(), format!("/kpis/{i}/id")));
            within(cx, seller.file, goals.chain(kpis), out);
        }
        if let Some(config) = &plan.config {
            let products = config
                .data
                .products
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), format!("/products/{i}/id")));
            within(cx, config.file, products, out);
        }
        across(
            cx,
            plan.teams
                .iter()
                .map(|t| (t.id.as_str(), t.file, String::new())),
            Across::Team,
            out,
        );
        across(
            cx,
            plan.sellers
                .iter()
                .map(|s| (s.id.as_str(), s.file, String::new())),
            Across::Seller,
            out,
        );
        // Customers: one owner's lists together; across owners is `customer-owner`.
        let mut by_owner: HashMap<&str, Vec<(&str, usize, String)>> = HashMap::new();
        for c in plan.customers() {
            by_owner.entry(c.owner).or_default().push((
                c.customer.id.as_str(),
                c.file,
                c.pointer("id"),
            ));
        }
        let mut owners: Vec<_> = by_owner.into_iter().collect();
        owners.sort_by_key(|(o, _)| *o);
        for (_, items) in owners {
            across(cx, items.into_iter(), Across::Customer, out);
        }
    }
}

fn within<'a>(
    cx: &Context<'_>,
    file: usize,
    ids: impl Iterator<Item = (&'a str, String)>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<&str, String> = HashMap::new();
    // A missing id (empty here) is the schema's finding, not a duplicate.
    for (id, pointer) in ids.filter(|(id, _)| !id.is_empty()) {
        match seen.get(id) {
            Some(first) => {
                let first_loc = cx.plan.locate(file, first);
                out.push(
                    cx.found(
                        file,
                        &pointer,
                        Message::new("duplicate-id-within")
                            .text("id", id)
                            .text("line", first_loc.line.to_string()),
                    )
                    .with_related(&first_loc, Message::new("duplicate-id-first"))
                    .with_help(Message::new("duplicate-id-within-help")),
                );
            }
            None => {
                seen.insert(id, pointer);
            }
        }
    }
}

/// What ids `across` compares.
#[derive(Clone, Copy)]
enum Across {
    Team,
    Seller,
    Customer,
}

fn across<'a>(
    cx: &Context<'_>,
    items: impl Iterator<Item = (&'a str, usize, String)>,
    what: Across,
    out: &mut Vec<Diagnostic>,
) {
    let (message, help) = match what {
        Across::Team => (
            Message::new("duplicate-id-team"),
            Message::new("duplicate-id-team-help"),
        ),
        Across::Seller => (
            Message::new("duplicate-id-seller"),
            Message::new("duplicate-id-seller-help"),
        ),
        Across::Customer => (
            Message::new("duplicate-id-customer"),
            Message::new("duplicate-id-customer-help"),
        ),
    };
    let mut seen: HashMap<&str, (usize, String)> = HashMap::new();
    for (id, file, pointer) in items {
        match seen.get(id) {
            Some((first_file, first_ptr)) => {
                let first = cx.plan.locate(*first_file, first_ptr);
                out.push(
                    cx.found(
                        file,
                        &pointer,
                        message.clone().text("id", id).text("file", &first.file),
                    )
                    .with_related(&first, Message::new("duplicate-id-first"))
                    .with_help(help.clone()),
                );
            }
            None => {
                seen.insert(id, (file, pointer));
            }
        }
    }
}

//! `unknown-reference`: every id or name a file refers to must exist.

use super::{Context, Param, Rule, RuleMeta, suggestion};
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::Message;
use crate::model::{FileKind, Goal, MetricValues};
use crate::source::pointer::escape;

pub struct UnknownReference;

static META: RuleMeta = RuleMeta {
    id: RuleId::UNKNOWN_REFERENCE,
    default_level: Level::Error,
    structural: true,
    params: &[] as &[Param],
};

impl Rule for UnknownReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let plan = cx.plan;
        let teams = plan.ids_of(FileKind::Team);
        let sellers = plan.ids_of(FileKind::Seller);

        for seller in &plan.sellers {
            let team = seller.data.team.as_str();
            if teams.binary_search(&team).is_err() {
                out.push(
                    cx.found(
                        seller.file,
                        "/team",
                        Message::new("unknown-reference-team").text("team", team),
                    )
                    .with_help(suggestion(team, teams.iter().copied())),
                );
            }
            goals(
                cx,
                seller.file,
                "/goals",
                &seller.data.goals,
                &seller.data.goals,
                out,
            );
            goals(
                cx,
                seller.file,
                "/kpis",
                &seller.data.kpis,
                &seller.data.goals,
                out,
            );
            metric_keys(
                cx,
                seller.file,
                "/baseline",
                &seller.data.written_baseline,
                out,
            );
        }
        for team in &plan.teams {
            if let Some(parent) = &team.data.parent {
                if teams.binary_search(&parent.as_str()).is_ok() {
                    parent_loop(cx, team, out);
                } else {
                    out.push(
                        cx.found(
                            team.file,
                            "/parent",
                            Message::new("unknown-reference-parent").text("parent", parent),
                        )
                        .with_help(suggestion(parent, teams.iter().copied())),
                    );
                }
            }
            goals(
                cx,
                team.file,
                "/goals",
                &team.data.goals,
                &team.data.goals,
                out,
            );
            if let Some(sp) = &team.data.starting_point {
                metric_keys(cx, team.file, "/starting_point/values", &sp.values, out);
            }
            if let Some(mg) = &team.data.main_goal {
                metric_keys(cx, team.file, "/main_goal/values", &mg.values, out);
            }
            for (i, m) in team.data.milestones.iter().enumerate() {
                metric_keys(
                    cx,
                    team.file,
                    &format!("/milestones/{i}/values"),
                    &m.values,
                    out,
                );
            }
        }
        for list in &plan.customers {
            match &list.data.owner {
                Some(owner) if sellers.binary_search(&owner.as_str()).is_err() => {
                    out.push(
                        cx.found(
                            list.file,
                            "/owner",
                            Message::new("unknown-reference-owner").text("owner", owner),
                        )
                        .with_help(suggestion(owner, sellers.iter().copied())),
                    );
                }
                None if sellers.binary_search(&list.id.as_str()).is_err() => {
                    let orphans: Vec<usize> = (0..list.data.customers.len())
                        .filter(|i| list.data.customers[*i].owner.is_none())
                        .collect();
                    if orphans.len() == list.data.customers.len() && !orphans.is_empty() {
                        out.push(
                            cx.found(
                                list.file,
                                "",
                                Message::new("unknown-reference-list-no-owner")
                                    .text("file", &list.id),
                            )
                            .with_help(Message::new("unknown-reference-list-no-owner-help")),
                        );
                    } else {
                        for i in orphans {
                            let c = &list.data.customers[i];
                            out.push(
                                cx.found(
                                    list.file,
                                    &format!("/customers/{i}"),
                                    Message::new("unknown-reference-customer-no-owner")
                                        .text("customer", &c.id)
                                        .text("file", &list.id),
                                )
                                .with_help(Message::new(
                                    "unknown-reference-customer-no-owner-help",
                                )),
                            );
                        }
                    }
                }
                _ => {}
            }
            for (i, c) in list.data.customers.iter().enumerate() {
                if let Some(owner) = c
                    .owner
                    .as_deref()
                    .filter(|o| sellers.binary_search(o).is_err())
                {
                    out.push(
                        cx.found(
                            list.file,
                            &format!("/customers/{i}/owner"),
                            Message::new("unknown-reference-owner").text("owner", owner),
                        )
                        .with_help(suggestion(owner, sellers.iter().copied())),
                    );
                }
                metric_keys(
                    cx,
                    list.file,
                    &format!("/customers/{i}/target"),
                    &c.target,
                    out,
                );
            }
        }
        for actuals in &plan.actuals {
            for (id, values) in &actuals.data.sellers {
                let ptr = format!("/sellers/{}", escape(id));
                if sellers.binary_search(&id.as_str()).is_err() {
                    out.push(
                        cx.found_key(
                            actuals.file,
                            &ptr,
                            Message::new("unknown-reference-seller").text("seller", id),
                        )
                        .with_help(suggestion(id, sellers.iter().copied())),
                    );
                }
                metric_keys(cx, actuals.file, &ptr, values, out);
            }
            for (id, values) in &actuals.data.teams {
                let ptr = format!("/teams/{}", escape(id));
                if teams.binary_search(&id.as_str()).is_err() {
                    out.push(
                        cx.found_key(
                            actuals.file,
                            &ptr,
                            Message::new("unknown-reference-team").text("team", id),
                        )
                        .with_help(suggestion(id, teams.iter().copied())),
                    );
                }
                metric_keys(cx, actuals.file, &ptr, values, out);
            }
            if !actuals.data.customers.is_empty() {
                let mut known: Vec<&str> = plan
                    .customers()
                    .iter()
                    .map(|c| c.customer.id.as_str())
                    .collect();
                known.sort_unstable();
                known.dedup();
                for id in actuals.data.customers.keys() {
                    if known.binary_search(&id.as_str()).is_err() {
                        let ptr = format!("/customers/{}", escape(id));
                        out.push(
                            cx.found_key(
                                actuals.file,
                                &ptr,
                                Message::new("unknown-reference-customer").text("customer", id),
                            )
                            .with_help(suggestion(id, known.iter().copied())),
                        );
                    }
                }
            }
        }
        config(cx, out);
    }
}

fn goals(
    cx: &Context<'_>,
    file: usize,
    base: &str,
    list: &[Goal],
    result_goals: &[Goal],
    out: &mut Vec<Diagnostic>,
) {
    let plan = cx.plan;
    let products: Vec<&str> = plan
        .config
        .as_ref()
        .map(|c| c.data.products.iter().map(|p| p.id.as_str()).collect())
        .unwrap_or_default();
    let goal_ids: Vec<&str> = result_goals.iter().map(|g| g.id.as_str()).collect();
    for (i, g) in list.iter().enumerate() {
        if g.metric.is_empty() {
            continue; // no `metric` at all: the schema says so
        }
        if plan.metrics.get(&g.metric).is_none() {
            out.push(
                cx.found(
                    file,
                    &format!("{base}/{i}/metric"),
                    Message::new("unknown-reference-metric").text("metric", &g.metric),
                )
                .with_help(
                    Message::new("unknown-reference-metric-help")
                        .phrase("suggestion", suggestion(&g.metric, plan.metrics.ids())),
                ),
            );
        }
        if let Some(product) = &g.product {
            if !products.contains(&product.as_str()) {
                out.push(
                    cx.found(
                        file,
                        &format!("{base}/{i}/product"),
                        Message::new("unknown-reference-product").text("product", product),
                    )
                    .with_help(
                        Message::new("unknown-reference-product-help")
                            .phrase("suggestion", suggestion(product, products.iter().copied())),
                    ),
                );
            }
        } else if g.metric == "product_revenue" {
            out.push(
                cx.found(
                    file,
                    &format!("{base}/{i}"),
                    Message::new("unknown-reference-no-product").text("goal", &g.id),
                )
                .with_help(Message::new("unknown-reference-no-product-help")),
            );
        }
        for (j, s) in g.supports.iter().enumerate() {
            if !goal_ids.contains(&s.as_str()) {
                out.push(
                    cx.found(
                        file,
                        &format!("{base}/{i}/supports/{j}"),
                        Message::new("unknown-reference-supports")
                            .text("id", &g.id)
                            .text("goal", s),
                    )
                    .with_help(suggestion(s, goal_ids.iter().copied())),
                );
            }
        }
    }
}

fn metric_keys(
    cx: &Context<'_>,
    file: usize,
    base: &str,
    values: &MetricValues,
    out: &mut Vec<Diagnostic>,
) {
    for metric in values.keys() {
        if cx.plan.metrics.get(metric).is_none() {
            out.push(
                cx.found_key(
                    file,
                    &crate::source::pointer::join(base, metric),
                    Message::new("unknown-reference-metric").text("metric", metric),
                )
                .with_help(suggestion(metric, cx.plan.metrics.ids())),
            );
        }
    }
}

fn parent_loop(
    cx: &Context<'_>,
    start: &crate::model::Entry<crate::model::Team>,
    out: &mut Vec<Diagnostic>,
) {
    let mut chain = vec![start.id.as_str()];
    let mut current = start;
    while let Some(parent) = current.data.parent.as_deref() {
        let Some(next) = cx.plan.teams.iter().find(|t| t.id == parent) else {
            return;
        };
        if next.id == start.id {
            chain.push(parent);
            out.push(
                cx.found(
                    start.file,
                    "/parent",
                    Message::new("unknown-reference-parent-loop").text("chain", chain.join(" → ")),
                )
                .with_help(Message::new("unknown-reference-parent-loop-help")),
            );
            return;
        }
        if chain.contains(&next.id.as_str()) {
            return; // a loop further up, reported at its own teams
        }
        chain.push(parent);
        current = next;
    }
}

fn config(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(config) = &cx.plan.config else {
        return;
    };
    let file = config.file;
    let rule_ids = super::ids();
    for (id, settings) in &config.data.rules {
        let ptr = format!("/rules/{}", escape(id));
        let Some(meta) = super::find(id) else {
            out.push(
                cx.found_key(
                    file,
                    &ptr,
                    Message::new("unknown-reference-rule").text("rule", id),
                )
                .with_help(suggestion(id, rule_ids.iter().copied())),
            );
            continue;
        };
        if meta.structural && settings.level.is_some() {
            out.push(
                cx.found(
                    file,
                    &format!("{ptr}/level"),
                    Message::new("unknown-reference-structural-level").text("rule", id),
                )
                .with_help(Message::new("unknown-reference-structural-level-help")),
            );
        }
        for (param, q) in &settings.params {
            if q.value <= rust_decimal::Decimal::ZERO && meta.params.iter().any(|p| p.name == param)
            {
                out.push(
                    cx.found(
                        file,
                        &crate::source::pointer::join(&ptr, param),
                        Message::new("unknown-reference-param-not-positive")
                            .text("rule", id)
                            .text("param", param),
                    )
                    .with_help(
                        Message::new("unknown-reference-param-not-positive-help").text("rule", id),
                    ),
                );
            }
        }
        let names: Vec<&str> = meta.params.iter().map(|p| p.name).collect();
        for param in settings.params.keys() {
            if !names.contains(&param.as_str()) {
                out.push(
                    cx.found_key(
                        file,
                        &crate::source::pointer::join(&ptr, param),
                        Message::new("unknown-reference-param")
                            .text("rule", id)
                            .text("param", param),
                    )
                    .with_help(suggestion(param, names.iter().copied())),
                );
            }
        }
    }
    for (i, a) in config.data.accept.iter().enumerate() {
        if super::find(&a.rule).is_none() {
            out.push(
                cx.found(
                    file,
                    &format!("/accept/{i}/rule"),
                    Message::new("unknown-reference-rule").text("rule", &a.rule),
                )
                .with_help(suggestion(&a.rule, rule_ids.iter().copied())),
            );
        }
    }
    for metric in config.data.activity_hours.keys() {
        let ptr = format!("/activity_hours/{}", escape(metric));
        if cx.plan.metrics.get(metric).is_none() {
            out.push(
                cx.found_key(
                    file,
                    &ptr,
                    Message::new("unknown-reference-metric").text("metric", metric),
                )
                .with_help(suggestion(metric, cx.plan.metrics.ids())),
            );
        }
    }
    for (i, m) in config.data.metrics.iter().enumerate() {
        if m.rollup == crate::model::CustomRollup::WeightedMean && m.weight.is_none() {
            out.push(
                cx.found(
                    file,
                    &format!("/metrics/{i}/rollup"),
                    Message::new("unknown-reference-no-weight").text("metric", &m.id),
                )
                .with_help(Message::new("unknown-reference-no-weight-help")),
            );
        }
        if let Some(weight) = &m.weight
            && cx.plan.metrics.get(weight).is_none()
        {
            out.push(
                cx.found(
                    file,
                    &format!("/metrics/{i}/weight"),
                    Message::new("unknown-reference-weight").text("weight", weight),
                )
                .with_help(suggestion(weight, cx.plan.metrics.ids())),
            );
        }
    }
}

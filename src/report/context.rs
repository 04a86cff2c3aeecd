//! The JSON the report templates receive (`render --dump-context`). Every
//! number is a JSON number (money in currency units, ratios as decimals:
//! 0.25 for 25 %); the templates format them with the locale filters.

use crate::analysis::Analysis;
use crate::analysis::exact::Frac;
use crate::analysis::portfolio::{Ansoff, CATEGORIES, Portfolio};
use crate::analysis::rollup::{seller_target, usable};
use crate::diag::{Accepted, Diagnostic};
use crate::i18n::Localizer;
use crate::model::metrics::{Better, Kind, Rollup as Method};
use crate::model::period::Date;
use crate::model::{Action, ActionStatus, Goal, Locale, MetricValues, Per, Plan, Potential};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

fn num(d: Decimal) -> Value {
    d.to_f64()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

fn opt(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, num)
}

/// A goal's evaluation against the actuals (SPEC 4.5), or null when the
/// metric has no actuals.
fn evaluation(e: Option<&crate::analysis::evaluation::Eval>) -> Value {
    use crate::analysis::evaluation::Basis;
    e.map_or(Value::Null, |e| {
        json!({
            "actual": num(e.actual.value()),
            "target_to_date": num(e.target_to_date.value()),
            "annual": num(e.annual.value()),
            "share": num(e.share.value()),
            "attainment": opt(e.attainment.map(Frac::value)),
            "forecast": num(e.forecast.value()),
            "status": e.status.id(),
            "method": match e.basis {
                Basis::Level => "level",
                Basis::Phasing { .. } => "phasing",
                Basis::ProRata { .. } => "pro_rata",
            },
            "reported": e.reported,
            "of": e.of,
            "rate": e.rate.map(|(r, _, _)| num(r.value())),
            "rate_per": e.rate.map(|(_, p, _)| per(Some(p))),
            // As many decimals as it takes not to print the rate as its
            // target (8,97 a week against 9, not 9 against 9).
            "rate_dp": e.rate.map(|(r, _, t)| crate::i18n::decimals_apart(r.value(), t, 1, 6)),
            "period": e.period.as_ref().map_or(Value::Null, |p| json!({
                "period": p.period.to_string(),
                "actual": num(p.actual.value()),
                "target": num(p.target.value()),
                "attainment": opt(p.attainment.map(Frac::value)),
            })),
        })
    })
}

fn date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn per(p: Option<Per>) -> Value {
    p.map_or(Value::Null, |p| {
        Value::String(
            match p {
                Per::Day => "day",
                Per::Week => "week",
                Per::Month => "month",
                Per::Quarter => "quarter",
                Per::Year => "year",
            }
            .to_string(),
        )
    })
}

fn kind(k: Kind) -> &'static str {
    match k {
        Kind::Money => "money",
        Kind::Count => "count",
        Kind::Ratio => "ratio",
        Kind::Score => "score",
    }
}

fn method(m: &Method) -> &'static str {
    match m {
        Method::Sum => "sum",
        Method::SumPerProduct => "sum_per_product",
        Method::SumOfRates => "sum_of_rates",
        Method::Mean => "mean",
        Method::WeightedMean(_) => "weighted_mean",
        Method::WeightedByOffers => "weighted_by_offers",
        Method::Min => "min",
        Method::Max => "max",
        Method::None => "none",
    }
}

struct Builder<'a> {
    plan: &'a Plan,
    analysis: &'a Analysis<'a>,
    locale: Locale,
    /// Each seller's customers (indices into the portfolio), found once.
    by_owner: HashMap<&'a str, Vec<usize>>,
}

impl Builder<'_> {
    fn label(&self, metric: &str) -> String {
        self.plan.metrics.get(metric).map_or_else(
            || metric.to_string(),
            |m| match self.locale {
                Locale::Nb => m.label_nb.clone(),
                Locale::En => m.label_en.clone(),
            },
        )
    }

    fn kind_of(&self, metric: &str) -> &'static str {
        self.plan
            .metrics
            .get(metric)
            .map_or("count", |m| kind(m.kind))
    }

    fn values(&self, values: &MetricValues) -> Value {
        values
            .iter()
            .filter(|(m, q)| usable(&self.plan.metrics, m, **q))
            .map(|(m, q)| json!({"metric": m, "label": self.label(m), "kind": self.kind_of(m), "value": num(q.value)}))
            .collect()
    }

    fn actions(actions: &[Action]) -> Value {
        actions
            .iter()
            .map(|a| {
                json!({
                    "text": a.text,
                    "due": date(a.due),
                    "status": if a.status == ActionStatus::Done { "done" } else { "open" },
                })
            })
            .collect()
    }

    fn goal(&self, g: &Goal) -> Map<String, Value> {
        let target = g
            .target
            .filter(|t| usable(&self.plan.metrics, &g.metric, *t))
            .map(|t| t.value);
        let mut m = Map::new();
        m.insert("id".into(), json!(g.id));
        m.insert("metric".into(), json!(g.metric));
        m.insert("label".into(), json!(self.label(&g.metric)));
        m.insert("kind".into(), json!(self.kind_of(&g.metric)));
        m.insert("target".into(), opt(target));
        m.insert("per".into(), per(g.per));
        m.insert("product".into(), json!(g.product));
        // The product's name from `salgsmal.yaml`, else its id.
        m.insert(
            "product_name".into(),
            json!(g.product.as_ref().map(|id| {
                self.plan
                    .config
                    .as_ref()
                    .and_then(|c| c.data.products.iter().find(|p| p.id == *id))
                    .and_then(|p| p.name.clone())
                    .unwrap_or_else(|| id.clone())
            })),
        );
        m.insert(
            "phasing".into(),
            g.phasing.as_ref().map_or(Value::Null, |p| {
                let mut q: Vec<(u8, Decimal)> = p.0.iter().map(|(q, v)| (*q, v.value)).collect();
                q.sort_by_key(|(q, _)| *q);
                q.into_iter().map(|(_, v)| num(v)).collect()
            }),
        );
        m.insert("supports".into(), json!(g.supports));
        m.insert("actions".into(), Self::actions(&g.actions));
        m.insert("note".into(), json!(g.note));
        m
    }

    /// How a goal's target changed during the plan year, from git
    /// (`plan.history`), oldest first: `{date, commit, summary, author,
    /// old, new}`.
    fn history(&self, file: usize, list: &str, id: &str) -> Value {
        let start = self.plan.period().map(crate::model::period::Period::start);
        let Some(commits) = self.plan.history.get(&self.plan.file(file).path) else {
            return json!([]);
        };
        let mut out: Vec<Value> = commits
            .iter()
            .filter(|(c, _)| start.is_none_or(|s| c.date >= s))
            .filter_map(|(c, changes)| {
                let change = changes.iter().find(|x| x.list == list && x.id == id)?;
                Some(json!({
                    "date": c.date.to_string(),
                    "commit": c.short(),
                    "summary": c.summary,
                    "author": c.author_name,
                    "old": opt(change.old),
                    "new": opt(change.new),
                }))
            })
            .collect();
        out.reverse();
        Value::Array(out)
    }

    fn team(&self, index: usize) -> Value {
        let plan = self.plan;
        let team = &plan.teams[index];
        let t = &team.data;
        // As the `allocation` rule decides it.
        let max_over = self.analysis.max_over[index];
        let goals: Vec<Value> = t
            .goals
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let mut m = self.goal(g);
                m.insert(
                    "evaluation".into(),
                    evaluation(self.analysis.evaluation.teams[index][gi].as_ref()),
                );
                m.insert("history".into(), self.history(team.file, "goals", &g.id));
                let rolled = self
                    .analysis
                    .rollup(index, gi)
                    .filter(|r| !r.contributions.is_empty());
                let metric = plan.metrics.get(&g.metric);
                let target = g
                    .target
                    .filter(|q| usable(&plan.metrics, &g.metric, *q))
                    .map(|q| q.value);
                let status = match (&rolled, target, metric) {
                    (_, _, Some(metric))
                        if matches!(metric.rollup, Method::Min | Method::Max | Method::None) =>
                    {
                        "none"
                    }
                    (Some(r), Some(t), Some(metric)) => {
                        let lower = metric.better == Better::Lower;
                        let t = Frac::from(t);
                        let short = if lower { r.value > t } else { r.value < t };
                        let over = if lower {
                            r.value < t.times(Frac::from(Decimal::ONE - max_over))
                        } else {
                            r.value > t.times(Frac::from(Decimal::ONE + max_over))
                        };
                        if short {
                            "short"
                        } else if over {
                            "over"
                        } else {
                            "ok"
                        }
                    }
                    _ => "none",
                };
                m.insert("rollup".into(), opt(rolled.map(|r| r.value.value())));
                m.insert(
                    "rollup_method".into(),
                    json!(metric.map(|m| method(&m.rollup))),
                );
                let weighted_by = rolled.and_then(|r| r.weighted_by.as_ref()).map(|w| {
                    let labels = super::labels::labels(self.locale);
                    labels[format!("weight_{}", w.id()).as_str()]
                        .as_str()
                        .map_or_else(|| w.id().to_string(), str::to_string)
                });
                m.insert("weighted_by".into(), json!(weighted_by));
                m.insert("status".into(), json!(status));
                m.insert(
                    "gap".into(),
                    match (&rolled, target) {
                        (Some(r), Some(t)) => num(r.value.minus(Frac::from(t)).value()),
                        _ => Value::Null,
                    },
                );
                m.insert(
                    "contributions".into(),
                    rolled
                        .map_or_else(Vec::new, |r| {
                            r.contributions
                                .iter()
                                .map(|c| {
                                    json!({
                                        "id": c.id,
                                        "name": c.name,
                                        "team": c.team,
                                        "value": num(c.value.value()),
                                        "weight": opt(c.weight.map(Frac::value)),
                                        "share": match target {
                                            Some(t) if !t.is_zero() => num(c.value.value() / t),
                                            _ => Value::Null,
                                        },
                                    })
                                })
                                .collect()
                        })
                        .into(),
                );
                Value::Object(m)
            })
            .collect();
        let sellers: Vec<&str> = self.analysis.team_sellers[index]
            .iter()
            .map(|&si| plan.sellers[si].id.as_str())
            .collect();
        let totals = self.analysis.team_totals(index);
        json!({
            "id": team.id,
            "name": t.name,
            "manager": t.manager,
            "parent": t.parent,
            "file": plan.file(team.file).path,
            "main_goal": t.main_goal.as_ref().map(|mg| json!({
                "statement": mg.statement,
                "deadline": date(mg.deadline),
                "values": self.values(&mg.values),
            })),
            "starting_point": t.starting_point.as_ref().map(|sp| json!({
                "date": sp.date.to_string(),
                "values": self.values(&sp.values),
                "note": sp.note,
            })),
            "milestones": t.milestones.iter().enumerate().map(|(mi, m)| json!({
                "id": m.id,
                "deadline": m.deadline.to_string(),
                "statement": m.statement,
                "values": self.values(&m.values),
                // Against the actuals: reached, missed, or pending (null
                // without actuals).
                "evaluation": self.analysis.evaluation.as_of.map(|_| {
                    self.analysis.evaluation.milestones[index]
                        .iter()
                        .filter(|e| e.milestone == mi)
                        .map(|e| json!({
                            "metric": e.metric,
                            "label": self.label(&e.metric),
                            "kind": self.kind_of(&e.metric),
                            "target": num(e.target),
                            "actual": num(e.actual.value()),
                            "state": e.state.id(),
                            "reported": e.reported,
                            "of": e.of,
                        }))
                        .collect::<Vec<_>>()
                }),
            })).collect::<Vec<_>>(),
            // The team's cumulative actuals per metric of its milestones
            // and main goal (empty without actuals).
            "path": self.analysis.evaluation.paths.get(index).into_iter().flatten().map(|p| json!({
                "metric": p.metric,
                "label": self.label(&p.metric),
                "kind": self.kind_of(&p.metric),
                "points": p.points.iter().map(|pt| json!({
                    "date": pt.date.to_string(),
                    "actual": num(pt.actual.value()),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "strategy": t.strategy.iter().map(|s| json!({
                "choice": s.choice,
                "actions": Self::actions(&s.actions),
            })).collect::<Vec<_>>(),
            "goals": goals,
            "max_over": num(max_over),
            "sellers": sellers,
            "portfolio": self.totals(&totals),
            // Null without customer actuals.
            "portfolio_actual": if self.analysis.customer_actuals.is_empty() {
                Value::Null
            } else {
                self.totals(&self.analysis.team_actual_totals(index))
            },
            "ansoff": self.analysis.ansoff[index].as_ref().map(ansoff),
        })
    }

    fn totals(
        &self,
        totals: &[(crate::model::Category, crate::analysis::portfolio::Totals)],
    ) -> Value {
        totals
            .iter()
            .map(|(c, t)| {
                json!({
                    "category": c.id(),
                    "label": c.label(self.locale),
                    "strategy": c.strategy(self.locale),
                    "count": t.count,
                    "prospects": t.prospects,
                    "revenue": num(t.revenue),
                    "contribution": num(t.contribution),
                    "share": num(t.share),
                    "margin": num(t.margin),
                })
            })
            .collect()
    }

    fn seller(&self, index: usize, p: &Portfolio<'_>) -> Value {
        let s = &self.plan.sellers[index];
        let plan = self.plan;
        let d = &s.data;
        let evaluated = |list: &str, i: usize| {
            evaluation(
                self.analysis.evaluation.sellers[index]
                    .iter()
                    .find(|e| e.list == list && e.index == i)
                    .map(|e| &e.eval),
            )
        };
        let goals: Vec<Value> = d
            .goals
            .iter()
            .enumerate()
            .map(|(gi, g)| {
                let mut m = self.goal(g);
                m.insert("evaluation".into(), evaluated("goals", gi));
                m.insert("history".into(), self.history(s.file, "goals", &g.id));
                let kpis: Vec<&str> = d
                    .kpis
                    .iter()
                    .filter(|k| k.supports.contains(&g.id))
                    .map(|k| k.id.as_str())
                    .collect();
                m.insert("kpis".into(), json!(kpis));
                Value::Object(m)
            })
            .collect();
        let kpis: Vec<Value> = d
            .kpis
            .iter()
            .enumerate()
            .map(|(ki, k)| {
                let mut m = self.goal(k);
                m.insert("evaluation".into(), evaluated("kpis", ki));
                m.insert("history".into(), self.history(s.file, "kpis", &k.id));
                Value::Object(m)
            })
            .collect();
        let unlinked: Vec<&str> = d
            .kpis
            .iter()
            .filter(|k| {
                !k.supports
                    .iter()
                    .any(|s| d.goals.iter().any(|g| g.id == *s))
            })
            .map(|k| k.id.as_str())
            .collect();
        let week = &self.analysis.capacity[index];
        let rows: Vec<Value> = week
            .activities
            .iter()
            .map(|a| {
                json!({
                    "metric": a.metric,
                    "label": self.label(&a.metric),
                    "target": num(a.target),
                    "per": per(Some(a.per)),
                    "per_week": num(a.per_week),
                    "hours_each": opt(a.hours_each),
                    "hours": opt(a.hours_week),
                    "customer_facing": a.customer_facing,
                })
            })
            .collect();
        let customers: Vec<&str> = self
            .by_owner
            .get(s.id.as_str())
            .map(|mine| {
                mine.iter()
                    .map(|i| p.customers[*i].customer.customer.id.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let revenue = seller_target(&plan.metrics, d, "revenue", None).map(|t| t.value);
        let ncr = seller_target(&plan.metrics, d, "new_customer_revenue", None)
            .map_or(Decimal::ZERO, |t| t.value);
        let npr: Decimal = crate::analysis::portfolio::new_products(plan)
            .iter()
            .filter_map(|p| {
                seller_target(&plan.metrics, d, "product_revenue", Some(p)).map(|t| t.value)
            })
            .sum();
        let competence = d.competence.as_ref();
        json!({
            "id": s.id,
            "name": d.name,
            "email": d.email,
            "team": d.team,
            "file": plan.file(s.file).path,
            "baseline": self.values(&d.baseline),
            "baseline_from_actuals": d.baseline_from_actuals,
            "goals": goals,
            "kpis": kpis,
            "unlinked_kpis": unlinked,
            "assumptions": d.assumptions.as_ref().map(|a| json!({
                "meeting_to_offer_rate": opt(a.meeting_to_offer_rate.map(|r| r.0)),
                "average_deal_size": opt(a.average_deal_size.map(|a| a.0)),
            })),
            "competence": {
                "knowledge": competence.map(|c| c.knowledge.clone()).unwrap_or_default(),
                "skills": competence.map(|c| c.skills.clone()).unwrap_or_default(),
                "personality": competence.map(|c| c.personality.clone()).unwrap_or_default(),
            },
            "activity": {
                "rows": rows,
                "hours": num(week.hours_week()),
                "customer_hours": num(week.customer_hours_week()),
                "hours_per_week": num(week.hours_per_week),
                "customer_share": num(week.customer_share()),
                // The share the `capacity` rule asks for.
                "min_customer_share": num(week.min_customer_share),
            },
            "customers": customers,
            "ansoff": revenue.map(|r| ansoff(&crate::analysis::portfolio::ansoff(r, ncr, npr))),
        })
    }
}

fn ansoff(a: &Ansoff) -> Value {
    json!({
        "revenue": num(a.revenue),
        "existing_products_existing_customers": num(a.existing_products_existing_customers),
        "new_products_existing_customers": num(a.new_products_existing_customers),
        "existing_products_new_customers": num(a.existing_products_new_customers),
        "new_products_new_customers": num(a.new_products_new_customers),
    })
}

/// A finding as the templates see it: its message in the report's language.
fn diagnostic(d: &Diagnostic, loc: &Localizer) -> Value {
    json!({
        "rule": d.rule,
        "level": d.level,
        "message": loc.format(&d.message),
        "message_id": (!d.message.is_plain()).then_some(d.message.id),
        "file": d.location.file,
        "line": d.location.line,
        "column": d.location.column,
        "pointer": d.pointer,
        "related": d.related.iter().map(|r| json!({
            "file": r.file,
            "line": r.line,
            "column": r.column,
            "message": loc.format(&r.message),
        })).collect::<Vec<_>>(),
        "help": d.help.as_ref().map(|h| loc.format(h)),
    })
}

/// The whole context for the templates.
pub fn build(
    analysis: &Analysis<'_>,
    diagnostics: &[Diagnostic],
    accepted: &[Accepted],
    locale: Locale,
) -> Built {
    let plan = analysis.plan;
    let loc = Localizer::new(locale, &plan.settings.fmt.currency);
    let p = &analysis.portfolio;
    let mut by_owner: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, placed) in p.customers.iter().enumerate() {
        by_owner.entry(placed.customer.owner).or_default().push(i);
    }
    let b = Builder {
        plan,
        analysis,
        locale,
        by_owner,
    };
    let config = plan.config.as_ref().map(|c| &c.data);
    let period = plan.period();
    // One shared path per file, not one per customer.
    let files: Vec<std::sync::Arc<str>> = plan
        .files
        .iter()
        .map(|f| std::sync::Arc::from(f.path.as_str()))
        .collect();
    let customers: Vec<CustomerRow> = p
        .customers
        .iter()
        .map(|placed| {
            let c = placed.customer.customer;
            let actual = analysis.customer_actuals.get(&c.id);
            CustomerRow {
                id: c.id.clone(),
                name: c.name.clone(),
                owner: placed.customer.owner.to_string(),
                file: std::sync::Arc::clone(&files[placed.customer.file]),
                revenue: to_f64(placed.figures.revenue),
                margin: c.margin.map(|m| to_f64(m.0)),
                sales_cost: c.sales_cost.map(|s| to_f64(s.0)),
                contribution: to_f64(placed.figures.contribution()),
                category: placed.category.id(),
                category_label: placed.category.label(locale),
                declared_category: c.category.map(crate::model::Category::id),
                potential: match c.potential {
                    Some(Potential::Amount(a)) => num(a),
                    Some(Potential::Level(l)) => json!(l.id()),
                    None => Value::Null,
                },
                priority: placed.potential.map(crate::model::PotentialLevel::id),
                prospect: c.prospect,
                target: b.values(&c.target),
                note: c.note.clone(),
                actual_revenue: actual.map(|a| to_f64(a.revenue)),
                actual_contribution: actual.map(|a| to_f64(a.contribution)),
                actual_category: actual.map(|a| a.category.id()),
                actual_category_label: actual.map(|a| a.category.label(locale)),
            }
        })
        .collect();
    let t = &p.thresholds;
    let source = |s: crate::analysis::portfolio::Source| {
        if s == crate::analysis::portfolio::Source::Configured {
            "configured"
        } else {
            "default"
        }
    };
    // The large parts are moved in afterwards: `json!` would copy them.
    let teams: Vec<Value> = (0..plan.teams.len()).map(|t| b.team(t)).collect();
    let sellers: Vec<Value> = (0..plan.sellers.len()).map(|s| b.seller(s, p)).collect();
    // The plan year's files up to the period under review (last year's
    // are the baselines).
    let until = analysis.params.until;
    let mut files: Vec<&crate::model::Entry<crate::model::Actuals>> = plan
        .actuals
        .iter()
        .filter(|a| {
            let p = a.data.period;
            period.is_none_or(|year| year.covers(p)) && until.is_none_or(|u| p.end() <= u.end())
        })
        .collect();
    files.sort_by_key(|a| (a.data.period.start(), a.data.period.end()));
    let actuals_files: Vec<Value> = files
        .iter()
        .map(|a| {
            json!({
                "period": a.data.period.to_string(),
                "as_of": a.data.as_of.unwrap_or(a.data.period.end()).to_string(),
                "file": plan.file(a.file).path,
                "notes": a.data.notes,
            })
        })
        .collect();
    let mut context = json!({
        "salgsmal_version": env!("CARGO_PKG_VERSION"),
        // The what-if the report shows (`--set`, `--scenario`): its source
        // and changes; null for the plan as it is.
        "scenario": null,
        "labels": super::labels::labels(locale),
        "company": config.and_then(|c| c.company.clone()),
        "period": period.map(|p| p.to_string()),
        "period_start": period.map(|p| p.start().to_string()),
        "period_end": period.map(|p| p.end().to_string()),
        "as_of": date(analysis.evaluation.as_of),
        // The period under review: `render --period`, else the latest
        // actuals file's (null without actuals).
        "review_period": analysis.evaluation.period.map(|p| p.to_string()),
        // The actuals files of the plan, in period order, with the team's
        // notes and lessons as written.
        "actuals": actuals_files,
        "locale": match locale { Locale::Nb => "nb", Locale::En => "en" },
        "currency": config.map_or("NOK", |c| c.currency.as_str()),
        "working_weeks": num(plan.settings.working_weeks),
        "hours_per_week": num(plan.settings.hours_per_week),
        "products": config.map(|c| c.products.iter().map(|p| json!({"id": p.id, "name": p.name, "new": p.new})).collect::<Vec<_>>()).unwrap_or_default(),
        "metrics": plan.metrics.iter().map(|m| json!({
            "id": m.id,
            "label": match locale { Locale::Nb => &m.label_nb, Locale::En => &m.label_en },
            "kind": kind(m.kind),
            "better": if m.better == Better::Lower { "lower" } else { "higher" },
            "rollup": method(&m.rollup),
            "activity": m.activity,
        })).collect::<Vec<_>>(),
        "teams": null,
        "sellers": null,
        "customers": null,
        "portfolio": {
            "thresholds": {
                "large_revenue": opt(t.large_revenue),
                "high_margin": num(t.high_margin),
                "min_contribution": num(t.min_contribution),
                "large_revenue_source": source(t.large_source),
                "high_margin_source": source(t.margin_source),
                "min_contribution_source": source(t.contribution_source),
            },
            "categories": b.totals(&p.totals(|_| true)),
            "priority": null,
        },
        "diagnostics": diagnostics.iter().map(|d| diagnostic(d, &loc)).collect::<Vec<_>>(),
        "accepted": accepted.iter().map(|a| {
            let mut v = diagnostic(&a.diagnostic, &loc);
            v["reason"] = json!(a.reason);
            v["until"] = json!(a.until);
            v
        }).collect::<Vec<_>>(),
        "summary": {
            "errors": crate::diag::count(diagnostics, crate::diag::Level::Error),
            "warnings": crate::diag::count(diagnostics, crate::diag::Level::Warning),
            "infos": crate::diag::count(diagnostics, crate::diag::Level::Info),
            "accepted": accepted.len(),
        },
    });
    context["teams"] = Value::Array(teams);
    context["sellers"] = Value::Array(sellers);
    // `customers` and `portfolio.priority` are linked in from the rows.
    context["customers"] = Value::Array(Vec::new());
    context["portfolio"]["priority"] = json!(
        CATEGORIES
            .iter()
            .map(|cat| json!({"category": cat.id(), "label": cat.label(locale)}))
            .collect::<Vec<_>>()
    );
    Built {
        json: context,
        customers,
    }
}

/// The context: everything as JSON but the customers, which a plan may
/// have hundreds of thousands of and which are kept as compact rows.
pub struct Built {
    pub json: Value,
    pub customers: Vec<CustomerRow>,
}

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or_default()
}

/// A customer as the templates see it (`customers[]`): a compact row that
/// templates read field by field, and `--dump-context` prints as an object.
#[derive(Debug)]
pub struct CustomerRow {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub file: std::sync::Arc<str>,
    pub revenue: f64,
    pub margin: Option<f64>,
    pub sales_cost: Option<f64>,
    pub contribution: f64,
    pub category: &'static str,
    pub category_label: &'static str,
    pub declared_category: Option<&'static str>,
    pub potential: Value,
    pub priority: Option<&'static str>,
    pub prospect: bool,
    pub target: Value,
    pub note: Option<String>,
    /// This year's actual revenue and contribution, and the category they
    /// give (annualised), where the actuals name the customer.
    pub actual_revenue: Option<f64>,
    pub actual_contribution: Option<f64>,
    pub actual_category: Option<&'static str>,
    pub actual_category_label: Option<&'static str>,
}

const CUSTOMER_FIELDS: &[&str] = &[
    "id",
    "name",
    "owner",
    "file",
    "revenue",
    "margin",
    "sales_cost",
    "contribution",
    "category",
    "category_label",
    "declared_category",
    "potential",
    "priority",
    "prospect",
    "target",
    "note",
    "actual_revenue",
    "actual_contribution",
    "actual_category",
    "actual_category_label",
];

impl minijinja::value::Object for CustomerRow {
    fn get_value(self: &std::sync::Arc<Self>, key: &minijinja::Value) -> Option<minijinja::Value> {
        use minijinja::Value as V;
        let opt_f = |v: Option<f64>| v.map_or(V::from(()), V::from);
        let opt_s = |v: Option<&str>| v.map_or(V::from(()), V::from);
        Some(match key.as_str()? {
            "id" => V::from(self.id.as_str()),
            "name" => V::from(self.name.as_str()),
            "owner" => V::from(self.owner.as_str()),
            "file" => V::from(&*self.file),
            "revenue" => V::from(self.revenue),
            "margin" => opt_f(self.margin),
            "sales_cost" => opt_f(self.sales_cost),
            "contribution" => V::from(self.contribution),
            "category" => V::from(self.category),
            "category_label" => V::from(self.category_label),
            "declared_category" => opt_s(self.declared_category),
            "potential" => V::from_serialize(&self.potential),
            "priority" => opt_s(self.priority),
            "prospect" => V::from(self.prospect),
            "target" => V::from_serialize(&self.target),
            "note" => opt_s(self.note.as_deref()),
            "actual_revenue" => opt_f(self.actual_revenue),
            "actual_contribution" => opt_f(self.actual_contribution),
            "actual_category" => opt_s(self.actual_category),
            "actual_category_label" => opt_s(self.actual_category_label),
            _ => return None,
        })
    }

    fn enumerate(self: &std::sync::Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Str(CUSTOMER_FIELDS)
    }
}

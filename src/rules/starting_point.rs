//! `starting-point`: a team's starting point (startpunkt) agrees with its
//! sellers' baselines. The roll-up is the analysis' (`analysis::baseline`);
//! this rule says by how much the two differ.

use super::{Context, Param, Rule, RuleMeta, as_printed, kind_arg, least_decimals};
use crate::analysis::baseline::Baseline;
use crate::analysis::exact::Frac;
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart, decimals_nonzero};
use crate::model::metrics::Kind;

pub struct StartingPoint;

static META: RuleMeta = RuleMeta {
    id: RuleId::STARTING_POINT,
    default_level: Level::Info,
    structural: false,
    params: &[] as &[Param],
};

impl Rule for StartingPoint {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (t, baselines) in cx.analysis.baselines.iter().enumerate() {
            let team = &cx.plan.teams[t];
            for b in baselines {
                if b.value == Frac::from(b.starting_point) {
                    continue;
                }
                let Some(metric) = cx.plan.metrics.get(&b.metric) else {
                    continue;
                };
                let pointer = crate::source::pointer::join("/starting_point/values", &b.metric);
                let mut d = cx
                    .found(team.file, &pointer, message(b, metric))
                    .with_help(Message::new("starting-point-help"));
                for p in &b.parts {
                    let loc = cx.plan.locate(p.file, &p.pointer);
                    d = d.with_related(
                        &loc,
                        Message::new("allocation-related")
                            .text("name", &p.name)
                            .arg(
                                "value",
                                kind_arg(metric.kind, p.value, least_decimals(metric.kind)),
                            ),
                    );
                }
                out.push(d);
            }
        }
        last_year(cx, out);
    }
}

/// A seller's written baseline that last year's actuals replace, where the
/// two differ.
fn last_year(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for seller in &cx.plan.sellers {
        let data = &seller.data;
        for id in &data.baseline_from_actuals {
            let (Some(written), Some(actual), Some(metric)) = (
                data.written_baseline.get(id),
                data.baseline.get(id),
                cx.plan.metrics.get(id),
            ) else {
                continue;
            };
            if written.value == actual.value {
                continue;
            }
            let kind = metric.kind;
            let dp = decimals_apart(
                as_printed(kind, written.value),
                as_printed(kind, actual.value),
                least_decimals(kind),
                12,
            );
            let gap = (written.value - actual.value).abs();
            let gap_dp = decimals_nonzero(as_printed(kind, gap), least_decimals(kind), 12);
            let gap = match kind {
                Kind::Ratio => super::points(gap, gap_dp),
                _ => kind_arg(kind, gap, gap_dp),
            };
            let files: Vec<&str> = data
                .baseline_files
                .iter()
                .map(|&f| cx.plan.file(f).path.as_str())
                .collect();
            let pointer = crate::source::pointer::join("/baseline", id);
            let mut d = cx.found(
                seller.file,
                &pointer,
                Message::new("starting-point-last-year")
                    .text("name", &data.name)
                    .arg("metric", metric.label())
                    .arg("written", kind_arg(kind, written.value, dp))
                    .arg("gap", gap)
                    .arg("actual", kind_arg(kind, actual.value, dp))
                    .text("files", files.join(", ")),
            );
            if let Some(&last) = data.baseline_files.last() {
                let at = crate::source::pointer::join("/sellers", &seller.id);
                d = d.with_related(
                    &cx.plan.locate(last, &at),
                    Message::new("starting-point-last-year-related").text("name", &data.name),
                );
            }
            out.push(d.with_help(Message::new("starting-point-last-year-help")));
        }
    }
}

fn message(b: &Baseline, metric: &crate::model::metrics::Metric) -> Message {
    let kind = metric.kind;
    let rolled = b.value.value();
    let dp = decimals_apart(
        as_printed(kind, rolled),
        as_printed(kind, b.starting_point),
        least_decimals(kind),
        12,
    );
    let gap = (rolled - b.starting_point).abs();
    let gap_dp = decimals_nonzero(as_printed(kind, gap), least_decimals(kind), 12);
    let gap = match kind {
        Kind::Ratio => super::points(gap, gap_dp),
        _ => kind_arg(kind, gap, gap_dp),
    };
    let parts: Vec<Message> = b
        .parts
        .iter()
        .map(|p| {
            let m = Message::new(if b.weighted { "part-weighted" } else { "part" })
                .text("name", &p.name)
                .arg(
                    "value",
                    match kind {
                        // Amounts in a sum without the currency, as `allocation` lists them.
                        Kind::Money => Arg::Number {
                            value: p.value,
                            dp: dp.max(2),
                        },
                        _ => kind_arg(kind, p.value, least_decimals(kind).max(dp)),
                    },
                );
            match p.weight {
                Some(w) if b.weighted => m.number("weight", w),
                _ => m,
            }
        })
        .collect();
    let missing = if b.missing.is_empty() {
        Message::new("empty")
    } else {
        Message::new("starting-point-missing").text("names", b.missing.join(", "))
    };
    Message::new(if b.weighted {
        "starting-point-weighted"
    } else {
        "starting-point-sum"
    })
    .arg("metric", metric.label())
    .arg("start", kind_arg(kind, b.starting_point, dp))
    .arg("gap", gap)
    .arg("value", kind_arg(kind, rolled, dp))
    .arg(
        "parts",
        Arg::List(parts, if b.weighted { ", " } else { " + " }),
    )
    .phrase("missing", missing)
}

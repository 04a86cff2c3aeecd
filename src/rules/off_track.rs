//! `off-track`: a goal whose year-end forecast falls short of its target.
//! The numbers are the analysis' evaluation (`analysis::evaluation`); this
//! rule shows their arithmetic.

use super::{Context, Param, Rule, RuleMeta, as_printed};
use crate::analysis::evaluation::{Basis, Eval, Source, Status};
use crate::analysis::exact::Frac;
use crate::diag::{Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message, decimals_apart, decimals_nonzero};
use crate::model::metrics::{Better, Kind};
use rust_decimal::Decimal;

pub struct OffTrack;

static META: RuleMeta = RuleMeta {
    id: RuleId::OFF_TRACK,
    default_level: Level::Warning,
    structural: false,
    params: &[Param {
        name: "at_risk",
        ratio: true,
        default: "0.90",
    }],
};

impl Rule for OffTrack {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let evaluation = &cx.analysis.evaluation;
        let at_risk = cx.analysis.params.off_track_at_risk;
        for (si, goals) in evaluation.sellers.iter().enumerate() {
            let seller = &cx.plan.sellers[si];
            for g in goals {
                if let Some((level, message)) = finding(cx, &g.eval, at_risk) {
                    let pointer = format!("/{}/{}/target", g.list, g.index);
                    out.push(cx.found_at(level, seller.file, &pointer, message));
                }
            }
        }
        for (ti, goals) in evaluation.teams.iter().enumerate() {
            let team = &cx.plan.teams[ti];
            for (gi, eval) in goals.iter().enumerate() {
                let Some(eval) = eval else { continue };
                if let Some((level, message)) = finding(cx, eval, at_risk) {
                    let message = if eval.reported < eval.of && eval.basis != Basis::Level {
                        // A flow measured against the reporting sellers'
                        // part of the team target.
                        let kind = cx.plan.metrics.get(&eval.metric).map(|m| m.kind);
                        let annual = eval.annual.value();
                        let target = team.data.goals[gi].target.map_or(annual, |t| t.value);
                        let dp = kind.map_or(2, |k| apart(k, annual, target, 0));
                        let kind = kind.unwrap_or(crate::model::metrics::Kind::Count);
                        Message::new("off-track-team-part")
                            .phrase("finding", message)
                            .count("reported", eval.reported)
                            .count("of", eval.of)
                            .arg("annual", shown(kind, annual, dp))
                            .arg("target", shown(kind, target, dp))
                    } else {
                        Message::new("off-track-team")
                            .phrase("finding", message)
                            .count("reported", eval.reported)
                            .count("of", eval.of)
                    };
                    let pointer = format!("/goals/{gi}/target");
                    out.push(cx.found_at(level, team.file, &pointer, message));
                }
            }
        }
    }
}

/// A value of a metric's kind with `dp` decimals (of the percent, for a
/// ratio).
fn shown(kind: Kind, value: Decimal, dp: u32) -> Arg {
    match kind {
        Kind::Money => Arg::Money { value, dp },
        Kind::Ratio => Arg::Percent { value, dp },
        Kind::Count | Kind::Score => Arg::Number { value, dp },
    }
}

/// The decimals at which `a` and `b` of a metric's kind differ when shown.
fn apart(kind: Kind, a: Decimal, b: Decimal, min: u32) -> u32 {
    decimals_apart(as_printed(kind, a), as_printed(kind, b), min, 10)
}

fn finding(cx: &Context<'_>, e: &Eval, at_risk: Decimal) -> Option<(Level, Message)> {
    let level = match e.status {
        Status::OnTrack => return None,
        Status::AtRisk => Level::Info,
        Status::OffTrack => Level::Warning,
    };
    let metric = cx.plan.metrics.get(&e.metric)?;
    let kind = metric.kind;
    let off = e.status == Status::OffTrack;
    let risk = Frac::from(at_risk);
    // The value the forecast is compared with, and the verdict.
    let (bound, verdict) = match (e.better, off) {
        (Better::Higher, true) => (e.annual.times(risk), "off-track-below"),
        (Better::Higher, false) => (e.annual, "off-track-short"),
        (Better::Lower, true) => (e.annual.checked_div(risk)?, "off-track-over-limit"),
        (Better::Lower, false) => (e.annual, "off-track-over"),
    };
    let ratio_bound = if off { at_risk } else { Decimal::ONE };
    let attainment = e.attainment.map(Frac::value);
    let att_dp = attainment.map_or(1, |a| {
        let a = a * Decimal::ONE_HUNDRED;
        decimals_apart(a, ratio_bound * Decimal::ONE_HUNDRED, 1, 10).max(decimals_nonzero(a, 1, 10))
    });
    let threshold = Arg::Percent {
        value: at_risk,
        dp: (at_risk * Decimal::ONE_HUNDRED).normalize().scale(),
    };
    let verdict = Message::new(verdict).arg("threshold", threshold);
    let forecast = e.forecast.value();
    let annual = e.annual.value();
    let message = if e.basis == Basis::Level {
        let source = match e.source {
            Source::Sums { num, den } => {
                let (n, d) = e.sums.unwrap_or_default();
                let label = |id: &str| {
                    cx.plan
                        .metrics
                        .get(id)
                        .map(crate::model::metrics::Metric::label)
                };
                let (Some(num_label), Some(den_label), Some(num_kind)) = (
                    label(num),
                    label(den),
                    cx.plan.metrics.get(num).map(|m| m.kind),
                ) else {
                    return None;
                };
                Message::new("off-track-source-sums")
                    .arg("num", shown(num_kind, n, 2))
                    .arg("num_metric", num_label)
                    .arg("den", shown(num_kind, d, 2))
                    .arg("den_metric", den_label)
            }
            _ => Message::new("off-track-source-latest"),
        };
        Message::new("off-track-level")
            .arg("metric", metric.label())
            .arg(
                "actual",
                shown(kind, forecast, apart(kind, forecast, annual, 1)),
            )
            .phrase("source", source)
            .arg("target", shown(kind, annual, 2))
            .arg(
                "attainment",
                Arg::Percent {
                    value: attainment.unwrap_or_default(),
                    dp: att_dp,
                },
            )
            .phrase("verdict", verdict)
    } else {
        let actual = e.actual.value();
        let to_date = e.target_to_date.value();
        let share = e.share.value();
        let basis = match e.basis {
            Basis::Phasing {
                quarters,
                days,
                quarter_days,
            } => {
                let named = match quarters {
                    0 => String::new(),
                    1 => "Q1".to_string(),
                    q => format!("Q1–Q{q}"),
                };
                if days == 0 || quarters == 4 {
                    Message::new("off-track-basis-quarters").text("quarters", named)
                } else {
                    let part = Message::new("off-track-basis-days")
                        .count("days", usize::try_from(days).unwrap_or(0))
                        .count("quarter_days", usize::try_from(quarter_days).unwrap_or(0))
                        .text("quarter", format!("Q{}", quarters + 1));
                    if quarters == 0 {
                        Message::new("off-track-basis-part").phrase("part", part)
                    } else {
                        Message::new("off-track-basis-phasing")
                            .text("quarters", named)
                            .phrase("part", part)
                    }
                }
            }
            Basis::ProRata { days, year_days } => Message::new("off-track-basis-pro-rata")
                .count("days", usize::try_from(days).unwrap_or(0))
                .count("year_days", usize::try_from(year_days).unwrap_or(0)),
            Basis::Level => return None,
        };
        let amount_dp = apart(kind, actual, to_date, 0);
        Message::new("off-track-flow")
            .arg("metric", metric.label())
            .arg("actual", shown(kind, actual, amount_dp))
            .arg("to_date", shown(kind, to_date, amount_dp))
            .phrase("basis", basis)
            .arg(
                "attainment",
                Arg::Percent {
                    value: attainment.unwrap_or_default(),
                    dp: att_dp,
                },
            )
            .arg(
                "share",
                Arg::Percent {
                    value: share,
                    dp: decimals_nonzero(share * Decimal::ONE_HUNDRED, 1, 10),
                },
            )
            .arg(
                "forecast",
                shown(kind, forecast, apart(kind, forecast, bound.value(), 0)),
            )
            .arg("annual", shown(kind, annual, 2))
            .phrase("verdict", verdict)
    };
    Some((level, message))
}

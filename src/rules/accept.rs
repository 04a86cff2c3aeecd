//! Accepted findings (SPEC 4.4): a warning or info the team has agreed to
//! live with, with a reason and an expiry date.

use super::{Context, Param, Rule, RuleMeta};
use crate::analysis::Analysis;
use crate::diag::{Accepted, Diagnostic, Level, RuleId};
use crate::i18n::{Arg, Message};
use crate::model::period::Date;

pub struct Accept;

pub(super) static META: RuleMeta = RuleMeta {
    id: RuleId::ACCEPT,
    default_level: Level::Warning,
    structural: true,
    params: &[] as &[Param],
};

impl Rule for Accept {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    // Applied by `apply` after every other rule has run.
    fn check(&self, _: &Context<'_>, _: &mut Vec<Diagnostic>) {}
}

/// Today's date, for expiry: `SALGSMAL_TODAY=YYYY-MM-DD` (for reproducible
/// runs and tests), else the system clock (UTC).
pub fn today() -> Date {
    std::env::var("SALGSMAL_TODAY")
        .ok()
        .and_then(|v| Date::parse(&v))
        .unwrap_or_else(Date::today)
}

/// Move accepted findings out of `diags`; report stale and misused entries.
pub fn apply(analysis: &Analysis<'_>, diags: &mut Vec<Diagnostic>, today: Date) -> Vec<Accepted> {
    let plan = analysis.plan;
    let Some(config) = &plan.config else {
        return Vec::new();
    };
    let cx = Context::new(analysis, &META);
    let mut accepted = Vec::new();
    let mut notes = Vec::new();
    for (i, entry) in config.data.accept.iter().enumerate() {
        // `./sellers/kari.yaml` and `sellers\kari.yaml` name `sellers/kari.yaml`.
        let file = entry
            .file
            .as_ref()
            .map(|f| f.replace('\\', "/").trim_start_matches("./").to_string());
        if let Some(f) = &file
            && !plan.files.iter().any(|p| p.path == *f)
        {
            notes.push(
                cx.found(
                    config.file,
                    &format!("/accept/{i}/file"),
                    Message::new("accept-no-file").text("file", f),
                )
                .with_help(Message::new("accept-no-file-help")),
            );
            continue;
        }
        let matches = |d: &Diagnostic| {
            d.rule.as_str() == entry.rule
                && file.as_ref().is_none_or(|f| *f == d.location.file)
                && entry
                    .pointer
                    .as_ref()
                    .is_none_or(|p| Some(p) == d.pointer.as_ref())
        };
        let expired = entry.until.is_some_and(|u| u < today);
        let mut matched = 0;
        let mut errors = 0;
        let mut kept = Vec::with_capacity(diags.len());
        for d in diags.drain(..) {
            if d.rule == META.id || !matches(&d) {
                kept.push(d);
                continue;
            }
            matched += 1;
            if d.level == Level::Error {
                errors += 1;
                kept.push(d);
            } else if expired {
                kept.push(d);
            } else {
                accepted.push(Accepted {
                    diagnostic: d,
                    reason: entry.reason.clone(),
                    until: entry.until.map(|u| u.to_string()),
                });
            }
        }
        *diags = kept;
        let where_ = entry.file.as_ref().map_or_else(
            || Message::new("empty"),
            |f| Message::new("accept-in-file").text("file", f),
        );
        let ptr = format!("/accept/{i}");
        if errors > 0 {
            notes.push(
                cx.found(
                    config.file,
                    &format!("{ptr}/rule"),
                    Message::new("accept-error")
                        .text("rule", &entry.rule)
                        .phrase("where", where_.clone()),
                )
                .with_help(Message::new("accept-error-help")),
            );
        }
        if expired && matched > errors {
            notes.push(
                cx.found(
                    config.file,
                    &format!("{ptr}/until"),
                    Message::new("accept-expired")
                        .text("rule", &entry.rule)
                        .phrase("where", where_.clone())
                        .arg(
                            "until",
                            Arg::Date(entry.until.map(|u| u.to_string()).unwrap_or_default()),
                        ),
                )
                .with_help(Message::new("accept-expired-help")),
            );
        }
        if matched == 0 {
            notes.push(
                cx.found_at(
                    Level::Info,
                    config.file,
                    &ptr,
                    Message::new("accept-nothing")
                        .text("rule", &entry.rule)
                        .phrase("where", where_),
                )
                .with_help(Message::new("accept-nothing-help")),
            );
        }
    }
    diags.extend(notes);
    accepted
}

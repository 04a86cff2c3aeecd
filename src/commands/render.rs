//! `salgsmal render`: the reports, from the plan and its findings.

use super::Global;
use crate::cli::{RenderArgs, RenderDeny, RenderFormat, ReportChoice};
use crate::diag::{Level, count};
use crate::i18n::Fmt;
use crate::model::Locale;
use crate::report::render::{self, Format, Options, Report};
use crate::{report, rules};
use std::process::ExitCode;

/// What rendering needs of the plan once it is checked: the context and the
/// findings' counts. The plan itself (texts, trees) is dropped before the
/// reports are rendered, so the two are never in memory together.
struct Prepared {
    context: report::context::Built,
    locale: Locale,
    currency: String,
    errors: usize,
    warnings: usize,
    /// The what-if the reports show, in words (`--set`, `--scenario`).
    scenario: Option<String>,
}

pub fn execute(args: &RenderArgs, global: Global) -> anyhow::Result<ExitCode> {
    let at = super::PlanAt::find(args.dir.as_deref(), args.at.as_deref())?;
    let root = at.root.clone();
    let prepared = prepare(args, &at)?;
    let context = report::linked::link(prepared.context);
    if args.dump_context {
        super::print(&format!("{}\n", serde_json::to_string_pretty(&context)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let options = Options {
        reports: match args.report {
            ReportChoice::Team => vec![Report::Team],
            ReportChoice::Seller => vec![Report::Seller],
            ReportChoice::Review => vec![Report::Review],
            ReportChoice::All => vec![Report::Team, Report::Seller, Report::Review],
        },
        format: match args.format {
            RenderFormat::Md => Format::Md,
            RenderFormat::Html => Format::Html,
        },
        team: args.team.clone(),
        seller: args.seller.clone(),
    };
    let fmt = Fmt::new(prepared.locale, &prepared.currency);
    let env = render::environment_with(
        &root,
        at.revision.as_ref().map(|r| r.templates.clone()),
        &fmt,
    );
    let files = match render::render(&env, &context, &root, &options) {
        Ok(files) => files,
        Err(e) => {
            super::eprintln(&format!("error[template]: {e}"));
            super::eprintln("  = note: no report was written");
            return Ok(ExitCode::from(1));
        }
    };
    let alive = render::report_names(&context);
    drop(context);
    // Reports of a what-if go beside the plan's own, never over them.
    let out = args.out.clone().unwrap_or_else(|| {
        if prepared.scenario.is_some() {
            root.join("build").join("what-if")
        } else {
            root.join("build")
        }
    });
    let written = render::write_all(&out, &files, &alive).map_err(|e| anyhow::anyhow!("{e}"))?;
    if !global.quiet {
        let here = std::env::current_dir()
            .ok()
            .and_then(|d| d.canonicalize().ok());
        let shown = |path: &std::path::Path| {
            here.as_ref()
                .and_then(|h| path.strip_prefix(h).ok())
                .unwrap_or(path)
                .display()
                .to_string()
        };
        if let Some(scenario) = &prepared.scenario {
            super::print(scenario)?;
        }
        for path in &written.written {
            super::println(&format!("wrote {}", shown(path)))?;
        }
        for path in &written.removed {
            super::println(&format!(
                "removed {} (its seller or team is gone)",
                shown(path)
            ))?;
        }
    }
    let denied = match args.deny {
        Some(RenderDeny::Errors) => prepared.errors > 0,
        Some(RenderDeny::Warnings) => prepared.errors + prepared.warnings > 0,
        None => false,
    };
    Ok(if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Read, analyse and check the plan, and build the report context.
fn prepare(args: &RenderArgs, at: &super::PlanAt) -> anyhow::Result<Prepared> {
    let (mut loaded, scenario) = at.load_what_if(&args.what_if, args.locale)?;
    // How the targets changed this year, from git (nothing outside a
    // repository).
    at.add_history(&mut loaded.plan, false);
    // The report's language, which its findings speak too.
    let locale = super::localizer(&loaded.plan, args.locale).locale();
    let plan = &loaded.plan;
    for (what, id, known) in [
        (
            "team",
            &args.team,
            plan.ids_of(crate::model::FileKind::Team),
        ),
        (
            "seller",
            &args.seller,
            plan.ids_of(crate::model::FileKind::Seller),
        ),
    ] {
        if let Some(id) = id
            && !known.contains(&id.as_str())
        {
            anyhow::bail!(
                "no {what} `{id}` in the plan ({})",
                crate::i18n::Localizer::new(crate::i18n::Locale::En, "NOK")
                    .format(&rules::suggestion(id, known.iter().copied()))
            );
        }
    }
    let until = match &args.period {
        Some(text) => Some(review_period(
            text,
            plan,
            &super::localizer(plan, args.locale),
        )?),
        None => None,
    };
    let analysis = rules::analyse_until(plan, until);
    let outcome = rules::run_on(&analysis, loaded.diagnostics);
    let mut context =
        report::context::build(&analysis, &outcome.diagnostics, &outcome.accepted, locale);
    // Reports made from a what-if say so (`scenario`, null otherwise).
    context.json["scenario"] = serde_json::to_value(&scenario)?;
    let said = scenario
        .as_ref()
        .map(|s| super::scenario_lines(s, &super::localizer(plan, args.locale)));
    Ok(Prepared {
        context,
        locale,
        currency: plan.settings.fmt.currency.clone(),
        errors: count(&outcome.diagnostics, Level::Error),
        warnings: count(&outcome.diagnostics, Level::Warning),
        scenario: said,
    })
}

/// The `--period` argument: a month, a quarter or the year of the plan.
fn review_period(
    text: &str,
    plan: &crate::model::Plan,
    loc: &crate::i18n::Localizer,
) -> anyhow::Result<crate::model::period::Period> {
    use crate::i18n::Message;
    use crate::model::period::Period;
    let say = |m: Message| loc.format(&m);
    let Some(period) = Period::parse(text) else {
        anyhow::bail!(say(Message::new("render-bad-period").text("period", text)));
    };
    if let Some(year) = plan.period()
        && !year.covers(period)
    {
        anyhow::bail!(say(Message::new("import-period-outside")
            .text("period", period.to_string())
            .text("year", year.to_string())));
    }
    Ok(period)
}

//! `salgsmal init [DIR] [--example] [--locale nb|en]`: start a plan repository.

use super::{Global, start_dir};
use crate::cli::{InitArgs, InitLocale};
use crate::load::schema::SCHEMAS;
use anyhow::Context as _;
use std::path::Path;
use std::process::ExitCode;

/// The example plan, embedded: (path in the plan, text).
const EXAMPLE: &[(&str, &str)] = &[
    (
        "salgsmal.yaml",
        include_str!("../../examples/salg-vest/salgsmal.yaml"),
    ),
    (
        "teams/salg-vest.yaml",
        include_str!("../../examples/salg-vest/teams/salg-vest.yaml"),
    ),
    (
        "sellers/kari.yaml",
        include_str!("../../examples/salg-vest/sellers/kari.yaml"),
    ),
    (
        "sellers/ola.yaml",
        include_str!("../../examples/salg-vest/sellers/ola.yaml"),
    ),
    (
        "sellers/ingrid.yaml",
        include_str!("../../examples/salg-vest/sellers/ingrid.yaml"),
    ),
    (
        "customers/kari.yaml",
        include_str!("../../examples/salg-vest/customers/kari.yaml"),
    ),
    (
        "customers/ola.yaml",
        include_str!("../../examples/salg-vest/customers/ola.yaml"),
    ),
    (
        "customers/ingrid.yaml",
        include_str!("../../examples/salg-vest/customers/ingrid.yaml"),
    ),
];

pub fn execute(args: &InitArgs, global: Global) -> anyhow::Result<ExitCode> {
    let dir = start_dir(args.dir.as_deref());
    let mut files: Vec<(String, String)> = if args.example {
        EXAMPLE
            .iter()
            .map(|(path, text)| {
                // In the repository the modelines point at its top-level schemas/;
                // in a new plan they point at the plan's own schemas/.
                let text = text
                    .replace("$schema=../../../schemas/", "$schema=../schemas/")
                    .replace("$schema=../../schemas/", "$schema=schemas/");
                let text = if args.locale == InitLocale::En {
                    text.replace("locale: nb", "locale: en")
                } else {
                    text
                };
                ((*path).to_string(), text)
            })
            .collect()
    } else {
        starter(args.locale, plan_year())
    };
    for (_, file, text) in SCHEMAS {
        files.push((format!("schemas/{file}"), (*text).to_string()));
    }
    let existing: Vec<&str> = files
        .iter()
        // A link counts as there, even one that leads nowhere.
        .filter(|(p, _)| dir.join(p).symlink_metadata().is_ok())
        .map(|(p, _)| p.as_str())
        .collect();
    if !existing.is_empty() {
        anyhow::bail!(
            "{} already holds {}; init writes nothing over existing files",
            dir.display(),
            existing.join(", ")
        );
    }
    for (path, text) in &files {
        write(&dir, path, text)?;
    }
    let gitignore = gitignore(&dir)?;
    let written = files.len() + usize::from(gitignore == Gitignore::Written);
    if !global.quiet {
        super::println(&format!(
            "created a plan in {} ({written} files)",
            dir.display(),
        ))?;
        if gitignore == Gitignore::LacksBuild {
            super::println(&format!(
                "note: {} does not ignore build/, where `salgsmal render` writes the reports; add a line `build/` to keep them out of git",
                dir.join(".gitignore").display()
            ))?;
        }
        super::println(&format!(
            "next: edit the files, then run `salgsmal check {}`",
            dir.display()
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write(dir: &Path, rel: &str, text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    // `create_new`: never over a file, and never through a link (even one
    // planted since the check, or one that leads nowhere).
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .with_context(|| format!("cannot write {}", path.display()))
}

/// What the plan's `.gitignore` says about `build/`, the default output
/// folder of `render`.
#[derive(Debug, PartialEq, Eq)]
enum Gitignore {
    /// There was none: init wrote one that ignores `build/`.
    Written,
    /// There is one, and it ignores `build/`.
    HasBuild,
    /// There is one, and it does not: it is left as it is.
    LacksBuild,
}

const GITIGNORE: &str =
    "# The reports `salgsmal render` writes (its default output folder)\nbuild/\n";

/// Write `.gitignore` with `build/` unless one exists; an existing one is
/// never changed, only read.
fn gitignore(dir: &Path) -> anyhow::Result<Gitignore> {
    use std::io::Write as _;
    let path = dir.join(".gitignore");
    // `create_new`: nothing is overwritten, even a file that appeared
    // since the check for existing files.
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(mut file) => {
            file.write_all(GITIGNORE.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            Ok(Gitignore::Written)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            // Unreadable (a folder, not UTF-8, …) counts as lacking it: the
            // note only suggests a line.
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            Ok(if ignores_build(&text) {
                Gitignore::HasBuild
            } else {
                Gitignore::LacksBuild
            })
        }
        Err(e) => Err(e).with_context(|| format!("cannot write {}", path.display())),
    }
}

/// Whether a `.gitignore` has a line that ignores the `build` folder at its
/// top (`build/`, `/build`, `build/*`, …); negations and comments do not count.
fn ignores_build(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim();
        let pattern = line
            .trim_start_matches('/')
            .trim_end_matches("**")
            .trim_end_matches('*')
            .trim_end_matches('/');
        !line.starts_with('#') && !line.starts_with('!') && pattern == "build"
    })
}

/// The year a new plan is for: the coming year from September on, when
/// planning for it starts; the current year before that.
fn plan_year() -> i32 {
    let today = crate::model::period::Date::today();
    if today.month >= 9 {
        today.year + 1
    } else {
        today.year
    }
}

struct Words {
    company: &'static str,
    locale: &'static str,
    team: &'static str,
    team_name: &'static str,
    manager: &'static str,
    statement: &'static str,
    seller: &'static str,
    seller_name: &'static str,
    revenue: &'static str,
    margin: &'static str,
    meetings: &'static str,
    actions: [&'static str; 2],
    closing: &'static str,
    closing_action: &'static str,
}

const NB: Words = Words {
    company: "Mitt Firma AS",
    locale: "nb",
    team: "salg",
    team_name: "Salg",
    manager: "Salgssjef",
    statement: "Lønnsom vekst hos de riktige kundene",
    seller: "selger-1",
    seller_name: "Selger En",
    revenue: "omsetning",
    margin: "db",
    meetings: "kundemoter",
    actions: ["Ringe kunden", "Avtale møtetidspunkt"],
    closing: "closing",
    closing_action: "Avdekke behovet før tilbudet",
};

const EN: Words = Words {
    company: "My Company Ltd",
    locale: "en",
    team: "sales",
    team_name: "Sales",
    manager: "Sales Manager",
    statement: "Profitable growth with the right customers",
    seller: "seller-1",
    seller_name: "Seller One",
    revenue: "revenue",
    margin: "margin",
    meetings: "meetings",
    actions: ["Call the customer", "Book the meeting"],
    closing: "closing",
    closing_action: "Uncover the need before the offer",
};

fn starter(locale: InitLocale, year: i32) -> Vec<(String, String)> {
    let w = if locale == InitLocale::En { &EN } else { &NB };
    let prev = year - 1;
    let config = format!(
        "# yaml-language-server: $schema=schemas/config.schema.json\nversion: 1\ncompany: {}\nperiod: {year}\ncurrency: NOK\nlocale: {}\n",
        w.company, w.locale
    );
    let team = format!(
        "# yaml-language-server: $schema=../schemas/team.schema.json\nname: {team_name}\nmanager: {manager}\nmain_goal:\n  statement: {statement}\n  deadline: {year}-12-31\nstarting_point:\n  date: {prev}-12-31\n  values: {{revenue: 9_000_000, contribution_margin: 0.18}}\ngoals:\n  - {{id: {revenue}, metric: revenue, target: 10_000_000}}\n  - {{id: {margin}, metric: contribution_margin, target: 0.20}}\n",
        team_name = w.team_name,
        manager = w.manager,
        statement = w.statement,
        revenue = w.revenue,
        margin = w.margin,
    );
    let seller = format!(
        "# yaml-language-server: $schema=../schemas/seller.schema.json\nname: {name}\nteam: {team}\nbaseline:\n  revenue: 9_000_000\n  contribution_margin: 0.18\n  closing_rate: 0.45\ngoals:\n  - {{id: {revenue}, metric: revenue, target: 10_000_000}}\n  - {{id: {margin}, metric: contribution_margin, target: 0.20}}\nkpis:\n  - id: {meetings}\n    metric: qualified_meetings\n    target: 8\n    per: week\n    supports: [{revenue}]\n    actions: [{a0}, {a1}]\n  - id: {closing}\n    metric: closing_rate\n    target: 0.50\n    supports: [{revenue}, {margin}]\n    actions: [{closing_action}]\nassumptions:\n  meeting_to_offer_rate: 0.40\n  average_deal_size: 150_000\n",
        name = w.seller_name,
        team = w.team,
        revenue = w.revenue,
        margin = w.margin,
        meetings = w.meetings,
        a0 = w.actions[0],
        a1 = w.actions[1],
        closing = w.closing,
        closing_action = w.closing_action,
    );
    let customers = format!(
        "# yaml-language-server: $schema=../schemas/customers.schema.json\nowner: {seller}\ncustomers:\n  - {{id: kunde-a, name: Kunde A AS, revenue: 6_000_000, margin: 0.20, potential: high}}\n  - {{id: kunde-b, name: Kunde B AS, revenue: 3_000_000, margin: 0.15, potential: medium}}\n",
        seller = w.seller
    );
    vec![
        ("salgsmal.yaml".to_string(), config),
        (format!("teams/{}.yaml", w.team), team),
        (format!("sellers/{}.yaml", w.seller), seller),
        (format!("customers/{}.yaml", w.seller), customers),
    ]
}

#[cfg(test)]
mod tests {
    use super::ignores_build;

    #[test]
    fn a_gitignore_ignores_build_in_its_usual_spellings() {
        for text in [
            "build/",
            "/build",
            "target\nbuild\n",
            "  build/*  ",
            "/build/**",
        ] {
            assert!(ignores_build(text), "{text:?}");
        }
        for text in [
            "",
            "# build/",
            "!build/",
            "builds/",
            "src/build/",
            "target/",
        ] {
            assert!(!ignores_build(text), "{text:?}");
        }
    }
}

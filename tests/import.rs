//! `salgsmal import actuals`: CRM exports (semicolon CSV with Norwegian
//! numbers, Windows-1252, a byte order mark) into `actuals/<period>.yaml`,
//! on real files in temp folders with the real binary.

mod common;
use common::{CONFIG, Plan, TEAM};

const KARI: &str = "name: Kari Nordmann\nemail: kari@firma.no\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 10_000_000}\n";
const OLA: &str = "name: Ola Berg\nemail: Ola.Berg@firma.no\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 8_000_000}\n";
const BJORN: &str = "name: Bjørn Ås\nteam: salg-vest\ngoals:\n  - {id: omsetning, metric: revenue, target: 5_000_000}\n";

/// A plan in English (for stable messages) with three sellers.
fn plan(config_extra: &str) -> Plan {
    Plan::empty()
        .file(
            "salgsmal.yaml",
            &format!("{CONFIG}locale: en\n{config_extra}"),
        )
        .file("teams/salg-vest.yaml", TEAM)
        .file("sellers/kari.yaml", KARI)
        .file("sellers/ola.yaml", OLA)
        .file("sellers/bjorn.yaml", BJORN)
}

const NORWEGIAN_COLUMNS: &str = "import:\n  seller: Selger\n  metrics:\n    revenue: Omsetning\n    contribution: Dekningsbidrag\n    offers: Tilbud\n";

/// `check` runs without errors, and none of its findings is in the
/// written file.
fn assert_checks(plan: &Plan, file: &str) {
    let (code, json) = plan.check_json();
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    let in_file: Vec<_> = diagnostics
        .iter()
        .filter(|d| d["file"] == file && d["level"] != "info")
        .collect();
    assert!(in_file.is_empty(), "{in_file:#?}");
    assert_eq!(code, 0, "{json:#}");
}

#[test]
fn a_semicolon_export_with_norwegian_numbers_adds_up_per_seller() {
    let plan = plan("").file(
        "crm.csv",
        "seller;revenue;contribution;offers\n\
         Kari Nordmann;kr 1 234 567,50;296 296,-;9\n\
         kari@firma.no;kr 912.000,-;218\u{a0}880,25;7\n\
         ola.berg@FIRMA.no;NOK 2 480 000;421 600;11\n\
         \n\
         ola;-45 000;-8 550;\n",
    );
    let run = plan.run(&["import", "actuals", "crm.csv", "--period", "2027-Q1"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        plan.read("actuals/2027-Q1.yaml"),
        "# Imported from crm.csv by `salgsmal import actuals`.\n\
         period: 2027-Q1\n\
         as_of: 2027-03-31\n\
         sellers:\n  \
           kari:\n    \
             contribution: 515176.25\n    \
             offers: 16\n    \
             revenue: 2146567.5\n  \
           ola:\n    \
             contribution: 413050\n    \
             offers: 11\n    \
             revenue: 2435000\n"
    );
    assert!(
        run.stdout
            .starts_with("wrote actuals/2027-Q1.yaml: 2 sellers from 4 rows\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("  kari (2 rows): "), "{}", run.stdout);
    assert_checks(&plan, "actuals/2027-Q1.yaml");
}

#[test]
fn the_import_block_names_the_columns_and_sellers_match_by_email_and_name() {
    let plan = plan(NORWEGIAN_COLUMNS).file(
        "eksport.csv",
        "Selger;Omsetning;Dekningsbidrag;Tilbud;Kommentar\n\
         \u{20}KARI NORDMANN ;1 000 000;240 000;4;god start\n\
         OLA.BERG@firma.no;500 000,50;80 000;2;\n",
    );
    let run = plan.run(&["import", "actuals", "eksport.csv", "--period", "2027-03"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written = plan.read("actuals/2027-03.yaml");
    assert!(
        written.contains("period: 2027-03\nas_of: 2027-03-31\n"),
        "{written}"
    );
    assert!(
        written
            .contains("  kari:\n    contribution: 240000\n    offers: 4\n    revenue: 1000000\n"),
        "{written}"
    );
    assert!(
        written.contains("  ola:\n    contribution: 80000\n    offers: 2\n    revenue: 500000.5\n"),
        "{written}"
    );
    assert_checks(&plan, "actuals/2027-03.yaml");
}

#[test]
fn a_windows_1252_file_is_read() {
    let mut bytes = b"Selger;Omsetning\r\nBj\xF8rn \xC5s;kr 1 500,-\r\nbj\xF8rn \xE5s;".to_vec();
    bytes.extend_from_slice(b"250,50\r\n");
    let plan = plan("import:\n  seller: Selger\n  metrics: {revenue: Omsetning}\n")
        .bytes("win.csv", &bytes);
    let run = plan.run(&["import", "actuals", "win.csv", "--period", "2027-Q2"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written = plan.read("actuals/2027-Q2.yaml");
    assert!(
        written.contains("as_of: 2027-06-30\nsellers:\n  bjorn:\n    revenue: 1750.5\n"),
        "{written}"
    );
    assert_checks(&plan, "actuals/2027-Q2.yaml");
}

#[test]
fn a_utf8_file_with_a_byte_order_mark_and_commas_is_read() {
    let plan = plan("").file(
        "bom.csv",
        "\u{feff}Seller,Revenue,Offers\nBjørn Ås,\"1,234.50\",3\nola,1000,1\n",
    );
    let run = plan.run(&["import", "actuals", "bom.csv", "--period", "2027-Q1"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written = plan.read("actuals/2027-Q1.yaml");
    assert!(
        written.contains("  bjorn:\n    offers: 3\n    revenue: 1234.5\n  ola:\n    offers: 1\n    revenue: 1000\n"),
        "{written}"
    );
    assert_checks(&plan, "actuals/2027-Q1.yaml");
}

#[test]
fn a_tab_separated_file_uses_decimal_commas() {
    let plan = plan("").file("tab.csv", "seller\trevenue\nkari\t1 500,25\nola\t\n");
    let run = plan.run(&["import", "actuals", "tab.csv", "--period", "2027-01"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written = plan.read("actuals/2027-01.yaml");
    // A row with a seller and no values leaves the seller without values.
    assert!(
        written.ends_with("  kari:\n    revenue: 1500.25\n  ola: {}\n"),
        "{written}"
    );
    assert_checks(&plan, "actuals/2027-01.yaml");
}

const WITH_BAD_ROWS: &str = "seller;revenue;offers\n\
    kari;100 000;2\n\
    Per Hansen;50 000;1\n\
    ola;1.5;1\n\
    ola;20 000\n\
    ola;30 000;3\n";

#[test]
fn bad_rows_are_located_and_nothing_is_written() {
    let plan = plan("").file("bad.csv", WITH_BAD_ROWS);
    let run = plan.run(&["import", "actuals", "bad.csv", "--period", "2027-Q1"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("error: bad.csv:3:1: no seller has the id, email or name `Per Hansen`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: bad.csv:4:5: `1.5` in column revenue is not a number"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: bad.csv:5:11: the row has no cell for column offers"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
    assert!(!plan.path().join("actuals").exists());
}

#[test]
fn skip_bad_rows_writes_the_good_rows_and_lists_the_others() {
    let plan = plan("").file("bad.csv", WITH_BAD_ROWS);
    let run = plan.run(&[
        "import",
        "actuals",
        "bad.csv",
        "--period",
        "2027-Q1",
        "--skip-bad-rows",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for line in ["bad.csv:3:1", "bad.csv:4:5", "bad.csv:5:11"] {
        assert!(
            run.stderr.contains(&format!("skipped: {line}: ")),
            "{line}: {}",
            run.stderr
        );
    }
    assert!(
        run.stdout.contains("2 sellers from 2 rows"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("skipped 3 rows"), "{}", run.stdout);
    let written = plan.read("actuals/2027-Q1.yaml");
    assert!(
        written.ends_with(
            "  kari:\n    offers: 2\n    revenue: 100000\n  ola:\n    offers: 3\n    revenue: 30000\n"
        ),
        "{written}"
    );
    assert_checks(&plan, "actuals/2027-Q1.yaml");
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let plan = plan("")
        .file("one.csv", "seller;revenue\nkari;100\n")
        .file("two.csv", "seller;revenue\nkari;200\n");
    let first = plan.run(&["import", "actuals", "one.csv", "--period", "2027-Q1"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let again = plan.run(&["import", "actuals", "two.csv", "--period", "2027-Q1"]);
    assert_eq!(again.code, 2, "{}", again.stderr);
    assert!(
        again
            .stderr
            .contains("actuals/2027-Q1.yaml already exists; add --force"),
        "{}",
        again.stderr
    );
    assert!(plan.read("actuals/2027-Q1.yaml").contains("revenue: 100\n"));
    let forced = plan.run(&[
        "import", "actuals", "two.csv", "--period", "2027-Q1", "--force",
    ]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let written = plan.read("actuals/2027-Q1.yaml");
    assert!(written.contains("revenue: 200\n"), "{written}");
    // No temp file is left behind.
    let names: Vec<_> = std::fs::read_dir(plan.path().join("actuals"))
        .expect("actuals")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["2027-Q1.yaml"]);
}

#[test]
fn the_period_is_a_month_or_quarter_of_the_plan_year_not_overlapping_another_file() {
    let plan = plan("").file("one.csv", "seller;revenue\nkari;100\n").file(
        "actuals/2027-02.yaml",
        "period: 2027-02\nsellers:\n  kari: {revenue: 5}\n",
    );
    for (period, says) in [
        ("2026-Q1", "outside the plan year 2027"),
        ("2027", "is not a month"),
        ("2027-13", "is not a month"),
        ("2027-Q1", "overlaps 2027-Q1"),
    ] {
        let run = plan.run(&["import", "actuals", "one.csv", "--period", period]);
        assert_eq!(run.code, 2, "{period}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{period}: {}", run.stderr);
    }
    assert!(!plan.path().join("actuals/2027-Q1.yaml").exists());
}

#[test]
fn a_header_without_the_seller_column_is_an_error() {
    let plan = plan(NORWEGIAN_COLUMNS).file("x.csv", "seller;revenue\nkari;100\n");
    let run = plan.run(&["import", "actuals", "x.csv", "--period", "2027-Q1"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("x.csv:1:1: the header has no seller column `Selger`"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_import_block_is_checked_by_the_schema() {
    let ok =
        plan("import:\n  seller: Selger\n  customer: Kunde\n  metrics: {revenue: Omsetning}\n");
    let (code, json) = ok.check_json();
    assert_eq!(code, 0, "{json:#}");
    let bad = plan("import:\n  seller: Selger\n  colums: {revenue: Omsetning}\n");
    let (code, json) = bad.check_json();
    assert_eq!(code, 1, "{json:#}");
    let errors: Vec<_> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"] == "salgsmal.yaml" && d["level"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["line"], 7, "{:#}", errors[0]);
}

/// The README's example: `examples/crm-eksport-2027-Q1.csv` into a copy of
/// the example plan with the README's `import:` block.
#[test]
fn the_readme_example_imports_the_example_export() {
    // The example plan's second quarter is this import, with the team's
    // notes added below it.
    let plan = Plan::example().without("actuals/2027-Q2.yaml");
    let csv =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/crm-eksport-2027-Q2.csv");
    let csv = csv.to_str().expect("path");
    let run = plan.run(&["import", "actuals", csv, "--period", "2027-Q2"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "skrev actuals/2027-Q2.yaml: 3 selgere fra 12 rader\n  \
         ingrid (2 rader): contribution kr 1 814 800, offers 17, offers_won 10, qualified_meetings 100, revenue kr 9 400 000\n  \
         kari (5 rader): contribution kr 464 300, offers 20, offers_won 14, qualified_meetings 100, revenue kr 2 050 000\n  \
         ola (5 rader): contribution kr 871 400, offers 32, offers_won 19, qualified_meetings 88, revenue kr 5 900 000\n  \
         11 kunder med omsetning og dekningsbidrag\n"
    );
    let written = plan.read("actuals/2027-Q2.yaml");
    let example = std::fs::read_to_string(common::example_dir().join("actuals/2027-Q2.yaml"))
        .expect("example");
    let (imported, notes) = example.split_once("notes: |\n").expect("notes");
    assert_eq!(written, imported);
    assert!(notes.contains("Delmål 2"), "{notes}");
    // Sunnhordland's credit note is netted out: 4 750 000 − 50 000.
    assert!(
        written.contains("  sunnhordland-mek: {revenue: 4700000, contribution: 545200}\n"),
        "{written}"
    );
    // Customers named by id (`osteroy-trevare`) or by name.
    assert!(written.contains("  osteroy-trevare: {revenue: 330000, contribution: 80850}\n"));
    assert_checks(&plan, "actuals/2027-Q2.yaml");
}

#[test]
fn a_ratio_is_read_from_one_row_and_within_one() {
    let plan = plan("").file(
        "r.csv",
        "seller;revenue;contribution_margin\n\
         kari;100;24 %\n\
         kari;100;0,25\n\
         ola;100;24\n\
         bjorn;100;0,19\n",
    );
    let run = plan.run(&["import", "actuals", "r.csv", "--period", "2027-Q1"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("r.csv:3:10: kari has a second row with contribution_margin"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("r.csv:4:9: `24` is above 1, and contribution_margin is a ratio"),
        "{}",
        run.stderr
    );
    let run = plan.run(&[
        "import",
        "actuals",
        "r.csv",
        "--period",
        "2027-Q1",
        "--skip-bad-rows",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let written = plan.read("actuals/2027-Q1.yaml");
    assert!(
        written.contains("  bjorn:\n    contribution_margin: 0.19\n    revenue: 100\n  kari:\n    contribution_margin: 0.24\n    revenue: 100\n"),
        "{written}"
    );
    assert_checks(&plan, "actuals/2027-Q1.yaml");
}

#[test]
fn rows_per_customer_add_up_per_customer_and_an_unknown_one_is_located() {
    let customers = "owner: kari\ncustomers:\n  - {id: fjordtre, name: Fjordtre AS, revenue: 1_000_000, margin: 0.2}\n  - {id: vikvent, name: Vik Ventilasjon, revenue: 100_000, margin: 0.25}\n";
    let plan = plan(&format!("{NORWEGIAN_COLUMNS}  customer: Kunde\n"))
        .file("customers/kari.yaml", customers)
        .file(
            "crm.csv",
            "Selger;Kunde;Omsetning;Dekningsbidrag;Tilbud\n\
             Kari Nordmann;Fjordtre AS;kr 100 000,-;20 000,-;2\n\
             Kari Nordmann;FJORDTRE;kr 50 000,-;10 000,-;1\n\
             Kari Nordmann;;kr 5 000,-;;\n\
             Kari Nordmann;Vik Ventilasjon;kr 30 000,-;;1\n\
             Ola Berg;Ukjent AS;kr 10,-;1,-;1\n",
        );
    let run = plan.run(&["import", "actuals", "crm.csv", "--period", "2027-Q1"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("error: crm.csv:6:10: no customer has the id or name `Ukjent AS`"),
        "{}",
        run.stderr
    );
    assert!(!plan.path().join("actuals/2027-Q1.yaml").exists());
    let run = plan.run(&[
        "import",
        "actuals",
        "crm.csv",
        "--period",
        "2027-Q1",
        "--skip-bad-rows",
    ]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("2 customers with revenue and contribution"),
        "{}",
        run.stdout
    );
    let written = plan.read("actuals/2027-Q1.yaml");
    // Fjordtre by name and by id (case-insensitive); a row without a
    // customer counts for the seller only; no contribution, none written.
    assert!(
        written.ends_with(
            "customers:\n  fjordtre: {revenue: 150000, contribution: 30000}\n  vikvent: {revenue: 30000}\n"
        ),
        "{written}"
    );
    assert!(written.contains("    revenue: 185000\n"), "{written}");
    assert_checks(&plan, "actuals/2027-Q1.yaml");
    // A customer column named in salgsmal.yaml must be there.
    let plan = plan.file("crm.csv", "Selger;Omsetning\nKari Nordmann;1\n");
    let run = plan.run(&["import", "actuals", "crm.csv", "--period", "2027-Q2"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("crm.csv:1:1: the header has no customer column `Kunde`"),
        "{}",
        run.stderr
    );
}

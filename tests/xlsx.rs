//! The spreadsheet bridge: `export FILE.xlsx` and `import plan FILE.xlsx`,
//! through the real binary. The round trip keeps every target exactly; a
//! workbook made by another writer (openpyxl, `tests/fixtures/xlsx/make.py`)
//! with Norwegian headers and number formats imports; every bad cell is
//! named; hostile workbooks are refused without a panic.

mod common;
use common::{Plan, run_in};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx")
        .join(name)
}

/// Every target of a plan folder, exactly: (file, list, metric, product,
/// per) → value; with the baselines, starting points and customers' values.
fn targets(root: &Path) -> BTreeMap<String, Decimal> {
    let loaded = salgsmal::load::load(root).expect("load");
    let plan = &loaded.plan;
    let mut out = BTreeMap::new();
    let mut put = |key: String, value: Decimal| {
        assert!(
            out.insert(key.clone(), value.normalize()).is_none(),
            "{key} twice"
        );
    };
    for s in &plan.sellers {
        for g in s.data.goals.iter().chain(&s.data.kpis) {
            let key = format!("seller {} {} {:?} {:?}", s.id, g.metric, g.product, g.per);
            for (q, v) in g.phasing.iter().flat_map(|p| &p.0) {
                put(format!("{key} Q{q}"), v.value);
            }
            put(key, g.target.expect("a target").value);
        }
        for (m, q) in &s.data.baseline {
            put(format!("seller {} baseline {m}", s.id), q.value);
        }
    }
    for t in &plan.teams {
        for g in &t.data.goals {
            let key = format!("team {} {} {:?} {:?}", t.id, g.metric, g.product, g.per);
            for (q, v) in g.phasing.iter().flat_map(|p| &p.0) {
                put(format!("{key} Q{q}"), v.value);
            }
            put(key, g.target.expect("a target").value);
        }
        for (m, q) in t.data.starting_point.iter().flat_map(|sp| &sp.values) {
            put(format!("team {} starting point {m}", t.id), q.value);
        }
    }
    for c in plan.customers() {
        let d = c.customer;
        let id = format!("customer {} {}", c.owner, d.id);
        put(format!("{id} revenue"), d.revenue.0);
        if let Some(m) = d.margin {
            put(format!("{id} margin"), m.0);
        }
        if let Some(s) = d.sales_cost {
            put(format!("{id} sales_cost"), s.0);
        }
        for (m, q) in &d.target {
            put(format!("{id} target {m}"), q.value);
        }
    }
    out
}

fn check_summary(dir: &Path) -> serde_json::Value {
    let run = run_in(dir, &["check", "--format", "json", "--locale", "en"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}{}", run.stdout, run.stderr));
    json
}

/// The parts of an .xlsx (a zip) by name.
fn part(file: &Path, name: &str) -> String {
    let bytes = std::fs::read(file).expect("read xlsx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("no {name}: {e}"))
        .read_to_string(&mut text)
        .expect("read part");
    text
}

#[test]
fn export_then_import_keeps_every_target_exactly() {
    // The example plan, with targets a float holds only just (15
    // significant digits) and one it cannot hold (18 digits: exported as
    // its exact decimal text).
    let plan = Plan::example();
    let kari = plan
        .read("sellers/kari.yaml")
        .replace("target: 10_000_000}", "target: 10_000_000.07}")
        .replace("target: 2_500_000", "target: 123_456_789_012.345678");
    let ola = plan
        .read("sellers/ola.yaml")
        .replace("target: 20_500_000", "target: 20_499_999.99");
    let team = plan
        .read("teams/salg-vest.yaml")
        .replace("target: 60_000_000,", "target: 59_999_999.9999999,");
    let plan = plan
        .file("sellers/kari.yaml", &kari)
        .file("sellers/ola.yaml", &ola)
        .file("teams/salg-vest.yaml", &team);
    let before = targets(plan.path());
    assert!(
        before
            .values()
            .any(|v| v.to_string() == "123456789012.345678")
    );

    let work = tempfile::tempdir().expect("temp dir");
    let book = work.path().join("plan.xlsx");
    let run = plan.run(&["export", book.to_str().expect("utf-8")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("3 selgere, 1 team"), "{}", run.stdout);

    let run = run_in(work.path(), &["import", "plan", "plan.xlsx", "--out", "ny"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("skrev en plan i ny: 3 selgere, 1 team, 12 kunder"),
        "{}",
        run.stdout
    );
    let after = targets(&work.path().join("ny"));
    assert_eq!(before, after);

    // The new plan is read back as the original is: the same settings, and
    // a check without errors.
    let config = std::fs::read_to_string(work.path().join("ny/salgsmal.yaml")).expect("config");
    assert!(
        config.contains(
            "company: Nordlys Industri AS\nperiod: 2027\ncurrency: NOK\nlocale: nb\nproducts:\n  - {id: y, name: Produktområde Y, new: true}\n  - {id: service, name: Service og vedlikehold}\n"
        ),
        "{config}"
    );
    let json = check_summary(&work.path().join("ny"));
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
}

#[test]
fn the_new_plan_has_the_layout_init_gives() {
    let work = tempfile::tempdir().expect("temp dir");
    let example = Plan::example();
    let book = work.path().join("plan.xlsx");
    assert_eq!(
        example.run(&["export", book.to_str().expect("utf-8")]).code,
        0
    );
    let run = run_in(work.path(), &["import", "plan", "plan.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Default --out: the workbook's name.
    let ny = work.path().join("plan");
    let init = work.path().join("init");
    assert_eq!(run_in(work.path(), &["init", "init", "--example"]).code, 0);
    let names = |root: &Path| -> Vec<String> {
        let mut out = Vec::new();
        for dir in ["", "teams", "sellers", "customers", "schemas"] {
            for e in std::fs::read_dir(root.join(dir)).expect("read dir") {
                let e = e.expect("entry");
                out.push(format!("{dir}/{}", e.file_name().to_string_lossy()));
            }
        }
        out.sort();
        out
    };
    assert_eq!(names(&ny), names(&init));
    // No staging folder left behind.
    assert!(
        !names(&ny).iter().any(|n| n.contains(".salgsmal-import")),
        "{:?}",
        names(&ny)
    );
}

#[test]
fn a_norwegian_workbook_with_number_formats_and_typed_numbers_imports() {
    let work = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        common::example_dir().join("../salgsplan.xlsx"),
        work.path().join("salgsplan.xlsx"),
    )
    .expect("copy");
    let run = run_in(work.path(), &["import", "plan", "salgsplan.xlsx"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "skrev en plan i salgsplan: 3 selgere, 1 team, 2 kunder\nneste: salgsmal check salgsplan\n"
    );
    assert_eq!(run.stderr, "");
    let got = targets(&work.path().join("salgsplan"));
    let want = [
        // Numbers stored as numbers with `# ##0 "kr"` and `0%`.
        ("seller kari revenue None None", "10000000"),
        ("seller kari contribution_margin None None", "0.25"),
        ("seller kari baseline revenue", "8000000"),
        // Typed as text: `kr 2 000 000,-`, `kr 20 500 000`, `19 %`, `18 800 000,-`.
        ("seller kari new_customer_revenue None None", "2000000"),
        ("seller ola revenue None None", "20500000"),
        ("seller ola contribution_margin None None", "0.19"),
        ("seller ola baseline revenue", "18800000"),
        // A decimal amount, a percent with a decimal, `1 200 000,50`.
        ("seller ingrid revenue None None", "31499999.5"),
        ("seller ingrid contribution_margin None None", "0.125"),
        ("seller ingrid new_customer_revenue None None", "1200000.5"),
        ("seller ingrid qualified_meetings None Some(Week)", "9"),
        ("team salg-vest revenue None None", "61999999.5"),
        ("team salg-vest contribution_margin None None", "0.16"),
        ("team salg-vest starting point revenue", "56800000"),
        ("customer kari fjordtre-as revenue", "1800000"),
        ("customer ola vestkraft-as revenue", "5900000"),
        ("customer ola vestkraft-as margin", "0.22"),
    ];
    for (key, value) in want {
        assert_eq!(
            got.get(key).map(ToString::to_string).as_deref(),
            Some(value),
            "{key} in {got:#?}"
        );
    }
    let kari =
        std::fs::read_to_string(work.path().join("salgsplan/sellers/kari.yaml")).expect("kari");
    assert!(
        kari.contains("name: Kari Nordmann\nemail: kari@nordlys.no\nteam: salg-vest\n"),
        "{kari}"
    );
    // The targets add up to the team goal: the real check passes.
    let json = check_summary(&work.path().join("salgsplan"));
    assert_eq!(json["summary"]["errors"], 0, "{json:#}");
    let check = run_in(&work.path().join("salgsplan"), &["check"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn every_bad_cell_is_named_and_nothing_is_written() {
    let work = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        fixture("salgsplan-feil.xlsx"),
        work.path().join("feil.xlsx"),
    )
    .expect("copy");
    let run = run_in(
        work.path(),
        &["import", "plan", "feil.xlsx", "--locale", "en"],
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "error: feil.xlsx: Selgere!G2: a formula whose value the workbook does not hold: open and save it in a spreadsheet program, or type the number\n\
         error: feil.xlsx: Selgere!I2: a date where a number belongs\n\
         error: feil.xlsx: Selgere!E3: `tjue millioner` is not a number\n\
         error: feil.xlsx: Selgere!F4: the cell holds the error #DIV/0!\n\
         nothing was written\n"
    );
    assert!(!work.path().join("feil").exists());
    // In Norwegian by default.
    let run = run_in(work.path(), &["import", "plan", "feil.xlsx"]);
    assert!(
        run.stderr
            .contains("feil: feil.xlsx: Selgere!E3: `tjue millioner` er ikke et tall"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_workbook_has_formats_a_frozen_header_a_filter_and_the_reports_numbers() {
    let plan = Plan::example();
    let work = tempfile::tempdir().expect("temp dir");
    let book = work.path().join("plan.xlsx");
    assert_eq!(plan.run(&["export", book.to_str().expect("utf-8")]).code, 0);

    let workbook = part(&book, "xl/workbook.xml");
    for name in [
        "Selgere",
        "Team",
        "Kunder",
        "Summering",
        "Evaluering",
        "Funn",
        "Produkter",
        "Om planen",
    ] {
        assert!(
            workbook.contains(&format!("name=\"{name}\"")),
            "{name}: {workbook}"
        );
    }
    let styles = part(&book, "xl/styles.xml");
    assert!(
        styles.contains("formatCode=\"#,##0 &quot;kr&quot;\""),
        "{styles}"
    );
    assert!(styles.contains("formatCode=\"0%\""), "{styles}");
    for sheet in 1..=7 {
        let xml = part(&book, &format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(
            xml.contains(
                "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            ),
            "sheet{sheet}: {xml}"
        );
        assert!(xml.contains("<autoFilter ref=\"A1:"), "sheet{sheet}");
    }

    // The roll-ups and the evaluation are the numbers the reports show.
    let run = plan.run(&["render", "--dump-context"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let context: serde_json::Value = serde_json::from_str(&run.stdout).expect("context");
    let goal = &context["teams"][0]["goals"][0];
    let sheets = read_book(&book);
    let rollups = &sheets["Summering"];
    assert_eq!(
        rollups[0][..4],
        ["Team", "Mål-id", "Måltall", "Teammål"].map(cell)
    );
    assert_eq!(rollups[1][3], num(&goal["target"]));
    assert_eq!(rollups[1][4], num(&goal["rollup"]));
    assert_eq!(rollups[1][5], num(&goal["gap"]));
    let evaluation = &sheets["Evaluering"];
    let e = &goal["evaluation"];
    let row = evaluation
        .iter()
        .find(|r| r[0] == cell("Team") && r[3] == cell("omsetning"))
        .expect("the team's revenue evaluated");
    assert_eq!(row[5], num(&e["annual"]));
    assert_eq!(row[6], num(&e["target_to_date"]));
    assert_eq!(row[7], num(&e["actual"]));
    assert_eq!(row[8], num(&e["attainment"]));
    assert_eq!(row[9], num(&e["forecast"]));
    // One row a finding, as check finds them.
    let json = check_summary(plan.path());
    let findings = json["diagnostics"].as_array().expect("diagnostics").len();
    assert_eq!(sheets["Funn"].len(), findings + 1);

    // In English: the sheet names, the headers and the currency first.
    let en = work.path().join("en.xlsx");
    let run = plan.run(&["export", en.to_str().expect("utf-8"), "--locale", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(part(&en, "xl/styles.xml").contains("formatCode=\"&quot;NOK&quot; #,##0\""));
    let sheets = read_book(&en);
    // The plan's own locale, whatever the workbook's language.
    assert!(
        sheets["About"].contains(&vec![cell("Locale"), cell("nb")]),
        "{:?}",
        sheets["About"]
    );
    assert_eq!(
        sheets["Sellers"][0][..4],
        ["Seller", "Name", "Email", "Team"].map(cell)
    );
}

/// A cell as the tests compare it.
#[derive(Debug, PartialEq)]
enum C {
    Text(String),
    Num(f64),
    Empty,
}

fn cell(t: &str) -> C {
    C::Text(t.to_string())
}

fn num(v: &serde_json::Value) -> C {
    C::Num(v.as_f64().unwrap_or_else(|| panic!("not a number: {v}")))
}

/// Every sheet's rows, read with calamine.
fn read_book(file: &Path) -> BTreeMap<String, Vec<Vec<C>>> {
    use calamine::{Data, Reader as _};
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(file).expect("open");
    let mut out = BTreeMap::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("sheet");
        let rows = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::String(s) => C::Text(s.clone()),
                        Data::Float(f) => C::Num(*f),
                        #[allow(clippy::cast_precision_loss)]
                        Data::Int(i) => C::Num(*i as f64),
                        _ => C::Empty,
                    })
                    .collect()
            })
            .collect();
        out.insert(name, rows);
    }
    out
}

#[test]
fn a_workbook_of_a_what_if_says_so_and_the_plan_stays() {
    let plan = Plan::new();
    let before = plan.read("sellers/kari.yaml");
    let work = tempfile::tempdir().expect("temp dir");
    let book = work.path().join("scenario.xlsx");
    let run = plan.run(&[
        "export",
        book.to_str().expect("utf-8"),
        "--locale",
        "en",
        "--set",
        "sellers/kari.yaml:goals.omsetning.target=12_000_000",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("What if (--set)"), "{}", run.stdout);
    let sheets = read_book(&book);
    assert_eq!(sheets["Sellers"][1][4], C::Num(12_000_000.0));
    let about = &sheets["About"];
    let scenario = about
        .iter()
        .position(|r| r[0] == cell("Scenario (changed in memory, not in the plan's files)"))
        .unwrap_or_else(|| panic!("{about:?}"));
    assert_eq!(about[scenario][1], cell("--set"));
    assert_eq!(
        about[scenario + 1],
        vec![
            cell("sellers/kari.yaml: goals.omsetning.target"),
            cell("10_000_000 → 12_000_000")
        ]
    );
    assert_eq!(plan.read("sellers/kari.yaml"), before);
}

#[test]
fn a_folder_that_holds_plan_files_is_refused_and_left_as_it_was() {
    let work = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        common::example_dir().join("../salgsplan.xlsx"),
        work.path().join("s.xlsx"),
    )
    .expect("copy");
    // A plan already there.
    std::fs::create_dir_all(work.path().join("plan/sellers")).expect("mkdir");
    std::fs::write(work.path().join("plan/sellers/kari.yaml"), "old").expect("write");
    let run = run_in(
        work.path(),
        &[
            "import", "plan", "s.xlsx", "--out", "plan", "--locale", "en",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("plan already holds sellers; import plan writes nothing over existing files"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(work.path().join("plan/sellers/kari.yaml")).expect("kari"),
        "old"
    );
    assert!(!work.path().join("plan/salgsmal.yaml").exists());
    // A link planted where a folder goes is never followed.
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().expect("outside");
        std::fs::create_dir_all(work.path().join("linked")).expect("mkdir");
        std::os::unix::fs::symlink(outside.path(), work.path().join("linked/teams")).expect("link");
        let run = run_in(
            work.path(),
            &["import", "plan", "s.xlsx", "--out", "linked"],
        );
        assert_eq!(run.code, 2, "{}", run.stdout);
        assert_eq!(std::fs::read_dir(outside.path()).expect("read").count(), 0);
    }
    // A folder with other things (a fresh git repository) is fine; an
    // existing .gitignore is kept.
    std::fs::create_dir_all(work.path().join("repo/.git")).expect("mkdir");
    std::fs::write(work.path().join("repo/.gitignore"), "target/\n").expect("write");
    let run = run_in(work.path(), &["import", "plan", "s.xlsx", "--out", "repo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(work.path().join("repo/.gitignore")).expect("read"),
        "target/\n"
    );
    assert!(work.path().join("repo/teams/salg-vest.yaml").is_file());
}

#[test]
fn a_workbook_without_a_team_sheet_says_what_is_missing() {
    let work = tempfile::tempdir().expect("temp dir");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Sellers").expect("name");
    for (c, h) in ["Seller", "Name", "Team", "Revenue"].iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(c).expect("col"), *h)
            .expect("header");
    }
    sheet.write_string(1, 0, "kari").expect("cell");
    sheet.write_string(1, 1, "Kari Nordmann").expect("cell");
    sheet.write_string(1, 2, "Sales West").expect("cell");
    sheet.write_number(1, 3, 10_000_000).expect("cell");
    sheet.write_string(1, 4, "blue").expect("cell");
    book.save(work.path().join("sellers.xlsx")).expect("save");

    // Without a plan year, nothing.
    let run = run_in(
        work.path(),
        &["import", "plan", "sellers.xlsx", "--locale", "en"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error: sellers.xlsx: the workbook names no plan year: add --period 2027"),
        "{}",
        run.stderr
    );

    let run = run_in(
        work.path(),
        &[
            "import",
            "plan",
            "sellers.xlsx",
            "--locale",
            "en",
            "--period",
            "2027",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "note: sellers.xlsx: no sheet Team/Teams: the teams have no goals, and check will say so; add them to teams/\n\
         note: sellers.xlsx: team `sales-west` has no goals: add them to teams/sales-west.yaml (the allocation rule compares the sellers' targets with them)\n"
    );
    let team =
        std::fs::read_to_string(work.path().join("sellers/teams/sales-west.yaml")).expect("team");
    assert!(team.contains("name: Sales West\n"), "{team}");
    // check names it too: a seller goal without a team goal.
    let json = check_summary(&work.path().join("sellers"));
    let alignment: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "alignment")
        .collect();
    assert_eq!(alignment.len(), 1, "{json:#}");
    assert_eq!(alignment[0]["file"], "sellers/kari.yaml");
}

/// A workbook of one sheet `Selgere` with a header and one row of cells
/// written by `fill`.
fn one_sheet(path: &Path, fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Selgere").expect("name");
    fill(sheet);
    book.save(path).expect("save");
}

#[test]
fn hostile_workbooks_are_refused_without_a_panic() {
    let work = tempfile::tempdir().expect("temp dir");
    let dir = work.path();
    let import = |file: &str| {
        run_in(
            dir,
            &["import", "plan", file, "--locale", "en", "--period", "2027"],
        )
    };

    // Not a workbook at all, and half of one.
    std::fs::write(dir.join("text.xlsx"), "Selger;Omsetning\nkari;10\n").expect("write");
    let run = import("text.xlsx");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: text.xlsx: not an .xlsx workbook ("),
        "{}",
        run.stderr
    );
    let good = std::fs::read(common::example_dir().join("../salgsplan.xlsx")).expect("read");
    std::fs::write(dir.join("half.xlsx"), &good[..good.len() / 2]).expect("write");
    let run = import("half.xlsx");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: half.xlsx: not an .xlsx workbook ("),
        "{}",
        run.stderr
    );

    // An empty workbook; a sheet without a header row worth the name.
    one_sheet(&dir.join("empty.xlsx"), |_| {});
    let run = import("empty.xlsx");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: empty.xlsx: the workbook has no cells\nnothing was written\n"
    );
    one_sheet(&dir.join("noheader.xlsx"), |s| {
        s.write_string(0, 0, "Hei").expect("cell");
    });
    let run = import("noheader.xlsx");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error: noheader.xlsx: Selgere!A1: the header has no seller column"),
        "{}",
        run.stderr
    );

    // Numbers no plan holds, a ratio above 1, a date and a bool.
    one_sheet(&dir.join("numbers.xlsx"), |s| {
        for (c, h) in [
            "Selger",
            "Omsetning",
            "Dekningsgrad",
            "Omsetning nye kunder",
            "Pipeline",
        ]
        .iter()
        .enumerate()
        {
            s.write_string(0, u16::try_from(c).expect("col"), *h)
                .expect("header");
        }
        s.write_string(1, 0, "kari").expect("cell");
        s.write_number(1, 1, 1e300).expect("cell");
        s.write_number(1, 2, 25).expect("cell");
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2027, 1, 1).expect("date");
        let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
        s.write_datetime_with_format(1, 3, &date, &format)
            .expect("cell");
        s.write_boolean(1, 4, true).expect("cell");
    });
    let run = import("numbers.xlsx");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("Selgere!B2: 1000000000000000"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("is too large: plan values lie within ±10^15"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Selgere!C2: `25` is above 1, and contribution_margin is a ratio"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("Selgere!D2: a date where a number belongs"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Selgere!E2: `true` is not a number"),
        "{}",
        run.stderr
    );

    // Bigger than --max-file-bytes: not read.
    let run = run_in(
        dir,
        &[
            "--max-file-bytes",
            "1000",
            "import",
            "plan",
            "half.xlsx",
            "--locale",
            "en",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("half.xlsx is larger than 1,000 bytes"),
        "{}",
        run.stderr
    );

    // A zip bomb: a small file whose sheet unpacks to 80 MiB.
    {
        use std::io::Write as _;
        let file = std::fs::File::create(dir.join("bomb.xlsx")).expect("create");
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("xl/worksheets/sheet1.xml", options)
            .expect("start");
        let block = vec![b' '; 1024 * 1024];
        for _ in 0..80 {
            zip.write_all(&block).expect("write");
        }
        zip.finish().expect("finish");
    }
    assert!(
        std::fs::metadata(dir.join("bomb.xlsx"))
            .expect("meta")
            .len()
            < 1_000_000
    );
    let run = import("bomb.xlsx");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: bomb.xlsx: the workbook unpacks to 83886080 bytes, more than 67108864"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"));

    // A zip bomb that lies: its sheet says it unpacks to 1 000 bytes and
    // holds 80 MiB. The reader stops at the declared size.
    {
        use std::io::Write as _;
        let mut bytes = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut bytes);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            // Every part of a real workbook but its first sheet.
            let good =
                std::fs::read(common::example_dir().join("../salgsplan.xlsx")).expect("read");
            let mut real = zip::ZipArchive::new(std::io::Cursor::new(good)).expect("a zip");
            for i in 0..real.len() {
                let part = real.by_index_raw(i).expect("part");
                if part.name().expect("a name") != "xl/worksheets/sheet1.xml" {
                    zip.raw_copy_file(part).expect("copy");
                }
            }
            zip.start_file("xl/worksheets/sheet1.xml", options)
                .expect("start");
            zip.write_all(
                b"<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>",
            )
            .expect("write");
            let block = vec![b'A'; 1024 * 1024];
            for _ in 0..80 {
                zip.write_all(&block).expect("write");
            }
            zip.write_all(b"</t></is></c></row></sheetData></worksheet>")
                .expect("write");
            zip.finish().expect("finish");
        }
        let mut bytes = bytes.into_inner();
        let name = b"xl/worksheets/sheet1.xml";
        let mut patched = 0;
        for i in 0..bytes.len().saturating_sub(name.len()) {
            if &bytes[i..i + name.len()] != name {
                continue;
            }
            // The uncompressed size: 22 bytes into a local header (30
            // before its name), 24 into a central one (46 before it).
            let at = if i >= 30 && bytes[i - 30..i - 26] == *b"PK\x03\x04" {
                i - 30 + 22
            } else if i >= 46 && bytes[i - 46..i - 42] == *b"PK\x01\x02" {
                i - 46 + 24
            } else {
                continue;
            };
            bytes[at..at + 4].copy_from_slice(&1000u32.to_le_bytes());
            patched += 1;
        }
        assert_eq!(patched, 2, "both headers name the sheet");
        std::fs::write(dir.join("liar.xlsx"), bytes).expect("write");
    }
    let run = import("liar.xlsx");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("larger than its declared uncompressed size"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn headers_of_the_workbooks_own_are_mapped_with_column() {
    let work = tempfile::tempdir().expect("temp dir");
    let dir = work.path();
    one_sheet(&dir.join("egen.xlsx"), |s| {
        for (col, header) in ["Selger", "Selgernavn", "Team", "Budsjett 2027"]
            .iter()
            .enumerate()
        {
            s.write_string(0, u16::try_from(col).expect("col"), *header)
                .expect("cell");
        }
        s.write_string(1, 0, "kari").expect("cell");
        s.write_string(1, 1, "Kari Nordmann").expect("cell");
        s.write_string(1, 2, "salg-vest").expect("cell");
        s.write_string(1, 3, "kr 12 345 678,50").expect("cell");
    });
    let args = |extra: &[&'static str]| {
        let mut all = vec![
            "import",
            "plan",
            "egen.xlsx",
            "--locale",
            "en",
            "--period",
            "2027",
        ];
        all.extend_from_slice(extra);
        all
    };
    // Without a mapping the sheet has no target column known.
    let run = run_in(dir, &args(&["--out", "uten"]));
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("the header has no target column"),
        "{}",
        run.stderr
    );
    let run = run_in(
        dir,
        &args(&[
            "--out",
            "med",
            "--column",
            "budsjett 2027=Omsetning",
            "--column",
            "Selgernavn=Navn",
        ]),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let kari = std::fs::read_to_string(dir.join("med/sellers/kari.yaml")).expect("kari");
    assert!(kari.contains("name: Kari Nordmann"), "{kari}");
    assert!(kari.contains("target: 12_345_678.5"), "{kari}");
    let run = run_in(dir, &args(&["--out", "feil", "--column", "Budsjett"]));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--column takes"), "{}", run.stderr);
    assert!(!dir.join("feil").exists());
}

/// Found by fuzzing: a sheet whose cell reference overflows calamine's
/// row arithmetic made it panic (in a build with overflow checks, as the
/// tests are). It is a damaged workbook, said so, and nothing is written.
#[test]
fn a_cell_reference_that_overflows_is_a_damaged_workbook() {
    let work = tempfile::tempdir().expect("temp dir");
    let run = run_in(
        work.path(),
        &[
            "import",
            "plan",
            fixture("fuzz-row-overflow.xlsx").to_str().expect("utf-8"),
            "--out",
            "plan",
            "--locale",
            "en",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("not an .xlsx workbook (the reader stopped at a damaged part)"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!work.path().join("plan").exists());
}

#[test]
fn a_second_goal_of_the_same_metric_is_named_not_lost_silently() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        &format!(
            "{}  - {{id: ekstra, metric: revenue, target: 500_000}}\n",
            common::SELLER
        ),
    );
    let work = tempfile::tempdir().expect("temp dir");
    let book = work.path().join("plan.xlsx");
    let run = plan.run(&["export", book.to_str().expect("utf-8"), "--locale", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "note: sellers/kari.yaml: `ekstra` has the metric of `omsetning` (and its product and per); the workbook has a column a metric and holds only `omsetning`\n"
    );
    let sheets = read_book(&book);
    assert_eq!(sheets["Sellers"][1][4], C::Num(10_000_000.0));
}

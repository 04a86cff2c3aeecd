//! A plan is untrusted input: a pull request from anyone. Links out of the
//! plan are findings naming the link and are never followed; only regular
//! files are read; the size limit is on the bytes read and set by whoever
//! runs the tool (a plan can only lower it). Nothing outside the plan
//! appears in any output.
#![cfg(unix)]

mod common;
use common::{Plan, run_in_env};
use std::os::unix::fs::symlink;
use std::process::Command;

const SECRET: &str = "hunter2-not-for-your-eyes";

/// A file outside the plan whose content must never be printed.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("secret.yaml"),
        format!("name: {SECRET}\nteam: salg-vest\n"),
    )
    .expect("secret");
    std::fs::create_dir(dir.path().join("sellers")).expect("mkdir");
    std::fs::write(
        dir.path().join("sellers/kari.yaml"),
        format!("name: {SECRET}\nteam: salg-vest\n"),
    )
    .expect("secret");
    std::fs::write(dir.path().join("team.md"), format!("{SECRET}\n")).expect("template");
    dir
}

/// Every output format of `check`, with the secret in the environment too.
fn all_output(plan: &Plan) -> (String, Vec<serde_json::Value>) {
    let mut text = String::new();
    for format in ["human", "json", "github", "sarif", "junit"] {
        let run = run_in_env(
            plan.path(),
            &["check", "--format", format],
            &[("CI_TOKEN", SECRET)],
        );
        text.push_str(&run.stdout);
        text.push_str(&run.stderr);
    }
    let (_, json) = plan.check_json();
    let diags = json["diagnostics"].as_array().cloned().unwrap_or_default();
    (text, diags)
}

fn finding<'a>(diags: &'a [serde_json::Value], file: &str) -> &'a serde_json::Value {
    diags
        .iter()
        .find(|d| d["file"] == file && d["rule"] == "yaml-syntax")
        .unwrap_or_else(|| panic!("no finding at {file}: {diags:#?}"))
}

#[test]
fn links_out_of_the_plan_are_findings_and_never_followed() {
    let out = outside();
    let plan = Plan::new();
    symlink(
        out.path().join("secret.yaml"),
        plan.path().join("sellers/x.yaml"),
    )
    .expect("link");
    symlink("/etc/passwd", plan.path().join("sellers/passwd.yaml")).expect("link");
    std::fs::create_dir_all(plan.path().join("customers")).expect("mkdir");
    symlink("/proc/self/environ", plan.path().join("customers/env.csv")).expect("link");
    let (text, diags) = all_output(&plan);
    assert!(!text.contains(SECRET), "{text}");
    assert!(!text.contains("root:x:"), "{text}");
    let d = finding(&diags, "sellers/x.yaml");
    assert_eq!(d["level"], "error");
    assert!(
        d["message"]
            .as_str()
            .expect("message")
            .contains("is a link to a place outside the plan's folder"),
        "{d}"
    );
    finding(&diags, "sellers/passwd.yaml");
    finding(&diags, "customers/env.csv");
}

#[test]
fn a_folder_or_salgsmal_yaml_linked_out_of_the_plan_is_not_followed() {
    let out = outside();
    let plan = Plan::new();
    std::fs::remove_dir_all(plan.path().join("sellers")).expect("rm");
    symlink(out.path().join("sellers"), plan.path().join("sellers")).expect("link");
    let (text, diags) = all_output(&plan);
    assert!(!text.contains(SECRET), "{text}");
    let d = finding(&diags, "sellers");
    assert!(
        d["message"]
            .as_str()
            .expect("message")
            .contains("the folder sellers is a link"),
        "{d}"
    );

    let plan = Plan::new();
    std::fs::remove_file(plan.path().join("salgsmal.yaml")).expect("rm");
    std::fs::write(
        out.path().join("salgsmal.yaml"),
        format!("version: 1\ncompany: {SECRET}\nperiod: 2027\n"),
    )
    .expect("config");
    symlink(
        out.path().join("salgsmal.yaml"),
        plan.path().join("salgsmal.yaml"),
    )
    .expect("link");
    let (text, diags) = all_output(&plan);
    assert!(!text.contains(SECRET), "{text}");
    finding(&diags, "salgsmal.yaml");
    let render = plan.run(&["render", "--dump-context"]);
    assert!(!render.stdout.contains(SECRET));
}

#[test]
fn only_regular_files_are_read_and_nothing_hangs() {
    let plan = Plan::new();
    let sellers = plan.path().join("sellers");
    // A pipe would block a reader for ever.
    let ok = Command::new("mkfifo")
        .arg(sellers.join("pipe.yaml"))
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok);
    std::fs::create_dir(sellers.join("folder.yaml")).expect("mkdir");
    symlink(
        sellers.join("nowhere.yaml.missing"),
        sellers.join("dangling.yaml"),
    )
    .expect("link");
    symlink(sellers.join("loop.yaml"), sellers.join("loop.yaml")).expect("link");
    // A link that stays inside the plan is read.
    std::fs::write(
        plan.path().join("ola.txt"),
        "name: Ola Berg\nteam: salg-vest\n",
    )
    .expect("ola");
    symlink(plan.path().join("ola.txt"), sellers.join("ola.yaml")).expect("link");
    let (_, diags) = all_output(&plan);
    for (file, says) in [
        ("sellers/pipe.yaml", "is not a regular file"),
        ("sellers/folder.yaml", "is not a regular file"),
        ("sellers/dangling.yaml", "is a link that leads nowhere"),
        ("sellers/loop.yaml", "is a link that leads nowhere"),
    ] {
        let d = finding(&diags, file);
        assert!(
            d["message"].as_str().expect("message").contains(says),
            "{d}"
        );
    }
    let (_, json) = plan.check_json();
    assert!(
        !json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["file"] == "sellers/ola.yaml" && d["rule"] == "yaml-syntax"),
        "the link inside the plan is read"
    );
    let context = plan.run(&["render", "--dump-context"]).stdout;
    assert!(context.contains("Ola Berg"));
}

#[test]
fn the_user_sets_the_size_limit_and_a_plan_can_only_lower_it() {
    let big = format!("name: Ola\nteam: salg-vest\n# {}\n", "x".repeat(400));
    let plan = Plan::new()
        .file(
            "salgsmal.yaml",
            "version: 1\ncompany: Testfirma AS\nperiod: 2027\nlimits: {max_file_bytes: 1000000000}\n",
        )
        .file("sellers/ola.yaml", &big);
    let run = run_in_env(
        plan.path(),
        &["check", "--format", "json", "--locale", "en"],
        &[("SALGSMAL_MAX_FILE_BYTES", "300")],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let too_large: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"] == "sellers/ola.yaml" && d["rule"] == "yaml-syntax")
        .collect();
    assert_eq!(
        too_large.len(),
        1,
        "the plan's 1 GB does not raise the user's 300 bytes"
    );
    assert!(
        too_large[0]["message"]
            .as_str()
            .expect("message")
            .contains("more than 300 bytes"),
        "{}",
        too_large[0]
    );
    // The same limit as a flag.
    let run = plan.run(&["--max-file-bytes", "300", "check", "--locale", "en"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("more than 300 bytes"), "{}", run.stdout);
    // A plan lowers it: 100 bytes under the user's 300.
    let lowered = Plan::new()
        .file(
            "salgsmal.yaml",
            "version: 1\ncompany: Testfirma AS\nperiod: 2027\nlimits: {max_file_bytes: 100}\n",
        )
        .file("sellers/ola.yaml", &big);
    let run = lowered.run(&["--max-file-bytes", "300", "check", "--locale", "en"]);
    assert!(run.stdout.contains("more than 100 bytes"), "{}", run.stdout);
    // A limit that is not a number is a bad argument.
    let run = plan.run(&["--max-file-bytes", "lots", "check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // Without the user's limit, the default (16 MiB) applies.
    let (_, json) = plan.check_json();
    assert!(
        !json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["file"] == "sellers/ola.yaml" && d["rule"] == "yaml-syntax")
    );
}

#[test]
fn a_templates_folder_linked_out_of_the_plan_is_not_used() {
    let out = outside();
    let plan = Plan::example();
    symlink(out.path(), plan.path().join("templates")).expect("link");
    let run = plan.run(&[
        "render", "--report", "team", "--format", "md", "--out", "out",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let team = std::fs::read_to_string(plan.path().join("out/team-salg-vest.md")).expect("team");
    assert!(
        !team.contains(SECRET),
        "the built-in template, not the linked one"
    );
    assert!(team.contains("Salg Vest"));
}

/// Writes cannot be redirected: a committed `build` link is refused, a
/// planted link where a report goes is replaced (not written through), no
/// temp file is left behind, and a seller's reports go when the seller does
/// — only the reports salgsmal wrote, never other files.
#[test]
fn writes_stay_in_the_output_folder() {
    let out = outside();
    let victim = out.path().join("victim.txt");
    std::fs::write(&victim, "untouched\n").expect("victim");

    let plan = Plan::example();
    symlink(out.path(), plan.path().join("build")).expect("link");
    let run = plan.run(&["render", "--report", "team", "--format", "md"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("is a link"), "{}", run.stderr);
    assert!(!out.path().join("team-salg-vest.md").exists());

    let plan = Plan::example();
    let build = plan.path().join("build");
    std::fs::create_dir(&build).expect("mkdir");
    symlink(&victim, build.join("team-salg-vest.md")).expect("link");
    std::fs::write(build.join("notes.txt"), "mine\n").expect("notes");
    let run = plan.run(&["render", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&victim).expect("victim"),
        "untouched\n"
    );
    assert!(
        std::fs::symlink_metadata(build.join("team-salg-vest.md"))
            .expect("report")
            .is_file()
    );
    let names = |dir: &std::path::Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert!(
        names(&build).iter().all(|n| !n.ends_with(".tmp")),
        "{:?}",
        names(&build)
    );
    // Ingrid leaves the team: her report goes, the HTML ones of the others
    // and the user's own file stay.
    let run = plan.run(&["render", "--format", "html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::remove_file(plan.path().join("sellers/ingrid.yaml")).expect("rm");
    let run = plan.run(&["render", "--report", "team", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("removed build/seller-ingrid.md"),
        "{}",
        run.stdout
    );
    let after = names(&build);
    assert!(
        !after.contains(&"seller-ingrid.md".to_string()),
        "{after:?}"
    );
    assert!(
        !after.contains(&"seller-ingrid.html".to_string()),
        "{after:?}"
    );
    for kept in [
        "notes.txt",
        "seller-kari.md",
        "seller-kari.html",
        "review-salg-vest.md",
    ] {
        assert!(after.contains(&kept.to_string()), "{kept} in {after:?}");
    }
}

/// Thousands of unknown keys: the first hundred get a finding each, the
/// rest are counted in one (the check stays linear; speed is measured by
/// the benchmark, not here).
#[test]
fn many_unknown_keys_are_counted_not_listed() {
    let mut text = String::from("name: Kari Nordmann\nteam: salg-vest\n");
    for i in 0..30_000 {
        text.push_str(&format!("ukjent_{i}: {i}\n"));
    }
    let plan = Plan::new().file("sellers/kari.yaml", &text);
    let d = plan.diagnostics("schema");
    assert_eq!(d.len(), 101, "{}", d.len());
    let one_by_one: Vec<&serde_json::Value> = d
        .iter()
        .filter(|d| d["message_id"] == "schema-unknown-key")
        .collect();
    assert_eq!(one_by_one.len(), 100);
    assert_eq!(one_by_one[0]["line"], 3);
    assert_eq!(one_by_one[99]["line"], 102);
    let last = d
        .iter()
        .find(|d| d["message_id"] == "schema-unknown-keys-more")
        .expect("the count");
    assert!(
        last["message"]
            .as_str()
            .expect("message")
            .contains("29,900 more unknown keys in Seller (ukjent_100, ukjent_101"),
        "{last}"
    );
}

/// `init` never writes through a link, not even one that leads nowhere.
#[test]
fn init_does_not_write_through_a_dangling_link() {
    let out = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("planted.yaml");
    symlink(&target, dir.path().join("salgsmal.yaml")).expect("link");
    let run = common::run_in(dir.path(), &["init", "."]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("salgsmal.yaml"), "{}", run.stderr);
    assert!(!target.exists(), "nothing written outside");
}

/// A CSV header of many unknown columns: linear, the first hundred named,
/// the rest counted.
#[test]
fn many_unknown_columns_are_counted_not_listed() {
    let n = 30_000;
    let header: Vec<String> = (0..n).map(|i| format!("kolonne{i}")).collect();
    let row: Vec<&str> = (0..n).map(|_| "1").collect();
    let text = format!(
        "id,name,revenue,margin,{}\nx,X AS,100000,0.2,{}\n",
        header.join(","),
        row.join(",")
    );
    let plan = Plan::new()
        .file("sellers/ola.yaml", "name: Ola Berg\nteam: salg-vest\n")
        .file("customers/ola.csv", &text);
    let d: Vec<serde_json::Value> = plan
        .diagnostics("schema")
        .into_iter()
        .filter(|d| d["file"] == "customers/ola.csv")
        .collect();
    assert_eq!(d.len(), 101, "{}", d.len());
    let count = d
        .iter()
        .find(|d| d["message_id"] == "csv-unknown-columns-more")
        .expect("the count");
    assert!(
        count["message"]
            .as_str()
            .expect("message")
            .contains("29,900 more unknown columns (kolonne100, kolonne101"),
        "{count}"
    );
}

/// A manifest committed with the plan cannot make `render` remove files
/// that are not reports.
#[test]
fn a_planted_manifest_removes_no_other_file() {
    let plan = Plan::example();
    let build = plan.path().join("build");
    std::fs::create_dir(&build).expect("mkdir");
    std::fs::write(build.join("notater.md"), "mine\n").expect("notes");
    std::fs::write(
        build.join(".salgsmal-reports"),
        "notater.md\nseller-per.md\n",
    )
    .expect("manifest");
    std::fs::write(build.join("seller-per.md"), "old\n").expect("old report");
    let run = plan.run(&["render", "--report", "team", "--format", "md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(build.join("notater.md").is_file(), "not a report: kept");
    assert!(
        !build.join("seller-per.md").exists(),
        "a report of no seller: removed"
    );
}

/// `render` of a plan whose `templates/team.md` is `template`: the run,
/// and whether the output folder got any report.
fn render_hostile(template: &str) -> (common::Run, bool) {
    let plan = Plan::new().file("templates/team.md", template);
    let run = plan.run(&[
        "render", "--format", "md", "--report", "team", "--out", "out",
    ]);
    let wrote = plan.path().join("out/team-salg-vest.md").exists();
    (run, wrote)
}

#[test]
fn a_template_that_doubles_a_string_is_stopped_by_the_memory_budget() {
    // 2^40 characters if nothing stopped it: the memory budget (1 GiB of
    // growth while reports render) does, naming the template.
    for template in [
        "{% set s = namespace(t='x') %}{% for i in range(40) %}{% set s.t = s.t ~ s.t %}{% endfor %}{{ s.t|length }}\n",
        "{% macro d(s, n) %}{% if n > 0 %}{{ d(s ~ s, n - 1) }}{% else %}{{ s|length }}{% endif %}{% endmacro %}{{ d('x', 40) }}\n",
    ] {
        let (run, wrote) = render_hostile(template);
        assert_eq!(run.code, 1, "{template}: {}", run.stderr);
        assert!(
            run.stderr.contains("error[template]: templates/team.md")
                && run.stderr.contains("1024 MB"),
            "{}",
            run.stderr
        );
        assert!(!wrote, "a report was written");
    }
}

#[test]
fn a_template_cannot_write_more_than_the_output_budget() {
    // Each value written is counted where it is written: the error names
    // the line.
    let (run, wrote) =
        render_hostile("Team\n{% for i in range(100) %}{{ 'x' * 10000000 }}{% endfor %}\n");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("templates/team.md:2:") && run.stderr.contains("64 MB"),
        "{}",
        run.stderr
    );
    assert!(!wrote);
    // Text between tags is counted by the writer.
    let raw = format!(
        "{{% for i in range(100000) %}}{}{{% endfor %}}\n",
        "y".repeat(1000)
    );
    let (run, wrote) = render_hostile(&raw);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("64 MB"), "{}", run.stderr);
    assert!(!wrote);
}

#[test]
fn huge_widths_are_refused_before_they_are_allocated() {
    for (template, what) in [
        ("a\n{{ 'xy'|indent(1000000000000) }}\n", "indentation"),
        ("a\n{{ 'xy'|indent(width=99999999999) }}\n", "indentation"),
        ("a\n{{ '%1000000000000d'|format(1) }}\n", "printf width"),
        ("a\n{{ '%.99999999999f'|format(1.5) }}\n", "printf width"),
        ("a\n{{ '%(x)99999999999s'|format(x=1) }}\n", "printf width"),
        ("a\n{{ '%*d'|format(999999999999, 1) }}\n", "`*`"),
    ] {
        let (run, wrote) = render_hostile(template);
        assert_eq!(run.code, 1, "{template}: {}", run.stderr);
        assert!(
            run.stderr.contains("templates/team.md:2:") && run.stderr.contains(what),
            "{template}: {}",
            run.stderr
        );
        assert!(!wrote);
    }
    // Ordinary widths still work.
    let (run, wrote) = render_hostile("{{ 'a\nb'|indent(2) }}|{{ '%5d'|format(42) }}\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(wrote);
}

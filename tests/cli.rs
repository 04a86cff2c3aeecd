//! The command line: exit codes, output formats, `init`, `schema`,
//! `explain`, `completions`, `man`, `--version`, `-C` and finding the plan
//! root.

mod common;
use common::{Plan, assert_snapshot, mistaken_example, rule_lines, run_in, run_in_env};

#[test]
fn human_output_is_compiler_style() {
    let plan = Plan::new().file(
        "sellers/kari.yaml",
        "name: Kari\nteam: salg-vets\ngoals:\n  - {id: db, metric: contribution_margin, target: 25}\n",
    );
    let run = plan.run(&["check"]);
    assert_eq!(run.code, 1);
    assert_snapshot("check_human.txt", &run.stdout);
}

#[test]
fn human_output_of_the_mistaken_example() {
    // The plan's locale (nb), and English with `--locale en`.
    let run = mistaken_example().run(&["check"]);
    assert_eq!(run.code, 1);
    assert_snapshot("check_example_mistake.txt", &run.stdout);
    let run = mistaken_example().run(&["check", "--locale", "en"]);
    assert_eq!(run.code, 1);
    assert_snapshot("check_example_mistake.en.txt", &run.stdout);
}

#[test]
fn json_carries_the_message_id_and_its_arguments() {
    let run = mistaken_example().run(&["check", "--format", "json", "--locale", "nb"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let d = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "allocation")
        .expect("allocation");
    assert_eq!(d["message_id"], "allocation-below");
    assert_eq!(
        d["message"],
        "summen av de individuelle målene for omsetning kr 52 000 000 er kr 8 000 000 under lagmålet kr 60 000 000 (Ingrid Haugland 31 500 000 + Ola Berg 20 500 000)"
    );
    // Numbers as plain JSON numbers; phrases as their text in the locale.
    assert_eq!(d["args"]["value"], 52_000_000.0);
    assert_eq!(d["args"]["gap"], 8_000_000.0);
    assert_eq!(
        d["args"]["what"],
        "summen av de individuelle målene for omsetning"
    );
}

#[test]
fn json_output_has_the_spec_shape() {
    let (code, json) = mistaken_example().check_json();
    assert_eq!(code, 1);
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["files"], 8);
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"] == "sellers/kari.yaml")
        .filter_map(|d| d["rule"].as_str())
        .collect();
    for rule in ["unknown-reference", "schema", "ratio"] {
        assert!(
            rules.contains(&rule),
            "a misspelt key does not hide the file's other findings: {rules:?}"
        );
    }
    assert_eq!(json["accepted"], serde_json::json!([]));
    let d = &json["diagnostics"][0];
    for key in [
        "rule", "level", "message", "file", "line", "column", "pointer",
    ] {
        assert!(d.get(key).is_some(), "{key} missing in {d:#}");
    }
}

#[test]
fn diagnostics_are_sorted_by_file_line_column_rule() {
    let plan = Plan::new()
        .file("sellers/b.yaml", "name: B\nteam: x\n")
        .file(
            "sellers/a.yaml",
            "name: A\nteam: y\ngoals:\n  - {id: g, metric: nope, target: 1}\n",
        );
    let (_, json) = plan.check_json();
    let keys: Vec<(String, u64, u64)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(keys.len() >= 3, "{keys:?}");
}

#[test]
fn github_sarif_and_junit_formats() {
    let plan = Plan::new().file("sellers/kari.yaml", "name: Kari\nteam: salg-vets\n");
    let gh = plan.run(&["check", "--format", "github"]);
    assert_eq!(gh.code, 1);
    // The summary first, then the annotations; outside a git repository
    // the files are named from the plan's folder.
    let mut lines = gh.stdout.lines();
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("salgsmal: sjekken feilet: 1 feil")),
        "{}",
        gh.stdout
    );
    assert!(
        lines.next().is_some_and(|l| l.starts_with("::error file=sellers/kari.yaml,line=2,col=7,title=salgsmal unknown-reference::laget `salg-vets` finnes ikke%0Ahelp: mente du `salg-vest`?")),
        "{}",
        gh.stdout
    );
    let sarif = plan.run(&["check", "--format", "sarif"]);
    let doc: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("SARIF is JSON");
    assert_eq!(doc["version"], "2.1.0");
    let result = &doc["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "unknown-reference");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
    let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "sellers/kari.yaml");
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    let base = doc["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .expect("base");
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(rules.iter().any(|r| r["id"] == "schema"));
    let junit = plan.run(&["check", "--format", "junit"]);
    assert!(
        junit
            .stdout
            .contains("<testcase classname=\"salgsmal\" name=\"sellers/kari.yaml\">"),
        "{}",
        junit.stdout
    );
    assert!(
        junit.stdout.contains("<failure type=\"unknown-reference\""),
        "{}",
        junit.stdout
    );
    assert!(junit.stdout.contains("failures=\"1\""), "{}", junit.stdout);
}

#[test]
fn exit_code_2_when_the_tool_cannot_run() {
    let empty = Plan::empty();
    let run = empty.run(&["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no salgsmal.yaml"), "{}", run.stderr);
    assert_eq!(empty.run(&["check", "--format", "xml"]).code, 2);
    assert_eq!(empty.run(&["check", "does-not-exist"]).code, 2);
    assert_eq!(empty.run(&["frobnicate"]).code, 2);
}

#[test]
fn the_plan_is_found_upward_and_with_dash_c() {
    let plan = Plan::new().file("sellers/kari.yaml", "name: Kari\nteam: salg-vets\n");
    let below = plan.path().join("sellers");
    let run = run_in(&below, &["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("\"file\": \"sellers/kari.yaml\""),
        "{}",
        run.stdout
    );
    let elsewhere = Plan::empty();
    let dir = plan.path().to_string_lossy().into_owned();
    let run = elsewhere.run(&["-C", &dir, "check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let run = elsewhere.run(&["check", &dir]);
    assert_eq!(run.code, 1, "{}", run.stderr);
}

#[test]
fn quiet_prints_nothing_for_a_clean_plan() {
    let run = Plan::new().run(&["-q", "check"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
}

#[test]
fn color_is_off_without_a_terminal_and_on_when_asked() {
    let plan = Plan::new().file("sellers/kari.yaml", "name: Kari\nteam: salg-vets\n");
    assert!(!plan.run(&["check"]).stdout.contains('\x1b'));
    assert!(
        plan.run(&["--color", "always", "check"])
            .stdout
            .contains("\x1b[91merror[unknown-reference]\x1b[0m")
    );
    // NO_COLOR and CLICOLOR=0 are honoured with `auto` even when asked
    // through the environment's terminal; CLICOLOR_FORCE forces colour.
    let with = |env: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(common::bin());
        cmd.arg("check")
            .current_dir(plan.path())
            .env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8_lossy(&cmd.output().expect("run").stdout).into_owned()
    };
    assert!(with(&[("CLICOLOR_FORCE", "1")]).contains('\x1b'));
    assert!(!with(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\x1b'));
    assert!(!with(&[]).contains('\x1b'), "not a terminal");
}

#[test]
fn init_then_check_passes_in_both_locales() {
    for locale in ["nb", "en"] {
        let dir = Plan::empty();
        let run = dir.run(&["init", "plan", "--locale", locale]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let plan_dir = dir.path().join("plan");
        assert!(plan_dir.join("schemas/seller.schema.json").is_file());
        let config = std::fs::read_to_string(plan_dir.join("salgsmal.yaml")).expect("config");
        assert!(
            config.starts_with("# yaml-language-server: $schema=schemas/config.schema.json"),
            "{config}"
        );
        assert!(config.contains(&format!("locale: {locale}")));
        let check = run_in(&plan_dir, &["check"]);
        assert_eq!(check.code, 0, "{locale}: {}", check.stdout);
    }
}

#[test]
fn init_example_writes_the_example_plan_that_passes() {
    let dir = Plan::empty();
    let run = dir.run(&["init", "--example", "--locale", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.read("salgsmal.yaml").contains("locale: en"));
    let team = dir.read("teams/salg-vest.yaml");
    assert!(
        team.starts_with("# yaml-language-server: $schema=../schemas/team.schema.json"),
        "{team}"
    );
    assert_eq!(
        dir.read("sellers/kari.yaml").lines().nth(1),
        Some("name: Kari Nordmann")
    );
    assert_eq!(dir.run(&["check"]).code, 0);
}

#[test]
fn init_writes_a_gitignore_for_the_reports_but_never_over_one() {
    // A new plan: `.gitignore` with build/, counted with the files.
    let dir = Plan::empty();
    let run = dir.run(&["init", "plan"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let gitignore = dir.read("plan/.gitignore");
    assert!(gitignore.lines().any(|l| l == "build/"), "{gitignore}");
    assert!(
        run.stdout
            .starts_with("created a plan in plan (10 files)\n"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("note:"), "{}", run.stdout);
    // One that ignores build/ already: left alone, nothing said.
    let dir = Plan::empty().file(".gitignore", "/target\n/build\n");
    let run = dir.run(&["init", "--example"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(dir.read(".gitignore"), "/target\n/build\n");
    assert!(!run.stdout.contains("note:"), "{}", run.stdout);
    // One without it: left alone, with a note.
    let dir = Plan::empty().file(".gitignore", "*.tmp\n# build/\n");
    let run = dir.run(&["init"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(dir.read(".gitignore"), "*.tmp\n# build/\n");
    assert!(
        run.stdout.contains("created a plan in . (9 files)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("note: ./.gitignore does not ignore build/"),
        "{}",
        run.stdout
    );
    // --quiet: no note either.
    let dir = Plan::empty().file(".gitignore", "*.tmp\n");
    let run = dir.run(&["init", "--quiet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn init_refuses_to_overwrite() {
    let plan = Plan::new();
    let before = plan.read("salgsmal.yaml");
    let run = plan.run(&["init"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("salgsmal.yaml"), "{}", run.stderr);
    assert_eq!(plan.read("salgsmal.yaml"), before);
    assert!(
        !plan.path().join("schemas").exists(),
        "nothing is written when anything exists"
    );
}

#[test]
fn schema_prints_lists_and_writes() {
    let dir = Plan::empty();
    let list = dir.run(&["schema"]);
    assert_eq!(list.code, 0);
    for name in ["config", "team", "seller", "customers", "actuals"] {
        assert!(list.stdout.contains(name), "{}", list.stdout);
    }
    let seller = dir.run(&["schema", "seller"]);
    let json: serde_json::Value = serde_json::from_str(&seller.stdout).expect("schema is JSON");
    assert_eq!(
        json["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(
        json["$id"]
            .as_str()
            .unwrap_or_default()
            .ends_with("seller.schema.json")
    );
    let out = dir.run(&["schema", "--out", "s"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        std::fs::read_dir(dir.path().join("s"))
            .expect("dir")
            .count(),
        5
    );
    assert_eq!(dir.run(&["schema", "sellers"]).code, 2);
}

#[test]
fn an_unknown_schema_gets_a_suggestion() {
    let run = Plan::empty().run(&["schema", "seler"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown schema `seler` (did you mean `seller`?)"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("config, team, seller"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    // Nothing close: the list alone.
    let far = Plan::empty().run(&["schema", "zzz"]);
    assert_eq!(far.code, 2);
    assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);
}

#[test]
fn explain_fits_its_list_to_the_width() {
    let rules = rule_lines(&Plan::empty().run(&["explain"]).stdout)
        .iter()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect::<Vec<_>>();
    assert!(rules.len() >= 20, "{rules:?}");
    for width in [80, 200] {
        for locale in ["nb", "en"] {
            let columns = width.to_string();
            let run = run_in_env(
                Plan::empty().path(),
                &["explain", "--locale", locale],
                &[("COLUMNS", &columns)],
            );
            assert_eq!(run.code, 0, "{}", run.stderr);
            for line in run.stdout.lines() {
                assert!(
                    line.chars().count() <= width,
                    "wider than {width}: {line:?}"
                );
            }
            // Every rule once, at the start of its line; the other lines
            // go on a summary, under the summary column.
            let starts: Vec<&str> = rule_lines(&run.stdout)
                .iter()
                .filter_map(|l| l.split_whitespace().next())
                .collect();
            assert_eq!(starts, rules, "{width} {locale}:\n{}", run.stdout);
            let column = rule_lines(&run.stdout)[0]
                .match_indices(' ')
                .map(|(i, _)| i)
                .collect::<Vec<_>>();
            let indent = run
                .stdout
                .lines()
                .skip(1)
                .filter(|l| l.starts_with("   "))
                .map(|l| l.len() - l.trim_start().len())
                .collect::<Vec<_>>();
            if width == 80 {
                assert!(!indent.is_empty(), "80 columns wrap some summaries");
            }
            for i in indent {
                assert!(
                    rule_lines(&run.stdout)
                        .iter()
                        .all(|l| l.chars().nth(i - 1) == Some(' ')
                            && l.chars().nth(i).is_some_and(|c| c != ' ')),
                    "continuation at {i} is not the summary column ({column:?})"
                );
            }
        }
    }
    // Too narrow for the table: wider than asked, but every rule still
    // listed, and no crash on a width of one or a nonsense COLUMNS.
    for columns in ["1", "0", "abc", "99999999999999999999"] {
        let run = run_in_env(Plan::empty().path(), &["explain"], &[("COLUMNS", columns)]);
        assert_eq!(run.code, 0, "{columns}: {}", run.stderr);
        assert_eq!(rule_lines(&run.stdout).len(), rules.len(), "{columns}");
    }
}

#[test]
fn completions_for_every_shell() {
    let dir = Plan::empty();
    let bash = dir.run(&["completions", "bash"]);
    assert_eq!(bash.code, 0, "{}", bash.stderr);
    for sub in [
        "check",
        "explain",
        "init",
        "render",
        "diff",
        "watch",
        "schema",
        "import",
        "actuals",
        "plan",
        "export",
        "completions",
        "man",
    ] {
        assert!(
            bash.stdout.contains(&format!("salgsmal__{sub}")) || bash.stdout.contains(sub),
            "bash completion lacks {sub}"
        );
        assert!(bash.stdout.contains(sub), "bash completion lacks {sub}");
    }
    // Valid bash: `bash -n` parses it without running it.
    let script = dir.path().join("salgsmal.bash");
    std::fs::write(&script, &bash.stdout).expect("write");
    match std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
    {
        Ok(out) => assert!(
            out.status.success(),
            "bash -n: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("bash not found ({e}); syntax not checked"),
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let run = dir.run(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("salgsmal"), "{shell}: {}", run.stdout);
        assert!(run.stdout.contains("render"), "{shell}");
    }
    assert_eq!(dir.run(&["completions", "tcsh"]).code, 2);
}

#[test]
fn man_prints_the_page_of_salgsmal_and_of_each_subcommand() {
    let dir = Plan::empty();
    let run = dir.run(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // After roff's definition of the apostrophe (`.ie`/`.el`), the title.
    let first = run
        .stdout
        .lines()
        .find(|l| !l.starts_with(".ie ") && !l.starts_with(".el "))
        .unwrap_or_default();
    assert!(first.starts_with(".TH salgsmal 1 "), "{first}");
    let subcommands = run
        .stdout
        .split(".SH SUBCOMMANDS")
        .nth(1)
        .and_then(|s| s.split(".TH ").next())
        .expect("a SUBCOMMANDS section");
    let pages = [
        "check",
        "explain",
        "init",
        "render",
        "diff",
        "watch",
        "schema",
        "import",
        "export",
        "completions",
        "man",
    ];
    for sub in pages {
        assert!(
            subcommands.contains(&format!("salgsmal\\-{sub}(1)")),
            "SUBCOMMANDS lacks {sub}: {subcommands}"
        );
        assert!(
            run.stdout.contains(&format!(".TH salgsmal-{sub} 1 ")),
            "no page for {sub}"
        );
    }
    assert!(run.stdout.contains(".TH salgsmal-import-actuals 1 "));
    assert!(run.stdout.contains(".TH salgsmal-import-plan 1 "));
    // If man is installed, the pages render (not required).
    let file = dir.path().join("salgsmal.1");
    std::fs::write(&file, &run.stdout).expect("write");
    if let Ok(out) = std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        && out.status.success()
    {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("SUBCOMMANDS"), "{text}");
        assert!(text.contains("salgsmal-render(1)"), "{text}");
    }
    // --out: one file per page.
    let out = dir.run(&["man", "--out", "man1"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for sub in pages {
        assert!(
            dir.path().join(format!("man1/salgsmal-{sub}.1")).is_file(),
            "{sub}"
        );
    }
    assert!(dir.path().join("man1/salgsmal.1").is_file());
    assert!(dir.path().join("man1/salgsmal-import-actuals.1").is_file());
    assert!(dir.path().join("man1/salgsmal-import-plan.1").is_file());
}

#[test]
fn version_names_the_commit_it_was_built_from() {
    let run = Plan::empty().run(&["--version"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let version = run.stdout.trim_end();
    assert!(
        version.starts_with(concat!("salgsmal ", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=9", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    match head {
        Ok(out) if out.status.success() => {
            let commit = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert!(
                version.starts_with(&format!("salgsmal {} ({commit}", env!("CARGO_PKG_VERSION")))
                    && version.ends_with(')'),
                "{version} lacks the commit {commit}"
            );
        }
        // Not built in a git checkout (a crates.io tarball): the version alone.
        _ => assert_eq!(
            version,
            concat!("salgsmal ", env!("CARGO_PKG_VERSION")),
            "{version}"
        ),
    }
}

#[test]
fn explain_every_rule_and_refuse_unknown_ones() {
    let dir = Plan::empty();
    let list = dir.run(&["explain"]);
    assert_eq!(list.code, 0);
    let ids: Vec<String> = rule_lines(&list.stdout)
        .iter()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(ids.len() >= 7, "{}", list.stdout);
    for id in &ids {
        for (locale, sections) in [
            (
                "en",
                [
                    "What it checks:",
                    "Why (the method):",
                    "Parameters:",
                    "Example:",
                ],
            ),
            (
                "nb",
                [
                    "Hva den sjekker:",
                    "Hvorfor (metoden):",
                    "Parametre:",
                    "Eksempel:",
                ],
            ),
        ] {
            let run = dir.run(&["explain", id, "--locale", locale]);
            assert_eq!(run.code, 0);
            assert!(run.stdout.starts_with(id.as_str()));
            for section in sections {
                assert!(
                    run.stdout.contains(section),
                    "{id} ({locale}): {section}\n{}",
                    run.stdout
                );
            }
        }
    }
    let unknown = dir.run(&["explain", "shema"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `schema`?"),
        "{}",
        unknown.stderr
    );
    assert!(
        unknown.stderr.contains("unknown-reference"),
        "lists the rules: {}",
        unknown.stderr
    );
}

#[test]
fn the_book_lists_every_rule_with_its_level() {
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/book/src/rules.md"),
    )
    .expect("the book's rules chapter");
    let table = readme
        .split("<!-- rules:start -->")
        .nth(1)
        .and_then(|t| t.split("<!-- rules:end -->").next())
        .expect("rules table");
    let list = Plan::empty().run(&["explain"]).stdout;
    for line in rule_lines(&list) {
        let mut words = line.split_whitespace();
        let (id, level) = (words.next().expect("id"), words.next().expect("level"));
        assert!(
            table.contains(&format!("| `{id}` | {level} |")),
            "the rules table of docs/book/src/rules.md lacks `{id}` ({level})"
        );
    }
    // The example messages under the table are the rules' own output.
    let examples = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/examples/en.txt"),
    )
    .expect("examples");
    for block in examples.split("=== ").skip(1) {
        let first = block.lines().nth(1).expect("a finding");
        assert!(
            table.contains(first),
            "docs/book/src/rules.md lacks the example `{first}`"
        );
    }
}

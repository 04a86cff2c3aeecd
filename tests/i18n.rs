//! The messages in nb and en: both Fluent files parse, every message id
//! exists in every locale with the same variables, and every rule's
//! explanation is there in both.

mod common;
use salgsmal::i18n::{Locale, catalogue, parse_errors};

#[test]
fn both_locales_parse() {
    for locale in [Locale::Nb, Locale::En] {
        assert_eq!(parse_errors(locale), Vec::<String>::new(), "{locale:?}");
    }
}

#[test]
fn every_message_exists_in_every_locale_with_the_same_variables() {
    let nb = catalogue(Locale::Nb);
    let en = catalogue(Locale::En);
    assert!(nb.len() > 1, "nb.ftl has no messages");
    let mut wrong = Vec::new();
    for (id, vars) in &nb {
        match en.iter().find(|(e, _)| e == id) {
            None => wrong.push(format!("`{id}` is in nb.ftl but not in en.ftl")),
            Some((_, en_vars)) if en_vars != vars => wrong.push(format!(
                "`{id}` uses {vars:?} in nb.ftl but {en_vars:?} in en.ftl"
            )),
            Some(_) => {}
        }
    }
    for (id, _) in &en {
        if !nb.iter().any(|(n, _)| n == id) {
            wrong.push(format!("`{id}` is in en.ftl but not in nb.ftl"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_message_the_code_names_is_in_both_locales() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let nb = catalogue(Locale::Nb);
    let en = catalogue(Locale::En);
    let mut named = 0;
    let mut missing = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        for (i, _) in text.match_indices("Message::new(\"") {
            let rest = &text[i + "Message::new(\"".len()..];
            let id = &rest[..rest.find('"').expect("closing quote")];
            named += 1;
            for (name, catalogue) in [("nb", &nb), ("en", &en)] {
                if !catalogue.iter().any(|(m, _)| m == id) {
                    missing.push(format!("{}: `{id}` is not in {name}.ftl", file.display()));
                }
            }
        }
    }
    assert!(named > 10, "found only {named} message ids in the code");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_rule_is_explained_in_both_locales() {
    // The rules `explain` lists, and the registry's parameters of each.
    let list = common::run_in(std::path::Path::new("."), &["explain"]).stdout;
    let listed: Vec<String> = common::rule_lines(&list)
        .iter()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    let registry: Vec<&str> = salgsmal::rules::ids();
    assert_eq!(
        listed, registry,
        "`explain` lists every rule of the registry"
    );
    let mut missing = Vec::new();
    for (name, locale) in [("nb", Locale::Nb), ("en", Locale::En)] {
        let ids: Vec<String> = catalogue(locale).into_iter().map(|(id, _)| id).collect();
        for rule in salgsmal::rules::all() {
            let meta = rule.meta();
            let mut wanted = vec![
                format!("rule-{}-summary", meta.id),
                format!("rule-{}-principle", meta.id),
            ];
            wanted.extend(
                meta.params
                    .iter()
                    .map(|p| format!("rule-{}-param-{}", meta.id, p.name)),
            );
            for id in wanted {
                if !ids.contains(&id) {
                    missing.push(format!("`{id}` is not in {name}.ftl"));
                }
            }
        }
        // And no text for a rule or parameter that is gone.
        for id in ids
            .iter()
            .filter(|id| id.starts_with("rule-") && id != &"rule-failed")
        {
            let known = salgsmal::rules::all().into_iter().any(|r| {
                let m = r.meta();
                *id == format!("rule-{}-summary", m.id)
                    || *id == format!("rule-{}-principle", m.id)
                    || m.params
                        .iter()
                        .any(|p| *id == format!("rule-{}-param-{}", m.id, p.name))
            });
            if !known && id != "rule-failed-help" {
                missing.push(format!("`{id}` in {name}.ftl names no rule or parameter"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn explain_speaks_the_locale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let nb = common::run_in(dir.path(), &["explain", "allocation", "--locale", "nb"]);
    assert_eq!(nb.code, 0, "{}", nb.stderr);
    for text in [
        "allocation (error som standard)",
        "Hva den sjekker:\n  For hvert lagmål der nøkkeltallet summeres",
        "Hvorfor (metoden):\n  Fra lagmål til individuelle mål",
        "Parametre:\n  max_over = 0.20\n      Hvor langt summen kan gå over lagmålet",
        "Innstillinger i salgsmal.yaml:",
        "level er en av off, info, warning, error.",
        "Eksempel:\n  error[allocation]: summen av de individuelle målene",
    ] {
        assert!(
            nb.stdout.contains(text),
            "nb lacks {text:?}:\n{}",
            nb.stdout
        );
    }
    for english in [
        "What it checks",
        "Why (the method)",
        "For each team goal",
        "by default",
    ] {
        assert!(
            !nb.stdout.contains(english),
            "nb says {english:?}:\n{}",
            nb.stdout
        );
    }
    let en = common::run_in(dir.path(), &["explain", "allocation", "--locale", "en"]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    for text in [
        "allocation (error by default)",
        "What it checks:\n  For each team goal whose metric adds up",
        "Why (the method):\n  From team goals to individual goals",
        "Parameters:\n  max_over = 0.20\n      How far the roll-up may exceed the team target",
        "Settings in salgsmal.yaml:",
        "level is off, info, warning, error.",
        "Example:\n  error[allocation]: sum of individual revenue targets",
    ] {
        assert!(
            en.stdout.contains(text),
            "en lacks {text:?}:\n{}",
            en.stdout
        );
    }
    for norwegian in ["Hva den sjekker", "Hvorfor", "lagmål", "som standard"] {
        assert!(
            !en.stdout.contains(norwegian),
            "en says {norwegian:?}:\n{}",
            en.stdout
        );
    }
    // A structure rule without parameters, and the list.
    let schema = common::run_in(dir.path(), &["explain", "schema", "--locale", "nb"]);
    assert!(
        schema
            .stdout
            .starts_with("schema (error som standard; en strukturregel, kan ikke slås av)"),
        "{}",
        schema.stdout
    );
    assert!(
        schema.stdout.contains("Parametre:\n  ingen\n"),
        "{}",
        schema.stdout
    );
    let list = common::run_in(dir.path(), &["explain", "--locale", "nb"]);
    assert!(list.stdout.starts_with("regler:\n"), "{}", list.stdout);
    assert!(
        list.stdout
            .contains("  duplicate-key         error    En YAML-mapping gjentar en nøkkel\n"),
        "{}",
        list.stdout
    );
    let list = common::run_in(dir.path(), &["explain", "--locale", "en"]);
    assert!(list.stdout.starts_with("rules:\n"), "{}", list.stdout);
    assert!(
        list.stdout
            .contains("  duplicate-key         error    A mapping repeats a key\n"),
        "{}",
        list.stdout
    );
}

#[test]
fn sarif_describes_the_rules_in_the_locale() {
    let plan = common::Plan::new();
    for (locale, summary) in [
        ("en", "A mapping repeats a key"),
        ("nb", "En YAML-mapping gjentar en nøkkel"),
    ] {
        let run = plan.run(&["check", "--format", "sarif", "--locale", locale]);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
        let rules = doc["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        let rule = rules
            .iter()
            .find(|r| r["id"] == "duplicate-key")
            .expect("duplicate-key");
        assert_eq!(rule["shortDescription"]["text"], summary, "{locale}");
        let full = rule["fullDescription"]["text"].as_str().unwrap_or_default();
        assert!(full.starts_with(summary) && !full.contains('\n'), "{full}");
        assert!(
            rules.iter().all(
                |r| !r["help"]["text"].as_str().unwrap_or_default().is_empty()
                    && !r["help"]["text"]
                        .as_str()
                        .unwrap_or_default()
                        .starts_with("rule-")
            ),
            "{locale}: a rule without its principle"
        );
    }
}

//! The shipped schemas in `schemas/`: they compile, describe every property,
//! and every file of the example plan validates against its schema.

mod common;
use salgsmal::source::yaml;
use serde_json::Value;
use std::path::Path;

fn schema(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join(format!("{name}.schema.json"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("schema JSON")
}

/// The YAML file as JSON, through the same spanned tree the tool reads.
fn as_json(node: &yaml::Node) -> Value {
    match &node.value {
        yaml::Value::Scalar(yaml::Scalar::Null) => Value::Null,
        yaml::Value::Scalar(yaml::Scalar::Bool(b)) => Value::Bool(*b),
        yaml::Value::Scalar(yaml::Scalar::Number(n)) => serde_json::from_str(n)
            .unwrap_or_else(|_| Value::from(n.parse::<f64>().expect("number"))),
        yaml::Value::Scalar(yaml::Scalar::NonFinite(s) | yaml::Scalar::Str(s)) => {
            Value::String(s.clone())
        }
        yaml::Value::Seq(items) => Value::Array(items.iter().map(as_json).collect()),
        yaml::Value::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.key_text().expect("key"), as_json(v)))
                .collect(),
        ),
    }
}

#[test]
fn every_example_file_validates_against_its_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/salg-vest");
    let mut checked = 0;
    for (folder, name) in [
        ("", "config"),
        ("teams", "team"),
        ("sellers", "seller"),
        ("customers", "customers"),
        ("actuals", "actuals"),
    ] {
        let validator = jsonschema::validator_for(&schema(name)).expect("schema compiles");
        let dir = root.join(folder);
        if !dir.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&dir).expect("dir") {
            let path = entry.expect("entry").path();
            let file_name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            if !file_name.ends_with(".yaml") || (folder.is_empty() && file_name != "salgsmal.yaml")
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            let parsed = yaml::parse(&text);
            assert!(
                parsed.issues.is_empty(),
                "{}: {:?}",
                path.display(),
                parsed.issues
            );
            let json = as_json(&parsed.root.expect("tree"));
            let errors: Vec<String> = validator
                .iter_errors(&json)
                .map(|e| format!("{} at {}", e, e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert_eq!(checked, 10);
}

fn assert_described(value: &Value, at: &str) {
    if let Some(props) = value.get("properties").and_then(Value::as_object) {
        for (key, prop) in props {
            assert!(
                prop.get("description")
                    .and_then(Value::as_str)
                    .is_some_and(|d| !d.is_empty()),
                "{at}/properties/{key} has no description"
            );
        }
    }
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| assert_described(v, &format!("{at}/{k}"))),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| assert_described(v, &format!("{at}/{i}"))),
        _ => {}
    }
}

#[test]
fn every_property_has_a_description_and_every_schema_an_id() {
    for name in ["config", "team", "seller", "customers", "actuals"] {
        let s = schema(name);
        assert!(
            s["$id"]
                .as_str()
                .is_some_and(|id| id.ends_with(&format!("{name}.schema.json")))
        );
        assert!(s["title"].is_string() && s["description"].is_string());
        assert_eq!(
            s["additionalProperties"], false,
            "{name}: unknown keys are errors"
        );
        assert_described(&s, name);
    }
}

/// Editors complete a goal's metric from the schemas' `examples`: every
/// built-in metric is there, in every schema.
#[test]
fn every_built_in_metric_is_offered_for_completion() {
    let ids: Vec<String> = salgsmal::model::metrics::Catalogue::built_in()
        .ids()
        .map(str::to_string)
        .collect();
    assert!(ids.len() > 20);
    for name in ["config", "team", "seller", "customers", "actuals"] {
        let examples: Vec<String> = schema(name)["$defs"]["metric"]["examples"]
            .as_array()
            .expect("examples")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        assert_eq!(examples, ids, "{name}.schema.json");
    }
}

/// An independent validator, `check-jsonschema` (PyPI; `.ci/run` installs
/// it), reads the files as YAML 1.2 editors do (`10_000_000` is text there)
/// and agrees with ours: the example's files are valid, each broken file is
/// not.
#[test]
fn an_independent_validator_agrees_with_ours() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = root.join("examples/salg-vest");
    let independent = |schema_name: &str, file: &Path| -> bool {
        let out = std::process::Command::new("check-jsonschema")
            .arg("--schemafile")
            .arg(root.join(format!("schemas/{schema_name}.schema.json")))
            .arg(file)
            .output()
            .expect("check-jsonschema is installed (pip install check-jsonschema)");
        out.status.success()
    };
    let ours = |dir: &Path, file: &str| -> bool {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_salgsmal"))
            .args(["check", "--format", "json"])
            .current_dir(dir)
            .output()
            .expect("salgsmal");
        let json: Value = serde_json::from_slice(&run.stdout).expect("json");
        !json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["rule"] == "schema" && d["file"] == file)
    };
    let files = [
        ("config", "salgsmal.yaml"),
        ("team", "teams/salg-vest.yaml"),
        ("seller", "sellers/kari.yaml"),
        ("seller", "sellers/ola.yaml"),
        ("seller", "sellers/ingrid.yaml"),
        ("customers", "customers/kari.yaml"),
        ("customers", "customers/ola.yaml"),
        ("customers", "customers/ingrid.yaml"),
        ("actuals", "actuals/2027-Q1.yaml"),
        ("actuals", "actuals/2027-Q2.yaml"),
    ];
    for (schema_name, file) in files {
        assert!(independent(schema_name, &example.join(file)), "{file}");
        assert!(ours(&example, file), "{file}");
    }
    // Broken copies: each one a mistake a user makes.
    let broken = [
        (
            "seller",
            "sellers/kari.yaml",
            "target: 10_000_000",
            "targt: 10_000_000",
        ),
        (
            "seller",
            "sellers/ola.yaml",
            "target: 20_500_000",
            "target: tjue millioner",
        ),
        (
            "team",
            "teams/salg-vest.yaml",
            "name: Salg Vest",
            "navn: Salg Vest",
        ),
        (
            "customers",
            "customers/kari.yaml",
            "margin: 0.19",
            "margin: høy",
        ),
        (
            "actuals",
            "actuals/2027-Q1.yaml",
            "period: 2027-Q1",
            "period: første kvartal",
        ),
        ("config", "salgsmal.yaml", "locale: nb", "locale: nn"),
    ];
    for (schema_name, file, from, to) in broken {
        let dir = tempfile::tempdir().expect("temp dir");
        common::copy_dir(&example, dir.path());
        let path = dir.path().join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        assert!(
            !independent(schema_name, &path),
            "check-jsonschema accepts {file} with `{to}`"
        );
        assert!(
            !ours(dir.path(), file),
            "salgsmal accepts {file} with `{to}`"
        );
    }
}

/// Editors show what each choice means: every `enum` has as many
/// `enumDescriptions`, and a value with a default has it as `default`.
#[test]
fn every_enum_is_described_and_defaults_are_given() {
    fn walk(v: &Value, at: &str, problems: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::Array(values)) = m.get("enum") {
                    let described = m
                        .get("enumDescriptions")
                        .and_then(Value::as_array)
                        .map_or(0, Vec::len);
                    if described != values.len() {
                        problems.push(format!(
                            "{at}: {} values, {described} descriptions",
                            values.len()
                        ));
                    }
                }
                let says_default = m
                    .get("description")
                    .and_then(Value::as_str)
                    .is_some_and(|d| d.contains("default ") || d.contains("(default)"));
                if says_default && !m.contains_key("default") && !m.contains_key("properties") {
                    problems.push(format!(
                        "{at}: the description names a default, `default` does not"
                    ));
                }
                for (k, v) in m {
                    walk(v, &format!("{at}/{k}"), problems);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), problems);
                }
            }
            _ => {}
        }
    }
    let mut problems = Vec::new();
    for name in ["config", "team", "seller", "customers", "actuals"] {
        walk(&schema(name), name, &mut problems);
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        schema("config")["properties"]["working_weeks"]["default"],
        44
    );
}

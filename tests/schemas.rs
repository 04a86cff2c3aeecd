//! The shipped schemas in `schemas/`: they compile, describe every property,
//! and every file of the example plan validates against its schema.

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

//! The JSON Schemas of the plan files, embedded in the binary, and the mapping
//! of schema errors back to positions in the user's file.

use crate::diag::{Diagnostic, Level, did_you_mean};
use crate::model::SourceFile;
use crate::model::number::ratio_above_one;
use crate::source::yaml::{Node, Scalar, Value as YValue};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::{Map, Number, Value};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Every schema: name, file name, text.
pub const SCHEMAS: &[(&str, &str, &str)] = &[
    (
        "config",
        "config.schema.json",
        include_str!("../../schemas/config.schema.json"),
    ),
    (
        "team",
        "team.schema.json",
        include_str!("../../schemas/team.schema.json"),
    ),
    (
        "seller",
        "seller.schema.json",
        include_str!("../../schemas/seller.schema.json"),
    ),
    (
        "customers",
        "customers.schema.json",
        include_str!("../../schemas/customers.schema.json"),
    ),
    (
        "actuals",
        "actuals.schema.json",
        include_str!("../../schemas/actuals.schema.json"),
    ),
];

struct Compiled {
    name: &'static str,
    schema: Value,
    validator: Validator,
}

fn compiled() -> &'static [Compiled] {
    static CELL: OnceLock<Vec<Compiled>> = OnceLock::new();
    CELL.get_or_init(|| {
        SCHEMAS
            .iter()
            .map(|(name, _, text)| {
                // The schemas are part of the binary and tested; a broken one is a build bug.
                let schema: Value = serde_json::from_str(text).expect("embedded schema is JSON");
                let validator = jsonschema::options()
                    .should_validate_formats(false)
                    .build(&schema)
                    .expect("embedded schema compiles");
                Compiled {
                    name,
                    schema,
                    validator,
                }
            })
            .collect()
    })
}

/// Convert a spanned node to JSON for validation. Numbers that JSON cannot
/// hold become `null` and are reported; their pointers are returned so the
/// schema's own complaint about them is not repeated.
pub fn to_json(
    node: &Node,
    pointer: &str,
    file: &SourceFile,
    out: &mut Vec<Diagnostic>,
    bad: &mut HashSet<String>,
) -> Value {
    let mut path: Vec<Segment<'_>> = Vec::new();
    let base = pointer.to_string();
    convert(
        node,
        &mut path,
        &mut Ctx {
            base: &base,
            file,
            out,
            bad,
        },
    )
}

/// A step of the path to a node; the JSON Pointer is only built when a
/// diagnostic needs it.
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

struct Ctx<'a, 'b> {
    base: &'a str,
    file: &'a SourceFile,
    out: &'b mut Vec<Diagnostic>,
    bad: &'b mut HashSet<String>,
}

fn pointer_of(base: &str, path: &[Segment<'_>]) -> String {
    let mut p = base.to_string();
    for seg in path {
        p.push('/');
        match seg {
            Segment::Key(k) => p.push_str(&escape(k)),
            Segment::Index(i) => p.push_str(&i.to_string()),
        }
    }
    p
}

fn number(text: &str) -> Option<Number> {
    text.parse::<i64>()
        .ok()
        .map(Number::from)
        .or_else(|| text.parse::<u64>().ok().map(Number::from))
        .or_else(|| text.parse::<f64>().ok().and_then(Number::from_f64))
}

fn convert<'n>(node: &'n Node, path: &mut Vec<Segment<'n>>, cx: &mut Ctx<'_, '_>) -> Value {
    match &node.value {
        YValue::Scalar(Scalar::Null) => Value::Null,
        YValue::Scalar(Scalar::Bool(b)) => Value::Bool(*b),
        YValue::Scalar(Scalar::Str(s)) => Value::String(s.clone()),
        YValue::Scalar(Scalar::Number(text)) => number(text).map_or_else(
            || {
                report_number(text, &pointer_of(cx.base, path), cx.file, cx.out, cx.bad);
                Value::Null
            },
            Value::Number,
        ),
        YValue::Scalar(Scalar::NonFinite(text)) => {
            report_number(text, &pointer_of(cx.base, path), cx.file, cx.out, cx.bad);
            Value::Null
        }
        YValue::Seq(items) => {
            let mut array = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                path.push(Segment::Index(i));
                array.push(convert(item, path, cx));
                path.pop();
            }
            Value::Array(array)
        }
        YValue::Map(entries) => {
            let mut map = Map::with_capacity(entries.len());
            for (key, value) in entries {
                let k: &str = match &key.value {
                    YValue::Scalar(Scalar::Str(s) | Scalar::Number(s) | Scalar::NonFinite(s)) => s,
                    YValue::Scalar(Scalar::Bool(true)) => "true",
                    YValue::Scalar(Scalar::Bool(false)) => "false",
                    YValue::Scalar(Scalar::Null) => "null",
                    _ => {
                        cx.out.push(
                            Diagnostic::new(
                                "schema",
                                Level::Error,
                                "a key must be a plain word, not a mapping or a list",
                                cx.file.span_location(key.span),
                            )
                            .with_pointer(pointer_of(cx.base, path)),
                        );
                        continue;
                    }
                };
                path.push(Segment::Key(k));
                let v = convert(value, path, cx);
                path.pop();
                map.insert(k.to_string(), v);
            }
            Value::Object(map)
        }
    }
}

fn report_number(
    text: &str,
    pointer: &str,
    file: &SourceFile,
    out: &mut Vec<Diagnostic>,
    bad: &mut HashSet<String>,
) {
    out.push(
        Diagnostic::new(
            "schema",
            Level::Error,
            format!(
                "`{text}` is not a number a plan can hold (too large, infinite or not a number)"
            ),
            file.locate(pointer),
        )
        .with_pointer(pointer.to_string()),
    );
    bad.insert(pointer.to_string());
}

pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Validate a file's JSON against the schema called `name`.
/// Validate a file's JSON; `rejected` receives the pointers of the values
/// the schema rejects (not unknown keys or missing ones), which the typed
/// model then leaves out.
pub fn validate(
    name: &str,
    instance: &Value,
    file: &SourceFile,
    bad: &HashSet<String>,
    rejected: &mut HashSet<String>,
) -> Vec<Diagnostic> {
    let Some(c) = compiled().iter().find(|c| c.name == name) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for err in c.validator.iter_errors(instance) {
        let pointer = err.instance_path().as_str().to_string();
        let within = |b: &String| {
            pointer == *b
                || (pointer.starts_with(b.as_str()) && pointer[b.len()..].starts_with('/'))
        };
        if bad.iter().any(within) {
            continue;
        }
        if !matches!(
            err.kind(),
            ValidationErrorKind::AdditionalProperties { .. } | ValidationErrorKind::Required { .. }
        ) {
            rejected.insert(pointer.clone());
        }
        out.extend(describe(&err, &pointer, &c.schema, file));
    }
    out
}

fn schema_at<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    schema.pointer(path)
}

/// The schema object that owns a keyword at `schema_path` (`…/anyOf` → `…`).
fn owner<'a>(schema: &'a Value, schema_path: &str) -> Option<&'a Value> {
    let (parent, _) = schema_path.rsplit_once('/')?;
    schema_at(schema, parent)
}

fn title(schema: &Value, schema_path: &str) -> Option<String> {
    owner(schema, schema_path)?
        .get("title")?
        .as_str()
        .map(str::to_string)
}

fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        Value::Null => "nothing".to_string(),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a mapping".to_string(),
        other => other.to_string(),
    }
}

fn type_name(kind: &TypeKind) -> String {
    let name = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "object" => "a mapping".to_string(),
        "array" => "a list".to_string(),
        "string" => "text".to_string(),
        "integer" => "a whole number".to_string(),
        "number" => "a number".to_string(),
        "boolean" => "true or false".to_string(),
        other => other.to_string(),
    };
    match kind {
        TypeKind::Single(t) => name(t),
        TypeKind::Multiple(set) => set
            .iter()
            .map(|t| name(&t))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

fn describe(
    err: &ValidationError<'_>,
    pointer: &str,
    schema: &Value,
    file: &SourceFile,
) -> Vec<Diagnostic> {
    let schema_path = err.schema_path().as_str();
    let instance = err.instance();
    let at = |msg: String, ptr: &str| {
        Diagnostic::new("schema", Level::Error, msg, file.locate(ptr)).with_pointer(ptr.to_string())
    };
    match err.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed: Vec<String> = owner(schema, schema_path)
                .and_then(|o| o.get("properties"))
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            let what = title(schema, schema_path).unwrap_or_else(|| "here".to_string());
            unexpected
                .iter()
                .map(|key| {
                    let ptr = format!("{pointer}/{}", escape(key));
                    let suggestion = did_you_mean(key, allowed.iter().map(String::as_str));
                    let message = match suggestion {
                        Some(s) => format!("unknown key `{key}` in {what}: did you mean `{s}`?"),
                        None => format!("unknown key `{key}` in {what}"),
                    };
                    Diagnostic::new("schema", Level::Error, message, file.locate_key(&ptr))
                        .with_pointer(ptr)
                        .with_help(format!("allowed keys: {}", allowed.join(", ")))
                })
                .collect()
        }
        ValidationErrorKind::Required { property } => {
            let key = property.as_str().unwrap_or_default();
            // `metrc` for `metric`: the unknown key's finding says it, once.
            let misspelt = instance.as_object().is_some_and(|o| {
                o.keys()
                    .any(|k| k != key && did_you_mean(k, [key]) == Some(key))
            });
            if misspelt {
                return Vec::new();
            }
            let what = title(schema, schema_path).unwrap_or_else(|| "this mapping".to_string());
            let help = owner(schema, schema_path)
                .and_then(|o| o.pointer(&format!("/properties/{}/description", escape(key))))
                .and_then(Value::as_str)
                .map(|d| format!("`{key}`: {d}"));
            let mut d = at(
                format!("{what} is missing the required key `{key}`"),
                pointer,
            );
            d.help = help.map(crate::i18n::Message::plain);
            vec![d]
        }
        ValidationErrorKind::Type { kind } => {
            vec![at(
                format!("expected {}, found {}", type_name(kind), shown(instance)),
                pointer,
            )]
        }
        ValidationErrorKind::Enum { options } => {
            let words: Vec<String> = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let given = instance
                .as_str()
                .map_or_else(|| shown(instance), str::to_string);
            let suggestion = did_you_mean(&given, words.iter().map(String::as_str));
            let mut msg = format!("`{given}` is not one of: {}", words.join(", "));
            if let Some(s) = suggestion {
                msg.push_str(&format!(" (did you mean `{s}`?)"));
            }
            vec![at(msg, pointer)]
        }
        ValidationErrorKind::AnyOf { .. }
        | ValidationErrorKind::OneOfNotValid { .. }
        | ValidationErrorKind::Pattern { .. } => {
            let what = title(schema, schema_path);
            let is_ratio = schema_path.contains("/$defs/ratio/");
            if is_ratio && let Some(n) = instance.as_f64().filter(|n| *n > 1.0) {
                let text = file
                    .tree
                    .as_ref()
                    .and_then(|t| t.pointer(pointer))
                    .and_then(|n| match &n.value {
                        YValue::Scalar(Scalar::Number(t)) => Some(t.clone()),
                        _ => None,
                    })
                    .unwrap_or_else(|| n.to_string());
                let value = crate::model::number::parse_decimal(&text).unwrap_or_default();
                let field = pointer.rsplit('/').next().unwrap_or("this value");
                return vec![
                    Diagnostic::new(
                        "ratio",
                        Level::Error,
                        ratio_above_one(field, value),
                        file.locate(pointer),
                    )
                    .with_pointer(pointer.to_string()),
                ];
            }
            let msg = match what {
                Some(w) => format!("expected {w}, found {}", shown(instance)),
                None => format!("{} is not valid here", shown(instance)),
            };
            vec![at(msg, pointer)]
        }
        _ => vec![at(err.to_string(), pointer)],
    }
}

/// The text of an embedded schema by name (`config`, `team`, …).
pub fn schema_text(name: &str) -> Option<(&'static str, &'static str)> {
    SCHEMAS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, file, text)| (*file, *text))
}

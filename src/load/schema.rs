//! The JSON Schemas of the plan files, embedded in the binary, and the mapping
//! of schema errors back to positions in the user's file.

use crate::diag::{Diagnostic, Level, RuleId, did_you_mean};
use crate::i18n::{Message, any_of};
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
                                RuleId::SCHEMA,
                                Level::Error,
                                Message::new("schema-key-not-word"),
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
            RuleId::SCHEMA,
            Level::Error,
            Message::new("schema-bad-number").text("text", text),
            file.locate(pointer),
        )
        .with_pointer(pointer.to_string()),
    );
    bad.insert(pointer.to_string());
}

pub use crate::source::pointer::escape;

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

/// The schema's `title` of the object that owns a keyword, in the reader's
/// language (as written in the schema if it is not one of the known titles).
fn title(schema: &Value, schema_path: &str) -> Option<Message> {
    owner(schema, schema_path)?
        .get("title")?
        .as_str()
        .map(title_message)
}

fn title_message(title: &str) -> Message {
    match title {
        "Actuals" => Message::new("schema-title-actuals"),
        "Customer list" => Message::new("schema-title-customer-list"),
        "Seller" => Message::new("schema-title-seller"),
        "Team" => Message::new("schema-title-team"),
        "a custom metric" => Message::new("schema-title-custom-metric"),
        "a customer" => Message::new("schema-title-customer"),
        "a date YYYY-MM-DD" => Message::new("schema-title-date"),
        "a goal" => Message::new("schema-title-goal"),
        "a lowercase kebab-case id (a-z, 0-9 and -, like `salg-vest`)" => {
            Message::new("schema-title-id")
        }
        "a milestone" => Message::new("schema-title-milestone"),
        "a number (10_000_000, 0.25) or a percent string such as \"25 %\"" => {
            Message::new("schema-title-quantity")
        }
        "a period: a year 2027, a quarter 2027-Q1 or a month 2027-03" => {
            Message::new("schema-title-period")
        }
        "a product" => Message::new("schema-title-product"),
        "a ratio: a decimal from 0 to 1 such as 0.25, or a percent string such as \"25 %\"" => {
            Message::new("schema-title-ratio")
        }
        "a rule's settings" => Message::new("schema-title-rule-settings"),
        "a snake_case metric name (like `revenue` or `qualified_meetings`)" => {
            Message::new("schema-title-metric-name")
        }
        "a strategic choice" => Message::new("schema-title-strategic-choice"),
        "a value or {min, max}" => Message::new("schema-title-value-or-bounds"),
        "an ISO 4217 currency code such as NOK" => Message::new("schema-title-currency"),
        "an accepted finding" => Message::new("schema-title-accepted"),
        "an action (tiltak): a sentence, or {do, due, status}" => {
            Message::new("schema-title-action-or-sentence")
        }
        "an action" => Message::new("schema-title-action"),
        "an amount (a number such as 10_000_000 or 1.0e7)" => Message::new("schema-title-amount"),
        "a number with `_` between its digit groups (10_000_000), as YAML 1.2 editors read it: text" => {
            Message::new("schema-title-grouped")
        }
        "bounds" => Message::new("schema-title-bounds"),
        "category goals" => Message::new("schema-title-category-goals"),
        "labels" => Message::new("schema-title-labels"),
        "low, medium, high or an amount" => Message::new("schema-title-potential"),
        "one of off, info, warning, error (or false)" => Message::new("schema-title-level"),
        "salgsmal.yaml" => Message::new("schema-title-config"),
        "the allocation settings" => Message::new("schema-title-allocation"),
        "the assumptions" => Message::new("schema-title-assumptions"),
        "the competence plan" => Message::new("schema-title-competence"),
        "the import settings" => Message::new("schema-title-import"),
        "the limits" => Message::new("schema-title-limits"),
        "the main goal" => Message::new("schema-title-main-goal"),
        "the portfolio goals" => Message::new("schema-title-portfolio-goals"),
        "the portfolio thresholds" => Message::new("schema-title-portfolio-thresholds"),
        "the starting point" => Message::new("schema-title-starting-point"),
        "values per metric" => Message::new("schema-title-values"),
        other => Message::plain(other),
    }
}

/// A value from the file as a finding shows it: text in quotes, the kind of
/// a list or mapping, numbers and booleans as written.
fn shown(value: &Value) -> Message {
    match value {
        Value::String(s) => Message::new("schema-quoted").text("text", s),
        Value::Null => Message::new("schema-nothing"),
        Value::Array(_) => Message::new("schema-a-list"),
        Value::Object(_) => Message::new("schema-a-mapping"),
        other => Message::plain(other.to_string()),
    }
}

fn type_name(kind: &TypeKind) -> Message {
    let name = |t: &jsonschema::JsonType| match t.to_string().as_str() {
        "object" => Message::new("schema-a-mapping"),
        "array" => Message::new("schema-a-list"),
        "string" => Message::new("schema-text"),
        "integer" => Message::new("schema-a-whole-number"),
        "number" => Message::new("schema-a-number"),
        "boolean" => Message::new("schema-true-or-false"),
        "null" => Message::new("schema-nothing"),
        other => Message::plain(other),
    };
    match kind {
        TypeKind::Single(t) => name(t),
        TypeKind::Multiple(set) => any_of(set.iter().map(|t| name(&t))),
    }
}

/// A number from the schema or the file as a message argument.
fn number_arg(value: &Value) -> crate::i18n::Arg {
    match crate::model::number::parse_decimal(&value.to_string()) {
        Some(d) => crate::i18n::Arg::Number { value: d, dp: 10 },
        None => crate::i18n::Arg::Text(value.to_string()),
    }
}

/// How many unknown keys of one mapping get a finding each; the rest are
/// counted in one.
const SHOWN_UNKNOWN_KEYS: usize = 100;

fn describe(
    err: &ValidationError<'_>,
    pointer: &str,
    schema: &Value,
    file: &SourceFile,
) -> Vec<Diagnostic> {
    let schema_path = err.schema_path().as_str();
    let instance = err.instance();
    let at = |msg: Message, ptr: &str| {
        Diagnostic::new(RuleId::SCHEMA, Level::Error, msg, file.locate(ptr))
            .with_pointer(ptr.to_string())
    };
    match err.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed: Vec<String> = owner(schema, schema_path)
                .and_then(|o| o.get("properties"))
                .and_then(Value::as_object)
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default();
            let where_ = title(schema, schema_path).map_or_else(
                || Message::new("schema-in-here"),
                |what| Message::new("schema-in").phrase("what", what),
            );
            // The keys shown and the first counted, found once: a file
            // with many unknown keys is located in one pass, not one search
            // per key.
            let wanted: HashSet<&str> = unexpected
                .iter()
                .take(SHOWN_UNKNOWN_KEYS + 1)
                .map(String::as_str)
                .collect();
            let keys: std::collections::HashMap<String, crate::source::yaml::SrcSpan> = file
                .node()
                .and_then(|t| t.pointer(pointer))
                .and_then(Node::as_map)
                .map(|entries| {
                    entries
                        .iter()
                        .filter(|(k, _)| k.as_str().is_none_or(|t| wanted.contains(t)))
                        .filter_map(|(k, _)| Some((k.key_text()?, k.span)))
                        .collect()
                })
                .unwrap_or_default();
            let allowed_keys = allowed.join(", ");
            let mut found: Vec<Diagnostic> = unexpected
                .iter()
                .take(SHOWN_UNKNOWN_KEYS)
                .map(|key| {
                    let ptr = crate::source::pointer::join(pointer, key);
                    let at = keys
                        .get(key.as_str())
                        .map_or_else(|| file.locate_key(&ptr), |span| file.span_location(*span));
                    let suggestion = did_you_mean(key, allowed.iter().map(String::as_str));
                    let message = match suggestion {
                        Some(s) => Message::new("schema-unknown-key-suggest")
                            .text("key", key)
                            .phrase("where", where_.clone())
                            .text("suggestion", s),
                        None => Message::new("schema-unknown-key")
                            .text("key", key)
                            .phrase("where", where_.clone()),
                    };
                    Diagnostic::new(RuleId::SCHEMA, Level::Error, message, at)
                        .with_pointer(ptr)
                        .with_help(Message::new("schema-allowed-keys").text("keys", &allowed_keys))
                })
                .collect();
            // A mapping of thousands of unknown keys: the first ones one by
            // one, the rest counted in one finding.
            if let Some(rest) = unexpected.get(SHOWN_UNKNOWN_KEYS..)
                && !rest.is_empty()
            {
                let named: Vec<&str> = rest.iter().take(5).map(String::as_str).collect();
                let d = Diagnostic::new(
                    RuleId::SCHEMA,
                    Level::Error,
                    Message::new("schema-unknown-keys-more")
                        .count("count", rest.len())
                        .text("keys", named.join(", "))
                        .phrase("where", where_),
                    // At the first key counted, as for CSV columns.
                    keys.get(rest[0].as_str())
                        .map_or_else(|| file.locate(pointer), |span| file.span_location(*span)),
                )
                .with_help(Message::new("schema-allowed-keys").text("keys", &allowed_keys));
                found.push(if pointer.is_empty() {
                    d
                } else {
                    d.with_pointer(pointer.to_string())
                });
            }
            found
        }
        ValidationErrorKind::Required { property } => {
            let key = property.as_str().unwrap_or_default();
            // `metrc` for `metric`: the unknown key's finding says it, once.
            // Only the unknown keys that get a finding of their own are
            // looked at (a mapping of a million keys is not searched).
            let properties = owner(schema, schema_path)
                .and_then(|o| o.get("properties"))
                .and_then(Value::as_object);
            let misspelt = instance.as_object().is_some_and(|o| {
                o.keys()
                    .filter(|k| properties.is_none_or(|p| !p.contains_key(k.as_str())))
                    .take(SHOWN_UNKNOWN_KEYS)
                    .any(|k| k != key && did_you_mean(k, [key]) == Some(key))
            });
            if misspelt {
                return Vec::new();
            }
            let what =
                title(schema, schema_path).unwrap_or_else(|| Message::new("schema-this-mapping"));
            // The schema's descriptions are in English only.
            let help = owner(schema, schema_path)
                .and_then(|o| o.pointer(&format!("/properties/{}/description", escape(key))))
                .and_then(Value::as_str)
                .map(|d| {
                    Message::new("schema-key-description")
                        .text("key", key)
                        .text("description", d)
                });
            let mut d = at(
                Message::new("schema-missing-key")
                    .phrase("what", what)
                    .text("key", key),
                pointer,
            );
            d.help = help;
            vec![d]
        }
        ValidationErrorKind::Type { kind } => {
            vec![at(
                Message::new("schema-expected")
                    .phrase("expected", type_name(kind))
                    .phrase("found", shown(instance)),
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
            let given = instance.as_str().map_or_else(
                || shown(instance),
                |s| Message::new("value").text("value", s),
            );
            let suggestion = instance
                .as_str()
                .and_then(|s| did_you_mean(s, words.iter().map(String::as_str)));
            let msg = match suggestion {
                Some(s) => Message::new("schema-not-one-of-suggest")
                    .phrase("given", given)
                    .text("words", words.join(", "))
                    .text("suggestion", s),
                None => Message::new("schema-not-one-of")
                    .phrase("given", given)
                    .text("words", words.join(", ")),
            };
            vec![at(msg, pointer)]
        }
        ValidationErrorKind::AnyOf { .. }
        | ValidationErrorKind::OneOfNotValid { .. }
        | ValidationErrorKind::Pattern { .. } => {
            let what = title(schema, schema_path);
            let is_ratio = schema_path.contains("/$defs/ratio/");
            if is_ratio && let Some(n) = instance.as_f64().filter(|n| *n > 1.0) {
                let text = file
                    .node()
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
                        RuleId::RATIO,
                        Level::Error,
                        ratio_above_one(field, value),
                        file.locate(pointer),
                    )
                    .with_pointer(pointer.to_string()),
                ];
            }
            let msg = match what {
                Some(w) => Message::new("schema-expected")
                    .phrase("expected", w)
                    .phrase("found", shown(instance)),
                None => Message::new("schema-not-valid").phrase("found", shown(instance)),
            };
            vec![at(msg, pointer)]
        }
        ValidationErrorKind::Minimum { limit } => vec![at(
            Message::new("schema-below-minimum")
                .arg("found", number_arg(instance))
                .arg("limit", number_arg(limit)),
            pointer,
        )],
        ValidationErrorKind::ExclusiveMinimum { limit } => vec![at(
            Message::new("schema-at-or-below-minimum")
                .arg("found", number_arg(instance))
                .arg("limit", number_arg(limit)),
            pointer,
        )],
        ValidationErrorKind::Maximum { limit } => vec![at(
            Message::new("schema-above-maximum")
                .arg("found", number_arg(instance))
                .arg("limit", number_arg(limit)),
            pointer,
        )],
        ValidationErrorKind::ExclusiveMaximum { limit } => vec![at(
            Message::new("schema-at-or-above-maximum")
                .arg("found", number_arg(instance))
                .arg("limit", number_arg(limit)),
            pointer,
        )],
        ValidationErrorKind::MinLength { limit } => vec![at(
            Message::new("schema-too-short").arg("limit", count(*limit)),
            pointer,
        )],
        ValidationErrorKind::MinItems { limit } => vec![at(
            Message::new("schema-too-few-items").arg("limit", count(*limit)),
            pointer,
        )],
        ValidationErrorKind::MaxItems { limit } => vec![at(
            Message::new("schema-too-many-items").arg("limit", count(*limit)),
            pointer,
        )],
        // The validator's own words (English): they get a frame.
        _ => vec![at(
            Message::new("schema-invalid").text("detail", err.to_string()),
            pointer,
        )],
    }
}

fn count(n: u64) -> crate::i18n::Arg {
    crate::i18n::Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// The text of an embedded schema by name (`config`, `team`, …).
pub fn schema_text(name: &str) -> Option<(&'static str, &'static str)> {
    SCHEMAS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, file, text)| (*file, *text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(t)) = map.get("title") {
                    out.push(t.clone());
                }
                map.values().for_each(|v| titles(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| titles(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_schema_title_has_a_message() {
        let mut all = Vec::new();
        for (_, _, text) in SCHEMAS {
            let schema: Value = serde_json::from_str(text).expect("schema");
            titles(&schema, &mut all);
        }
        assert!(all.len() > 10, "{all:?}");
        let plain: Vec<&String> = all.iter().filter(|t| title_message(t).is_plain()).collect();
        assert!(plain.is_empty(), "titles without a message: {plain:?}");
    }
}

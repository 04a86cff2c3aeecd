//! What-if: values of the plan changed in memory, never written
//! (`--set FILE:DOTTED.PATH=VALUE`, `--scenario FILE`; SPEC 5). Each change
//! names a value by its file and a dotted path in which a list's items are
//! addressed by their `id` (`sellers/kari.yaml:goals.omsetning.target`);
//! the new value replaces the old one's text in a copy of the file
//! (`source::edit`), and the plan is read again from the copies through
//! the same loader, so that findings point at real lines.

use super::{Files, LoadError, Loaded, load_from};
use crate::i18n::Message;
use crate::model::Plan;
use crate::source::edit;
use crate::source::yaml::{self, Node, Pos, Scalar, SrcSpan, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// Where a change was asked for: a `--set` on the command line, or a value
/// in a scenario file.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Flag(String),
    Scenario { file: String, pos: Pos },
}

/// One value to change.
#[derive(Clone, Debug, PartialEq)]
pub struct Setting {
    /// The plan file, relative to the plan root (`sellers/kari.yaml`).
    pub file: String,
    /// Keys, and ids (or indexes) of list items.
    pub path: Vec<String>,
    /// The new value as YAML text (written into the file as it is).
    pub value: String,
    pub origin: Origin,
}

/// A change made: where, and the value's text before and after.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Change {
    pub file: String,
    /// As asked for: `goals.omsetning.target`.
    pub path: String,
    /// The JSON Pointer of the value in the file: `/goals/0/target`.
    pub pointer: String,
    pub line: usize,
    pub column: usize,
    pub before: String,
    pub after: String,
}

/// A what-if that could not be made, located where it went wrong: in the
/// plan file (a path that does not exist), in the scenario file, or on the
/// command line (`--set …`).
#[derive(Debug)]
pub struct Refused {
    pub at: String,
    pub message: Message,
}

/// What a report or a check made from a what-if says of it: where the
/// changes came from (`--set`, a scenario file) and what they are.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Scenario {
    pub source: String,
    pub changes: Vec<Change>,
}

/// The changed copies of the plan's files, and the changes in them.
#[derive(Debug, Default)]
pub struct WhatIf {
    pub changed: BTreeMap<String, Vec<u8>>,
    pub changes: Vec<Change>,
}

impl WhatIf {
    /// Read the plan again from `files` with the changed copies in place.
    pub fn load(&self, root: &Path, files: &Files<'_>) -> Result<Loaded, LoadError> {
        load_from(root, &Files::Overlay(files, &self.changed))
    }

    /// [`WhatIf::load`], taking the files that did not change from the
    /// cache the plan was first read with.
    pub fn load_cached(
        &self,
        root: &Path,
        files: &Files<'_>,
        cache: &mut super::Cache,
    ) -> Result<Loaded, LoadError> {
        super::load_from_cached(root, &Files::Overlay(files, &self.changed), cache)
    }
}

/// Read `FILE:DOTTED.PATH=VALUE`. A value that is not one YAML scalar on
/// one line (`Hei: du`) is taken as text and quoted.
pub fn parse_set(arg: &str) -> Result<Setting, Refused> {
    let refused = |id: &'static str| Refused {
        at: format!("--set {arg}"),
        message: Message::new(id),
    };
    let (file, rest) = arg
        .split_once(':')
        .ok_or_else(|| refused("whatif-set-form"))?;
    let (path, value) = rest
        .split_once('=')
        .ok_or_else(|| refused("whatif-set-form"))?;
    let path: Vec<String> = path.split('.').map(|s| s.trim().to_string()).collect();
    if file.is_empty() || path.iter().any(String::is_empty) {
        return Err(refused("whatif-set-form"));
    }
    Ok(Setting {
        file: normalise(file),
        path,
        value: as_yaml(value.trim()),
        origin: Origin::Flag(arg.to_string()),
    })
}

fn normalise(file: &str) -> String {
    file.trim().trim_start_matches("./").replace('\\', "/")
}

/// `value` as the YAML text of one scalar.
fn as_yaml(value: &str) -> String {
    let parsed = yaml::parse(value);
    // One scalar that is all of the text: `Hei # du` would lose its
    // comment, `[1, 2]` is a list.
    let scalar = parsed.issues.is_empty()
        && !value.contains(['\n', '\r'])
        && !value.contains(" #")
        && parsed.root.as_ref().is_some_and(|n| {
            matches!(n.value, Value::Scalar(_))
                && n.span.start.column == 1
                && n.span.end.column == value.chars().count() + 1
        });
    if scalar && !value.is_empty() {
        value.to_string()
    } else {
        let escaped: String = value
            .chars()
            .flat_map(|c| match c {
                '"' => vec!['\\', '"'],
                '\\' => vec!['\\', '\\'],
                '\n' => vec!['\\', 'n'],
                '\r' => vec!['\\', 'r'],
                '\t' => vec!['\\', 't'],
                c => vec![c],
            })
            .collect();
        format!("\"{escaped}\"")
    }
}

/// The settings of a scenario file: its top-level keys are plan file
/// paths; under each, the file's own keys, with lists of items that have
/// an `id` addressed as mappings by id.
pub fn read_scenario(path: &Path, shown: &str, max_bytes: u64) -> Result<Vec<Setting>, Refused> {
    use std::io::Read as _;
    let at = |pos: Pos| format!("{shown}:{}:{}", pos.line, pos.column);
    let whole = |id: &'static str| Refused {
        at: shown.to_string(),
        message: Message::new(id),
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| Refused {
            at: shown.to_string(),
            message: Message::new("whatif-scenario-unreadable").text("error", e.to_string()),
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(whole("whatif-scenario-too-large"));
    }
    let text = String::from_utf8(bytes).map_err(|_| whole("whatif-scenario-not-utf8"))?;
    let parsed = yaml::parse(&text);
    if let Some(issue) = parsed.issues.first() {
        return Err(Refused {
            at: at(issue.span.start),
            message: Message::new("whatif-scenario-syntax"),
        });
    }
    let Some(root) = parsed.root else {
        return Ok(Vec::new());
    };
    let Some(files) = root.as_map() else {
        return Err(Refused {
            at: at(root.span.start),
            message: Message::new("whatif-scenario-shape"),
        });
    };
    let lines = edit::Lines::new(&text);
    let mut out = Vec::new();
    for (key, value) in files {
        let Some(file) = key.key_text() else {
            return Err(Refused {
                at: at(key.span.start),
                message: Message::new("whatif-scenario-shape"),
            });
        };
        leaves(value, &mut vec![], &mut |path, node| {
            let span = node.span;
            let value = edit::scalar_range(&lines, span)
                .and_then(|r| text.get(r))
                .unwrap_or_default()
                .trim();
            let value = match &node.value {
                // A block scalar's text, on one line.
                Value::Scalar(Scalar::Str(s)) if value.starts_with(['|', '>']) => as_yaml(s),
                _ if value.is_empty() => "null".to_string(),
                _ => value.to_string(),
            };
            out.push(Setting {
                file: normalise(&file),
                path,
                value,
                origin: Origin::Scenario {
                    file: shown.to_string(),
                    pos: span.start,
                },
            });
            Ok(())
        })
        .map_err(|(pos, id)| Refused {
            at: at(pos),
            message: Message::new(id),
        })?;
    }
    Ok(out)
}

type Leaf<'f> = dyn FnMut(Vec<String>, &Node) -> Result<(), (Pos, &'static str)> + 'f;

fn leaves(
    node: &Node,
    path: &mut Vec<String>,
    f: &mut Leaf<'_>,
) -> Result<(), (Pos, &'static str)> {
    match &node.value {
        Value::Map(entries) if !entries.is_empty() => {
            for (k, v) in entries {
                let key = k
                    .key_text()
                    .ok_or((k.span.start, "whatif-scenario-shape"))?;
                path.push(key);
                leaves(v, path, f)?;
                path.pop();
            }
            Ok(())
        }
        Value::Map(_) | Value::Seq(_) => Err((node.span.start, "whatif-scenario-list")),
        Value::Scalar(_) if path.is_empty() => Err((node.span.start, "whatif-scenario-shape")),
        Value::Scalar(_) => f(path.clone(), node),
    }
}

/// Make the changes in copies of the plan's files: all of them, or the
/// first that cannot be made.
pub fn apply(plan: &Plan, settings: &[Setting]) -> Result<WhatIf, Refused> {
    let mut found = Vec::with_capacity(settings.len());
    for setting in settings {
        let (file, pointer, span) = find(plan, setting)?;
        found.push(Found {
            file,
            pointer,
            span,
            path: setting.path.join("."),
            value: setting.value.clone(),
        });
    }
    make(plan, found)
}

/// Make changes named by file (an index into `plan.files`) and JSON
/// Pointer, each with its new text (`allocate`).
pub fn apply_at(plan: &Plan, changes: &[(usize, String, String)]) -> Result<WhatIf, Refused> {
    let mut found = Vec::with_capacity(changes.len());
    for (file, pointer, value) in changes {
        let source = plan.file(*file);
        let node = source
            .node()
            .and_then(|n| n.pointer(pointer))
            .filter(|n| matches!(n.value, Value::Scalar(_)))
            .ok_or_else(|| Refused {
                at: source.path.clone(),
                message: Message::new("whatif-unreadable").text("file", &source.path),
            })?;
        found.push(Found {
            file: *file,
            pointer: pointer.clone(),
            span: node.span,
            path: pointer_path(pointer),
            value: value.clone(),
        });
    }
    make(plan, found)
}

/// `/goals/0/target` as `goals.0.target`.
fn pointer_path(pointer: &str) -> String {
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(crate::source::pointer::unescape)
        .collect::<Vec<_>>()
        .join(".")
}

/// A change found in a file.
struct Found {
    file: usize,
    pointer: String,
    span: SrcSpan,
    path: String,
    value: String,
}

fn make(plan: &Plan, found: Vec<Found>) -> Result<WhatIf, Refused> {
    let mut edits: BTreeMap<usize, BTreeMap<String, (SrcSpan, String)>> = BTreeMap::new();
    let mut changes: BTreeMap<(usize, String), Change> = BTreeMap::new();
    // Each file's line index, made once.
    let mut indexes: BTreeMap<usize, edit::Lines<'_>> = BTreeMap::new();
    for f in found {
        let source = plan.file(f.file);
        let lines = indexes
            .entry(f.file)
            .or_insert_with(|| edit::Lines::new(&source.text));
        let before = edit::scalar_range(lines, f.span)
            .and_then(|r| source.text.get(r))
            .unwrap_or_default()
            .trim_end()
            .to_string();
        let location = source.span_location(f.span);
        edits
            .entry(f.file)
            .or_default()
            .insert(f.pointer.clone(), (f.span, f.value.clone()));
        // A value changed twice: the last change counts, from the first
        // value.
        let entry = changes
            .entry((f.file, f.pointer.clone()))
            .or_insert_with(|| Change {
                file: source.path.clone(),
                path: f.path,
                pointer: f.pointer,
                line: location.line,
                column: location.column,
                before,
                after: String::new(),
            });
        entry.after = f.value;
    }
    let mut out = WhatIf::default();
    for (file, edits) in edits {
        let source = plan.file(file);
        let edits: Vec<(SrcSpan, String)> = edits.into_values().collect();
        let text = edit::replace(&source.text, &edits).ok_or_else(|| Refused {
            at: source.path.clone(),
            message: Message::new("whatif-overlap"),
        })?;
        out.changed.insert(source.path.clone(), text.into_bytes());
    }
    out.changes = changes.into_values().collect();
    out.changes.sort_by(|a, b| {
        (a.file.as_str(), a.line, a.column).cmp(&(b.file.as_str(), b.line, b.column))
    });
    Ok(out)
}

/// The file, pointer and span of the value a setting names.
fn find(plan: &Plan, setting: &Setting) -> Result<(usize, String, SrcSpan), Refused> {
    let origin = || match &setting.origin {
        Origin::Flag(arg) => format!("--set {arg}"),
        Origin::Scenario { file, pos } => format!("{file}:{}:{}", pos.line, pos.column),
    };
    let Some(index) = plan.files.iter().position(|f| f.path == setting.file) else {
        let mut files: Vec<&str> = plan
            .files
            .iter()
            .filter(|f| f.path.ends_with(".yaml") || f.path.ends_with(".yml"))
            .map(|f| f.path.as_str())
            .collect();
        files.sort_unstable();
        return Err(Refused {
            at: origin(),
            message: Message::new("whatif-no-file")
                .text("file", &setting.file)
                .text("near", nearest(&setting.file, &files)),
        });
    };
    let source = plan.file(index);
    if source.path.ends_with(".csv") {
        return Err(Refused {
            at: origin(),
            message: Message::new("whatif-csv").text("file", &source.path),
        });
    }
    let Some(root) = source.node() else {
        return Err(Refused {
            at: origin(),
            message: Message::new("whatif-unreadable").text("file", &source.path),
        });
    };
    let here = |node: &Node| {
        let l = source.span_location(node.span);
        format!("{}:{}:{}", source.path, l.line, l.column)
    };
    let mut node = root;
    let mut pointer = String::new();
    for (depth, segment) in setting.path.iter().enumerate() {
        let so_far = setting.path[..depth].join(".");
        let next = match &node.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.key_is(segment))
                .map(|(_, v)| (segment.clone(), v))
                .ok_or_else(|| {
                    let keys: Vec<String> =
                        entries.iter().filter_map(|(k, _)| k.key_text()).collect();
                    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                    Message::new("whatif-no-key")
                        .text("key", segment)
                        .text("in", in_what(&so_far, &source.path))
                        .text("near", nearest(segment, &keys))
                }),
            Value::Seq(items) => {
                let by_id = items.iter().position(|item| {
                    item.get("id")
                        .and_then(Node::key_text)
                        .is_some_and(|id| id == *segment)
                });
                let by_index = segment.parse::<usize>().ok().filter(|i| *i < items.len());
                by_id
                    .or(by_index)
                    .map(|i| (i.to_string(), &items[i]))
                    .ok_or_else(|| {
                        let ids: Vec<String> = items
                            .iter()
                            .filter_map(|item| item.get("id").and_then(Node::key_text))
                            .collect();
                        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                        Message::new("whatif-no-item")
                            .text("id", segment)
                            .text("in", in_what(&so_far, &source.path))
                            .text("near", nearest(segment, &ids))
                    })
            }
            Value::Scalar(_) => Err(Message::new("whatif-scalar-has-no-key")
                .text("key", segment)
                .text("in", in_what(&so_far, &source.path))),
        };
        match next {
            Ok((token, child)) => {
                pointer = crate::source::pointer::join(&pointer, &token);
                node = child;
            }
            Err(message) => {
                return Err(Refused {
                    at: here(node),
                    message,
                });
            }
        }
    }
    if !matches!(node.value, Value::Scalar(_)) {
        return Err(Refused {
            at: here(node),
            message: Message::new("whatif-not-a-value")
                .text("in", in_what(&setting.path.join("."), &source.path)),
        });
    }
    Ok((index, pointer, node.span))
}

/// `goals.omsetning` (the error's location names the file), or the file
/// itself.
fn in_what(path: &str, file: &str) -> String {
    if path.is_empty() {
        file.to_string()
    } else {
        format!("`{path}`")
    }
}

/// The names offered instead of a missing one: the closest one when it is
/// close (as every "did you mean" of the tool), else a few of them.
fn nearest(wanted: &str, names: &[&str]) -> String {
    if let Some(name) = crate::diag::did_you_mean(wanted, names.iter().copied()) {
        return name.to_string();
    }
    let shown: Vec<&str> = names.iter().take(8).copied().collect();
    let more = if names.len() > shown.len() {
        ", …"
    } else {
        ""
    };
    format!("{}{more}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_names_a_file_a_path_and_a_value() {
        let s = parse_set("./sellers/kari.yaml:goals.omsetning.target=12_000_000").expect("valid");
        assert_eq!(s.file, "sellers/kari.yaml");
        assert_eq!(s.path, ["goals", "omsetning", "target"]);
        assert_eq!(s.value, "12_000_000");
        assert_eq!(
            parse_set("kari.yaml:note=Hei: du").expect("valid").value,
            "\"Hei: du\""
        );
        assert_eq!(
            parse_set("kari.yaml:note=25 %").expect("valid").value,
            "25 %"
        );
        assert_eq!(parse_set("kari.yaml:note=").expect("valid").value, "\"\"");
        assert_eq!(
            parse_set("kari.yaml:note=Hei # du").expect("valid").value,
            "\"Hei # du\""
        );
        assert_eq!(
            parse_set("kari.yaml:note=[1, 2]").expect("valid").value,
            "\"[1, 2]\""
        );
        assert_eq!(
            parse_set("kari.yaml:note=\"12\"").expect("valid").value,
            "\"12\""
        );
        assert_eq!(
            parse_set("kari.yaml:note='a b'").expect("valid").value,
            "'a b'"
        );
        for bad in ["kari.yaml", "kari.yaml:goals", ":a=1", "k.yaml:a..b=1"] {
            assert!(parse_set(bad).is_err(), "{bad}");
        }
    }
}

//! A spanned YAML tree built from saphyr's event stream.
//!
//! We drive the parser's event iterator ourselves instead of `Parser::load`:
//! the recursive loader overflows the stack on deep nesting, keeps the last of
//! duplicate keys silently and has no budget for alias expansion. Here every
//! node keeps its position, nesting is capped, aliases are expanded against a
//! node budget, and a repeated key is reported (the first value is kept).

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Span};
use std::collections::HashMap;

/// How deep mappings and sequences may nest before the file is rejected.
pub const MAX_DEPTH: usize = 128;
/// How many nodes aliases may add to a file, in all.
pub const MAX_ALIAS_NODES: usize = 100_000;

/// A position in a source file: 1-based line and column, counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// The range a node covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct SrcSpan {
    pub start: Pos,
    pub end: Pos,
}

impl SrcSpan {
    fn from_parser(span: Span) -> Self {
        Self {
            start: pos(span.start),
            end: pos(span.end),
        }
    }

    pub fn point(pos: Pos) -> Self {
        Self {
            start: pos,
            end: pos,
        }
    }
}

fn pos(m: Marker) -> Pos {
    Pos {
        line: m.line().max(1),
        column: m.col() + 1,
    }
}

/// Where `source` ends: its last line (lines end at `\n`, `\r\n` or a
/// lone `\r`, as YAML counts them) and the column after its last character.
pub fn end_of(source: &str) -> Pos {
    let line = source.matches('\n').count() + source.matches('\r').count()
        - source.matches("\r\n").count()
        + 1;
    let last = source.rsplit(['\n', '\r']).next().unwrap_or_default();
    Pos {
        line,
        column: last.chars().count() + 1,
    }
}

/// A scalar resolved by the YAML 1.2 core schema, extended so that numbers
/// may group digits with `_` (`10_000_000`).
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Null,
    Bool(bool),
    /// A number, as normalised text (underscores removed): exact for decimals.
    Number(String),
    /// A special float (`.inf`, `.nan`) that no plan value can hold.
    NonFinite(String),
    Str(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Scalar(Scalar),
    Seq(Vec<Node>),
    /// Key nodes are kept so that a diagnostic can point at a key.
    Map(Vec<(Node, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: SrcSpan,
}

/// A problem found while reading YAML.
#[derive(Clone, Debug, PartialEq)]
pub struct YamlIssue {
    pub kind: IssueKind,
    pub problem: Problem,
    pub span: SrcSpan,
    /// For a duplicate key: where the key was first written.
    pub first: Option<SrcSpan>,
}

/// What is wrong, for the loader to put in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The parser's own words (not translated).
    Parser(String),
    /// A second `---` document.
    SecondDocument,
    /// Nesting deeper than `max` levels.
    TooDeep {
        max: usize,
    },
    UnknownAnchor,
    /// Aliases expand the file by more than `max` nodes.
    AliasBomb {
        max: usize,
    },
    /// A key repeated in one mapping, first written at `first_line`.
    DuplicateKey {
        key: String,
        first_line: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueKind {
    Syntax,
    DuplicateKey,
}

/// The result of reading one file: the tree when it could be built, and every
/// issue found on the way.
#[derive(Debug, Default)]
pub struct Parsed {
    pub root: Option<Node>,
    pub issues: Vec<YamlIssue>,
}

impl Node {
    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(Scalar::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// The text of a scalar key as it compares for duplicates and lookups.
    pub fn key_text(&self) -> Option<String> {
        match &self.value {
            Value::Scalar(Scalar::Str(s) | Scalar::Number(s) | Scalar::NonFinite(s)) => {
                Some(s.clone())
            }
            Value::Scalar(Scalar::Bool(b)) => Some(b.to_string()),
            Value::Scalar(Scalar::Null) => Some("null".to_string()),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.key_is(key))
            .map(|(k, v)| (k, v))
    }

    /// Whether this scalar key's text is `key` (as `key_text` compares,
    /// without making a string).
    pub fn key_is(&self, key: &str) -> bool {
        match &self.value {
            Value::Scalar(Scalar::Str(s) | Scalar::Number(s) | Scalar::NonFinite(s)) => s == key,
            Value::Scalar(Scalar::Bool(true)) => key == "true",
            Value::Scalar(Scalar::Bool(false)) => key == "false",
            Value::Scalar(Scalar::Null) => key == "null",
            _ => false,
        }
    }

    /// The node at a JSON Pointer (RFC 6901), if there is one.
    pub fn pointer(&self, pointer: &str) -> Option<&Node> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut node = self;
        for raw in pointer.strip_prefix('/')?.split('/') {
            let token = super::pointer::unescape(raw);
            node = match &node.value {
                Value::Map(_) => node.get(&token)?,
                Value::Seq(items) => items.get(token.parse::<usize>().ok()?)?,
                Value::Scalar(_) => return None,
            };
        }
        Some(node)
    }

    /// The node at a JSON Pointer, to change it.
    pub fn pointer_mut(&mut self, pointer: &str) -> Option<&mut Node> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut node = self;
        for raw in pointer.strip_prefix('/')?.split('/') {
            let token = super::pointer::unescape(raw);
            node = match &mut node.value {
                Value::Map(entries) => entries
                    .iter_mut()
                    .find(|(k, _)| k.key_is(&token))
                    .map(|(_, v)| v)?,
                Value::Seq(items) => items.get_mut(token.parse::<usize>().ok()?)?,
                Value::Scalar(_) => return None,
            };
        }
        Some(node)
    }

    /// The key node of the entry a pointer ends in, for diagnostics about a key.
    pub fn pointer_key(&self, pointer: &str) -> Option<&Node> {
        let (parent, last) = pointer.rsplit_once('/')?;
        let token = super::pointer::unescape(last);
        self.pointer(parent)?.entry(&token).map(|(k, _)| k)
    }

    fn size(&self) -> usize {
        match &self.value {
            Value::Scalar(_) => 1,
            Value::Seq(items) => 1 + items.iter().map(Node::size).sum::<usize>(),
            Value::Map(entries) => {
                1 + entries
                    .iter()
                    .map(|(k, v)| k.size() + v.size())
                    .sum::<usize>()
            }
        }
    }
}

/// Resolve a plain scalar's text to its value.
pub fn resolve_plain(text: &str) -> Scalar {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF"
        | ".nan" | ".NaN" | ".NAN" => return Scalar::NonFinite(text.to_string()),
        _ => {}
    }
    if let Some(n) = number_text(text) {
        return Scalar::Number(n);
    }
    Scalar::Str(text.to_string())
}

/// Normalised number text for a plain scalar that reads as a decimal number
/// (`10_000_000`, `-1.5`, `1.0e7`, `.5`), or `None`.
fn number_text(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let digits_start = i;
    let mut int_digits = 0;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || (bytes[i] == b'_' && int_digits > 0)) {
        if bytes[i] != b'_' {
            int_digits += 1;
        }
        i += 1;
    }
    let mut frac_digits = 0;
    if i < bytes.len() && bytes[i] == b'.' {
        i += 1;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit() || (bytes[i] == b'_' && frac_digits > 0))
        {
            if bytes[i] != b'_' {
                frac_digits += 1;
            }
            i += 1;
        }
    }
    if int_digits + frac_digits == 0 || i == digits_start {
        return None;
    }
    if i < bytes.len() && matches!(bytes[i], b'e' | b'E') {
        i += 1;
        if i < bytes.len() && matches!(bytes[i], b'+' | b'-') {
            i += 1;
        }
        let exp_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp_start {
            return None;
        }
    }
    if i != bytes.len() || text.ends_with('_') || text.contains("_.") || text.contains("._") {
        return None;
    }
    let mut out: String = text.chars().filter(|c| *c != '_').collect();
    if let Some(rest) = out.strip_prefix('+') {
        out = rest.to_string();
    }
    Some(out)
}

enum Frame {
    Seq {
        anchor: usize,
        span: SrcSpan,
        items: Vec<Node>,
    },
    Map {
        anchor: usize,
        span: SrcSpan,
        entries: Vec<(Node, Node)>,
        pending_key: Option<Node>,
        /// Each key's text and where it first stands, to find a duplicate
        /// in one lookup (a mapping of many keys stays linear).
        seen: foldhash::HashMap<String, SrcSpan>,
    },
}

struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    expanded: usize,
    issues: Vec<YamlIssue>,
    root: Option<Node>,
    documents: usize,
}

impl Builder {
    /// Adds a finished node to its parent; `Err` stops the parse.
    fn push(&mut self, node: Node, anchor: usize) {
        if anchor > 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                pending_key,
                seen,
                ..
            }) => match pending_key.take() {
                None => *pending_key = Some(node),
                Some(key) => {
                    let text = key.key_text();
                    let first = text.as_ref().and_then(|t| seen.get(t).copied());
                    if let (None, Some(t)) = (first, &text) {
                        seen.insert(t.clone(), key.span);
                    }
                    match (first, text) {
                        (Some(first), Some(text)) => self.issues.push(YamlIssue {
                            kind: IssueKind::DuplicateKey,
                            problem: Problem::DuplicateKey {
                                key: text,
                                first_line: first.start.line,
                            },
                            span: key.span,
                            first: Some(first),
                        }),
                        _ => entries.push((key, node)),
                    }
                }
            },
        }
    }
}

/// Read YAML text into a spanned tree.
pub fn parse(source: &str) -> Parsed {
    let mut parser = Parser::new_from_str(source);
    let mut b = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        expanded: 0,
        issues: Vec::new(),
        root: None,
        documents: 0,
    };
    while let Some(event) = parser.next_event() {
        let (event, span) = match event {
            Ok(ev) => ev,
            Err(err) => {
                // The parser puts an error at the end of a file without a
                // final line break on the line after it: keep it in the file.
                let at = pos(*err.marker()).min(end_of(source));
                // The scanner looks ahead through open flow collections and
                // stops at its own limit (256) before ours (128) is reached:
                // the same finding as ours, in the reader's language.
                let problem = if err.info().contains("recursion limit exceeded") {
                    Problem::TooDeep { max: MAX_DEPTH }
                } else {
                    Problem::Parser(err.info().to_string())
                };
                b.issues.push(YamlIssue {
                    kind: IssueKind::Syntax,
                    problem,
                    span: SrcSpan::point(at),
                    first: None,
                });
                return Parsed {
                    root: None,
                    issues: b.issues,
                };
            }
        };
        let sspan = SrcSpan::from_parser(span);
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                b.documents += 1;
                if b.documents > 1 {
                    b.issues.push(YamlIssue {
                        kind: IssueKind::Syntax,
                        problem: Problem::SecondDocument,
                        span: sspan,
                        first: None,
                    });
                    break;
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let value = if tag.as_ref().is_some_and(|t| t.suffix == "str")
                    || style != ScalarStyle::Plain
                {
                    Scalar::Str(text.into_owned())
                } else {
                    resolve_plain(&text)
                };
                b.push(
                    Node {
                        value: Value::Scalar(value),
                        span: sspan,
                    },
                    anchor,
                );
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if b.stack.len() >= MAX_DEPTH {
                    b.issues.push(YamlIssue {
                        kind: IssueKind::Syntax,
                        problem: Problem::TooDeep { max: MAX_DEPTH },
                        span: sspan,
                        first: None,
                    });
                    return Parsed {
                        root: None,
                        issues: b.issues,
                    };
                }
                b.stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq {
                        anchor,
                        span: sspan,
                        items: Vec::new(),
                    }
                } else {
                    Frame::Map {
                        anchor,
                        span: sspan,
                        entries: Vec::new(),
                        pending_key: None,
                        seen: foldhash::HashMap::default(),
                    }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match b.stack.pop() {
                    // Lists and mappings are kept at their size: the tree
                    // of a plan of 100 000 customers stays in memory for
                    // the whole check, and a vector's spare room after
                    // growing doubled it.
                    Some(Frame::Seq {
                        anchor,
                        span,
                        mut items,
                    }) => (
                        Node {
                            value: Value::Seq({
                                items.shrink_to_fit();
                                items
                            }),
                            span: SrcSpan {
                                start: span.start,
                                end: sspan.end,
                            },
                        },
                        anchor,
                    ),
                    Some(Frame::Map {
                        anchor,
                        span,
                        mut entries,
                        ..
                    }) => (
                        Node {
                            value: Value::Map({
                                entries.shrink_to_fit();
                                entries
                            }),
                            span: SrcSpan {
                                start: span.start,
                                end: sspan.end,
                            },
                        },
                        anchor,
                    ),
                    None => continue,
                };
                b.push(node, anchor);
            }
            Event::Alias(id) => {
                let Some(target) = b.anchors.get(&id) else {
                    b.issues.push(YamlIssue {
                        kind: IssueKind::Syntax,
                        problem: Problem::UnknownAnchor,
                        span: sspan,
                        first: None,
                    });
                    continue;
                };
                let size = target.size();
                b.expanded = b.expanded.saturating_add(size);
                if b.expanded > MAX_ALIAS_NODES {
                    b.issues.push(YamlIssue {
                        kind: IssueKind::Syntax,
                        problem: Problem::AliasBomb {
                            max: MAX_ALIAS_NODES,
                        },
                        span: sspan,
                        first: None,
                    });
                    return Parsed {
                        root: None,
                        issues: b.issues,
                    };
                }
                let mut node = target.clone();
                node.span = sspan;
                b.push(node, 0);
            }
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
        }
    }
    let root = b.root.take().unwrap_or(Node {
        value: Value::Scalar(Scalar::Null),
        span: SrcSpan::point(Pos { line: 1, column: 1 }),
    });
    Parsed {
        root: Some(root),
        issues: b.issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_accept_digit_groups_and_exponents() {
        assert_eq!(
            resolve_plain("10_000_000"),
            Scalar::Number("10000000".into())
        );
        assert_eq!(resolve_plain("1.0e7"), Scalar::Number("1.0e7".into()));
        assert_eq!(resolve_plain("+0.25"), Scalar::Number("0.25".into()));
        assert_eq!(resolve_plain(".5"), Scalar::Number(".5".into()));
        assert_eq!(resolve_plain("2027-Q1"), Scalar::Str("2027-Q1".into()));
        assert_eq!(
            resolve_plain("2027-03-31"),
            Scalar::Str("2027-03-31".into())
        );
        assert_eq!(resolve_plain("_1"), Scalar::Str("_1".into()));
        assert_eq!(resolve_plain("1_"), Scalar::Str("1_".into()));
        assert_eq!(resolve_plain("1e"), Scalar::Str("1e".into()));
        assert_eq!(resolve_plain("NO"), Scalar::Str("NO".into()));
        assert_eq!(resolve_plain("off"), Scalar::Str("off".into()));
    }

    #[test]
    fn an_error_at_the_end_stays_in_the_file() {
        // Without a final line break the parser puts it on the line after.
        for (text, line, column) in [
            ("name: x\nteam: [a", 2, 9),
            ("name: x\rteam: {a: [1", 2, 13),
            ("name: x\nteam: [a\n", 3, 1),
        ] {
            let parsed = parse(text);
            assert_eq!(parsed.issues.len(), 1, "{text:?}");
            assert_eq!(
                parsed.issues[0].span.start,
                Pos { line, column },
                "{text:?}"
            );
        }
    }

    #[test]
    fn nodes_keep_positions_and_duplicate_keys_are_reported() {
        let parsed = parse("a: 1\nb:\n  - x\n  - {c: 2, c: 3}\n");
        let root = parsed.root.expect("tree");
        let c = root.pointer("/b/1/c").expect("c");
        assert_eq!(c.span.start, Pos { line: 4, column: 9 });
        assert_eq!(c.value, Value::Scalar(Scalar::Number("2".into())));
        assert_eq!(parsed.issues.len(), 1);
        assert_eq!(parsed.issues[0].kind, IssueKind::DuplicateKey);
        assert_eq!(
            parsed.issues[0].span.start,
            Pos {
                line: 4,
                column: 12
            }
        );
    }

    #[test]
    fn quoted_scalars_stay_strings() {
        let root = parse("a: '10'\nb: !!str 5\n").root.expect("tree");
        assert_eq!(root.get("a").and_then(Node::as_str), Some("10"));
        assert_eq!(root.get("b").and_then(Node::as_str), Some("5"));
    }
}

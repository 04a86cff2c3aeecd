//! Changing values in a file's text by their spans, leaving every other
//! byte as it was: comments, order, quoting and spacing elsewhere stay
//! byte for byte (`allocate --write`, and `--set`/`--scenario`, which
//! change a copy of the text in memory).

use super::yaml::{Pos, SrcSpan};

/// Where each line of a text starts, to turn a position (line and column
/// in characters, as the YAML reader counts them) into a byte offset.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Lines end at `\n`, `\r\n` or a lone `\r`, as YAML counts them.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        Self { text, starts }
    }

    /// The byte offset of `pos`, if the text has that line and column (the
    /// column after a line's last character included).
    pub fn offset(&self, pos: Pos) -> Option<usize> {
        let start = *self.starts.get(pos.line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(pos.line)
            .copied()
            .unwrap_or(self.text.len());
        let line = self.text.get(start..end)?;
        let column = pos.column.checked_sub(1)?;
        if column == 0 {
            return Some(start);
        }
        let mut chars = line.char_indices().skip(column - 1);
        let (i, c) = chars.next()?;
        Some(start + i + c.len_utf8())
    }

    /// The bytes a span covers.
    pub fn range(&self, span: SrcSpan) -> Option<std::ops::Range<usize>> {
        let start = self.offset(span.start)?;
        let end = self.offset(span.end)?;
        (start <= end).then_some(start..end)
    }
}

/// The bytes of the scalar whose node covers `span`, as written: a quoted
/// scalar's closing quote ends it (the reader's span runs on over the
/// spaces and comment after it), and a block scalar (`|`, `>-`) starts at
/// its indicator, a line above its text.
pub fn scalar_range(lines: &Lines<'_>, span: SrcSpan) -> Option<std::ops::Range<usize>> {
    let text = lines.text;
    let range = lines.range(span)?;
    let rest = &text[range.start..];
    let quoted_end = |quote: char| -> Option<usize> {
        let mut chars = rest.char_indices().skip(1).peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' if quote == '"' => {
                    chars.next();
                }
                c if c == quote => {
                    if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                        chars.next();
                    } else {
                        return Some(range.start + i + 1);
                    }
                }
                _ => {}
            }
        }
        None
    };
    if let Some(q @ ('"' | '\'')) = rest.chars().next() {
        return Some(range.start..quoted_end(q)?);
    }
    // A block scalar: only spaces before its text on the line, and the
    // last word of a line above (before any comment) its header.
    let line_start = text[..range.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    if span.start.line > 1 && text[line_start..range.start].chars().all(|c| c == ' ') {
        let mut above = &text[..line_start];
        loop {
            let trimmed = above.trim_end_matches(['\n', '\r']);
            let start = trimmed.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let line = &trimmed[start..];
            if line.trim().is_empty() && start > 0 {
                above = &trimmed[..start];
                continue;
            }
            let code = line.find(" #").map_or(line, |i| &line[..i]).trim_end();
            let word = code.rsplit([' ', '\t']).next().unwrap_or_default();
            let mut chars = word.chars();
            let header = matches!(chars.next(), Some('|' | '>'))
                && chars.all(|c| matches!(c, '-' | '+' | '1'..='9'));
            if header {
                return Some(start + code.len() - word.len()..range.end);
            }
            break;
        }
    }
    Some(range)
}

/// `text` with the scalar at each span replaced by its new text (spans
/// as the YAML reader gives them). A block scalar's replacement takes its
/// line break with it. `None` when a span is not in the text or two spans
/// overlap.
pub fn replace(text: &str, edits: &[(SrcSpan, String)]) -> Option<String> {
    let lines = Lines::new(text);
    let mut ranges = edits
        .iter()
        .map(|(span, new)| {
            let mut range = scalar_range(&lines, *span)?;
            // An empty value's span is its key's colon.
            if range.is_empty() && text[range.start..].starts_with(':') {
                range = range.start + 1..range.start + 1;
            }
            let covered = &text[range.clone()];
            let new = if covered.ends_with(['\n', '\r']) {
                // The file's own line end: `\r\n`, `\n` or a lone `\r`.
                let end = if covered.ends_with("\r\n") {
                    "\r\n"
                } else if covered.ends_with('\r') {
                    "\r"
                } else {
                    "\n"
                };
                format!("{new}{end}")
            } else if range.is_empty() && !text[..range.start].ends_with([' ', '\t']) {
                format!(" {new}")
            } else {
                new.clone()
            };
            Some((range, new))
        })
        .collect::<Option<Vec<_>>>()?;
    ranges.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, new) in ranges {
        if range.start < at {
            return None;
        }
        out.push_str(text.get(at..range.start)?);
        out.push_str(&new);
        at = range.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::yaml::parse;

    fn set(text: &str, pointer: &str, new: &str) -> String {
        let parsed = parse(text);
        let node = parsed.root.as_ref().and_then(|r| r.pointer(pointer));
        let span = node.map(|n| n.span).expect("the pointer names a value");
        replace(text, &[(span, new.to_string())]).expect("the span is in the text")
    }

    #[test]
    fn only_the_value_changes() {
        let text = "# Kari\ngoals:\n  - id: omsetning   # år\n    target:   10_000_000 # mål\n    per: year\n";
        assert_eq!(
            set(text, "/goals/0/target", "12_000_000"),
            "# Kari\ngoals:\n  - id: omsetning   # år\n    target:   12_000_000 # mål\n    per: year\n"
        );
    }

    #[test]
    fn quoted_flow_and_non_ascii_values() {
        let text = "navn: \"Kåre Ø\" # x\nmål: {a: 1, b: 'to'}\n";
        assert_eq!(
            set(text, "/navn", "Kari"),
            "navn: Kari # x\nmål: {a: 1, b: 'to'}\n"
        );
        assert_eq!(
            set(text, "/mål/b", "3"),
            "navn: \"Kåre Ø\" # x\nmål: {a: 1, b: 3}\n"
        );
        assert_eq!(
            set(text, "/mål/a", "25 %"),
            "navn: \"Kåre Ø\" # x\nmål: {a: 25 %, b: 'to'}\n"
        );
    }

    #[test]
    fn crlf_and_lone_cr_lines() {
        let text = "a: 1\r\nb: 2\rc: æ3\n";
        assert_eq!(set(text, "/b", "20"), "a: 1\r\nb: 20\rc: æ3\n");
        assert_eq!(set(text, "/c", "4"), "a: 1\r\nb: 2\rc: 4\n");
    }

    #[test]
    fn quoted_scalars_end_at_their_quote() {
        let text = "a: 'it''s' # c\nb: [1, \"x\\\"y\" , 2]\n";
        assert_eq!(set(text, "/a", "ny"), "a: ny # c\nb: [1, \"x\\\"y\" , 2]\n");
        assert_eq!(set(text, "/b/1", "z"), "a: 'it''s' # c\nb: [1, z , 2]\n");
    }

    #[test]
    fn block_scalars_are_replaced_from_their_header() {
        let text = "a: >-  # c\n  x\n\n  y\nb: |\n  z\n";
        assert_eq!(set(text, "/a", "'ny'"), "a: 'ny'\nb: |\n  z\n");
        assert_eq!(set(text, "/b", "ny"), "a: >-  # c\n  x\n\n  y\nb: ny\n");
        let plain = "a: plain\n  more\nb: 1\n";
        assert_eq!(set(plain, "/a", "x"), "a: x\nb: 1\n");
    }

    #[test]
    fn an_empty_value_gets_one() {
        assert_eq!(set("a:\nb: 1\n", "/a", "2"), "a: 2\nb: 1\n");
        assert_eq!(set("a: \nb: 1\n", "/a", "2"), "a: 2 \nb: 1\n");
    }

    #[test]
    fn a_value_at_the_end_without_a_newline() {
        assert_eq!(set("a: 1\nb: 22", "/b", "3"), "a: 1\nb: 3");
    }

    #[test]
    fn overlapping_or_missing_spans_are_refused() {
        let span = |l1, c1, l2, c2| SrcSpan {
            start: Pos {
                line: l1,
                column: c1,
            },
            end: Pos {
                line: l2,
                column: c2,
            },
        };
        assert_eq!(replace("a: 1\n", &[(span(9, 1, 9, 2), "x".into())]), None);
        assert_eq!(
            replace(
                "abcdef\n",
                &[
                    (span(1, 1, 1, 4), "x".into()),
                    (span(1, 3, 1, 5), "y".into())
                ]
            ),
            None
        );
        assert_eq!(
            replace(
                "abcdef\n",
                &[
                    (span(1, 4, 1, 5), "y".into()),
                    (span(1, 1, 1, 2), "x".into())
                ]
            )
            .as_deref(),
            Some("xbcyef\n")
        );
    }
}

//! CSV customer lists (and actuals), read into the same spanned tree as
//! YAML so that schema checks, typing and locations work unchanged.
//!
//! The separator is taken from the header line: `,` (numbers use `.` as the
//! decimal mark), or `;` or a tab (the Norwegian spreadsheet convention:
//! numbers use `,` as the decimal mark, and spaces may group digits).

use super::yaml::{Node, Pos, Scalar, SrcSpan, Value, resolve_plain};

/// One cell with the position of its first character.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub pos: Pos,
    pub end: Pos,
    pub quoted: bool,
}

/// What is wrong, for the loader to put in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A quoted cell that is never closed.
    UnclosedQuote,
    /// Text after a quoted cell's closing quote.
    TextAfterQuote,
    /// A quote inside an unquoted cell.
    QuoteInCell,
    /// A column named twice in the header.
    ColumnTwice { name: String },
    /// A row with another number of cells than the header has columns.
    RowLength { cells: usize, columns: usize },
}

/// A CSV problem at a position.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvIssue {
    pub problem: Problem,
    pub pos: Pos,
}

/// Records of cells; a syntax error stops the reading.
pub fn records(text: &str, delimiter: char) -> Result<Vec<Vec<Cell>>, CsvIssue> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut chars = text.chars().peekable();
    let (mut line, mut col) = (1usize, 1usize);
    let mut at_row_start = true;
    loop {
        // Skip blank lines between records.
        if at_row_start {
            match chars.peek() {
                None => break,
                Some('\n') => {
                    chars.next();
                    line += 1;
                    col = 1;
                    continue;
                }
                // `\r\n`, or a lone `\r` (old Mac files): one line break,
                // as the YAML reader and the human output count them.
                Some('\r') => {
                    chars.next();
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    col = 1;
                    continue;
                }
                _ => at_row_start = false,
            }
        }
        let start = Pos { line, column: col };
        let mut cell = String::new();
        let mut quoted = false;
        if chars.peek() == Some(&'"') {
            quoted = true;
            chars.next();
            col += 1;
            loop {
                match chars.next() {
                    None => {
                        return Err(CsvIssue {
                            problem: Problem::UnclosedQuote,
                            pos: start,
                        });
                    }
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        col += 2;
                        cell.push('"');
                    }
                    Some('"') => {
                        col += 1;
                        break;
                    }
                    Some('\n') => {
                        line += 1;
                        col = 1;
                        cell.push('\n');
                    }
                    Some('\r') => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        line += 1;
                        col = 1;
                        cell.push('\n');
                    }
                    Some(c) => {
                        col += 1;
                        cell.push(c);
                    }
                }
            }
            match chars.peek() {
                None | Some('\n' | '\r') => {}
                Some(c) if *c == delimiter => {}
                Some(_) => {
                    return Err(CsvIssue {
                        problem: Problem::TextAfterQuote,
                        pos: Pos { line, column: col },
                    });
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == delimiter || c == '\n' || c == '\r' {
                    break;
                }
                if c == '"' {
                    return Err(CsvIssue {
                        problem: Problem::QuoteInCell,
                        pos: Pos { line, column: col },
                    });
                }
                cell.push(c);
                chars.next();
                col += 1;
            }
        }
        let end = Pos { line, column: col };
        row.push(Cell {
            text: cell,
            pos: start,
            end,
            quoted,
        });
        match chars.next() {
            Some(c) if c == delimiter => {
                col += 1;
            }
            Some('\r') => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                line += 1;
                col = 1;
                rows.push(std::mem::take(&mut row));
                at_row_start = true;
            }
            Some('\n') => {
                line += 1;
                col = 1;
                rows.push(std::mem::take(&mut row));
                at_row_start = true;
            }
            None => {
                rows.push(std::mem::take(&mut row));
                break;
            }
            Some(_) => {}
        }
    }
    Ok(rows)
}

/// The separator a header line uses: the most common of `,`, `;` and tab
/// outside quotes (`,` when none).
pub fn delimiter(text: &str) -> char {
    let header = text.lines().next().unwrap_or_default();
    let mut in_quotes = false;
    let mut counts = [(',', 0), (';', 0), ('\t', 0)];
    for c in header.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if !in_quotes {
            for (d, n) in &mut counts {
                if c == *d {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == ','))
        .map_or(',', |(d, _)| *d)
}

/// How a column's cells are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    Text,
    Number,
    /// A number, or a word (potential: low, medium, high).
    NumberOrText,
    Bool,
}

/// A number cell in the file's convention, as text for the number
/// resolver; `None` when it is not a number written that way. Digits may be
/// grouped in threes (by spaces or `.` where `,` is the decimal mark; by `,`
/// or spaces where `.` is); anything else (`1.5` in a `;` file) is not a
/// number, so the schema reports the cell instead of the tool reading 15.
pub fn normalise_number(text: &str, decimal_comma: bool) -> Option<String> {
    let t = text.trim();
    if t.ends_with('%') {
        return Some(t.to_string());
    }
    let (mark, groups): (char, &[char]) = if decimal_comma {
        (',', &[' ', '\u{a0}', '\u{202f}', '.', '_'])
    } else {
        ('.', &[',', ' ', '\u{a0}', '\u{202f}', '_'])
    };
    let (sign, rest) = match t.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", t.strip_prefix('+').unwrap_or(t)),
    };
    if rest.contains(['e', 'E']) {
        // Scientific notation, without grouping.
        return (!rest.contains(groups)).then(|| format!("{sign}{}", rest.replace(mark, ".")));
    }
    let (int, frac) = match rest.split_once(mark) {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = int.split(|c| groups.contains(&c)).collect();
    let grouped = parts.len() == 1 && digits(parts[0])
        || parts.len() > 1
            && digits(parts[0])
            && parts[0].len() <= 3
            && parts[1..].iter().all(|p| p.len() == 3 && digits(p));
    if !grouped || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    let mut out = format!("{sign}{}", parts.concat());
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

fn span(cell: &Cell) -> SrcSpan {
    SrcSpan {
        start: cell.pos,
        end: cell.end,
    }
}

fn scalar(cell: Cell, kind: CellKind, decimal_comma: bool) -> Scalar {
    match kind {
        CellKind::Text => Scalar::Str(cell.text),
        CellKind::Bool => match cell.text.trim().to_lowercase().as_str() {
            "true" | "yes" | "ja" | "1" | "x" => Scalar::Bool(true),
            "false" | "no" | "nei" | "0" => Scalar::Bool(false),
            _ => Scalar::Str(cell.text),
        },
        CellKind::Number | CellKind::NumberOrText => {
            match normalise_number(&cell.text, decimal_comma).map(|n| resolve_plain(&n)) {
                Some(n @ Scalar::Number(_)) => n,
                _ => Scalar::Str(cell.text),
            }
        }
    }
}

/// A CSV table read into the tree.
#[derive(Debug)]
pub struct Table {
    /// The rows as a list of mappings (header → cell).
    pub rows: Node,
    /// Header cells naming columns that `kind_of` does not know.
    pub unknown: Vec<Cell>,
    /// The header row, as written.
    pub header: Vec<Cell>,
    /// Rows with more or fewer cells than the header, and repeated column
    /// names: each reported, the row or column left out.
    pub issues: Vec<CsvIssue>,
}

/// The rows of a CSV table as a list of mappings (header → cell), with the
/// column kinds given by `kind_of`. A quote that is never closed stops the
/// reading; other problems are collected and the rest is read.
pub fn table(text: &str, kind_of: impl Fn(&str) -> Option<CellKind>) -> Result<Table, CsvIssue> {
    let delimiter = delimiter(text);
    let decimal_comma = delimiter != ',';
    let mut rows = records(text, delimiter)?.into_iter();
    let mut issues = Vec::new();
    let mut unknown = Vec::new();
    let Some(header) = rows.next() else {
        return Ok(Table {
            rows: Node {
                value: Value::Seq(Vec::new()),
                span: SrcSpan::point(Pos { line: 1, column: 1 }),
            },
            unknown,
            header: Vec::new(),
            issues,
        });
    };
    // A set: a header of many columns stays linear.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let columns: Vec<(String, Option<CellKind>)> = header
        .iter()
        .map(|h| {
            let name = h.text.trim().to_string();
            if seen.contains(&name) {
                issues.push(CsvIssue {
                    problem: Problem::ColumnTwice { name: name.clone() },
                    pos: h.pos,
                });
                return (name, None);
            }
            seen.insert(name.clone());
            let kind = kind_of(&name);
            if kind.is_none() {
                unknown.push(h.clone());
            }
            (name, kind)
        })
        .collect();
    let mut items = Vec::new();
    for row in rows {
        let blank = row.len() == 1 && row[0].text.trim().is_empty();
        if blank {
            continue;
        }
        if row.len() != columns.len() {
            let pos = if row.len() > columns.len() {
                row[columns.len()].pos
            } else {
                row.last().map_or(Pos { line: 1, column: 1 }, |c| c.end)
            };
            issues.push(CsvIssue {
                problem: Problem::RowLength {
                    cells: row.len(),
                    columns: columns.len(),
                },
                pos,
            });
            continue;
        }
        let row_span = SrcSpan {
            start: row.first().map_or(Pos::default(), |c| c.pos),
            end: row.last().map_or(Pos::default(), |c| c.end),
        };
        let mut entries = Vec::with_capacity(columns.len());
        for (cell, (name, kind)) in row.into_iter().zip(&columns) {
            let Some(kind) = kind else { continue };
            if cell.text.trim().is_empty() {
                continue;
            }
            let cell_span = span(&cell);
            let key = Node {
                value: Value::Scalar(Scalar::Str(name.clone())),
                span: cell_span,
            };
            let value = Node {
                value: Value::Scalar(scalar(cell, *kind, decimal_comma)),
                span: cell_span,
            };
            entries.push((key, value));
        }
        items.push(Node {
            value: Value::Map(entries),
            span: row_span,
        });
    }
    Ok(Table {
        rows: Node {
            value: Value::Seq(items),
            span: SrcSpan::point(Pos { line: 2, column: 1 }),
        },
        unknown,
        header,
        issues,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_their_positions_and_quotes() {
        let rows = records(
            "id,name\nfjordtre,\"Fjordtre, AS\"\r\n\nvik,\"Vik \"\"Vent\"\"\"\n",
            ',',
        )
        .expect("csv");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1][1].text, "Fjordtre, AS");
        assert_eq!(
            rows[1][1].pos,
            Pos {
                line: 2,
                column: 10
            }
        );
        assert_eq!(rows[2][0].pos, Pos { line: 4, column: 1 });
        assert_eq!(rows[2][1].text, "Vik \"Vent\"");
    }

    #[test]
    fn broken_quotes_are_located() {
        let err = records("id,name\na,\"open\n", ',').expect_err("unterminated");
        assert_eq!(err.pos, Pos { line: 2, column: 3 });
        let err = records("id,name\na,b\"c\n", ',').expect_err("stray quote");
        assert_eq!(err.pos, Pos { line: 2, column: 4 });
    }

    #[test]
    fn the_separator_decides_the_decimal_mark() {
        assert_eq!(delimiter("id;name;revenue\n"), ';');
        assert_eq!(delimiter("id,name\n"), ',');
        assert_eq!(delimiter("id\n"), ',');
        let n = |t: &str, comma: bool| normalise_number(t, comma);
        assert_eq!(n("1 800 000", true).as_deref(), Some("1800000"));
        assert_eq!(n("0,19", true).as_deref(), Some("0.19"));
        assert_eq!(n("1.800.000,50", true).as_deref(), Some("1800000.50"));
        assert_eq!(n("1,800,000.50", false).as_deref(), Some("1800000.50"));
        assert_eq!(n("19 %", true).as_deref(), Some("19 %"));
        assert_eq!(n("-40 000", true).as_deref(), Some("-40000"));
        assert_eq!(
            n("1.5", true),
            None,
            "a decimal point in a decimal-comma file"
        );
        assert_eq!(
            n("1,5", false),
            None,
            "a decimal comma in a decimal-point file"
        );
        assert_eq!(n("12.34.5", true), None);
        assert_eq!(n("1 2 3", true), None);
        assert_eq!(n("1234", true).as_deref(), Some("1234"));
    }

    #[test]
    fn a_lone_carriage_return_is_a_line_break_as_in_yaml() {
        // Old Mac line ends, a blank line among them, and one inside a
        // quoted cell: lines counted as the YAML reader and the human
        // output count them.
        let rows = records("a,b\r1,2\r\r3,\"x\ry\"\r4,5", ',').expect("rows");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1][0].pos, Pos { line: 2, column: 1 });
        assert_eq!(rows[2][0].pos, Pos { line: 4, column: 1 });
        assert_eq!(rows[2][1].text, "x\ny");
        assert_eq!(rows[3][0].pos, Pos { line: 6, column: 1 });
    }
}

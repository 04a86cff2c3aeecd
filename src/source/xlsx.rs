//! An `.xlsx` workbook's bytes to its sheets' cells, each with its place
//! (`Selgere!C4`). Bounded: the zip's declared unpacked sizes are added up
//! before anything is unpacked (and the zip reader stops at a part's
//! declared size), and a sheet yields at most `MAX_CELLS` cells.

use calamine::{DataRef, Reader as _, Xlsx};
use std::io::Cursor;

/// The most bytes the parts of a workbook may unpack to, together.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// The most non-empty cells read of one sheet.
pub const MAX_CELLS: usize = 2_000_000;

/// A cell's value as the workbook stores it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// A number cell (Excel stores every number as a binary float).
    Number(f64),
    Bool(bool),
    /// A number cell formatted as a date or time.
    Date,
    /// An error value: `#DIV/0!`, `#REF!`, …
    Error(String),
    /// A formula whose value the workbook does not hold (a file written by
    /// a program that does not compute formulas).
    Uncomputed,
}

/// A cell with its 0-based row and column.
#[derive(Clone, Debug)]
pub struct Cell {
    pub row: u32,
    pub col: u32,
    pub value: Value,
}

/// A sheet: its name and its cells by row, each row's cells in column order
/// (rows without cells left out).
#[derive(Clone, Debug)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// Why a file cannot be read as a workbook.
#[derive(Debug)]
pub enum Problem {
    /// Not a zip archive, or a damaged one.
    NotAWorkbook(String),
    /// The parts unpack to more than `MAX_UNPACKED_BYTES`.
    TooLarge(u64),
    /// A sheet has more than `MAX_CELLS` cells.
    TooManyCells(String),
}

/// The A1 name of a 0-based row and column: `(3, 2)` → `C4`.
pub fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(col) + 1;
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.reverse();
    let mut out: String = letters.into_iter().collect();
    out.push_str(&(u64::from(row) + 1).to_string());
    out
}

/// Every sheet of the workbook, in order.
///
/// calamine panics on some damaged sheets (a cell reference whose row
/// overflows when it is read, found by fuzzing): such a panic is caught
/// here and reported as a damaged workbook, without its message.
pub fn read(bytes: &[u8]) -> Result<Vec<Sheet>, Problem> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(|| read_sheets(bytes));
    std::panic::set_hook(hook);
    read.unwrap_or_else(|_| {
        Err(Problem::NotAWorkbook(
            "the reader stopped at a damaged part".to_string(),
        ))
    })
}

fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, Problem> {
    let unpacked = unpacked_size(bytes)?;
    if unpacked > MAX_UNPACKED_BYTES {
        return Err(Problem::TooLarge(unpacked));
    }
    let mut book: Xlsx<_> =
        Xlsx::new(Cursor::new(bytes)).map_err(|e| Problem::NotAWorkbook(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let mut reader = book
            .worksheet_cells_reader(&name)
            .map_err(|e| Problem::NotAWorkbook(e.to_string()))?;
        let mut cells: Vec<Cell> = Vec::new();
        while let Some(cell) = reader
            .next_cell_with_formula_metadata()
            .map_err(|e| Problem::NotAWorkbook(e.to_string()))?
        {
            let value = match value(&cell.value) {
                Value::Empty if cell.formula.is_some() => Value::Uncomputed,
                Value::Empty => continue,
                v => v,
            };
            if cells.len() >= MAX_CELLS {
                return Err(Problem::TooManyCells(name));
            }
            let (row, col) = cell.pos;
            cells.push(Cell { row, col, value });
        }
        cells.sort_by_key(|c| (c.row, c.col));
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        for cell in cells {
            match rows.last_mut() {
                Some(row) if row.first().is_some_and(|c| c.row == cell.row) => {
                    // A repeated cell (a damaged sheet): the first one counts.
                    if row.last().is_none_or(|c| c.col != cell.col) {
                        row.push(cell);
                    }
                }
                _ => rows.push(vec![cell]),
            }
        }
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// The declared unpacked size of every part, added up, from the zip's
/// central directory (nothing is unpacked).
fn unpacked_size(bytes: &[u8]) -> Result<u64, Problem> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Problem::NotAWorkbook(e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip
            .by_index_raw(i)
            .map_err(|e| Problem::NotAWorkbook(e.to_string()))?;
        total = total.saturating_add(part.size());
    }
    Ok(total)
}

fn value(data: &DataRef<'_>) -> Value {
    match data {
        DataRef::Empty => Value::Empty,
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) => Value::Text((*s).to_string()),
        // An integer cell's value is whole, and so is its float.
        #[allow(clippy::cast_precision_loss)]
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => Value::Date,
        DataRef::Error(e) => Value::Error(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_names() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(3, 2), "C4");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(9, 26), "AA10");
        assert_eq!(a1(0, 16_383), "XFD1");
    }

    #[test]
    fn not_a_workbook() {
        assert!(matches!(read(b"salg"), Err(Problem::NotAWorkbook(_))));
        assert!(matches!(read(b""), Err(Problem::NotAWorkbook(_))));
    }
}

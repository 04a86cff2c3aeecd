//! Arbitrary workbooks through `salgsmal import plan`. The first byte
//! chooses the mode: even, the rest is the file's bytes (the zip, the XML
//! and calamine, bounded); odd, the rest is a workbook's cells written as
//! text — a line `#Name` starts a sheet, lines are rows, tabs part cells, a
//! cell that reads as a float is a number, `!x` an error value, `?` a
//! formula without a value — so that the column matching, the numbers and
//! the files written are fuzzed past the zip. Whatever the workbook, the
//! plan import writes must be YAML that reads back without a syntax error,
//! and the loader must take it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use salgsmal::load::workbook::{self, Options};
use salgsmal::load::{Files, load_from};
use salgsmal::source::xlsx::{self, Cell, Sheet, Value};
use salgsmal::source::yaml;
use std::collections::BTreeMap;
use std::path::Path;

fn cells(text: &str) -> Vec<Sheet> {
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut row = 0u32;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix('#') {
            sheets.push(Sheet {
                name: name.to_string(),
                rows: Vec::new(),
            });
            row = 0;
            continue;
        }
        if sheets.is_empty() {
            sheets.push(Sheet {
                name: "Selgere".to_string(),
                rows: Vec::new(),
            });
        }
        let mut out = Vec::new();
        for (col, cell) in line.split('\t').enumerate() {
            let value = if cell.is_empty() {
                continue;
            } else if cell == "?" {
                Value::Uncomputed
            } else if let Some(e) = cell.strip_prefix('!') {
                Value::Error(e.to_string())
            } else if let Ok(n) = cell.parse::<f64>() {
                Value::Number(n)
            } else {
                Value::Text(cell.to_string())
            };
            out.push(Cell {
                row,
                col: u32::try_from(col).unwrap_or(u32::MAX),
                value,
            });
        }
        if !out.is_empty() {
            if let Some(sheet) = sheets.last_mut() {
                sheet.rows.push(out);
            }
        }
        row += 1;
    }
    sheets
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let sheets = if first & 1 == 0 {
        match xlsx::read(rest) {
            Ok(sheets) => sheets,
            Err(_) => return,
        }
    } else {
        cells(&String::from_utf8_lossy(rest))
    };
    let options = Options {
        source: "plan.xlsx".to_string(),
        ..Options::default()
    };
    let Ok(imported) = workbook::plan(&sheets, &options) else {
        return;
    };
    let mut files = BTreeMap::new();
    for (path, text) in &imported.files {
        if path.ends_with(".yaml") {
            let parsed = yaml::parse(text);
            assert!(
                parsed.issues.is_empty(),
                "{path} does not read back: {:?}\n{text}",
                parsed.issues
            );
        }
        files.insert(path.clone(), text.clone().into_bytes());
    }
    let _ = load_from(Path::new("/plan"), &Files::Memory(&files)).expect("memory never fails");
});

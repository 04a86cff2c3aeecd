//! `salgsmal import plan FILE.xlsx [--out DIR]`: a new plan repository from
//! a workbook of sellers and targets (`load::workbook` reads it).
//!
//! Every problem of the workbook is printed at its sheet and cell, and
//! nothing is written while there is one. The files are written into a
//! staging folder inside the target folder, then moved into place; a target
//! folder that already holds any of them is refused before anything is
//! written.

use super::Global;
use super::import::escape;
use crate::cli::{ImportPlanArgs, InitLocale};
use crate::i18n::{Locale, Localizer, Message};
use crate::load::workbook::{self, Problem};
use crate::source::xlsx;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn execute(args: &ImportPlanArgs, global: Global) -> anyhow::Result<ExitCode> {
    let locale = match args.locale {
        Some(InitLocale::En) => Some(Locale::En),
        Some(InitLocale::Nb) => Some(Locale::Nb),
        None => None,
    };
    let loc = Localizer::new(locale.unwrap_or(Locale::Nb), "NOK");
    let say = |m: Message| loc.format(&m);
    let shown = args.file.display().to_string();

    let mut renames = Vec::new();
    for column in &args.columns {
        match column.split_once('=') {
            Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() => {
                renames.push((from.trim().to_string(), to.trim().to_string()));
            }
            _ => anyhow::bail!(say(Message::new("xlsx-bad-column").text("column", column))),
        }
    }
    let bytes = read(&args.file).map_err(|m| anyhow::anyhow!(say(m)))?;
    let mut sheets = match xlsx::read(&bytes) {
        Ok(sheets) => sheets,
        Err(problem) => {
            let message = match problem {
                xlsx::Problem::NotAWorkbook(error) => {
                    Message::new("xlsx-not-a-workbook").text("error", error)
                }
                xlsx::Problem::TooLarge(bytes) => Message::new("xlsx-unpacked-too-large")
                    .text("bytes", bytes.to_string())
                    .text("max", xlsx::MAX_UNPACKED_BYTES.to_string()),
                xlsx::Problem::TooManyCells(sheet) => Message::new("xlsx-too-many-cells")
                    .text("sheet", sheet)
                    .text("max", xlsx::MAX_CELLS.to_string()),
            };
            report(
                &loc,
                "import-row-error",
                &shown,
                &Problem {
                    sheet: String::new(),
                    cell: String::new(),
                    message,
                },
            );
            super::eprintln(&say(Message::new("xlsx-nothing-written")));
            return Ok(ExitCode::from(1));
        }
    };
    workbook::rename_headers(&mut sheets, &renames);
    let options = workbook::Options {
        period: args.period,
        locale,
        company: args.company.clone(),
        source: args
            .file
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned()),
    };
    let imported = match workbook::plan(&sheets, &options) {
        Ok(imported) => imported,
        Err(problems) => {
            for p in &problems {
                report(&loc, "import-row-error", &shown, p);
            }
            super::eprintln(&say(Message::new("xlsx-nothing-written")));
            return Ok(ExitCode::from(1));
        }
    };

    let out = args.out.clone().unwrap_or_else(|| default_out(&args.file));
    let mut files = imported.files;
    for (_, file, text) in crate::load::schema::SCHEMAS {
        files.push((format!("schemas/{file}"), (*text).to_string()));
    }
    write_all(&out, &files).map_err(|m| anyhow::anyhow!(say(m)))?;

    if !global.quiet {
        for note in &imported.notes {
            report(&loc, "xlsx-note", &shown, note);
        }
        super::println(&say(Message::new("import-plan-wrote")
            .text("path", out.display().to_string())
            .count("sellers", imported.sellers)
            .count("teams", imported.teams)
            .count("customers", imported.customers)))?;
        super::println(&say(
            Message::new("import-plan-next").text("path", out.display().to_string())
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `plan-2027.xlsx` → `plan-2027` (in the current folder).
fn default_out(file: &Path) -> PathBuf {
    file.file_stem()
        .map_or_else(
            || PathBuf::from("plan"),
            |s| PathBuf::from(s.to_os_string()),
        )
        .file_name()
        .map_or_else(|| PathBuf::from("plan"), PathBuf::from)
}

/// The workbook's bytes, at most `--max-file-bytes` of them.
fn read(path: &Path) -> Result<Vec<u8>, Message> {
    let failed = |e: std::io::Error| {
        Message::new("import-read-failed")
            .text("path", path.display().to_string())
            .text("error", e.to_string())
    };
    let max = crate::load::max_file_bytes(None);
    let file = std::fs::File::open(path).map_err(failed)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > max {
        return Err(Message::new("import-too-large")
            .text("path", path.display().to_string())
            .count("max", usize::try_from(max).unwrap_or(usize::MAX)));
    }
    Ok(bytes)
}

/// One located problem (or note) on standard error:
/// `error: plan.xlsx: Selgere!C4: …`.
fn report(loc: &Localizer, level: &'static str, file: &str, p: &Problem) {
    let place = match (p.sheet.is_empty(), p.cell.is_empty()) {
        (true, _) => String::new(),
        (false, true) => format!("{}: ", p.sheet),
        (false, false) => format!("{}!{}: ", p.sheet, p.cell),
    };
    super::eprintln(&escape(&format!(
        "{}: {file}: {place}{}",
        loc.format(&Message::new(level)),
        loc.format(&p.message)
    )));
}

/// Write `files` into `out`: refused if `out` holds any of their top-level
/// names already (a link counts as there), staged in a fresh folder inside
/// `out` and moved into place. An existing `.gitignore` is kept.
fn write_all(out: &Path, files: &[(String, String)]) -> Result<(), Message> {
    let failed = |path: &Path, e: &std::io::Error| {
        Message::new("import-write-failed")
            .text("path", path.display().to_string())
            .text("error", e.to_string())
    };
    if out.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
        return Err(Message::new("import-not-a-folder").text("path", out.display().to_string()));
    }
    let mut tops: Vec<&str> = files
        .iter()
        .map(|(p, _)| p.split('/').next().unwrap_or(p))
        .collect();
    tops.sort_unstable();
    tops.dedup();
    let existing: Vec<&str> = tops
        .iter()
        .copied()
        .filter(|t| out.join(t).symlink_metadata().is_ok())
        .collect();
    if !existing.is_empty() {
        return Err(Message::new("import-plan-exists")
            .text("path", out.display().to_string())
            .text("files", existing.join(", ")));
    }
    std::fs::create_dir_all(out).map_err(|e| failed(out, &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".salgsmal-import-")
        .tempdir_in(out)
        .map_err(|e| failed(out, &e))?;
    let mut all: Vec<(String, String)> = files.to_vec();
    all.push((".gitignore".to_string(), GITIGNORE.to_string()));
    for (rel, text) in &all {
        let path = staging.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| failed(parent, &e))?;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|()| f.sync_all()))
            .map_err(|e| failed(&out.join(rel), &e))?;
    }
    tops.push(".gitignore");
    for top in tops {
        let dest = out.join(top);
        if dest.symlink_metadata().is_ok() {
            if top == ".gitignore" {
                continue;
            }
            // Appeared since the check: nothing is moved over it.
            return Err(Message::new("import-plan-exists")
                .text("path", out.display().to_string())
                .text("files", top));
        }
        std::fs::rename(staging.path().join(top), &dest).map_err(|e| failed(&dest, &e))?;
    }
    Ok(())
}

const GITIGNORE: &str =
    "# The reports `salgsmal render` writes (its default output folder)\nbuild/\n";

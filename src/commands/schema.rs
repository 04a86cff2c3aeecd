//! `salgsmal schema [NAME] [--out DIR]`: the JSON Schemas of the plan files.

use crate::cli::SchemaArgs;
use crate::load::schema::{SCHEMAS, schema_text};
use anyhow::Context as _;
use std::process::ExitCode;

pub fn execute(args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    let chosen: Vec<(&str, &str, &str)> = match &args.name {
        Some(name) => {
            let name = name.trim_end_matches(".schema.json");
            let Some((file, text)) = schema_text(name) else {
                let hint = crate::diag::did_you_mean(name, SCHEMAS.iter().map(|(n, _, _)| *n))
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                anyhow::bail!(
                    "unknown schema `{name}`{hint}; the schemas are: {}",
                    names()
                );
            };
            vec![(name, file, text)]
        }
        None => SCHEMAS.to_vec(),
    };
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for (_, file, text) in &chosen {
                let path = dir.join(file);
                std::fs::write(&path, text)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                super::println(&format!("wrote {}", path.display()))?;
            }
        }
        None if args.name.is_some() => super::print(chosen[0].2)?,
        None => {
            super::println(
                "schemas (print one with `salgsmal schema NAME`, write all with `--out DIR`):",
            )?;
            for (name, file, _) in SCHEMAS {
                super::println(&format!("  {name:<10} {file}"))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn names() -> String {
    SCHEMAS
        .iter()
        .map(|(n, _, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

//! `salgsmal man [--out DIR]`: the man pages, made from the command line's
//! own definition: `salgsmal(1)`, then one page per subcommand
//! (`salgsmal-check(1)`, …, `salgsmal-import-actuals(1)`), which the first
//! page's SUBCOMMANDS section names. Printed as one roff stream (`man -l`
//! shows the pages one after another), or written one file per page.

use super::Global;
use crate::cli::{Cli, ManArgs};
use anyhow::Context as _;
use clap::CommandFactory as _;
use std::process::ExitCode;

pub fn execute(args: &ManArgs, global: Global) -> anyhow::Result<ExitCode> {
    let pages = pages()?;
    match &args.out {
        None => {
            let text: Vec<&str> = pages.iter().map(|(_, page)| page.as_str()).collect();
            super::print(&text.concat())?;
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for (file, page) in &pages {
                let path = dir.join(file);
                std::fs::write(&path, page)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                if !global.quiet {
                    super::println(&format!("wrote {}", path.display()))?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every page: (file name, roff text), salgsmal's first.
fn pages() -> anyhow::Result<Vec<(String, String)>> {
    // Built, so that each subcommand knows its full name (`salgsmal-check`);
    // without the `help` subcommand, which has no page of its own.
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let mut pages = Vec::new();
    add(&cli, &mut pages)?;
    Ok(pages)
}

/// The page of `cmd`, then those of its subcommands, depth first.
fn add(cmd: &clap::Command, pages: &mut Vec<(String, String)>) -> anyhow::Result<()> {
    // Every page's footer names salgsmal and its version (a subcommand's
    // would name only itself), and the date of the commit it was built
    // from. An empty date would be no argument at all to `.TH` (the source
    // would take its place): without one, roff's zero-width `\&`.
    let man = clap_mangen::Man::new(cmd.clone())
        .date(option_env!("SALGSMAL_COMMIT_DATE").unwrap_or("\\&"))
        .source(concat!("salgsmal ", env!("SALGSMAL_VERSION")));
    let mut roff = Vec::new();
    man.render(&mut roff)
        .context("cannot render the man page")?;
    pages.push((
        man.get_filename(),
        String::from_utf8_lossy(&roff).into_owned(),
    ));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        add(sub, pages)?;
    }
    Ok(())
}

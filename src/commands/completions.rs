//! `salgsmal completions SHELL`: the shell's completion script, made from
//! the command line's own definition.

use crate::cli::{Cli, CompletionShell, CompletionsArgs};
use clap::CommandFactory as _;
use clap_complete::Shell;
use std::process::ExitCode;

pub fn execute(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let shell = match args.shell {
        CompletionShell::Bash => Shell::Bash,
        CompletionShell::Zsh => Shell::Zsh,
        CompletionShell::Fish => Shell::Fish,
        CompletionShell::Powershell => Shell::PowerShell,
        CompletionShell::Elvish => Shell::Elvish,
    };
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "salgsmal", &mut script);
    super::print(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

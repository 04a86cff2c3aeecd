use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = salgsmal::cli::Cli::parse();
    match salgsmal::commands::execute(cli) {
        Ok(code) => code,
        Err(err) => {
            salgsmal::commands::eprintln(&format!("error: {err:#}"));
            ExitCode::from(2)
        }
    }
}

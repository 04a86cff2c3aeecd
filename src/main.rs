use clap::Parser;
use std::process::ExitCode;

// mimalloc instead of the system allocator: a plan is millions of small
// nodes, and glibc's malloc spent a third of a large check allocating,
// consolidating and freeing them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

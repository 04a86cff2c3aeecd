//! The command line (clap definitions only).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "salgsmal",
    // `0.1.0 (abc123def)`: the commit it was built from, when built in
    // its git repository (see build.rs).
    version = env!("SALGSMAL_VERSION"),
    about = "Goals-as-code for sales teams: check that targets add up and are realistic, and report on them",
    long_about = None,
    after_help = "Exit codes: 0 ran without errors; 1 errors found (or warnings under --deny warnings); 2 could not run."
)]
pub struct Cli {
    /// Run as if started in DIR
    #[arg(short = 'C', global = true, value_name = "DIR")]
    pub chdir: Option<PathBuf>,

    /// When to colour output (honours NO_COLOR)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only warnings and errors, without the summary line
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Read at most BYTES of any plan file (default 16 MiB); a plan's
    /// `limits.max_file_bytes` may only lower it
    #[arg(
        long,
        global = true,
        value_name = "BYTES",
        env = "SALGSMAL_MAX_FILE_BYTES"
    )]
    pub max_file_bytes: Option<u64>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the plan and run every rule
    Check(CheckArgs),
    /// Explain what a rule checks, why, its parameters and an example
    Explain(ExplainArgs),
    /// Start a new plan repository
    Init(InitArgs),
    /// Render the reports (or print the data the report templates receive)
    Render(RenderArgs),
    /// What a change does to the plan: targets, roll-ups, customers and findings between two git revisions
    Diff(DiffArgs),
    /// Re-check (and re-render) the plan on every save
    Watch(WatchArgs),
    /// Print or write the JSON Schemas of the plan files
    Schema(SchemaArgs),
    /// Import data into the plan (actuals from a CRM export), or a new plan from a workbook
    #[command(subcommand)]
    Import(ImportCommand),
    /// Propose each seller's target for a team goal (by baseline, potential, evenly or a mix); --write puts it in the seller files
    Allocate(AllocateArgs),
    /// Write the plan, its roll-ups, evaluation and findings as a workbook (.xlsx)
    Export(ExportArgs),
    /// Print the shell completion script for bash, zsh, fish, PowerShell or Elvish
    Completions(CompletionsArgs),
    /// Print the man pages (roff): salgsmal's, then each subcommand's
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write one file per page into DIR (salgsmal.1, salgsmal-check.1, …) instead of printing
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    pub shell: CompletionShell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Write actuals/<PERIOD>.yaml from a CSV export (one row per seller, or several that add up)
    Actuals(ImportActualsArgs),
    /// Write a new plan repository from a workbook (.xlsx) of sellers and targets
    Plan(ImportPlanArgs),
}

#[derive(Debug, Args)]
pub struct ImportPlanArgs {
    /// The workbook (.xlsx): a sheet of sellers and targets, optionally teams, customers and `Om planen`/`About`
    pub file: PathBuf,

    /// Where to write the plan: a new folder, or one without plan files (default: the workbook's name without .xlsx)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// The plan year (default: `Periode`/`Period` on the workbook's `Om planen`/`About` sheet)
    #[arg(long, value_name = "YEAR")]
    pub period: Option<i32>,

    /// The plan's language and number format, and of the messages (default: the workbook's, else nb)
    #[arg(long, value_enum)]
    pub locale: Option<InitLocale>,

    /// The company's name (default: `Firma`/`Company` on the `Om planen`/`About` sheet)
    #[arg(long, value_name = "NAME")]
    pub company: Option<String>,

    /// Read a column under another header, as `import actuals` maps CRM columns: "HEADER=KNOWN HEADER", e.g. "Budsjett 2027=Omsetning" (repeatable)
    #[arg(long = "column", value_name = "HEADER=NAME")]
    pub columns: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The workbook to write (.xlsx); an existing file is replaced
    pub file: PathBuf,

    /// The plan folder, or any folder below it (default: the current folder)
    pub dir: Option<PathBuf>,

    /// Language of the sheet names, headers and messages (default: `locale` in salgsmal.yaml)
    #[arg(long, value_enum)]
    pub locale: Option<InitLocale>,

    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

#[derive(Debug, Args)]
pub struct ImportActualsArgs {
    /// The CSV file (UTF-8 or Windows-1252; `;`, `,` or tab separated)
    pub file: PathBuf,

    /// The plan folder, or any folder below it (default: the current folder)
    pub dir: Option<PathBuf>,

    /// The period the values cover: a month (2027-03) or a quarter (2027-Q1) of the plan year
    #[arg(long, value_name = "P")]
    pub period: String,

    /// Replace an existing actuals file for the period
    #[arg(long)]
    pub force: bool,

    /// Write the rows that can be read and list the others (instead of writing nothing)
    #[arg(long)]
    pub skip_bad_rows: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan folder, or any folder below it (default: the current folder)
    pub dir: Option<PathBuf>,

    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Fail (exit 1) on warnings too
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<Deny>,

    /// Language of the messages and number format (default: `locale` in salgsmal.yaml)
    #[arg(long, value_enum)]
    pub locale: Option<InitLocale>,

    /// Check the plan as it was at a git revision (read from the repository, not the working tree)
    #[arg(long, value_name = "REV")]
    pub at: Option<String>,

    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

#[derive(Debug, Args)]
pub struct AllocateArgs {
    /// The team whose goal is split (its id: the team file's name)
    pub team: String,

    /// The plan folder, or any folder below it (default: the current folder)
    pub dir: Option<PathBuf>,

    /// The metric of the team goal to split
    #[arg(long, value_name = "M", default_value = "revenue")]
    pub metric: String,

    /// For a metric per product (product_revenue): the product whose goal is split (default: the team's first goal of the metric)
    #[arg(long, value_name = "ID")]
    pub product: Option<String>,

    /// What each seller's share follows: baseline, potential, even, or a mix such as baseline=0.7,potential=0.3
    #[arg(long, value_name = "BASIS", default_value = "baseline")]
    pub by: String,

    /// Round each target to this unit, e.g. 100_000 (default: 1 000 for amounts, 1 for counts, 0.001 for ratios)
    #[arg(long, value_name = "N")]
    pub round: Option<String>,

    /// Hand out more than the team goal, e.g. 0.05 or "5 %" (at most the team's max_over)
    #[arg(long, value_name = "SHARE")]
    pub over: Option<String>,

    /// Points per potential level for --by potential where customers have levels, not amounts
    #[arg(long, value_name = "LEVELS", default_value = "high=3,medium=2,low=1")]
    pub levels: String,

    /// Write the proposed targets into the seller files (only those values change)
    #[arg(long)]
    pub write: bool,

    /// Output format
    #[arg(long, value_enum, default_value_t = AllocateFormat::Human)]
    pub format: AllocateFormat,

    /// Language and number format (default: `locale` in salgsmal.yaml)
    #[arg(long, value_enum)]
    pub locale: Option<InitLocale>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AllocateFormat {
    Human,
    Json,
}

/// What-if changes, made in memory and never written.
#[derive(Debug, Args, Default, Clone)]
pub struct WhatIfArgs {
    /// Change a value in memory, never in the file: FILE:PATH=VALUE, list items by id (sellers/kari.yaml:goals.omsetning.target=12_000_000); repeatable
    #[arg(long = "set", value_name = "FILE:PATH=VALUE")]
    pub set: Vec<String>,

    /// Apply a scenario in memory: a YAML file of plan file paths and the values to change in them (lists by id)
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,
}

impl WhatIfArgs {
    pub fn is_empty(&self) -> bool {
        self.set.is_empty() && self.scenario.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Github,
    Sarif,
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id (without it, every rule is listed)
    pub rule: Option<String>,

    /// Language of the example (default: the plan's `locale`, else nb)
    #[arg(long, value_enum)]
    pub locale: Option<InitLocale>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the plan (default: the current folder)
    pub dir: Option<PathBuf>,

    /// Write the full example plan (Nordlys Industri AS, team Salg Vest)
    #[arg(long)]
    pub example: bool,

    /// Report language and number format
    #[arg(long, value_enum, default_value_t = InitLocale::Nb)]
    pub locale: InitLocale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitLocale {
    Nb,
    En,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// config, team, seller, customers or actuals (without it, the list)
    pub name: Option<String>,

    /// Write the schema files into DIR instead of printing
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The plan folder, or any folder below it (default: the current folder)
    pub dir: Option<PathBuf>,

    /// Which reports
    #[arg(long, value_enum, default_value_t = ReportChoice::All)]
    pub report: ReportChoice,

    /// Markdown (renders on git hosts, charts as Mermaid) or self-contained HTML
    #[arg(long, value_enum, default_value_t = RenderFormat::Html)]
    pub format: RenderFormat,

    /// Where to write the reports (default: build/ in the plan folder)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Only this seller's report
    #[arg(long, value_name = "ID")]
    pub seller: Option<String>,

    /// Only this team's reports (and its sellers')
    #[arg(long, value_name = "ID")]
    pub team: Option<String>,

    /// Report language and number format (default: `locale` in salgsmal.yaml)
    #[arg(long, value_enum)]
    pub locale: Option<InitLocale>,

    /// Also exit 1 when the plan has errors (or warnings)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<RenderDeny>,

    /// Print the JSON the report templates receive, and write nothing
    #[arg(long)]
    pub dump_context: bool,

    /// Render the plan as it was at a git revision (read from the repository, not the working tree)
    #[arg(long, value_name = "REV")]
    pub at: Option<String>,

    /// Review the actuals up to the end of this period of the plan year (a month, a quarter or the year; default: all of them)
    #[arg(long, value_name = "P")]
    pub period: Option<String>,

    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportChoice {
    Team,
    Seller,
    Review,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    Md,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderDeny {
    Errors,
    Warnings,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The revision to compare with (default: the merge-base of HEAD with origin/HEAD, origin/main or main; else HEAD)
    pub base: Option<String>,

    /// The revision to compare (default: the working tree)
    pub head: Option<String>,

    /// Output format: Markdown for a pull-request comment, JSON, or text
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// Exit 1 when the change introduces an error
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<DiffDeny>,

    /// Language and number format (default: `locale` in salgsmal.yaml)
    #[arg(long, value_enum)]
    pub locale: Option<InitLocale>,

    /// Compare the plan (the working tree, or BASE) with the same plan with these changes made in memory (--scenario, --set) instead of two revisions
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Md,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffDeny {
    Errors,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The plan folder, or any folder below it (default: the current folder)
    pub dir: Option<PathBuf>,

    /// Also render all reports in this format after every check
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub render: Option<RenderFormat>,

    /// Where to write the reports (default: build/ in the plan folder)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

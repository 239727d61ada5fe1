//! The `redline` command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use redline::category::Severity;
use redline::check::{self, CheckOptions};
use redline::output::{self, Format};

/// Flags AI-written changes to high-impact code and asks for a senior engineer's sign-off
/// before they are committed.
#[derive(Debug, Parser)]
#[command(name = "redline", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the language server on stdin/stdout (started by an editor's LSP client).
    Lsp,
    /// Check files for AI-written changes to high-impact code.
    ///
    /// Exit status: 0 when nothing needs review at or above the --fail-on threshold, 1 when
    /// something does, 2 when the check itself could not run.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files and directories to check (default: the current directory). Files ignored by
    /// .gitignore are skipped.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Audit: treat every line as AI-written, to see all the high-impact code an AI could touch.
    #[arg(long)]
    all_ai: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,

    /// The least severe unreviewed finding that makes the check fail (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

/// The check could not run.
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Lsp => {
            redline::lsp::serve_stdio()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => run_check(args),
    }
}

fn run_check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let options = CheckOptions {
        paths: args.paths,
        all_ai: args.all_ai,
    };
    let report = check::run(&options)?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
    };
    let stdout = std::io::stdout();
    let color = stdout.is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb");
    let rendered = output::render(&report, format, color);
    let mut out = stdout.lock();
    match out
        .write_all(rendered.as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => {}
        // A closed pipe (`redline check | head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(anyhow::Error::new(e).context("cannot write the report")),
    }
    if report.needing_review(args.fail_on.threshold()) > 0 {
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

//! The `redline` command line.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use redline::category::Severity;
use redline::check::{self, CheckOptions, Mode};
use redline::ledger::{self, Ledger};
use redline::output::{self, Format};
use redline::workspace::Workspace;
use redline::{init, record, signoff};

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
    Lsp(LspArgs),
    /// Check files for AI-written changes to high-impact code.
    ///
    /// Exit status: 0 when nothing needs review at or above the --fail-on threshold, 1 when
    /// something does, 2 when the check itself could not run.
    Check(CheckArgs),
    /// Record text an AI wrote: from an agent hook's JSON on stdin, or by hand with --tool.
    Record(RecordArgs),
    /// Sign off on AI-written high-impact changes, as git's user.email.
    Signoff(SignoffArgs),
    /// Write a commented redline.toml and install the git pre-commit hook.
    Init(InitArgs),
    /// Check the ledger; with --repair, move a damaged one aside and start a new one.
    Doctor(DoctorArgs),
    /// Provenance in git notes: which committed lines an AI wrote (refs/notes/ai, git-ai's
    /// format) and the sign-offs on them (refs/notes/redline).
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
    /// Import AI provenance records made by other tools into the ledger.
    Import {
        #[command(subcommand)]
        format: ImportFormat,
    },
    /// Export the ledger's AI provenance for other tools.
    Export {
        #[command(subcommand)]
        format: ExportFormat,
    },
    /// For each line of a file: whether a person, an AI or an unknown source wrote it, the
    /// tool and model, and whether it was reviewed.
    Blame(BlameArgs),
}

#[derive(Debug, Subcommand)]
enum NotesCommand {
    /// Write the notes of a commit from the ledger (the post-commit hook runs this).
    Write {
        /// The commit (default HEAD).
        #[arg(value_name = "REV", default_value = "HEAD")]
        rev: String,
        /// Also carry the ledger's sign-offs on every file changed since the merge base with
        /// REF (after signing off on a whole branch).
        #[arg(long, value_name = "REF")]
        base: Option<String>,
        /// Run as this git hook (post-commit: amends and rebases are left to post-rewrite).
        #[arg(long, value_name = "HOOK", hide = true)]
        hook: Option<String>,
    },
    /// Carry the AI lines and sign-offs of other commits (notes, trailers, Agent Trace) onto a
    /// commit, e.g. a squash merge: `redline notes carry main..feature --to HEAD`.
    Carry {
        /// Commits or ranges (A..B) to carry from.
        #[arg(value_name = "SOURCE", required = true)]
        sources: Vec<String>,
        /// The commit to carry onto.
        #[arg(long, value_name = "REV", default_value = "HEAD")]
        to: String,
    },
    /// Carry each old commit's notes to its new one, for `OLD NEW` commit pairs on stdin, one
    /// pair a line (what git's post-rewrite hook passes; the hook redline installs runs this).
    Rewritten {
        /// What rewrote them (amend or rebase), as git passes it.
        kind: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum ImportFormat {
    /// Agent Trace records (JSON Lines, or one JSON record or array), versions 0.1 and 1.0.
    AgentTrace {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum ExportFormat {
    /// Agent Trace records, one per line, for the files in the working tree.
    AgentTrace {
        /// The Agent Trace version to write.
        #[arg(long = "trace-version", value_enum, default_value_t = TraceVersion::V1_0)]
        version: TraceVersion,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TraceVersion {
    #[value(name = "0.1")]
    V0_1,
    #[value(name = "1.0")]
    V1_0,
}

#[derive(Debug, clap::Args)]
struct BlameArgs {
    /// The file.
    #[arg(value_name = "PATH")]
    path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BlameFormat::Text)]
    format: BlameFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum BlameFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
struct RecordArgs {
    /// Which agent's hook payload is on stdin (default: recognised from the payload).
    #[arg(long, value_name = "AGENT")]
    agent: Option<redline::hook::Agent>,
    /// Record by hand: the AI tool that wrote the lines.
    #[arg(long, requires = "specs")]
    tool: Option<String>,
    /// With --tool: the model.
    #[arg(long, requires = "tool")]
    model: Option<String>,
    /// With --tool: PATH:START-END (1-based, inclusive lines) or PATH for the whole file.
    #[arg(value_name = "PATH[:START-END]", requires = "tool")]
    specs: Vec<String>,
}

#[derive(Debug, clap::Args)]
struct SignoffArgs {
    /// What to sign off: PATH or PATH:START-END (default: everything that needs review).
    #[arg(value_name = "PATH[:START-END]")]
    specs: Vec<String>,
    /// Sign off on the staged content (what the pre-commit gate checks).
    #[arg(long, conflicts_with = "base")]
    staged: bool,
    /// Sign off on what `redline check --base REF` finds (a branch's AI changes, as git's
    /// notes, trailers and Agent Trace records tell them); then `redline notes write --base
    /// REF` puts the sign-offs in a note for CI.
    #[arg(long, value_name = "REF")]
    base: Option<String>,
    /// The SSH key to sign with, when the policy requires signatures (default: git's
    /// user.signingkey).
    #[arg(long, value_name = "PATH")]
    key: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
struct InitArgs {
    /// Also set up this agent's post-edit hook to run `redline record` (repeatable).
    #[arg(long, value_name = "AGENT")]
    agent: Vec<redline::hook::Agent>,
    /// Print the agents' hook settings instead of writing them.
    #[arg(long)]
    print: bool,
}

#[derive(Debug, clap::Args)]
struct DoctorArgs {
    /// Move a damaged ledger aside (it is kept) and start a new one with what can be recovered.
    #[arg(long)]
    repair: bool,
}

/// Only stdio exists; `--stdio` is accepted because LSP clients (vscode-languageclient among
/// them) pass it when they are told to use stdio.
#[derive(Debug, clap::Args)]
struct LspArgs {
    /// Use stdin/stdout (the only transport; accepted for clients that pass it).
    #[arg(long)]
    stdio: bool,
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

    /// Check the staged content against HEAD: what the next commit would contain.
    #[arg(long, conflicts_with = "base")]
    staged: bool,

    /// Check everything changed since the merge base with REF (the CI gate).
    #[arg(long, value_name = "REF")]
    base: Option<String>,

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
    Sarif,
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
            eprintln!("error: {}", describe(&e));
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

/// The error and its causes, each once: many errors already name their cause in their own
/// message, and printing the chain as well would say it twice.
fn describe(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let message = cause.to_string();
        if out.contains(&message) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&message);
    }
    out
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Lsp(_) => {
            redline::lsp::serve_stdio()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(args) => run_check(args),
        Command::Record(args) => run_record(args),
        Command::Signoff(args) => run_signoff(args),
        Command::Init(args) => run_init(args),
        Command::Doctor(args) => run_doctor(args),
        Command::Notes { command } => run_notes(command),
        Command::Import {
            format: ImportFormat::AgentTrace { file },
        } => run_import(&file),
        Command::Export {
            format: ExportFormat::AgentTrace { version },
        } => run_export(version),
        Command::Blame(args) => run_blame(args),
    }
}

fn print_written(written: &redline::notes::Written, warnings: &[String]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
    eprintln!("redline: {written}");
}

fn run_notes(command: NotesCommand) -> anyhow::Result<ExitCode> {
    use redline::notes::{self, Sources};
    let ws = workspace()?;
    if ws.git_dir.is_none() {
        anyhow::bail!(
            "notes need a git repository, and {} is not in one",
            ws.root.display()
        );
    }
    match command {
        NotesCommand::Write { rev, base, hook } => {
            if hook.as_deref() == Some("post-commit") {
                if let Some((written, warnings)) = notes::post_commit(&ws)? {
                    print_written(&written, &warnings);
                }
                return Ok(ExitCode::SUCCESS);
            }
            let since = match base {
                Some(r) => Some(redline::git::merge_base(&ws.root, &r)?),
                None => None,
            };
            let sources = Sources {
                from: Vec::new(),
                keep_existing: true,
                signoffs_since: since,
            };
            let (written, warnings) = notes::write(&ws, &rev, &sources)?;
            print_written(&written, &warnings);
        }
        NotesCommand::Carry { sources, to } => {
            let mut from = Vec::new();
            for spec in &sources {
                from.extend(
                    redline::git::commits_of(&ws.root, spec)
                        .with_context(|| format!("`{spec}` names no commits"))?,
                );
            }
            let sources = Sources {
                from,
                keep_existing: true,
                signoffs_since: None,
            };
            let (written, warnings) = notes::write(&ws, &to, &sources)?;
            print_written(&written, &warnings);
        }
        NotesCommand::Rewritten { .. } => {
            let mut pairs = String::new();
            std::io::stdin()
                .read_to_string(&mut pairs)
                .context("cannot read the rewritten commits from stdin")?;
            for (written, warnings) in notes::rewritten(&ws, &pairs)? {
                print_written(&written, &warnings);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_import(file: &std::path::Path) -> anyhow::Result<ExitCode> {
    let ws = workspace()?;
    let mut ledger = Ledger::open(&ws.ledger_path())?;
    let imported = redline::traces::import(&ws, &mut ledger, file)?;
    for w in &imported.warnings {
        eprintln!("warning: {w}");
    }
    println!(
        "Imported {} AI-written line(s) in {} file(s) from {} Agent Trace record(s).",
        imported.ai_lines,
        imported.files.len(),
        imported.records
    );
    Ok(ExitCode::SUCCESS)
}

fn run_export(version: TraceVersion) -> anyhow::Result<ExitCode> {
    let ws = workspace()?;
    let path = ws.ledger_path();
    if !path.exists() {
        return Ok(ExitCode::SUCCESS);
    }
    let ledger = Ledger::open(&path)?;
    let version = match version {
        TraceVersion::V0_1 => redline::agent_trace::Version::V0_1,
        TraceVersion::V1_0 => redline::agent_trace::Version::V1_0,
    };
    let text = redline::traces::export(&ws, &ledger, version)?;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(anyhow::Error::new(e).context("cannot write the records")),
    }
    Ok(ExitCode::SUCCESS)
}

fn run_blame(args: BlameArgs) -> anyhow::Result<ExitCode> {
    let ws = workspace()?;
    let (rel, lines, warnings) = redline::history::blame_file(&ws, &args.path)?;
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    let text = match args.format {
        BlameFormat::Text => redline::blame::render_text(&lines),
        BlameFormat::Json => redline::blame::render_json(&rel, &lines),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(anyhow::Error::new(e).context("cannot write the blame")),
    }
    Ok(ExitCode::SUCCESS)
}

fn workspace() -> anyhow::Result<Workspace> {
    let cwd = std::env::current_dir().context("cannot determine the current directory")?;
    Ok(Workspace::discover(&cwd)?)
}

fn identity(ws: &Workspace) -> Option<String> {
    redline::git::user_email(&ws.root)
}

fn run_record(args: RecordArgs) -> anyhow::Result<ExitCode> {
    let ws = workspace()?;
    let mut ledger = Ledger::open(&ws.ledger_path())?;
    let author = identity(&ws);
    let recorded = match &args.tool {
        Some(tool) => {
            let origin = record::manual_origin(tool, args.model.as_deref(), author.as_deref());
            record::record_lines(&ws, &mut ledger, &args.specs, origin)?
        }
        None => {
            let mut json = String::new();
            std::io::stdin()
                .read_to_string(&mut json)
                .context("cannot read the hook payload from stdin")?;
            record::record_payload(&ws, &mut ledger, &json, args.agent, author.as_deref())?
        }
    };
    for r in &recorded {
        for w in &r.warnings {
            eprintln!("warning: {w}");
        }
        if r.spans > 0 {
            eprintln!(
                "redline: recorded {} AI-written byte(s) in {}",
                r.bytes, r.path
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_signoff(args: SignoffArgs) -> anyhow::Result<ExitCode> {
    let ws = workspace()?;
    let fallback = || {
        ws.config
            .policy()
            .open_to_anyone()
            .then(redline::git::account_name)
            .flatten()
    };
    let Some(who) = identity(&ws).or_else(fallback) else {
        anyhow::bail!(
            "no reviewer identity: set git's user.email (git config user.email you@example.com)"
        );
    };
    let mode = match (args.staged, args.base) {
        (true, _) => Mode::Staged,
        (false, Some(rev)) => Mode::Since(rev),
        (false, None) => Mode::WorkingTree,
    };
    match signoff::sign_off(&ws, &args.specs, &who, args.key.as_deref(), mode) {
        Ok(signed) if signed.is_empty() => {
            println!("Nothing needs sign-off.");
            Ok(ExitCode::SUCCESS)
        }
        Ok(signed) => {
            for s in &signed {
                println!(
                    "signed off {}:{} [{}] {}",
                    s.path, s.line, s.category, s.hotspot
                );
            }
            println!("{} AI-written change(s) signed off by {who}.", signed.len());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.downcast_ref::<signoff::Refused>().is_some() => {
            eprintln!("error: {e}");
            Ok(ExitCode::from(1))
        }
        Err(e) => Err(e),
    }
}

fn run_init(args: InitArgs) -> anyhow::Result<ExitCode> {
    let ws = workspace()?;
    if args.print {
        for agent in &args.agent {
            let (path, settings) = init::agent_settings(*agent);
            println!("# {path}");
            println!("{}", serde_json::to_string_pretty(&settings)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", init::write_config(&ws.root)?);
    match redline::git::hooks_dir(&ws.root) {
        Some(hooks) => {
            for (name, script, _) in init::HOOKS {
                println!("{}", init::install_hook(&hooks, name, script)?);
            }
            // Amend and rebase copy the notes too (the post-rewrite hook then fits them to
            // the rewritten content).
            for r in init::REWRITE_REFS {
                if redline::git::add_config_value(&ws.root, "notes.rewriteRef", r)? {
                    println!("set git config notes.rewriteRef {r}");
                } else {
                    println!("git config notes.rewriteRef {r} already set up");
                }
            }
        }
        None => println!("not a git repository: no git hooks installed"),
    }
    for agent in &args.agent {
        println!("{}", init::install_agent(&ws.root, *agent)?);
    }
    Ok(ExitCode::SUCCESS)
}

fn run_doctor(args: DoctorArgs) -> anyhow::Result<ExitCode> {
    let ws = workspace()?;
    let path = ws.ledger_path();
    if args.repair {
        let r = ledger::repair(&path)?;
        match r.moved_to {
            None => println!(
                "The ledger at {} is healthy; nothing to repair.",
                path.display()
            ),
            Some(aside) => println!(
                "Moved the damaged ledger to {} and started a new one at {}; recovered {} span(s) and {} sign-off(s).",
                aside.display(),
                path.display(),
                r.recovered_spans,
                r.recovered_signoffs
            ),
        }
        return Ok(ExitCode::SUCCESS);
    }
    if !path.exists() {
        println!(
            "No ledger yet at {} (it is created on first use).",
            path.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let l = Ledger::open(&path)?;
    println!(
        "The ledger at {} is healthy: {} AI span(s) recorded, {} sign-off(s).",
        path.display(),
        l.all_spans()?.len(),
        l.signoff_count()?
    );
    Ok(ExitCode::SUCCESS)
}

fn run_check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let mode = match (args.staged, args.base) {
        (true, _) => Mode::Staged,
        (false, Some(rev)) => Mode::Since(rev),
        (false, None) => Mode::WorkingTree,
    };
    let options = CheckOptions {
        paths: args.paths,
        all_ai: args.all_ai,
        mode,
    };
    let report = check::run(&options)?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    let format = match args.format {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
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

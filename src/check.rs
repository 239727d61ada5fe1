//! The batch checker: walks files, runs the engine on each, and returns findings in
//! line/column terms. No terminal formatting here; `output` renders what this returns.
//!
//! Files are found with the `ignore` crate, so `.gitignore`, `.ignore` and git's exclude files are
//! honoured, inside a git repository or not. Files are analysed in parallel and the result is
//! sorted by path, then by position, so the output is the same from run to run.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::anchor::{self, Recorded};
use crate::category::Severity;
use crate::document::Document;
use crate::finding::{Finding, Rules};
use crate::git;
use crate::history::{self, History};
use crate::language::LanguageId;
use crate::ledger::{Ledger, StoredSpan};
use crate::origin::{Origin, OriginKind};
use crate::query::RiskQuery;
use crate::review::{Signoff, Signoffs};
use crate::text::{PositionEncoding, Text};
use crate::workspace::Workspace;

/// Which content to check.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Mode {
    /// The files as they are on disk: everything recorded that still needs review.
    #[default]
    WorkingTree,
    /// The staged content against HEAD: what the next commit would contain (pre-commit).
    Staged,
    /// Everything changed since the merge base with a revision (CI).
    Since(String),
}

/// What to check and how.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Files and directories to check; empty means the whole repository (or, outside git,
    /// the current directory).
    pub paths: Vec<PathBuf>,
    /// Audit mode: treat every line of every file as AI-written.
    pub all_ai: bool,
    pub mode: Mode,
}

/// A 1-based line and a 1-based column counted in characters (Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The high-impact code a finding lies in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HotspotInfo {
    /// `fn verify_token`, or the start of the captured text.
    pub name: String,
    /// 1-based, inclusive.
    pub start_line: usize,
    /// 1-based, inclusive: the line of the hotspot's last character.
    pub end_line: usize,
}

/// One finding, located for people and for machines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFinding {
    /// Where the finding starts.
    pub start: LineCol,
    /// Just past the finding's last character (exclusive, like LSP and SARIF); a finding that
    /// ends with a line break ends at the end of that line instead of the next line's start.
    pub end: LineCol,
    /// The finding's bytes in the file's text.
    pub bytes: Range<usize>,
    pub category: String,
    pub severity: Severity,
    pub message: String,
    pub reviewed: bool,
    /// What a sign-off on this finding covers (the hash of its text).
    pub key: String,
    /// The sign-off that covers it, when one does and the policy accepts it.
    pub signoff: Option<Signoff>,
    pub origin: Origin,
    pub hotspot: HotspotInfo,
}

/// The result for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileResult {
    /// Relative to the repository root with `/` separators (relative to the current
    /// directory, or absolute, for files outside it).
    pub path: String,
    /// Sorted by position, then category.
    pub findings: Vec<FileFinding>,
    /// The file's text, kept only when it has findings (to show the lines they are on).
    pub source: Option<String>,
}

/// Everything one run found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Every file that was parsed and queried, sorted by path.
    pub files: Vec<FileResult>,
    /// Problems that did not stop the run: unreadable or non-UTF-8 files, a directory that
    /// could not be listed, a query that did not compile. Each names what it is about.
    pub warnings: Vec<String>,
}

impl CheckReport {
    pub fn files_checked(&self) -> usize {
        self.files.len()
    }

    pub fn findings(&self) -> impl Iterator<Item = (&FileResult, &FileFinding)> {
        self.files
            .iter()
            .flat_map(|f| f.findings.iter().map(move |x| (f, x)))
    }

    /// Unreviewed findings at least as severe as `threshold`; `None` means never fail.
    pub fn needing_review(&self, threshold: Option<Severity>) -> usize {
        let Some(threshold) = threshold else {
            return 0;
        };
        self.findings()
            .filter(|(_, f)| !f.reviewed && f.severity.at_least(threshold))
            .count()
    }
}

/// One file to analyse: where it is shown, its content, and the lines a gate is about.
struct Candidate {
    display: String,
    rel: Option<String>,
    content: Result<String, String>,
    /// 1-based inclusive line ranges that the change being gated added or modified; `None`
    /// means the whole file.
    changed: Option<Vec<(u32, u32)>>,
}

/// Runs the check. Fails (the caller exits 2) only when the check cannot run at all: a broken
/// `redline.toml`, a damaged ledger, a path that does not exist, `--staged` outside git. A
/// file that cannot be read is a warning.
pub fn run(options: &CheckOptions) -> anyhow::Result<CheckReport> {
    let cwd = std::env::current_dir().context("cannot determine the current directory")?;
    for root in &options.paths {
        if let Err(e) = std::fs::metadata(root) {
            bail!("cannot check `{}`: {e}", root.display());
        }
    }
    let ws = Workspace::discover(&cwd)?;
    // Where the branch left the one it merges into (`--base`).
    let base = match &options.mode {
        Mode::Since(rev) => {
            require_git(&ws, "--base")?;
            Some(
                git::merge_base(&ws.root, rev)
                    .with_context(|| format!("cannot find where this branch left `{rev}`"))?,
            )
        }
        _ => None,
    };
    // The CI gate judges a branch by the rules it is merging into: the configuration, the risk
    // queries, the allowed signers and CODEOWNERS come from the merge base, so a branch cannot
    // loosen its own gate.
    let (ws, gate) = match &base {
        Some(base) => {
            let gate = Gate::at_commit(&ws, base)?;
            let ws =
                Workspace::with_config(ws.root.clone(), ws.git_dir.clone(), gate.config.clone())
                    .with_queries_at(base.as_str());
            (ws, gate)
        }
        None => {
            let gate = Gate::of_workspace(&ws);
            (ws, gate)
        }
    };
    let ledger = open_ledger(&ws)?;
    let mut stored = match &ledger {
        Some(l) => group_by_path(l.all_spans()?),
        None => HashMap::new(),
    };
    // Spans are recorded by path; a file renamed or copied in the change being gated keeps
    // what was recorded under its old name.
    let renames = match (&options.mode, &base) {
        (Mode::Staged, _) if ws.git_dir.is_some() => git::renames(&ws.root, &["--cached"])?,
        (_, Some(base)) => git::renames(&ws.root, &[base])?,
        _ => Vec::new(),
    };
    for (old, new) in renames {
        if let Some(spans) = stored.get(&old).cloned() {
            stored.entry(new).or_default().extend(spans);
        }
    }
    let mut signoffs = match &ledger {
        Some(l) => l.signoffs()?,
        None => Signoffs::new(),
    };

    let mut warnings = Vec::new();
    // `base` is set exactly in `--base` mode.
    let candidates = match (&options.mode, &base) {
        (_, Some(base)) => since(&ws, options, base)?,
        (Mode::Staged, None) => staged(&ws, options)?,
        (_, None) => working_tree(&ws, options, &cwd, &stored, &mut warnings),
    };
    // After the commit, git itself says who wrote what: notes, trailers, Agent Trace records,
    // and the sign-offs carried in notes.
    if let Some(base) = &base {
        let mut history = History::new(&ws.root, ws.config.trailer_rules());
        for c in &candidates {
            // Only files the engine can find high-impact code in need their history read.
            let analysable = c.rel.as_deref().is_some_and(|rel| {
                ws.has_path_rule(rel)
                    || c.content.as_ref().is_ok_and(|text| {
                        crate::language::LanguageId::detect(Path::new(rel), text).is_some()
                    })
            });
            if !analysable {
                continue;
            }
            if let Some(rel) = &c.rel {
                let spans = history::ai_spans_since(&mut history, base, rel);
                if !spans.is_empty() {
                    stored.entry(rel.clone()).or_default().extend(spans);
                }
            }
        }
        if !git::ref_exists(&ws.root, crate::authorship::NOTES_REF)
            && !git::ref_exists(&ws.root, crate::signoff_notes::NOTES_REF)
        {
            warnings.push(format!(
                "this clone has no provenance notes ({} or {}), so only trailers and Agent Trace records say which lines an AI wrote; in CI, fetch them first: git fetch origin 'refs/notes/*:refs/notes/*'",
                crate::authorship::NOTES_REF,
                crate::signoff_notes::NOTES_REF
            ));
        }
        let commits = git::commits_between(&ws.root, base, "HEAD")?;
        for s in history::signoffs_of(&mut history, &commits) {
            signoffs.insert(s.signoff);
        }
        warnings.append(&mut history.warnings);
    }
    // A file with nothing an AI wrote, outside an audit, is checked without being parsed.
    let (candidates, clean): (Vec<Candidate>, Vec<Candidate>) = candidates
        .into_iter()
        .partition(|c| options.all_ai || c.rel.as_ref().is_some_and(|r| stored.contains_key(r)));

    let audit = Arc::new(Origin::new("audit", OriginKind::Manual));
    let rules = ws.rules().clone();
    let outcomes: Vec<Result<FileResult, String>> = candidates
        .into_par_iter()
        .map(|c| {
            let text = c.content?;
            let rel = c.rel.as_deref().unwrap_or(&c.display);
            // Findings need hotspots only where AI-written text is.
            let mut doc = ws.document(rel, text).around_ai_only();
            if options.all_ai {
                let len = doc.as_str().len();
                // The whole range of a document's own text is always valid.
                let _ = doc.mark_ai(0..len, audit.clone());
            } else if let Some(recorded) = c.rel.as_ref().and_then(|r| stored.get(r)) {
                let (placed, broken) = anchor::place(recorded, doc.as_str());
                // Placed spans lie in the text they were placed on.
                let _ = doc.mark_ai_all(
                    placed
                        .spans()
                        .iter()
                        .map(|span| (span.range.clone(), span.origin.clone())),
                );
                if !broken.is_empty() {
                    return Err(format!(
                        "{}: {} recorded AI span(s) do not fit the content they were recorded on",
                        c.display,
                        broken.len()
                    ));
                }
            }
            Ok(analyse(
                c.display,
                &doc,
                c.changed.as_deref(),
                &rules,
                &signoffs,
            ))
        })
        .collect();

    let mut report = CheckReport {
        files: Vec::with_capacity(outcomes.len()),
        warnings,
    };
    for outcome in outcomes {
        match outcome {
            Ok(file) => report.files.push(file),
            Err(warning) => report.warnings.push(warning),
        }
    }
    for c in clean {
        match c.content {
            Ok(_) => report.files.push(FileResult {
                path: c.display,
                findings: Vec::new(),
                source: None,
            }),
            Err(warning) => report.warnings.push(warning),
        }
    }
    report.files.sort_by(|a, b| a.path.cmp(&b.path));
    report
        .warnings
        .extend(ws.query_errors().iter().map(|e| e.to_string()));
    enforce_policy(&gate, &mut report);
    Ok(report)
}

/// The ledger, if the repository has one. Checking never creates it.
fn open_ledger(ws: &Workspace) -> anyhow::Result<Option<Ledger>> {
    let path = ws.ledger_path();
    if !path.exists() {
        return Ok(None);
    }
    Ok(Some(Ledger::open(&path)?))
}

fn group_by_path(spans: Vec<StoredSpan>) -> HashMap<String, Vec<Recorded>> {
    let mut by_path: HashMap<String, Vec<Recorded>> = HashMap::new();
    for s in spans {
        by_path.entry(s.path).or_default().push(Recorded {
            base: s.base,
            range: s.range,
            origin: s.origin,
        });
    }
    by_path
}

/// The review policy a check applies, with what it needs to apply it.
pub struct Gate {
    pub config: crate::config::Config,
    pub policy: crate::review::ReviewPolicy,
    pub codeowners: Option<crate::codeowners::Codeowners>,
    /// The allowed-signers file to verify signatures against.
    pub signers: PathBuf,
    /// Keeps a copy of the base commit's allowed-signers file alive.
    _signers_copy: Option<tempfile::NamedTempFile>,
}

impl Gate {
    /// The working tree's policy: what the commit gate and a plain check use.
    pub fn of_workspace(ws: &Workspace) -> Gate {
        Gate {
            config: ws.config.clone(),
            policy: ws.config.policy(),
            codeowners: ws.codeowners().cloned(),
            signers: ws.root.join(&ws.config.review.allowed_signers),
            _signers_copy: None,
        }
    }

    /// The policy as committed at `commit`: `redline.toml`, the allowed signers and CODEOWNERS
    /// read from git, not from the working tree. A missing `redline.toml` means the defaults;
    /// a broken one is an error naming the commit.
    pub fn at_commit(ws: &Workspace, commit: &str) -> anyhow::Result<Gate> {
        let label = format!(
            "{} at {}",
            crate::config::FILE_NAME,
            crate::history::short(commit)
        );
        let config = match git::content_at(&ws.root, commit, crate::config::FILE_NAME) {
            None => crate::config::Config::default(),
            Some(bytes) => {
                let text = String::from_utf8(bytes)
                    .map_err(|_| anyhow::anyhow!("{label} is not valid UTF-8"))?;
                crate::config::Config::parse(&label, &text)?
            }
        };
        let codeowners = config.review.codeowners.then(|| {
            crate::codeowners::LOCATIONS
                .iter()
                .find_map(|p| git::content_at(&ws.root, commit, p))
                .map(|b| crate::codeowners::Codeowners::parse(&String::from_utf8_lossy(&b)))
                .unwrap_or_default()
        });
        let mut copy = None;
        let signers = match git::content_at(&ws.root, commit, &config.review.allowed_signers) {
            Some(bytes) => {
                use std::io::Write;
                let mut f = tempfile::NamedTempFile::new()
                    .context("cannot copy the base commit's allowed signers")?;
                f.write_all(&bytes)
                    .context("cannot copy the base commit's allowed signers")?;
                let path = f.path().to_path_buf();
                copy = Some(f);
                path
            }
            // Verification then says the file does not exist, naming where it was looked for.
            None => PathBuf::from(format!(
                "{} (at {})",
                config.review.allowed_signers,
                crate::history::short(commit)
            )),
        };
        Ok(Gate {
            policy: config.policy(),
            config,
            codeowners,
            signers,
            _signers_copy: copy,
        })
    }
}

/// Sign-offs count only if the policy accepts who made them: a listed reviewer (or owner),
/// not the author where self sign-off is off, and with a valid signature where one is required.
pub fn enforce_policy(gate: &Gate, report: &mut CheckReport) {
    let policy = &gate.policy;
    let mut verified: HashMap<String, Result<(), String>> = HashMap::new();
    for file in &mut report.files {
        for f in &mut file.findings {
            let Some(signoff) = f.signoff.clone() else {
                continue;
            };
            let owns = gate
                .codeowners
                .as_ref()
                .is_some_and(|c| c.owned_by(Path::new(&file.path), &signoff.reviewer));
            let verdict = verified
                .entry(format!("{}\0{}", signoff.key, file.path))
                .or_insert_with(|| {
                    policy
                        .may_sign_off(&signoff.reviewer, f.origin.author.as_deref(), owns)
                        .map_err(|e| e.to_string())?;
                    if policy.require_signature {
                        crate::signature::verify(&signoff, &gate.signers)
                            .map_err(|e| e.to_string())?;
                    }
                    Ok(())
                })
                .clone();
            if let Err(why) = verdict {
                report.warnings.push(format!(
                    "{}:{}: sign-off not accepted: {why}",
                    file.path, f.start.line
                ));
                f.reviewed = false;
                f.signoff = None;
            }
        }
    }
    report.warnings.dedup();
}

fn display_of(ws: &Workspace, path: &Path, cwd: &Path) -> (String, Option<String>) {
    match ws.relative(path) {
        Some(rel) => (rel.clone(), Some(rel)),
        None => (display_path(path, cwd), None),
    }
}

fn read_content(path: &Path, display: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("skipped `{display}`: cannot read it: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("skipped `{display}`: it is not valid UTF-8"))
}

fn working_tree(
    ws: &Workspace,
    options: &CheckOptions,
    cwd: &Path,
    stored: &HashMap<String, Vec<Recorded>>,
    warnings: &mut Vec<String>,
) -> Vec<Candidate> {
    let roots: Vec<PathBuf> = if options.paths.is_empty() {
        vec![ws.root.clone()]
    } else {
        options.paths.clone()
    };
    let files = collect_files(&roots, cwd, warnings);
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Candidate> = files
        .into_values()
        .map(|(path, _)| {
            let (display, rel) = display_of(ws, &path, cwd);
            if let Some(r) = &rel {
                seen.insert(r.clone());
            }
            Candidate {
                content: read_content(&path, &display),
                display,
                rel,
                changed: None,
            }
        })
        .collect();
    // Recorded files the walk did not reach: of an unknown language (a path rule may still
    // cover them), or gone.
    let in_scope = |rel: &str| {
        roots.iter().any(|r| {
            std::fs::canonicalize(r)
                .ok()
                .and_then(|abs| ws.relative(&abs))
                .is_some_and(|root_rel| {
                    root_rel.is_empty()
                        || rel == root_rel
                        || rel.starts_with(&format!("{root_rel}/"))
                })
        })
    };
    let mut extra: Vec<&String> = stored
        .keys()
        .filter(|rel| !seen.contains(*rel) && in_scope(rel))
        .collect();
    extra.sort();
    for rel in extra {
        let path = ws.root.join(rel);
        if !path.exists() {
            warnings.push(format!(
                "{rel}: {} AI span(s) are recorded for this file, but it no longer exists",
                stored[rel].len()
            ));
            continue;
        }
        if ws.has_path_rule(rel) {
            out.push(Candidate {
                content: read_content(&path, rel),
                display: rel.clone(),
                rel: Some(rel.clone()),
                changed: None,
            });
        }
    }
    out
}

fn requested(ws: &Workspace, options: &CheckOptions, rel: &str) -> bool {
    options.paths.is_empty()
        || options.paths.iter().any(|p| {
            std::fs::canonicalize(p)
                .ok()
                .and_then(|abs| ws.relative(&abs))
                .is_some_and(|r| r.is_empty() || rel == r || rel.starts_with(&format!("{r}/")))
        })
}

fn require_git(ws: &Workspace, what: &str) -> anyhow::Result<()> {
    if ws.git_dir.is_none() {
        bail!(
            "{what} needs a git repository, and {} is not in one",
            ws.root.display()
        );
    }
    Ok(())
}

fn staged(ws: &Workspace, options: &CheckOptions) -> anyhow::Result<Vec<Candidate>> {
    require_git(ws, "--staged")?;
    let mut out = Vec::new();
    for rel in git::staged_paths(&ws.root)? {
        if !requested(ws, options, &rel) {
            continue;
        }
        let content = git::staged_content(&ws.root, &rel)
            .map_err(|e| format!("skipped `{rel}`: {e}"))
            .and_then(|b| {
                String::from_utf8(b).map_err(|_| format!("skipped `{rel}`: it is not valid UTF-8"))
            });
        let changed = git::added_lines(&ws.root, &["--cached", "--", &rel])?;
        out.push(Candidate {
            display: rel.clone(),
            rel: Some(rel),
            content,
            changed: Some(changed),
        });
    }
    Ok(out)
}

/// The files changed since `base`, the merge base.
fn since(ws: &Workspace, options: &CheckOptions, base: &str) -> anyhow::Result<Vec<Candidate>> {
    let mut out = Vec::new();
    for rel in git::changed_since(&ws.root, base)? {
        if !requested(ws, options, &rel) {
            continue;
        }
        let path = ws.root.join(&rel);
        let changed = git::added_lines(&ws.root, &[base, "--", &rel])?;
        out.push(Candidate {
            content: read_content(&path, &rel),
            display: rel.clone(),
            rel: Some(rel),
            changed: Some(changed),
        });
    }
    Ok(out)
}

/// The findings of one document, limited to the `changed` lines when a gate says so.
fn analyse(
    path: String,
    doc: &Document,
    changed: Option<&[(u32, u32)]>,
    rules: &Rules,
    signoffs: &Signoffs,
) -> FileResult {
    let findings: Vec<FileFinding> = doc
        .findings(rules, signoffs)
        .iter()
        .map(|f| locate(doc.text(), f, rules))
        .filter(|f| {
            changed.is_none_or(|lines| {
                let (from, to) = (f.start.line as u32, f.end.line as u32);
                lines.iter().any(|(s, e)| from <= *e && *s <= to)
            })
        })
        .collect();
    let source = (!findings.is_empty()).then(|| doc.as_str().to_string());
    FileResult {
        path,
        findings,
        source,
    }
}

/// The findings of one document with its AI spans already marked, for the whole file.
pub fn findings_of(path: String, doc: &Document, rules: &Rules, signoffs: &Signoffs) -> FileResult {
    analyse(path, doc, None, rules, signoffs)
}

/// Runs the engine on one file's text. With `all_ai`, the whole text is marked as written by
/// that origin.
pub fn check_text(
    path: String,
    text: String,
    query: Option<Arc<RiskQuery>>,
    all_ai: Option<Arc<Origin>>,
    rules: &Rules,
    signoffs: &Signoffs,
) -> FileResult {
    let mut doc = Document::new(text, query);
    if let Some(origin) = all_ai {
        let len = doc.as_str().len();
        // The whole range of a document's own text is always valid.
        let _ = doc.mark_ai(0..len, origin);
    }
    analyse(path, &doc, None, rules, signoffs)
}

fn locate(text: &Text, finding: &Finding, rules: &Rules) -> FileFinding {
    let hotspot = &finding.hotspot;
    FileFinding {
        start: line_col(text, finding.range.start),
        end: end_line_col(text, &finding.range),
        bytes: finding.range.clone(),
        category: finding.category.to_string(),
        severity: finding.severity,
        message: rules.message(finding),
        reviewed: finding.reviewed(),
        key: finding.key.0.clone(),
        signoff: finding.signoff.clone(),
        origin: (*finding.origin).clone(),
        hotspot: HotspotInfo {
            name: hotspot.name.clone(),
            start_line: line_col(text, hotspot.range.start).line,
            end_line: line_col(text, last_char(text, &hotspot.range)).line,
        },
    }
}

fn line_col(text: &Text, offset: usize) -> LineCol {
    let p = text.position(offset, PositionEncoding::Utf32);
    LineCol {
        line: p.line as usize + 1,
        column: p.character as usize + 1,
    }
}

/// The offset of the last character of a non-empty range (its start if empty).
fn last_char(text: &Text, range: &Range<usize>) -> usize {
    if range.is_empty() {
        return range.start;
    }
    let s = text.as_str();
    let mut i = range.end - 1;
    while i > range.start && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The exclusive end of a range; a range that ends with a line break ends at the end of the
/// line rather than at the start of the next.
fn end_line_col(text: &Text, range: &Range<usize>) -> LineCol {
    let bytes = text.as_str().as_bytes();
    let mut end = range.end;
    while end > range.start && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    line_col(text, end)
}

/// Walks the roots and returns the files of a known language, keyed (and so sorted and
/// de-duplicated) by their display path.
fn collect_files(
    roots: &[PathBuf],
    cwd: &Path,
    warnings: &mut Vec<String>,
) -> BTreeMap<String, (PathBuf, LanguageId)> {
    let mut files = BTreeMap::new();
    for root in roots {
        let explicit_file = root.is_file();
        let mut builder = ignore::WalkBuilder::new(root);
        builder
            // .gitignore is honoured outside a git repository too.
            .require_git(false)
            // Hidden files are code like any other; only git's own directory is skipped.
            .hidden(false)
            .filter_entry(|e| e.file_name() != ".git");
        for entry in builder.build() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    warnings.push(format!("skipped part of `{}`: {e}", root.display()));
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            let display = display_path(path, cwd);
            let lang = LanguageId::from_path(path).or_else(|| script_language(path));
            let Some(lang) = lang else {
                if explicit_file {
                    warnings.push(format!(
                        "skipped `{display}`: redline does not know its language"
                    ));
                }
                continue;
            };
            files.insert(display, (path.to_path_buf(), lang));
        }
    }
    files
}

/// The language of an extensionless script, from its `#!` line.
fn script_language(path: &Path) -> Option<LanguageId> {
    if path.extension().is_some() {
        return None;
    }
    use std::io::Read;
    let mut head = [0u8; 128];
    let n = std::fs::File::open(path).ok()?.read(&mut head).ok()?;
    let head = String::from_utf8_lossy(&head[..n]);
    LanguageId::detect(path, &head)
}

/// `path` relative to `cwd` where it lies under it, without `./`, with `/` separators.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let rel = if path.is_absolute() {
        path.strip_prefix(cwd).unwrap_or(path)
    } else {
        path
    };
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in rel.components() {
        match c {
            Component::CurDir => {}
            Component::RootDir => absolute = true,
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_paths_are_relative_with_slashes() {
        let cwd = Path::new("/repo");
        assert_eq!(display_path(Path::new("./src/a.rs"), cwd), "src/a.rs");
        assert_eq!(display_path(Path::new("/repo/src/a.rs"), cwd), "src/a.rs");
        assert_eq!(
            display_path(Path::new("/elsewhere/a.rs"), cwd),
            "/elsewhere/a.rs"
        );
        assert_eq!(display_path(Path::new("../x/a.rs"), cwd), "../x/a.rs");
    }

    #[test]
    fn columns_count_characters_and_lines_start_at_one() {
        let query = RiskQuery::compile(
            LanguageId::Rust,
            &[crate::query::QuerySource::new(
                "t.scm",
                "(unsafe_block) @risk.memory",
            )],
        )
        .0
        .map(Arc::new);
        let text = "fn f() {\n    let s = \"日本\"; unsafe { g() }\n}\n".to_string();
        let origin = Arc::new(Origin::new("audit", OriginKind::Manual));
        let r = check_text(
            "a.rs".into(),
            text,
            query,
            Some(origin),
            &Rules::default(),
            &Signoffs::new(),
        );
        assert_eq!(r.findings.len(), 1);
        let f = &r.findings[0];
        assert_eq!(
            f.start,
            LineCol {
                line: 2,
                column: 19
            }
        );
        assert_eq!(
            f.end,
            LineCol {
                line: 2,
                column: 33
            }
        );
        assert_eq!((f.hotspot.start_line, f.hotspot.end_line), (2, 2));
        assert_eq!(f.category, "memory");
    }
}

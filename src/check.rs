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

use crate::category::Severity;
use crate::document::Document;
use crate::finding::{Finding, Rules};
use crate::language::LanguageId;
use crate::origin::{Origin, OriginKind};
use crate::query::RiskQuery;
use crate::review::Signoffs;
use crate::text::{PositionEncoding, Text};

/// What to check and how.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Files and directories to check; empty means the current directory.
    pub paths: Vec<PathBuf>,
    /// Audit mode: treat every line of every file as AI-written.
    pub all_ai: bool,
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
    pub origin: Origin,
    pub hotspot: HotspotInfo,
}

/// The result for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileResult {
    /// Relative to the current directory where the file is under it, with `/` separators.
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

/// Runs the check. Fails (the caller exits 2) only when the check cannot run at all: a path
/// that does not exist, or no current directory. A file that cannot be read is a warning.
pub fn run(options: &CheckOptions) -> anyhow::Result<CheckReport> {
    let cwd = std::env::current_dir().context("cannot determine the current directory")?;
    let roots: Vec<PathBuf> = if options.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        options.paths.clone()
    };
    for root in &roots {
        if let Err(e) = std::fs::metadata(root) {
            bail!("cannot check `{}`: {e}", root.display());
        }
    }

    let mut warnings = Vec::new();
    let files = collect_files(&roots, &cwd, &mut warnings);

    let mut queries: HashMap<LanguageId, Option<Arc<RiskQuery>>> = HashMap::new();
    for (_, lang) in files.values() {
        queries.entry(*lang).or_insert_with(|| {
            let (query, errors) = RiskQuery::compile(*lang, &[lang.builtin_query()]);
            warnings.extend(errors.iter().map(|e| e.to_string()));
            query.map(Arc::new)
        });
    }

    let origin = Arc::new(Origin::new("audit", OriginKind::Manual));
    let rules = Rules::default();
    let signoffs = Signoffs::new();
    let outcomes: Vec<Result<FileResult, String>> = files
        .into_par_iter()
        .map(|(display, (path, lang))| {
            let bytes = std::fs::read(&path)
                .map_err(|e| format!("skipped `{display}`: cannot read it: {e}"))?;
            let text = String::from_utf8(bytes)
                .map_err(|_| format!("skipped `{display}`: it is not valid UTF-8"))?;
            let query = queries.get(&lang).cloned().flatten();
            let all_ai = options.all_ai.then(|| origin.clone());
            Ok(check_text(display, text, query, all_ai, &rules, &signoffs))
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
    Ok(report)
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
    let findings: Vec<FileFinding> = doc
        .findings(rules, signoffs)
        .iter()
        .map(|f| locate(doc.text(), f, rules))
        .collect();
    let source = (!findings.is_empty()).then(|| doc.as_str().to_string());
    FileResult {
        path,
        findings,
        source,
    }
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
            let Some(lang) = LanguageId::from_path(path) else {
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

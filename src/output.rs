//! Output formats for `redline check`: compiler-style text and the JSON of DESIGN.md.

use std::collections::BTreeMap;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

use crate::category::Severity;
use crate::check::{CheckReport, FileFinding, FileResult};

/// The output format of `redline check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Sarif,
}

/// Renders the report like a compiler: one diagnostic per finding, with the lines it is on and
/// an underline under exactly its characters, then a summary line. `color` adds ANSI styles.
/// Signed-off findings are only counted: what a person needs to read is what needs review.
pub fn render_text(report: &CheckReport, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for (file, finding) in report.findings().filter(|(_, f)| !f.reviewed) {
        out.push_str(&renderer.render(&[diagnostic(file, finding)]));
        out.push_str("\n\n");
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::HELP,
    }
}

fn diagnostic<'a>(file: &'a FileResult, finding: &'a FileFinding) -> Group<'a> {
    let source = file.source.as_deref().unwrap_or("");
    // Show only the lines the finding is on: the snippet starts at its first line.
    let range = finding.bytes.start.min(source.len())..finding.bytes.end.min(source.len());
    let lines_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let lines_end = source[range.end..]
        .find('\n')
        .map_or(source.len(), |i| range.end + i);
    let excerpt = &source[lines_start..lines_end];
    let span = range.start - lines_start..range.end - lines_start;
    let reviewed = if finding.reviewed {
        " (signed off)"
    } else {
        ""
    };
    let title = format!("{}{reviewed}", finding.message);
    let hotspot = &finding.hotspot;
    let lines = if hotspot.start_line == hotspot.end_line {
        format!("line {}", hotspot.start_line)
    } else {
        format!("lines {}-{}", hotspot.start_line, hotspot.end_line)
    };
    level(finding.severity)
        .primary_title(title)
        .id(finding.category.as_str())
        .element(
            Snippet::source(excerpt)
                .line_start(finding.start.line)
                .path(file.path.as_str())
                .annotation(AnnotationKind::Primary.span(span)),
        )
        .element(Level::NOTE.message(format!("high-impact code: `{}`, {lines}", hotspot.name)))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "3 AI-written changes to high-impact code need senior review (2 errors, 1 warning) in 2
/// files", or "No AI-written high-impact changes need review."
pub fn summary_line(report: &CheckReport) -> String {
    let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut files = 0;
    let mut signed_off = 0;
    for file in &report.files {
        let mut any = false;
        for f in &file.findings {
            if f.reviewed {
                signed_off += 1;
            } else {
                *by_severity.entry(f.severity).or_default() += 1;
                any = true;
            }
        }
        files += usize::from(any);
    }
    let unreviewed: usize = by_severity.values().sum();
    let checked = report.files_checked();
    let signed = if signed_off > 0 {
        format!(", {signed_off} already signed off")
    } else {
        String::new()
    };
    if unreviewed == 0 {
        let files = plural(checked, "file", "files");
        return format!("No AI-written high-impact changes need review ({files} checked{signed}).");
    }
    let counts: Vec<String> = by_severity
        .iter()
        .map(|(s, n)| plural(*n, s.as_str(), &format!("{}s", s.as_str())))
        .collect();
    let (changes, need) = if unreviewed == 1 {
        ("AI-written change", "needs")
    } else {
        ("AI-written changes", "need")
    };
    format!(
        "{unreviewed} {changes} to high-impact code {need} senior review ({}) in {} ({checked} checked{signed})",
        counts.join(", "),
        plural(files, "file", "files"),
    )
}

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary<'a>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    start_line: usize,
    end_line: usize,
    start_column: usize,
    end_column: usize,
    category: &'a str,
    severity: &'static str,
    message: &'a str,
    reviewed: bool,
    origin: JsonOrigin<'a>,
    hotspot: JsonHotspot<'a>,
}

#[derive(Serialize)]
struct JsonOrigin<'a> {
    tool: &'a str,
    kind: &'static str,
    model: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonHotspot<'a> {
    name: &'a str,
    start_line: usize,
    end_line: usize,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    files_checked: usize,
    findings: usize,
    unreviewed: usize,
    by_category: BTreeMap<&'a str, usize>,
    by_severity: BTreeMap<&'static str, usize>,
}

/// Renders the report as the one JSON object of DESIGN.md's command-line contract.
/// `by_severity` always has the four severities; `by_category` has the categories found.
pub fn render_json(report: &CheckReport) -> String {
    let mut findings = Vec::new();
    let mut by_category: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_severity: BTreeMap<&'static str, usize> = [
        Severity::Error,
        Severity::Warning,
        Severity::Info,
        Severity::Hint,
    ]
    .iter()
    .map(|s| (s.as_str(), 0))
    .collect();
    let mut unreviewed = 0;
    for (file, f) in report.findings() {
        *by_category.entry(f.category.as_str()).or_default() += 1;
        *by_severity.entry(f.severity.as_str()).or_default() += 1;
        unreviewed += usize::from(!f.reviewed);
        findings.push(JsonFinding {
            path: &file.path,
            start_line: f.start.line,
            end_line: f.end.line,
            start_column: f.start.column,
            end_column: f.end.column,
            category: &f.category,
            severity: f.severity.as_str(),
            message: &f.message,
            reviewed: f.reviewed,
            origin: JsonOrigin {
                tool: &f.origin.tool,
                kind: f.origin.kind.as_str(),
                model: f.origin.model.as_deref(),
            },
            hotspot: JsonHotspot {
                name: &f.hotspot.name,
                start_line: f.hotspot.start_line,
                end_line: f.hotspot.end_line,
            },
        });
    }
    let report = JsonReport {
        version: 1,
        summary: JsonSummary {
            files_checked: report.files_checked(),
            findings: findings.len(),
            unreviewed,
            by_category,
            by_severity,
        },
        findings,
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}

/// Renders in the chosen format.
pub fn render(report: &CheckReport, format: Format, color: bool) -> String {
    match format {
        Format::Text => render_text(report, color),
        Format::Json => render_json(report),
        Format::Sarif => crate::sarif::render_sarif(report),
    }
}

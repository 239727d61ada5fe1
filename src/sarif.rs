//! SARIF 2.1.0 output for `redline check --format sarif`, in the subset GitHub code scanning
//! accepts: one run, one rule per category found, one result per finding.
//!
//! - Each result points at the finding's characters, with the high-impact code it changes as a
//!   related location that the message links to.
//! - Columns are UTF-16 code units, as SARIF's default `columnKind` and GitHub expect. They are
//!   computed from the file's text; when the report does not carry it, the character columns
//!   of `FileFinding` are used as they are.
//! - `partialFingerprints` come from the finding's review key (the hash of the category, the
//!   hotspot's text and the AI-written text), so an alert follows its code when lines move and
//!   becomes a new alert when the code is edited: exactly when a sign-off stops covering it.
//! - Signed-off findings stay in the log with an external, accepted suppression, so GitHub
//!   shows them as dismissed rather than losing the record.
//!
//! The types are those of the `serde-sarif` crate, generated from the official schema.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, PropertyBag, Region, ReportingConfiguration, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Suppression, Tool, ToolComponent,
};
use sha2::{Digest, Sha256};

use crate::category::{Category, Severity};
use crate::check::{CheckReport, FileFinding, FileResult, LineCol};

/// The schema that `$schema` names: the SARIF 2.1.0 schema as GitHub's documentation and
/// CodeQL refer to it.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base that result URIs are relative to: the repository root.
pub const SRCROOT: &str = "%SRCROOT%";

/// The key in `partialFingerprints` under which GitHub matches alerts across runs.
pub const FINGERPRINT_KEY: &str = "primaryLocationLineHash";

/// `security-severity` of rules whose level is `error`: "high" on GitHub's 0-10 scale.
const ERROR_SECURITY_SEVERITY: &str = "8.0";

/// The id of the related location that marks the hotspot, and that messages link to.
const HOTSPOT_LOCATION_ID: i64 = 1;

/// The tool's home page, from Cargo.toml's `repository` or else `homepage`; none if neither
/// is set.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty())
}

/// Renders the report as one SARIF 2.1.0 log, pretty-printed, with a final newline.
pub fn render_sarif(report: &CheckReport) -> String {
    let log = to_sarif(report);
    // Serialising these plain structs (string keys, JSON values) cannot fail.
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

/// Builds the SARIF log for a report.
pub fn to_sarif(report: &CheckReport) -> Sarif {
    // One rule per category found, sorted by id so that rule indices are stable; its default
    // level is that of its most severe finding.
    let mut categories: BTreeMap<&str, Severity> = BTreeMap::new();
    for (_, f) in report.findings() {
        categories
            .entry(f.category.as_str())
            .and_modify(|s| *s = (*s).min(f.severity))
            .or_insert(f.severity);
    }
    let rule_index: HashMap<&str, i64> = categories
        .keys()
        .enumerate()
        .map(|(i, c)| (*c, i as i64))
        .collect();
    let rules: Vec<ReportingDescriptor> = categories
        .iter()
        .map(|(id, severity)| rule(id, *severity))
        .collect();

    let mut results = Vec::new();
    for file in &report.files {
        let lines = file.source.as_deref().map(LineIndex::new);
        // How often each fingerprint has been seen in this file: identical code twice in one
        // file gives two alerts, told apart by the count.
        let mut seen: HashMap<String, usize> = HashMap::new();
        for f in &file.findings {
            let base = fingerprint_base(file, f);
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            let fingerprint = format!("{base}:{n}");
            results.push(result(
                file,
                f,
                rule_index[f.category.as_str()],
                lines.as_ref(),
                fingerprint,
            ));
        }
    }

    let notifications: Vec<Notification> = report
        .warnings
        .iter()
        .map(|w| {
            Notification::builder()
                .level(json!("warning"))
                .message(text_message(w))
                .build()
        })
        .collect();
    let invocation = if notifications.is_empty() {
        Invocation::builder().execution_successful(true).build()
    } else {
        Invocation::builder()
            .execution_successful(true)
            .tool_execution_notifications(notifications)
            .build()
    };

    let driver = ToolComponent::builder()
        .name("redline")
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules);
    let driver = match information_uri() {
        Some(uri) => driver.information_uri(uri).build(),
        None => driver.build(),
    };
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .invocations(vec![invocation])
        .column_kind(json!("utf16CodeUnits"))
        .results(results)
        .build();
    Sarif::builder()
        .schema(SCHEMA_URI)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

/// SARIF's level for a severity: `error`, `warning`, or `note` for info and hint.
pub fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info | Severity::Hint => ResultLevel::Note,
    }
}

fn level_str(severity: Severity) -> &'static str {
    match level(severity) {
        ResultLevel::Error => "error",
        ResultLevel::Warning => "warning",
        ResultLevel::Note => "note",
        ResultLevel::None => "none",
    }
}

fn text_message(text: &str) -> Message {
    Message::builder().text(text).build()
}

fn multiformat(text: String, markdown: String) -> MultiformatMessageString {
    MultiformatMessageString::builder()
        .text(text)
        .markdown(markdown)
        .build()
}

/// The rule for a category.
fn rule(id: &str, severity: Severity) -> ReportingDescriptor {
    let category = Category::new(id);
    let what = if category.is_builtin() {
        category.description().to_string()
    } else {
        format!("high-impact code (category `{id}`)")
    };
    let short = format!("AI-written change to {what}");
    let full = format!(
        "Code written by an AI tool (an agent, a chat edit or an inline completion) changes \
         {what}. A mistake here has a high impact, so redline asks for a senior engineer's \
         review before the change is committed."
    );
    let help_text = format!(
        "This change was written by an AI tool and touches {what}. Have a senior engineer \
         review it. Once they approve, they record their sign-off with \
         `redline signoff PATH:START-END` (or `redline signoff PATH` for a whole file), which \
         records the reviewer (git's user.email), the time and a hash of the reviewed text. \
         A signed-off change no longer fails `redline check`; editing it afterwards makes it \
         need review again. Who may sign off is set in the [review] section of redline.toml."
    );
    let help_markdown = format!(
        "This change was written by an AI tool and touches {what}.\n\n\
         1. Have a senior engineer review it.\n\
         2. Once they approve, they record their sign-off:\n\n   \
         ```sh\n   redline signoff PATH:START-END\n   ```\n\n   \
         This records the reviewer (git's `user.email`), the time and a hash of the reviewed \
         text.\n\n\
         A signed-off change no longer fails `redline check`; editing it afterwards makes it \
         need review again. Who may sign off is set in the `[review]` section of \
         `redline.toml`."
    );
    let mut extra = BTreeMap::new();
    if severity == Severity::Error {
        extra.insert(
            "security-severity".to_string(),
            json!(ERROR_SECURITY_SEVERITY),
        );
    }
    let properties = PropertyBag::builder()
        .tags(vec![
            "security".to_string(),
            "ai-provenance".to_string(),
            id.to_string(),
        ])
        .additional_properties(extra)
        .build();
    ReportingDescriptor::builder()
        .id(id)
        .short_description(multiformat(short.clone(), short))
        .full_description(multiformat(full.clone(), full))
        .help(multiformat(help_text, help_markdown))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(level_str(severity)))
                .build(),
        )
        .properties(properties)
        .build()
}

/// The result for one finding.
fn result(
    file: &FileResult,
    f: &FileFinding,
    rule_index: i64,
    lines: Option<&LineIndex>,
    fingerprint: String,
) -> SarifResult {
    let (start_line, start_column) = column(lines, f.start);
    let (end_line, end_column) = column(lines, f.end);
    // A region never ends before it starts, whatever the report says.
    let (end_line, end_column) = if (end_line, end_column) < (start_line, start_column) {
        (start_line, start_column)
    } else {
        (end_line, end_column)
    };
    let region = Region::builder()
        .start_line(start_line)
        .start_column(start_column)
        .end_line(end_line)
        .end_column(end_column)
        .build();
    let hotspot = &f.hotspot;
    let hotspot_start = hotspot.start_line.max(1) as i64;
    let hotspot_end = (hotspot.end_line as i64).max(hotspot_start);
    let hotspot_lines = if hotspot_start == hotspot_end {
        format!("line {hotspot_start}")
    } else {
        format!("lines {hotspot_start}-{hotspot_end}")
    };
    let hotspot_location = Location::builder()
        .id(HOTSPOT_LOCATION_ID)
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact_location(&file.path))
                .region(
                    Region::builder()
                        .start_line(hotspot_start)
                        .end_line(hotspot_end)
                        .build(),
                )
                .build(),
        )
        .message(text_message(&format!(
            "high-impact code: `{}` ({hotspot_lines})",
            hotspot.name
        )))
        .build();
    let location = Location::builder()
        .physical_location(
            PhysicalLocation::builder()
                .artifact_location(artifact_location(&file.path))
                .region(region)
                .build(),
        )
        .build();
    let message = format!(
        "{}. The high-impact code it changes: [{hotspot_lines}]({HOTSPOT_LOCATION_ID}).",
        escape_brackets(f.message.trim_end_matches('.'))
    );

    let mut origin = serde_json::Map::new();
    origin.insert("tool".into(), json!(f.origin.tool));
    origin.insert("kind".into(), json!(f.origin.kind.as_str()));
    if let Some(model) = &f.origin.model {
        origin.insert("model".into(), json!(model));
    }
    let mut props: BTreeMap<String, Value> = BTreeMap::new();
    props.insert("severity".into(), json!(f.severity.as_str()));
    props.insert("reviewed".into(), json!(f.reviewed));
    props.insert("origin".into(), Value::Object(origin));
    props.insert(
        "hotspot".into(),
        json!({
            "name": hotspot.name,
            "startLine": hotspot_start,
            "endLine": hotspot_end,
        }),
    );
    props.insert("reviewKey".into(), json!(f.key));
    if let Some(s) = &f.signoff {
        props.insert(
            "signoff".into(),
            json!({ "reviewer": s.reviewer, "at": s.at, "signed": s.signature.is_some() }),
        );
    }

    let builder = SarifResult::builder()
        .rule_id(f.category.as_str())
        .rule_index(rule_index)
        .level(level(f.severity))
        .message(text_message(&message))
        .locations(vec![location])
        .related_locations(vec![hotspot_location])
        .partial_fingerprints(BTreeMap::from([(FINGERPRINT_KEY.to_string(), fingerprint)]))
        .properties(PropertyBag::builder().additional_properties(props).build());
    if f.reviewed || f.signoff.is_some() {
        let justification = match &f.signoff {
            Some(s) => format!("signed off by {}", s.reviewer),
            None => "signed off".to_string(),
        };
        builder
            .suppressions(vec![
                Suppression::builder()
                    .kind(json!("external"))
                    .status(json!("accepted"))
                    .justification(justification)
                    .build(),
            ])
            .build()
    } else {
        builder.build()
    }
}

/// What identifies a finding across runs, before the occurrence count: its review key, or,
/// when a report has none, its category, hotspot and path. GitHub adds the path and the rule
/// itself.
fn fingerprint_base(file: &FileResult, f: &FileFinding) -> String {
    let mut h = Sha256::new();
    if f.key.is_empty() {
        h.update(b"redline-finding\0");
        h.update(f.category.as_bytes());
        h.update([0]);
        h.update(f.hotspot.name.as_bytes());
        h.update([0]);
        h.update(file.path.as_bytes());
    } else {
        h.update(b"redline-key\0");
        h.update(f.key.as_bytes());
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A 1-based line and a 1-based column in UTF-16 code units, from a line and a character
/// column; the character column itself when the text is not known or does not have it.
fn column(lines: Option<&LineIndex>, at: LineCol) -> (i64, i64) {
    let line = at.line.max(1);
    let col = at.column.max(1);
    let utf16 = lines.and_then(|l| l.utf16_column(line, col)).unwrap_or(col);
    (line as i64, utf16 as i64)
}

/// Where each line of a text starts (lines end with `\n`, as in `crate::text`).
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 1-based UTF-16 column of 1-based character column `column` on 1-based `line`; the
    /// column just past a line's last character is valid.
    fn utf16_column(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.starts.get(line - 1)?;
        let end = self.starts.get(line).copied().unwrap_or(self.text.len());
        let mut chars = self.text[start..end].chars();
        let mut units = 0;
        for _ in 1..column {
            units += chars.next()?.len_utf16();
        }
        Some(units + 1)
    }
}

/// Literal square brackets in a message, escaped so that they do not read as embedded links.
fn escape_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The artifact location of a report path: relative to the repository root (`%SRCROOT%`)
/// for the usual repository-relative path, a `file:` URI for an absolute one.
fn artifact_location(path: &str) -> ArtifactLocation {
    if path.starts_with('/') {
        ArtifactLocation::builder()
            .uri(format!("file://{}", percent_encode(path, false)))
            .build()
    } else {
        ArtifactLocation::builder()
            .uri(percent_encode(path, true))
            .uri_base_id(SRCROOT)
            .build()
    }
}

/// A `/`-separated path as a URI path: everything but unreserved characters, `/` and a few
/// sub-delimiters is percent-encoded (non-ASCII as UTF-8). In a relative reference a colon
/// is encoded too, so that the first segment never reads as a scheme.
fn percent_encode(path: &str, relative: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'@'
            )
            || (b == b':' && !relative);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_count_surrogate_pairs() {
        let idx = LineIndex::new("ab\nx🦀日y\n");
        assert_eq!(idx.utf16_column(1, 1), Some(1));
        assert_eq!(idx.utf16_column(2, 2), Some(2));
        assert_eq!(idx.utf16_column(2, 3), Some(4));
        assert_eq!(idx.utf16_column(2, 4), Some(5));
        // Just past the line's last character.
        assert_eq!(idx.utf16_column(2, 5), Some(6));
        assert_eq!(idx.utf16_column(4, 1), None);
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(percent_encode("src/a b/c:d.rs", true), "src/a%20b/c%3Ad.rs");
        assert_eq!(percent_encode("src/é.rs", true), "src/%C3%A9.rs");
        assert_eq!(percent_encode("/x/c:d", false), "/x/c:d");
        assert_eq!(escape_brackets("a[0] b"), "a\\[0\\] b");
    }
}

//! `redline record`: turns what an agent's hook says it wrote, or what a person says an AI
//! wrote, into ledger records against the file's current content.

use std::path::Path;

use crate::hook::{self, Agent, HookEdit};
use crate::ledger::{Ledger, NewSpan, Source};
use crate::origin::{Origin, OriginKind};
use crate::text::LineIndex;
use crate::workspace::Workspace;

/// What was recorded for one file, and what could not be.
#[derive(Debug, Clone, Default)]
pub struct Recorded {
    pub path: String,
    pub spans: usize,
    pub bytes: usize,
    /// Problems worth a warning: ambiguous or unplaced text.
    pub warnings: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("hook payload: {0}")]
    Payload(#[from] hook::HookError),
    #[error("{path} is outside the repository at {root}")]
    Outside { path: String, root: String },
    #[error("{path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not UTF-8 text")]
    NotText { path: String },
    #[error("{spec}: {message}")]
    BadSpec { spec: String, message: String },
    #[error(transparent)]
    Ledger(#[from] crate::ledger::LedgerError),
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn read_text(path: &Path, shown: &str) -> Result<String, RecordError> {
    let bytes = std::fs::read(path).map_err(|source| RecordError::Read {
        path: shown.to_string(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| RecordError::NotText {
        path: shown.to_string(),
    })
}

fn rel_path(ws: &Workspace, path: &Path) -> Result<String, RecordError> {
    ws.relative(path).ok_or_else(|| RecordError::Outside {
        path: path.display().to_string(),
        root: ws.root.display().to_string(),
    })
}

/// Records an agent hook's payload. Every edited file is read as it is now and the agent's
/// text is found in it; one ledger transaction per file.
pub fn record_payload(
    ws: &Workspace,
    ledger: &mut Ledger,
    json: &str,
    agent: Option<Agent>,
    author: Option<&str>,
) -> Result<Vec<Recorded>, RecordError> {
    let edits = match agent {
        Some(agent) => hook::parse_as(agent, json)?,
        None => hook::parse(json)?,
    };
    let mut out = Vec::with_capacity(edits.len());
    for edit in edits {
        out.push(record_edit(ws, ledger, &edit, author)?);
    }
    Ok(out)
}

fn record_edit(
    ws: &Workspace,
    ledger: &mut Ledger,
    edit: &HookEdit,
    author: Option<&str>,
) -> Result<Recorded, RecordError> {
    let path = edit.resolved_path();
    let rel = rel_path(ws, &path)?;
    let content = read_text(&path, &rel)?;
    let located = hook::locate(edit, &content);
    let mut origin = edit.origin.clone();
    origin.at = Some(now());
    origin.author = author.map(str::to_string);
    let spans: Vec<NewSpan> = located
        .ranges
        .iter()
        .map(|r| NewSpan {
            range: r.clone(),
            origin: origin.clone(),
        })
        .collect();
    let mut warnings: Vec<String> = located
        .ambiguous
        .iter()
        .map(|a| format!("{rel}: {a}"))
        .collect();
    warnings.extend(located.unplaced.iter().map(|u| format!("{rel}: {u}")));
    let bytes = spans.iter().map(|s| s.range.len()).sum();
    if !spans.is_empty() {
        ledger.record(&rel, &content, &spans, Source::Record)?;
    }
    Ok(Recorded {
        path: rel,
        spans: spans.len(),
        bytes,
        warnings,
    })
}

/// A `PATH:START-END` (1-based, inclusive lines) or `PATH` (the whole file) argument.
pub fn parse_spec(spec: &str) -> Result<(String, Option<(u32, u32)>), RecordError> {
    let bad = |message: &str| RecordError::BadSpec {
        spec: spec.to_string(),
        message: message.to_string(),
    };
    let Some((path, lines)) = spec.rsplit_once(':') else {
        return Ok((spec.to_string(), None));
    };
    if !lines.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Ok((spec.to_string(), None));
    }
    let (start, end) = lines.split_once('-').unwrap_or((lines, lines));
    let start: u32 = start
        .parse()
        .map_err(|_| bad("expected PATH:START-END with line numbers"))?;
    let end: u32 = end
        .parse()
        .map_err(|_| bad("expected PATH:START-END with line numbers"))?;
    if start == 0 || end < start {
        return Err(bad("lines are 1-based and START must not be after END"));
    }
    Ok((path.to_string(), Some((start, end))))
}

/// Records lines an AI wrote, given by hand: `redline record --tool T PATH:START-END`.
pub fn record_lines(
    ws: &Workspace,
    ledger: &mut Ledger,
    specs: &[String],
    origin: Origin,
) -> Result<Vec<Recorded>, RecordError> {
    let mut out = Vec::new();
    for spec in specs {
        let (path, lines) = parse_spec(spec)?;
        let rel = rel_path(ws, Path::new(&path))?;
        let content = read_text(&ws.root.join(&rel), &rel)?;
        let index = LineIndex::new(&content);
        let range = match lines {
            None => 0..content.len(),
            Some((start, end)) => {
                if end > index.line_count() {
                    return Err(RecordError::BadSpec {
                        spec: spec.clone(),
                        message: format!(
                            "the file has {} lines; line {end} does not exist",
                            index.line_count()
                        ),
                    });
                }
                let from = index.line_start(start - 1).unwrap_or(0);
                let to = index
                    .line_range(&content, end - 1)
                    .map_or(content.len(), |r| r.end);
                from..to
            }
        };
        let mut origin = origin.clone();
        origin.at = Some(now());
        let span = NewSpan {
            range: range.clone(),
            origin,
        };
        if !range.is_empty() {
            ledger.record(&rel, &content, &[span], Source::Record)?;
        }
        out.push(Recorded {
            path: rel,
            spans: usize::from(!range.is_empty()),
            bytes: range.len(),
            warnings: Vec::new(),
        });
    }
    Ok(out)
}

/// The origin for `redline record --tool T [--model M]`.
pub fn manual_origin(tool: &str, model: Option<&str>, author: Option<&str>) -> Origin {
    let mut origin = Origin::new(tool, OriginKind::Agent);
    origin.model = model.map(str::to_string);
    origin.author = author.map(str::to_string);
    origin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        assert_eq!(
            parse_spec("a.rs:3-5").unwrap(),
            ("a.rs".into(), Some((3, 5)))
        );
        assert_eq!(parse_spec("a.rs:7").unwrap(), ("a.rs".into(), Some((7, 7))));
        assert_eq!(parse_spec("a.rs").unwrap(), ("a.rs".into(), None));
        assert!(parse_spec("a.rs:5-3").is_err());
        assert!(parse_spec("a.rs:0-3").is_err());
    }
}

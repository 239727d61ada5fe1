//! `git blame --line-porcelain`, read, and `redline blame`'s per-line answer, rendered. Pure:
//! no IO.

use serde::Serialize;

/// The commit id git blame gives lines that are not committed yet.
pub const UNCOMMITTED: &str = "0000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("git blame output line {line}: {why}")]
pub struct BlameError {
    pub line: usize,
    pub why: String,
}

/// One line of the blamed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlameLine {
    /// The commit that last changed the line (`UNCOMMITTED` for the working tree).
    pub commit: String,
    /// The line's number in that commit's version of the file (1-based).
    pub orig_line: u32,
    /// The line's number in the blamed version (1-based).
    pub final_line: u32,
    /// The file's path in that commit (blame follows renames).
    pub orig_path: String,
    /// The line lies before the range blamed (`git blame A..B`).
    pub boundary: bool,
    pub text: String,
}

impl BlameLine {
    pub fn committed(&self) -> bool {
        self.commit != UNCOMMITTED
    }
}

fn unquote(path: &str) -> String {
    match path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) {
        Some(inner) => inner.replace("\\\"", "\"").replace("\\\\", "\\"),
        None => path.to_string(),
    }
}

/// Parses `git blame --line-porcelain`: for every line, a header `<sha> <orig> <final> [n]`,
/// `key value` lines (among them `filename` and maybe `boundary`), then the line's text after
/// a tab.
pub fn parse_porcelain(out: &str) -> Result<Vec<BlameLine>, BlameError> {
    let mut lines = Vec::new();
    let mut current: Option<BlameLine> = None;
    for (i, raw) in out.lines().enumerate() {
        let bad = |why: &str| BlameError {
            line: i + 1,
            why: why.to_string(),
        };
        if let Some(text) = raw.strip_prefix('\t') {
            let mut line = current
                .take()
                .ok_or_else(|| bad("line text before a header"))?;
            line.text = text.to_string();
            lines.push(line);
            continue;
        }
        match &mut current {
            None => {
                let mut parts = raw.split(' ');
                let sha = parts.next().unwrap_or_default();
                if sha.len() < 40 || !sha.chars().all(|c| c.is_ascii_hexdigit()) {
                    return Err(bad("expected `<sha> <orig line> <final line>`"));
                }
                let orig: u32 = parts
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(|| bad("no original line number"))?;
                let fin: u32 = parts
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(|| bad("no final line number"))?;
                current = Some(BlameLine {
                    commit: sha.to_string(),
                    orig_line: orig,
                    final_line: fin,
                    orig_path: String::new(),
                    boundary: false,
                    text: String::new(),
                });
            }
            Some(line) => {
                if let Some(path) = raw.strip_prefix("filename ") {
                    line.orig_path = unquote(path);
                } else if raw == "boundary" {
                    line.boundary = true;
                }
            }
        }
    }
    Ok(lines)
}

/// Who wrote a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Human,
    Ai,
    Unknown,
}

/// Whether an AI-written line needed, and got, a senior's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Review {
    /// It touches high-impact code and is signed off.
    Reviewed,
    /// It touches high-impact code and is not signed off.
    NeedsReview,
    /// It touches no high-impact code (or was not written by an AI).
    NotNeeded,
}

/// `redline blame`'s answer for one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineReport {
    pub line: u32,
    pub source: Source,
    pub tool: Option<String>,
    pub model: Option<String>,
    /// The commit that last changed it; `None` when not committed yet.
    pub commit: Option<String>,
    pub review: Review,
    /// Where the answer came from: `notes`, `trailer`, `agent-trace`, `ledger`, or `none`.
    pub evidence: &'static str,
    #[serde(skip)]
    pub text: String,
}

/// One line per line of the file: number, source, tool, model, review state, and the code.
pub fn render_text(lines: &[LineReport]) -> String {
    let width = lines.last().map_or(1, |l| l.line.to_string().len());
    let tool_w = lines
        .iter()
        .filter_map(|l| l.tool.as_ref().map(String::len))
        .max()
        .unwrap_or(1)
        .max(1);
    let model_w = lines
        .iter()
        .filter_map(|l| l.model.as_ref().map(String::len))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut out = String::new();
    for l in lines {
        let source = match l.source {
            Source::Human => "human",
            Source::Ai => "ai",
            Source::Unknown => "unknown",
        };
        let review = match l.review {
            Review::Reviewed => "reviewed",
            Review::NeedsReview => "NEEDS REVIEW",
            Review::NotNeeded => "-",
        };
        let commit = l
            .commit
            .as_deref()
            .map_or("uncommitted", |c| &c[..c.len().min(8)]);
        out.push_str(&format!(
            "{:>width$} {source:<7} {:<tool_w$} {:<model_w$} {review:<12} {commit:<11} | {}\n",
            l.line,
            l.tool.as_deref().unwrap_or("-"),
            l.model.as_deref().unwrap_or("-"),
            l.text,
        ));
    }
    out
}

/// `{ "version": 1, "path": ..., "lines": [ { line, source, tool, model, commit, review,
/// evidence } ] }`.
pub fn render_json(path: &str, lines: &[LineReport]) -> String {
    let v = serde_json::json!({ "version": 1, "path": path, "lines": lines });
    // A value built from plain strings and numbers always serialises.
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUT: &str = "\
1111111111111111111111111111111111111111 1 1 2
author A
filename src/old.rs
\tfn a() {}
1111111111111111111111111111111111111111 2 2
author A
filename src/old.rs
\tfn b() {}
0000000000000000000000000000000000000000 3 3 1
author Not Committed Yet
boundary
filename \"src/new file.rs\"
\t\tindented
";

    #[test]
    fn porcelain_lines_parse() {
        let lines = parse_porcelain(OUT).unwrap();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1].orig_line, 2);
        assert_eq!(lines[0].orig_path, "src/old.rs");
        assert!(lines[0].committed());
        assert!(!lines[2].committed());
        assert!(lines[2].boundary);
        assert_eq!(lines[2].orig_path, "src/new file.rs");
        assert_eq!(lines[2].text, "\tindented");
        assert!(parse_porcelain("garbage\n").is_err());
        assert!(parse_porcelain("\tno header\n").is_err());
    }

    #[test]
    fn reports_render() {
        let l = LineReport {
            line: 7,
            source: Source::Ai,
            tool: Some("claude".into()),
            model: None,
            commit: Some("abcdef0123456789".into()),
            review: Review::NeedsReview,
            evidence: "trailer",
            text: "let x = 1;".into(),
        };
        let t = render_text(std::slice::from_ref(&l));
        assert_eq!(
            t,
            "7 ai      claude - NEEDS REVIEW abcdef01    | let x = 1;\n"
        );
        let v: serde_json::Value = serde_json::from_str(&render_json("a.rs", &[l])).unwrap();
        assert_eq!(v["lines"][0]["review"], "needs-review");
        assert_eq!(v["lines"][0]["source"], "ai");
    }
}

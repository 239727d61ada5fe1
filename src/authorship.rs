//! git-ai's authorship log, the note redline writes on `refs/notes/ai` and reads back, so that
//! teams using git-ai see redline's records and redline sees theirs. Pure: no IO.
//!
//! The format follows the Git AI Standard v3.0.0 (`specs/git_ai_standard_v3.0.0.md` in
//! github.com/git-ai-project/git-ai, formerly acunniffe/git-ai):
//!
//! ```text
//! src/main.rs                       <- a file path at the start of a line ("quoted" if it has spaces)
//!   abcd1234abcd1234 1-10,15-20     <- two spaces, a 16-hex session hash, 1-based line ranges
//! ---                               <- the divider, alone on its line
//! { "schema_version": "authorship/3.0.0", "base_commit_sha": "...", "prompts": { ... } }
//! ```
//!
//! Each session hash is the first 16 hex digits of SHA-256 of `{tool}:{conversation id}` and
//! keys a prompt record (`agent_id: { tool, id, model }`, `human_author`, `messages`, line
//! counts) in the metadata's `prompts`. Line numbers are those of the file as committed.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::lines;
use crate::origin::{Origin, OriginKind};

/// The notes ref git-ai uses, and redline with it.
pub const NOTES_REF: &str = "refs/notes/ai";
pub const SCHEMA_VERSION: &str = "authorship/3.0.0";
const DIVIDER: &str = "---";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthorshipError {
    #[error("no `---` line between the attestation section and the metadata")]
    NoDivider,
    #[error("line {line}: {why}")]
    Attestation { line: usize, why: String },
    #[error("the metadata is not valid JSON: {0}")]
    Metadata(String),
    #[error("schema_version is `{0}`; redline reads authorship/3.x")]
    Version(String),
}

/// Who a session was: git-ai's `agent_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AgentId {
    pub tool: String,
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
}

/// One prompt record (a session) in the metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromptRecord {
    pub agent_id: AgentId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub human_author: Option<String>,
    /// The conversation; redline never copies transcripts, so it writes an empty list.
    #[serde(default)]
    pub messages: Vec<serde_json::Value>,
    #[serde(default)]
    pub total_additions: u64,
    #[serde(default)]
    pub total_deletions: u64,
    #[serde(default)]
    pub accepted_lines: u64,
    /// Spelled as git-ai writes it.
    #[serde(default, alias = "overridden_lines")]
    pub overriden_lines: u64,
    /// Anything else a newer writer added, kept as it was.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub schema_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub git_ai_version: Option<String>,
    #[serde(default)]
    pub base_commit_sha: String,
    #[serde(default)]
    pub prompts: BTreeMap<String, PromptRecord>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// An authorship log: per file, per session, the lines it wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorshipLog {
    /// File path -> session hash -> lines (1-based).
    pub files: BTreeMap<String, BTreeMap<String, BTreeSet<u32>>>,
    pub metadata: Metadata,
}

/// The session hash of git-ai's standard: SHA-256 of `{tool}:{id}`, first 16 hex digits.
pub fn session_hash(tool: &str, id: &str) -> String {
    let digest = Sha256::digest(format!("{tool}:{id}").as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn email_of(author: &str) -> String {
    match (author.find('<'), author.rfind('>')) {
        (Some(a), Some(b)) if a < b => author[a + 1..b].trim().to_string(),
        _ => author.trim().to_string(),
    }
}

impl AuthorshipLog {
    pub fn new(commit: &str) -> Self {
        AuthorshipLog {
            files: BTreeMap::new(),
            metadata: Metadata {
                schema_version: SCHEMA_VERSION.into(),
                git_ai_version: None,
                base_commit_sha: commit.to_string(),
                prompts: BTreeMap::new(),
                extra: BTreeMap::new(),
            },
        }
    }

    /// Parses a note. Session hashes of 7 to 16 hex digits are accepted, as the standard asks.
    pub fn parse(text: &str) -> Result<AuthorshipLog, AuthorshipError> {
        let all: Vec<&str> = text.lines().collect();
        let divider = all
            .iter()
            .position(|l| l.trim_end_matches('\r') == DIVIDER)
            .ok_or(AuthorshipError::NoDivider)?;
        let json = all[divider + 1..].join("\n");
        let metadata: Metadata =
            serde_json::from_str(&json).map_err(|e| AuthorshipError::Metadata(e.to_string()))?;
        if !metadata.schema_version.starts_with("authorship/3.") {
            return Err(AuthorshipError::Version(metadata.schema_version));
        }
        let mut files: BTreeMap<String, BTreeMap<String, BTreeSet<u32>>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for (i, raw) in all[..divider].iter().enumerate() {
            let line = raw.trim_end_matches('\r');
            let at = |why: String| AuthorshipError::Attestation { line: i + 1, why };
            if line.trim().is_empty() {
                continue;
            }
            if let Some(entry) = line.strip_prefix("  ") {
                let Some(path) = &current else {
                    return Err(at("an attestation entry before any file path".into()));
                };
                let (hash, ranges) = entry
                    .split_once(' ')
                    .ok_or_else(|| at(format!("expected `<hash> <ranges>`, got `{entry}`")))?;
                let hex = hash.chars().all(|c| c.is_ascii_hexdigit());
                if !hex || !(7..=16).contains(&hash.len()) {
                    return Err(at(format!("`{hash}` is not a session hash")));
                }
                // A session without a prompt record breaks the standard, but its lines are
                // still an AI's: they count, with an unknown tool, rather than being dropped.
                let ranges = lines::parse_ranges(ranges.trim()).map_err(|e| at(e.to_string()))?;
                files
                    .entry(path.clone())
                    .or_default()
                    .entry(hash.to_string())
                    .or_default()
                    .extend(lines::expand(&ranges));
            } else if line.starts_with(' ') || line.starts_with('\t') {
                return Err(at(format!("unexpected indentation in `{line}`")));
            } else {
                let path = match line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) {
                    Some(quoted) => quoted.to_string(),
                    None => line.to_string(),
                };
                current = Some(path);
            }
        }
        Ok(AuthorshipLog { files, metadata })
    }

    /// The note's text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (path, sessions) in &self.files {
            let sessions: Vec<_> = sessions.iter().filter(|(_, l)| !l.is_empty()).collect();
            if sessions.is_empty() {
                continue;
            }
            if path.contains([' ', '\t', '\n']) {
                out.push_str(&format!("\"{path}\"\n"));
            } else {
                out.push_str(path);
                out.push('\n');
            }
            for (hash, lines) in sessions {
                out.push_str(&format!("  {hash} {}\n", lines::format_ranges(lines)));
            }
        }
        out.push_str(DIVIDER);
        out.push('\n');
        // Serialising plain maps and strings cannot fail.
        out.push_str(&serde_json::to_string_pretty(&self.metadata).unwrap_or_default());
        out.push('\n');
        out
    }

    /// Adds `lines` of `path` written by `origin`, creating its session's prompt record.
    pub fn add(&mut self, path: &str, origin: &Origin, lines: &BTreeSet<u32>) {
        if lines.is_empty() {
            return;
        }
        let id = origin
            .session
            .clone()
            .unwrap_or_else(|| match &origin.model {
                Some(m) => format!("redline:{m}"),
                None => "redline".to_string(),
            });
        let hash = session_hash(&origin.tool, &id);
        let record = self
            .metadata
            .prompts
            .entry(hash.clone())
            .or_insert_with(|| PromptRecord {
                agent_id: AgentId {
                    tool: origin.tool.clone(),
                    id,
                    model: origin.model.clone(),
                },
                human_author: origin.author.as_ref().map(|a| format!("<{}>", email_of(a))),
                messages: Vec::new(),
                total_additions: 0,
                total_deletions: 0,
                accepted_lines: 0,
                overriden_lines: 0,
                extra: BTreeMap::new(),
            });
        let set = self
            .files
            .entry(path.to_string())
            .or_default()
            .entry(hash)
            .or_default();
        let before = set.len();
        set.extend(lines.iter().copied());
        let added = (set.len() - before) as u64;
        record.total_additions += added;
        record.accepted_lines += added;
    }

    /// Adds `lines` of `path` to an existing session, keeping its hash and prompt record as
    /// another writer made them.
    pub fn add_to_session(&mut self, path: &str, hash: &str, lines: &BTreeSet<u32>) {
        if lines.is_empty() {
            return;
        }
        self.files
            .entry(path.to_string())
            .or_default()
            .entry(hash.to_string())
            .or_default()
            .extend(lines.iter().copied());
    }

    /// The origin a session's lines are shown with.
    pub fn origin(&self, hash: &str) -> Origin {
        let mut origin = Origin::new("unknown", OriginKind::Agent);
        if let Some(p) = self.metadata.prompts.get(hash) {
            origin.tool = if p.agent_id.tool.is_empty() {
                "unknown".into()
            } else {
                p.agent_id.tool.clone()
            };
            origin.model = p.agent_id.model.clone().filter(|m| !m.is_empty());
            origin.session = (!p.agent_id.id.is_empty()).then(|| p.agent_id.id.clone());
            origin.author = p.human_author.as_deref().map(email_of);
        }
        origin
    }

    /// Every AI-written line of `path`, with its origin.
    pub fn lines_of(&self, path: &str) -> Vec<(Origin, BTreeSet<u32>)> {
        self.files
            .get(path)
            .map(|sessions| {
                sessions
                    .iter()
                    .map(|(hash, lines)| (self.origin(hash), lines.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn is_empty(&self) -> bool {
        self.files
            .values()
            .all(|s| s.values().all(BTreeSet::is_empty))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The complete example of the standard (section 1.2.5), trimmed to one session.
    const EXAMPLE: &str = r#"src/main.rs
  abcd1234abcd1234 1-10,15-20
"src/my file.rs"
  abcd1234abcd1234 1-50
---
{
  "schema_version": "authorship/3.0.0",
  "git_ai_version": "1.0.23",
  "base_commit_sha": "7734793b756b3921c88db5375a8c156e9532447b",
  "prompts": {
    "abcd1234abcd1234": {
      "agent_id": { "tool": "cursor", "id": "6ef2299e", "model": "claude-4.5-opus" },
      "human_author": "Developer <dev@example.com>",
      "messages": [ { "type": "user", "text": "Add error handling" } ],
      "total_additions": 25, "total_deletions": 5, "accepted_lines": 20, "overriden_lines": 0
    }
  }
}
"#;

    #[test]
    fn the_standards_example_parses() {
        let log = AuthorshipLog::parse(EXAMPLE).unwrap();
        let main = log.lines_of("src/main.rs");
        assert_eq!(main.len(), 1);
        assert_eq!(main[0].1.len(), 16);
        assert_eq!(main[0].0.tool, "cursor");
        assert_eq!(main[0].0.model.as_deref(), Some("claude-4.5-opus"));
        assert_eq!(main[0].0.author.as_deref(), Some("dev@example.com"));
        assert_eq!(log.lines_of("src/my file.rs")[0].1.len(), 50);
        assert_eq!(log.metadata.git_ai_version.as_deref(), Some("1.0.23"));
    }

    #[test]
    fn what_redline_writes_reads_back_and_keeps_unknown_fields() {
        let mut log = AuthorshipLog::new("abc");
        let mut o = Origin::new("claude-code", OriginKind::Agent);
        o.model = Some("claude-opus-4".into());
        o.session = Some("s-1".into());
        o.author = Some("dev@example.com".into());
        log.add("src/a b.rs", &o, &[3, 4, 5, 9].into_iter().collect());
        let text = log.render();
        let hash = session_hash("claude-code", "s-1");
        assert_eq!(hash.len(), 16);
        assert!(text.starts_with(&format!("\"src/a b.rs\"\n  {hash} 3-5,9\n---\n")));
        let back = AuthorshipLog::parse(&text).unwrap();
        assert_eq!(back, log);
        assert_eq!(back.metadata.prompts[&hash].accepted_lines, 4);
        let origin = back.origin(&hash);
        assert_eq!(origin.author.as_deref(), Some("dev@example.com"));

        let mut v: serde_json::Value =
            serde_json::from_str(text.split("---\n").nth(1).unwrap()).unwrap();
        v["future_field"] = serde_json::json!(1);
        let again = format!("\"src/a b.rs\"\n  {hash} 3-5,9\n---\n{v}");
        let parsed = AuthorshipLog::parse(&again).unwrap();
        assert!(parsed.render().contains("future_field"));
    }

    #[test]
    fn malformed_notes_say_what_is_wrong() {
        assert_eq!(
            AuthorshipLog::parse("src/a.rs\n  abcd1234abcd1234 1-2\n"),
            Err(AuthorshipError::NoDivider)
        );
        let e = AuthorshipLog::parse("src/a.rs\n  abcd1234abcd1234 1-2\n---\n{}").unwrap_err();
        assert!(matches!(e, AuthorshipError::Metadata(_)), "{e}");
        let meta = r#"{"schema_version":"authorship/3.0.0","base_commit_sha":"x","prompts":{}}"#;
        let orphan =
            AuthorshipLog::parse(&format!("src/a.rs\n  abcd1234abcd1234 1-2\n---\n{meta}"))
                .unwrap();
        assert_eq!(orphan.lines_of("src/a.rs")[0].0.tool, "unknown");
        let e = AuthorshipLog::parse(&format!("src/a.rs\n  xyz 1-2\n---\n{meta}")).unwrap_err();
        assert!(matches!(e, AuthorshipError::Attestation { line: 2, .. }));
        let e = AuthorshipLog::parse(&format!("  abcd1234abcd1234 1-2\n---\n{meta}")).unwrap_err();
        assert!(matches!(e, AuthorshipError::Attestation { line: 1, .. }));
        let old = r#"{"schema_version":"authorship/2.0.0","base_commit_sha":"x","prompts":{}}"#;
        assert!(matches!(
            AuthorshipLog::parse(&format!("---\n{old}")),
            Err(AuthorshipError::Version(_))
        ));
        assert!(
            AuthorshipLog::parse(&format!("---\n{meta}"))
                .unwrap()
                .is_empty()
        );
    }
}

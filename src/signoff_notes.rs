//! Sign-offs carried in git notes (`refs/notes/redline`), so that CI can check them exactly as
//! the commit gate does. A note is one JSON object:
//! `{ "version": 1, "signoffs": [ { reviewer, at, key, signature?, path?, category?, hotspot? } ] }`.
//! A sign-off's `key` hashes the exact text it covers, so a note may carry more sign-offs than
//! its commit needs: one counts only where its text is found. Pure: no IO.

use serde::{Deserialize, Serialize};

use crate::review::Signoff;

pub const NOTES_REF: &str = "refs/notes/redline";
const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteSignoff {
    #[serde(flatten)]
    pub signoff: Signoff,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hotspot: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Note {
    version: u32,
    signoffs: Vec<NoteSignoff>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("not a redline sign-off note: {0}")]
    Json(String),
    #[error("sign-off note version {0} is newer than this redline understands ({VERSION})")]
    Version(u32),
}

pub fn parse(text: &str) -> Result<Vec<NoteSignoff>, NoteError> {
    let note: Note = serde_json::from_str(text).map_err(|e| NoteError::Json(e.to_string()))?;
    if note.version > VERSION {
        return Err(NoteError::Version(note.version));
    }
    Ok(note.signoffs)
}

/// The note's text, with duplicates (same key, reviewer and time) removed, in a stable order.
pub fn render(signoffs: &[NoteSignoff]) -> String {
    let mut all = signoffs.to_vec();
    all.sort_by(|a, b| {
        (&a.signoff.key, &a.signoff.reviewer, a.signoff.at).cmp(&(
            &b.signoff.key,
            &b.signoff.reviewer,
            b.signoff.at,
        ))
    });
    all.dedup_by(|a, b| {
        a.signoff.key == b.signoff.key
            && a.signoff.reviewer == b.signoff.reviewer
            && a.signoff.at == b.signoff.at
    });
    let note = Note {
        version: VERSION,
        signoffs: all,
    };
    // Plain strings and numbers always serialise.
    serde_json::to_string_pretty(&note).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_round_trip_without_duplicates() {
        let s = NoteSignoff {
            signoff: Signoff {
                reviewer: "alice@example.com".into(),
                at: 5,
                key: "k".into(),
                signature: Some("-----BEGIN SSH SIGNATURE-----\n".into()),
            },
            path: Some("src/a.rs".into()),
            category: Some("auth".into()),
            hotspot: None,
        };
        let text = render(&[s.clone(), s.clone()]);
        assert_eq!(parse(&text).unwrap(), vec![s]);
        assert!(parse("{").is_err());
        assert!(matches!(
            parse(r#"{"version":9,"signoffs":[]}"#),
            Err(NoteError::Version(9))
        ));
    }
}

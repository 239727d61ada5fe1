//! `redline init`: the commented `redline.toml`, the git hooks, and agents' hook settings.
//! It never overwrites what a person wrote: an existing file is merged into or left alone,
//! and the output says which.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::hook::Agent;

/// Marks hooks that redline installed, so that they can be updated but others are kept.
pub const HOOK_MARK: &str = "# installed by redline";

/// The pre-commit hook: the gate.
pub const PRE_COMMIT: &str = r#"#!/bin/sh
# installed by redline: AI-written changes to high-impact code need a senior's sign-off.
# Sign off with `redline signoff`; see what needs review with `redline check --staged`.
if ! command -v redline >/dev/null 2>&1; then
  echo "redline: not found on PATH, so the AI-change gate cannot run." >&2
  echo "Install it (cargo install --path <redline checkout>) or commit with --no-verify." >&2
  exit 1
fi
exec redline check --staged
"#;

/// The post-commit hook: writes the new commit's provenance notes (`refs/notes/ai`, git-ai's
/// format, and `refs/notes/redline`, the sign-offs). It never fails the commit.
pub const POST_COMMIT: &str = r#"#!/bin/sh
# installed by redline: records which committed lines an AI wrote (git notes refs/notes/ai)
# and the sign-offs on them (refs/notes/redline), so that CI can check them after the commit.
command -v redline >/dev/null 2>&1 || {
  echo "redline: not found on PATH, so no provenance note was written for this commit." >&2
  exit 0
}
redline notes write --hook post-commit || echo "redline: could not write the provenance notes for this commit." >&2
exit 0
"#;

/// The post-rewrite hook: carries the notes to amended and rebased commits.
pub const POST_REWRITE: &str = r#"#!/bin/sh
# installed by redline: carries provenance notes to amended and rebased commits.
command -v redline >/dev/null 2>&1 || exit 0
redline notes rewritten "$1" || echo "redline: could not carry the provenance notes to the rewritten commits." >&2
exit 0
"#;

/// The hooks `redline init` installs, with the command each runs.
pub const HOOKS: &[(&str, &str, &str)] = &[
    ("pre-commit", PRE_COMMIT, "redline check --staged"),
    (
        "post-commit",
        POST_COMMIT,
        "redline notes write --hook post-commit",
    ),
    (
        "post-rewrite",
        POST_REWRITE,
        "redline notes rewritten \"$1\"",
    ),
];

/// The notes refs git copies to amended and rebased commits (`notes.rewriteRef`).
pub const REWRITE_REFS: &[&str] = &[
    crate::authorship::NOTES_REF,
    crate::signoff_notes::NOTES_REF,
];

/// What `init` did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Created(PathBuf),
    Updated(PathBuf),
    Unchanged(PathBuf),
    /// A file that is not ours was left alone; the string says what to do by hand.
    Skipped(PathBuf, String),
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Action::Created(p) => write!(f, "created {}", p.display()),
            Action::Updated(p) => write!(f, "updated {}", p.display()),
            Action::Unchanged(p) => write!(f, "{} already set up", p.display()),
            Action::Skipped(p, why) => write!(f, "left {} alone: {why}", p.display()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not valid JSON ({message}); fix it, then run `redline init` again")]
    BadJson { path: PathBuf, message: String },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> InitError + '_ {
    move |source| InitError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn write_new(path: &Path, text: &str) -> Result<(), InitError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    std::fs::write(path, text).map_err(io(path))
}

/// Writes the commented `redline.toml` unless there is one.
pub fn write_config(root: &Path) -> Result<Action, InitError> {
    let path = root.join(crate::config::FILE_NAME);
    if path.exists() {
        return Ok(Action::Unchanged(path));
    }
    write_new(&path, crate::config::TEMPLATE)?;
    Ok(Action::Created(path))
}

/// Installs a git hook script, replacing one redline installed before but never another's.
pub fn install_hook(hooks_dir: &Path, name: &str, script: &str) -> Result<Action, InitError> {
    let path = hooks_dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(existing) if existing == script => return Ok(Action::Unchanged(path)),
        Ok(existing) if !existing.contains("installed by redline") => {
            let command = HOOKS
                .iter()
                .find(|(n, _, _)| *n == name)
                .map_or("redline", |(_, _, c)| c);
            return Ok(Action::Skipped(
                path,
                format!("it is another tool's {name} hook; add `{command}` to it"),
            ));
        }
        _ => {}
    }
    let existed = path.exists();
    write_new(&path, script)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .map_err(io(&path))?;
    }
    Ok(if existed {
        Action::Updated(path)
    } else {
        Action::Created(path)
    })
}

/// Where an agent keeps its project hook settings, and the entry that runs `redline record`.
pub fn agent_settings(agent: Agent) -> (&'static str, Value) {
    let command = format!("redline record --agent {}", agent.tool());
    match agent {
        Agent::ClaudeCode => (
            ".claude/settings.json",
            json!({ "hooks": { "PostToolUse": [ {
                "matcher": "Edit|MultiEdit|Write",
                "hooks": [ { "type": "command", "command": command } ]
            } ] } }),
        ),
        Agent::Cursor => (
            ".cursor/hooks.json",
            json!({ "version": 1, "hooks": {
                "afterFileEdit": [ { "command": command } ],
                "afterTabFileEdit": [ { "command": command } ]
            } }),
        ),
        Agent::Codex => (
            ".codex/hooks.json",
            json!({ "hooks": { "PostToolUse": [ {
                "matcher": "apply_patch",
                "hooks": [ { "type": "command", "command": command } ]
            } ] } }),
        ),
        Agent::Gemini => (
            ".gemini/settings.json",
            json!({ "hooks": { "AfterTool": [ {
                "matcher": "write_file|replace",
                "hooks": [ { "type": "command", "command": command } ]
            } ] } }),
        ),
    }
}

/// Adds redline's entries to an agent's settings file, keeping everything else in it.
pub fn install_agent(root: &Path, agent: Agent) -> Result<Action, InitError> {
    let (rel, ours) = agent_settings(agent);
    let path = root.join(rel);
    let mut settings = match std::fs::read_to_string(&path) {
        Ok(text) if text.trim().is_empty() => json!({}),
        Ok(text) => serde_json::from_str::<Value>(&text).map_err(|e| InitError::BadJson {
            path: path.clone(),
            message: e.to_string(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => json!({}),
        Err(e) => return Err(io(&path)(e)),
    };
    let existed = path.exists();
    if !merge(&mut settings, &ours) {
        return Ok(Action::Unchanged(path));
    }
    let text = serde_json::to_string_pretty(&settings).unwrap_or_default() + "\n";
    write_new(&path, &text)?;
    Ok(if existed {
        Action::Updated(path)
    } else {
        Action::Created(path)
    })
}

/// Merges `ours` into `into`: objects key by key, arrays by appending entries not already
/// there. Returns whether anything changed.
fn merge(into: &mut Value, ours: &Value) -> bool {
    match (into, ours) {
        (Value::Object(a), Value::Object(b)) => {
            let mut changed = false;
            for (k, v) in b {
                match a.get_mut(k) {
                    Some(existing) => changed |= merge(existing, v),
                    None => {
                        a.insert(k.clone(), v.clone());
                        changed = true;
                    }
                }
            }
            changed
        }
        (Value::Array(a), Value::Array(b)) => {
            let mut changed = false;
            for v in b {
                if !a.contains(v) {
                    a.push(v.clone());
                    changed = true;
                }
            }
            changed
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_settings_merge_without_losing_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".claude/settings.json");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            r#"{"model":"opus","hooks":{"PostToolUse":[{"matcher":"Bash","hooks":[]}]}}"#,
        )
        .unwrap();
        assert!(matches!(
            install_agent(dir.path(), Agent::ClaudeCode).unwrap(),
            Action::Updated(_)
        ));
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(v["model"], "opus");
        assert_eq!(v["hooks"]["PostToolUse"].as_array().unwrap().len(), 2);
        assert!(matches!(
            install_agent(dir.path(), Agent::ClaudeCode).unwrap(),
            Action::Unchanged(_)
        ));
    }

    #[test]
    fn another_tools_hook_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pre-commit"), "#!/bin/sh\nlint\n").unwrap();
        assert!(matches!(
            install_hook(dir.path(), "pre-commit", PRE_COMMIT).unwrap(),
            Action::Skipped(..)
        ));
        std::fs::remove_file(dir.path().join("pre-commit")).unwrap();
        assert!(matches!(
            install_hook(dir.path(), "pre-commit", PRE_COMMIT).unwrap(),
            Action::Created(_)
        ));
    }
}

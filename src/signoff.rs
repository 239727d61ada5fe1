//! `redline signoff`: a reviewer signs off on AI-written high-impact changes, under the
//! repository's review policy.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::check::{self, CheckOptions, FileFinding, Mode};
use crate::ledger::{Ledger, SignoffRecord};
use crate::record::parse_spec;
use crate::review::Signoff;
use crate::workspace::Workspace;

/// One finding that was signed off.
#[derive(Debug, Clone)]
pub struct Signed {
    pub path: String,
    pub line: usize,
    pub category: String,
    pub hotspot: String,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// Signs off every unreviewed finding in `specs` (`PATH` or `PATH:START-END`; none means the
/// whole repository) as `who`, signing with `key` when the policy requires signatures. `mode`
/// says which findings: the working tree's, the staged content's, or a branch's since a base
/// (which include those only git history knows of: notes, trailers, Agent Trace).
pub fn sign_off(
    ws: &Workspace,
    specs: &[String],
    who: &str,
    key: Option<&Path>,
    mode: Mode,
) -> anyhow::Result<Vec<Signed>> {
    let mut paths = Vec::new();
    let mut lines: Vec<(String, Option<(u32, u32)>)> = Vec::new();
    for spec in specs {
        let (path, range) = parse_spec(spec)?;
        let abs =
            std::fs::canonicalize(&path).with_context(|| format!("cannot sign off on `{path}`"))?;
        let rel = ws
            .relative(&abs)
            .with_context(|| format!("`{path}` is outside the repository"))?;
        paths.push(PathBuf::from(&path));
        lines.push((rel, range));
    }
    let report = check::run(&CheckOptions {
        paths,
        all_ai: false,
        mode,
    })?;
    let wanted = |path: &str, f: &FileFinding| {
        lines.is_empty()
            || lines.iter().any(|(rel, range)| {
                (rel == path || rel.is_empty() || path.starts_with(&format!("{rel}/")))
                    && range.is_none_or(|(s, e)| f.start.line as u32 <= e && s <= f.end.line as u32)
            })
    };
    let todo: Vec<(&str, &FileFinding)> = report
        .findings()
        .filter(|(file, f)| !f.reviewed && wanted(&file.path, f))
        .map(|(file, f)| (file.path.as_str(), f))
        .collect();
    if todo.is_empty() {
        return Ok(Vec::new());
    }
    let policy = ws.config.policy();
    for (path, f) in &todo {
        let owns = ws
            .codeowners()
            .is_some_and(|c| c.owned_by(Path::new(path), who));
        if let Err(e) = policy.may_sign_off(who, f.origin.author.as_deref(), owns) {
            return Err(Refused(format!(
                "sign-off refused for {path}:{} ({}): {e}",
                f.start.line, f.category
            ))
            .into());
        }
    }
    let key = if policy.require_signature {
        Some(signing_key(ws, key)?)
    } else {
        None
    };
    let at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let mut ledger = Ledger::open(&ws.ledger_path())?;
    let mut signed = Vec::new();
    for (path, f) in todo {
        let mut signoff = Signoff {
            reviewer: who.to_string(),
            at,
            key: f.key.clone(),
            signature: None,
        };
        if let Some(key) = &key {
            signoff.signature = Some(crate::signature::sign(&signoff, key)?);
        }
        ledger.add_signoff(&SignoffRecord {
            signoff,
            path: Some(path.to_string()),
            category: Some(f.category.clone()),
            hotspot: Some(f.hotspot.name.clone()),
        })?;
        signed.push(Signed {
            path: path.to_string(),
            line: f.start.line,
            category: f.category.clone(),
            hotspot: f.hotspot.name.clone(),
        });
    }
    Ok(signed)
}

/// The key to sign with: `--key`, else git's `user.signingkey`.
fn signing_key(ws: &Workspace, key: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(k) = key {
        return Ok(k.to_path_buf());
    }
    match crate::git::config(&ws.root, "user.signingkey") {
        Some(k) => Ok(crate::signature::expand_home(&k)),
        None => bail!(
            "the review policy requires signed sign-offs: pass --key ~/.ssh/id_ed25519 or set git's user.signingkey"
        ),
    }
}

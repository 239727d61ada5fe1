//! The only module that runs git.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs git with `args` in `dir` and returns its trimmed standard output, or `None` if git is
/// missing or fails. Hooks and external helpers are never invoked by the commands used here.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?;
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// git's `user.email` as seen from `dir`: the reviewer's identity.
pub fn user_email(dir: &Path) -> Option<String> {
    git(dir, &["config", "user.email"])
}

/// The top of the work tree that contains `dir`.
pub fn toplevel(dir: &Path) -> Option<PathBuf> {
    git(dir, &["rev-parse", "--show-toplevel"]).map(PathBuf::from)
}

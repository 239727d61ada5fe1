//! The only module that runs git. Every command here only reads the repository (or writes
//! config and hooks that the user asked for); none runs the repository's hooks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("could not run git: {0}")]
    Spawn(std::io::Error),
    #[error("git {args} failed: {message}")]
    Failed { args: String, message: String },
    #[error("git {args} printed something that is not UTF-8")]
    NotUtf8 { args: String },
}

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("git");
    cmd.args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0");
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    command(dir, args).output().map_err(GitError::Spawn)
}

/// Runs git with `input` on its standard input.
fn run_with_input(dir: &Path, args: &[&str], input: &[u8]) -> Result<Output, GitError> {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(GitError::Spawn)?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input).map_err(GitError::Spawn)?;
    }
    let out = child.wait_with_output().map_err(GitError::Spawn)?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(GitError::Failed {
            args: args.join(" "),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
    }
}

/// Runs git and returns its standard output, or an error with git's own message.
fn output(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = run(dir, args)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(GitError::Failed {
            args: args.join(" "),
            message: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        })
    }
}

fn text(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    String::from_utf8(output(dir, args)?).map_err(|_| GitError::NotUtf8 {
        args: args.join(" "),
    })
}

/// Runs git with `args` in `dir` and returns its trimmed standard output, or `None` if git is
/// missing, fails, or prints nothing.
fn value(dir: &Path, args: &[&str]) -> Option<String> {
    let s = text(dir, args).ok()?;
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// git's `user.email` as seen from `dir`: the reviewer's identity.
pub fn user_email(dir: &Path) -> Option<String> {
    value(dir, &["config", "user.email"])
}

/// The account name, for a sign-off where git has no `user.email` and the review policy lets
/// anyone sign off.
pub fn account_name() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .map(|u| format!("{u} (no git user.email)"))
}

/// A git config value.
pub fn config(dir: &Path, key: &str) -> Option<String> {
    value(dir, &["config", "--get", key])
}

/// The top of the work tree that contains `dir`.
pub fn toplevel(dir: &Path) -> Option<PathBuf> {
    value(dir, &["rev-parse", "--show-toplevel"]).map(PathBuf::from)
}

/// The git directory shared by all work trees (where the ledger lives).
pub fn common_dir(dir: &Path) -> Option<PathBuf> {
    let p = PathBuf::from(value(dir, &["rev-parse", "--git-common-dir"])?);
    Some(if p.is_absolute() { p } else { dir.join(p) })
}

/// The hooks directory (honouring `core.hooksPath`).
pub fn hooks_dir(dir: &Path) -> Option<PathBuf> {
    let p = PathBuf::from(value(dir, &["rev-parse", "--git-path", "hooks"])?);
    Some(if p.is_absolute() { p } else { dir.join(p) })
}

/// Paths (relative to the root) whose staged content differs from HEAD, added or modified.
pub fn staged_paths(root: &Path) -> Result<Vec<String>, GitError> {
    let has_head = value(root, &["rev-parse", "--verify", "-q", "HEAD"]).is_some();
    let mut args = vec![
        "diff",
        "--cached",
        "--name-only",
        "-z",
        "--diff-filter=ACMR",
    ];
    if !has_head {
        // Before the first commit, compare with the empty tree.
        args.push("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
    }
    let out = output(root, &args)?;
    Ok(split_z(&out))
}

/// Paths changed between `base` (a commit) and the working tree, added or modified.
pub fn changed_since(root: &Path, base: &str) -> Result<Vec<String>, GitError> {
    let out = output(
        root,
        &[
            "diff",
            "--name-only",
            "-z",
            "--diff-filter=ACMR",
            base,
            "--",
        ],
    )?;
    Ok(split_z(&out))
}

/// Files renamed (or copied) between `args`' two sides, as (old, new) paths: `--cached` for
/// HEAD to the index, or a base commit for it to the working tree.
pub fn renames(root: &Path, args: &[&str]) -> Result<Vec<(String, String)>, GitError> {
    let mut all = vec!["diff", "-M", "-C", "--name-status", "-z"];
    all.extend_from_slice(args);
    let out = output(root, &all)?;
    let fields = split_z(&out);
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let status = &fields[i];
        if status.starts_with('R') || status.starts_with('C') {
            if let (Some(old), Some(new)) = (fields.get(i + 1), fields.get(i + 2)) {
                pairs.push((old.clone(), new.clone()));
            }
            i += 3;
        } else {
            i += 2;
        }
    }
    Ok(pairs)
}

fn split_z(out: &[u8]) -> Vec<String> {
    out.split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect()
}

/// The staged content of `path` (bytes; the caller decides about UTF-8).
pub fn staged_content(root: &Path, path: &str) -> Result<Vec<u8>, GitError> {
    output(root, &["show", &format!(":{path}")])
}

/// The content of `path` at `rev`, or `None` if it does not exist there.
pub fn content_at(root: &Path, rev: &str, path: &str) -> Option<Vec<u8>> {
    output(root, &["show", &format!("{rev}:{path}")]).ok()
}

/// The merge base of `rev` and HEAD.
pub fn merge_base(root: &Path, rev: &str) -> Result<String, GitError> {
    Ok(text(root, &["merge-base", rev, "HEAD"])?.trim().to_string())
}

/// Line ranges (1-based, inclusive, new side) that a unified diff with zero context adds or
/// changes in `path`, comparing `from` (a rev, or the index with `--cached`) to `to`.
pub fn added_lines(root: &Path, args: &[&str]) -> Result<Vec<(u32, u32)>, GitError> {
    let mut all = vec!["diff", "--no-color", "--no-ext-diff", "-U0"];
    all.extend_from_slice(args);
    let out = text(root, &all)?;
    Ok(parse_hunks(&out))
}

/// New-side line ranges from `@@ -a,b +c,d @@` headers.
pub fn parse_hunks(diff: &str) -> Vec<(u32, u32)> {
    diff.lines()
        .filter_map(|l| l.strip_prefix("@@ "))
        .filter_map(|l| l.split(' ').nth(1))
        .filter_map(|new| new.strip_prefix('+'))
        .filter_map(|new| {
            let mut parts = new.split(',');
            let start: u32 = parts.next()?.parse().ok()?;
            let count: u32 = parts.next().map_or(Some(1), |c| c.parse().ok())?;
            (count > 0).then(|| (start, start + count - 1))
        })
        .collect()
}

/// The empty tree, to diff a root commit against.
pub const EMPTY_TREE: &str = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

/// The full id of a commit, or `None` if `rev` names none.
pub fn rev_parse(root: &Path, rev: &str) -> Option<String> {
    value(
        root,
        &["rev-parse", "--verify", "-q", &format!("{rev}^{{commit}}")],
    )
}

/// The commits reachable from `to` but not from `from`, oldest first, without merges.
pub fn commits_between(root: &Path, from: &str, to: &str) -> Result<Vec<String>, GitError> {
    let out = text(
        root,
        &[
            "rev-list",
            "--reverse",
            "--no-merges",
            &format!("{from}..{to}"),
        ],
    )?;
    Ok(out.lines().map(str::to_string).collect())
}

/// The commits a revision range (`A..B`) or a single revision names, oldest first.
pub fn commits_of(root: &Path, spec: &str) -> Result<Vec<String>, GitError> {
    if spec.contains("..") {
        let out = text(root, &["rev-list", "--reverse", "--no-merges", spec])?;
        Ok(out.lines().map(str::to_string).collect())
    } else {
        let id = text(
            root,
            &["rev-parse", "--verify", &format!("{spec}^{{commit}}")],
        )?;
        Ok(vec![id.trim().to_string()])
    }
}

/// Whether a ref (`refs/notes/ai`) exists.
pub fn ref_exists(root: &Path, name: &str) -> bool {
    value(root, &["rev-parse", "--verify", "-q", name]).is_some()
}

/// A commit's first parent, or the empty tree for a root commit.
pub fn parent_or_empty(root: &Path, commit: &str) -> String {
    rev_parse(root, &format!("{commit}^")).unwrap_or_else(|| EMPTY_TREE.to_string())
}

/// A commit's author name, author e-mail and message.
pub fn commit_meta(root: &Path, commit: &str) -> Result<(String, String, String), GitError> {
    let out = text(
        root,
        &[
            "log",
            "-1",
            "--no-show-signature",
            "--format=%an%x00%ae%x00%B",
            commit,
        ],
    )?;
    let mut parts = out.splitn(3, '\0');
    let name = parts.next().unwrap_or_default().to_string();
    let email = parts.next().unwrap_or_default().to_string();
    let message = parts.next().unwrap_or_default().to_string();
    Ok((name, email, message))
}

/// Paths a commit added or modified against its first parent (renames followed).
pub fn changed_in(root: &Path, commit: &str) -> Result<Vec<String>, GitError> {
    let parent = parent_or_empty(root, commit);
    let out = output(
        root,
        &[
            "diff",
            "--name-only",
            "-z",
            "-M",
            "--diff-filter=ACMR",
            &parent,
            commit,
            "--",
        ],
    )?;
    Ok(split_z(&out))
}

/// The note on `commit` in `notes_ref`, or `None` when it has none.
pub fn note(root: &Path, notes_ref: &str, commit: &str) -> Option<Vec<u8>> {
    let has = run(root, &["notes", "--ref", notes_ref, "list", commit]).ok()?;
    if !has.status.success() {
        return None;
    }
    output(root, &["notes", "--ref", notes_ref, "show", commit]).ok()
}

/// Writes (replacing) the note on `commit` in `notes_ref`.
pub fn set_note(root: &Path, notes_ref: &str, commit: &str, text: &str) -> Result<(), GitError> {
    run_with_input(
        root,
        &["notes", "--ref", notes_ref, "add", "-f", "-F", "-", commit],
        text.as_bytes(),
    )
    .map(|_| ())
}

/// The subject of HEAD's latest reflog entry (`commit: ...`, `commit (amend): ...`,
/// `cherry-pick: ...`, `rebase (pick): ...`).
pub fn last_reflog_subject(root: &Path) -> Option<String> {
    value(root, &["reflog", "-1", "--format=%gs", "HEAD"])
}

/// Adds `value` to a multi-valued config `key` unless it is there already. Returns whether it
/// was added.
pub fn add_config_value(root: &Path, key: &str, value: &str) -> Result<bool, GitError> {
    let existing = text(root, &["config", "--get-all", key]).unwrap_or_default();
    if existing.lines().any(|l| l.trim() == value) {
        return Ok(false);
    }
    output(root, &["config", "--add", key, value])?;
    Ok(true)
}

/// `git blame --line-porcelain` of `path`: of the working tree file when `rev` is `None`,
/// else of `rev` (which may be a range `A..B`, whose older lines are marked `boundary`).
pub fn blame(root: &Path, rev: Option<&str>, path: &str) -> Result<String, GitError> {
    let mut args = vec!["blame", "--line-porcelain"];
    if let Some(rev) = rev {
        args.push(rev);
    }
    args.extend(["--", path]);
    text(root, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunk_headers_give_new_side_ranges() {
        let d = "diff --git a/x b/x\n@@ -1,0 +2,3 @@\n+a\n@@ -10 +12 @@ fn x\n@@ -20,2 +25,0 @@\n";
        assert_eq!(parse_hunks(d), vec![(2, 4), (12, 12)]);
    }
}

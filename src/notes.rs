//! Writing provenance into git notes: `redline notes write` (the post-commit hook), `redline
//! notes rewritten` (the post-rewrite hook: amend and rebase) and `redline notes carry`
//! (by hand, e.g. after a squash merge).
//!
//! A commit's git-ai note (`refs/notes/ai`) holds the AI-written lines among the lines the
//! commit added, counted in the file as committed. They come from the ledger (what the
//! editor and agents recorded) and, when carrying, from other commits' evidence (notes,
//! trailers, Agent Trace records) moved onto this commit's content by diffing. Its redline
//! note (`refs/notes/redline`) holds the sign-offs on the files it touches.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use anyhow::Context;

use crate::anchor::{self, Recorded};
use crate::authorship::{self, AuthorshipLog};
use crate::git;
use crate::history::{self, History};
use crate::ledger::Ledger;
use crate::lines;
use crate::origin::Origin;
use crate::signoff_notes::{self, NoteSignoff};
use crate::workspace::Workspace;

/// What was written on one commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub commit: String,
    /// Whether a git-ai note was written.
    pub ai_note: bool,
    /// AI-written lines in the git-ai note, over all files.
    pub ai_lines: usize,
    pub files: usize,
    pub signoffs: usize,
}

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let commit = history::short(&self.commit);
        if !self.ai_note && self.signoffs == 0 {
            return write!(f, "commit {commit}: nothing recorded, so no notes written");
        }
        write!(
            f,
            "commit {commit}: {} AI-written line(s) in {} file(s), {} sign-off(s)",
            self.ai_lines, self.files, self.signoffs
        )
    }
}

/// Where a note's content comes from, besides the ledger.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// Commits whose AI lines and sign-offs are carried onto the target.
    pub from: Vec<String>,
    /// Keep what the target's own notes already say.
    pub keep_existing: bool,
    /// Also include ledger sign-offs on files changed since this commit (not only those the
    /// target changes).
    pub signoffs_since: Option<String>,
}

/// Writes the notes of `commit`. Returns what was written, and warnings about evidence that
/// could not be read.
pub fn write(
    ws: &Workspace,
    commit: &str,
    sources: &Sources,
) -> anyhow::Result<(Written, Vec<String>)> {
    let root = &ws.root;
    let commit = git::rev_parse(root, commit)
        .with_context(|| format!("`{commit}` does not name a commit"))?;
    let ledger_path = ws.ledger_path();
    let ledger = if ledger_path.exists() {
        Some(Ledger::open(&ledger_path)?)
    } else {
        None
    };
    let mut recorded: HashMap<String, Vec<Recorded>> = HashMap::new();
    if let Some(l) = &ledger {
        for s in l.all_spans()? {
            recorded.entry(s.path).or_default().push(Recorded {
                base: s.base,
                range: s.range,
                origin: s.origin,
            });
        }
    }
    let mut history = History::new(root, ws.config.trailer_rules());
    let parent = git::parent_or_empty(root, &commit);
    let changed = git::changed_in(root, &commit)?;
    let own = history.evidence(&commit);

    let mut log = AuthorshipLog::new(&commit);
    // Another writer's note (git-ai's, say) keeps its sessions, transcripts and fields.
    if sources.keep_existing
        && let Some(existing) = &own.note
    {
        log.metadata = existing.metadata.clone();
        log.metadata.base_commit_sha = commit.clone();
    }
    for path in &changed {
        let Some(content) = git::content_at(root, &commit, path) else {
            continue;
        };
        let Ok(content) = String::from_utf8(content) else {
            continue;
        };
        let content: Arc<str> = Arc::from(content);
        let added = lines::expand(&git::added_lines(root, &[&parent, &commit, "--", path])?);
        if added.is_empty() {
            continue;
        }
        let mut found: Vec<(Origin, BTreeSet<u32>)> = Vec::new();
        // What the editor and agents recorded, carried onto the committed content.
        if let Some(rec) = recorded.get(path) {
            found.extend(placed_lines(rec, &content));
        }
        if sources.keep_existing
            && let Some(existing) = &own.note
            && let Some(sessions) = existing.files.get(path)
        {
            for (hash, set) in sessions {
                log.add_to_session(path, hash, set);
            }
        }
        for source in &sources.from {
            let Some(old) = git::content_at(root, source, path) else {
                continue;
            };
            let old: Arc<str> = Arc::from(String::from_utf8_lossy(&old).into_owned());
            let carried: Vec<Recorded> = history
                .ai_lines_at(source, path)
                .iter()
                .flat_map(|(o, set)| history::recorded_on(&old, o, set))
                .collect();
            found.extend(placed_lines(&carried, &content));
        }
        for (origin, set) in found {
            let set: BTreeSet<u32> = set.intersection(&added).copied().collect();
            log.add(path, &origin, &set);
        }
    }
    // Without a ledger nothing was recorded as the code was written, so an empty log would
    // claim every line for a person on no evidence: then only AI lines found elsewhere are
    // written, and the lines stay of unknown origin.
    let ai_note = ledger.is_some() || !log.is_empty();
    if ai_note {
        git::set_note(root, authorship::NOTES_REF, &commit, &log.render())?;
    }

    // Sign-offs: the target's own, the sources', and the ledger's on the files in question.
    let mut signoffs: Vec<NoteSignoff> = own.signoffs.clone();
    signoffs.extend(history::signoffs_of(&mut history, &sources.from));
    let mut paths: BTreeSet<String> = changed.iter().cloned().collect();
    if let Some(since) = &sources.signoffs_since {
        paths.extend(git::changed_since(root, since)?);
    }
    if let Some(l) = &ledger {
        for r in l.signoff_records()? {
            if r.path.as_ref().is_some_and(|p| paths.contains(p)) {
                signoffs.push(NoteSignoff {
                    signoff: r.signoff,
                    path: r.path,
                    category: r.category,
                    hotspot: r.hotspot,
                });
            }
        }
    }
    let rendered = signoff_notes::render(&signoffs);
    let count = signoff_notes::parse(&rendered).map_or(0, |s| s.len());
    if count > 0 {
        git::set_note(root, signoff_notes::NOTES_REF, &commit, &rendered)?;
    }
    let ai_lines = log
        .files
        .values()
        .map(|s| s.values().map(BTreeSet::len).sum::<usize>())
        .sum();
    let files = log.files.values().filter(|s| !s.is_empty()).count();
    Ok((
        Written {
            commit,
            ai_note,
            ai_lines,
            files,
            signoffs: count,
        },
        history.warnings,
    ))
}

/// The lines of `content` that recorded spans land on, per origin.
fn placed_lines(recorded: &[Recorded], content: &str) -> Vec<(Origin, BTreeSet<u32>)> {
    let (map, _) = anchor::place(recorded, content);
    let mut by_origin: BTreeMap<String, (Origin, BTreeSet<u32>)> = BTreeMap::new();
    for span in map.spans() {
        let key = serde_json::to_string(&*span.origin).unwrap_or_default();
        by_origin
            .entry(key)
            .or_insert_with(|| ((*span.origin).clone(), BTreeSet::new()))
            .1
            .extend(lines::lines_touched(content, &span.range));
    }
    by_origin.into_values().collect()
}

/// The post-commit hook. An amend or a rebase is left to the post-rewrite hook, which knows
/// the commits rewritten; a cherry-pick carries what its source commit had; a merge commit
/// gets no note.
pub fn post_commit(ws: &Workspace) -> anyhow::Result<Option<(Written, Vec<String>)>> {
    let subject = git::last_reflog_subject(&ws.root).unwrap_or_default();
    if subject.starts_with("commit (amend)") || subject.starts_with("rebase") {
        return Ok(None);
    }
    // A merge commit's lines were written, and noted, on the branches it joins.
    if git::rev_parse(&ws.root, "HEAD^2").is_some() {
        return Ok(None);
    }
    // Another tool may have noted this commit already: add to its note, never replace it.
    let mut sources = Sources {
        keep_existing: true,
        ..Sources::default()
    };
    if subject.starts_with("cherry-pick")
        && let Some(picked) = git::rev_parse(&ws.root, "CHERRY_PICK_HEAD")
    {
        sources.from.push(picked);
    }
    write(ws, "HEAD", &sources).map(Some)
}

/// The post-rewrite hook: `old new` pairs, one per line, as git passes them on stdin.
pub fn rewritten(ws: &Workspace, pairs: &str) -> anyhow::Result<Vec<(Written, Vec<String>)>> {
    let mut out = Vec::new();
    for line in pairs.lines() {
        let mut parts = line.split_whitespace();
        let (Some(old), Some(new)) = (parts.next(), parts.next()) else {
            continue;
        };
        let sources = Sources {
            from: vec![old.to_string()],
            keep_existing: false,
            signoffs_since: None,
        };
        out.push(write(ws, new, &sources)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::OriginKind;

    #[test]
    fn recorded_spans_land_on_the_lines_they_cover_now() {
        let old: Arc<str> = Arc::from("a\nfn f() {}\nb\n");
        let now = "x\ny\na\nfn f() {}\nb\nfn g() {}\n";
        let o = Origin::new("copilot", OriginKind::InlineCompletion);
        let rec = history::recorded_on(&old, &o, &[2].into_iter().collect());
        assert_eq!(&old[rec[0].range.clone()], "fn f() {}\n");
        let placed = placed_lines(&rec, now);
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].0, o);
        assert_eq!(placed[0].1, [4].into_iter().collect());
    }
}

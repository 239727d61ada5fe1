//! Provenance that survives the commit: what git history says about who wrote each line.
//!
//! For a commit, the evidence is its git-ai note (`refs/notes/ai`), its trailers and author
//! name (`Co-authored-by: Claude`, `(aider)`), the Agent Trace records it added to
//! `.agent-trace/traces.jsonl`, and the sign-offs in its redline note (`refs/notes/redline`).
//! `git blame` says which commit last wrote each line and what that line's number was there,
//! which is what the notes and records count in. A note or record that cannot be read is a
//! warning naming the commit and file; the rest is still used.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use std::path::Path;

use crate::agent_trace::{self, Attribution};
use crate::anchor::Recorded;
use crate::authorship::{self, AuthorshipLog};
use crate::blame::{self, BlameLine};
use crate::git;
use crate::lines;
use crate::origin::Origin;
use crate::signoff_notes::{self, NoteSignoff};
use crate::trailers;

/// What one commit says about its lines.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Its git-ai authorship log, when it has one that reads.
    pub note: Option<AuthorshipLog>,
    /// It has a note from a provenance tool (git-ai's or redline's), so lines it wrote that
    /// no source calls AI-written are a person's.
    pub tracked: bool,
    /// The AI its trailers or author name say co-wrote it.
    pub trailer: Option<Origin>,
    /// Agent Trace attributions from the records this commit added.
    pub traces: Vec<agent_trace::Attributed>,
    /// Sign-offs carried in its redline note.
    pub signoffs: Vec<NoteSignoff>,
}

/// Reads and caches commits' evidence.
pub struct History<'a> {
    root: &'a Path,
    rules: trailers::Rules,
    cache: HashMap<String, Arc<Evidence>>,
    /// Notes and records that could not be read, each naming its commit and file.
    pub warnings: Vec<String>,
}

/// `1a2b3c4d5e6f`: enough of a commit id to name it.
pub fn short(commit: &str) -> &str {
    &commit[..commit.len().min(12)]
}

impl<'a> History<'a> {
    pub fn new(root: &'a Path, rules: trailers::Rules) -> Self {
        History {
            root,
            rules,
            cache: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    pub fn evidence(&mut self, commit: &str) -> Arc<Evidence> {
        if let Some(e) = self.cache.get(commit) {
            return e.clone();
        }
        let e = Arc::new(self.load(commit));
        self.cache.insert(commit.to_string(), e.clone());
        e
    }

    fn load(&mut self, commit: &str) -> Evidence {
        let mut e = Evidence::default();
        if let Some(bytes) = git::note(self.root, authorship::NOTES_REF, commit) {
            e.tracked = true;
            match String::from_utf8(bytes)
                .map_err(|_| "it is not UTF-8".to_string())
                .and_then(|t| AuthorshipLog::parse(&t).map_err(|e| e.to_string()))
            {
                Ok(log) => e.note = Some(log),
                Err(why) => self.warnings.push(format!(
                    "commit {}: its git-ai note ({}) cannot be read, so its AI lines are not known: {why}",
                    short(commit),
                    authorship::NOTES_REF
                )),
            }
        }
        if let Some(bytes) = git::note(self.root, signoff_notes::NOTES_REF, commit) {
            e.tracked = true;
            match String::from_utf8(bytes)
                .map_err(|_| "it is not UTF-8".to_string())
                .and_then(|t| signoff_notes::parse(&t).map_err(|e| e.to_string()))
            {
                Ok(s) => e.signoffs = s,
                Err(why) => self.warnings.push(format!(
                    "commit {}: its sign-off note ({}) cannot be read, so its sign-offs do not count: {why}",
                    short(commit),
                    signoff_notes::NOTES_REF
                )),
            }
        }
        match git::commit_meta(self.root, commit) {
            Ok((name, email, message)) => {
                e.trailer = trailers::ai_origin(&self.rules, &message, &name, &email);
            }
            Err(err) => self
                .warnings
                .push(format!("commit {}: {err}", short(commit))),
        }
        e.traces = self.traces_added(commit);
        e
    }

    /// The Agent Trace records `commit` added to `.agent-trace/traces.jsonl`.
    fn traces_added(&mut self, commit: &str) -> Vec<agent_trace::Attributed> {
        let Some(now) = git::content_at(self.root, commit, agent_trace::TRACES_PATH) else {
            return Vec::new();
        };
        let now = String::from_utf8_lossy(&now).into_owned();
        let parent = git::parent_or_empty(self.root, commit);
        let before = git::content_at(self.root, &parent, agent_trace::TRACES_PATH)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        let mut old: HashMap<&str, usize> = HashMap::new();
        for l in before.lines() {
            *old.entry(l).or_default() += 1;
        }
        let mut out = Vec::new();
        for (i, line) in now.lines().enumerate() {
            if let Some(n) = old.get_mut(line)
                && *n > 0
            {
                *n -= 1;
                continue;
            }
            if line.trim().is_empty() {
                continue;
            }
            let (records, errors) = agent_trace::parse(line);
            for (_, why) in errors {
                self.warnings.push(format!(
                    "commit {}: {} line {}: skipped a record that cannot be read: {why}",
                    short(commit),
                    agent_trace::TRACES_PATH,
                    i + 1
                ));
            }
            for r in &records {
                out.extend(agent_trace::attributions(r));
            }
        }
        out
    }

    /// Who wrote line `line` of `path` as `commit` left it, and which source says so.
    pub fn line(&mut self, commit: &str, path: &str, line: u32) -> (Attribution, &'static str) {
        let e = self.evidence(commit);
        if let Some(log) = &e.note {
            for (origin, set) in log.lines_of(path) {
                if set.contains(&line) {
                    return (Attribution::Ai(origin), "notes");
                }
            }
        }
        if let Some(a) = e
            .traces
            .iter()
            .rev()
            .find(|a| a.path == path && a.lines.contains(&line))
        {
            return (a.who.clone(), "agent-trace");
        }
        if let Some(origin) = &e.trailer {
            return (Attribution::Ai(origin.clone()), "trailer");
        }
        if e.tracked {
            return (Attribution::Human, "notes");
        }
        (Attribution::Unknown, "none")
    }

    /// Every line of `path` as `commit` left it that a source says an AI wrote: the note's
    /// lines, the Agent Trace records' AI lines, and, for a commit an AI co-wrote, every line
    /// it added.
    pub fn ai_lines_at(&mut self, commit: &str, path: &str) -> Vec<(Origin, BTreeSet<u32>)> {
        let e = self.evidence(commit);
        let mut out = Vec::new();
        if let Some(log) = &e.note {
            out.extend(log.lines_of(path));
        }
        for a in &e.traces {
            if a.path == path
                && let Attribution::Ai(o) = &a.who
            {
                out.push((o.clone(), a.lines.clone()));
            }
        }
        if let Some(origin) = &e.trailer {
            let parent = git::parent_or_empty(self.root, commit);
            match git::added_lines(self.root, &[&parent, commit, "--", path]) {
                Ok(ranges) => out.push((origin.clone(), lines::expand(&ranges))),
                Err(err) => self
                    .warnings
                    .push(format!("commit {}: {path}: {err}", short(commit))),
            }
        }
        out
    }
}

/// Consecutive lines with the same origin, as byte ranges of `content`.
pub fn spans_of(content: &Arc<str>, by_line: &[(u32, Origin)]) -> Vec<Recorded> {
    let bytes = lines::line_bytes(content);
    let mut out: Vec<Recorded> = Vec::new();
    let mut last: Option<(u32, Origin)> = None;
    for (line, origin) in by_line {
        let Some(range) = (*line as usize)
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .cloned()
        else {
            continue;
        };
        match (out.last_mut(), &last) {
            (Some(prev), Some((l, o))) if *l + 1 == *line && o == origin => {
                prev.range.end = range.end;
            }
            _ => out.push(Recorded {
                base: content.clone(),
                range,
                origin: Arc::new(origin.clone()),
            }),
        }
        last = Some((*line, origin.clone()));
    }
    out
}

/// The AI-written lines of `path` that commits after `base` (up to HEAD) wrote, as spans of
/// the file at HEAD, to be carried onto whatever is being checked.
pub fn ai_spans_since(history: &mut History<'_>, base: &str, path: &str) -> Vec<Recorded> {
    let Some(content) = git::content_at(history.root, "HEAD", path) else {
        return Vec::new();
    };
    let Ok(content) = String::from_utf8(content) else {
        return Vec::new();
    };
    let blamed = match git::blame(history.root, Some(&format!("{base}..HEAD")), path)
        .map_err(|e| e.to_string())
        .and_then(|out| blame::parse_porcelain(&out).map_err(|e| e.to_string()))
    {
        Ok(b) => b,
        Err(why) => {
            history
                .warnings
                .push(format!("{path}: cannot tell who wrote its lines: {why}"));
            return Vec::new();
        }
    };
    let mut ai = Vec::new();
    for BlameLine {
        commit,
        orig_line,
        final_line,
        orig_path,
        boundary,
        ..
    } in blamed
    {
        if boundary || commit == blame::UNCOMMITTED {
            continue;
        }
        if let (Attribution::Ai(origin), _) = history.line(&commit, &orig_path, orig_line) {
            ai.push((final_line, origin));
        }
    }
    spans_of(&Arc::from(content), &ai)
}

/// The sign-offs carried in the redline notes of `commits`.
pub fn signoffs_of(history: &mut History<'_>, commits: &[String]) -> Vec<NoteSignoff> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for c in commits {
        for s in &history.evidence(c).signoffs {
            if seen.insert((
                s.signoff.key.clone(),
                s.signoff.reviewer.clone(),
                s.signoff.at,
            )) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// Byte ranges of `content` for `lines`, with their origin, as recorded spans on it.
pub fn recorded_on(content: &Arc<str>, origin: &Origin, set: &BTreeSet<u32>) -> Vec<Recorded> {
    lines::byte_ranges(content, set)
        .into_iter()
        .map(|range: Range<usize>| Recorded {
            base: content.clone(),
            range,
            origin: Arc::new(origin.clone()),
        })
        .collect()
}

/// `redline blame`: for each line of the file at `path` (as it is on disk), who wrote it, with
/// what tool and model, and whether it was reviewed. Also returns the path relative to the
/// root, and warnings about evidence that could not be read.
pub fn blame_file(
    ws: &crate::workspace::Workspace,
    path: &Path,
) -> anyhow::Result<(String, Vec<blame::LineReport>, Vec<String>)> {
    use anyhow::Context;
    use blame::{LineReport, Review, Source};

    let abs = std::fs::canonicalize(path)
        .with_context(|| format!("cannot blame `{}`", path.display()))?;
    let rel = ws
        .relative(&abs)
        .with_context(|| format!("`{}` is outside the repository", path.display()))?;
    let content = std::fs::read_to_string(&abs)
        .with_context(|| format!("cannot read `{rel}` (it must be UTF-8 text)"))?;
    let mut warnings = Vec::new();
    let blamed: Vec<BlameLine> = match ws
        .git_dir
        .as_ref()
        .map(|_| git::blame(&ws.root, None, &rel))
    {
        Some(Ok(out)) => blame::parse_porcelain(&out)?,
        // Not in git, or not tracked yet: nothing is committed.
        _ => content
            .lines()
            .enumerate()
            .map(|(i, text)| BlameLine {
                commit: blame::UNCOMMITTED.to_string(),
                orig_line: i as u32 + 1,
                final_line: i as u32 + 1,
                orig_path: rel.clone(),
                boundary: false,
                text: text.to_string(),
            })
            .collect(),
    };
    let mut history = History::new(&ws.root, ws.config.trailer_rules());
    let mut lines: Vec<(Attribution, &'static str)> = Vec::with_capacity(blamed.len());
    let mut commits = Vec::new();
    for b in &blamed {
        if b.committed() {
            lines.push(history.line(&b.commit, &b.orig_path, b.orig_line));
            commits.push(b.commit.clone());
        } else {
            lines.push((Attribution::Unknown, "none"));
        }
    }
    // What the ledger recorded and has not been committed, or was recorded after.
    let ledger_path = ws.ledger_path();
    let ledger = if ledger_path.exists() {
        Some(crate::ledger::Ledger::open(&ledger_path)?)
    } else {
        None
    };
    if let Some(l) = &ledger {
        let recorded: Vec<Recorded> = l
            .spans(&rel)?
            .into_iter()
            .map(|s| Recorded {
                base: s.base,
                range: s.range,
                origin: s.origin,
            })
            .collect();
        let (map, broken) = crate::anchor::place(&recorded, &content);
        if !broken.is_empty() {
            warnings.push(format!(
                "{rel}: {} recorded AI span(s) do not fit the content they were recorded on",
                broken.len()
            ));
        }
        for span in map.spans() {
            for line in lines::lines_touched(&content, &span.range) {
                if let Some(slot) = (line as usize)
                    .checked_sub(1)
                    .and_then(|i| lines.get_mut(i))
                    && !matches!(slot.0, Attribution::Ai(_))
                {
                    *slot = (Attribution::Ai((*span.origin).clone()), "ledger");
                }
            }
        }
    }
    // Review state: the engine's findings on the AI lines, with the sign-offs from the ledger
    // and the notes, under the working tree's policy.
    let ai: Vec<(u32, Origin)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, (a, _))| match a {
            Attribution::Ai(o) => Some((i as u32 + 1, o.clone())),
            _ => None,
        })
        .collect();
    let shared: Arc<str> = Arc::from(content.as_str());
    let mut doc = ws.document(&rel, content.clone()).around_ai_only();
    // Ranges made from the document's own lines always fit it.
    let _ = doc.mark_ai_all(
        spans_of(&shared, &ai)
            .into_iter()
            .map(|span| (span.range, span.origin)),
    );
    let mut signoffs = match &ledger {
        Some(l) => l.signoffs()?,
        None => crate::review::Signoffs::new(),
    };
    commits.sort();
    commits.dedup();
    for s in signoffs_of(&mut history, &commits) {
        signoffs.insert(s.signoff);
    }
    let file = crate::check::findings_of(rel.clone(), &doc, ws.rules(), &signoffs);
    let mut report = crate::check::CheckReport {
        files: vec![file],
        warnings: Vec::new(),
    };
    crate::check::enforce_policy(&crate::check::Gate::of_workspace(ws), &mut report);
    warnings.append(&mut report.warnings);
    warnings.append(&mut history.warnings);
    let findings = &report.files[0].findings;

    let reports = blamed
        .iter()
        .zip(lines)
        .map(|(b, (who, evidence))| {
            let n = b.final_line as usize;
            let touching: Vec<_> = findings
                .iter()
                .filter(|f| f.start.line <= n && n <= f.end.line)
                .collect();
            let (source, tool, model, review) = match who {
                Attribution::Ai(o) => {
                    let review = if touching.is_empty() {
                        Review::NotNeeded
                    } else if touching.iter().all(|f| f.reviewed) {
                        Review::Reviewed
                    } else {
                        Review::NeedsReview
                    };
                    (Source::Ai, Some(o.tool), o.model, review)
                }
                Attribution::Human => (Source::Human, None, None, Review::NotNeeded),
                Attribution::Unknown => (Source::Unknown, None, None, Review::NotNeeded),
            };
            LineReport {
                line: b.final_line,
                source,
                tool,
                model,
                commit: b.committed().then(|| b.commit.clone()),
                review,
                evidence,
                text: b.text.clone(),
            }
        })
        .collect();
    Ok((rel, reports, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::OriginKind;

    #[test]
    fn consecutive_lines_of_one_origin_make_one_span() {
        let content: Arc<str> = Arc::from("a\nb\nc\nd\n");
        let x = Origin::new("x", OriginKind::Agent);
        let y = Origin::new("y", OriginKind::Agent);
        let spans = spans_of(
            &content,
            &[(1, x.clone()), (2, x.clone()), (3, y.clone()), (9, y)],
        );
        let got: Vec<(&str, &str)> = spans
            .iter()
            .map(|s| (&content[s.range.clone()], s.origin.tool.as_str()))
            .collect();
        assert_eq!(got, vec![("a\nb\n", "x"), ("c\n", "y")]);
        assert_eq!(short("0123456789abcdef0123"), "0123456789ab");
    }
}

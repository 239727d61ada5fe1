//! `redline import agent-trace` and `redline export agent-trace`: moving Agent Trace records
//! (see `agent_trace`) into and out of the ledger. Line numbers in both directions are those
//! of the files as they are in the working tree, which is what an agent's hook sees when it
//! writes a record.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::agent_trace::{self, Attribution, Version};
use crate::anchor::{self, Recorded};
use crate::ledger::{Ledger, NewSpan, Source};
use crate::lines;
use crate::origin::{Origin, OriginKind};
use crate::workspace::Workspace;

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    pub records: usize,
    pub ai_lines: usize,
    pub files: BTreeSet<String>,
    /// Records and ranges that were skipped, each naming the file and line or path.
    pub warnings: Vec<String>,
}

/// Reads Agent Trace records from `file` (JSON Lines, or one JSON record or array) and records
/// their AI-written lines in the ledger as imported. A record that cannot be read is a warning
/// naming the file and line; the others are still imported.
pub fn import(ws: &Workspace, ledger: &mut Ledger, file: &Path) -> anyhow::Result<Imported> {
    let shown = file.display().to_string();
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read `{shown}`"))?;
    let (records, errors) = agent_trace::parse(&text);
    let mut out = Imported {
        records: records.len(),
        ..Imported::default()
    };
    for (line, why) in errors {
        out.warnings.push(if line == 0 {
            format!("{shown}: skipped a record that cannot be read: {why}")
        } else {
            format!("{shown} line {line}: skipped a record that cannot be read: {why}")
        });
    }
    let mut by_path: BTreeMap<String, Vec<(Origin, BTreeSet<u32>)>> = BTreeMap::new();
    for r in &records {
        for a in agent_trace::attributions(r) {
            if let Attribution::Ai(mut origin) = a.who {
                origin.kind = OriginKind::Imported;
                by_path.entry(a.path).or_default().push((origin, a.lines));
            }
        }
    }
    for (path, spans) in by_path {
        // Paths are relative to the repository root; the reference hook writes absolute ones
        // for files outside it.
        let rel = if Path::new(&path).is_absolute() {
            match ws.relative(Path::new(&path)) {
                Some(rel) => rel,
                None => {
                    out.warnings.push(format!(
                        "{shown}: `{path}` is outside the repository; its ranges were skipped"
                    ));
                    continue;
                }
            }
        } else {
            path.trim_start_matches("./").to_string()
        };
        let Ok(content) = std::fs::read_to_string(ws.root.join(&rel)) else {
            out.warnings.push(format!(
                "{shown}: `{rel}` is not a readable text file in the working tree; its ranges were skipped"
            ));
            continue;
        };
        let count = lines::line_bytes(&content).len() as u32;
        let mut new = Vec::new();
        for (origin, set) in spans {
            if set.last().is_some_and(|l| *l > count) {
                out.warnings.push(format!(
                    "{shown}: `{rel}` has {count} lines, so ranges past line {count} were skipped"
                ));
            }
            let set: BTreeSet<u32> = set.into_iter().filter(|l| *l <= count).collect();
            out.ai_lines += set.len();
            for range in lines::byte_ranges(&content, &set) {
                new.push(NewSpan {
                    range,
                    origin: origin.clone(),
                });
            }
        }
        if !new.is_empty() {
            ledger.record(&rel, &content, &new, Source::Import)?;
            out.files.insert(rel);
        }
    }
    Ok(out)
}

/// The ledger's AI-written lines of every file in the working tree, as Agent Trace records of
/// `version`, one per tool, one JSON object per line. Files recorded but gone are skipped.
pub fn export(ws: &Workspace, ledger: &Ledger, version: Version) -> anyhow::Result<String> {
    let mut by_path: HashMap<String, Vec<Recorded>> = HashMap::new();
    for s in ledger.all_spans()? {
        by_path.entry(s.path).or_default().push(Recorded {
            base: s.base,
            range: s.range,
            origin: s.origin,
        });
    }
    let mut files: BTreeMap<String, Vec<(Origin, BTreeSet<u32>)>> = BTreeMap::new();
    for (path, recorded) in by_path {
        let Ok(content) = std::fs::read_to_string(ws.root.join(&path)) else {
            continue;
        };
        let (map, _) = anchor::place(&recorded, &content);
        let mut per_origin: Vec<(Origin, BTreeSet<u32>)> = Vec::new();
        for span in map.spans() {
            let touched = lines::lines_touched(&content, &span.range);
            match per_origin.iter_mut().find(|(o, _)| *o == *span.origin) {
                Some((_, set)) => set.extend(touched),
                None => per_origin.push(((*span.origin).clone(), touched)),
            }
        }
        if !per_origin.is_empty() {
            files.insert(path, per_origin);
        }
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let head = crate::git::rev_parse(&ws.root, "HEAD");
    let stamp = agent_trace::rfc3339(now);
    let records = agent_trace::records_for(version, &files, head.as_deref(), &stamp, |tool| {
        let digest = Sha256::digest(format!("{tool}\0{now}\0{}", std::process::id()));
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        agent_trace::uuid_from(&bytes)
    });
    let mut out = String::new();
    for r in records {
        out.push_str(&serde_json::to_string(&r)?);
        out.push('\n');
    }
    Ok(out)
}

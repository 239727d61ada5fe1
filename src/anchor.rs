//! Re-anchoring: carrying AI spans recorded on one version of a file to another version.
//!
//! The two versions are diffed (lines first, then characters inside changed lines) and the
//! spans are moved through the diff's edits exactly as through an editor's edits: text a
//! person changed stops being AI-written, text they left alone keeps its origin.

use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use similar::{Algorithm, DiffOp, TextDiff};

use crate::origin::Origin;
use crate::provenance::ProvenanceMap;
use crate::text::ByteEdit;

/// Above this many bytes a changed block is treated as replaced whole, not diffed by character.
const CHAR_DIFF_LIMIT: usize = 16 * 1024;

/// The byte edits that turn `old` into `new`, in old-text coordinates, last first, so that
/// applying them in order leaves every earlier offset valid.
pub fn edits_between(old: &str, new: &str) -> Vec<ByteEdit> {
    let mut edits = Vec::new();
    if old == new {
        return edits;
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_secs(2))
        .diff_lines(old, new);
    let old_offsets = offsets(diff.old_slices());
    let new_offsets = offsets(diff.new_slices());
    for op in diff.ops() {
        let (o, n) = (op.old_range(), op.new_range());
        let old_range = old_offsets[o.start]..old_offsets[o.end];
        let new_range = new_offsets[n.start]..new_offsets[n.end];
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Replace { .. }
                if old_range.len() <= CHAR_DIFF_LIMIT && new_range.len() <= CHAR_DIFF_LIMIT =>
            {
                char_edits(
                    &old[old_range.clone()],
                    &new[new_range],
                    old_range.start,
                    &mut edits,
                );
            }
            _ => edits.push(ByteEdit {
                start: old_range.start,
                old_end: old_range.end,
                new_end: old_range.start + new_range.len(),
            }),
        }
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.start));
    edits
}

fn offsets(slices: &[&str]) -> Vec<usize> {
    let mut v = Vec::with_capacity(slices.len() + 1);
    let mut at = 0;
    v.push(0);
    for s in slices {
        at += s.len();
        v.push(at);
    }
    v
}

fn char_edits(old: &str, new: &str, base: usize, out: &mut Vec<ByteEdit>) {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_millis(200))
        .diff_chars(old, new);
    let old_offsets = offsets(diff.old_slices());
    let new_offsets = offsets(diff.new_slices());
    for op in diff.ops() {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        let start = base + old_offsets[o.start];
        out.push(ByteEdit {
            start,
            old_end: base + old_offsets[o.end],
            new_end: start + (new_offsets[n.end] - new_offsets[n.start]),
        });
    }
}

/// Moves `spans` (byte ranges in `old`, each with its origin) to `new`. Spans whose text was
/// deleted or rewritten are gone, as they would be after the same edits in an editor.
pub fn reanchor(old: &str, new: &str, spans: &[(Range<usize>, Arc<Origin>)]) -> ProvenanceMap {
    let mut map = ProvenanceMap::new();
    for (range, origin) in spans {
        let end = range.end.min(old.len());
        if range.start < end {
            map.mark(range.start..end, origin.clone());
        }
    }
    for edit in edits_between(old, new) {
        map.apply_edit(&edit);
    }
    map
}

type OriginSpan = (Range<usize>, Arc<Origin>);

/// A span as recorded: a range of the content it was recorded on.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub base: Arc<str>,
    pub range: Range<usize>,
    pub origin: Arc<Origin>,
}

/// Carries every recorded span of one file onto its `current` content. Spans recorded on the
/// same content are moved together; where records overlap, the later one wins. Returns the
/// map and the records that could not be read at all (a range outside its own base).
pub fn place(recorded: &[Recorded], current: &str) -> (ProvenanceMap, Vec<Recorded>) {
    let mut groups: Vec<(Arc<str>, Vec<OriginSpan>)> = Vec::new();
    let mut broken = Vec::new();
    for r in recorded {
        let fits = r.range.start < r.range.end
            && r.range.end <= r.base.len()
            && r.base.is_char_boundary(r.range.start)
            && r.base.is_char_boundary(r.range.end);
        if !fits {
            broken.push(r.clone());
            continue;
        }
        match groups
            .iter_mut()
            .find(|(b, _)| Arc::ptr_eq(b, &r.base) || **b == *r.base)
        {
            Some((_, spans)) => spans.push((r.range.clone(), r.origin.clone())),
            None => groups.push((r.base.clone(), vec![(r.range.clone(), r.origin.clone())])),
        }
    }
    let mut map = ProvenanceMap::new();
    for (base, spans) in &groups {
        for span in reanchor(base, current, spans).spans() {
            map.mark(span.range.clone(), span.origin.clone());
        }
    }
    (map, broken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::OriginKind;

    fn ai() -> Arc<Origin> {
        Arc::new(Origin::new("claude-code", OriginKind::Agent))
    }

    fn texts(map: &ProvenanceMap, text: &str) -> Vec<String> {
        map.spans()
            .iter()
            .map(|s| text[s.range.clone()].to_string())
            .collect()
    }

    #[test]
    fn lines_added_above_move_the_span() {
        let old = "a\nfn verify() {}\nb\n";
        let new = "x\ny\na\nfn verify() {}\nb\n";
        let map = reanchor(old, new, &[(2..16, ai())]);
        assert_eq!(texts(&map, new), vec!["fn verify() {}"]);
    }

    #[test]
    fn an_edited_word_inside_a_span_splits_it() {
        let old = "let timeout = 30;\n";
        let new = "let timeout = 45;\n";
        let map = reanchor(old, new, &[(0..17, ai())]);
        assert_eq!(texts(&map, new), vec!["let timeout = ", ";"]);
    }

    #[test]
    fn deleted_text_is_gone() {
        let old = "keep\nai line\nkeep\n";
        let new = "keep\nkeep\n";
        let map = reanchor(old, new, &[(5..12, ai())]);
        assert!(map.is_empty());
    }
}

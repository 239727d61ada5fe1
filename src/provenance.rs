//! Which bytes of a document an AI wrote, moved exactly through every edit.
//!
//! The reference for correctness is one owner per byte: text a person types is the person's,
//! text an AI wrote keeps its origin until it is deleted. The map holds the same information as
//! sorted, non-overlapping spans, so that an edit costs a binary search and a shift.

use std::ops::Range;
use std::sync::Arc;

use crate::origin::Origin;
use crate::text::ByteEdit;

/// Identifies a span for the life of a document; a span split in two keeps its id on the left
/// part and the right part gets a new one.
pub type SpanId = u64;

/// A run of AI-written bytes with one origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub id: SpanId,
    pub range: Range<usize>,
    pub origin: Arc<Origin>,
}

/// The AI-written spans of one document: sorted, non-empty, non-overlapping.
#[derive(Debug, Clone, Default)]
pub struct ProvenanceMap {
    spans: Vec<Span>,
    next_id: SpanId,
}

impl ProvenanceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn get(&self, id: SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| s.id == id)
    }

    /// The origin of the byte at `offset`, if an AI wrote it.
    pub fn owner(&self, offset: usize) -> Option<&Arc<Origin>> {
        let i = self.spans.partition_point(|s| s.range.end <= offset);
        self.spans
            .get(i)
            .filter(|s| s.range.start <= offset)
            .map(|s| &s.origin)
    }

    /// The spans that share at least one byte with `range`; for an empty range, the span that
    /// contains the byte at its position.
    pub fn intersecting(&self, range: Range<usize>) -> &[Span] {
        let end = range.end.max(range.start + 1);
        let lo = self.spans.partition_point(|s| s.range.end <= range.start);
        let hi = lo + self.spans[lo..].partition_point(|s| s.range.start < end);
        &self.spans[lo..hi]
    }

    fn fresh_id(&mut self) -> SpanId {
        self.next_id += 1;
        self.next_id
    }

    /// Records that `origin` wrote the bytes in `range`, taking them from any earlier owner.
    /// Returns the id of the span that now holds them, or `None` for an empty range.
    pub fn mark(&mut self, range: Range<usize>, origin: Arc<Origin>) -> Option<SpanId> {
        if range.is_empty() {
            return None;
        }
        self.clear(range.clone());
        let i = self.spans.partition_point(|s| s.range.end <= range.start);
        let merge_left = i > 0
            && self.spans[i - 1].range.end == range.start
            && self.spans[i - 1].origin == origin;
        let merge_right = i < self.spans.len()
            && self.spans[i].range.start == range.end
            && self.spans[i].origin == origin;
        let id = match (merge_left, merge_right) {
            (true, true) => {
                let right = self.spans.remove(i);
                self.spans[i - 1].range.end = right.range.end;
                self.spans[i - 1].id
            }
            (true, false) => {
                self.spans[i - 1].range.end = range.end;
                self.spans[i - 1].id
            }
            (false, true) => {
                self.spans[i].range.start = range.start;
                self.spans[i].id
            }
            (false, false) => {
                let id = self.fresh_id();
                self.spans.insert(i, Span { id, range, origin });
                id
            }
        };
        Some(id)
    }

    /// Forgets who wrote the bytes in `range` (they become a person's).
    pub fn clear(&mut self, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let lo = self.spans.partition_point(|s| s.range.end <= range.start);
        let hi = lo + self.spans[lo..].partition_point(|s| s.range.start < range.end);
        if lo == hi {
            return;
        }
        let mut kept: Vec<Span> = Vec::with_capacity(2);
        let first = &self.spans[lo];
        if first.range.start < range.start {
            kept.push(Span {
                id: first.id,
                range: first.range.start..range.start,
                origin: first.origin.clone(),
            });
        }
        let last = &self.spans[hi - 1];
        if last.range.end > range.end {
            // Only a span cut in two needs a new id for its right part; a span that merely
            // lost its head keeps its own.
            let id = if hi - lo == 1 && !kept.is_empty() {
                self.fresh_id()
            } else {
                last.id
            };
            let last = &self.spans[hi - 1];
            kept.push(Span {
                id,
                range: range.end..last.range.end,
                origin: last.origin.clone(),
            });
        }
        self.spans.splice(lo..hi, kept);
    }

    /// Moves the spans through an edit made by a person: the replaced bytes are gone, and the
    /// inserted bytes belong to nobody. Typing inside a span splits it; typing at its edges
    /// does not extend it.
    pub fn apply_edit(&mut self, edit: &ByteEdit) {
        let delta = edit.new_end as isize - edit.old_end as isize;
        // Spans in lo..hi overlap the replaced bytes, or strictly contain an insertion point.
        let lo = self.spans.partition_point(|s| s.range.end <= edit.start);
        let hi = lo + self.spans[lo..].partition_point(|s| s.range.start < edit.old_end);
        let mut pieces: Vec<Span> = Vec::with_capacity(2 * (hi - lo));
        for i in lo..hi {
            let span = &self.spans[i];
            let mut id = Some(span.id);
            if span.range.start < edit.start {
                pieces.push(Span {
                    id: span.id,
                    range: span.range.start..edit.start,
                    origin: span.origin.clone(),
                });
                id = None;
            }
            if span.range.end > edit.old_end {
                let origin = span.origin.clone();
                let end = shift(span.range.end, delta);
                if id.is_none() && edit.new_end == edit.start {
                    // Nothing was inserted: deleting bytes inside a span shrinks it rather
                    // than leaving two touching halves.
                    if let Some(left) = pieces.last_mut() {
                        left.range.end = end;
                        continue;
                    }
                }
                let id = id.unwrap_or_else(|| self.fresh_id());
                pieces.push(Span {
                    id,
                    range: edit.new_end..end,
                    origin,
                });
            }
        }
        for span in &mut self.spans[hi..] {
            span.range = shift(span.range.start, delta)..shift(span.range.end, delta);
        }
        self.spans.splice(lo..hi, pieces);
    }

    /// Moves the spans through an edit whose inserted text `origin` wrote.
    pub fn apply_ai_edit(&mut self, edit: &ByteEdit, origin: Arc<Origin>) -> Option<SpanId> {
        self.apply_edit(edit);
        self.mark(edit.new_range(), origin)
    }

    /// Drops every span (used when a document's whole text is replaced by an unknown source).
    pub fn reset(&mut self) {
        self.spans.clear();
    }
}

fn shift(offset: usize, delta: isize) -> usize {
    (offset as isize + delta) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::OriginKind;

    fn ai() -> Arc<Origin> {
        Arc::new(Origin::new("copilot", OriginKind::InlineCompletion))
    }

    fn edit(start: usize, old_end: usize, new_len: usize) -> ByteEdit {
        ByteEdit {
            start,
            old_end,
            new_end: start + new_len,
        }
    }

    fn ranges(m: &ProvenanceMap) -> Vec<Range<usize>> {
        m.spans().iter().map(|s| s.range.clone()).collect()
    }

    #[test]
    fn typing_inside_a_span_splits_it() {
        let mut m = ProvenanceMap::new();
        m.mark(10..20, ai());
        m.apply_edit(&edit(15, 15, 3));
        assert_eq!(ranges(&m), vec![10..15, 18..23]);
        assert_ne!(m.spans()[0].id, m.spans()[1].id);
    }

    #[test]
    fn typing_at_the_edges_does_not_extend_a_span() {
        let mut m = ProvenanceMap::new();
        m.mark(10..20, ai());
        m.apply_edit(&edit(20, 20, 2));
        m.apply_edit(&edit(10, 10, 2));
        assert_eq!(ranges(&m), vec![12..22]);
    }

    #[test]
    fn deleting_shrinks_and_replacing_removes() {
        let mut m = ProvenanceMap::new();
        m.mark(10..20, ai());
        m.apply_edit(&edit(5, 12, 0));
        assert_eq!(ranges(&m), vec![5..13]);
        m.apply_edit(&edit(4, 14, 1));
        assert!(m.is_empty());
    }
}

//! Property tests: `ProvenanceMap` held to the obvious reference models over long random edit
//! sequences.
//!
//! Two references are kept side by side with the real map:
//!
//! * **Owners**: one entry per byte of the document, `None` for a person's byte and
//!   `Some(i)` for a byte the i-th origin wrote. Every operation has a one-line meaning here:
//!   a person's edit removes `start..old_end` and inserts `new_len` unowned bytes at `start`;
//!   an AI edit does the same but the inserted bytes are the origin's; `mark` gives the bytes
//!   of a range to an origin; `clear` makes them a person's.
//! * **Span identity**: where every old span's surviving bytes went. A span whose surviving
//!   bytes stay contiguous keeps its id (it shrank or moved); a span whose surviving bytes
//!   fall apart into several runs keeps its id on the leftmost run and the others get ids never
//!   seen before. Only `mark` (and so an AI edit) merges: the marked range joins a span with
//!   the same origin that ends exactly where it starts (keeping that span's id), and one that
//!   starts exactly where it ends.
//!
//! After every step the map must agree with both references, keep its structural invariants
//! (sorted, non-empty, non-overlapping, in bounds, unique ids), and answer `owner`, `get` and
//! `intersecting` exactly as the spans say.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use redline::origin::{Origin, OriginKind};
use redline::provenance::{ProvenanceMap, Span, SpanId};
use redline::text::ByteEdit;

/// Three distinct origins; the first two share a tool, so that merging must compare the
/// whole origin and not just its name.
fn origins() -> Vec<Arc<Origin>> {
    vec![
        Arc::new(Origin::new("copilot", OriginKind::InlineCompletion)),
        Arc::new(Origin::new("copilot", OriginKind::ChatEdit)),
        Arc::new(Origin::new("claude-code", OriginKind::Agent)),
    ]
}

/// Which of `origins` a span's origin is.
fn origin_index(origins: &[Arc<Origin>], origin: &Arc<Origin>) -> u32 {
    origins
        .iter()
        .position(|o| Arc::ptr_eq(o, origin))
        .or_else(|| origins.iter().position(|o| **o == **origin))
        .expect("every span's origin is one the test handed out") as u32
}

/// One step of a random edit sequence, in terms that do not depend on the document's length:
/// `at` and the probes are reduced modulo the current length when the step is applied.
#[derive(Debug, Clone)]
enum Op {
    /// A person replaces `del` bytes at `at` with `ins` new bytes.
    Person { at: u16, del: u16, ins: u16 },
    /// An AI replaces `del` bytes at `at` with `ins` new bytes.
    Ai {
        at: u16,
        del: u16,
        ins: u16,
        origin: u8,
    },
    /// `mark(at..at + len, origin)`.
    Mark { at: u16, len: u16, origin: u8 },
    /// `clear(at..at + len)`.
    Clear { at: u16, len: u16 },
}

/// A width: mostly small (a keystroke, a word), sometimes a line, now and then a large block.
fn width() -> impl Strategy<Value = u16> {
    (0u8..9, 0u16..64).prop_map(|(class, w)| match class {
        0..4 => w % 3,
        4..8 => w % 12,
        _ => w,
    })
}

fn op() -> impl Strategy<Value = Op> {
    let origin = 0u8..3;
    prop_oneof![
        4 => (any::<u16>(), width(), width()).prop_map(|(at, del, ins)| Op::Person { at, del, ins }),
        3 => (any::<u16>(), width(), width(), origin.clone())
            .prop_map(|(at, del, ins, origin)| Op::Ai { at, del, ins, origin }),
        2 => (any::<u16>(), width(), origin).prop_map(|(at, len, origin)| Op::Mark { at, len, origin }),
        2 => (any::<u16>(), width()).prop_map(|(at, len)| Op::Clear { at, len }),
    ]
}

/// A range of `len` bytes at `at` (reduced to fit a document of `doc_len` bytes).
fn fit(at: u16, len: u16, doc_len: usize) -> Range<usize> {
    let start = at as usize % (doc_len + 1);
    start..(start + len as usize).min(doc_len)
}

/// What the reference expects of one span after an operation.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    range: Range<usize>,
    origin: u32,
    /// `Some(id)`: this span must carry `id`; `None`: an id never handed out before.
    id: Option<SpanId>,
}

/// The spans the identity reference expects after an operation that keeps byte `b` of the old
/// document at `survive(b)` (or drops/overwrites it: `None`), before any merging.
fn survivors(
    old: &[Span],
    origins: &[Arc<Origin>],
    survive: impl Fn(usize) -> Option<usize>,
) -> Vec<Expected> {
    let mut out = Vec::new();
    for span in old {
        let origin = origin_index(origins, &span.origin);
        let mut runs: Vec<Range<usize>> = Vec::new();
        for new in span.range.clone().filter_map(&survive) {
            match runs.last_mut() {
                Some(run) if run.end == new => run.end += 1,
                _ => runs.push(new..new + 1),
            }
        }
        for (i, range) in runs.into_iter().enumerate() {
            out.push(Expected {
                range,
                origin,
                id: (i == 0).then_some(span.id),
            });
        }
    }
    out
}

/// Adds a marked range to the expected spans, merging it with an adjacent span of the same
/// origin on either side, as `mark` documents. Returns the id the mark must report.
fn expect_mark(expected: &mut Vec<Expected>, range: Range<usize>, origin: u32) -> Option<SpanId> {
    let i = expected.partition_point(|e| e.range.end <= range.start);
    let left =
        i > 0 && expected[i - 1].range.end == range.start && expected[i - 1].origin == origin;
    let right =
        i < expected.len() && expected[i].range.start == range.end && expected[i].origin == origin;
    match (left, right) {
        (true, true) => {
            let r = expected.remove(i);
            expected[i - 1].range.end = r.range.end;
            expected[i - 1].id
        }
        (true, false) => {
            expected[i - 1].range.end = range.end;
            expected[i - 1].id
        }
        (false, true) => {
            expected[i].range.start = range.start;
            expected[i].id
        }
        (false, false) => {
            expected.insert(
                i,
                Expected {
                    range,
                    origin,
                    id: None,
                },
            );
            None
        }
    }
}

/// The state of one random run: the real map, both references, and every id seen so far.
struct Harness {
    origins: Vec<Arc<Origin>>,
    map: ProvenanceMap,
    owners: Vec<Option<u32>>,
    max_id_seen: SpanId,
}

impl Harness {
    fn new(len: usize) -> Self {
        Harness {
            origins: origins(),
            map: ProvenanceMap::new(),
            owners: vec![None; len],
            max_id_seen: 0,
        }
    }

    fn len(&self) -> usize {
        self.owners.len()
    }

    /// Applies `op` to the map and to both references, then checks everything.
    fn step(&mut self, op: &Op, probes: &[(u16, u16)]) -> Result<(), TestCaseError> {
        let old: Vec<Span> = self.map.spans().to_vec();
        let len = self.len();
        let (expected, expected_return, returned, touched) = match *op {
            Op::Person { at, del, ins } => {
                let range = fit(at, del, len);
                let edit = byte_edit(&range, ins as usize);
                self.owners
                    .splice(range.clone(), std::iter::repeat_n(None, ins as usize));
                self.map.apply_edit(&edit);
                let expected = survivors(&old, &self.origins, |b| shift_through(&edit, b));
                (expected, None, None, edit.new_range())
            }
            Op::Ai {
                at,
                del,
                ins,
                origin,
            } => {
                let range = fit(at, del, len);
                let edit = byte_edit(&range, ins as usize);
                let o = origin as u32;
                self.owners
                    .splice(range.clone(), std::iter::repeat_n(Some(o), ins as usize));
                let returned = self
                    .map
                    .apply_ai_edit(&edit, self.origins[origin as usize].clone());
                let mut expected = survivors(&old, &self.origins, |b| shift_through(&edit, b));
                let expected_return = if edit.new_range().is_empty() {
                    None
                } else {
                    Some(expect_mark(&mut expected, edit.new_range(), o))
                };
                (expected, expected_return, returned, edit.new_range())
            }
            Op::Mark { at, len: n, origin } => {
                let range = fit(at, n, len);
                let o = origin as u32;
                self.owners[range.clone()].fill(Some(o));
                let returned = self
                    .map
                    .mark(range.clone(), self.origins[origin as usize].clone());
                let mut expected =
                    survivors(&old, &self.origins, |b| (!range.contains(&b)).then_some(b));
                let expected_return = if range.is_empty() {
                    None
                } else {
                    Some(expect_mark(&mut expected, range.clone(), o))
                };
                (expected, expected_return, returned, range)
            }
            Op::Clear { at, len: n } => {
                let range = fit(at, n, len);
                self.owners[range.clone()].fill(None);
                self.map.clear(range.clone());
                let expected =
                    survivors(&old, &self.origins, |b| (!range.contains(&b)).then_some(b));
                (expected, None, None, range)
            }
        };

        self.check_structure()?;
        self.check_owners()?;
        self.check_identity(&old, &expected)?;
        self.check_returned_id(expected_return, returned, &touched)?;
        self.check_queries(probes, &touched)?;
        Ok(())
    }

    /// (b) and (c): sorted, non-empty, non-overlapping, within the document; unique ids.
    fn check_structure(&self) -> Result<(), TestCaseError> {
        let spans = self.map.spans();
        for s in spans {
            prop_assert!(
                s.range.start < s.range.end,
                "empty span {:?} in {:?}",
                s,
                spans
            );
            prop_assert!(
                s.range.end <= self.len(),
                "span {:?} past the end of a {}-byte document",
                s.range,
                self.len()
            );
        }
        for w in spans.windows(2) {
            prop_assert!(
                w[0].range.end <= w[1].range.start,
                "spans out of order or overlapping: {:?} then {:?}",
                w[0].range,
                w[1].range
            );
        }
        let ids: HashSet<SpanId> = spans.iter().map(|s| s.id).collect();
        prop_assert_eq!(ids.len(), spans.len(), "duplicate span ids in {:?}", spans);
        prop_assert_eq!(self.map.is_empty(), spans.is_empty());
        Ok(())
    }

    /// (a): the map agrees with the one-owner-per-byte reference, through `owner` and through
    /// the spans themselves.
    fn check_owners(&self) -> Result<(), TestCaseError> {
        let mut from_spans = vec![None; self.len()];
        for s in self.map.spans() {
            let o = origin_index(&self.origins, &s.origin);
            for b in &mut from_spans[s.range.clone()] {
                *b = Some(o);
            }
        }
        prop_assert_eq!(
            &from_spans,
            &self.owners,
            "spans() disagree with the reference"
        );
        for (offset, want) in self.owners.iter().enumerate() {
            let got = self
                .map
                .owner(offset)
                .map(|o| origin_index(&self.origins, o));
            prop_assert_eq!(got, *want, "owner({}) disagrees with the reference", offset);
        }
        prop_assert!(self.map.owner(self.len()).is_none());
        prop_assert!(self.map.owner(self.len() + 7).is_none());
        Ok(())
    }

    /// Span identity: exactly the expected spans, each with the id it must keep, and every
    /// other id new.
    fn check_identity(&mut self, old: &[Span], expected: &[Expected]) -> Result<(), TestCaseError> {
        let spans = self.map.spans();
        let got: Vec<(Range<usize>, u32)> = spans
            .iter()
            .map(|s| (s.range.clone(), origin_index(&self.origins, &s.origin)))
            .collect();
        let want: Vec<(Range<usize>, u32)> = expected
            .iter()
            .map(|e| (e.range.clone(), e.origin))
            .collect();
        prop_assert_eq!(&got, &want, "spans differ from the identity reference");
        let old_ids: HashSet<SpanId> = old.iter().map(|s| s.id).collect();
        for (s, e) in spans.iter().zip(expected) {
            match e.id {
                Some(id) => prop_assert_eq!(
                    s.id,
                    id,
                    "span {:?} should have kept id {} (old spans {:?}, new {:?})",
                    s.range,
                    id,
                    old,
                    spans
                ),
                None => prop_assert!(
                    !old_ids.contains(&s.id) && s.id > self.max_id_seen,
                    "span {:?} should have a new id, has {} (old spans {:?}, new {:?})",
                    s.range,
                    s.id,
                    old,
                    spans
                ),
            }
        }
        self.max_id_seen = spans
            .iter()
            .map(|s| s.id)
            .chain([self.max_id_seen])
            .max()
            .unwrap_or(0);
        Ok(())
    }

    /// `mark` and `apply_ai_edit` report the span that now holds the range (`None` for an
    /// empty one).
    fn check_returned_id(
        &self,
        expected: Option<Option<SpanId>>,
        returned: Option<SpanId>,
        range: &Range<usize>,
    ) -> Result<(), TestCaseError> {
        let Some(expected) = expected else {
            prop_assert_eq!(returned, None, "an empty mark should return None");
            return Ok(());
        };
        let Some(id) = returned else {
            return Err(TestCaseError::fail(format!(
                "mark of {range:?} returned None"
            )));
        };
        let span = self.map.get(id);
        prop_assert!(
            span.is_some_and(|s| s.range.start <= range.start && range.end <= s.range.end),
            "returned id {} does not hold {:?}: {:?}",
            id,
            range,
            span
        );
        if let Some(want) = expected {
            prop_assert_eq!(id, want);
        }
        Ok(())
    }

    /// (d) and `get`: `intersecting` returns exactly the spans sharing a byte with a
    /// non-empty range, and for an empty range at p the span holding byte p.
    fn check_queries(
        &self,
        probes: &[(u16, u16)],
        touched: &Range<usize>,
    ) -> Result<(), TestCaseError> {
        let spans = self.map.spans();
        for s in spans {
            prop_assert_eq!(self.map.get(s.id), Some(s));
        }
        prop_assert!(self.map.get(self.max_id_seen + 1).is_none());
        let len = self.len();
        let mut ranges: Vec<Range<usize>> = (0..=len).map(|p| p..p).collect();
        ranges.push(0..len);
        ranges.push(touched.clone());
        for &(at, n) in probes {
            ranges.push(fit(at, n, len));
        }
        for s in spans {
            // Ranges that touch a span's edges without sharing a byte, and ones that share
            // exactly its first or last byte.
            ranges.push(s.range.end..(s.range.end + 3).min(len));
            ranges.push(s.range.start.saturating_sub(3)..s.range.start);
            ranges.push(s.range.start.saturating_sub(2)..s.range.start + 1);
            ranges.push(s.range.end - 1..(s.range.end + 2).min(len));
        }
        // Which span holds each byte, for the empty ranges.
        let mut holder: Vec<Option<SpanId>> = vec![None; len + 1];
        for s in spans {
            holder[s.range.clone()].fill(Some(s.id));
        }
        for r in ranges {
            let want: Vec<SpanId> = if r.is_empty() {
                holder[r.start].into_iter().collect()
            } else {
                spans
                    .iter()
                    .filter(|s| s.range.start < r.end && r.start < s.range.end)
                    .map(|s| s.id)
                    .collect()
            };
            let got: Vec<SpanId> = self
                .map
                .intersecting(r.clone())
                .iter()
                .map(|s| s.id)
                .collect();
            prop_assert_eq!(got, want, "intersecting({:?}) over {:?}", r, spans);
        }
        Ok(())
    }
}

fn byte_edit(range: &Range<usize>, new_len: usize) -> ByteEdit {
    ByteEdit {
        start: range.start,
        old_end: range.end,
        new_end: range.start + new_len,
    }
}

/// Where old byte `b` is after `edit`, or `None` if the edit removed it.
fn shift_through(edit: &ByteEdit, b: usize) -> Option<usize> {
    if b < edit.start {
        Some(b)
    } else if b < edit.old_end {
        None
    } else {
        Some(b - edit.old_end + edit.new_end)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The real map against both references over up to 200 random operations.
    #[test]
    fn matches_the_reference_models(
        initial_len in 0usize..64,
        ops in prop::collection::vec(
            (op(), [(any::<u16>(), width()), (any::<u16>(), width())]),
            1..200,
        ),
    ) {
        let mut h = Harness::new(initial_len);
        for (op, probes) in &ops {
            h.step(op, probes)?;
        }
    }
}

/// A map holding one AI span `a..b`, and that span's id.
fn one_span(a: usize, b: usize) -> (ProvenanceMap, SpanId) {
    let mut m = ProvenanceMap::new();
    let id = m
        .mark(a..b, origins()[0].clone())
        .expect("a non-empty mark returns an id");
    (m, id)
}

fn ranges(m: &ProvenanceMap) -> Vec<Range<usize>> {
    m.spans().iter().map(|s| s.range.clone()).collect()
}

/// An AI span `a..b` of at least two bytes, and a point strictly inside it.
fn span_and_inner_point() -> impl Strategy<Value = (usize, usize, usize)> {
    (0usize..50, 2usize..50).prop_flat_map(|(a, n)| (Just(a), Just(a + n), a + 1..a + n))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A person typing one character (1 to 4 bytes) strictly inside an AI span splits it in
    /// two: the left part keeps the id, the right part gets a new one.
    #[test]
    fn typing_inside_a_span_splits_it((a, b, p) in span_and_inner_point(), k in 1usize..=4) {
        let (mut m, id) = one_span(a, b);
        m.apply_edit(&ByteEdit { start: p, old_end: p, new_end: p + k });
        prop_assert_eq!(ranges(&m), vec![a..p, p + k..b + k]);
        prop_assert_eq!(m.spans()[0].id, id);
        prop_assert_ne!(m.spans()[1].id, id);
        prop_assert_eq!(&m.spans()[0].origin, &m.spans()[1].origin);
    }

    /// Typing at either edge of an AI span never extends it, and it keeps its id.
    #[test]
    fn typing_at_the_edges_never_extends_a_span(
        a in 0usize..50,
        n in 1usize..50,
        k in 1usize..=4,
        at_end in any::<bool>(),
    ) {
        let b = a + n;
        let (mut m, id) = one_span(a, b);
        let p = if at_end { b } else { a };
        m.apply_edit(&ByteEdit { start: p, old_end: p, new_end: p + k });
        let want = if at_end { a..b } else { a + k..b + k };
        prop_assert_eq!(ranges(&m), vec![want]);
        prop_assert_eq!(m.spans()[0].id, id);
        prop_assert!(m.owner(p).is_none() && m.owner(p + k - 1).is_none());
    }

    /// Deleting bytes of an AI span (not all of them) shrinks it: still one span, same id.
    #[test]
    fn deleting_inside_a_span_shrinks_it(
        (a, b, p) in span_and_inner_point(),
        d in 1usize..50,
        from_start in any::<bool>(),
    ) {
        let (mut m, id) = one_span(a, b);
        // Delete p..q or a..p, leaving at least one byte of the span.
        let (start, end) = if from_start { (a, p) } else { (p, (p + d).min(b)) };
        m.apply_edit(&ByteEdit { start, old_end: end, new_end: start });
        prop_assert_eq!(ranges(&m), vec![a..b - (end - start)]);
        prop_assert_eq!(m.spans()[0].id, id);
    }

    /// Clearing the tail of one span and the head of the next trims both, and each keeps
    /// its id: neither was split.
    #[test]
    fn clearing_across_two_spans_trims_both(
        a in 0usize..20,
        n1 in 2usize..20,
        gap in 0usize..5,
        n2 in 2usize..20,
        cut1 in 1usize..20,
        cut2 in 1usize..20,
    ) {
        let origins = origins();
        let mut m = ProvenanceMap::new();
        let (b1, a2) = (a + n1, a + n1 + gap);
        let b2 = a2 + n2;
        let id1 = m.mark(a..b1, origins[0].clone()).unwrap();
        let id2 = m.mark(a2..b2, origins[2].clone()).unwrap();
        let (c1, c2) = (b1 - cut1.min(n1 - 1), a2 + cut2.min(n2 - 1));
        m.clear(c1..c2);
        prop_assert_eq!(ranges(&m), vec![a..c1, c2..b2]);
        prop_assert_eq!(m.spans()[0].id, id1);
        prop_assert_eq!(m.spans()[1].id, id2);
    }
}

//! The provenance map against the obvious model, one owner per byte: a person's edit removes
//! the replaced bytes and inserts unowned ones, an AI edit inserts bytes the origin owns,
//! `mark` gives bytes to an origin, `clear` gives them back to a person. After every step the
//! spans must be sorted, non-empty, non-overlapping, in bounds, with unique ids, and say
//! exactly what the model says about every byte.
#![no_main]

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use redline::origin::{Origin, OriginKind};
use redline::provenance::ProvenanceMap;
use redline::text::ByteEdit;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Op {
    Person {
        at: u16,
        del: u16,
        ins: u16,
    },
    Ai {
        at: u16,
        del: u16,
        ins: u16,
        origin: u8,
    },
    Mark {
        at: u16,
        len: u16,
        origin: u8,
    },
    Clear {
        at: u16,
        len: u16,
    },
    Reset,
}

fn origins() -> Vec<Arc<Origin>> {
    vec![
        Arc::new(Origin::new("copilot", OriginKind::InlineCompletion)),
        Arc::new(Origin::new("copilot", OriginKind::ChatEdit)),
        Arc::new(Origin::new("claude-code", OriginKind::Agent)),
    ]
}

/// A range inside `0..len` from two fuzzer numbers.
fn within(len: usize, at: u16, n: u16) -> Range<usize> {
    let start = usize::from(at) % (len + 1);
    let end = start + usize::from(n) % (len - start + 1);
    start..end
}

fn check(map: &ProvenanceMap, owners: &[Option<usize>], origins: &[Arc<Origin>]) {
    let spans = map.spans();
    let mut ids = HashSet::new();
    for (i, s) in spans.iter().enumerate() {
        assert!(s.range.start < s.range.end, "empty span {s:?}");
        assert!(
            s.range.end <= owners.len(),
            "span {s:?} past the end {}",
            owners.len()
        );
        if i > 0 {
            assert!(
                spans[i - 1].range.end <= s.range.start,
                "overlap or disorder: {spans:?}"
            );
        }
        assert!(ids.insert(s.id), "duplicate id in {spans:?}");
        assert_eq!(map.get(s.id).map(|g| g.id), Some(s.id));
    }
    let mut got = vec![None; owners.len()];
    for s in spans {
        let o = origins
            .iter()
            .position(|o| **o == *s.origin)
            .expect("a span's origin is one the fuzzer handed out");
        for b in s.range.clone() {
            got[b] = Some(o);
        }
    }
    assert_eq!(got, owners, "owners differ; spans {spans:?}");
    for (b, want) in owners.iter().enumerate() {
        let o = map
            .owner(b)
            .map(|o| origins.iter().position(|x| **x == **o));
        assert_eq!(o.flatten(), *want, "owner({b})");
        let hits = map.intersecting(b..b + 1);
        assert_eq!(
            hits.len(),
            usize::from(want.is_some()),
            "intersecting({b}..{})",
            b + 1
        );
    }
    assert!(map.owner(owners.len()).is_none());
    assert_eq!(map.is_empty(), spans.is_empty());
}

fn edit(
    owners: &mut Vec<Option<usize>>,
    r: Range<usize>,
    ins: usize,
    who: Option<usize>,
) -> ByteEdit {
    owners.splice(r.clone(), std::iter::repeat_n(who, ins));
    ByteEdit {
        start: r.start,
        old_end: r.end,
        new_end: r.start + ins,
    }
}

fuzz_target!(|input: (u16, Vec<Op>)| {
    let (initial, ops) = input;
    let origins = origins();
    let mut map = ProvenanceMap::new();
    let mut owners: Vec<Option<usize>> = vec![None; usize::from(initial % 512)];
    for op in ops.into_iter().take(64) {
        match op {
            Op::Person { at, del, ins } => {
                let r = within(owners.len(), at, del);
                let e = edit(&mut owners, r, usize::from(ins % 64), None);
                map.apply_edit(&e);
            }
            Op::Ai {
                at,
                del,
                ins,
                origin,
            } => {
                let o = usize::from(origin) % origins.len();
                let r = within(owners.len(), at, del);
                let e = edit(&mut owners, r, usize::from(ins % 64), Some(o));
                let id = map.apply_ai_edit(&e, origins[o].clone());
                assert_eq!(id.is_some(), e.new_end > e.start);
            }
            Op::Mark { at, len, origin } => {
                let o = usize::from(origin) % origins.len();
                let r = within(owners.len(), at, len);
                for b in r.clone() {
                    owners[b] = Some(o);
                }
                let id = map.mark(r.clone(), origins[o].clone());
                if let Some(id) = id {
                    let span = map.get(id).expect("mark returns a live id");
                    assert!(span.range.start <= r.start && r.end <= span.range.end);
                } else {
                    assert!(r.is_empty());
                }
            }
            Op::Clear { at, len } => {
                let r = within(owners.len(), at, len);
                for b in r.clone() {
                    owners[b] = None;
                }
                map.clear(r);
            }
            Op::Reset => {
                owners.iter_mut().for_each(|o| *o = None);
                map.reset();
            }
        }
        check(&map, &owners, &origins);
    }
});

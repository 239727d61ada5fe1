//! The edit and position layer: random edits, in all three position encodings, applied to a
//! `Text` and to a plain `String`.
//!
//! After every edit the text must equal the model, the line index must equal one built from
//! scratch, every offset must convert to the position the slow way gives and back, and an edit
//! must be refused exactly when the model says its range does not address the text. For edits
//! that apply, `PositionChange::map_position` must carry every position of the text before to
//! where that byte went in the text after. Positions straight from the fuzzer (huge lines and
//! characters) must give an error or a position, never a panic.
#![no_main]

use std::ops::Range;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use redline::text::{LineIndex, Position, PositionChange, PositionEncoding, PositionRange, Text};

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Atom {
    Letter(u8),
    Newline,
    CrLf,
    Cr,
    Emoji,
    Cjk,
    Accent,
    Any(char),
}

impl Atom {
    fn push(self, s: &mut String) {
        match self {
            Atom::Letter(b) => s.push((b'a' + b % 26) as char),
            Atom::Newline => s.push('\n'),
            Atom::CrLf => s.push_str("\r\n"),
            Atom::Cr => s.push('\r'),
            Atom::Emoji => s.push('😀'),
            Atom::Cjk => s.push('漢'),
            Atom::Accent => s.push('é'),
            Atom::Any(c) => s.push(c),
        }
    }
}

fn build(atoms: &[Atom]) -> String {
    let mut s = String::new();
    for a in atoms.iter().take(512) {
        a.push(&mut s);
    }
    s
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Enc {
    Utf8,
    Utf16,
    Utf32,
}

impl Enc {
    fn get(self) -> PositionEncoding {
        match self {
            Enc::Utf8 => PositionEncoding::Utf8,
            Enc::Utf16 => PositionEncoding::Utf16,
            Enc::Utf32 => PositionEncoding::Utf32,
        }
    }
}

/// A position: near the text (reduced modulo its lines and their lengths, so that most are
/// valid) or raw.
#[derive(Arbitrary, Debug, Clone, Copy)]
enum Pos {
    Near { line: u16, character: u16 },
    Raw { line: u32, character: u32 },
}

#[derive(Arbitrary, Debug, Clone)]
enum Op {
    Replace {
        enc: Enc,
        start: Pos,
        end: Pos,
        text: Vec<Atom>,
    },
    Bytes {
        start: u16,
        end: u16,
        text: Vec<Atom>,
    },
    All {
        text: Vec<Atom>,
    },
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: Vec<Atom>,
    ops: Vec<Op>,
}

fn units(s: &str, enc: PositionEncoding) -> u32 {
    (match enc {
        PositionEncoding::Utf8 => s.len(),
        PositionEncoding::Utf16 => s.encode_utf16().count(),
        PositionEncoding::Utf32 => s.chars().count(),
    }) as u32
}

/// Each line's text, without `\n` and a `\r` just before it: the slow way.
fn lines(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && s.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push(start..end);
            start = i + 1;
        }
    }
    out.push(start..s.len());
    out
}

fn model_offset(s: &str, pos: Position, enc: PositionEncoding) -> Option<usize> {
    let line = lines(s).get(pos.line as usize)?.clone();
    let mut units = 0u64;
    for (i, c) in s[line.clone()].char_indices() {
        if units == u64::from(pos.character) {
            return Some(line.start + i);
        }
        units += u64::from(enc.char_len(c));
    }
    (units == u64::from(pos.character)).then_some(line.end)
}

fn model_position(s: &str, o: usize, enc: PositionEncoding) -> Position {
    let line = s.as_bytes()[..o].iter().filter(|&&b| b == b'\n').count();
    let range = lines(s)[line].clone();
    Position::new(line as u32, units(&s[range.start..o.min(range.end)], enc))
}

fn inside_crlf(s: &str, o: usize) -> bool {
    o > 0 && s.as_bytes().get(o - 1) == Some(&b'\r') && s.as_bytes().get(o) == Some(&b'\n')
}

/// Offsets to probe: all of them in a short text, a spread in a long one.
fn probes(s: &str) -> Vec<usize> {
    let all: Vec<usize> = (0..=s.len()).filter(|&o| s.is_char_boundary(o)).collect();
    if all.len() <= 200 {
        return all;
    }
    let step = all.len() / 100;
    all.iter().copied().step_by(step).chain([s.len()]).collect()
}

fn resolve(s: &str, p: Pos, enc: PositionEncoding) -> Position {
    match p {
        Pos::Raw { line, character } => Position::new(line, character),
        Pos::Near { line, character } => {
            let ls = lines(s);
            let l = line as usize % (ls.len() + 1);
            let len = ls.get(l).map_or(0, |r| units(&s[r.clone()], enc));
            Position::new(l as u32, u32::from(character) % (len + 2))
        }
    }
}

fn check_text(t: &Text, model: &str) {
    assert_eq!(t.as_str(), model);
    assert_eq!(t.index(), &LineIndex::new(model), "index of {model:?}");
    for enc in [
        PositionEncoding::Utf8,
        PositionEncoding::Utf16,
        PositionEncoding::Utf32,
    ] {
        for o in probes(model) {
            let p = t.position(o, enc);
            assert_eq!(
                p,
                model_position(model, o, enc),
                "position({o}) in {model:?}"
            );
            let want = if inside_crlf(model, o) { o - 1 } else { o };
            assert_eq!(t.offset(p, enc), Ok(want), "offset({p:?}) in {model:?}");
        }
        // Past the end and inside characters: clamped back, never a panic.
        let _ = t.position(model.len() + 3, enc);
        let _ = t.position(usize::MAX, enc);
    }
}

/// A `\r` that is not part of a `\r\n`: the one case where an edit can turn a character into
/// part of a line terminator, which positions cannot follow.
fn lone_cr(s: &str) -> bool {
    s.matches('\r').count() != s.matches("\r\n").count()
}

fn check_map(
    old: &str,
    new: &str,
    range: Range<usize>,
    change: &PositionChange,
    enc: PositionEncoding,
) {
    if lone_cr(old) || lone_cr(new) || lone_cr(&change.text) {
        return;
    }
    let delta = change.text.len() as isize - range.len() as isize;
    for o in probes(old) {
        if inside_crlf(old, o) {
            continue;
        }
        let pos = model_position(old, o, enc);
        for to_end in [false, true] {
            let moved = if o < range.start || (o == range.start && to_end) {
                o
            } else if o < range.end {
                if to_end {
                    range.start + change.text.len()
                } else {
                    range.start
                }
            } else {
                (o as isize + delta) as usize
            };
            assert_eq!(
                change.map_position(pos, enc, to_end),
                model_position(new, moved, enc),
                "map_position({pos:?}, to_end {to_end}) through {change:?} from {old:?} to {new:?}"
            );
        }
    }
}

fuzz_target!(|input: Input| {
    let mut model = build(&input.text);
    let mut t = Text::new(model.clone());
    check_text(&t, &model);
    for op in input.ops.iter().take(32) {
        match op {
            Op::Replace {
                enc,
                start,
                end,
                text,
            } => {
                let enc = enc.get();
                let new_text = build(text);
                let range =
                    PositionRange::new(resolve(&model, *start, enc), resolve(&model, *end, enc));
                let want = match (
                    model_offset(&model, range.start, enc),
                    model_offset(&model, range.end, enc),
                ) {
                    (Some(s), Some(e)) if s <= e => Some(s..e),
                    _ => None,
                };
                let change = PositionChange {
                    range,
                    text: new_text.clone(),
                };
                // Any position, even a raw one, maps somewhere without a panic.
                for p in [range.start, range.end, Position::new(u32::MAX, u32::MAX)] {
                    let _ = change.map_position(p, enc, false);
                    let _ = change.map_position(p, enc, true);
                    let _ = change.map_range(PositionRange::new(p, p), enc);
                }
                let _ = change.new_end(enc);
                let got = t.replace_positions(range, &new_text, enc);
                match (got, want) {
                    (Ok(applied), Some(bytes)) => {
                        assert_eq!(applied.bytes.old_range(), bytes);
                        let old = model.clone();
                        model.replace_range(bytes.clone(), &new_text);
                        check_map(&old, &model, bytes, &change, enc);
                    }
                    (Err(_), None) => {}
                    (got, want) => panic!(
                        "replace {range:?} ({enc:?}) in {model:?}: got {got:?}, model says {want:?}"
                    ),
                }
            }
            Op::Bytes { start, end, text } => {
                let new_text = build(text);
                let range = usize::from(*start)..usize::from(*end);
                let valid = range.start <= range.end
                    && range.end <= model.len()
                    && model.is_char_boundary(range.start)
                    && model.is_char_boundary(range.end);
                let got = t.replace(range.clone(), &new_text);
                assert_eq!(got.is_ok(), valid, "replace {range:?} in {model:?}");
                if valid {
                    model.replace_range(range, &new_text);
                }
            }
            Op::All { text } => {
                model = build(text);
                t.replace_all(&model);
            }
        }
        check_text(&t, &model);
    }
});

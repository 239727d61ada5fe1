//! Property tests: `Text`, `LineIndex` and `PositionChange` held to reference models computed
//! the slow, obvious way from the string itself.
//!
//! Texts mix ASCII, `\n`, `\r\n`, emoji (😀: 4 bytes, 2 UTF-16 units), CJK (漢: 3 bytes) and é
//! (2 bytes), so that every encoding counts differently.
//!
//! Lines. A line ends at `\n`; a `\r` just before the `\n` belongs to the terminator, and any
//! other `\r` is an ordinary one-unit character. (This is the crate's model and tree-sitter's:
//! rows are counted by `\n` alone. Random byte edits split `\r\n` pairs, so lone `\r`s do occur
//! in these tests.)
//!
//! The one offset positions cannot address is the one between the `\r` and the `\n` of a
//! `\r\n`: it lies past the end of the line's text. `position` moves it back to the end of the
//! line's text, so the round trip `offset(position(o))` gives `o - 1` there and `o` everywhere
//! else. That is what the tests require.

use std::ops::Range;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use redline::text::{
    ByteEdit, LineIndex, Position, PositionChange, PositionEncoding, PositionError, Text,
};

const ENCODINGS: [PositionEncoding; 3] = [
    PositionEncoding::Utf8,
    PositionEncoding::Utf16,
    PositionEncoding::Utf32,
];

/// Pieces of text; a `\r` only ever comes as part of `\r\n` here.
fn atom() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        6 => prop::sample::select(vec!["a", "b", "x", "_", " ", "{"]),
        3 => Just("\n"),
        2 => Just("\r\n"),
        1 => Just("😀"),
        1 => Just("漢"),
        1 => Just("é"),
    ]
}

fn text(max_atoms: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(atom(), 0..max_atoms).prop_map(|atoms| atoms.concat())
}

/// How many units of `enc` the string takes, counted without the crate's help.
fn units(s: &str, enc: PositionEncoding) -> u32 {
    (match enc {
        PositionEncoding::Utf8 => s.len(),
        PositionEncoding::Utf16 => s.encode_utf16().count(),
        PositionEncoding::Utf32 => s.chars().count(),
    }) as u32
}

/// The byte range of each line's text (without its terminator), the slow way.
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

/// The lines of a text, the slow way: each line's text and start, and the row of each byte.
struct Lines<'a> {
    s: &'a str,
    /// Each line's text, without its terminator.
    ranges: Vec<Range<usize>>,
    /// Where each line starts.
    starts: Vec<usize>,
    /// The row of every offset `0..=s.len()`.
    rows: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(s: &'a str) -> Self {
        let starts: Vec<usize> = [0]
            .into_iter()
            .chain(s.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut rows = Vec::with_capacity(s.len() + 1);
        let mut row = 0;
        for o in 0..=s.len() {
            rows.push(row);
            if s.as_bytes().get(o) == Some(&b'\n') {
                row += 1;
            }
        }
        Lines {
            s,
            ranges: lines(s),
            starts,
            rows,
        }
    }

    /// The position of char-boundary offset `o`.
    fn position(&self, o: usize, enc: PositionEncoding) -> Position {
        let line = self.rows[o];
        let range = &self.ranges[line];
        Position::new(
            line as u32,
            units(&self.s[range.start..o.min(range.end)], enc),
        )
    }

    /// The tree-sitter point of byte `o`.
    fn point(&self, o: usize) -> tree_sitter::Point {
        let row = self.rows[o];
        tree_sitter::Point::new(row, o - self.starts[row])
    }
}

/// How many `\n` come before byte `o` (which need not be a char boundary).
fn newlines_before(s: &str, o: usize) -> usize {
    s.as_bytes()[..o].iter().filter(|&&b| b == b'\n').count()
}

/// The tree-sitter point (row, byte column) of byte `o`, the slow way.
fn ref_point(s: &str, o: usize) -> tree_sitter::Point {
    let bytes = &s.as_bytes()[..o];
    let line_start = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    tree_sitter::Point::new(newlines_before(s, o), o - line_start)
}

/// Whether offset `o` lies between the `\r` and the `\n` of a `\r\n`.
fn inside_crlf(s: &str, o: usize) -> bool {
    o > 0 && s.as_bytes().get(o - 1) == Some(&b'\r') && s.as_bytes().get(o) == Some(&b'\n')
}

fn boundaries(s: &str) -> Vec<usize> {
    (0..=s.len()).filter(|&o| s.is_char_boundary(o)).collect()
}

/// Checks every conversion of `t` against the slow references.
fn check_text(t: &Text) -> Result<(), TestCaseError> {
    let s = t.as_str();
    prop_assert_eq!(
        t.index(),
        &LineIndex::new(s),
        "index out of step with {:?}",
        s
    );
    prop_assert_eq!(t.len(), s.len());
    prop_assert_eq!(t.is_empty(), s.is_empty());
    let idx = t.index();
    let reference = Lines::new(s);
    let lines = &reference.ranges;
    prop_assert_eq!(idx.line_count() as usize, lines.len());
    for (l, range) in lines.iter().enumerate() {
        prop_assert_eq!(idx.line_range(s, l as u32), Some(range.clone()));
        prop_assert_eq!(idx.line_start(l as u32), Some(reference.starts[l]));
    }
    prop_assert_eq!(idx.line_range(s, lines.len() as u32), None);
    prop_assert_eq!(idx.line_start(lines.len() as u32), None);

    for o in 0..=s.len() {
        prop_assert_eq!(idx.line_of(o) as usize, reference.rows[o], "line_of({})", o);
        prop_assert_eq!(idx.point(o), reference.point(o), "point({})", o);
    }

    for enc in ENCODINGS {
        let mut last = Position::default();
        for o in 0..=s.len() + 2 {
            let got = t.position(o, enc);
            if o > s.len() {
                // Past the end: clamped to the end.
                prop_assert_eq!(got, last, "position({}) past the end, {:?}", o, enc);
                continue;
            }
            if !s.is_char_boundary(o) {
                // Inside a character: moved back to its start.
                prop_assert_eq!(got, last, "position({}) inside a character, {:?}", o, enc);
                continue;
            }
            prop_assert_eq!(got, reference.position(o, enc), "position({}) {:?}", o, enc);
            let back = t.offset(got, enc);
            let want = if inside_crlf(s, o) { o - 1 } else { o };
            prop_assert_eq!(
                back,
                Ok(want),
                "offset(position({})) {:?} in {:?}",
                o,
                enc,
                s
            );
            last = got;
        }
        check_invalid_positions(t, lines, enc)?;
    }
    Ok(())
}

/// Every character value on every line, and one past the last line: exactly the boundaries
/// convert, the rest are the right errors.
fn check_invalid_positions(
    t: &Text,
    lines: &[Range<usize>],
    enc: PositionEncoding,
) -> Result<(), TestCaseError> {
    let s = t.as_str();
    for (l, range) in lines.iter().enumerate() {
        let line = l as u32;
        let line_text = &s[range.clone()];
        // unit offset -> byte offset, for every character boundary of the line.
        let mut starts = vec![(0u32, range.start)];
        let mut u = 0;
        for (i, c) in line_text.char_indices() {
            u += units(c.encode_utf8(&mut [0; 4]), enc);
            starts.push((u, range.start + i + c.len_utf8()));
        }
        let line_len = u;
        for character in 0..=line_len + 2 {
            let got = t.offset(Position::new(line, character), enc);
            let want = match starts.iter().find(|(u, _)| *u == character) {
                Some(&(_, byte)) => Ok(byte),
                None if character > line_len => Err(PositionError::CharacterOutOfRange {
                    line,
                    character,
                    line_len,
                }),
                None => Err(PositionError::InsideCharacter { line, character }),
            };
            prop_assert_eq!(
                got,
                want,
                "offset(({}, {})) {:?} in {:?}",
                line,
                character,
                enc,
                s
            );
        }
    }
    let line_count = lines.len() as u32;
    for line in [line_count, line_count + 3] {
        prop_assert_eq!(
            t.offset(Position::new(line, 0), enc),
            Err(PositionError::LineOutOfRange { line, line_count })
        );
    }
    Ok(())
}

/// Picks a char-boundary range of `s`: a start, and a width in characters.
fn pick_range(s: &str, at: Index, width: usize) -> Range<usize> {
    let b = boundaries(s);
    let i = at.index(b.len());
    b[i]..b[(i + width).min(b.len() - 1)]
}

fn width() -> impl Strategy<Value = usize> {
    prop_oneof![4 => 0usize..3, 2 => 0usize..10, 1 => 0usize..60]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// `Text::replace` over a random edit sequence: the text, its line index, the returned
    /// edits, and every position conversion stay exact.
    #[test]
    fn replace_keeps_text_index_and_positions_exact(
        initial in text(40),
        edits in prop::collection::vec((any::<Index>(), width(), text(8)), 1..32),
    ) {
        let mut t = Text::new(initial.clone());
        let mut model = initial;
        check_text(&t)?;
        for (at, w, new_text) in &edits {
            let range = pick_range(&model, *at, *w);
            let old = model.clone();
            let applied = t.replace(range.clone(), new_text).map_err(|e| {
                TestCaseError::fail(format!("replace({range:?}) failed: {e}"))
            })?;
            model.replace_range(range.clone(), new_text);
            prop_assert_eq!(t.as_str(), model.as_str());

            let new_end = range.start + new_text.len();
            prop_assert_eq!(
                &applied.bytes,
                &ByteEdit { start: range.start, old_end: range.end, new_end }
            );
            let input = applied.input;
            prop_assert_eq!(
                (input.start_byte, input.old_end_byte, input.new_end_byte),
                (range.start, range.end, new_end)
            );
            prop_assert_eq!(input.start_position, ref_point(&old, range.start));
            prop_assert_eq!(input.old_end_position, ref_point(&old, range.end));
            prop_assert_eq!(input.new_end_position, ref_point(&model, new_end));
            check_text(&t)?;
        }
    }

    /// A byte range that is reversed, past the end or off a character boundary is refused,
    /// and the text is left as it was.
    #[test]
    fn replace_refuses_bad_byte_ranges(
        s in text(20),
        a in 0usize..90,
        b in 0usize..90,
    ) {
        let s = format!("{s}😀{s}");
        let mut t = Text::new(s.clone());
        let good = a <= b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b);
        let result = t.replace(a..b, "new");
        if good {
            prop_assert!(result.is_ok());
        } else {
            prop_assert_eq!(
                result.map(|e| e.bytes),
                Err(PositionError::BadByteRange { start: a, end: b, len: s.len() })
            );
            prop_assert_eq!(t.as_str(), s.as_str());
            prop_assert_eq!(t.index(), &LineIndex::new(&s));
        }
    }
}

/// Where byte `p` of the old text goes through `edit`, as the start of a range: before the
/// edit it stays, inside the replaced bytes it moves to the edit's start, at or after the
/// replaced bytes it shifts. An insertion right at a range's start therefore shifts the
/// start, and the inserted text stays outside.
fn ref_map_start(edit: &ByteEdit, p: usize) -> usize {
    if p < edit.start {
        p
    } else if p < edit.old_end {
        edit.start
    } else {
        p - edit.old_end + edit.new_end
    }
}

/// Where byte `p` of the old text goes through `edit`, as the end of a range: at or before
/// the edit's start it stays (text typed or replaced right after a range stays outside it),
/// inside the replaced bytes it moves to the end of the inserted text, after them it shifts.
fn ref_map_end(edit: &ByteEdit, p: usize) -> usize {
    if p <= edit.start {
        p
    } else if p < edit.old_end {
        edit.new_end
    } else {
        p - edit.old_end + edit.new_end
    }
}

/// Offsets a position can address: char boundaries, but not between `\r` and `\n`.
fn addressable(s: &str) -> Vec<usize> {
    boundaries(s)
        .into_iter()
        .filter(|&o| !inside_crlf(s, o))
        .collect()
}

fn pick_addressable(s: &str, at: Index, width: usize) -> Range<usize> {
    let b = addressable(s);
    let i = at.index(b.len());
    b[i]..b[(i + width).min(b.len() - 1)]
}

/// A client's change to `old`: the position range and the text, the byte edit it makes, and
/// the text after it (applied through `Text::replace_positions`, checked against a byte
/// replace).
fn apply_change(
    old: &Text,
    bytes: Range<usize>,
    new_text: &str,
    enc: PositionEncoding,
) -> Result<(PositionChange, ByteEdit, Text), TestCaseError> {
    let change = PositionChange {
        range: old.position_range(bytes.clone(), enc),
        text: new_text.to_string(),
    };
    prop_assert_eq!(old.range(change.range, enc), Ok(bytes.clone()));
    let mut new = old.clone();
    let applied = new
        .replace_positions(change.range, new_text, enc)
        .map_err(|e| TestCaseError::fail(format!("replace_positions failed: {e}")))?;
    let mut model = old.as_str().to_string();
    model.replace_range(bytes.clone(), new_text);
    prop_assert_eq!(new.as_str(), model.as_str());
    let edit = ByteEdit {
        start: bytes.start,
        old_end: bytes.end,
        new_end: bytes.start + new_text.len(),
    };
    prop_assert_eq!(&applied.bytes, &edit);
    // Positions never fall between \r and \n, and the texts here have no lone \r, so no
    // change can create or split a \r\n.
    prop_assert!(!model.replace("\r\n", "").contains('\r'));
    Ok((change, edit, new))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// `map_position` and `map_range` agree with mapping through byte offsets, for every
    /// position of the old text, in every encoding.
    #[test]
    fn mapping_positions_agrees_with_mapping_bytes(
        old in text(30),
        change_at in any::<Index>(),
        change_width in width(),
        new_text in text(6),
        range_at in any::<Index>(),
        range_width in width(),
    ) {
        let old = Text::new(old);
        let s = old.as_str();
        let change_bytes = pick_addressable(s, change_at, change_width);
        let range_bytes = pick_addressable(s, range_at, range_width);
        for enc in ENCODINGS {
            let (change, edit, new) = apply_change(&old, change_bytes.clone(), &new_text, enc)?;
            prop_assert_eq!(change.new_end(enc), new.position(edit.new_end, enc));
            for o in addressable(s) {
                let pos = old.position(o, enc);
                for to_end in [false, true] {
                    let want_byte = if to_end { ref_map_end(&edit, o) } else { ref_map_start(&edit, o) };
                    let want = new.position(want_byte, enc);
                    let got = change.map_position(pos, enc, to_end);
                    prop_assert_eq!(
                        got, want,
                        "map_position({:?}, to_end: {}) through {:?} ({:?}): {:?} -> {:?}",
                        pos, to_end, change.range, enc, s, new.as_str()
                    );
                    prop_assert_eq!(new.offset(got, enc), Ok(want_byte));
                }
            }
            let range = old.position_range(range_bytes.clone(), enc);
            let start = ref_map_start(&edit, range_bytes.start);
            let end = ref_map_end(&edit, range_bytes.end).max(start);
            prop_assert_eq!(
                change.map_range(range, enc),
                new.position_range(start..end, enc),
                "map_range({:?}) through {:?} ({:?}): {:?} -> {:?}",
                range, change.range, enc, s, new.as_str()
            );
        }
    }

    /// A person typing right at the end or right at the start of an AI range does not make
    /// the mapped range grow; typing strictly inside it does (the range is one piece).
    #[test]
    fn typing_at_the_edges_of_a_range_does_not_grow_it(
        old in text(30),
        range_at in any::<Index>(),
        range_width in 1usize..20,
        typed in text(4).prop_filter("typing inserts something", |t| !t.is_empty()),
        where_ in 0u8..3,
    ) {
        let old = Text::new(old);
        let s = old.as_str();
        let range_bytes = pick_addressable(s, range_at, range_width);
        prop_assume!(!range_bytes.is_empty());
        let inner: Vec<usize> = addressable(s)
            .into_iter()
            .filter(|&o| range_bytes.start < o && o < range_bytes.end)
            .collect();
        let at = match where_ {
            0 => range_bytes.start,
            1 => range_bytes.end,
            _ if !inner.is_empty() => inner[inner.len() / 2],
            _ => range_bytes.end,
        };
        for enc in ENCODINGS {
            let (change, _, new) = apply_change(&old, at..at, &typed, enc)?;
            let mapped = change.map_range(old.position_range(range_bytes.clone(), enc), enc);
            let want = if at == range_bytes.start && at < range_bytes.end {
                range_bytes.start + typed.len()..range_bytes.end + typed.len()
            } else if at == range_bytes.end {
                range_bytes.clone()
            } else {
                range_bytes.start..range_bytes.end + typed.len()
            };
            prop_assert_eq!(new.range(mapped, enc), Ok(want.clone()));
            // At an edge the mapped range holds exactly the AI text; inside, the AI text with
            // the typed text in it.
            let mut ai_text = s[range_bytes.clone()].to_string();
            if range_bytes.start < at && at < range_bytes.end {
                ai_text.insert_str(at - range_bytes.start, &typed);
            }
            prop_assert_eq!(&new.as_str()[want], ai_text.as_str());
        }
    }
}

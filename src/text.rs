//! Text, positions and edits.
//!
//! Everything here is in terms of byte offsets into UTF-8 text, plus conversion to and from
//! line/character positions counted in one of the three encodings a client may negotiate.
//! No IO and no protocol types: the LSP adapter converts its own `Position` into [`Position`].

use std::ops::Range;

/// How the `character` of a [`Position`] is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the LSP default).
    #[default]
    Utf16,
    /// Unicode scalar values (what a person calls characters).
    Utf32,
}

impl PositionEncoding {
    /// How many units of this encoding one character takes.
    pub fn char_len(self, c: char) -> u32 {
        match self {
            PositionEncoding::Utf8 => c.len_utf8() as u32,
            PositionEncoding::Utf16 => c.len_utf16() as u32,
            PositionEncoding::Utf32 => 1,
        }
    }

    /// How many units of this encoding `s` takes.
    pub fn str_len(self, s: &str) -> u32 {
        match self {
            PositionEncoding::Utf8 => s.len() as u32,
            PositionEncoding::Utf16 => s.chars().map(char::len_utf16).sum::<usize>() as u32,
            PositionEncoding::Utf32 => s.chars().count() as u32,
        }
    }
}

/// A zero-based line and a character offset within that line, in some [`PositionEncoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

impl Position {
    pub const fn new(line: u32, character: u32) -> Self {
        Position { line, character }
    }
}

/// A half-open range of positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PositionRange {
    pub start: Position,
    pub end: Position,
}

impl PositionRange {
    pub const fn new(start: Position, end: Position) -> Self {
        PositionRange { start, end }
    }
}

/// Why a position or range could not be turned into bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PositionError {
    #[error("line {line} is past the end of the document ({line_count} lines)")]
    LineOutOfRange { line: u32, line_count: u32 },
    #[error("character {character} is past the end of line {line} ({line_len} units long)")]
    CharacterOutOfRange {
        line: u32,
        character: u32,
        line_len: u32,
    },
    #[error("character {character} on line {line} falls inside a multi-unit character")]
    InsideCharacter { line: u32, character: u32 },
    #[error("range start {start:?} is after its end {end:?}")]
    Reversed { start: Position, end: Position },
    #[error("byte range {start}..{end} is not valid in a document of {len} bytes")]
    BadByteRange {
        start: usize,
        end: usize,
        len: usize,
    },
}

/// Start offsets of every line, so that positions convert in O(log n + line length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        LineIndex {
            line_starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// The byte range of `line`, without its line terminator.
    pub fn line_range(&self, text: &str, line: u32) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line as usize)?;
        let mut end = self
            .line_starts
            .get(line as usize + 1)
            .copied()
            .unwrap_or(self.len);
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        Some(start..end)
    }

    /// The zero-based line that contains byte `offset` (the last line for the end of the text).
    pub fn line_of(&self, offset: usize) -> u32 {
        (self.line_starts.partition_point(|&s| s <= offset) - 1) as u32
    }

    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.line_starts.get(line as usize).copied()
    }

    /// Converts a position to a byte offset. A character past the end of its line is an error
    /// rather than clamped, so that a client's bug shows up instead of corrupting a document;
    /// the one exception LSP asks for is a position at the very end of a line's text.
    pub fn offset(
        &self,
        text: &str,
        pos: Position,
        enc: PositionEncoding,
    ) -> Result<usize, PositionError> {
        let line = self
            .line_range(text, pos.line)
            .ok_or(PositionError::LineOutOfRange {
                line: pos.line,
                line_count: self.line_count(),
            })?;
        let line_text = &text[line.clone()];
        if enc == PositionEncoding::Utf8 {
            let c = pos.character as usize;
            if c > line_text.len() {
                return Err(PositionError::CharacterOutOfRange {
                    line: pos.line,
                    character: pos.character,
                    line_len: line_text.len() as u32,
                });
            }
            if !line_text.is_char_boundary(c) {
                return Err(PositionError::InsideCharacter {
                    line: pos.line,
                    character: pos.character,
                });
            }
            return Ok(line.start + c);
        }
        let mut units = 0u32;
        for (i, ch) in line_text.char_indices() {
            if units == pos.character {
                return Ok(line.start + i);
            }
            units += enc.char_len(ch);
            if units > pos.character {
                return Err(PositionError::InsideCharacter {
                    line: pos.line,
                    character: pos.character,
                });
            }
        }
        if units == pos.character {
            Ok(line.end)
        } else {
            Err(PositionError::CharacterOutOfRange {
                line: pos.line,
                character: pos.character,
                line_len: units,
            })
        }
    }

    /// Converts a byte offset to a position. Offsets inside a character or a `\r\n` are moved
    /// back to the nearest boundary.
    pub fn position(&self, text: &str, offset: usize, enc: PositionEncoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_starts[line as usize];
        let end = offset.min(self.line_range(text, line).map_or(offset, |r| r.end));
        Position::new(line, enc.str_len(&text[start..end.max(start)]))
    }

    pub fn range(
        &self,
        text: &str,
        range: PositionRange,
        enc: PositionEncoding,
    ) -> Result<Range<usize>, PositionError> {
        let start = self.offset(text, range.start, enc)?;
        let end = self.offset(text, range.end, enc)?;
        if end < start {
            return Err(PositionError::Reversed {
                start: range.start,
                end: range.end,
            });
        }
        Ok(start..end)
    }

    pub fn position_range(
        &self,
        text: &str,
        range: Range<usize>,
        enc: PositionEncoding,
    ) -> PositionRange {
        PositionRange::new(
            self.position(text, range.start, enc),
            self.position(text, range.end, enc),
        )
    }

    /// A tree-sitter point (row, byte column) for a byte offset.
    pub fn point(&self, offset: usize) -> tree_sitter::Point {
        let line = self.line_of(offset);
        tree_sitter::Point::new(line as usize, offset - self.line_starts[line as usize])
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| (b == b'\n').then_some(i))
}

/// One edit in byte terms: `old` was replaced by text of length `new_len`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByteEdit {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl ByteEdit {
    pub fn old_range(&self) -> Range<usize> {
        self.start..self.old_end
    }
    pub fn new_range(&self) -> Range<usize> {
        self.start..self.new_end
    }
    pub fn inserted_len(&self) -> usize {
        self.new_end - self.start
    }
    pub fn deleted_len(&self) -> usize {
        self.old_end - self.start
    }
}

/// A document's text with its line index, kept in step through edits.
#[derive(Debug, Clone)]
pub struct Text {
    text: String,
    index: LineIndex,
}

/// The outcome of [`Text::replace`]: the byte edit and the tree-sitter edit that describe it.
#[derive(Debug, Clone)]
pub struct AppliedEdit {
    pub bytes: ByteEdit,
    pub input: tree_sitter::InputEdit,
}

impl Text {
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let index = LineIndex::new(&text);
        Text { text, index }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    pub fn offset(&self, pos: Position, enc: PositionEncoding) -> Result<usize, PositionError> {
        self.index.offset(&self.text, pos, enc)
    }

    pub fn position(&self, offset: usize, enc: PositionEncoding) -> Position {
        self.index.position(&self.text, offset, enc)
    }

    pub fn range(
        &self,
        range: PositionRange,
        enc: PositionEncoding,
    ) -> Result<Range<usize>, PositionError> {
        self.index.range(&self.text, range, enc)
    }

    pub fn position_range(&self, range: Range<usize>, enc: PositionEncoding) -> PositionRange {
        self.index.position_range(&self.text, range, enc)
    }

    /// Checks that `range` lies within the text and on character boundaries.
    pub fn check_byte_range(&self, range: &Range<usize>) -> Result<(), PositionError> {
        let ok = range.start <= range.end
            && range.end <= self.text.len()
            && self.text.is_char_boundary(range.start)
            && self.text.is_char_boundary(range.end);
        if ok {
            Ok(())
        } else {
            Err(PositionError::BadByteRange {
                start: range.start,
                end: range.end,
                len: self.text.len(),
            })
        }
    }

    /// Replaces a byte range. The line index is updated locally: only the lines the edit
    /// touches are rescanned, so a keystroke in a large file costs little more than the
    /// shift of the later line starts.
    pub fn replace(
        &mut self,
        range: Range<usize>,
        new_text: &str,
    ) -> Result<AppliedEdit, PositionError> {
        self.check_byte_range(&range)?;
        let start_position = self.index.point(range.start);
        let old_end_position = self.index.point(range.end);
        self.text.replace_range(range.clone(), new_text);
        let new_end = range.start + new_text.len();

        let first_line = self.index.line_of(range.start) as usize;
        let old_last_line = self.index.line_of(range.end) as usize;
        let delta = new_text.len() as isize - (range.end - range.start) as isize;
        let starts = &mut self.index.line_starts;
        let mut inserted: Vec<usize> = memchr_newlines(new_text.as_bytes())
            .map(|i| range.start + i + 1)
            .collect();
        let tail: Vec<usize> = starts[old_last_line + 1..]
            .iter()
            .map(|&s| (s as isize + delta) as usize)
            .collect();
        starts.truncate(first_line + 1);
        starts.append(&mut inserted);
        starts.extend(tail);
        self.index.len = self.text.len();

        let new_end_position = self.index.point(new_end);
        Ok(AppliedEdit {
            bytes: ByteEdit {
                start: range.start,
                old_end: range.end,
                new_end,
            },
            input: tree_sitter::InputEdit {
                start_byte: range.start,
                old_end_byte: range.end,
                new_end_byte: new_end,
                start_position,
                old_end_position,
                new_end_position,
            },
        })
    }

    /// Replaces a range given in positions.
    pub fn replace_positions(
        &mut self,
        range: PositionRange,
        new_text: &str,
        enc: PositionEncoding,
    ) -> Result<AppliedEdit, PositionError> {
        let bytes = self.range(range, enc)?;
        self.replace(bytes, new_text)
    }

    /// Replaces the whole text.
    pub fn replace_all(&mut self, new_text: &str) -> AppliedEdit {
        let len = self.text.len();
        // A full range on a valid text is always valid.
        self.replace(0..len, new_text)
            .unwrap_or_else(|_| unreachable!("the full range of a text is valid"))
    }
}

/// A change as a client describes it: the range it replaced, in positions of the text before
/// the change, and the text it put there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionChange {
    pub range: PositionRange,
    pub text: String,
}

impl PositionChange {
    /// Where `pos` (a position in the text before this change) lies after it. Positions inside
    /// the replaced range move to the end of the inserted text if `to_end`, else to its start.
    ///
    /// `to_end` says `pos` ends a range (it is mapped as the end of the text before it), else
    /// it starts one (mapped as the start of the text after it), so that text inserted right
    /// at a range's edge stays outside it: a range's end at the change's start stays put, and
    /// a range's start at the change's end moves past the inserted text.
    pub fn map_position(&self, pos: Position, enc: PositionEncoding, to_end: bool) -> Position {
        let PositionRange { start, end } = self.range;
        if pos < start || (pos == start && to_end) {
            return pos;
        }
        let new_end = self.new_end(enc);
        if pos < end {
            return if to_end { new_end } else { start };
        }
        // Positions come from clients, unchecked: one far past the end of the text saturates
        // (and stays past the end) rather than wrapping around into it.
        if pos.line == end.line {
            Position::new(
                new_end.line,
                new_end
                    .character
                    .saturating_add(pos.character - end.character),
            )
        } else {
            Position::new(
                (pos.line - end.line).saturating_add(new_end.line),
                pos.character,
            )
        }
    }

    /// The end of the inserted text, as a position in the text after the change.
    pub fn new_end(&self, enc: PositionEncoding) -> Position {
        let start = self.range.start;
        match self.text.rfind('\n') {
            None => Position::new(
                start.line,
                start.character.saturating_add(enc.str_len(&self.text)),
            ),
            Some(i) => Position::new(
                start
                    .line
                    .saturating_add(self.text.matches('\n').count() as u32),
                enc.str_len(&self.text[i + 1..]),
            ),
        }
    }

    /// Maps a range in the text before this change to the text after it. A range around the
    /// change grows with it; one inside a deletion collapses, and one inside a replacement
    /// becomes the inserted text (the range stays one piece). Text inserted right at either
    /// edge of the range stays outside it.
    pub fn map_range(&self, range: PositionRange, enc: PositionEncoding) -> PositionRange {
        let start = self.map_position(range.start, enc, false);
        let end = self.map_position(range.end, enc, true);
        PositionRange::new(start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_utf32_positions_count_emoji_and_cjk() {
        let t = Text::new("a😀b\n漢字x\n");
        assert_eq!(
            t.offset(Position::new(0, 3), PositionEncoding::Utf16),
            Ok(5)
        );
        assert_eq!(
            t.offset(Position::new(0, 2), PositionEncoding::Utf32),
            Ok(5)
        );
        assert_eq!(t.offset(Position::new(0, 5), PositionEncoding::Utf8), Ok(5));
        assert_eq!(
            t.offset(Position::new(1, 2), PositionEncoding::Utf16),
            Ok(13)
        );
        assert!(matches!(
            t.offset(Position::new(0, 2), PositionEncoding::Utf16),
            Err(PositionError::InsideCharacter { .. })
        ));
        assert_eq!(t.position(13, PositionEncoding::Utf16), Position::new(1, 2));
        assert_eq!(t.position(5, PositionEncoding::Utf16), Position::new(0, 3));
    }

    #[test]
    fn out_of_range_positions_are_errors() {
        let t = Text::new("ab\ncd");
        assert!(
            t.offset(Position::new(2, 0), PositionEncoding::Utf16)
                .is_err()
        );
        assert!(
            t.offset(Position::new(0, 3), PositionEncoding::Utf16)
                .is_err()
        );
        assert_eq!(
            t.offset(Position::new(0, 2), PositionEncoding::Utf16),
            Ok(2)
        );
        assert_eq!(
            t.offset(Position::new(1, 2), PositionEncoding::Utf16),
            Ok(5)
        );
    }

    #[test]
    fn replace_keeps_the_line_index_exact() {
        let mut t = Text::new("one\ntwo\r\nthree");
        t.replace(5..9, "X\nY\nZ").unwrap();
        assert_eq!(t.as_str(), "one\ntXY\nZthree".replace("XY", "X\nY"));
        assert_eq!(t.index(), &LineIndex::new(t.as_str()));
    }

    #[test]
    fn map_position_through_an_insertion() {
        let change = PositionChange {
            range: PositionRange::new(Position::new(1, 2), Position::new(1, 2)),
            text: "ab\ncd".into(),
        };
        let enc = PositionEncoding::Utf16;
        assert_eq!(
            change.map_position(Position::new(1, 5), enc, false),
            Position::new(2, 5)
        );
        assert_eq!(
            change.map_position(Position::new(3, 1), enc, false),
            Position::new(4, 1)
        );
        assert_eq!(
            change.map_position(Position::new(1, 1), enc, false),
            Position::new(1, 1)
        );
    }
}

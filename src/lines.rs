//! Sets of 1-based line numbers, as git-ai writes them (`1-4,9-10,12`), and the bytes they
//! cover in a file's text. Pure: no IO.

use std::collections::BTreeSet;
use std::ops::Range;

/// A malformed line-range list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad line ranges `{text}`: {why}")]
pub struct LineRangeError {
    pub text: String,
    pub why: String,
}

/// Parses `1-4,9-10,12` into inclusive `(start, end)` pairs. Lines are 1-based; a range's end
/// must not come before its start.
pub fn parse_ranges(text: &str) -> Result<Vec<(u32, u32)>, LineRangeError> {
    let bad = |why: &str| LineRangeError {
        text: text.to_string(),
        why: why.to_string(),
    };
    let mut out = Vec::new();
    for part in text.split(',') {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let a: u32 = a.parse().map_err(|_| bad("expected N or N-M"))?;
        let b: u32 = b.parse().map_err(|_| bad("expected N or N-M"))?;
        if a == 0 || b < a {
            return Err(bad(
                "lines are 1-based and a range may not end before it starts",
            ));
        }
        out.push((a, b));
    }
    Ok(out)
}

/// Writes a set of lines compactly, consecutive lines as ranges: `1-4,9-10,12`.
pub fn format_ranges(lines: &BTreeSet<u32>) -> String {
    let mut parts = Vec::new();
    for (start, end) in runs(lines) {
        parts.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
    }
    parts.join(",")
}

/// Consecutive runs of a set of lines, as inclusive pairs.
pub fn runs(lines: &BTreeSet<u32>) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &l in lines {
        match out.last_mut() {
            Some((_, end)) if *end + 1 == l => *end = l,
            _ => out.push((l, l)),
        }
    }
    out
}

/// Every line in a list of inclusive ranges.
pub fn expand(ranges: &[(u32, u32)]) -> BTreeSet<u32> {
    ranges.iter().flat_map(|&(a, b)| a..=b).collect()
}

/// The byte range of each line of `text`, in order (line 1 first); each range includes the
/// line's terminating `\n`.
pub fn line_bytes(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The bytes of `text` covered by `lines` (1-based), merged where lines are consecutive.
/// Lines past the end of the text are ignored.
pub fn byte_ranges(text: &str, lines: &BTreeSet<u32>) -> Vec<Range<usize>> {
    let all = line_bytes(text);
    let mut out: Vec<Range<usize>> = Vec::new();
    for (start, end) in runs(lines) {
        let first = (start as usize).checked_sub(1).and_then(|i| all.get(i));
        let last = all.get((end as usize).min(all.len()).saturating_sub(1));
        if let (Some(first), Some(last)) = (first, last)
            && first.start < last.end
        {
            out.push(first.start..last.end);
        }
    }
    out
}

/// The 1-based lines that a byte range touches (a range ending right after a line break does
/// not touch the next line).
pub fn lines_touched(text: &str, range: &Range<usize>) -> BTreeSet<u32> {
    line_bytes(text)
        .iter()
        .enumerate()
        .filter(|(_, l)| l.start < range.end && range.start < l.end)
        .map(|(i, _)| i as u32 + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_round_trip() {
        let r = parse_ranges("1-4,9-10,12").unwrap();
        assert_eq!(r, vec![(1, 4), (9, 10), (12, 12)]);
        assert_eq!(format_ranges(&expand(&r)), "1-4,9-10,12");
        assert!(parse_ranges("0-3").is_err());
        assert!(parse_ranges("5-3").is_err());
        assert!(parse_ranges("1,,2").is_err());
        assert!(parse_ranges("a").is_err());
    }

    #[test]
    fn lines_map_to_bytes_and_back() {
        let text = "one\ntwo\nthree\nfour";
        let set: BTreeSet<u32> = [2, 3, 4, 9].into_iter().collect();
        let bytes = byte_ranges(text, &set);
        assert_eq!(bytes, vec![4..text.len()]);
        assert_eq!(&text[4..8], "two\n");
        assert_eq!(
            lines_touched(text, &(4..8)),
            [2].into_iter().collect::<BTreeSet<_>>()
        );
        assert_eq!(lines_touched(text, &(5..9)).len(), 2);
    }
}

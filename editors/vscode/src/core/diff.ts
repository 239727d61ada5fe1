// Pure text diffing: which parts of `after` were inserted relative to `before`.
// No `vscode` import, so it is unit-tested in plain node.

/** A half-open range of UTF-16 code-unit offsets, [start, end). */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A zero-based LSP position in UTF-16 code units (VS Code's own unit). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Above this many cells (old length x new length) the middle is not diffed character by character. */
const MAX_DIFF_CELLS = 4_000_000;

/**
 * The ranges of `after` that are new text: text that is not in `before`.
 *
 * The common prefix and suffix are trimmed first (an inline completion is one contiguous
 * insertion, so this alone is exact for it). When the changed middle also replaced old text,
 * the middle is diffed character by character (Myers, O((N+M)D)) so that old characters the
 * new text kept (a closing bracket the completion wrapped around) are not reported as new.
 * Adjacent inserted characters are merged into one range.
 */
export function diffInsertions(before: string, after: string): OffsetRange[] {
  if (before === after) return [];
  let prefix = 0;
  const maxPrefix = Math.min(before.length, after.length);
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = Math.min(before.length, after.length) - prefix;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Never split a surrogate pair at either end.
  if (prefix > 0 && isLowSurrogate(after.charCodeAt(prefix))) prefix--;
  if (suffix > 0 && isHighSurrogate(after.charCodeAt(after.length - suffix - 1))) suffix--;

  const oldMid = before.slice(prefix, before.length - suffix);
  const newMid = after.slice(prefix, after.length - suffix);
  if (newMid.length === 0) return [];
  if (oldMid.length === 0 || oldMid.length * newMid.length > MAX_DIFF_CELLS) {
    return [{ start: prefix, end: prefix + newMid.length }];
  }
  const inserted = myersInserted(oldMid, newMid);
  const out: OffsetRange[] = [];
  for (let i = 0; i < newMid.length; i++) {
    if (!inserted[i]) continue;
    const start = i;
    while (i < newMid.length && inserted[i]) i++;
    out.push({ start: prefix + start, end: prefix + i });
  }
  return out;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** For each index of `b`, whether it is an insertion in a shortest edit script from `a` to `b`. */
function myersInserted(a: string, b: string): boolean[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) {
        x = v[offset + k + 1]; // down: insertion
      } else {
        x = v[offset + k - 1] + 1; // right: deletion
      }
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers.
  const inserted = new Array<boolean>(m).fill(false);
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1])) prevK = k + 1;
    else prevK = k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (x === prevX) {
      // insertion of b[prevY]
      inserted[prevY] = true;
    }
    x = prevX;
    y = prevY;
  }
  return inserted;
}

/** Offsets where lines start, with VS Code's line breaks: \r\n, \n and \r. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The position of `offset` in `text`, given its `lineStarts`. */
export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** Offset ranges in `text` as LSP ranges (UTF-16, the encoding vscode-languageclient negotiates). */
export function toLspRanges(text: string, ranges: OffsetRange[]): Range[] {
  const starts = lineStarts(text);
  return ranges.map((r) => ({ start: positionAt(starts, r.start), end: positionAt(starts, r.end) }));
}

/** Inserted text of `after`, joined, for comparisons such as "is this the clipboard?". */
export function insertedText(after: string, ranges: OffsetRange[]): string {
  return ranges.map((r) => after.slice(r.start, r.end)).join("");
}

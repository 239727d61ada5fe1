import { test } from "node:test";
import assert from "node:assert/strict";
import { diffInsertions, insertedText, lineStarts, positionAt, toLspRanges } from "../../src/core/diff";

test("no change, no insertion", () => {
  assert.deepEqual(diffInsertions("abc", "abc"), []);
});

test("a pure deletion inserts nothing", () => {
  assert.deepEqual(diffInsertions("abcdef", "abef"), []);
});

test("an inline completion at the end of the line is one range", () => {
  const before = "pub fn verify_\n}\n";
  const after = "pub fn verify_token(token: &str) -> bool {\n    true\n}\n}\n";
  const r = diffInsertions(before, after);
  assert.equal(r.length, 1);
  // Inserting "X\n}\n" before "\n}\n" is the same edit as inserting "X\n}" after it: the diff
  // trims the longest common suffix, so the range ends at the "}".
  assert.equal(insertedText(after, r), "token(token: &str) -> bool {\n    true\n}");
});

test("a completion that wraps an existing closing bracket keeps the bracket out", () => {
  // The editor had auto-closed "(" with ")"; the completion replaced ")" with "a, b)".
  const before = "call()";
  const after = "call(a, b)";
  const r = diffInsertions(before, after);
  assert.equal(insertedText(after, r), "a, b");
  assert.deepEqual(r, [{ start: 5, end: 9 }]);
});

test("a replacement in the middle reports only new characters, in several ranges", () => {
  const before = "let x = f(1);";
  const after = "let xy = f(1, 2);";
  const r = diffInsertions(before, after);
  assert.equal(insertedText(after, r), "y, 2");
  assert.equal(r.length, 2);
});

test("surrogate pairs are not split", () => {
  const before = "a😀b";
  const after = "a😀😁b";
  const r = diffInsertions(before, after);
  assert.equal(insertedText(after, r), "😁");
  assert.equal(r[0].start % 1, 0);
  // Starts on a high surrogate.
  const c = after.charCodeAt(r[0].start);
  assert.ok(c >= 0xd800 && c <= 0xdbff);
});

test("random edits: inserted characters plus kept characters rebuild the new text", () => {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = "ab{}\n ";
  for (let iter = 0; iter < 300; iter++) {
    let before = "";
    for (let i = rnd(30); i > 0; i--) before += alphabet[rnd(alphabet.length)];
    let after = before;
    for (let e = rnd(4); e >= 0; e--) {
      const at = rnd(after.length + 1);
      const del = rnd(3);
      let ins = "";
      for (let i = rnd(6); i > 0; i--) ins += alphabet[rnd(alphabet.length)];
      after = after.slice(0, at) + ins + after.slice(at + del);
    }
    const r = diffInsertions(before, after);
    // Ranges are sorted, disjoint, inside `after`.
    let last = -1;
    for (const x of r) {
      assert.ok(x.start > last && x.start < x.end && x.end <= after.length, JSON.stringify({ before, after, r }));
      last = x.end;
    }
    // What is not inserted is a subsequence of `before` (it was kept).
    let kept = "";
    let pos = 0;
    for (const x of r) {
      kept += after.slice(pos, x.start);
      pos = x.end;
    }
    kept += after.slice(pos);
    let j = 0;
    for (let i = 0; i < before.length && j < kept.length; i++) if (before[i] === kept[j]) j++;
    assert.equal(j, kept.length, JSON.stringify({ before, after, r, kept }));
    // And it is minimal: no more inserted than the length difference plus deletions allow.
    const insertedCount = r.reduce((n, x) => n + x.end - x.start, 0);
    assert.equal(after.length - insertedCount, kept.length);
  }
});

test("line starts follow VS Code's line breaks", () => {
  assert.deepEqual(lineStarts("a\nb\r\nc\rd"), [0, 2, 5, 7]);
  const starts = lineStarts("ab\r\ncd");
  assert.deepEqual(positionAt(starts, 0), { line: 0, character: 0 });
  assert.deepEqual(positionAt(starts, 2), { line: 0, character: 2 });
  assert.deepEqual(positionAt(starts, 4), { line: 1, character: 0 });
  assert.deepEqual(positionAt(starts, 6), { line: 1, character: 2 });
});

test("LSP ranges are in UTF-16 code units", () => {
  const text = "é😀x\nfn";
  const r = toLspRanges(text, [{ start: 3, end: 7 }]);
  assert.deepEqual(r, [{ start: { line: 0, character: 3 }, end: { line: 1, character: 2 } }]);
});

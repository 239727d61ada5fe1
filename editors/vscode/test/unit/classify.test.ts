import { test } from "node:test";
import assert from "node:assert/strict";
import {
  applyChanges,
  classifyChange,
  isLargeInsertion,
  isPaste,
  type ChangeEventInput,
} from "../../src/core/classify";

const fn = "pub fn verify_token(token: &str) -> bool {\n    token == \"x\"\n}\n";

function ev(over: Partial<ChangeEventInput>): ChangeEventInput {
  return {
    changes: [{ rangeOffset: 0, rangeLength: 0, text: fn }],
    before: "// file\n",
    inAcceptCommand: false,
    inSave: false,
    ...over,
  };
}

test("a large typed-in insertion is a heuristic AI candidate", () => {
  assert.equal(classifyChange(ev({})), "large-insert");
});

test("undo and redo are never AI", () => {
  assert.equal(classifyChange(ev({ reason: "undo" })), "undo");
  assert.equal(classifyChange(ev({ reason: "redo" })), "redo");
});

test("a paste of the clipboard is never AI, also when re-indented or with CRLF", () => {
  assert.equal(classifyChange(ev({ clipboard: fn })), "paste");
  assert.equal(classifyChange(ev({ clipboard: fn.replace(/\n/g, "\r\n") })), "paste");
  assert.equal(classifyChange(ev({ clipboard: "  " + fn.replace(/\n    /g, "\n\t") })), "paste");
  assert.equal(classifyChange(ev({ clipboard: "something else entirely" })), "large-insert");
  assert.equal(isPaste("", "x"), false);
  assert.equal(isPaste("x", ""), false);
});

test("a formatter's whitespace-only change is never AI", () => {
  const before = "fn a(){\nlet x=1;\nlet y=2;\nlet z=3;\n}\n";
  const text = "fn a() {\n    let x = 1;\n    let y = 2;\n    let z = 3;\n}\n";
  assert.equal(
    classifyChange(ev({ before, changes: [{ rangeOffset: 0, rangeLength: before.length - 1, text: text.slice(0, -1) }] })),
    "whitespace-only",
  );
});

test("a whole-document replacement is not counted (reload, revert, formatter)", () => {
  const before = "x\n";
  assert.equal(classifyChange(ev({ before, changes: [{ rangeOffset: 0, rangeLength: 2, text: fn }] })), "whole-document");
});

test("edits during save (format on save, code actions on save) are not counted", () => {
  assert.equal(classifyChange(ev({ inSave: true })), "save-participant");
});

test("several changes in one event (formatters, multi-cursor, refactorings) are not counted", () => {
  assert.equal(
    classifyChange(ev({ changes: [{ rangeOffset: 0, rangeLength: 0, text: fn }, { rangeOffset: 8, rangeLength: 0, text: fn }] })),
    "multi-edit",
  );
});

test("text accepted through redline's accept command is reported there, not here", () => {
  assert.equal(classifyChange(ev({ inAcceptCommand: true })), "accept-command");
});

test("typing is small", () => {
  assert.equal(classifyChange(ev({ changes: [{ rangeOffset: 3, rangeLength: 0, text: "a" }] })), "small");
  assert.equal(classifyChange(ev({ changes: [{ rangeOffset: 3, rangeLength: 0, text: "\n    " }] })), "small");
  assert.equal(classifyChange(ev({ changes: [] })), "empty");
});

test("thresholds match the server: 2 non-blank lines or 80 characters", () => {
  assert.equal(isLargeInsertion("a\nb"), true);
  assert.equal(isLargeInsertion("a\n\n   \n"), false);
  assert.equal(isLargeInsertion("x".repeat(79)), false);
  assert.equal(isLargeInsertion("x".repeat(80)), true);
});

test("changes of one event apply in order", () => {
  const t = "hello world";
  assert.equal(
    applyChanges(t, [
      { rangeOffset: 6, rangeLength: 5, text: "there" },
      { rangeOffset: 0, rangeLength: 5, text: "hi" },
    ]),
    "hi there",
  );
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { CHAT_EXTENSIONS, guessTool, INLINE_COMPLETION_EXTENSIONS } from "../../src/core/tools";
import { findBinary, missingMessage } from "../../src/core/binary";
import { statusView } from "../../src/core/status";

test("the tool comes from the setting, the editor, or the one active AI extension", () => {
  const k = INLINE_COMPLETION_EXTENSIONS;
  assert.equal(guessTool("my-tool", "Visual Studio Code", ["GitHub.copilot"], k), "my-tool");
  assert.equal(guessTool("", "Cursor", ["GitHub.copilot"], k), "cursor");
  assert.equal(guessTool(undefined, "Visual Studio Code", ["GitHub.copilot", "ms-python.python"], k), "copilot");
  assert.equal(guessTool(undefined, "code-server", ["GitHub.copilot", "GitHub.copilot-chat"], k), "copilot");
  assert.equal(guessTool(undefined, "code-server", ["GitHub.copilot", "Continue.continue"], k), "unknown");
  assert.equal(guessTool(undefined, "code-server", [], k), "unknown");
  assert.equal(guessTool(undefined, "code-server", ["Anthropic.claude-code"], CHAT_EXTENSIONS), "claude-code");
});

test("the binary: setting path, else PATH; the error says how to fix it", () => {
  const exists = new Set(["/opt/bin/redline", "/home/u/redline"]);
  const isExe = (p: string) => exists.has(p);
  assert.deepEqual(findBinary("", "/usr/bin:/opt/bin", isExe, "linux"), { found: "/opt/bin/redline" });
  assert.deepEqual(findBinary("/home/u/redline", "", isExe, "linux"), { found: "/home/u/redline" });
  const missing = findBinary("", "/usr/bin", isExe, "linux");
  assert.equal(missing.found, undefined);
  assert.match(missing.error!, /not on PATH/);
  assert.match(missing.error!, /redline\.path/);
  assert.match(missing.error!, /cargo install/);
  const bad = findBinary("/nope/redline", "/opt/bin", isExe, "linux");
  assert.match(bad.error!, /\/nope\/redline/);
  assert.match(missingMessage("x"), /Restart Server/);
});

test("the status bar says how many AI changes need review", () => {
  assert.equal(statusView(0, true).text, "$(pass) Redline: 0 to review");
  assert.equal(statusView(2, true).text, "$(warning) Redline: 2 to review");
  assert.match(statusView(1, true).tooltip, /1 AI change needs/);
  assert.match(statusView(0, false).text, /off/);
});

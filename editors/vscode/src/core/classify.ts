// Pure classification of document change events: which ones may be AI text.
// No `vscode` import, so it is unit-tested in plain node.

/** One content change of a change event, as VS Code gives it, plus the text it replaced. */
export interface ChangeInput {
  /** Offset in the document before the change. */
  rangeOffset: number;
  rangeLength: number;
  /** The new text. */
  text: string;
}

export interface ChangeEventInput {
  /** From `TextDocumentChangeEvent.reason`: undo and redo are never AI text. */
  reason?: "undo" | "redo";
  changes: ChangeInput[];
  /** The document's text before the event (to tell a formatter's whitespace-only edits). */
  before: string;
  /** The clipboard's text when the event was seen, if it could be read. */
  clipboard?: string;
  /** True while redline's own accept command runs: that text is reported precisely elsewhere. */
  inAcceptCommand: boolean;
  /** True between will-save and did-save: format-on-save and code actions on save. */
  inSave: boolean;
}

export type ChangeClass =
  | "empty"
  | "undo"
  | "redo"
  | "accept-command"
  | "save-participant"
  | "multi-edit"
  | "whole-document"
  | "whitespace-only"
  | "paste"
  | "small"
  | "large-insert";

/** The server's own heuristic thresholds: at least 2 non-blank lines or 80 characters. */
export const HEURISTIC_MIN_LINES = 2;
export const HEURISTIC_MIN_CHARS = 80;

export function isLargeInsertion(text: string): boolean {
  if (text.length >= HEURISTIC_MIN_CHARS) return true;
  let lines = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim().length > 0) lines++;
  }
  return lines >= HEURISTIC_MIN_LINES;
}

/** Whitespace removed: a formatter's edit leaves this the same. */
export function squeezeWhitespace(s: string): string {
  return s.replace(/\s+/g, "");
}

/** Line endings made \n and outer whitespace trimmed: how pasted text is compared with the clipboard. */
export function normalizeForPaste(s: string): string {
  return s.replace(/\r\n?/g, "\n").trim();
}

/** Whether `inserted` is what the clipboard held (also after format-on-paste re-indented it). */
export function isPaste(inserted: string, clipboard: string | undefined): boolean {
  if (clipboard === undefined || clipboard.length === 0) return false;
  const a = normalizeForPaste(inserted);
  const b = normalizeForPaste(clipboard);
  if (a.length === 0) return false;
  if (a === b) return true;
  return squeezeWhitespace(a) === squeezeWhitespace(b);
}

/**
 * What a change event is. Only "large-insert" may be reported as AI text, and only in the
 * opt-in heuristic mode; the precise reports come from the accept commands.
 */
export function classifyChange(ev: ChangeEventInput): ChangeClass {
  if (ev.changes.length === 0) return "empty";
  if (ev.reason === "undo") return "undo";
  if (ev.reason === "redo") return "redo";
  if (ev.inAcceptCommand) return "accept-command";
  if (ev.inSave) return "save-participant";
  // The server's heuristic counts a single change; formatters, multi-cursor typing and
  // refactorings arrive as several.
  if (ev.changes.length > 1) return "multi-edit";
  const c = ev.changes[0];
  if (c.rangeLength > 0 && c.rangeOffset === 0 && c.rangeLength === ev.before.length) {
    return "whole-document"; // a reload from disk, a revert, or a formatter that replaces it all
  }
  const replaced = ev.before.slice(c.rangeOffset, c.rangeOffset + c.rangeLength);
  if (c.rangeLength > 0 && squeezeWhitespace(replaced) === squeezeWhitespace(c.text)) {
    return "whitespace-only";
  }
  if (!isLargeInsertion(c.text)) return "small";
  if (isPaste(c.text, ev.clipboard)) return "paste";
  return "large-insert";
}

/** Applies one content change to a text (to keep a per-document snapshot current). */
export function applyChange(text: string, c: ChangeInput): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

/**
 * Applies the changes of one event in the order given: like LSP's incremental sync, each
 * change's offsets are in the document as the changes before it left it (VS Code's
 * extension host applies `contentChanges` the same way).
 */
export function applyChanges(text: string, changes: ChangeInput[]): string {
  let out = text;
  for (const c of changes) out = applyChange(out, c);
  return out;
}

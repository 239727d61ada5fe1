// The redline VS Code extension: starts `redline lsp`, reports AI-written text to it, and shows
// what it finds. The decisions (diffing, classifying changes, naming the tool) live in ./core,
// which does not import `vscode` and is unit-tested in plain node.
import * as fs from "node:fs";
import * as vscode from "vscode";
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
} from "vscode-languageclient/node";
import { findBinary } from "./core/binary";
import { applyChanges, classifyChange, type ChangeClass } from "./core/classify";
import { diffInsertions, toLspRanges, type Range as LspRange } from "./core/diff";
import { CHAT_EXTENSIONS, guessTool, INLINE_COMPLETION_EXTENSIONS } from "./core/tools";
import { statusView } from "./core/status";

type Kind = "inline-completion" | "chat-edit" | "agent" | "manual" | "heuristic" | "imported";

interface Origin {
  tool: string;
  kind?: Kind;
  model?: string;
}

interface RegionsResult {
  uri: string;
  version: number;
  regions: Array<{
    id: number;
    range: LspRange;
    origin: Origin;
    findings: Array<{ category: string; severity: string; range: LspRange; reviewed: boolean; hotspot?: string }>;
  }>;
}

/** The API other extensions get from `vscode.extensions.getExtension("redline.redline").exports`. */
export interface RedlineApi {
  /** Reports text that an AI tool wrote into `document` at its current version. */
  reportAiEdit(uri: vscode.Uri, ranges: vscode.Range[], origin: Origin): Promise<void>;
}

const SOURCE = "redline";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let decorations: Decorations | undefined;
/** Per open document: its text as of the last change event we saw (for paste/format checks). */
const snapshots = new Map<string, string>();
/** Documents between will-save and did-save. */
const saving = new Set<string>();
/** >0 while one of our accept commands runs. */
let acceptDepth = 0;

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration("redline");
}

function reportingMode(): "client" | "heuristic" | "off" {
  const m = config().get<string>("aiEditReporting", "client");
  return m === "heuristic" || m === "off" ? m : "client";
}

export async function activate(context: vscode.ExtensionContext): Promise<RedlineApi> {
  output = vscode.window.createOutputChannel("Redline", { log: true });
  status = vscode.window.createStatusBarItem("redline.status", vscode.StatusBarAlignment.Left, 50);
  status.name = "Redline";
  status.command = "redline.openProblems";
  context.subscriptions.push(output, status);
  decorations = new Decorations(context);
  context.subscriptions.push(decorations);

  const reg = (id: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  // The accept commands that the contributed keybindings (Tab, Ctrl+Right) run instead of the
  // built-in ones: snapshot, run the built-in, diff, report.
  reg("redline.acceptInlineSuggestion", () => acceptWith("editor.action.inlineSuggest.commit"));
  reg("redline.acceptInlineSuggestionNextWord", () => acceptWith("editor.action.inlineSuggest.acceptNextWord"));
  reg("redline.acceptInlineSuggestionNextLine", () => acceptWith("editor.action.inlineSuggest.acceptNextLine"));

  reg("redline.signOffOnAiChange", signOffCommand);
  reg("redline.markSelectionAsAi", markSelectionCommand);
  reg("redline.showProvenanceHere", showProvenanceCommand);
  reg("redline.restartServer", restartServer);
  reg("redline.openProblems", openProblems);
  reg("redline.reportAiEdit", (uri: vscode.Uri, ranges: vscode.Range[], origin: Origin) =>
    reportAiEdit(uri, ranges, origin),
  );

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => snapshots.set(d.uri.toString(), d.getText())),
    vscode.workspace.onDidCloseTextDocument((d) => snapshots.delete(d.uri.toString())),
    vscode.workspace.onWillSaveTextDocument((e) => {
      const key = e.document.uri.toString();
      saving.add(key);
      // A save that never completes must not leave the document excluded for good.
      setTimeout(() => saving.delete(key), 5000);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => saving.delete(d.uri.toString())),
    vscode.workspace.onDidChangeTextDocument(onDidChange),
    vscode.languages.onDidChangeDiagnostics(() => {
      updateStatus();
      decorations?.refreshVisible();
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => decorations?.refreshVisible()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("redline.path") || e.affectsConfiguration("redline.aiEditReporting") ||
          e.affectsConfiguration("redline.identity")) {
        await restartServer();
      }
      if (e.affectsConfiguration("redline.decorations")) decorations?.reset();
    }),
  );
  for (const d of vscode.workspace.textDocuments) snapshots.set(d.uri.toString(), d.getText());

  context.subscriptions.push({ dispose: () => void deactivate() });
  await startServer();
  return { reportAiEdit };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (!c) return;
  try {
    await c.stop();
  } catch {
    // it was not running (a failed start): nothing to stop
  }
}

// ---------------------------------------------------------------------------------------------
// The server

async function startServer(): Promise<void> {
  const lookup = findBinary(config().get<string>("path"), process.env.PATH, isExecutable);
  if (!lookup.found) {
    updateStatus();
    output.appendLine(lookup.error!);
    const choice = await vscode.window.showErrorMessage(lookup.error!, "Open Settings");
    if (choice === "Open Settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "redline.path");
    }
    return;
  }
  output.appendLine(`Starting ${lookup.found} lsp`);
  const serverOptions: ServerOptions = {
    command: lookup.found,
    args: ["lsp"],
    // No `transport`: with TransportKind.stdio the client appends `--stdio`, which `redline lsp`
    // rejects; without it the client talks over stdio all the same.
  };
  const identity = config().get<string>("identity", "").trim();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: "file" }],
    outputChannel: output,
    diagnosticCollectionName: SOURCE,
    initializationOptions: {
      // The extension itself does the heuristic, so that pastes, undo/redo and formatters are
      // never counted; the server only marks what the extension reports.
      aiEditReporting: reportingMode() === "off" ? "off" : "client",
      ...(identity ? { identity } : {}),
    },
  };
  const c = new LanguageClient("redline", "Redline", serverOptions, clientOptions);
  c.onDidChangeState((e: { newState: State }) => {
    if (e.newState === State.Running) decorations?.refreshVisible();
    updateStatus();
  });
  client = c;
  try {
    await c.start();
  } catch (err) {
    const msg = `Redline: the language server (${lookup.found} lsp) did not start: ${errorText(err)}`;
    output.appendLine(msg);
    void vscode.window.showErrorMessage(msg);
  }
  updateStatus();
}

async function restartServer(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (err) {
      output.appendLine(`stopping the server: ${errorText(err)}`);
    }
  }
  decorations?.clearAll();
  await startServer();
}

function running(): LanguageClient | undefined {
  return client && client.state === State.Running ? client : undefined;
}

function isExecutable(p: string): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// ---------------------------------------------------------------------------------------------
// Reporting AI text

function inlineTool(): string {
  return guessTool(
    config().get<string>("aiTool"),
    vscode.env.appName,
    activeExtensionIds(),
    INLINE_COMPLETION_EXTENSIONS,
  );
}

function chatTool(): string {
  return guessTool(config().get<string>("aiTool"), vscode.env.appName, activeExtensionIds(), CHAT_EXTENSIONS);
}

function activeExtensionIds(): string[] {
  return vscode.extensions.all.filter((e) => e.isActive).map((e) => e.id);
}

async function sendAiEdit(document: vscode.TextDocument, version: number, ranges: LspRange[], origin: Origin) {
  const c = running();
  if (!c || ranges.length === 0 || reportingMode() === "off") return;
  const params = {
    textDocument: { uri: c.code2ProtocolConverter.asUri(document.uri), version },
    ranges,
    origin,
  };
  output.appendLine(`redline/aiEdit ${JSON.stringify(params)}`);
  await c.sendNotification("redline/aiEdit", params);
}

async function reportAiEdit(uri: vscode.Uri, ranges: vscode.Range[], origin: Origin): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const c = running();
  if (!c) return;
  await sendAiEdit(
    doc,
    doc.version,
    ranges.map((r) => c.code2ProtocolConverter.asRange(r)),
    { tool: origin.tool, kind: origin.kind ?? "chat-edit", ...(origin.model ? { model: origin.model } : {}) },
  );
}

/**
 * Runs a built-in inline-suggestion accept command and reports what it inserted: the text
 * before, the text after the change it made (caught from the change event, so later typing is
 * not included), and the diff of the two.
 */
async function acceptWith(builtin: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    await vscode.commands.executeCommand(builtin);
    return;
  }
  const document = editor.document;
  const before = document.getText();
  const beforeVersion = document.version;
  let after: { text: string; version: number } | undefined;
  let resolveChanged: () => void = () => {};
  const changed = new Promise<void>((r) => (resolveChanged = r));
  const sub = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === document && e.contentChanges.length > 0) {
      after = { text: e.document.getText(), version: e.document.version };
      resolveChanged();
    }
  });
  acceptDepth++;
  try {
    await vscode.commands.executeCommand(builtin);
    if (!after && document.version === beforeVersion) {
      await Promise.race([changed, new Promise((r) => setTimeout(r, 300))]);
    }
  } finally {
    sub.dispose();
    // Let change events already queued for this accept see the flag.
    setTimeout(() => acceptDepth--, 0);
  }
  if (!after) {
    if (document.version === beforeVersion) {
      output.info(`${builtin}: nothing was inserted`);
      return;
    }
    after = { text: document.getText(), version: document.version };
  }
  const inserted = diffInsertions(before, after.text);
  if (inserted.length === 0) return;
  await sendAiEdit(document, after.version, toLspRanges(after.text, inserted), {
    tool: inlineTool(),
    kind: "inline-completion",
  });
}

/** Every change: keep the snapshot, and in heuristic mode report large non-paste insertions. */
async function onDidChange(e: vscode.TextDocumentChangeEvent): Promise<void> {
  const key = e.document.uri.toString();
  const before = snapshots.get(key);
  const afterText = e.document.getText();
  const afterVersion = e.document.version;
  snapshots.set(key, afterText);
  if (e.contentChanges.length === 0 || before === undefined) return;
  decorations?.scheduleRefresh(e.document);
  if (reportingMode() !== "heuristic" || e.document.uri.scheme !== "file") return;

  const reason =
    e.reason === vscode.TextDocumentChangeReason.Undo
      ? "undo"
      : e.reason === vscode.TextDocumentChangeReason.Redo
        ? "redo"
        : undefined;
  const changes = e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
  const base = {
    reason,
    changes,
    before,
    inAcceptCommand: acceptDepth > 0,
    inSave: saving.has(key),
  } as const;
  let cls: ChangeClass = classifyChange(base);
  if (cls === "large-insert") {
    // Only now read the clipboard: a paste is never AI text.
    let clipboard: string | undefined;
    try {
      clipboard = await vscode.env.clipboard.readText();
    } catch {
      clipboard = undefined;
    }
    cls = classifyChange({ ...base, clipboard });
  }
  if (cls !== "large-insert") return;
  // Check the snapshot logic kept up (it is what the clipboard and format checks rely on).
  if (applyChanges(before, changes) !== afterText) {
    output.appendLine(`heuristic: lost track of ${key}; not reporting this change`);
    return;
  }
  const c = changes[0];
  const start = c.rangeOffset;
  const ranges = toLspRanges(afterText, [{ start, end: start + c.text.length }]);
  await sendAiEdit(e.document, afterVersion, ranges, { tool: chatTool(), kind: "heuristic" });
}

// ---------------------------------------------------------------------------------------------
// Commands

function activeFileEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage("Redline: open a file first.");
    return undefined;
  }
  return editor;
}

function requireServer(): LanguageClient | undefined {
  const c = running();
  if (!c) {
    void vscode.window.showErrorMessage('Redline: the language server is not running. Run "Redline: Restart Server".');
  }
  return c;
}

/**
 * Signs off: the selection when there is one, else the redline finding under the cursor, else
 * every unreviewed finding in the file. Also callable with (uri, range).
 */
async function signOffCommand(uriArg?: vscode.Uri | string, rangeArg?: vscode.Range): Promise<unknown> {
  const c = requireServer();
  if (!c) return undefined;
  let uri: vscode.Uri;
  let range: vscode.Range | undefined = rangeArg;
  if (uriArg) {
    uri = typeof uriArg === "string" ? vscode.Uri.parse(uriArg) : uriArg;
  } else {
    const editor = activeFileEditor();
    if (!editor) return undefined;
    uri = editor.document.uri;
    if (!editor.selection.isEmpty) {
      range = editor.selection;
    } else {
      const here = vscode.languages
        .getDiagnostics(uri)
        .find((d) => d.source === SOURCE && d.range.contains(editor.selection.active));
      range = here?.range;
    }
  }
  const arg: { uri: string; range?: LspRange } = { uri: c.code2ProtocolConverter.asUri(uri) };
  if (range) arg.range = c.code2ProtocolConverter.asRange(range);
  try {
    const result = (await c.sendRequest("workspace/executeCommand", {
      command: "redline.signOff",
      arguments: [arg],
    })) as { signedOff?: number; reviewer?: string } | null;
    const n = result?.signedOff ?? 0;
    const who = result?.reviewer ? ` as ${result.reviewer}` : "";
    const what = range ? "here" : "in this file";
    void vscode.window.showInformationMessage(
      n === 0 ? `Redline: no AI change ${what} needed sign-off.` : `Redline: signed off ${n} AI change${n === 1 ? "" : "s"}${who}.`,
    );
    decorations?.refresh(uri);
    return result;
  } catch (err) {
    void vscode.window.showErrorMessage(`Redline: sign-off refused: ${errorText(err)}`);
    return undefined;
  }
}

/** Marks the selection (whole lines when it is empty: the cursor's line) as AI-written. */
async function markSelectionCommand(): Promise<unknown> {
  const c = requireServer();
  const editor = activeFileEditor();
  if (!c || !editor) return undefined;
  const ranges = editor.selections.map((s) =>
    s.isEmpty ? editor.document.lineAt(s.active.line).rangeIncludingLineBreak : new vscode.Range(s.start, s.end),
  );
  const picked = await vscode.window.showQuickPick(
    [
      { label: "Chat edit", aiKind: "chat-edit" as Kind, description: "pasted or applied from an AI chat" },
      { label: "Agent", aiKind: "agent" as Kind, description: "written by an AI agent" },
      { label: "Inline completion", aiKind: "inline-completion" as Kind, description: "an accepted AI completion" },
      { label: "Other AI text", aiKind: "manual" as Kind, description: "marked by hand" },
    ],
    { title: "Redline: who wrote the selection?", placeHolder: "Kind of AI text" },
  );
  if (!picked) return undefined;
  const tool = picked.aiKind === "inline-completion" ? inlineTool() : chatTool();
  try {
    const result = await c.sendRequest("workspace/executeCommand", {
      command: "redline.markAi",
      arguments: [
        {
          uri: c.code2ProtocolConverter.asUri(editor.document.uri),
          ranges: ranges.map((r) => c.code2ProtocolConverter.asRange(r)),
          origin: { tool, kind: picked.aiKind },
        },
      ],
    });
    decorations?.refresh(editor.document.uri);
    return result;
  } catch (err) {
    void vscode.window.showErrorMessage(`Redline: could not mark the selection: ${errorText(err)}`);
    return undefined;
  }
}

async function showProvenanceCommand(): Promise<unknown> {
  const c = requireServer();
  const editor = activeFileEditor();
  if (!c || !editor) return undefined;
  const arg: { uri: string; range?: LspRange } = { uri: c.code2ProtocolConverter.asUri(editor.document.uri) };
  if (!editor.selection.isEmpty) arg.range = c.code2ProtocolConverter.asRange(editor.selection);
  try {
    // The server also shows the text with window/showMessage.
    const text = await c.sendRequest("workspace/executeCommand", {
      command: "redline.showProvenance",
      arguments: [arg],
    });
    output.appendLine(`Provenance of ${editor.document.uri.fsPath}:\n${String(text)}`);
    return text;
  } catch (err) {
    void vscode.window.showErrorMessage(`Redline: ${errorText(err)}`);
    return undefined;
  }
}

/**
 * Opens the Problems view. VS Code has no API (public or command) to set the Problems filter
 * text, so the view opens unfiltered; redline's rows say "redline(<category>)" and typing
 * "redline" in its filter box narrows it to them.
 */
async function openProblems(): Promise<void> {
  await vscode.commands.executeCommand("workbench.actions.view.problems");
}

// ---------------------------------------------------------------------------------------------
// Status bar

function redlineDiagnosticCount(): number {
  let n = 0;
  for (const [, diags] of vscode.languages.getDiagnostics()) {
    for (const d of diags) if (d.source === SOURCE) n++;
  }
  return n;
}

function updateStatus(): void {
  if (!status) return;
  const view = statusView(redlineDiagnosticCount(), running() !== undefined);
  status.text = view.text;
  status.tooltip = view.tooltip;
  status.show();
}

// ---------------------------------------------------------------------------------------------
// Decorations: AI-written regions from redline/regions

class Decorations implements vscode.Disposable {
  private region!: vscode.TextEditorDecorationType;
  private finding!: vscode.TextEditorDecorationType;
  private timers = new Map<string, NodeJS.Timeout>();
  private generation = new Map<string, number>();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.create();
  }

  private create(): void {
    const cfg = config();
    const gutter = cfg.get<boolean>("decorations.gutter", true);
    const background = cfg.get<boolean>("decorations.background", true);
    const icon = (name: string) => (gutter ? this.context.asAbsolutePath(`media/${name}`) : undefined);
    this.region = vscode.window.createTextEditorDecorationType({
      gutterIconPath: icon("gutter-ai.svg"),
      gutterIconSize: "contain",
      backgroundColor: background ? new vscode.ThemeColor("redline.aiRegionBackground") : undefined,
      overviewRulerColor: new vscode.ThemeColor("redline.aiRegionRuler"),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
    this.finding = vscode.window.createTextEditorDecorationType({
      gutterIconPath: icon("gutter-review.svg"),
      gutterIconSize: "contain",
      backgroundColor: background ? new vscode.ThemeColor("redline.aiFindingBackground") : undefined,
      overviewRulerColor: new vscode.ThemeColor("redline.aiFindingRuler"),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  }

  private enabled(): boolean {
    return config().get<boolean>("decorations.enabled", true);
  }

  reset(): void {
    this.region.dispose();
    this.finding.dispose();
    this.create();
    this.refreshVisible();
  }

  clearAll(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      editor.setDecorations(this.region, []);
      editor.setDecorations(this.finding, []);
    }
  }

  refreshVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) this.scheduleRefresh(editor.document, 50);
  }

  scheduleRefresh(document: vscode.TextDocument, delay = 250): void {
    const key = document.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(document.uri);
      }, delay),
    );
  }

  async refresh(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (editors.length === 0) return;
    const c = running();
    if (!c || !this.enabled() || uri.scheme !== "file") {
      for (const e of editors) {
        e.setDecorations(this.region, []);
        e.setDecorations(this.finding, []);
      }
      return;
    }
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    let result: RegionsResult | null;
    try {
      result = await c.sendRequest<RegionsResult | null>("redline/regions", {
        textDocument: { uri: c.code2ProtocolConverter.asUri(uri) },
      });
    } catch (err) {
      output.appendLine(`redline/regions failed for ${uri.fsPath}: ${errorText(err)}`);
      return;
    }
    if (this.generation.get(key) !== gen) return; // a newer request is on its way
    const doc = editors[0].document;
    if (result && result.version !== doc.version) {
      this.scheduleRefresh(doc); // the server has not seen the latest edit yet
    }
    const plain: vscode.DecorationOptions[] = [];
    const review: vscode.DecorationOptions[] = [];
    for (const region of result?.regions ?? []) {
      let range = c.protocol2CodeConverter.asRange(region.range);
      // A region that ends at the start of a line (its text ended with a line break) is drawn
      // up to the end of the line before, so the gutter does not mark a line it has no text on.
      if (range.end.character === 0 && range.end.line > range.start.line) {
        range = new vscode.Range(range.start, doc.lineAt(range.end.line - 1).range.end);
      }
      const open = region.findings.filter((f) => !f.reviewed);
      // No hover here: the server's hover already says who wrote it and what it touches.
      (open.length ? review : plain).push({ range });
    }
    for (const e of editors) {
      e.setDecorations(this.region, plain);
      e.setDecorations(this.finding, review);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.region.dispose();
    this.finding.dispose();
  }
}

// End-to-end test of the redline extension in a real VS Code (code-server), driven by
// Playwright in Debian's headless Chromium. Run by test/run.sh, which prepares everything;
// the environment tells this script where things are:
//   CODE_SERVER   the code-server launcher       NODE24_BIN  directory of Node 24's `node`
//   CHROMIUM      the Chromium binary            REDLINE_BIN the redline binary
//   REDLINE_VSIX  the extension under test       FAKE_AI_VSIX the test-only AI extension
//   RESULTS_DIR   where screenshots and logs go
// It asserts on what a user sees: the editor text, the status bar, the Problems view, the
// notifications; and on the commit gate (`redline check`) that the ledger feeds.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { chromium } from "playwright-core";

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`e2e: environment variable ${name} is not set (run test/run.sh)`);
  return v;
};
const CODE_SERVER = env("CODE_SERVER");
const NODE24_BIN = env("NODE24_BIN");
const CHROMIUM = env("CHROMIUM");
const REDLINE_BIN = env("REDLINE_BIN");
const REDLINE_VSIX = env("REDLINE_VSIX");
const FAKE_AI_VSIX = env("FAKE_AI_VSIX");
const RESULTS_DIR = env("RESULTS_DIR");

const started = Date.now();
const log = (...a) => console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...a);

let codeServer;
let context;
let failures = 0;
let passes = 0;

async function step(name, fn) {
  log(`step: ${name}`);
  try {
    await fn();
    passes++;
    log(`ok: ${name}`);
  } catch (err) {
    failures++;
    log(`FAILED: ${name}: ${err && err.stack ? err.stack : err}`);
    throw err;
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 180_000, ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(" ")}: ${r.error.message}`);
  return r;
}

function mustRun(cmd, args, opts = {}) {
  const r = run(cmd, args, opts);
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    if (codeServer && codeServer.exitCode !== null) {
      throw new Error(`code-server exited with ${codeServer.exitCode} before it answered; see code-server.log`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s (${last})`);
}

function cleanup() {
  if (codeServer && codeServer.exitCode === null) {
    try {
      process.kill(-codeServer.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
}

async function main() {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "redline-e2e-"));
  const workspace = path.join(tmp, "workspace");
  const userData = path.join(tmp, "user-data");
  const extensions = path.join(tmp, "extensions");
  const browserProfile = path.join(tmp, "chromium-profile");
  log(`scratch dir ${tmp}`);

  // A git repository with a Rust file: the server keeps its ledger in .git.
  fs.mkdirSync(path.join(workspace, "src"), { recursive: true });
  const file = path.join(workspace, "src", "session.rs");
  fs.writeFileSync(file, "// Session checks for the API gateway.\n\n");
  // Compact JSON that the built-in formatter rewrites: a formatter's edits are never AI text.
  fs.writeFileSync(
    path.join(workspace, "settings.json"),
    JSON.stringify({ service: "gateway", timeouts: { connect: 5, read: 30, idle: 300 }, hosts: ["a.internal", "b.internal", "c.internal"], retries: 3 }) + "\n",
  );
  mustRun("git", ["init", "-q", workspace]);
  mustRun("git", ["-C", workspace, "config", "user.email", "senior@example.com"]);
  mustRun("git", ["-C", workspace, "config", "user.name", "Senior Reviewer"]);
  mustRun("git", ["-C", workspace, "add", "."]);
  mustRun("git", ["-C", workspace, "commit", "-q", "-m", "start"]);

  // redline.path is a machine setting: code-server reads those from Machine/settings.json.
  fs.mkdirSync(path.join(userData, "Machine"), { recursive: true });
  fs.writeFileSync(path.join(userData, "Machine", "settings.json"), JSON.stringify({ "redline.path": REDLINE_BIN }, null, 2));
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  fs.writeFileSync(
    path.join(userData, "User", "settings.json"),
    JSON.stringify(
      {
        // The fake extension is not one redline knows; name it, as a user would for a new tool.
        "redline.aiTool": "fake-ai",
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "workbench.enableExperiments": false,
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "security.workspace.trust.enabled": false,
        "editor.inlineSuggest.enabled": true,
        // The suggest widget would take Tab; keep it out of the way.
        "editor.quickSuggestions": { other: "off", comments: "off", strings: "off" },
        "editor.suggestOnTriggerCharacters": false,
        "editor.wordBasedSuggestions": "off",
        "editor.autoClosingBrackets": "never",
        "git.enabled": false,
        "telemetry.telemetryLevel": "off",
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "update.mode": "none",
        "chat.commandCenter.enabled": false,
      },
      null,
      2,
    ),
  );

  const pathWithNode24 = `${NODE24_BIN}:${process.env.PATH}`;
  const csEnv = { ...process.env, PATH: pathWithNode24 };
  // Its own config file, so nothing is written to ~/.config/code-server.
  const csConfig = path.join(tmp, "code-server.yaml");
  fs.writeFileSync(csConfig, "auth: none\n");
  await step("install the extensions into code-server", async () => {
    for (const vsix of [REDLINE_VSIX, FAKE_AI_VSIX]) {
      const r = mustRun(
        CODE_SERVER,
        ["--config", csConfig, "--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", vsix, "--force"],
        { env: csEnv },
      );
      log(r.stdout.trim());
    }
    const list = mustRun(CODE_SERVER, ["--config", csConfig, "--user-data-dir", userData, "--extensions-dir", extensions, "--list-extensions"], {
      env: csEnv,
    }).stdout;
    if (!/redline\.redline/i.test(list)) throw new Error(`redline.redline is not installed: ${list}`);
    if (!/redline-test\.fake-ai/i.test(list)) throw new Error(`redline-test.fake-ai is not installed: ${list}`);
  });

  const port = await freePort();
  const csLog = fs.openSync(path.join(RESULTS_DIR, "code-server.log"), "w");
  await step("start code-server", async () => {
    codeServer = spawn(
      CODE_SERVER,
      [
        "--bind-addr", `127.0.0.1:${port}`,
        "--auth", "none",
        "--config", csConfig,
        "--user-data-dir", userData,
        "--extensions-dir", extensions,
        "--disable-telemetry",
        "--disable-update-check",
        "--disable-workspace-trust",
        "--disable-getting-started-override",
        "--ignore-last-opened",
        workspace,
      ],
      { env: csEnv, stdio: ["ignore", csLog, csLog], detached: true },
    );
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 120_000);
  });

  context = await chromium.launchPersistentContext(browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const browserLog = [];
  page.on("console", (m) => browserLog.push(`[${m.type()}] ${m.text()}`));
  page.on("pageerror", (e) => browserLog.push(`[pageerror] ${e.message}`));
  const shot = async (name) => {
    const p = path.join(RESULTS_DIR, `${name}.png`);
    await page.screenshot({ path: p });
    log(`screenshot ${p}`);
  };

  const status = page.locator(".statusbar-item", { hasText: "Redline:" }).first();
  const editor = page.locator(".monaco-editor .view-lines").first();

  try {
    await step("open the workspace and the Rust file", async () => {
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120_000 });
      await page.locator(".monaco-workbench").waitFor({ timeout: 120_000 });
      // Wait until the explorer shows the folder, then open the file with Quick Open.
      await page.locator(".explorer-folders-view, .explorer-viewlet").first().waitFor({ timeout: 120_000 });
      await openFile(page, "session.rs");
      await page.locator(".tab", { hasText: "session.rs" }).first().waitFor({ timeout: 60_000 });
      await editor.waitFor({ timeout: 60_000 });
    });

    await step("the status bar shows the server running with nothing to review", async () => {
      await expectText(status, /Redline: 0 to review/, 120_000);
    });

    await step("an inline completion is offered and accepted with Tab", async () => {
      await editor.click();
      await page.keyboard.press("Control+End");
      await page.keyboard.type("pub fn verify_", { delay: 40 });
      const ghost = page.locator(".monaco-editor .ghost-text-decoration, .monaco-editor .ghost-text").first();
      await ghost.waitFor({ timeout: 60_000 });
      await shot("1-inline-suggestion");
      await new Promise((r) => setTimeout(r, 500));
      await page.keyboard.press("Tab");
      await expectText(editor, /token == "s3cret-token"/, 30_000);
      const text = await visibleText(editor);
      if (!/pub fn verify_token\(token: &str\) -> bool \{/.test(text)) {
        throw new Error(`the completion was not inserted as one function; the editor shows:\n${text}`);
      }
    });

    await step("the accepted text is reported: an auth diagnostic and the status bar count", async () => {
      await expectText(status, /Redline: 1 to review/, 60_000);
      // The squiggle is in the editor.
      await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 30_000 });
      // The region decoration (gutter mark) is drawn.
      await page.locator(".monaco-editor .cgmr, .monaco-editor .margin-view-overlays [class*='ced-']").first()
        .waitFor({ timeout: 30_000 });
    });

    await step("clicking the status bar opens Problems with the redline finding", async () => {
      await status.click();
      const panel = page.locator(".markers-panel").first();
      await panel.waitFor({ timeout: 30_000 });
      const row = panel.locator(".monaco-list-row", { hasText: "needs senior review" }).first();
      await row.waitFor({ timeout: 30_000 });
      const rowText = await row.innerText();
      if (!/redline/.test(rowText) || !/auth/.test(rowText)) {
        throw new Error(`the Problems row does not name redline and auth: ${rowText}`);
      }
      const badge = await problemsCount(page);
      log(`Problems badge: ${badge}`);
      if (badge !== 1) throw new Error(`the Problems badge shows ${badge}, expected 1`);
      await shot("2-finding");
    });

    await step("hovering the AI text says who wrote it and what it touches", async () => {
      const line = page.locator(".monaco-editor .view-line", { hasText: "is_empty" }).first();
      await line.hover({ position: { x: 120, y: 8 } });
      const hover = page.locator(".monaco-hover", { hasText: "AI-written" }).first();
      await hover.waitFor({ timeout: 30_000 });
      const text = await visibleText(hover);
      if (!/fake-ai/.test(text) || !/high-impact code/.test(text)) {
        throw new Error(`the hover does not name the tool and the high-impact code: ${text}`);
      }
      log(`hover: ${text.replace(/\s+/g, " ").slice(0, 300)}`);
      await page.keyboard.press("Escape");
      await page.mouse.move(5, 5);
    });

    await step("Show Provenance names the AI tool", async () => {
      await runCommand(page, "Redline: Show Provenance");
      const note = page.locator(".notifications-toasts .notification-toast", { hasText: "fake-ai" }).first();
      await note.waitFor({ timeout: 30_000 });
      log(`provenance: ${(await note.innerText()).replace(/\s+/g, " ").slice(0, 300)}`);
      await page.keyboard.press("Escape");
    });

    await step("the commit gate sees the AI change once the file is saved", async () => {
      await editor.click();
      await page.keyboard.press("Control+S");
      await waitFor(async () => (await page.locator(".tab.dirty", { hasText: "session.rs" }).count()) === 0, 30_000,
        "the file to be saved");
      const r = await waitForCheck(workspace, 1, 30_000);
      log(`redline check (before sign-off): exit ${r.status}: ${r.stdout.trim().split("\n").pop()}`);
    });

    await step("Sign Off on AI Change clears the finding", async () => {
      await editor.click();
      await runCommand(page, "Redline: Sign Off on AI Change");
      await page.locator(".notifications-toasts .notification-toast", { hasText: "signed off 1 AI change" }).first()
        .waitFor({ timeout: 30_000 });
      await expectText(status, /Redline: 0 to review/, 60_000);
      await page.locator(".markers-panel .monaco-list-row", { hasText: "needs senior review" }).first()
        .waitFor({ state: "detached", timeout: 30_000 });
      const badge = await problemsCount(page);
      if (badge !== 0) throw new Error(`the Problems badge shows ${badge} after sign-off, expected 0`);
      if ((await page.locator(".monaco-editor .squiggly-error").count()) !== 0) {
        throw new Error("a squiggle is still shown after sign-off");
      }
      await shot("3-signed-off");
      const r = await waitForCheck(workspace, 0, 30_000);
      log(`redline check (after sign-off): exit ${r.status}: ${r.stdout.trim().split("\n").pop()}`);
    });

    // Heuristic mode: chat and agent edits, which VS Code does not attribute, are caught as large
    // insertions; a paste, an undo and a redo never are.
    await step("switching to heuristic mode restarts the server", async () => {
      await runCommand(page, "Fake AI: Set redline.aiEditReporting to heuristic");
      await waitFor(() => redlineLog(userData).split(/Starting .* lsp/).length - 1 >= 2, 60_000,
        "the server to restart (\"Starting ... lsp\" twice in the Redline log)");
      await expectText(status, /Redline: 0 to review/, 60_000);
    });

    await step("a paste of a large auth function is not counted as AI", async () => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: `http://127.0.0.1:${port}` });
      await page.evaluate((t) => navigator.clipboard.writeText(t), PASTED);
      await editor.click();
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Control+V");
      await expectText(editor, /fn check_password/, 30_000);
      // Give a wrong report time to arrive; the next step checks again with a positive signal.
      await new Promise((r) => setTimeout(r, 3000));
      await expectText(status, /Redline: 0 to review/, 1_000);
    });

    await step("a chat-style WorkspaceEdit is caught by the heuristic, and only it", async () => {
      await runCommand(page, "Fake AI: Apply Chat Edit");
      await expectText(editor, /fn authorize_admin/, 30_000);
      await expectText(status, /Redline: 1 to review/, 60_000);
      const rows = page.locator(".markers-panel .monaco-list-row", { hasText: "needs senior review" });
      await rows.first().waitFor({ timeout: 30_000 });
      const texts = await rows.allInnerTexts();
      if (texts.length !== 1 || !/authorize_admin/.test(texts[0]) || !/heuristic/.test(texts[0])) {
        throw new Error(`expected one heuristic finding on authorize_admin (the paste is not AI), Problems shows: ${JSON.stringify(texts)}`);
      }
      await shot("4-heuristic");
    });

    await step("undo takes the AI text away; redo puts it back without counting it as AI", async () => {
      await editor.click();
      await page.keyboard.press("Control+Z");
      await waitFor(async () => !/fn authorize_admin/.test(await visibleText(editor)), 30_000, "the undo");
      await expectText(status, /Redline: 0 to review/, 60_000);
      await page.keyboard.press("Control+Shift+Z");
      await expectText(editor, /fn authorize_admin/, 30_000);
      await new Promise((r) => setTimeout(r, 4000));
      await expectText(status, /Redline: 0 to review/, 1_000);
      if (!/fn check_password/.test(await visibleText(editor))) throw new Error("the pasted function is gone");
      await shot("5-after-redo");
    });

    await step("a partial accept (Ctrl+Right, next word) is reported as an inline completion", async () => {
      await editor.click();
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      await page.keyboard.type("fn verify_", { delay: 40 });
      await page.locator(".monaco-editor .ghost-text-decoration, .monaco-editor .ghost-text").first()
        .waitFor({ timeout: 60_000 });
      await shot("6a-before-partial-accept");
      // Let the editor's context keys catch up with the ghost text before the key press.
      await new Promise((r) => setTimeout(r, 500));
      // Held like a person holds it: Ctrl goes up after the accept has run.
      await page.keyboard.down("Control");
      await page.keyboard.press("ArrowRight");
      await new Promise((r) => setTimeout(r, 400));
      await page.keyboard.up("Control");
      await expectText(editor, /\nfn verify_token/, 30_000);
      await page.keyboard.press("Escape");
      await runCommand(page, "Redline: Show Provenance");
      const note = page.locator(".notifications-toasts .notification-toast", { hasText: "AI-written text" }).last();
      await waitFor(async () => ((await visibleText(note)).match(/\(inline-completion\)/g) ?? []).length >= 2, 30_000,
        "a second inline-completion region in Show Provenance", () => visibleText(note));
      log(`provenance: ${(await visibleText(note)).replace(/\s+/g, " ").slice(0, 300)}`);
      await shot("6-partial-accept");
    });

    await step("Mark Selection as AI-Written marks the cursor's line as a chat edit", async () => {
      await page.keyboard.press("Escape");
      const line = page.locator(".monaco-editor .view-line", { hasText: "bcrypt::verify" }).first();
      await line.click({ position: { x: 60, y: 8 } });
      await runCommand(page, "Redline: Mark Selection as AI-Written");
      await page.locator(".quick-input-list .monaco-list-row", { hasText: "Chat edit" }).first().waitFor({ timeout: 30_000 });
      await page.locator(".quick-input-widget input").first().fill("Chat edit");
      await page.keyboard.press("Enter");
      await expectText(status, /Redline: 1 to review/, 60_000);
      const row = page.locator(".markers-panel .monaco-list-row", { hasText: "needs senior review" }).first();
      await row.waitFor({ timeout: 30_000 });
      const text = await visibleText(row);
      if (!/check_password/.test(text) || !/chat-edit/.test(text)) {
        throw new Error(`expected a chat-edit finding on check_password, Problems shows: ${text}`);
      }
      await shot("7-marked");
    });

    await step("Format Document's edits are not counted as AI (heuristic mode)", async () => {
      await openFile(page, "settings.json");
      await page.locator(".tab.active", { hasText: "settings.json" }).first().waitFor({ timeout: 30_000 });
      const jsonEditor = page.locator(".editor-group-container.active .monaco-editor .view-lines").first();
      await jsonEditor.click();
      await runCommand(page, "Format Document");
      await expectText(jsonEditor, /^\{\s*\n\s+"service": "gateway",/, 30_000);
      await new Promise((r) => setTimeout(r, 2000));
      await runCommand(page, "Redline: Show Provenance");
      const note = page.locator(".notifications-toasts .notification-toast", { hasText: "No AI-written text recorded here" }).first();
      await note.waitFor({ timeout: 30_000 });
      await shot("8-formatted");
    });
  } catch (err) {
    await shot("failure").catch(() => {});
    throw err;
  } finally {
    fs.writeFileSync(path.join(RESULTS_DIR, "browser-console.log"), browserLog.join("\n") + "\n");
    copyExtensionLogs(userData);
    await context.close().catch(() => {});
    cleanup();
  }
  // Passed: the scratch directory (workspace, profiles, extensions) is not needed any more.
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
}

const PASTED =
  "pub fn check_password(password: &str, hash: &str) -> bool {\n    bcrypt::verify(password, hash).unwrap_or(false)\n}\n";

/** The Redline output channel's log, all sessions. */
function redlineLog(userData) {
  let out = "";
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "Redline.log") out += fs.readFileSync(p, "utf8");
    }
  };
  try {
    walk(path.join(userData, "logs"));
  } catch {
    /* not yet */
  }
  return out;
}

async function openFile(page, name) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input").first();
  await input.waitFor({ timeout: 30_000 });
  await input.fill(name);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press("Enter");
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input").first();
  await input.waitFor({ timeout: 30_000 });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press("Enter");
}

/** The number on the Problems tab's badge (0 when there is none). */
async function problemsCount(page) {
  const tab = page.locator(".panel .composite-bar .action-item", { hasText: "Problems" }).first();
  const label = (await tab.getAttribute("aria-label").catch(() => null)) ?? "";
  const badge = tab.locator(".badge-content");
  if ((await badge.count()) > 0 && (await badge.first().isVisible())) {
    const n = parseInt((await badge.first().innerText()).trim(), 10);
    if (!Number.isNaN(n)) return n;
  }
  const m = /(\d+)/.exec(label);
  return m ? parseInt(m[1], 10) : 0;
}

/** What a locator shows, with the editor's non-breaking spaces made plain spaces. */
async function visibleText(locator) {
  return ((await locator.innerText().catch(() => "")) || "").replace(/\u00a0/g, " ");
}

async function expectText(locator, re, timeoutMs) {
  await waitFor(async () => re.test(await visibleText(locator)), timeoutMs, `text ${re}`, () => visibleText(locator));
}

async function waitFor(pred, timeoutMs, what, describe) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  const seen = describe ? `; last seen: ${JSON.stringify(await describe())}` : "";
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${seen}`);
}

/** `redline check` in the workspace, until it exits with `want` (the ledger is written asynchronously). */
async function waitForCheck(workspace, want, timeoutMs) {
  let last;
  await waitFor(async () => {
    last = run(REDLINE_BIN, ["check"], { cwd: workspace });
    return last.status === want;
  }, timeoutMs, `redline check to exit ${want}`, async () => ({ status: last?.status, out: last?.stdout, err: last?.stderr }));
  return last;
}

function copyExtensionLogs(userData) {
  // The Redline output channel is written under logs/<session>/window*/exthost/redline.redline/.
  const logs = path.join(userData, "logs");
  const out = path.join(RESULTS_DIR, "vscode-logs");
  try {
    fs.cpSync(logs, out, { recursive: true });
  } catch {
    /* no logs */
  }
}

const overall = setTimeout(() => {
  log("FAILED: the e2e test did not finish within 10 minutes");
  cleanup();
  process.exit(1);
}, 10 * 60_000);

main().then(
  () => {
    clearTimeout(overall);
    console.log(`e2e: ${passes} passed, ${failures} failed`);
    console.log(`${passes} passed, ${failures} failed`);
    process.exit(0);
  },
  (err) => {
    clearTimeout(overall);
    console.error(`e2e failed: ${err && err.stack ? err.stack : err}`);
    console.log(`${passes} passed, ${failures || 1} failed`);
    process.exit(1);
  },
);

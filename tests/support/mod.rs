//! A small synchronous LSP client for integration tests: it starts the real `redline lsp`
//! binary and speaks JSON-RPC with `Content-Length` framing over its stdin and stdout.
//!
//! Threads: a writer thread owns the server's stdin (so the test never blocks on a full pipe,
//! and can send thousands of messages without waiting), a reader thread parses every message
//! the server writes and hands it over a channel (answering the server's own requests with a
//! `null` result), and a third thread collects stderr for failure messages.
//!
//! Every wait has a generous deadline and fails with the server's state (exit status, stderr,
//! recent notifications) so that a failure on a loaded CI machine says what was going on.
//! Nothing here asserts how long anything took.
//!
//! Use it from another test file with `mod support;`.

#![allow(dead_code)] // each test crate uses a different subset

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::ops::Range;
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_redline");

/// Default deadline for one condition (a response, a diagnostic, a notification). Generous on
/// purpose: CI machines have two cores and run the tests in parallel.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// How long to wait for the process to exit after `exit`.
pub const EXIT_TIMEOUT: Duration = Duration::from_secs(15);

/// A position encoding, to compute LSP positions on the client side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16,
    Utf32,
}

impl Enc {
    /// The name LSP uses in `positionEncodings`.
    pub fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => "utf-8",
            Enc::Utf16 => "utf-16",
            Enc::Utf32 => "utf-32",
        }
    }

    /// How many units of this encoding `s` takes.
    pub fn len(self, s: &str) -> u32 {
        match self {
            Enc::Utf8 => s.len() as u32,
            Enc::Utf16 => s.encode_utf16().count() as u32,
            Enc::Utf32 => s.chars().count() as u32,
        }
    }
}

/// The (line, character) of byte `offset` in `text`, counted in `enc`.
pub fn position(text: &str, offset: usize, enc: Enc) -> (u32, u32) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() as u32;
    (line, enc.len(&text[line_start..offset]))
}

/// The byte offset of (line, character) in `text`; panics on a position that is not in it.
pub fn offset(text: &str, line: u32, character: u32, enc: Enc) -> usize {
    let mut start = 0;
    for _ in 0..line {
        start += text[start..]
            .find('\n')
            .unwrap_or_else(|| panic!("line {line} is past the end"))
            + 1;
    }
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..end].char_indices() {
        if units == character {
            return start + i;
        }
        units += enc.len(c.encode_utf8(&mut [0; 4]));
    }
    assert_eq!(
        units, character,
        "character {character} is not on line {line}"
    );
    end
}

/// An LSP `Position`.
pub fn pos(line: u32, character: u32) -> Value {
    json!({ "line": line, "character": character })
}

/// An LSP `Range` from line/character pairs.
pub fn range(sl: u32, sc: u32, el: u32, ec: u32) -> Value {
    json!({ "start": pos(sl, sc), "end": pos(el, ec) })
}

/// The LSP `Range` of the bytes `r` of `text`, counted in `enc`.
pub fn lsp_range(text: &str, r: Range<usize>, enc: Enc) -> Value {
    let (sl, sc) = position(text, r.start, enc);
    let (el, ec) = position(text, r.end, enc);
    range(sl, sc, el, ec)
}

/// The byte range of the first occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str) -> Range<usize> {
    let start = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    start..start + needle.len()
}

/// The byte range of the `n`th (0-based) occurrence of `needle` in `text`.
pub fn find_nth(text: &str, needle: &str, n: usize) -> Range<usize> {
    let (start, _) = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} does not occur {} times", n + 1));
    start..start + needle.len()
}

/// A `file://` URI for a made-up test file.
pub fn file_uri(name: &str) -> String {
    format!("file:///redline-tests/{name}")
}

/// One content change of `didChange`: `range` replaced by `text`.
pub fn change(range: Value, text: &str) -> Value {
    json!({ "range": range, "text": text })
}

enum Outgoing {
    Bytes(Vec<u8>),
    Close,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The latest `publishDiagnostics` for one URI, and the message number it arrived as.
#[derive(Debug, Clone)]
struct Published {
    seq: u64,
    params: Value,
    count: u64,
}

pub struct LspClient {
    child: Child,
    out: Sender<Outgoing>,
    rx: Receiver<Value>,
    closed: bool,
    next_id: i64,
    /// Number of messages received so far.
    seq: u64,
    responses: HashMap<i64, Value>,
    /// Responses whose id is not a number (`null` for a message the server could not parse).
    orphan_responses: Vec<Value>,
    /// Every notification and server request except `publishDiagnostics`, with its `seq`.
    notifications: Vec<(u64, Value)>,
    /// Only the latest publication per URI is kept: a stress test produces thousands.
    diagnostics: HashMap<String, Published>,
    stderr: Arc<Mutex<Vec<u8>>>,
    /// Deadline for a response to a request.
    pub request_timeout: Duration,
    /// The `InitializeResult`, once initialized.
    pub initialize_result: Option<Value>,
}

impl LspClient {
    /// Starts `redline lsp`.
    pub fn start() -> Self {
        Self::start_with(&["lsp"])
    }

    /// Starts the binary with these arguments.
    pub fn start_with(args: &[&str]) -> Self {
        let mut child = Command::new(BIN)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("NO_COLOR", "1")
            .spawn()
            .expect("start redline lsp");
        let mut stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let mut stderr_pipe = child.stderr.take().expect("stderr");

        let (out, out_rx) = mpsc::channel::<Outgoing>();
        std::thread::spawn(move || {
            for msg in out_rx {
                match msg {
                    Outgoing::Bytes(bytes) => {
                        if stdin
                            .write_all(&bytes)
                            .and_then(|()| stdin.flush())
                            .is_err()
                        {
                            // The server is gone; the reader notices and reports it.
                            return;
                        }
                    }
                    Outgoing::Close => return,
                }
            }
        });

        let (tx, rx) = mpsc::channel::<Value>();
        let replies = out.clone();
        std::thread::spawn(move || read_messages(stdout, tx, replies));

        let stderr = Arc::new(Mutex::new(Vec::new()));
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });

        LspClient {
            child,
            out,
            rx,
            closed: false,
            next_id: 1,
            seq: 0,
            responses: HashMap::new(),
            orphan_responses: Vec::new(),
            notifications: Vec::new(),
            diagnostics: HashMap::new(),
            stderr,
            request_timeout: Duration::from_secs(120),
            initialize_result: None,
        }
    }

    /// Starts a server and initializes it.
    pub fn initialized(encodings: &[&str], init_options: Value) -> Self {
        let mut client = Self::start();
        client.initialize(encodings, init_options);
        client
    }

    /// `initialize` offering these position encodings (none: the field is left out), then
    /// `initialized`. Returns the `InitializeResult`.
    pub fn initialize(&mut self, encodings: &[&str], init_options: Value) -> Value {
        let mut general = json!({});
        if !encodings.is_empty() {
            general["positionEncodings"] = json!(encodings);
        }
        let params = json!({
            "processId": std::process::id(),
            "clientInfo": { "name": "redline-tests" },
            "rootUri": null,
            "capabilities": {
                "general": general,
                "textDocument": {
                    "synchronization": { "didSave": true },
                    "publishDiagnostics": { "relatedInformation": true, "versionSupport": true },
                    "hover": { "contentFormat": ["markdown", "plaintext"] },
                    "codeAction": {
                        "codeActionLiteralSupport": {
                            "codeActionKind": { "valueSet": ["quickfix"] }
                        }
                    }
                },
                "window": { "showMessage": {} }
            },
            "initializationOptions": init_options,
        });
        let result = self
            .request("initialize", params)
            .unwrap_or_else(|e| self.fail(&format!("initialize failed: {e}")));
        self.notify("initialized", json!({}));
        self.initialize_result = Some(result.clone());
        result
    }

    /// The position encoding the server chose.
    pub fn position_encoding(&self) -> Option<String> {
        self.initialize_result.as_ref()?["capabilities"]["positionEncoding"]
            .as_str()
            .map(str::to_string)
    }

    fn send(&mut self, msg: &Value) {
        let body = serde_json::to_vec(msg).expect("serialize");
        self.write_raw(&frame(&body));
    }

    /// Writes bytes to the server's stdin as they are (for malformed-message tests).
    pub fn write_raw(&mut self, bytes: &[u8]) {
        // A send fails only if the writer thread is gone, that is, the server closed stdin;
        // the next wait reports that.
        let _ = self.out.send(Outgoing::Bytes(bytes.to_vec()));
    }

    /// Frames `body` with a correct `Content-Length` and writes it, whatever it contains.
    pub fn write_body(&mut self, body: &[u8]) {
        self.write_raw(&frame(body));
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns its id without waiting.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    /// Waits for the response to request `id`: `Ok(result)` or `Err(error)`.
    pub fn response(&mut self, id: i64, timeout: Duration) -> Result<Value, Value> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(resp) = self.responses.remove(&id) {
                return match resp.get("error") {
                    Some(e) => Err(e.clone()),
                    None => Ok(resp.get("result").cloned().unwrap_or(Value::Null)),
                };
            }
            if !self.recv_until(deadline) {
                self.fail(&format!("no response to request {id}"));
            }
        }
    }

    /// Sends a request and waits for its response; notifications that arrive meanwhile are
    /// kept for later waits.
    pub fn request(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.send_request(method, params);
        let timeout = self.request_timeout;
        self.response(id, timeout)
    }

    /// `redline/regions` for `uri`; panics on an error response.
    pub fn regions(&mut self, uri: &str) -> Value {
        self.request("redline/regions", json!({ "textDocument": { "uri": uri } }))
            .unwrap_or_else(|e| panic!("redline/regions {uri} failed: {e}"))
    }

    /// `workspace/executeCommand`.
    pub fn execute(&mut self, command: &str, argument: Value) -> Result<Value, Value> {
        self.request(
            "workspace/executeCommand",
            json!({ "command": command, "arguments": [argument] }),
        )
    }

    pub fn did_open(&mut self, uri: &str, language_id: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language_id, "version": version, "text": text
            } }),
        );
    }

    pub fn did_change(&mut self, uri: &str, version: i32, changes: Vec<Value>) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        );
    }

    /// `redline/aiEdit` for `ranges` of `uri` as of `version`.
    pub fn ai_edit(&mut self, uri: &str, version: i32, ranges: Vec<Value>, origin: Value) {
        self.notify(
            "redline/aiEdit",
            json!({ "textDocument": { "uri": uri, "version": version }, "ranges": ranges, "origin": origin }),
        );
    }

    /// A number to pass to the `_after` waits: only messages received from now on count.
    pub fn mark(&mut self) -> u64 {
        self.drain();
        self.seq
    }

    /// Receives whatever has arrived, without waiting.
    pub fn drain(&mut self) {
        while let Ok(msg) = self.rx.try_recv() {
            self.dispatch(msg);
        }
    }

    /// The latest `publishDiagnostics` params for `uri`, if any arrived.
    pub fn latest_diagnostics(&mut self, uri: &str) -> Option<Value> {
        self.drain();
        self.diagnostics.get(uri).map(|p| p.params.clone())
    }

    /// How many `publishDiagnostics` arrived for `uri`.
    pub fn publication_count(&mut self, uri: &str) -> u64 {
        self.drain();
        self.diagnostics.get(uri).map_or(0, |p| p.count)
    }

    /// Waits until the latest `publishDiagnostics` for `uri` satisfies `pred`, and returns its
    /// params. Panics with the latest publication after `timeout`.
    pub fn wait_for_diagnostics(
        &mut self,
        uri: &str,
        pred: impl Fn(&Value) -> bool,
        timeout: Duration,
    ) -> Value {
        self.wait_for_diagnostics_after(0, uri, pred, timeout)
    }

    /// [`Self::wait_for_diagnostics`], counting only publications received after `mark`.
    pub fn wait_for_diagnostics_after(
        &mut self,
        mark: u64,
        uri: &str,
        pred: impl Fn(&Value) -> bool,
        timeout: Duration,
    ) -> Value {
        match self.try_wait_for_diagnostics_after(mark, uri, pred, timeout) {
            Some(v) => v,
            None => {
                let latest = self.diagnostics.get(uri).map(|p| p.params.clone());
                self.fail(&format!(
                    "no matching publishDiagnostics for {uri}; the latest was:\n{}",
                    pretty(&latest.unwrap_or(Value::Null))
                ))
            }
        }
    }

    /// Like [`Self::wait_for_diagnostics_after`], but returns `None` on timeout.
    pub fn try_wait_for_diagnostics_after(
        &mut self,
        mark: u64,
        uri: &str,
        pred: impl Fn(&Value) -> bool,
        timeout: Duration,
    ) -> Option<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            self.drain();
            if let Some(p) = self.diagnostics.get(uri)
                && p.seq > mark
                && pred(&p.params)
            {
                return Some(p.params.clone());
            }
            if !self.recv_until(deadline) {
                return None;
            }
        }
    }

    /// Waits for a notification (or server request) with `method` whose params satisfy
    /// `pred`, among all received so far and those still to come.
    pub fn wait_for_notification(
        &mut self,
        method: &str,
        pred: impl Fn(&Value) -> bool,
        timeout: Duration,
    ) -> Value {
        self.wait_for_notification_after(0, method, pred, timeout)
    }

    pub fn wait_for_notification_after(
        &mut self,
        mark: u64,
        method: &str,
        pred: impl Fn(&Value) -> bool,
        timeout: Duration,
    ) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            self.drain();
            if let Some((_, n)) = self
                .notifications
                .iter()
                .find(|(seq, n)| *seq > mark && n["method"] == method && pred(&n["params"]))
            {
                return n["params"].clone();
            }
            if !self.recv_until(deadline) {
                self.fail(&format!("no matching {method} notification"));
            }
        }
    }

    /// Every notification received so far with `method` (params only).
    pub fn notifications(&mut self, method: &str) -> Vec<Value> {
        self.drain();
        self.notifications
            .iter()
            .filter(|(_, n)| n["method"] == method)
            .map(|(_, n)| n["params"].clone())
            .collect()
    }

    /// Responses that carried no usable id (the server's answer to an unparseable message).
    pub fn orphan_responses(&mut self) -> Vec<Value> {
        self.drain();
        self.orphan_responses.clone()
    }

    /// What the server wrote to stderr so far.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The server's resident memory in kB (`VmRSS`), 0 if it cannot be read.
    pub fn rss_kb(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|v| v.parse().ok())
            })
            .unwrap_or(0)
    }

    /// The exit status, if the server has exited.
    pub fn exit_status(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// `shutdown`, then `exit`; asserts that the process exits with status 0.
    pub fn shutdown(&mut self) {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Ok(Value::Null), "shutdown response");
        self.notify("exit", Value::Null);
        let _ = self.out.send(Outgoing::Close);
        let status = self
            .wait_exit(EXIT_TIMEOUT)
            .unwrap_or_else(|| self.fail("the server did not exit after shutdown and exit"));
        assert!(
            status.success(),
            "the server exited with {status} after shutdown and exit; stderr:\n{}",
            self.stderr()
        );
    }

    /// Waits for the process to exit.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.exit_status() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn recv_until(&mut self, deadline: Instant) -> bool {
        if self.closed {
            return false;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(msg) => {
                self.dispatch(msg);
                true
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => {
                self.closed = true;
                false
            }
        }
    }

    fn dispatch(&mut self, msg: Value) {
        self.seq += 1;
        if let Some(method) = msg.get("method").and_then(Value::as_str) {
            if method == "textDocument/publishDiagnostics" {
                let uri = msg["params"]["uri"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                let count = self.diagnostics.get(&uri).map_or(0, |p| p.count) + 1;
                self.diagnostics.insert(
                    uri,
                    Published {
                        seq: self.seq,
                        params: msg["params"].clone(),
                        count,
                    },
                );
            } else {
                self.notifications.push((self.seq, msg));
            }
        } else if let Some(id) = msg.get("id").and_then(Value::as_i64) {
            self.responses.insert(id, msg);
        } else {
            self.orphan_responses.push(msg);
        }
    }

    /// Panics with what the server was doing.
    pub fn fail(&mut self, what: &str) -> ! {
        self.drain();
        // Give a dying process a moment so that its status and stderr are complete.
        let status = self
            .wait_exit(Duration::from_millis(500))
            .map_or("still running".to_string(), |s| s.to_string());
        let recent: Vec<String> = self
            .notifications
            .iter()
            .rev()
            .take(10)
            .map(|(_, n)| n.to_string())
            .collect();
        panic!(
            "{what}\nserver: {status}{}\nrecent notifications (newest first):\n{}\nstderr:\n{}",
            if self.closed { ", output closed" } else { "" },
            recent.join("\n"),
            self.stderr()
        );
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        let _ = self.out.send(Outgoing::Close);
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

fn read_messages(stdout: ChildStdout, tx: Sender<Value>, replies: Sender<Outgoing>) {
    let mut reader = BufReader::new(stdout);
    loop {
        let mut content_length: Option<usize> = None;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                content_length = value.trim().parse().ok();
            }
        }
        let Some(len) = content_length else {
            let _ =
                tx.send(json!({ "method": "$/clientError", "params": "missing Content-Length" }));
            return;
        };
        let mut body = vec![0; len];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let msg: Value = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => json!({
                "method": "$/clientError",
                "params": format!("unparseable message from the server ({e}): {}", String::from_utf8_lossy(&body)),
            }),
        };
        // A request from the server: answer it so that the server never waits on us.
        if msg.get("method").is_some()
            && let Some(id) = msg.get("id")
        {
            let reply = json!({ "jsonrpc": "2.0", "id": id, "result": null });
            let _ = replies.send(Outgoing::Bytes(frame(&serde_json::to_vec(&reply).unwrap())));
        }
        if tx.send(msg).is_err() {
            return;
        }
    }
}

/// Pretty JSON for failure messages.
pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// A deterministic pseudo-random sequence (Knuth's MMIX LCG), so that no crate is needed and
/// every run sends the same edits.
#[derive(Debug, Clone)]
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    pub fn next_u32(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0);
        (self.next_u32() as usize) % n
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.next_u32() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

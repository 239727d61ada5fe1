//! The LSP adapter: the only module that knows LSP types and JSON-RPC.
//!
//! Ordering: tower-lsp-server runs up to four handlers at once, but it first polls each
//! handler's future in the order the messages arrived. Every handler here changes state
//! synchronously, before its first `.await`, so changes land in the client's order; versions
//! are checked as well, and a stale change is refused rather than applied. Diagnostics are
//! published by one task that always reads the latest state, so the last publication for a
//! document reflects its last change.

pub mod protocol;
mod session;
mod transport;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use dashmap::DashMap;
use serde_json::Value;
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use crate::anchor::{self, Recorded};
use crate::document::Document;
use crate::finding::{Finding, Rules};
use crate::language::LanguageId;
use crate::ledger::{Ledger, NewSpan, SignoffRecord, Source};
use crate::origin::{Origin, OriginKind};
use crate::query::{RiskQuery, resolve_sources};
use crate::review::{ReviewPolicy, Signoff, Signoffs};
use crate::text::{self, PositionEncoding, PositionRange};
use crate::workspace::Workspace;

use protocol::*;
use session::{ChangeOutcome, ContentChange, OpenDocument};

/// Serves the language server on stdin/stdout until the client exits.
pub fn serve_stdio() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let (replies, replies_rx) = mpsc::unbounded_channel();
        let (service, socket) = build_service(Some(replies.clone()));
        let (server_in, guarded_in) = tokio::io::duplex(1 << 20);
        let (server_out, to_client) = tokio::io::duplex(1 << 20);
        tokio::spawn(transport::guard_input(
            tokio::io::stdin(),
            server_in,
            replies,
        ));
        let writer = tokio::spawn(transport::merge_output(
            to_client,
            tokio::io::stdout(),
            replies_rx,
        ));
        Server::new(guarded_in, server_out, socket)
            .serve(service)
            .await;
        // The server has written its last message into the pipe; let the writer pass it on.
        let _ = writer.await;
    });
    // The stdin reader may still be blocked on a client that keeps its end open after `exit`.
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    Ok(())
}

/// The service with redline's own methods registered. Must be called inside a tokio runtime.
/// With `wire`, diagnostics are written as whole JSON-RPC bodies to it (the writer that owns
/// the client's stream) instead of through tower-lsp-server's client.
pub fn build_service(
    wire: Option<mpsc::UnboundedSender<Vec<u8>>>,
) -> (LspService<Backend>, tower_lsp_server::ClientSocket) {
    LspService::build(|client| {
        let (tx, rx) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            client,
            wire,
            docs: DashMap::new(),
            settings: RwLock::new(Settings::default()),
            signoffs: RwLock::new(Signoffs::new()),
            queries: DashMap::new(),
            publish: tx,
            seen_span_id: AtomicI64::new(0),
            seen_signoffs: AtomicI64::new(0),
            startup_errors: Mutex::new(Vec::new()),
        });
        tokio::spawn(publisher(shared.clone(), rx));
        Backend(shared)
    })
    .custom_method(AI_EDIT, Backend::ai_edit)
    .custom_method(REGIONS, Backend::regions)
    .finish()
}

#[derive(Debug, Default)]
struct Settings {
    encoding: PositionEncoding,
    reporting: AiEditReporting,
    identity: Option<String>,
    /// The repository the client opened, when it named one.
    workspace: Option<Arc<Workspace>>,
    /// Where provenance and sign-offs are kept; `None` keeps them in memory only.
    ledger: Option<Arc<Mutex<Ledger>>>,
    policy: ReviewPolicy,
    rules: Rules,
}

#[derive(Debug)]
struct Shared {
    client: Client,
    /// Where diagnostics go as serialised notifications, when the server owns the stream.
    wire: Option<mpsc::UnboundedSender<Vec<u8>>>,
    docs: DashMap<Uri, OpenDocument>,
    settings: RwLock<Settings>,
    signoffs: RwLock<Signoffs>,
    /// Built-in queries for documents outside a workspace, compiled once per language.
    queries: DashMap<LanguageId, Option<Arc<RiskQuery>>>,
    publish: mpsc::UnboundedSender<Uri>,
    /// The highest ledger span id this server has looked at.
    seen_span_id: AtomicI64,
    /// The number of ledger sign-offs this server has loaded.
    seen_signoffs: AtomicI64,
    /// Problems found while starting, shown once the client is ready for messages.
    startup_errors: Mutex<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Backend(Arc<Shared>);

async fn publisher(shared: Arc<Shared>, mut rx: mpsc::UnboundedReceiver<Uri>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while let Ok(uri) = rx.try_recv() {
            if !batch.contains(&uri) {
                batch.push(uri);
            }
        }
        for uri in batch {
            let Some((diagnostics, version)) = shared.diagnostics(&uri) else {
                continue;
            };
            shared
                .send_diagnostics(PublishDiagnosticsParams::new(
                    uri,
                    diagnostics,
                    Some(version),
                ))
                .await;
        }
    }
}

/// A `textDocument/publishDiagnostics` notification as it goes on the wire.
#[derive(serde::Serialize)]
struct PublishNotification<'a> {
    jsonrpc: &'static str,
    method: &'static str,
    params: &'a PublishDiagnosticsParams,
}

impl<'a> PublishNotification<'a> {
    fn new(params: &'a PublishDiagnosticsParams) -> Self {
        PublishNotification {
            jsonrpc: "2.0",
            method: "textDocument/publishDiagnostics",
            params,
        }
    }
}

fn to_text_range(r: Range) -> PositionRange {
    PositionRange::new(
        text::Position::new(r.start.line, r.start.character),
        text::Position::new(r.end.line, r.end.character),
    )
}

fn to_lsp_range(r: PositionRange) -> Range {
    Range::new(
        Position::new(r.start.line, r.start.character),
        Position::new(r.end.line, r.end.character),
    )
}

fn wire_origin(o: &Origin) -> WireOrigin {
    WireOrigin {
        tool: o.tool.clone(),
        kind: Some(o.kind),
        model: o.model.clone(),
        session: o.session.clone(),
    }
}

fn origin_from_wire(
    o: WireOrigin,
    default_kind: OriginKind,
    author: Option<String>,
) -> Arc<Origin> {
    Arc::new(Origin {
        tool: o.tool,
        kind: o.kind.unwrap_or(default_kind),
        model: o.model,
        session: o.session,
        at: Some(now()),
        author,
    })
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn negotiate_encoding(params: &InitializeParams) -> PositionEncoding {
    let offered: Vec<String> = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .map(|v| v.iter().map(|e| e.as_str().to_string()).collect())
        .unwrap_or_default();
    let has = |s: &str| offered.iter().any(|o| o == s);
    if has("utf-8") {
        PositionEncoding::Utf8
    } else if !offered.is_empty() && !has("utf-16") && has("utf-32") {
        PositionEncoding::Utf32
    } else {
        PositionEncoding::Utf16
    }
}

fn encoding_kind(enc: PositionEncoding) -> PositionEncodingKind {
    match enc {
        PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
        PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        PositionEncoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    #[allow(deprecated)]
    let uri = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first().map(|f| f.uri.clone()))
        .or_else(|| params.root_uri.clone())?;
    uri.to_file_path().map(|p| p.into_owned())
}

/// Whether a change looks like generated text: at least two non-blank lines or 80 characters,
/// inserted at once. A replacement of the whole document (no range) is a reload, not AI.
fn heuristic_origin(change: &ContentChange, author: &Option<String>) -> Option<Arc<Origin>> {
    change.range?;
    let lines = change.text.lines().filter(|l| !l.trim().is_empty()).count();
    if lines >= 2 || change.text.chars().count() >= 80 {
        let mut origin = Origin::new("unknown", OriginKind::Heuristic);
        origin.at = Some(now());
        origin.author = author.clone();
        Some(Arc::new(origin))
    } else {
        None
    }
}

impl Shared {
    fn encoding(&self) -> PositionEncoding {
        self.settings.read().map(|s| s.encoding).unwrap_or_default()
    }

    fn rules(&self) -> Rules {
        self.settings
            .read()
            .map(|s| s.rules.clone())
            .unwrap_or_default()
    }

    fn workspace(&self) -> Option<Arc<Workspace>> {
        self.settings.read().ok().and_then(|s| s.workspace.clone())
    }

    fn ledger(&self) -> Option<Arc<Mutex<Ledger>>> {
        self.settings.read().ok().and_then(|s| s.ledger.clone())
    }

    fn query_for(&self, language: LanguageId) -> Option<Arc<RiskQuery>> {
        if let Some(ws) = self.workspace() {
            let before = ws.query_errors().len();
            let query = ws.query(language);
            for e in ws.query_errors().into_iter().skip(before) {
                self.show(MessageType::ERROR, e.to_string());
            }
            return query;
        }
        if let Some(q) = self.queries.get(&language) {
            return q.clone();
        }
        let (query, errors) =
            RiskQuery::compile(language, &resolve_sources(language.builtin_queries(), None));
        for e in errors {
            self.show(MessageType::ERROR, e.to_string());
        }
        let query = query.map(Arc::new);
        self.queries.insert(language, query.clone());
        query
    }

    fn show(&self, typ: MessageType, message: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.show_message(typ, message).await });
    }

    /// The document's findings, with a sign-off counted only where the policy accepts it for
    /// that finding (self sign-off depends on who brought the text in).
    fn findings_of(&self, od: &OpenDocument) -> Vec<Finding> {
        let rules = self.rules();
        let Ok(signoffs) = self.signoffs.read() else {
            return Vec::new();
        };
        let mut findings = od.doc.findings(&rules, &signoffs);
        let policy = self
            .settings
            .read()
            .map(|s| s.policy.clone())
            .unwrap_or_else(|_| ReviewPolicy::anyone());
        if !policy.allow_self_signoff {
            for f in &mut findings {
                let own = f.signoff.as_ref().is_some_and(|s| {
                    f.origin
                        .author
                        .as_deref()
                        .is_some_and(|a| a.eq_ignore_ascii_case(&s.reviewer))
                });
                if own {
                    f.signoff = None;
                }
            }
        }
        findings
    }

    fn diagnostics(&self, uri: &Uri) -> Option<(Vec<Diagnostic>, i32)> {
        let od = self.docs.get(uri)?;
        let enc = self.encoding();
        let rules = self.rules();
        let findings = self.findings_of(&od);
        let text = od.doc.text();
        let diagnostics = findings
            .iter()
            .filter(|f| !f.reviewed())
            .map(|f| {
                let hotspot_range = to_lsp_range(text.position_range(f.hotspot.range.clone(), enc));
                let data = DiagnosticData {
                    span_id: f.span_id,
                    key: f.key.0.clone(),
                    category: f.category.to_string(),
                    hotspot: f.hotspot.name.clone(),
                    hotspot_range,
                    origin: wire_origin(&f.origin),
                };
                Diagnostic {
                    range: to_lsp_range(text.position_range(f.range.clone(), enc)),
                    severity: Some(severity(f.severity)),
                    code: Some(NumberOrString::String(f.category.to_string())),
                    source: Some("redline".into()),
                    message: rules.message(f),
                    related_information: Some(vec![DiagnosticRelatedInformation {
                        location: Location::new(uri.clone(), hotspot_range),
                        message: format!("high-impact code ({}): {}", f.category, f.hotspot.name),
                    }]),
                    data: serde_json::to_value(data).ok(),
                    ..Diagnostic::default()
                }
            })
            .collect();
        Some((diagnostics, od.version))
    }

    async fn send_diagnostics(&self, params: PublishDiagnosticsParams) {
        match &self.wire {
            // tower-lsp-server's client turns the parameters into a `serde_json::Value` and
            // then into text: with hundreds of diagnostics, most of a keystroke's time.
            // Serialising them once, straight to bytes, skips the tree of values.
            Some(wire) => {
                if let Ok(body) = serde_json::to_vec(&PublishNotification::new(&params)) {
                    // Fails only once the writer is gone, when the session is over.
                    let _ = wire.send(body);
                }
            }
            None => {
                self.client
                    .publish_diagnostics(params.uri, params.diagnostics, params.version)
                    .await;
            }
        }
    }

    fn schedule(&self, uri: &Uri) {
        // The publisher lives as long as the server; a send fails only during shutdown.
        let _ = self.publish.send(uri.clone());
    }

    fn schedule_all(&self) {
        for entry in self.docs.iter() {
            self.schedule(entry.key());
        }
    }

    fn log(&self, typ: MessageType, message: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(typ, message).await });
    }

    /// The findings of `uri` that intersect `range` (all of them without a range).
    fn findings_in(&self, uri: &Uri, range: Option<Range>) -> Result<Vec<Finding>> {
        let od = self
            .docs
            .get(uri)
            .ok_or_else(|| invalid_params(format!("document {} is not open", uri.as_str())))?;
        let enc = self.encoding();
        let bytes = match range {
            Some(r) => Some(
                od.doc
                    .text()
                    .range(to_text_range(r), enc)
                    .map_err(|e| invalid_params(format!("range {r:?}: {e}")))?,
            ),
            None => None,
        };
        Ok(self
            .findings_of(&od)
            .into_iter()
            .filter(|f| match &bytes {
                None => true,
                Some(b) if b.is_empty() => f.range.start <= b.start && b.start <= f.range.end,
                Some(b) => f.range.start < b.end && b.start < f.range.end,
            })
            .collect())
    }

    fn identity(&self) -> Option<String> {
        self.settings.read().ok().and_then(|s| s.identity.clone())
    }

    /// Who signs off from this editor, if the policy lets them sign off on `findings` in the
    /// document at `uri`.
    fn may_sign_off(&self, uri: &Uri, findings: &[Finding]) -> std::result::Result<String, String> {
        let policy = self
            .settings
            .read()
            .map(|s| s.policy.clone())
            .unwrap_or_else(|_| ReviewPolicy::anyone());
        let who = self
            .identity()
            .or_else(|| {
                policy
                    .open_to_anyone()
                    .then(crate::git::account_name)
                    .flatten()
            })
            .unwrap_or_default();
        let owns = self.workspace().is_some_and(|ws| {
            let rel = self.docs.get(uri).and_then(|od| od.rel_path.clone());
            match (ws.codeowners(), rel) {
                (Some(c), Some(rel)) => c.owned_by(std::path::Path::new(&rel), &who),
                _ => false,
            }
        });
        if findings.is_empty() {
            policy
                .may_sign_off(&who, None, owns)
                .map_err(|e| e.to_string())?;
        }
        for f in findings {
            policy
                .may_sign_off(&who, f.origin.author.as_deref(), owns)
                .map_err(|e| e.to_string())?;
        }
        Ok(who)
    }

    /// Places the ledger's spans for the document at `uri` (those with ids not yet loaded).
    fn load_spans(&self, uri: &Uri) {
        let Some(ledger) = self.ledger() else { return };
        let Some(mut od) = self.docs.get_mut(uri) else {
            return;
        };
        let Some(rel) = od.rel_path.clone() else {
            return;
        };
        let stored = match ledger.lock().map(|l| l.spans(&rel)) {
            Ok(Ok(stored)) => stored,
            Ok(Err(e)) => {
                self.log(MessageType::ERROR, e.to_string());
                return;
            }
            Err(_) => return,
        };
        let fresh: Vec<_> = stored
            .into_iter()
            .filter(|s| !od.loaded_ids.contains(&s.id) && !od.written_ids.contains(&s.id))
            .collect();
        if fresh.is_empty() {
            return;
        }
        let recorded: Vec<Recorded> = fresh
            .iter()
            .map(|s| Recorded {
                base: s.base.clone(),
                range: s.range.clone(),
                origin: s.origin.clone(),
            })
            .collect();
        let (placed, broken) = anchor::place(&recorded, od.doc.as_str());
        for span in placed.spans() {
            // Ranges come from placing against this very text, so they fit.
            let _ = od.doc.mark_ai(span.range.clone(), span.origin.clone());
        }
        od.loaded_ids.extend(fresh.iter().map(|s| s.id));
        drop(od);
        if !broken.is_empty() {
            self.log(
                MessageType::WARNING,
                format!(
                    "{rel}: {} recorded AI span(s) in the ledger do not fit the content they were recorded on and were not placed",
                    broken.len()
                ),
            );
        }
        self.schedule(uri);
    }

    /// Writes the document's spans to the ledger, against the editor's text. They replace what
    /// this editor wrote before; only once the text is `saved` (so it is what is on disk) do
    /// they also replace the records the document was loaded from. Until then those stay, so
    /// that discarding unsaved edits cannot erase what the file on disk holds.
    fn persist(&self, uri: &Uri, saved: bool) {
        let Some(ledger) = self.ledger() else { return };
        let Some(mut od) = self.docs.get_mut(uri) else {
            return;
        };
        let Some(rel) = od.rel_path.clone() else {
            return;
        };
        let spans: Vec<NewSpan> = od
            .doc
            .provenance()
            .spans()
            .iter()
            .map(|s| NewSpan {
                range: s.range.clone(),
                origin: (*s.origin).clone(),
            })
            .collect();
        let mut replaced = od.written_ids.clone();
        if saved {
            replaced.extend_from_slice(&od.loaded_ids);
        }
        if spans.is_empty() && replaced.is_empty() {
            return;
        }
        let result = match ledger.lock() {
            Ok(mut l) => l.replace(&rel, &replaced, od.doc.as_str(), &spans, Source::Editor),
            Err(_) => return,
        };
        match result {
            Ok(ids) => {
                od.written_ids = ids;
                if saved {
                    od.loaded_ids.clear();
                }
            }
            Err(e) => {
                drop(od);
                self.show(
                    MessageType::ERROR,
                    format!("redline could not save AI provenance for {rel}: {e}"),
                );
            }
        }
    }

    /// Picks up spans and sign-offs that other processes (agent hooks, the command line)
    /// added to the ledger.
    fn poll_ledger(&self) {
        let Some(ledger) = self.ledger() else { return };
        let (last, changed, signoff_count) = {
            let Ok(l) = ledger.lock() else { return };
            let seen = self.seen_span_id.load(Ordering::SeqCst);
            let last = l.last_span_id().unwrap_or(seen);
            let changed = if last > seen {
                l.paths_changed_since(seen).unwrap_or_default()
            } else {
                Vec::new()
            };
            (last, changed, l.signoff_count().unwrap_or(0))
        };
        self.seen_span_id.store(last, Ordering::SeqCst);
        if !changed.is_empty() {
            let uris: Vec<Uri> = self
                .docs
                .iter()
                .filter(|e| e.rel_path.as_ref().is_some_and(|p| changed.contains(p)))
                .map(|e| e.key().clone())
                .collect();
            for uri in uris {
                self.load_spans(&uri);
            }
        }
        if signoff_count != self.seen_signoffs.load(Ordering::SeqCst) {
            self.reload_signoffs(&ledger);
            self.schedule_all();
        }
    }

    /// Loads the ledger's sign-offs, keeping those the review policy accepts: by a reviewer
    /// it allows, and signed where it asks for signatures (as `redline check` decides).
    fn reload_signoffs(&self, ledger: &Mutex<Ledger>) {
        let loaded = ledger
            .lock()
            .ok()
            .map(|l| (l.signoff_records(), l.signoff_count()));
        let Some((Ok(records), Ok(count))) = loaded else {
            return;
        };
        let (policy, workspace) = match self.settings.read() {
            Ok(s) => (s.policy.clone(), s.workspace.clone()),
            Err(_) => return,
        };
        let mut set = Signoffs::new();
        let mut rejected = Vec::new();
        for r in records {
            let owns = match (&workspace, &r.path) {
                (Some(ws), Some(path)) => ws
                    .codeowners()
                    .is_some_and(|c| c.owned_by(std::path::Path::new(path), &r.signoff.reviewer)),
                _ => false,
            };
            let mut verdict = policy
                .may_sign_off(&r.signoff.reviewer, None, owns)
                .map_err(|e| e.to_string());
            if verdict.is_ok() && policy.require_signature {
                let signers = workspace
                    .as_ref()
                    .map(|ws| ws.root.join(&ws.config.review.allowed_signers))
                    .unwrap_or_default();
                verdict = crate::signature::verify(&r.signoff, &signers).map_err(|e| e.to_string());
            }
            match verdict {
                Ok(()) => set.insert(r.signoff),
                Err(why) => rejected.push(format!(
                    "{}: sign-off by {} not accepted: {why}",
                    r.path.as_deref().unwrap_or("?"),
                    r.signoff.reviewer
                )),
            }
        }
        for why in rejected {
            self.log(MessageType::WARNING, why);
        }
        if let Ok(mut signoffs) = self.signoffs.write() {
            *signoffs = set;
        }
        self.seen_signoffs.store(count, Ordering::SeqCst);
    }
}

/// Signs a sign-off with the key git signs with (`user.signingkey`), as `redline signoff` does.
fn sign_in_editor(shared: &Shared, signoff: &Signoff) -> Result<String> {
    let dir = shared
        .workspace()
        .map(|ws| ws.root.clone())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let key = crate::git::config(&dir, "user.signingkey").ok_or_else(|| {
        invalid_params(
            "the review policy requires signed sign-offs and git has no user.signingkey: set it, or sign off with `redline signoff`".into(),
        )
    })?;
    let key = crate::signature::expand_home(&key);
    crate::signature::sign(signoff, &key)
        .map_err(|e| invalid_params(format!("{e}; sign off with `redline signoff` instead")))
}

fn too_large(uri: &Uri, size: usize) -> String {
    format!(
        "{}: {size} bytes is more than the {} bytes redline analyses in the editor; AI edits are still tracked, but high-impact code is not looked for here (`redline check` does)",
        uri.as_str(),
        session::MAX_ANALYSED_BYTES
    )
}

fn invalid_params(message: String) -> Error {
    Error::invalid_params(message)
}

fn internal(what: &str) -> Error {
    Error {
        code: tower_lsp_server::jsonrpc::ErrorCode::InternalError,
        message: format!("internal error: {what} poisoned").into(),
        data: None,
    }
}

fn first_arg<T: serde::de::DeserializeOwned>(command: &str, args: Vec<Value>) -> Result<T> {
    let arg = args
        .into_iter()
        .next()
        .ok_or_else(|| invalid_params(format!("{command} takes one argument")))?;
    serde_json::from_value(arg).map_err(|e| invalid_params(format!("{command}: {e}")))
}

impl Backend {
    async fn ai_edit(&self, params: Value) {
        let shared = &self.0;
        let params: AiEditParams = match serde_json::from_value(params) {
            Ok(p) => p,
            Err(e) => {
                shared.log(
                    MessageType::WARNING,
                    format!("{AI_EDIT}: invalid params: {e}"),
                );
                return;
            }
        };
        let reporting = shared
            .settings
            .read()
            .map(|s| s.reporting)
            .unwrap_or_default();
        if reporting == AiEditReporting::Off {
            return;
        }
        let enc = shared.encoding();
        let uri = params.text_document.uri;
        let result = match shared.docs.get_mut(&uri) {
            None => Err(format!("document {} is not open", uri.as_str())),
            Some(mut od) => od
                .ai_edit(
                    params.text_document.version,
                    params.ranges.into_iter().map(to_text_range).collect(),
                    origin_from_wire(
                        params.origin,
                        OriginKind::InlineCompletion,
                        shared.identity(),
                    ),
                    enc,
                )
                .map_err(|e| format!("{}: {e}", uri.as_str())),
        };
        match result {
            Ok(_) => {
                shared.persist(&uri, false);
                shared.schedule(&uri);
            }
            Err(e) => shared.log(MessageType::WARNING, format!("{AI_EDIT}: {e}")),
        }
    }

    async fn regions(&self, params: RegionsParams) -> Result<RegionsResult> {
        let shared = &self.0;
        let uri = params.text_document.uri;
        let od = shared
            .docs
            .get(&uri)
            .ok_or_else(|| invalid_params(format!("document {} is not open", uri.as_str())))?;
        let enc = shared.encoding();
        let text = od.doc.text();
        let mut by_span: HashMap<u64, Vec<RegionFinding>> = HashMap::new();
        for f in shared.findings_of(&od) {
            by_span.entry(f.span_id).or_default().push(RegionFinding {
                category: f.category.to_string(),
                severity: f.severity.as_str(),
                range: to_lsp_range(text.position_range(f.range.clone(), enc)),
                reviewed: f.reviewed(),
                hotspot: f.hotspot.name.clone(),
            });
        }
        let regions = od
            .doc
            .provenance()
            .spans()
            .iter()
            .map(|s| Region {
                id: s.id,
                range: to_lsp_range(text.position_range(s.range.clone(), enc)),
                origin: wire_origin(&s.origin),
                findings: by_span.remove(&s.id).unwrap_or_default(),
            })
            .collect();
        Ok(RegionsResult {
            uri: uri.clone(),
            version: od.version,
            regions,
        })
    }

    fn mark_ai(&self, args: MarkAiArgs) -> Result<Value> {
        let shared = &self.0;
        let reporting = shared
            .settings
            .read()
            .map(|s| s.reporting)
            .unwrap_or_default();
        if reporting == AiEditReporting::Off {
            return Err(invalid_params(
                "AI edit reporting is off (initializationOptions.aiEditReporting)".into(),
            ));
        }
        let enc = shared.encoding();
        let mut od = shared
            .docs
            .get_mut(&args.uri)
            .ok_or_else(|| invalid_params(format!("document {} is not open", args.uri.as_str())))?;
        let origin = origin_from_wire(args.origin, OriginKind::Manual, shared.identity());
        // Check every range first, so that a bad one marks nothing.
        let mut ranges = Vec::with_capacity(args.ranges.len());
        for r in &args.ranges {
            ranges.push(
                od.doc
                    .text()
                    .range(to_text_range(*r), enc)
                    .map_err(|e| invalid_params(format!("{CMD_MARK_AI}: range {r:?}: {e}")))?,
            );
        }
        let mut marked = 0;
        for r in ranges {
            marked += r.len();
            od.doc
                .mark_ai(r, origin.clone())
                .map_err(|e| invalid_params(format!("{CMD_MARK_AI}: {e}")))?;
        }
        drop(od);
        shared.persist(&args.uri, false);
        shared.schedule(&args.uri);
        Ok(serde_json::json!({ "markedBytes": marked }))
    }

    fn sign_off(&self, args: SignOffArgs) -> Result<Value> {
        let shared = &self.0;
        let findings: Vec<Finding> = shared
            .findings_in(&args.uri, args.range)?
            .into_iter()
            .filter(|f| !f.reviewed())
            .collect();
        let who = shared
            .may_sign_off(&args.uri, &findings)
            .map_err(invalid_params)?;
        let require_signature = shared
            .settings
            .read()
            .map(|s| s.policy.require_signature)
            .unwrap_or(false);
        let rel = shared
            .docs
            .get(&args.uri)
            .and_then(|od| od.rel_path.clone());
        let at = now();
        let mut records = Vec::with_capacity(findings.len());
        for f in &findings {
            let mut signoff = Signoff {
                reviewer: who.clone(),
                at,
                key: f.key.0.clone(),
                signature: None,
            };
            if require_signature {
                signoff.signature = Some(sign_in_editor(shared, &signoff)?);
            }
            records.push(SignoffRecord {
                signoff,
                path: rel.clone(),
                category: Some(f.category.to_string()),
                hotspot: Some(f.hotspot.name.clone()),
            });
        }
        if let Some(ledger) = shared.ledger() {
            let mut l = ledger.lock().map_err(|_| internal("ledger lock"))?;
            for r in &records {
                l.add_signoff(r)
                    .map_err(|e| invalid_params(format!("sign-off not recorded: {e}")))?;
            }
        }
        let signed = records.len();
        {
            let mut signoffs = shared
                .signoffs
                .write()
                .map_err(|_| internal("sign-offs lock"))?;
            for r in records {
                signoffs.insert(r.signoff);
            }
        }
        shared.schedule_all();
        Ok(serde_json::json!({ "signedOff": signed, "reviewer": who }))
    }

    fn provenance_text(&self, uri: &Uri, range: Option<Range>) -> Result<String> {
        let shared = &self.0;
        let od = shared
            .docs
            .get(uri)
            .ok_or_else(|| invalid_params(format!("document {} is not open", uri.as_str())))?;
        let enc = shared.encoding();
        let text = od.doc.text();
        let bytes = match range {
            Some(r) => Some(
                text.range(to_text_range(r), enc)
                    .map_err(|e| invalid_params(format!("range {r:?}: {e}")))?,
            ),
            None => None,
        };
        let spans = od.doc.provenance().spans();
        let chosen: Vec<_> = spans
            .iter()
            .filter(|s| match &bytes {
                None => true,
                Some(b) => s.range.start <= b.end && b.start <= s.range.end,
            })
            .collect();
        if chosen.is_empty() {
            return Ok("No AI-written text recorded here.".into());
        }
        let lines: Vec<String> = chosen
            .iter()
            .map(|s| {
                let r = text.position_range(s.range.clone(), enc);
                let first = r.start.line + 1;
                // A span that ends at the start of a line ends on the line before.
                let last = if r.end.character == 0 && r.end.line > r.start.line {
                    r.end.line
                } else {
                    r.end.line + 1
                };
                let lines = if first == last {
                    format!("line {first}")
                } else {
                    format!("lines {first}-{last}")
                };
                format!("{lines}: {}", s.origin.describe())
            })
            .collect();
        Ok(format!("AI-written text:\n{}", lines.join("\n")))
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = negotiate_encoding(&params);
        let options: InitializationOptions = match params.initialization_options.clone() {
            None | Some(Value::Null) => InitializationOptions::default(),
            Some(v) => serde_json::from_value(v)
                .map_err(|e| invalid_params(format!("initializationOptions: {e}")))?,
        };
        let root = workspace_root(&params);
        let identity = options.identity.clone().or_else(|| {
            let dir = root.clone().or_else(|| std::env::current_dir().ok())?;
            crate::git::user_email(&dir)
        });
        let mut problems = Vec::new();
        let workspace = root.and_then(|root| match Workspace::locate(&root) {
            Ok((root, git_dir)) => {
                let config = crate::workspace::read_config(&root).unwrap_or_else(|e| {
                    problems.push(format!("{e} (using the defaults until it is fixed)"));
                    Default::default()
                });
                Some(Arc::new(Workspace::with_config(root, git_dir, config)))
            }
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        });
        let ledger = workspace
            .as_ref()
            .and_then(|ws| match Ledger::open(&ws.ledger_path()) {
                Ok(l) => Some(Arc::new(Mutex::new(l))),
                Err(e) => {
                    problems.push(format!("{e}; AI provenance is kept in memory only"));
                    None
                }
            });
        let (policy, rules) = match &workspace {
            Some(ws) => (ws.config.policy(), ws.rules().clone()),
            None => (ReviewPolicy::anyone(), Rules::default()),
        };
        if let Some(ledger) = &ledger
            && let Ok(l) = ledger.lock()
        {
            self.0
                .seen_span_id
                .store(l.last_span_id().unwrap_or(0), Ordering::SeqCst);
        }
        if let Ok(mut errors) = self.0.startup_errors.lock() {
            errors.extend(problems);
        }
        if let Ok(mut s) = self.0.settings.write() {
            *s = Settings {
                encoding,
                reporting: options.ai_edit_reporting,
                identity,
                workspace,
                ledger,
                policy,
                rules,
            };
        }
        // Sign-offs are judged by the policy, so they are loaded once it is known.
        if let Some(ledger) = self.0.ledger() {
            self.0.reload_signoffs(&ledger);
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "redline".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..Default::default()
                    },
                )),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![
                        CMD_MARK_AI.into(),
                        CMD_SIGN_OFF.into(),
                        CMD_SHOW_PROVENANCE.into(),
                    ],
                    ..Default::default()
                }),
                ..Default::default()
            },
            ..InitializeResult::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let shared = self.0.clone();
        let problems = shared
            .startup_errors
            .lock()
            .map(|mut e| std::mem::take(&mut *e))
            .unwrap_or_default();
        for p in problems {
            shared.client.show_message(MessageType::ERROR, p).await;
        }
        if shared.ledger().is_some() {
            // Agent hooks and the command line write to the ledger too; look for their
            // records about once a second.
            let weak = Arc::downgrade(&shared);
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(std::time::Duration::from_millis(750));
                loop {
                    tick.tick().await;
                    let Some(shared) = weak.upgrade() else { break };
                    let _ = tokio::task::spawn_blocking(move || shared.poll_ledger()).await;
                }
            });
        }
    }

    async fn shutdown(&self) -> Result<()> {
        let uris: Vec<Uri> = self.0.docs.iter().map(|e| e.key().clone()).collect();
        for uri in uris {
            self.0.persist(&uri, false);
        }
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let shared = &self.0;
        let item = params.text_document;
        let language = LanguageId::from_name(&item.language_id).or_else(|| {
            item.uri
                .to_file_path()
                .and_then(|p| LanguageId::detect(&p, &item.text))
        });
        let query = language.and_then(|l| shared.query_for(l));
        let workspace = shared.workspace();
        let rel = workspace.as_ref().and_then(|ws| {
            let path = item.uri.to_file_path()?;
            ws.relative(&path)
        });
        let size = item.text.len();
        let doc = match (&workspace, &rel) {
            (Some(ws), Some(rel)) => {
                Document::new(item.text, None).with_file_rules(ws.path_rules_for(rel))
            }
            _ => Document::new(item.text, None),
        };
        let od = OpenDocument::new(doc, query, item.version, rel);
        if od.too_large() {
            shared.show(MessageType::WARNING, too_large(&item.uri, size));
        }
        shared.docs.insert(item.uri.clone(), od);
        shared.load_spans(&item.uri);
        shared.schedule(&item.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let shared = &self.0;
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let enc = shared.encoding();
        let reporting = shared
            .settings
            .read()
            .map(|s| s.reporting)
            .unwrap_or_default();
        let changes: Vec<ContentChange> = params
            .content_changes
            .into_iter()
            .map(|c| ContentChange {
                range: c.range.map(to_text_range),
                text: c.text,
            })
            .collect();
        let identity = shared.identity();
        let classify = |c: &ContentChange| match reporting {
            AiEditReporting::Heuristic => heuristic_origin(c, &identity),
            _ => None,
        };
        let outcome = match shared.docs.get_mut(&uri) {
            None => {
                shared.log(
                    MessageType::WARNING,
                    format!("didChange for {} which is not open", uri.as_str()),
                );
                return;
            }
            Some(mut od) => od.apply_changes(version, &changes, enc, &classify),
        };
        match outcome {
            ChangeOutcome::Applied {
                gap,
                unplaced,
                analysis,
            } => {
                match analysis {
                    Some(false) => {
                        let size = shared.docs.get(&uri).map_or(0, |od| od.doc.text().len());
                        shared.show(MessageType::WARNING, too_large(&uri, size));
                    }
                    Some(true) => shared.log(
                        MessageType::INFO,
                        format!("{}: small enough to analyse again", uri.as_str()),
                    ),
                    None => {}
                }
                if gap {
                    shared.log(
                        MessageType::LOG,
                        format!("{}: version jumped to {version}", uri.as_str()),
                    );
                }
                for e in unplaced {
                    shared.log(
                        MessageType::WARNING,
                        format!("{AI_EDIT}: {}: held AI edit not placed: {e}", uri.as_str()),
                    );
                }
            }
            ChangeOutcome::Stale { current } => shared.log(
                MessageType::WARNING,
                format!(
                    "{}: ignored didChange version {version}: the document is already at version {current}",
                    uri.as_str()
                ),
            ),
            ChangeOutcome::Rejected(e) => {
                let message = format!(
                    "{}: a change in version {version} does not fit the document ({e}); close and reopen it to resync",
                    uri.as_str()
                );
                let client = shared.client.clone();
                tokio::spawn(async move { client.show_message(MessageType::ERROR, message).await });
            }
        }
        shared.schedule(&uri);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        self.0.persist(&params.text_document.uri, true);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let shared = &self.0;
        let uri = params.text_document.uri;
        shared.persist(&uri, false);
        if let Some((_, od)) = shared.docs.remove(&uri)
            && od.pending_ai_count() + od.dropped_ai > 0
        {
            shared.log(
                MessageType::WARNING,
                format!(
                    "{}: closed with {} AI edit(s) reported for versions it never reached",
                    uri.as_str(),
                    od.pending_ai_count() + od.dropped_ai
                ),
            );
        }
        shared
            .send_diagnostics(PublishDiagnosticsParams::new(uri, Vec::new(), None))
            .await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let shared = &self.0;
        let uri = params.text_document_position_params.text_document.uri;
        let pos = params.text_document_position_params.position;
        let od = shared
            .docs
            .get(&uri)
            .ok_or_else(|| invalid_params(format!("document {} is not open", uri.as_str())))?;
        let enc = shared.encoding();
        let text = od.doc.text();
        let offset = text
            .offset(text::Position::new(pos.line, pos.character), enc)
            .map_err(|e| invalid_params(format!("hover position: {e}")))?;
        let Some(span) = od
            .doc
            .provenance()
            .intersecting(offset..offset)
            .first()
            .cloned()
        else {
            return Ok(None);
        };
        let findings: Vec<Finding> = shared
            .findings_of(&od)
            .into_iter()
            .filter(|f| f.span_id == span.id)
            .collect();
        let mut md = format!("**AI-written** by {}", span.origin.describe());
        if findings.is_empty() {
            md.push_str("\n\nTouches no high-impact code.");
        } else {
            md.push_str("\n\nTouches high-impact code:");
            for f in &findings {
                let state = match &f.signoff {
                    Some(s) => format!("reviewed by {}", s.reviewer),
                    None => "needs senior review before commit".into(),
                };
                md.push_str(&format!(
                    "\n- `{}` — {} ({}): {state}",
                    f.hotspot.name,
                    f.category.description(),
                    f.category
                ));
            }
        }
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: md,
            }),
            range: Some(to_lsp_range(text.position_range(span.range.clone(), enc))),
        }))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let shared = &self.0;
        let uri = params.text_document.uri;
        let findings = shared.findings_in(&uri, Some(params.range))?;
        let mut actions = Vec::new();
        let enc = shared.encoding();
        let unreviewed: Vec<Finding> = findings.iter().filter(|f| !f.reviewed()).cloned().collect();
        let may = shared.may_sign_off(&uri, &unreviewed);
        let ranges: Vec<(Finding, Range)> = match shared.docs.get(&uri) {
            Some(od) => findings
                .into_iter()
                .filter(|f| !f.reviewed())
                .map(|f| {
                    let r = to_lsp_range(od.doc.text().position_range(f.range.clone(), enc));
                    (f, r)
                })
                .collect(),
            None => Vec::new(),
        };
        if may.is_ok() {
            for (f, range) in &ranges {
                let diagnostics: Vec<Diagnostic> = params
                    .context
                    .diagnostics
                    .iter()
                    .filter(|d| d.source.as_deref() == Some("redline") && d.range == *range)
                    .cloned()
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!(
                        "Redline: sign off on AI change to {} ({})",
                        f.hotspot.name, f.category
                    ),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
                    command: Some(Command {
                        title: "Sign off".into(),
                        command: CMD_SIGN_OFF.into(),
                        arguments: Some(vec![serde_json::json!({ "uri": uri, "range": range })]),
                    }),
                    ..Default::default()
                }));
            }
        }
        if !ranges.is_empty() {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Redline: show provenance".into(),
                command: Some(Command {
                    title: "Show provenance".into(),
                    command: CMD_SHOW_PROVENANCE.into(),
                    arguments: Some(vec![
                        serde_json::json!({ "uri": uri, "range": params.range }),
                    ]),
                }),
                ..Default::default()
            }));
        }
        Ok(Some(actions))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        match params.command.as_str() {
            CMD_MARK_AI => self
                .mark_ai(first_arg(CMD_MARK_AI, params.arguments)?)
                .map(Some),
            CMD_SIGN_OFF => self
                .sign_off(first_arg(CMD_SIGN_OFF, params.arguments)?)
                .map(Some),
            CMD_SHOW_PROVENANCE => {
                let args: SignOffArgs = first_arg(CMD_SHOW_PROVENANCE, params.arguments)?;
                let text = self.provenance_text(&args.uri, args.range)?;
                self.0
                    .client
                    .show_message(MessageType::INFO, text.clone())
                    .await;
                Ok(Some(Value::String(text)))
            }
            other => Err(invalid_params(format!("unknown command {other}"))),
        }
    }
}

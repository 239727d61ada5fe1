//! The language server and the ledger together: `redline lsp` on a real git repository picks
//! up spans that another process records, writes its sign-offs where `redline check` sees
//! them, and persists the editor's provenance on save.
//!
//! Waits are on conditions with generous deadlines (the server polls the ledger about every
//! 0.75 s); nothing here asserts how long anything took.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Once;

use serde_json::{Value, json};
use support::{BIN, Enc, LspClient, TIMEOUT, find, lsp_range};

const ALICE: &str = "alice@example.com";
const DEV: &str = "dev@example.com";
const REL: &str = "src/auth/session.rs";

const SESSION: &str = "use std::time::{Duration, SystemTime};

pub struct Session {
    pub user_id: u64,
    pub issued_at: SystemTime,
}

const MAX_AGE: Duration = Duration::from_secs(8 * 60 * 60);

pub fn verify_session(session: &Session, now: SystemTime) -> bool {
    match now.duration_since(session.issued_at) {
        Ok(age) => age <= MAX_AGE,
        Err(_) => false,
    }
}
";

/// What an AI completion adds at the end of the file in the editor.
const COMPLETION: &str = "
pub fn require_admin_role(roles: &[String]) -> bool {
    roles.iter().any(|r| r == \"admin\")
}
";

/// The server is started by the support client with this process's environment, so the
/// isolation from the machine's git configuration is set on the process, once, before any
/// test starts a process.
fn isolate_environment() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lsp-ledger-home");
        std::fs::create_dir_all(&home).unwrap();
        // SAFETY: done once, before this test binary starts any process or reads these
        // variables elsewhere; the standard library serialises environment access.
        unsafe {
            std::env::set_var("GIT_CONFIG_GLOBAL", "/dev/null");
            std::env::set_var("GIT_CONFIG_NOSYSTEM", "1");
            std::env::set_var("HOME", &home);
            std::env::set_var("NO_COLOR", "1");
            std::env::remove_var("GIT_DIR");
            std::env::remove_var("GIT_WORK_TREE");
            std::env::remove_var("GIT_INDEX_FILE");
        }
    });
}

struct Repo {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    /// A repository whose policy lets only alice sign off, with the session file committed,
    /// and git's user.email set to `email`.
    fn new(email: &str) -> Repo {
        isolate_environment();
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let repo = Repo { _dir: dir, root };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.email", email]);
        repo.git(&["config", "user.name", "Test"]);
        repo.write(
            "redline.toml",
            &format!("[review]\nreviewers = [\"{ALICE}\"]\n"),
        );
        repo.write(REL, SESSION);
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "--no-verify", "-m", "session check"]);
        repo
    }

    fn write(&self, rel: &str, contents: &str) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    fn git(&self, args: &[&str]) {
        let out = Command::new("git")
            .args(args)
            .current_dir(&self.root)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn redline(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .current_dir(&self.root)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn uri(&self, rel: &str) -> String {
        format!("file://{}", self.root.join(rel).display())
    }

    /// `redline check --format json` (working tree): the exit code and the report.
    fn check(&self) -> (Option<i32>, Value) {
        let out = self.redline(&["check", "--format", "json"]);
        let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "check did not print JSON ({e}): {}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code(), v)
    }
}

/// Starts `redline lsp` on the repository (rootUri and workspaceFolders) and initializes it.
fn start_server(repo: &Repo, init_options: Value) -> LspClient {
    let mut client = LspClient::start();
    let root_uri = format!("file://{}", repo.root.display());
    let params = json!({
        "processId": std::process::id(),
        "clientInfo": { "name": "redline-tests" },
        "rootUri": root_uri,
        "workspaceFolders": [ { "uri": root_uri, "name": "repo" } ],
        "capabilities": {
            "general": { "positionEncodings": ["utf-16"] },
            "textDocument": {
                "synchronization": { "didSave": true },
                "publishDiagnostics": { "relatedInformation": true, "versionSupport": true }
            },
            "window": { "showMessage": {} }
        },
        "initializationOptions": init_options,
    });
    let result = client
        .request("initialize", params)
        .unwrap_or_else(|e| client.fail(&format!("initialize failed: {e}")));
    client.notify("initialized", json!({}));
    client.initialize_result = Some(result);
    assert_eq!(client.position_encoding().as_deref(), Some("utf-16"));
    client
}

fn diagnostics(params: &Value) -> Vec<Value> {
    params["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn has_code(params: &Value, code: &str, line: u64) -> bool {
    diagnostics(params)
        .iter()
        .any(|d| d["code"] == code && d["range"]["start"]["line"] == line)
}

/// 0-based line of the first line containing `needle`.
fn line0(text: &str, needle: &str) -> u64 {
    text.lines().position(|l| l.contains(needle)).unwrap() as u64
}

#[test]
fn the_server_picks_up_records_signs_off_into_the_ledger_and_persists_editor_provenance() {
    let repo = Repo::new(ALICE);
    let mut client = start_server(&repo, json!({}));
    let uri = repo.uri(REL);
    client.did_open(&uri, "rust", 1, SESSION);
    client.wait_for_diagnostics(&uri, |p| diagnostics(p).is_empty(), TIMEOUT);

    // An agent hook records the function from another process while the file is open.
    let fn_line = line0(SESSION, "pub fn verify_session");
    let spec = format!("{REL}:{}-{}", fn_line + 1, fn_line + 6);
    let out = repo.redline(&["record", "--tool", "claude-code", &spec]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let published = client.wait_for_diagnostics(&uri, |p| has_code(p, "auth", fn_line), TIMEOUT);
    let d = diagnostics(&published)
        .into_iter()
        .find(|d| d["code"] == "auth")
        .unwrap();
    assert_eq!(d["source"], "redline");
    assert_eq!(d["data"]["origin"]["tool"], "claude-code", "{d:#}");
    assert!(
        d["message"].as_str().unwrap().contains("fn verify_session"),
        "{d:#}"
    );

    // The CLI agrees before the sign-off.
    let (code, v) = repo.check();
    assert_eq!(code, Some(1), "{v:#}");

    // The reviewer signs off in the editor.
    let mark = client.mark();
    let signed = client
        .execute("redline.signOff", json!({ "uri": uri }))
        .unwrap_or_else(|e| panic!("redline.signOff failed: {e}"));
    assert_eq!(signed["signedOff"], 1, "{signed}");
    assert_eq!(signed["reviewer"], ALICE, "{signed}");
    client.wait_for_diagnostics_after(mark, &uri, |p| diagnostics(p).is_empty(), TIMEOUT);

    // The sign-off is in the ledger: the CLI sees the finding as reviewed, while the server
    // is still running.
    let (code, v) = repo.check();
    assert_eq!(code, Some(0), "{v:#}");
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{v:#}");
    assert_eq!(findings[0]["reviewed"], true, "{v:#}");

    // An AI completion in the editor: the text changes, the editor saves the file, and the
    // extension reports the AI edit.
    let end = support::position(SESSION, SESSION.len(), Enc::Utf16);
    client.did_change(
        &uri,
        2,
        vec![support::change(
            support::range(end.0, end.1, end.0, end.1),
            COMPLETION,
        )],
    );
    let edited = format!("{SESSION}{COMPLETION}");
    let inserted = find(&edited, COMPLETION.trim_start());
    client.ai_edit(
        &uri,
        2,
        vec![lsp_range(&edited, inserted, Enc::Utf16)],
        json!({ "tool": "copilot", "kind": "inline-completion", "model": "gpt-4o" }),
    );
    let new_line = line0(&edited, "pub fn require_admin_role");
    client.wait_for_diagnostics(&uri, |p| has_code(p, "auth", new_line), TIMEOUT);
    repo.write(REL, &edited);
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    client.shutdown();

    // The editor's provenance outlived the server.
    let (code, v) = repo.check();
    assert_eq!(code, Some(1), "{v:#}");
    let findings = v["findings"].as_array().unwrap();
    let unreviewed: Vec<&Value> = findings.iter().filter(|f| f["reviewed"] == false).collect();
    assert_eq!(unreviewed.len(), 1, "{v:#}");
    assert_eq!(unreviewed[0]["hotspot"]["name"], "fn require_admin_role");
    assert_eq!(unreviewed[0]["origin"]["tool"], "copilot");
    assert_eq!(unreviewed[0]["start_line"], new_line + 1);
    // The agent's function is still recorded, and still signed off.
    assert!(
        findings
            .iter()
            .any(|f| f["hotspot"]["name"] == "fn verify_session" && f["reviewed"] == true),
        "{v:#}"
    );
}

#[test]
fn the_server_refuses_a_sign_off_by_someone_the_policy_does_not_list() {
    let repo = Repo::new(DEV);
    let out = repo.redline(&["record", "--tool", "claude-code", &format!("{REL}:10-15")]);
    assert!(out.status.success());
    let mut client = start_server(&repo, json!({}));
    let uri = repo.uri(REL);
    client.did_open(&uri, "rust", 1, SESSION);
    client.wait_for_diagnostics(&uri, |p| has_code(p, "auth", 9), TIMEOUT);

    let refused = client
        .execute("redline.signOff", json!({ "uri": uri }))
        .expect_err("a non-reviewer's sign-off must be refused");
    let message = refused["message"].as_str().unwrap_or_default();
    assert!(message.contains(ALICE), "{refused}");
    assert!(message.contains(DEV), "{refused}");
    client.shutdown();

    let (code, v) = repo.check();
    assert_eq!(code, Some(1), "{v:#}");
    assert_eq!(v["findings"][0]["reviewed"], false, "{v:#}");
}

/// The server's sign-off and the CLI's gate agree on what was reviewed even when the sign-off
/// happened in another process: a sign-off made with `redline signoff` clears the open
/// document's diagnostic.
#[test]
fn a_sign_off_made_on_the_command_line_clears_the_open_documents_diagnostic() {
    let repo = Repo::new(ALICE);
    let mut client = start_server(&repo, json!({}));
    let uri = repo.uri(REL);
    client.did_open(&uri, "rust", 1, SESSION);
    let out = repo.redline(&["record", "--tool", "cursor", &format!("{REL}:10-15")]);
    assert!(out.status.success());
    client.wait_for_diagnostics(&uri, |p| has_code(p, "auth", 9), TIMEOUT);

    let mark = client.mark();
    let out = repo.redline(&["signoff"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    client.wait_for_diagnostics_after(mark, &uri, |p| diagnostics(p).is_empty(), TIMEOUT);
    client.shutdown();
    let (code, v) = repo.check();
    assert_eq!(code, Some(0), "{v:#}");
}

/// Generates a throwaway ed25519 key pair; returns the private key's path and the public key.
fn keygen(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
        .arg(&key)
        .stdin(Stdio::null())
        .status()
        .expect("ssh-keygen runs")
        .success();
    assert!(ok, "ssh-keygen failed");
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_string())
}

/// With signatures required, the editor's sign-off signs with git's user.signingkey, and
/// `redline check` verifies that signature against the allowed signers.
#[test]
fn an_editor_sign_off_is_signed_with_the_signing_key_and_check_verifies_it() {
    let keys = tempfile::tempdir().unwrap();
    let (alice_key, alice_pub) = keygen(keys.path(), "alice_key");
    let repo = Repo::new(ALICE);
    repo.write(
        "redline.toml",
        &format!("[review]\nreviewers = [\"{ALICE}\"]\nrequire_signature = true\n"),
    );
    repo.write(
        ".redline/allowed_signers",
        &format!("{ALICE} namespaces=\"redline\" {alice_pub}\n"),
    );
    let out = repo.redline(&["record", "--tool", "claude-code", &format!("{REL}:10-15")]);
    assert!(out.status.success());

    // Without a signing key the editor refuses, and says what to set.
    let mut client = start_server(&repo, json!({}));
    let uri = repo.uri(REL);
    client.did_open(&uri, "rust", 1, SESSION);
    client.wait_for_diagnostics(&uri, |p| has_code(p, "auth", 9), TIMEOUT);
    let refused = client
        .execute("redline.signOff", json!({ "uri": uri }))
        .expect_err("no signing key");
    assert!(refused.to_string().contains("signingkey"), "{refused}");
    client.shutdown();
    let (code, _) = repo.check();
    assert_eq!(code, Some(1));

    repo.git(&[
        "config",
        "user.signingkey",
        &alice_key.display().to_string(),
    ]);
    let mut client = start_server(&repo, json!({}));
    client.did_open(&uri, "rust", 1, SESSION);
    client.wait_for_diagnostics(&uri, |p| has_code(p, "auth", 9), TIMEOUT);
    let mark = client.mark();
    let signed = client
        .execute("redline.signOff", json!({ "uri": uri }))
        .unwrap_or_else(|e| panic!("redline.signOff failed: {e}"));
    assert_eq!(signed["signedOff"], 1, "{signed}");
    client.wait_for_diagnostics_after(mark, &uri, |p| diagnostics(p).is_empty(), TIMEOUT);
    client.shutdown();

    let out = repo.redline(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("not accepted"));
}

/// A sign-off the review policy does not accept (here: unsigned, made before signatures were
/// required) must not hide the diagnostic in the editor while `redline check` rejects it:
/// "editing signed-off text makes it need review again, in check and in the editor", and the
/// editor must not call reviewed what the gate will refuse.
#[test]
fn the_editor_does_not_treat_as_reviewed_a_sign_off_that_check_rejects() {
    let repo = Repo::new(ALICE);
    let out = repo.redline(&["record", "--tool", "claude-code", &format!("{REL}:10-15")]);
    assert!(out.status.success());
    let out = repo.redline(&["signoff"]);
    assert!(out.status.success());
    let (code, _) = repo.check();
    assert_eq!(code, Some(0));

    // The team now requires signed sign-offs: the unsigned one no longer counts.
    let keys = tempfile::tempdir().unwrap();
    let (_, alice_pub) = keygen(keys.path(), "alice_key");
    repo.write(
        "redline.toml",
        &format!("[review]\nreviewers = [\"{ALICE}\"]\nrequire_signature = true\n"),
    );
    repo.write(
        ".redline/allowed_signers",
        &format!("{ALICE} namespaces=\"redline\" {alice_pub}\n"),
    );
    let (code, v) = repo.check();
    assert_eq!(code, Some(1), "{v:#}");

    let mut client = start_server(&repo, json!({}));
    let uri = repo.uri(REL);
    client.did_open(&uri, "rust", 1, SESSION);
    // The first publication after opening already reflects the ledger's spans and sign-offs
    // (both are loaded before it), and nothing changes afterwards.
    let published = client.wait_for_diagnostics(&uri, |_| true, TIMEOUT);
    client.shutdown();
    assert!(
        has_code(&published, "auth", 9),
        "`redline check` exits 1 on this finding, but the editor shows no diagnostic for it: {}",
        support::pretty(&published)
    );
}

/// Closing a document without saving it (the user discards their edits) must not rewrite
/// the ledger with the discarded buffer's provenance: the file on disk still holds the AI
/// text the agent wrote, and the gate must still see it.
#[test]
fn discarding_unsaved_edits_does_not_erase_the_provenance_of_the_file_on_disk() {
    let repo = Repo::new(ALICE);
    let out = repo.redline(&["record", "--tool", "claude-code", &format!("{REL}:10-15")]);
    assert!(out.status.success());
    let (code, v) = repo.check();
    assert_eq!(code, Some(1), "{v:#}");

    let mut client = start_server(&repo, json!({}));
    let uri = repo.uri(REL);
    client.did_open(&uri, "rust", 1, SESSION);
    client.wait_for_diagnostics(&uri, |p| has_code(p, "auth", 9), TIMEOUT);

    // The user rewrites the function in the editor (the AI text is gone from the buffer)...
    let body = find(SESSION, "pub fn verify_session");
    let body = body.start..SESSION.len();
    let mine = "pub fn verify_session(_: &Session, _: SystemTime) -> bool {\n    false\n}\n";
    let mark = client.mark();
    client.did_change(
        &uri,
        2,
        vec![support::change(lsp_range(SESSION, body, Enc::Utf16), mine)],
    );
    client.wait_for_diagnostics_after(mark, &uri, |p| diagnostics(p).is_empty(), TIMEOUT);
    // ...then closes it and discards the change: the file on disk is untouched.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    client.shutdown();
    assert_eq!(
        std::fs::read_to_string(repo.root.join(REL)).unwrap(),
        SESSION
    );

    let (code, v) = repo.check();
    assert_eq!(
        code,
        Some(1),
        "the agent's unreviewed change to fn verify_session is still on disk, but the gate no longer sees it: {v:#}"
    );
}

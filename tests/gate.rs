//! The commit gate end to end: real git repositories in temporary directories, the real
//! `redline` binary, a real SQLite ledger, real `ssh-keygen` keys and a real `git commit`
//! through the installed pre-commit hook.
//!
//! Every command runs with `GIT_CONFIG_GLOBAL=/dev/null`, `GIT_CONFIG_NOSYSTEM=1` and `HOME`
//! pointing at a temporary directory, and every repository sets its own `user.email`, so the
//! machine's git configuration cannot leak in.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_redline");

const DEV: &str = "dev@example.com";
const ALICE: &str = "alice@example.com";
const MALLORY: &str = "mallory@example.com";

/// The file before the agent's edit: a session check that accepts clock skew as valid.
const SESSION_BEFORE: &str = "use std::time::{Duration, SystemTime};

pub struct Session {
    pub user_id: u64,
    pub issued_at: SystemTime,
}

const MAX_AGE: Duration = Duration::from_secs(8 * 60 * 60);

pub fn verify_session(session: &Session, now: SystemTime) -> bool {
    match now.duration_since(session.issued_at) {
        Ok(age) => age < MAX_AGE,
        Err(_) => true,
    }
}
";

/// The path of the edited file, relative to the repository root.
const SESSION: &str = "src/auth/session.rs";

/// The Claude Code PostToolUse payload of a real Edit (tests/fixtures/hooks/claude-code-edit).
const EDIT_PAYLOAD: &str = include_str!("fixtures/hooks/claude-code-edit/payload.json");

/// The file right after that edit.
const SESSION_AFTER: &str = include_str!("fixtures/hooks/claude-code-edit/files/session.rs");

/// The result of one command, with everything a failure message needs.
#[derive(Debug)]
struct Run {
    what: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn from(what: String, o: Output) -> Run {
        Run {
            what,
            code: o.status.code(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("`{}` did not print JSON ({e}):\n{self}", self.what))
    }

    #[track_caller]
    fn expect(&self, code: i32) -> &Run {
        assert_eq!(self.code, Some(code), "unexpected exit status:\n{self}");
        self
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "$ {}\nexit: {:?}\n--- stdout\n{}--- stderr\n{}",
            self.what, self.code, self.stdout, self.stderr
        )
    }
}

/// A git repository in a temporary directory, with its own `HOME`.
struct Repo {
    _dir: tempfile::TempDir,
    home: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let home = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let repo = Repo {
            _dir: dir,
            home,
            root,
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Test"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo.set_email(DEV);
        repo
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The environment every command of this repository runs with.
    fn isolate(&self, cmd: &mut Command) {
        cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.home.path())
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_AUTHOR_EMAIL")
            .env_remove("GIT_COMMITTER_EMAIL")
            .env_remove("RAYON_NUM_THREADS");
    }

    fn run(&self, program: &str, args: &[&str], cwd: &Path, stdin: Option<&str>) -> Run {
        let mut cmd = Command::new(program);
        cmd.args(args).current_dir(cwd);
        self.isolate(&mut cmd);
        let what = format!(
            "{} {}",
            Path::new(program).file_name().unwrap().to_string_lossy(),
            args.join(" ")
        );
        let output = match stdin {
            None => cmd.stdin(Stdio::null()).output(),
            Some(input) => {
                cmd.stdin(Stdio::piped())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped());
                let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{what}: {e}"));
                use std::io::Write;
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(input.as_bytes())
                    .unwrap();
                child.wait_with_output()
            }
        };
        Run::from(
            what.clone(),
            output.unwrap_or_else(|e| panic!("{what}: {e}")),
        )
    }

    /// Runs git and asserts that it succeeded.
    fn git(&self, args: &[&str]) -> String {
        let r = self.run("git", args, &self.root, None);
        r.expect(0);
        r.stdout
    }

    fn redline(&self, args: &[&str]) -> Run {
        self.run(BIN, args, &self.root, None)
    }

    fn redline_stdin(&self, args: &[&str], stdin: &str) -> Run {
        self.run(BIN, args, &self.root, Some(stdin))
    }

    fn set_email(&self, email: &str) {
        self.git(&["config", "user.email", email]);
    }

    fn write(&self, rel: &str, contents: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    fn commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--no-verify", "-m", message]);
    }

    /// The session file committed as a person wrote it, with `config` as `redline.toml`.
    fn with_session(config: Option<&str>) -> Repo {
        let repo = Repo::new();
        if let Some(config) = config {
            repo.write("redline.toml", config);
        }
        repo.write(SESSION, SESSION_BEFORE);
        repo.write(
            "src/lib.rs",
            "pub mod auth {\n    pub mod session;\n}\n\npub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n",
        );
        repo.commit_all("a person's session check");
        repo
    }

    /// The agent's edit, as Claude Code makes it: the file is written, then the PostToolUse
    /// hook runs `redline record` with the payload on stdin.
    fn agent_edits_session(&self) {
        self.write(SESSION, SESSION_AFTER);
        let payload = edit_payload(&self.root);
        self.redline_stdin(&["record"], &payload).expect(0);
    }

    /// `redline check` with these arguments, as JSON.
    fn check_json(&self, args: &[&str]) -> (Option<i32>, Value, Run) {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        let r = self.redline(&all);
        let v = r.json();
        (r.code, v, r)
    }
}

/// The fixture payload, pointed at the session file of the repository at `root`.
fn edit_payload(root: &Path) -> String {
    let mut v: Value = serde_json::from_str(EDIT_PAYLOAD).unwrap();
    let file = root.join(SESSION).display().to_string();
    v["cwd"] = json!(root.display().to_string());
    v["tool_input"]["file_path"] = json!(file);
    v["tool_response"]["filePath"] = json!(file);
    assert_eq!(v["tool_response"]["originalFile"], SESSION_BEFORE);
    v.to_string()
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> u64 {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in the text")) as u64
        + 1
}

fn findings(v: &Value) -> &Vec<Value> {
    v["findings"].as_array().expect("findings")
}

fn review_config(extra: &str) -> String {
    format!("[review]\nreviewers = [\"{ALICE}\"]\n{extra}")
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

// ---------------------------------------------------------------------------------------------
// 1. The whole flow.
// ---------------------------------------------------------------------------------------------

#[test]
fn the_whole_flow_record_gate_refuse_sign_off_edit_gate_again() {
    let repo = Repo::with_session(Some(&review_config("")));
    repo.agent_edits_session();
    repo.git(&["add", SESSION]);

    let ai_line = line_of(SESSION_AFTER, "age <= MAX_AGE");
    let fn_line = line_of(SESSION_AFTER, "pub fn verify_session");

    // The gate: text names the file, the line and the category.
    let text = repo.redline(&["check", "--staged"]);
    text.expect(1);
    assert!(
        text.stdout.contains(&format!("{SESSION}:{ai_line}:")),
        "{text}"
    );
    assert!(text.stdout.contains("error[auth]"), "{text}");
    assert!(text.stdout.contains("fn verify_session"), "{text}");
    assert!(text.stdout.contains("claude-code"), "{text}");

    // The same in JSON, field by field.
    let (code, v, run) = repo.check_json(&["--staged"]);
    assert_eq!(code, Some(1), "{run}");
    let fs = findings(&v);
    assert_eq!(fs.len(), 1, "{v:#}");
    let f = &fs[0];
    assert_eq!(f["path"], SESSION);
    assert_eq!(f["category"], "auth");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["start_line"], ai_line);
    assert_eq!(f["end_line"], ai_line + 1);
    assert_eq!(f["reviewed"], false);
    assert_eq!(f["origin"]["tool"], "claude-code");
    assert_eq!(f["hotspot"]["name"], "fn verify_session");
    assert_eq!(f["hotspot"]["start_line"], fn_line);
    assert_eq!(v["summary"]["unreviewed"], 1);
    // The working tree holds the same content, and the working-tree check agrees.
    repo.redline(&["check"]).expect(1);

    // A developer who is not a listed reviewer is refused, and told who may sign off.
    let refused = repo.redline(&["signoff"]);
    assert_ne!(refused.code, Some(0), "{refused}");
    assert!(refused.stderr.contains(ALICE), "{refused}");
    assert!(refused.stderr.contains(DEV), "{refused}");
    assert!(refused.stderr.contains("may not sign off"), "{refused}");
    // The refusal recorded nothing.
    repo.redline(&["check", "--staged"]).expect(1);

    // The reviewer signs off.
    repo.set_email(ALICE);
    let signed = repo.redline(&["signoff"]);
    signed.expect(0);
    assert!(
        signed.stdout.contains(&format!("{SESSION}:{ai_line}")),
        "{signed}"
    );
    assert!(signed.stdout.contains(ALICE), "{signed}");
    let (code, v, run) = repo.check_json(&["--staged"]);
    assert_eq!(code, Some(0), "{run}");
    assert_eq!(findings(&v).len(), 1, "{v:#}");
    assert_eq!(findings(&v)[0]["reviewed"], true, "{v:#}");
    repo.redline(&["check"]).expect(0);
    repo.redline(&["check", "--staged"]).expect(0);

    // Someone edits the signed-off text, inside the AI-written part: review again.
    let edited = SESSION_AFTER.replace("age <= MAX_AGE", "age <= MAX_AGE * 2");
    assert_ne!(edited, SESSION_AFTER);
    repo.write(SESSION, &edited);
    repo.git(&["add", SESSION]);
    let again = repo.redline(&["check", "--staged"]);
    again.expect(1);
    assert!(again.stdout.contains("error[auth]"), "{again}");
    assert!(
        again.stdout.contains(&format!("{SESSION}:{ai_line}:")),
        "{again}"
    );
    repo.redline(&["check"]).expect(1);
    let (_, v, _) = repo.check_json(&[]);
    assert!(findings(&v).iter().all(|f| f["reviewed"] == false), "{v:#}");
}

#[test]
fn a_file_an_agent_created_with_write_is_gated_when_staged() {
    let repo = Repo::with_session(None);
    let content = "pub fn check_admin_permission(role: &str) -> bool {\n    role == \"admin\" || role == \"owner\"\n}\n";
    let file = repo.path("src/perms.rs").display().to_string();
    repo.write("src/perms.rs", content);
    let payload = json!({
        "session_id": "5f3c2a1e-8b4d-4e6f-9a07-c1d2e3f4a5b6",
        "transcript_path": "/tmp/transcript.jsonl",
        "cwd": repo.root.display().to_string(),
        "permission_mode": "acceptEdits",
        "hook_event_name": "PostToolUse",
        "tool_name": "Write",
        "tool_input": { "file_path": file, "content": content },
        "tool_response": {
            "type": "create",
            "filePath": file,
            "content": content,
            "structuredPatch": [],
            "originalFile": null
        },
        "tool_use_id": "toolu_01Rk2Jd8Hs5Wq9Lz3Vn6Cb4M"
    });
    repo.redline_stdin(&["record"], &payload.to_string())
        .expect(0);
    repo.git(&["add", "src/perms.rs"]);
    let (code, v, run) = repo.check_json(&["--staged"]);
    assert_eq!(code, Some(1), "{run}");
    let fs = findings(&v);
    assert_eq!(fs.len(), 1, "{v:#}");
    assert_eq!(fs[0]["path"], "src/perms.rs");
    assert_eq!(fs[0]["category"], "auth");
    assert_eq!(fs[0]["start_line"], 1);
    assert_eq!(fs[0]["hotspot"]["name"], "fn check_admin_permission");
}

// ---------------------------------------------------------------------------------------------
// 2. --staged checks the staged content, not the working tree.
// ---------------------------------------------------------------------------------------------

#[test]
fn staged_checks_the_index_even_when_the_working_tree_no_longer_has_the_ai_text() {
    let repo = Repo::with_session(Some(&review_config("")));
    repo.agent_edits_session();
    repo.git(&["add", SESSION]);
    // The working file loses the whole function; the index still has the AI change.
    let without_fn = &SESSION_AFTER[..SESSION_AFTER.find("pub fn verify_session").unwrap()];
    repo.write(SESSION, without_fn);

    let staged = repo.redline(&["check", "--staged"]);
    staged.expect(1);
    assert!(staged.stdout.contains("error[auth]"), "{staged}");
    assert!(staged.stdout.contains(SESSION), "{staged}");
    // The working tree has no AI-written high-impact code any more.
    repo.redline(&["check"]).expect(0);
}

#[test]
fn staged_passes_when_only_the_working_tree_has_the_ai_text() {
    let repo = Repo::with_session(Some(&review_config("")));
    // A person adds a comment and stages it.
    let commented = format!("// Sessions expire after eight hours.\n{SESSION_BEFORE}");
    repo.write(SESSION, &commented);
    repo.git(&["add", SESSION]);
    // Then the agent edits the working file, which is not staged.
    let after = format!("// Sessions expire after eight hours.\n{SESSION_AFTER}");
    repo.write(SESSION, &after);
    let mut v: Value = serde_json::from_str(&edit_payload(&repo.root)).unwrap();
    v["tool_response"]["originalFile"] = json!(commented);
    for hunk in v["tool_response"]["structuredPatch"]
        .as_array_mut()
        .unwrap()
    {
        hunk["oldStart"] = json!(hunk["oldStart"].as_u64().unwrap() + 1);
        hunk["newStart"] = json!(hunk["newStart"].as_u64().unwrap() + 1);
    }
    repo.redline_stdin(&["record"], &v.to_string()).expect(0);

    let staged = repo.redline(&["check", "--staged"]);
    staged.expect(0);
    let working = repo.redline(&["check"]);
    working.expect(1);
    assert!(
        working.stdout.contains(&format!("{SESSION}:13:")),
        "{working}"
    );
}

/// Renaming a file before committing it must not get its unreviewed AI change past the gate:
/// git knows the rename (`git diff --cached -M`), and the design says the ledger "never
/// silently drops what it cannot place: it says so".
#[test]
fn renaming_a_file_does_not_get_its_ai_change_past_the_gate() {
    let repo = Repo::with_session(Some(&review_config("")));
    repo.agent_edits_session();
    repo.git(&["add", SESSION]);
    repo.redline(&["check", "--staged"]).expect(1);

    repo.git(&["mv", SESSION, "src/auth/sessions.rs"]);
    let staged = repo.redline(&["check", "--staged"]);
    assert_eq!(
        staged.code,
        Some(1),
        "the AI change to fn verify_session is staged under a new name, unreviewed:\n{staged}"
    );
    assert!(staged.stdout.contains("src/auth/sessions.rs"), "{staged}");
}

// ---------------------------------------------------------------------------------------------
// 3. Signatures.
// ---------------------------------------------------------------------------------------------

/// A repository whose policy requires signatures, with alice's and mallory's keys (each under
/// their own email) in the allowed-signers file, and an unreviewed AI change.
fn signed_repo(keys: &Path) -> (Repo, PathBuf, PathBuf) {
    let (alice_key, alice_pub) = keygen(keys, "alice_key");
    let (mallory_key, mallory_pub) = keygen(keys, "mallory_key");
    let config = format!(
        "[review]\nreviewers = [\"{ALICE}\", \"{MALLORY}\"]\nrequire_signature = true\nallowed_signers = \".redline/allowed_signers\"\n"
    );
    let repo = Repo::with_session(Some(&config));
    repo.write(
        ".redline/allowed_signers",
        &format!(
            "{ALICE} namespaces=\"redline\" {alice_pub}\n{MALLORY} namespaces=\"redline\" {mallory_pub}\n"
        ),
    );
    repo.agent_edits_session();
    repo.redline(&["check"]).expect(1);
    (repo, alice_key, mallory_key)
}

#[test]
fn a_signed_sign_off_by_the_reviewers_key_is_accepted() {
    let keys = tempfile::tempdir().unwrap();
    let (repo, alice_key, _) = signed_repo(keys.path());
    repo.set_email(ALICE);

    // Without a key (and no user.signingkey) the reviewer is told how to give one.
    let no_key = repo.redline(&["signoff"]);
    assert_ne!(no_key.code, Some(0), "{no_key}");
    assert!(no_key.stderr.contains("--key"), "{no_key}");
    repo.redline(&["check"]).expect(1);

    let key = alice_key.display().to_string();
    repo.redline(&["signoff", "--key", &key]).expect(0);
    let ok = repo.redline(&["check"]);
    ok.expect(0);
    assert!(!ok.stderr.contains("not accepted"), "{ok}");
    let (code, v, run) = repo.check_json(&[]);
    assert_eq!(code, Some(0), "{run}");
    assert_eq!(findings(&v)[0]["reviewed"], true, "{v:#}");
}

#[test]
fn a_sign_off_signed_with_another_key_is_rejected_by_check() {
    let keys = tempfile::tempdir().unwrap();
    let (repo, alice_key, mallory_key) = signed_repo(keys.path());
    // Mallory claims to be alice, and signs with her own (otherwise allowed) key.
    repo.set_email(ALICE);
    let key = mallory_key.display().to_string();
    let forged = repo.redline(&["signoff", "--key", &key]);
    // Whether or not signoff itself notices, check must not accept it.
    let check = repo.redline(&["check"]);
    check.expect(1);
    assert!(
        check.stderr.contains("sign-off not accepted"),
        "{forged}\n{check}"
    );
    assert!(check.stderr.contains("does not verify"), "{check}");
    assert!(check.stderr.contains(ALICE), "{check}");
    assert!(check.stderr.contains(&format!("{SESSION}:")), "{check}");

    // The real alice can still sign off afterwards.
    let key = alice_key.display().to_string();
    repo.redline(&["signoff", "--key", &key]).expect(0);
    repo.redline(&["check"]).expect(0);
}

#[test]
fn an_unsigned_sign_off_is_rejected_once_signatures_are_required() {
    let keys = tempfile::tempdir().unwrap();
    let (_alice_key, alice_pub) = keygen(keys.path(), "alice_key");
    let repo = Repo::with_session(Some(&review_config("require_signature = false\n")));
    repo.write(
        ".redline/allowed_signers",
        &format!("{ALICE} namespaces=\"redline\" {alice_pub}\n"),
    );
    repo.agent_edits_session();
    repo.set_email(ALICE);
    repo.redline(&["signoff"]).expect(0);
    repo.redline(&["check"]).expect(0);

    repo.write("redline.toml", &review_config("require_signature = true\n"));
    let check = repo.redline(&["check"]);
    check.expect(1);
    assert!(check.stderr.contains("sign-off not accepted"), "{check}");
    assert!(check.stderr.contains("no signature"), "{check}");
    repo.redline(&["check", "--staged"]).expect(0); // nothing staged
    repo.git(&["add", SESSION]);
    repo.redline(&["check", "--staged"]).expect(1);
}

// ---------------------------------------------------------------------------------------------
// 4. Self sign-off.
// ---------------------------------------------------------------------------------------------

#[test]
fn whoever_recorded_the_ai_text_cannot_sign_it_off_when_self_sign_off_is_off() {
    let config =
        format!("[review]\nreviewers = [\"{DEV}\", \"{ALICE}\"]\nallow_self_signoff = false\n");
    let repo = Repo::with_session(Some(&config));
    repo.agent_edits_session(); // as dev
    let refused = repo.redline(&["signoff"]);
    assert_ne!(refused.code, Some(0), "{refused}");
    assert!(refused.stderr.contains(DEV), "{refused}");
    assert!(refused.stderr.contains("self sign-off"), "{refused}");
    repo.redline(&["check"]).expect(1);

    repo.set_email(ALICE);
    repo.redline(&["signoff"]).expect(0);
    repo.redline(&["check"]).expect(0);
}

#[test]
fn a_self_sign_off_made_while_allowed_stops_counting_when_the_policy_forbids_it() {
    let allowed = format!("[review]\nreviewers = [\"{DEV}\"]\nallow_self_signoff = true\n");
    let repo = Repo::with_session(Some(&allowed));
    repo.agent_edits_session();
    repo.redline(&["signoff"]).expect(0);
    repo.redline(&["check"]).expect(0);
    repo.write("redline.toml", &allowed.replace("= true", "= false"));
    let check = repo.redline(&["check"]);
    check.expect(1);
    assert!(check.stderr.contains("sign-off not accepted"), "{check}");
    assert!(check.stderr.contains("self sign-off"), "{check}");
}

// ---------------------------------------------------------------------------------------------
// 5. Bad configuration.
// ---------------------------------------------------------------------------------------------

#[test]
fn a_broken_config_exits_2_with_file_line_and_column() {
    let repo = Repo::with_session(None);
    repo.agent_edits_session();
    // Line 3, column 22: an unquoted string.
    repo.write(
        "redline.toml",
        &format!("[review]\nreviewers = [\"{ALICE}\"]\nallow_self_signoff = maybe\n"),
    );
    let where_ = format!("{}:3:22", repo.path("redline.toml").display());
    for args in [
        &["check"][..],
        &["check", "--staged"],
        &["check", "--format", "json"],
    ] {
        let r = repo.redline(args);
        r.expect(2);
        assert!(r.stderr.contains(&where_), "{r}");
        assert!(r.stdout.is_empty(), "{r}");
    }
    // An unknown key: line 2, column 1.
    repo.write("redline.toml", "[review]\nreviewrs = []\n");
    let r = repo.redline(&["check"]);
    r.expect(2);
    assert!(
        r.stderr
            .contains(&format!("{}:2:1", repo.path("redline.toml").display())),
        "{r}"
    );
    assert!(r.stderr.contains("reviewrs"), "{r}");
    // Sign-off does not fall back to defaults either.
    repo.set_email(ALICE);
    let s = repo.redline(&["signoff"]);
    assert_ne!(s.code, Some(0), "{s}");
    assert!(s.stderr.contains("redline.toml:2:1"), "{s}");
}

// ---------------------------------------------------------------------------------------------
// 6. A damaged ledger.
// ---------------------------------------------------------------------------------------------

fn ledger_dir(repo: &Repo) -> PathBuf {
    repo.path(".git/redline")
}

/// The files in the ledger's directory whose names start with `ledger.db.damaged`, without
/// SQLite's `-wal`/`-shm` companions.
fn aside_copies(repo: &Repo) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(ledger_dir(repo))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("ledger.db.damaged")
                && !name.ends_with("-wal")
                && !name.ends_with("-shm")
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_damaged_ledger_is_named_kept_and_repaired_on_request() {
    let repo = Repo::with_session(None);
    repo.agent_edits_session();
    repo.redline(&["check"]).expect(1);

    let ledger = ledger_dir(&repo).join("ledger.db");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&ledger, &garbage).unwrap();

    for args in [
        &["check"][..],
        &["check", "--staged"],
        &["record", "--tool", "t", SESSION],
    ] {
        let r = repo.redline(args);
        r.expect(2);
        assert!(r.stderr.contains(&ledger.display().to_string()), "{r}");
        assert!(r.stderr.contains("redline doctor --repair"), "{r}");
        assert_eq!(std::fs::read(&ledger).unwrap(), garbage, "{r}");
    }
    let doctor = repo.redline(&["doctor"]);
    assert_ne!(doctor.code, Some(0), "{doctor}");
    assert_eq!(std::fs::read(&ledger).unwrap(), garbage);
    assert!(aside_copies(&repo).is_empty());

    let repair = repo.redline(&["doctor", "--repair"]);
    repair.expect(0);
    let aside = aside_copies(&repo);
    assert_eq!(aside.len(), 1, "{repair}");
    assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage);
    assert!(
        repair.stdout.contains(&aside[0].display().to_string()),
        "{repair}"
    );

    // The check runs again (what was recorded in the damaged file is gone with it).
    repo.redline(&["check"]).expect(0);
    let healthy = repo.redline(&["doctor"]);
    healthy.expect(0);
    assert!(healthy.stdout.contains("healthy"), "{healthy}");
    // A second repair of a healthy ledger moves nothing.
    repo.redline(&["doctor", "--repair"]).expect(0);
    assert_eq!(aside_copies(&repo).len(), 1);
}

#[test]
fn a_ledger_damaged_past_its_header_is_named_and_kept() {
    let repo = Repo::with_session(None);
    repo.agent_edits_session();
    let ledger = ledger_dir(&repo).join("ledger.db");
    let mut bytes = std::fs::read(&ledger).unwrap();
    assert!(bytes.len() > 200);
    for (i, b) in bytes.iter_mut().enumerate().skip(100) {
        *b = (i as u32).wrapping_mul(2_654_435_761).to_be_bytes()[1];
    }
    std::fs::write(&ledger, &bytes).unwrap();
    let r = repo.redline(&["check"]);
    r.expect(2);
    assert!(r.stderr.contains(&ledger.display().to_string()), "{r}");
    assert!(r.stderr.contains("redline doctor --repair"), "{r}");
    assert_eq!(std::fs::read(&ledger).unwrap(), bytes);
    repo.redline(&["doctor", "--repair"]).expect(0);
    let aside = aside_copies(&repo);
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read(&aside[0]).unwrap(), bytes);
    repo.redline(&["check"]).expect(0);
}

/// Each damaged ledger that `doctor --repair` moves aside must be kept, also when the ledger
/// is damaged and repaired again soon after (the aside copies must not overwrite each other).
#[test]
fn every_damaged_ledger_moved_aside_is_kept() {
    let repo = Repo::with_session(None);
    repo.agent_edits_session();
    let ledger = ledger_dir(&repo).join("ledger.db");
    let mut damaged = Vec::new();
    for round in 0..4u8 {
        let garbage = format!("damaged ledger, round {round}: not a database at all").into_bytes();
        std::fs::write(&ledger, &garbage).unwrap();
        repo.redline(&["doctor", "--repair"]).expect(0);
        damaged.push(garbage);
    }
    let kept: Vec<Vec<u8>> = aside_copies(&repo)
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    for (round, garbage) in damaged.iter().enumerate() {
        assert!(
            kept.contains(garbage),
            "the ledger damaged in round {round} was not kept; kept aside: {:?}",
            aside_copies(&repo)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 7. Recording by hand.
// ---------------------------------------------------------------------------------------------

const X_RS: &str = "pub fn verify_token(token: &str) -> bool {
    !token.is_empty()
}
pub fn check_password(given: &str, stored: &str) -> bool {
    given == stored
}
pub fn is_admin(role: &str) -> bool {
    role == \"admin\"
}
";

#[test]
fn recording_lines_by_hand_finds_only_those_lines() {
    let repo = Repo::with_session(None);
    repo.write("src/x.rs", X_RS);
    repo.commit_all("x");
    // In an audit every function is high-impact, so lines outside 3-5 have hotspots too.
    let (_, audit, _) = repo.check_json(&["--all-ai", "src/x.rs"]);
    let audit_lines: Vec<u64> = findings(&audit)
        .iter()
        .map(|f| f["start_line"].as_u64().unwrap())
        .collect();
    assert!(
        audit_lines.contains(&1) && audit_lines.contains(&7),
        "{audit:#}"
    );

    let r = repo.redline(&["record", "--tool", "copilot", "src/x.rs:3-5"]);
    r.expect(0);
    let (code, v, run) = repo.check_json(&[]);
    assert_eq!(code, Some(1), "{run}");
    let fs = findings(&v);
    assert!(!fs.is_empty(), "{v:#}");
    for f in fs {
        assert_eq!(f["path"], "src/x.rs", "{v:#}");
        assert_eq!(f["origin"]["tool"], "copilot", "{v:#}");
        let (s, e) = (
            f["start_line"].as_u64().unwrap(),
            f["end_line"].as_u64().unwrap(),
        );
        assert!(3 <= s && e <= 5, "finding outside lines 3-5: {f:#}");
    }
    let names: Vec<&str> = fs
        .iter()
        .map(|f| f["hotspot"]["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"fn verify_token"), "{v:#}");
    assert!(names.contains(&"fn check_password"), "{v:#}");
    assert!(!names.contains(&"fn is_admin"), "{v:#}");

    // A line that does not exist is refused, and nothing is recorded.
    let bad = repo.redline(&["record", "--tool", "copilot", "src/x.rs:40-41"]);
    assert_ne!(bad.code, Some(0), "{bad}");
    assert!(bad.stderr.contains("src/x.rs:40-41"), "{bad}");
}

// ---------------------------------------------------------------------------------------------
// 8. The CI gate: --base.
// ---------------------------------------------------------------------------------------------

#[test]
fn base_reports_what_the_branch_changed_and_sarif_parses() {
    let repo = Repo::with_session(None);
    // An AI change on main, never reviewed: not this branch's business.
    repo.write("src/x.rs", X_RS);
    repo.redline(&["record", "--tool", "copilot", "src/x.rs:7-9"])
        .expect(0);
    repo.commit_all("x on main");

    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.agent_edits_session();
    repo.commit_all("agent: stricter session expiry");

    // The working tree check sees both; --base main only the branch's.
    let (code, all, run) = repo.check_json(&[]);
    assert_eq!(code, Some(1), "{run}");
    assert_eq!(findings(&all).len(), 2, "{all:#}");
    let (code, v, run) = repo.check_json(&["--base", "main"]);
    assert_eq!(code, Some(1), "{run}");
    let fs = findings(&v);
    assert_eq!(fs.len(), 1, "{v:#}");
    assert_eq!(fs[0]["path"], SESSION);
    assert_eq!(fs[0]["category"], "auth");
    assert_eq!(
        fs[0]["start_line"],
        line_of(SESSION_AFTER, "age <= MAX_AGE")
    );

    let never = repo.redline(&["check", "--base", "main", "--fail-on", "never"]);
    never.expect(0);
    assert!(never.stdout.contains("error[auth]"), "{never}");

    let sarif = repo.redline(&["check", "--base", "main", "--format", "sarif"]);
    sarif.expect(1);
    let s = sarif.json();
    assert_eq!(s["version"], "2.1.0", "{s:#}");
    let results = s["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "{s:#}");
    let r = &results[0];
    assert_eq!(r["ruleId"], "auth", "{s:#}");
    assert_eq!(r["level"], "error", "{s:#}");
    let location = &r["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], SESSION, "{s:#}");
    assert_eq!(
        location["region"]["startLine"],
        line_of(SESSION_AFTER, "age <= MAX_AGE"),
        "{s:#}"
    );

    // An unknown base is trouble, not a pass.
    let bad = repo.redline(&["check", "--base", "no-such-branch"]);
    bad.expect(2);
    assert!(bad.stderr.contains("no-such-branch"), "{bad}");
}

// ---------------------------------------------------------------------------------------------
// 9. redline init and a real git commit.
// ---------------------------------------------------------------------------------------------

fn path_with_redline() -> String {
    let bin_dir = Path::new(BIN).parent().unwrap();
    let mut parts = vec![bin_dir.to_path_buf()];
    parts.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(parts)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// `git commit` as a person runs it, hooks enabled and redline on PATH: `git commit -m
/// MESSAGE`, or `git commit -a` when `message` is `-a`.
fn git_commit(repo: &Repo, message: &str) -> Run {
    let mut cmd = Command::new("git");
    if message == "-a" {
        cmd.args(["commit", "-a", "-m", "everything"]);
    } else {
        cmd.args(["commit", "-m", message]);
    }
    cmd.current_dir(&repo.root).stdin(Stdio::null());
    repo.isolate(&mut cmd);
    cmd.env("PATH", path_with_redline());
    Run::from(format!("git commit -m {message:?}"), cmd.output().unwrap())
}

fn snapshot(repo: &Repo, files: &[&str]) -> Vec<(String, Option<Vec<u8>>)> {
    files
        .iter()
        .map(|f| (f.to_string(), std::fs::read(repo.path(f)).ok()))
        .collect()
}

#[test]
fn init_installs_a_pre_commit_hook_that_blocks_a_real_commit_until_sign_off() {
    let repo = Repo::with_session(None);
    let init = repo.redline(&["init", "--agent", "claude-code"]);
    init.expect(0);

    let config = repo.read("redline.toml");
    assert!(
        config
            .lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
            >= 3,
        "{config}"
    );
    assert!(config.contains("[review]"), "{config}");
    let hook = repo.path(".git/hooks/pre-commit");
    let script = std::fs::read_to_string(&hook).expect("a pre-commit hook");
    assert!(script.contains("redline check --staged"), "{script}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&hook).unwrap().permissions().mode();
        assert!(mode & 0o111 != 0, "the hook is not executable: {mode:o}");
    }

    // Claude Code's settings run `redline record` after every file edit.
    let settings: Value =
        serde_json::from_str(&repo.read(".claude/settings.json")).expect("settings JSON");
    let entries = settings["hooks"]["PostToolUse"]
        .as_array()
        .expect("PostToolUse hooks");
    let command = entries
        .iter()
        .filter(|e| e["matcher"].as_str().is_some_and(|m| m.contains("Edit")))
        .flat_map(|e| e["hooks"].as_array().cloned().unwrap_or_default())
        .find_map(|h| {
            h["command"]
                .as_str()
                .filter(|c| c.contains("redline record"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| panic!("no redline record hook in {settings:#}"));

    repo.commit_all("redline set up");

    // The agent edits the session check; Claude Code runs the configured command.
    repo.write(SESSION, SESSION_AFTER);
    let mut sh = Command::new("sh");
    sh.args(["-c", &command])
        .current_dir(&repo.root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    repo.isolate(&mut sh);
    sh.env("PATH", path_with_redline());
    let mut child = sh.spawn().unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(edit_payload(&repo.root).as_bytes())
            .unwrap();
    }
    let hook_run = Run::from(command.clone(), child.wait_with_output().unwrap());
    hook_run.expect(0);

    let head_before = repo.git(&["rev-parse", "HEAD"]);
    // `git commit -a` stages into a temporary index that the hook must check.
    let all = git_commit(&repo, "-a");
    assert_ne!(all.code, Some(0), "{all}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head_before);
    repo.git(&["add", SESSION]);
    let blocked = git_commit(&repo, "agent: stricter session expiry");
    assert_ne!(blocked.code, Some(0), "{blocked}");
    let said = format!("{}{}", blocked.stdout, blocked.stderr);
    assert!(said.contains("auth"), "{blocked}");
    assert!(said.contains(SESSION), "{blocked}");
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), head_before);

    repo.set_email(ALICE);
    repo.redline(&["signoff", "--staged"]).expect(0);
    let committed = git_commit(&repo, "agent: stricter session expiry");
    committed.expect(0);
    assert_ne!(repo.git(&["rev-parse", "HEAD"]), head_before);
    assert_eq!(repo.git(&["status", "--porcelain"]).trim(), "");

    // A second init changes nothing.
    let files = [
        "redline.toml",
        ".git/hooks/pre-commit",
        ".claude/settings.json",
    ];
    let before = snapshot(&repo, &files);
    let again = repo.redline(&["init", "--agent", "claude-code"]);
    again.expect(0);
    assert_eq!(snapshot(&repo, &files), before, "{again}");
    assert!(again.stdout.contains("already set up"), "{again}");
}

#[test]
fn init_keeps_another_tools_pre_commit_hook_and_settings() {
    let repo = Repo::with_session(None);
    let hook = repo.path(".git/hooks/pre-commit");
    let theirs = "#!/bin/sh\n# the team's linter\nexec ./scripts/lint\n";
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, theirs).unwrap();
    repo.write(
        ".claude/settings.json",
        r#"{"model":"opus","hooks":{"PostToolUse":[{"matcher":"Bash","hooks":[{"type":"command","command":"echo bash"}]}]}}"#,
    );

    let init = repo.redline(&["init", "--agent", "claude-code"]);
    init.expect(0);
    assert_eq!(std::fs::read_to_string(&hook).unwrap(), theirs, "{init}");
    assert!(init.stdout.contains("left"), "{init}");
    assert!(init.stdout.contains("redline check --staged"), "{init}");
    let settings: Value = serde_json::from_str(&repo.read(".claude/settings.json")).unwrap();
    assert_eq!(settings["model"], "opus");
    let entries = settings["hooks"]["PostToolUse"].as_array().unwrap();
    assert!(
        entries.iter().any(|e| e["matcher"] == "Bash"),
        "{settings:#}"
    );
    assert!(
        entries
            .iter()
            .any(|e| e.to_string().contains("redline record")),
        "{settings:#}"
    );

    let files = [
        "redline.toml",
        ".git/hooks/pre-commit",
        ".claude/settings.json",
    ];
    let before = snapshot(&repo, &files);
    repo.redline(&["init", "--agent", "claude-code"]).expect(0);
    assert_eq!(snapshot(&repo, &files), before);
}

#[test]
fn hostile_hook_payloads_are_refused_by_name_and_lose_nothing() {
    let repo = Repo::with_session(None);
    repo.agent_edits_session();
    let (code, before, r) = repo.check_json(&[]);
    assert_eq!(code, Some(1), "{r}");
    assert_eq!(findings(&before).len(), 1, "{r}");
    let huge = format!("{{\"tool_name\": \"{}", "x".repeat(8 << 20));
    let outside = r#"{"hook_event_name":"PostToolUse","tool_name":"Edit",
        "tool_input":{"file_path":"/etc/hostname","old_string":"a","new_string":"b"}}"#;
    for (payload, says) in [
        (r#"{"tool_name": "Edit", "tool_input": {"#, "not valid JSON"),
        ("[1, 2]", "must be a JSON object, but it is an array"),
        ("  \n", "the hook payload is empty"),
        ("\u{0}\u{1}binary\u{7f}", "not valid JSON"),
        (huge.as_str(), "not valid JSON"),
        (outside, "outside the repository"),
    ] {
        let r = repo.redline_stdin(&["record"], payload);
        r.expect(2);
        assert_eq!(r.stderr.matches(says).count(), 1, "named once: {r}");
    }
    // What was recorded before is all still there.
    let (code, after, r) = repo.check_json(&[]);
    assert_eq!(code, Some(1), "{r}");
    assert_eq!(after, before);
}

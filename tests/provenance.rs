//! Provenance that survives the commit, end to end: real git repositories in temporary
//! directories, the real `redline` binary run by git's own hooks, notes pushed and fetched
//! into a fresh clone the way CI gets them, rebases, squash merges, trailers, Agent Trace.
//!
//! Every command runs with `GIT_CONFIG_GLOBAL=/dev/null`, `GIT_CONFIG_NOSYSTEM=1` and `HOME`
//! pointing at a temporary directory, so the machine's git configuration cannot leak in.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_redline");

const DEV: &str = "dev@example.com";
const ALICE: &str = "alice@example.com";
const MALLORY: &str = "mallory@example.com";

const AUTH: &str = "src/auth.rs";

/// What a person wrote, on main.
const BASE: &str = "pub fn helper(x: u32) -> u32 {
    x + 1
}
";

/// Lines 5-7: an auth hotspot.
const VERIFY: &str = "
pub fn verify_password(input: &str, stored: &str) -> bool {
    input == stored
}
";

/// Lines 9-11 after VERIFY: an auth hotspot.
const AUTHENTICATE: &str = "
pub fn authenticate(user: &str, password: &str) -> bool {
    !user.is_empty() && !password.is_empty()
}
";

/// Lines 13-15 after AUTHENTICATE: an auth hotspot.
const AUTHORIZE: &str = "
pub fn authorize_admin(role: &str) -> bool {
    role == \"admin\"
}
";

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

/// A git repository in a temporary directory, with its own `HOME`. Git runs with redline on
/// `PATH`, so the hooks `redline init` installs really run.
struct Repo {
    _dir: tempfile::TempDir,
    home: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    fn empty() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let home = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        Repo {
            _dir: dir,
            home,
            root,
        }
    }

    fn new() -> Repo {
        let repo = Repo::empty();
        repo.git(&["init", "-q", "-b", "main"]);
        repo.configure();
        repo
    }

    fn configure(&self) {
        self.git(&["config", "user.name", "Test"]);
        self.git(&["config", "commit.gpgsign", "false"]);
        self.set_email(DEV);
    }

    /// main: `redline init` (hooks and `redline.toml`, or `config`), and the person's file.
    fn with_base(config: Option<&str>) -> Repo {
        let repo = Repo::new();
        repo.redline(&["init"]).expect(0);
        if let Some(config) = config {
            repo.write("redline.toml", config);
        }
        repo.write(AUTH, BASE);
        repo.commit_all("a person's helper");
        repo
    }

    /// A clone as CI makes it: `git clone`, then, when `notes`, the README's
    /// `git fetch origin 'refs/notes/*:refs/notes/*'`. It has no ledger.
    fn clone_for_ci(&self, notes: bool) -> Repo {
        let ci = Repo::empty();
        let parent = ci.root.parent().unwrap().to_path_buf();
        let src = self.root.display().to_string();
        let dst = ci.root.display().to_string();
        let r = ci.run("git", &["clone", "-q", &src, &dst], &parent, None);
        r.expect(0);
        ci.configure();
        if notes {
            ci.git(&["fetch", "-q", "origin", "refs/notes/*:refs/notes/*"]);
        }
        ci
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn isolate(&self, cmd: &mut Command) {
        cmd.env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.home.path())
            .env("NO_COLOR", "1")
            .env("PATH", path_with_redline())
            .env("GIT_EDITOR", "true")
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

    #[track_caller]
    fn git(&self, args: &[&str]) -> String {
        let r = self.run("git", args, &self.root, None);
        r.expect(0);
        r.stdout
    }

    fn redline(&self, args: &[&str]) -> Run {
        self.run(BIN, args, &self.root, None)
    }

    fn set_email(&self, email: &str) {
        self.git(&["config", "user.email", email]);
    }

    fn write(&self, rel: &str, contents: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    fn append(&self, rel: &str, contents: &str) {
        let mut text = std::fs::read_to_string(self.path(rel)).unwrap_or_default();
        text.push_str(contents);
        self.write(rel, &text);
    }

    /// `git add -A; git commit` with the hooks running, except the pre-commit gate (these
    /// tests are about what happens after the commit).
    #[track_caller]
    fn commit_all(&self, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--no-verify", "-m", message]);
        self.head()
    }

    fn head(&self) -> String {
        self.git(&["rev-parse", "HEAD"]).trim().to_string()
    }

    fn note(&self, notes_ref: &str, rev: &str) -> String {
        self.git(&["notes", "--ref", notes_ref, "show", rev])
    }

    /// Writes `text` as the note on `rev` in `notes_ref`, replacing any note there.
    fn set_note(&self, notes_ref: &str, rev: &str, text: &str) {
        self.git(&["notes", "--ref", notes_ref, "add", "-f", "-m", text, rev]);
    }

    fn check_base(&self, base: &str) -> (Run, Value) {
        let r = self.redline(&["check", "--base", base, "--format", "json"]);
        let v = r.json();
        (r, v)
    }
}

fn line_count(text: &str) -> usize {
    text.lines().count()
}

/// (hotspot name, reviewed, tool) of every finding.
fn summary(v: &Value) -> BTreeSet<(String, bool, String)> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["hotspot"]["name"].as_str().unwrap().to_string(),
                f["reviewed"].as_bool().unwrap(),
                f["origin"]["tool"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn set(items: &[(&str, bool, &str)]) -> BTreeSet<(String, bool, String)> {
    items
        .iter()
        .map(|(n, r, t)| (n.to_string(), *r, t.to_string()))
        .collect()
}

/// An AI edit as an agent hook records it: the text is appended, then `redline record`.
fn ai_appends(repo: &Repo, tool: &str, text: &str) {
    let before = line_count(&std::fs::read_to_string(repo.path(AUTH)).unwrap());
    repo.append(AUTH, text);
    // The blank first line of each snippet is the person's spacing, not the AI's code.
    let (from, to) = (before + 2, before + line_count(text));
    repo.redline(&["record", "--tool", tool, &format!("{AUTH}:{from}-{to}")])
        .expect(0);
}

// ---------------------------------------------------------------------------------------------

#[test]
fn a_commit_with_ai_spans_gets_a_git_ai_note_that_reads_back() {
    let repo = Repo::with_base(None);
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.append(AUTH, VERIFY);
    repo.redline(&[
        "record",
        "--tool",
        "claude-code",
        "--model",
        "claude-opus-4",
        &format!("{AUTH}:5-7"),
    ])
    .expect(0);
    let commit = repo.commit_all("agent: password check");

    let note = repo.note("refs/notes/ai", "HEAD");
    let (attestation, metadata) = note.split_once("\n---\n").expect("a --- divider");
    let lines: Vec<&str> = attestation.lines().collect();
    assert_eq!(lines.len(), 2, "{note}");
    assert_eq!(lines[0], AUTH);
    let (hash, ranges) = lines[1]
        .strip_prefix("  ")
        .and_then(|l| l.split_once(' '))
        .unwrap_or_else(|| panic!("not an attestation entry: {:?}", lines[1]));
    assert_eq!(hash.len(), 16);
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{hash}");
    assert_eq!(ranges, "5-7");
    let meta: Value = serde_json::from_str(metadata).expect("JSON metadata");
    assert_eq!(meta["schema_version"], "authorship/3.0.0");
    assert_eq!(meta["base_commit_sha"], commit.as_str());
    let prompt = &meta["prompts"][hash];
    assert_eq!(prompt["agent_id"]["tool"], "claude-code");
    assert_eq!(prompt["agent_id"]["model"], "claude-opus-4");
    assert_eq!(prompt["human_author"], format!("<{DEV}>"));
    assert_eq!(prompt["accepted_lines"], 3);
    assert!(prompt["messages"].as_array().is_some());

    // And it reads back: in a clone with no ledger, blame says who wrote each line.
    let ci = repo.clone_for_ci(true);
    let r = ci.redline(&["blame", AUTH, "--format", "json"]);
    r.expect(0);
    let v = r.json();
    let lines = v["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 7);
    // The helper was committed before anything was recorded (no ledger, so no note): its
    // origin is unknown, which is not the same as a person's.
    assert_eq!(lines[0]["source"], "unknown", "{:#}", lines[0]);
    assert_eq!(lines[0]["review"], "not-needed");
    // The agent's commit has a note: its lines that no source calls AI-written are a person's.
    assert_eq!(lines[3]["source"], "human", "{:#}", lines[3]);
    for l in &lines[4..7] {
        assert_eq!(l["source"], "ai", "{l:#}");
        assert_eq!(l["tool"], "claude-code");
        assert_eq!(l["model"], "claude-opus-4");
        assert_eq!(l["review"], "needs-review");
        assert_eq!(l["evidence"], "notes");
    }
}

/// main, then a branch of three commits: an agent's password check, a person's function,
/// and an agent's admin check that alice signed off. Returns the repository and the commits.
fn three_commit_branch() -> (Repo, Vec<String>) {
    let repo = Repo::with_base(Some(&format!("[review]\nreviewers = [\"{ALICE}\"]\n")));
    repo.git(&["checkout", "-q", "-b", "feature"]);
    let mut commits = Vec::new();
    ai_appends(&repo, "claude-code", VERIFY);
    commits.push(repo.commit_all("agent: password check"));
    repo.append(AUTH, AUTHENTICATE);
    commits.push(repo.commit_all("person: authenticate"));
    ai_appends(&repo, "copilot", AUTHORIZE);
    repo.set_email(ALICE);
    repo.redline(&["signoff", &format!("{AUTH}:13-15")])
        .expect(0);
    repo.set_email(DEV);
    commits.push(repo.commit_all("agent: admin check, signed off"));
    (repo, commits)
}

#[test]
fn base_on_a_branch_of_three_commits_finds_exactly_the_unreviewed_ai_lines() {
    let (repo, commits) = three_commit_branch();
    // The person's commit has a note too, with no AI lines in it.
    let note = repo.note("refs/notes/ai", &commits[1]);
    assert!(note.starts_with("---\n"), "{note}");
    assert!(repo.note("refs/notes/redline", &commits[2]).contains(ALICE));

    let expected = set(&[
        ("fn verify_password", false, "claude-code"),
        ("fn authorize_admin", true, "copilot"),
    ]);
    let ci = repo.clone_for_ci(true);
    let (r, v) = ci.check_base("origin/main");
    r.expect(1);
    assert_eq!(summary(&v), expected, "{r}");
    let unreviewed: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["reviewed"] == false)
        .collect();
    assert_eq!(unreviewed.len(), 1);
    assert_eq!(
        (&unreviewed[0]["start_line"], &unreviewed[0]["end_line"]),
        (&Value::from(5), &Value::from(7))
    );

    // SARIF for code scanning: the reviewed finding is a suppressed result.
    let sarif = ci.redline(&["check", "--base", "origin/main", "--format", "sarif"]);
    sarif.expect(1);
    let s = sarif.json();
    let results = s["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{sarif}");
    assert_eq!(
        results
            .iter()
            .filter(|r| r
                .get("suppressions")
                .is_some_and(|s| !s.as_array().unwrap().is_empty()))
            .count(),
        1
    );

    // Without the notes, CI sees nothing: it is the notes that carry the provenance. It says
    // how to fetch them.
    let bare = repo.clone_for_ci(false);
    let (r, v) = bare.check_base("origin/main");
    r.expect(0);
    assert!(summary(&v).is_empty(), "{r}");
    assert!(
        r.stderr
            .contains("git fetch origin 'refs/notes/*:refs/notes/*'"),
        "{r}"
    );
    let (r, _) = ci.check_base("origin/main");
    assert!(!r.stderr.contains("no provenance notes"), "{r}");
}

#[test]
fn a_rebase_keeps_the_ai_lines_and_sign_offs() {
    let (repo, _) = three_commit_branch();
    // CI's clone has the notes but no ledger: only the notes can carry provenance there.
    let ci = repo.clone_for_ci(true);
    ci.redline(&["init"]).expect(0);
    assert!(
        ci.git(&["config", "--get-all", "notes.rewriteRef"])
            .contains("refs/notes/ai")
    );
    // main moves on: three lines at the top of the same file.
    ci.git(&["checkout", "-q", "-b", "main2", "origin/main"]);
    let text = std::fs::read_to_string(ci.path(AUTH)).unwrap();
    ci.write(AUTH, &format!("//! Auth.\n//! Helpers.\n\n{text}"));
    ci.commit_all("docs");
    ci.git(&["checkout", "-q", "feature"]);
    let r = ci.run("git", &["rebase", "main2"], &ci.root, None);
    r.expect(0);

    let rebased: Vec<String> = ci
        .git(&["rev-list", "--reverse", "main2..HEAD"])
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(rebased.len(), 3);
    let note = ci.note("refs/notes/ai", &rebased[0]);
    assert!(note.contains("  "), "{note}");
    assert!(
        note.lines().nth(1).unwrap().ends_with(" 8-10"),
        "the lines moved down by three:\n{note}"
    );
    let meta: Value = serde_json::from_str(note.split_once("\n---\n").unwrap().1).unwrap();
    assert_eq!(meta["base_commit_sha"], rebased[0].as_str());

    let (r, v) = ci.check_base("main2");
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[
            ("fn verify_password", false, "claude-code"),
            ("fn authorize_admin", true, "copilot"),
        ]),
        "{r}"
    );

    // An amend that adds a person's lines keeps the AI's, and only those.
    ci.append(AUTH, "\npub fn audit_log() {}\n");
    ci.git(&[
        "commit",
        "-q",
        "-a",
        "--amend",
        "--no-verify",
        "-m",
        "admin check",
    ]);
    let note = ci.note("refs/notes/ai", "HEAD");
    assert!(note.lines().nth(1).unwrap().ends_with(" 16-18"), "{note}");
    let meta: Value = serde_json::from_str(note.split_once("\n---\n").unwrap().1).unwrap();
    assert_eq!(meta["base_commit_sha"], ci.head().as_str());
}

#[test]
fn a_co_authored_by_claude_trailer_counts_every_added_line_as_ai() {
    let repo = Repo::with_base(None);
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.append(AUTH, VERIFY);
    repo.append(AUTH, AUTHENTICATE);
    repo.commit_all(
        "Add password checks\n\nWritten with Claude.\n\nCo-authored-by: Claude <noreply@anthropic.com>",
    );
    repo.append(AUTH, AUTHORIZE);
    repo.commit_all("person: admin check");

    let ci = repo.clone_for_ci(false);
    let (r, v) = ci.check_base("origin/main");
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[
            ("fn verify_password", false, "claude"),
            ("fn authenticate", false, "claude"),
        ]),
        "{r}"
    );

    let b = ci.redline(&["blame", AUTH, "--format", "json"]);
    b.expect(0);
    let v = b.json();
    let lines = v["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 15);
    for l in &lines[3..11] {
        assert_eq!(l["source"], "ai", "{l:#}");
        assert_eq!(l["tool"], "claude");
        assert_eq!(l["evidence"], "trailer");
    }
    assert_eq!(lines[12]["source"], "unknown", "{:#}", lines[12]);

    // The rule is the config's, read from the base: with no trailer rules on main, the
    // commit is nobody's in particular.
    let off = repo.clone_for_ci(false);
    off.git(&["checkout", "-q", "-b", "m", "origin/main"]);
    off.write("redline.toml", "[provenance]\ntrailers = []\n");
    off.commit_all("no trailer rules");
    off.git(&["checkout", "-q", "feature"]);
    off.git(&["rebase", "-q", "m"]);
    let (r, v) = off.check_base("m");
    r.expect(0);
    assert!(summary(&v).is_empty(), "{r}");
}

#[test]
fn malformed_notes_and_trace_records_are_named_and_the_rest_is_checked() {
    let repo = Repo::with_base(None);
    repo.git(&["checkout", "-q", "-b", "feature"]);
    // A: git-ai wrote this commit's note (by hand here, in git-ai's format).
    repo.append(AUTH, VERIFY);
    let a = repo.commit_all("verify");
    let git_ai_note = format!(
        "{AUTH}\n  1234567890abcdef 5-7\n---\n{{\"schema_version\":\"authorship/3.0.0\",\"git_ai_version\":\"1.0.23\",\"base_commit_sha\":\"{a}\",\"prompts\":{{\"1234567890abcdef\":{{\"agent_id\":{{\"tool\":\"cursor\",\"id\":\"c-1\",\"model\":\"gpt-5\"}},\"human_author\":\"Dev <{DEV}>\",\"messages\":[],\"total_additions\":3,\"total_deletions\":0,\"accepted_lines\":3,\"overriden_lines\":0}}}}}}\n"
    );
    repo.set_note("refs/notes/ai", &a, &git_ai_note);
    repo.set_note("refs/notes/redline", &a, "{");
    // B: an agent's Agent Trace record for authenticate, after a line that is not JSON.
    repo.append(AUTH, AUTHENTICATE);
    let record = r#"{"version":"1.0","id":"550e8400-e29b-41d4-a716-446655440000","timestamp":"2026-01-25T10:00:00Z","tool":{"name":"opencode"},"files":[{"path":"src/auth.rs","conversations":[{"contributor":{"type":"ai","model_id":"anthropic/claude-sonnet-4"},"ranges":[{"start_line":9,"end_line":11}]}]}]}"#;
    repo.write(
        ".agent-trace/traces.jsonl",
        &format!("{{\"version\": \"1.0\", \"files\": oops\n{record}\n"),
    );
    repo.commit_all("authenticate");
    // C: a note that is not an authorship log at all.
    repo.append(AUTH, AUTHORIZE);
    let c = repo.commit_all("authorize");
    repo.set_note("refs/notes/ai", &c, "garbage");

    let ci = repo.clone_for_ci(true);
    let (r, v) = ci.check_base("origin/main");
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[
            ("fn verify_password", false, "cursor"),
            ("fn authenticate", false, "opencode"),
        ]),
        "{r}"
    );
    assert!(
        r.stderr.contains(&format!("commit {}", &c[..12])),
        "the malformed note's commit is named:\n{r}"
    );
    assert!(
        r.stderr.contains(&format!(
            "commit {}: its sign-off note (refs/notes/redline)",
            &a[..12]
        )),
        "the malformed sign-off note's commit is named:\n{r}"
    );
    assert!(
        r.stderr.contains(".agent-trace/traces.jsonl line 1"),
        "the malformed record's file and line are named:\n{r}"
    );
    let finding = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["hotspot"]["name"] == "fn verify_password")
        .unwrap();
    assert_eq!(finding["origin"]["model"], "gpt-5");
}

#[test]
fn a_branch_cannot_loosen_its_own_gate() {
    let policy = format!("[review]\nreviewers = [\"{ALICE}\"]\n");
    let repo = Repo::with_base(Some(&policy));
    repo.git(&["checkout", "-q", "-b", "feature"]);
    // The branch makes mallory a reviewer, then mallory signs off.
    repo.write(
        "redline.toml",
        &format!("[review]\nreviewers = [\"{MALLORY}\"]\n"),
    );
    ai_appends(&repo, "claude-code", VERIFY);
    repo.set_email(MALLORY);
    repo.redline(&["signoff"]).expect(0);
    repo.set_email(DEV);
    repo.commit_all("agent: password check, signed off by mallory");
    assert!(repo.note("refs/notes/redline", "HEAD").contains(MALLORY));
    // Locally, under the branch's own policy, it passes.
    repo.redline(&["check"]).expect(0);

    let ci = repo.clone_for_ci(true);
    // Judged by the base's rules, the unreviewed AI change is still flagged.
    let flagged = |ci: &Repo| {
        let (r, v) = ci.check_base("origin/main");
        r.expect(1);
        assert_eq!(
            summary(&v),
            set(&[("fn verify_password", false, "claude-code")]),
            "{r}"
        );
        r
    };
    let r = flagged(&ci);
    assert!(r.stderr.contains("sign-off not accepted"), "{r}");
    assert!(r.stderr.contains(MALLORY), "{r}");

    // Nor can it switch a category off; the base can.
    ci.write(
        "redline.toml",
        &format!("{policy}\n[categories.auth]\nenabled = false\n"),
    );
    ci.git(&["commit", "-q", "-a", "--no-verify", "-m", "auth off"]);
    flagged(&ci);

    // Nor replace the risk queries with ones that miss it.
    ci.write(
        ".redline/queries/rust/risk.scm",
        "(unsafe_block \"unsafe\") @risk.memory\n",
    );
    ci.git(&["add", ".redline/queries/rust/risk.scm"]);
    ci.git(&["commit", "-q", "--no-verify", "-m", "queries: memory only"]);
    // In the working tree they hide it.
    ci.redline(&["check", "--all-ai", AUTH]).expect(0);
    flagged(&ci);
}

/// An allowed-signers file with alice's key, and alice's private key.
fn alice_signs(repo: &Repo) -> PathBuf {
    let key = repo.home.path().join("alice");
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "alice", "-f"])
        .arg(&key)
        .stdin(Stdio::null())
        .status()
        .expect("ssh-keygen runs")
        .success();
    assert!(ok);
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    repo.write(
        ".redline/allowed_signers",
        &format!("{ALICE} namespaces=\"redline\" {}", public.trim()),
    );
    key
}

#[test]
fn signed_sign_offs_in_notes_are_verified_in_ci() {
    let repo = Repo::new();
    repo.redline(&["init"]).expect(0);
    repo.write(
        "redline.toml",
        &format!("[review]\nreviewers = [\"{ALICE}\"]\nrequire_signature = true\n"),
    );
    let key = alice_signs(&repo);
    repo.write(AUTH, BASE);
    repo.commit_all("policy and signers");
    repo.git(&["checkout", "-q", "-b", "feature"]);
    ai_appends(&repo, "claude-code", VERIFY);
    repo.set_email(ALICE);
    repo.redline(&["signoff", "--key", key.to_str().unwrap()])
        .expect(0);
    repo.set_email(DEV);
    let commit = repo.commit_all("agent: password check");

    let ci = repo.clone_for_ci(true);
    let (r, v) = ci.check_base("origin/main");
    r.expect(0);
    assert_eq!(
        summary(&v),
        set(&[("fn verify_password", true, "claude-code")]),
        "{r}"
    );

    // Someone edits the note: the signature no longer covers it.
    let note = ci.note("refs/notes/redline", &commit);
    let mut parsed: Value = serde_json::from_str(&note).unwrap();
    parsed["signoffs"][0]["at"] = Value::from(1);
    ci.set_note("refs/notes/redline", &commit, &parsed.to_string());
    let (r, v) = ci.check_base("origin/main");
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[("fn verify_password", false, "claude-code")]),
        "{r}"
    );
    assert!(r.stderr.contains("does not verify"), "{r}");
}

#[test]
fn a_squash_merge_loses_the_notes_until_they_are_carried_or_a_trailer_says_so() {
    let (repo, _) = three_commit_branch();
    let ci = repo.clone_for_ci(true);
    ci.redline(&["init"]).expect(0);
    ci.git(&["checkout", "-q", "main"]);
    let main = ci.head();
    ci.git(&["merge", "-q", "--squash", "origin/feature"]);
    ci.git(&["commit", "-q", "--no-verify", "-m", "Squashed feature"]);
    // The squash commit is new: no note says an AI wrote any of it.
    let (r, v) = ci.check_base(&main);
    r.expect(0);
    assert!(summary(&v).is_empty(), "{r}");

    ci.redline(&["notes", "carry", &format!("{main}..origin/feature")])
        .expect(0);
    let (r, v) = ci.check_base(&main);
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[
            ("fn verify_password", false, "claude-code"),
            ("fn authorize_admin", true, "copilot"),
        ]),
        "{r}"
    );

    // GitHub's squash keeps the branch's Co-authored-by trailers in the message.
    let gh = repo.clone_for_ci(false);
    gh.git(&["checkout", "-q", "main"]);
    let main = gh.head();
    gh.git(&["merge", "-q", "--squash", "origin/feature"]);
    gh.git(&[
        "commit",
        "-q",
        "--no-verify",
        "-m",
        "Feature (#12)\n\n* agent: password check\n\nCo-authored-by: Claude <noreply@anthropic.com>",
    ]);
    let (r, v) = gh.check_base(&main);
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[
            ("fn verify_password", false, "claude"),
            ("fn authenticate", false, "claude"),
            ("fn authorize_admin", false, "claude"),
        ]),
        "{r}"
    );
}

#[test]
fn agent_trace_records_import_and_export_in_both_versions() {
    let repo = Repo::with_base(None);
    repo.append(AUTH, VERIFY);
    repo.append(AUTH, AUTHENTICATE);
    let v01 = r#"{"version":"0.1.0","id":"550e8400-e29b-41d4-a716-446655440000","timestamp":"2026-01-23T14:30:00Z","tool":{"name":"cursor","version":"2.4.0"},"files":[{"path":"src/auth.rs","conversations":[{"url":"https://api.cursor.com/v1/conversations/12345","contributor":{"type":"ai","model_id":"anthropic/claude-opus-4-5-20251101"},"ranges":[{"start_line":5,"end_line":7}]}]}]}"#;
    let v10 = r#"{"version":"1.0","id":"550e8400-e29b-41d4-a716-446655440001","timestamp":"2026-01-23T14:31:00Z","tool":{"name":"claude-code"},"files":[{"path":"src/auth.rs","conversations":[{"contributor":{"type":"human"},"ranges":[{"start_line":9,"end_line":11}]}]}]}"#;
    let file = repo.home.path().join("traces.jsonl");
    // The reference hook writes absolute paths for files outside the repository.
    let outside = v01.replace("\"src/auth.rs\"", "\"/elsewhere/x.rs\"");
    std::fs::write(&file, format!("{v01}\n{{broken\n{v10}\n{outside}\n")).unwrap();
    let r = repo.redline(&["import", "agent-trace", file.to_str().unwrap()]);
    r.expect(0);
    assert!(r.stderr.contains("traces.jsonl line 2"), "{r}");
    assert!(
        r.stderr
            .contains("`/elsewhere/x.rs` is outside the repository"),
        "{r}"
    );
    assert!(
        r.stdout
            .contains("Imported 3 AI-written line(s) in 1 file(s) from 3 Agent Trace record(s)"),
        "{r}"
    );

    let c = repo.redline(&["check", "--format", "json"]);
    c.expect(1);
    assert_eq!(
        summary(&c.json()),
        set(&[("fn verify_password", false, "cursor")]),
        "{c}"
    );

    for (flag, version) in [("0.1", "0.1.0"), ("1.0", "1.0")] {
        let e = repo.redline(&["export", "agent-trace", "--trace-version", flag]);
        e.expect(0);
        let records: Vec<Value> = e
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(records.len(), 1, "{e}");
        let r = &records[0];
        assert_eq!(r["version"], version);
        assert_eq!(r["tool"]["name"], "cursor");
        assert_eq!(r["id"].as_str().unwrap().len(), 36);
        assert!(r["timestamp"].as_str().unwrap().ends_with('Z'));
        let conv = &r["files"][0]["conversations"][0];
        assert_eq!(r["files"][0]["path"], AUTH);
        assert_eq!(conv["contributor"]["type"], "ai");
        assert_eq!(
            conv["contributor"]["model_id"],
            "anthropic/claude-opus-4-5-20251101"
        );
        assert_eq!(conv["ranges"][0]["start_line"], 5);
        assert_eq!(conv["ranges"][0]["end_line"], 7);
    }
}

#[test]
fn a_reviewer_signs_off_a_branch_from_its_history_and_ci_sees_it() {
    let repo = Repo::with_base(Some(&format!("[review]\nreviewers = [\"{ALICE}\"]\n")));
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.append(AUTH, VERIFY);
    repo.commit_all("Add a password check\n\nCo-authored-by: Claude <noreply@anthropic.com>");

    // Alice reviews the pull request in her own clone: no ledger, only git's history.
    let alice = repo.clone_for_ci(true);
    alice.set_email(ALICE);
    alice.redline(&["init"]).expect(0);
    let (r, _) = alice.check_base("origin/main");
    r.expect(1);
    let plain = alice.redline(&["signoff"]);
    plain.expect(0);
    assert!(plain.stdout.contains("Nothing needs sign-off"), "{plain}");
    let s = alice.redline(&["signoff", "--base", "origin/main"]);
    s.expect(0);
    assert!(s.stdout.contains("fn verify_password"), "{s}");
    alice
        .redline(&["notes", "write", "--base", "origin/main"])
        .expect(0);
    alice.git(&["push", "-q", "origin", "refs/notes/*:refs/notes/*"]);

    let ci = repo.clone_for_ci(true);
    let (r, v) = ci.check_base("origin/main");
    r.expect(0);
    assert_eq!(
        summary(&v),
        set(&[("fn verify_password", true, "claude")]),
        "{r}"
    );
}

#[test]
fn a_cherry_pick_keeps_the_ai_lines() {
    let (repo, commits) = three_commit_branch();
    let ci = repo.clone_for_ci(true);
    ci.redline(&["init"]).expect(0);
    ci.git(&["checkout", "-q", "main"]);
    // A commit of main's own first, so the pick gets a new parent: picked onto its old parent
    // within the same second, it would come out as the very same commit.
    ci.git(&["commit", "-q", "--allow-empty", "-m", "main moves on"]);
    let main = ci.head();
    let r = ci.run("git", &["cherry-pick", &commits[0]], &ci.root, None);
    r.expect(0);
    assert_ne!(ci.head(), commits[0]);
    let note = ci.note("refs/notes/ai", "HEAD");
    assert!(note.lines().nth(1).unwrap().ends_with(" 5-7"), "{note}");
    let (r, v) = ci.check_base(&main);
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[("fn verify_password", false, "claude-code")]),
        "{r}"
    );
}

/// The shell commands of a CI example, in order, without the step that installs redline
/// (the test runs the binary it built). `run: x` and `run: |` blocks (GitHub) and `- x`
/// items under `script:` (GitLab).
fn example_commands(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/ci")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    let mut script = false;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if let Some(depth) = block {
            if indent > depth && !trimmed.is_empty() {
                out.push(trimmed.to_string());
                continue;
            }
            block = None;
        }
        if script {
            if trimmed.starts_with('#') {
                continue;
            }
            if let Some(item) = trimmed.strip_prefix("- ")
                && indent >= 4
            {
                out.push(item.to_string());
                continue;
            }
            script = false;
        }
        if let Some(cmd) = trimmed.strip_prefix("run: ") {
            if cmd == "|" {
                block = Some(indent);
            } else {
                out.push(cmd.to_string());
            }
        } else if trimmed == "script:" {
            script = true;
        }
    }
    out.retain(|c| !c.contains("cargo install"));
    out
}

#[test]
fn the_ci_examples_run_the_gate() {
    let (repo, _) = three_commit_branch();
    for (file, env) in [
        ("github-actions.yml", ("GITHUB_BASE_REF", "main")),
        (
            "gitlab-ci.yml",
            ("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"),
        ),
    ] {
        let commands = example_commands(file);
        assert!(commands.len() >= 3, "{file}: {commands:?}");
        let script = commands
            .join("\n")
            .replace("${{ github.base_ref }}", "$GITHUB_BASE_REF");
        let ci = repo.clone_for_ci(false);
        let mut sh = Command::new("sh");
        sh.args(["-c", &script])
            .current_dir(&ci.root)
            .env(env.0, env.1);
        ci.isolate(&mut sh);
        let r = Run::from(format!("{file}: {script}"), sh.output().unwrap());
        r.expect(1);
        assert!(r.stdout.contains("fn verify_password"), "{r}");
        assert!(!r.stdout.contains("fn authenticate"), "{r}");
        let sarif: Value =
            serde_json::from_str(&std::fs::read_to_string(ci.path("redline.sarif")).unwrap())
                .unwrap();
        assert_eq!(
            sarif["runs"][0]["results"].as_array().unwrap().len(),
            2,
            "{r}"
        );
    }
}

#[test]
fn writing_notes_adds_to_git_ais_note_and_keeps_its_sessions() {
    let repo = Repo::with_base(None);
    repo.git(&["checkout", "-q", "-b", "feature"]);
    repo.append(AUTH, VERIFY);
    ai_appends(&repo, "claude-code", AUTHENTICATE);
    let commit = repo.commit_all("both");
    let git_ai_note = format!(
        "{AUTH}\n  1234567890abcdef 5-7\n---\n{{\"schema_version\":\"authorship/3.0.0\",\"git_ai_version\":\"1.0.23\",\"base_commit_sha\":\"{commit}\",\"prompts\":{{\"1234567890abcdef\":{{\"agent_id\":{{\"tool\":\"cursor\",\"id\":\"c-1\",\"model\":\"gpt-5\"}},\"messages\":[{{\"type\":\"user\",\"text\":\"add a password check\"}}],\"total_additions\":3,\"total_deletions\":0,\"accepted_lines\":3,\"overriden_lines\":0}}}}}}\n"
    );
    repo.set_note("refs/notes/ai", &commit, &git_ai_note);
    repo.redline(&["notes", "write"]).expect(0);

    let note = repo.note("refs/notes/ai", "HEAD");
    let (attestation, metadata) = note.split_once("\n---\n").unwrap();
    let entries: Vec<&str> = attestation.lines().skip(1).collect();
    assert_eq!(entries.len(), 2, "{note}");
    assert!(entries.contains(&"  1234567890abcdef 5-7"), "{note}");
    assert!(entries.iter().any(|e| e.ends_with(" 9-11")), "{note}");
    let meta: Value = serde_json::from_str(metadata).unwrap();
    assert_eq!(meta["git_ai_version"], "1.0.23");
    assert_eq!(
        meta["prompts"]["1234567890abcdef"]["messages"][0]["text"],
        "add a password check"
    );
    let ci = repo.clone_for_ci(true);
    let (r, v) = ci.check_base("origin/main");
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[
            ("fn verify_password", false, "cursor"),
            ("fn authenticate", false, "claude-code"),
        ]),
        "{r}"
    );
}

#[test]
fn a_rebase_without_redlines_hooks_is_carried_by_notes_rewritten() {
    let (repo, _) = three_commit_branch();
    // As GitHub's "Rebase and merge" does: no hooks, no notes.rewriteRef.
    let ci = repo.clone_for_ci(true);
    ci.git(&["checkout", "-q", "main"]);
    let old_main = ci.head();
    ci.write("README", "docs\n");
    let before = ci.commit_all("docs");
    ci.git(&["checkout", "-q", "feature"]);
    ci.git(&["-c", "core.hooksPath=/dev/null", "rebase", "-q", "main"]);
    ci.git(&["checkout", "-q", "main"]);
    ci.git(&["merge", "-q", "--ff-only", "feature"]);
    let (r, v) = ci.check_base(&old_main);
    r.expect(0);
    assert!(
        summary(&v).is_empty(),
        "nothing carried the notes yet:\n{r}"
    );

    // The README's pipeline: old commits paired with new ones.
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme
        .find("paste -d ' '")
        .expect("the pipeline in the README");
    let end = start + readme[start..].find("\n```").unwrap();
    let script = readme[start..end]
        .replace("BEFORE", "$BEFORE")
        .replace("OLD", "origin/feature");
    let mut bash = Command::new("bash");
    bash.args(["-c", &script])
        .current_dir(&ci.root)
        .env("BEFORE", &before);
    ci.isolate(&mut bash);
    let r = Run::from(script.clone(), bash.output().unwrap());
    r.expect(0);
    let (r, v) = ci.check_base(&old_main);
    r.expect(1);
    assert_eq!(
        summary(&v),
        set(&[
            ("fn verify_password", false, "claude-code"),
            ("fn authorize_admin", true, "copilot"),
        ]),
        "{r}"
    );
}

//! The ledger under concurrent writers and crashes: several real `redline record` processes
//! writing at once to the real SQLite ledger of a real git repository, and recording
//! processes killed with SIGKILL in the middle of their writes.
//!
//! Waits are on conditions (a row appearing, a process exiting) with generous deadlines;
//! nothing here asserts how long anything took.

use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

const BIN: &str = env!("CARGO_BIN_EXE_redline");

/// Deadline for one condition; CI machines have two cores and run tests in parallel.
const TIMEOUT: Duration = Duration::from_secs(120);

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
        repo.git(&["config", "user.email", "dev@example.com"]);
        repo.git(&["config", "user.name", "Dev"]);
        repo
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.home.path())
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .stdin(Stdio::null());
        cmd
    }

    fn git(&self, args: &[&str]) {
        let out = self.command("git").args(args).output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    }

    fn redline(&self, args: &[String]) -> Output {
        self.command(BIN).args(args).output().unwrap()
    }

    fn ledger_path(&self) -> PathBuf {
        self.root.join(".git/redline/ledger.db")
    }

    /// A file of `lines` numbered constant definitions, named after the file so that no two
    /// files have the same content.
    fn write_lines(&self, rel: &str, lines: usize) -> String {
        let tag: String = rel
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        let content: String = (1..=lines)
            .map(|n| format!("pub const {tag}_{n}: u32 = {n};\n"))
            .collect();
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &content).unwrap();
        content
    }

    /// `redline doctor`: asserts it exits 0 and says the ledger is healthy; returns the number
    /// of spans it reports.
    #[track_caller]
    fn doctor_span_count(&self) -> usize {
        let out = self.redline(&["doctor".to_string()]);
        let stdout = text(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("healthy"),
            "redline doctor: {}\n{stdout}{}",
            out.status,
            text(&out.stderr)
        );
        let before = stdout
            .split(" AI span(s)")
            .next()
            .and_then(|s| s.rsplit(' ').next())
            .unwrap_or_else(|| panic!("no span count in {stdout:?}"));
        before
            .parse()
            .unwrap_or_else(|_| panic!("no span count in {stdout:?}"))
    }

    /// A read-only look at the ledger.
    fn open_ledger(&self) -> Connection {
        let conn =
            Connection::open_with_flags(self.ledger_path(), OpenFlags::SQLITE_OPEN_READ_ONLY)
                .expect("open the ledger read-only");
        conn.busy_timeout(Duration::from_secs(30)).unwrap();
        conn
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// `PATH:N-N` for lines `from..=to`.
fn line_specs(rel: &str, from: usize, to: usize) -> Vec<String> {
    (from..=to).map(|n| format!("{rel}:{n}-{n}")).collect()
}

/// The byte range of each 1-based line of `content` (without its line break).
fn line_ranges(content: &str) -> Vec<(i64, i64)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in content.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        out.push((at as i64, (at + body.len()) as i64));
        at += line.len();
    }
    out
}

/// The (start, end) of every stored span matching `filter` (an SQL condition on `spans`).
fn stored_ranges(conn: &Connection, filter: &str) -> Vec<(i64, i64)> {
    let sql = format!("SELECT start, end FROM spans WHERE {filter} ORDER BY start, end");
    let mut stmt = conn.prepare(&sql).unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap()
}

fn count(conn: &Connection, filter: &str) -> usize {
    conn.query_row(
        &format!("SELECT COUNT(*) FROM spans WHERE {filter}"),
        [],
        |r| r.get::<_, i64>(0),
    )
    .unwrap() as usize
}

/// Waits for a child to exit and returns its output; panics after the deadline.
fn finish(mut child: Child, what: &str) -> Output {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{what} did not finish");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A small deterministic generator, seeded per run so that delays differ between runs; the
/// seed is printed so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn from_clock() -> Lcg {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        println!("delay seed: {seed}");
        Lcg(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// Starts 4 recording processes that wait on a gate file, then opens the gate so that they
/// all start writing at once. Each records 250 single-line spans, one transaction per span.
fn record_concurrently(repo: &Repo, tool: &str) {
    let gate = repo.root.join(format!(".git/go-{tool}"));
    let children: Vec<(String, Child)> = (0..4)
        .map(|i| {
            let rel = format!("src/f{i}.rs");
            let mut cmd = repo.command("sh");
            cmd.arg("-c")
                .arg(r#"while [ ! -e "$GATE" ]; do sleep 0.01; done; exec "$REDLINE" "$@""#)
                .arg("sh")
                .args(["record", "--tool", tool])
                .args(line_specs(&rel, 1, 250))
                .env("GATE", &gate)
                .env("REDLINE", BIN)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            (rel, cmd.spawn().unwrap())
        })
        .collect();
    std::fs::write(&gate, b"").unwrap();
    for (rel, child) in children {
        let out = finish(child, &format!("redline record {rel}"));
        assert!(
            out.status.success(),
            "redline record of {rel} failed: {}\n{}",
            out.status,
            text(&out.stderr)
        );
    }
}

#[test]
fn four_processes_recording_250_spans_each_at_once_lose_nothing() {
    let repo = Repo::new();
    let contents: Vec<String> = (0..4)
        .map(|i| repo.write_lines(&format!("src/f{i}.rs"), 250))
        .collect();
    assert!(!repo.ledger_path().exists());

    // The first round also races to create the ledger.
    record_concurrently(&repo, "first");
    assert_eq!(repo.doctor_span_count(), 1000);
    record_concurrently(&repo, "second");
    assert_eq!(repo.doctor_span_count(), 2000);

    let conn = repo.open_ledger();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    for (i, content) in contents.iter().enumerate() {
        let expected = line_ranges(content);
        assert_eq!(expected.len(), 250);
        for tool in ["first", "second"] {
            let stored = stored_ranges(&conn, &format!("path = 'src/f{i}.rs' AND tool = '{tool}'"));
            assert_eq!(stored, expected, "src/f{i}.rs, round {tool}");
        }
    }
    // How much the writers interleaved (informational: consecutive ids from different
    // processes; 3 would mean they ran one after another).
    let mut stmt = conn
        .prepare("SELECT path FROM spans WHERE tool = 'second' ORDER BY id")
        .unwrap();
    let order: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let switches = order.windows(2).filter(|w| w[0] != w[1]).count();
    println!("second round: the 4 writers took turns {switches} times");
    drop(stmt);
    let blobs: i64 = conn
        .query_row("SELECT COUNT(*) FROM blobs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(blobs, 4, "one stored copy of each file's content");
}

#[test]
fn a_recording_process_killed_mid_write_loses_nothing_that_was_committed() {
    let repo = Repo::new();
    let acked_content = repo.write_lines("src/acked.rs", 100);
    let long_content = repo.write_lines("src/long.rs", 3000);
    let acked_lines = line_ranges(&acked_content);
    let long_lines = line_ranges(&long_content);
    let mut rng = Lcg::from_clock();

    // Acknowledged: a run that completed (exit 0) before any crash.
    let mut args = vec!["record".to_string(), "--tool".into(), "acked".into()];
    args.extend(line_specs("src/acked.rs", 1, 100));
    let out = repo.redline(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let mut killed_mid_run = 0;
    for round in 0..6 {
        let model = format!("round{round}");
        let mut cmd = repo.command(BIN);
        cmd.args(["record", "--tool", "killed", "--model", &model])
            .args(line_specs("src/long.rs", 1, 3000))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().unwrap();

        // Wait until it has committed at least one span, then let it run a little longer.
        let deadline = Instant::now() + TIMEOUT;
        let conn = repo.open_ledger();
        loop {
            if child.try_wait().unwrap().is_some()
                || count(&conn, &format!("model = '{model}'")) > 0
            {
                break;
            }
            assert!(Instant::now() < deadline, "round {round}: nothing recorded");
            std::thread::sleep(Duration::from_millis(5));
        }
        drop(conn);
        std::thread::sleep(Duration::from_millis(rng.below(300)));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_run += 1;
        }

        // The ledger opens and is healthy, and everything acknowledged is there.
        let total = repo.doctor_span_count();
        let conn = repo.open_ledger();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        assert_eq!(
            stored_ranges(&conn, "tool = 'acked' AND path = 'src/acked.rs'"),
            acked_lines,
            "round {round}: the acknowledged spans"
        );
        assert_eq!(count(&conn, "tool = 'after-crash'"), round);
        // Each span is its own transaction, committed in order: what the killed process
        // committed is exactly its first k lines, none torn, none missing in between.
        let committed = stored_ranges(&conn, &format!("model = '{model}'"));
        let k = committed.len();
        assert!(k > 0, "round {round}");
        assert_eq!(committed[..], long_lines[..k], "round {round}");
        assert!(total >= 100 + round + k);
        drop(conn);

        // Recording works after the crash, and what it records is acknowledged from now on.
        let spec = format!("src/acked.rs:{}-{}", round + 1, round + 1);
        let out = repo.redline(&["record".into(), "--tool".into(), "after-crash".into(), spec]);
        assert!(out.status.success(), "round {round}: {}", text(&out.stderr));
    }
    println!("{killed_mid_run} of 6 recording processes were killed before they finished");

    let conn = repo.open_ledger();
    assert_eq!(count(&conn, "tool = 'acked'"), 100);
    assert_eq!(count(&conn, "tool = 'after-crash'"), 6);
    drop(conn);
    // And the gate itself runs on the crashed-into ledger.
    let out = repo.redline(&["check".into()]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "check after crashes: {}\n{}",
        out.status,
        text(&out.stderr)
    );
}

#[test]
fn a_process_killed_while_creating_the_ledger_leaves_it_usable() {
    let repo = Repo::new();
    repo.write_lines("src/a.rs", 50);
    let mut rng = Lcg::from_clock();
    let dir = repo.ledger_path().parent().unwrap().to_path_buf();
    for round in 0..10 {
        if dir.exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        let mut child = repo
            .command(BIN)
            .args(["record", "--tool", "killed"])
            .args(line_specs("src/a.rs", 1, 50))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(rng.below(40)));
        let _ = child.kill();
        child.wait().unwrap();

        // Whatever state the kill left, the ledger opens (or is created) and takes records.
        if repo.ledger_path().exists() {
            repo.doctor_span_count();
        }
        let out = repo.redline(&[
            "record".into(),
            "--tool".into(),
            "after".into(),
            "src/a.rs:7-7".into(),
        ]);
        assert!(
            out.status.success(),
            "round {round}: record after a killed first use failed: {}",
            text(&out.stderr)
        );
        let conn = repo.open_ledger();
        assert_eq!(count(&conn, "tool = 'after'"), 1, "round {round}");
    }
}

/// Durability: 100 rounds of three `redline record` writers running at once, each killed with
/// SIGKILL after a random delay within about one writer's run time. After every round the ledger passes `PRAGMA
/// integrity_check`, every acknowledged record is there (a writer that exited 0, or that
/// printed its success line before the kill), and what a killed writer committed is exactly
/// its first k spans (one transaction per span, in order: none torn, none missing between).
#[test]
fn writers_killed_at_random_points_100_times_lose_no_acknowledged_record() {
    const WRITERS: usize = 3;
    const SPECS: usize = 40;
    let repo = Repo::new();
    let lines: Vec<Vec<(i64, i64)>> = (0..WRITERS)
        .map(|k| line_ranges(&repo.write_lines(&format!("src/w{k}.rs"), SPECS)))
        .collect();
    // Create the ledger first, so that every round writes into an existing one (creation under
    // kill is the test above).
    let out = repo.redline(&[
        "record".into(),
        "--tool".into(),
        "setup".into(),
        "src/w0.rs:1-1".into(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // How long one writer takes alone here, so that the kills land all over a run: before its
    // first commit, between commits, and after it finished.
    let calibrate = Instant::now();
    let mut args = vec!["record".to_string(), "--tool".into(), "calibrate".into()];
    args.extend(line_specs("src/w1.rs", 1, SPECS));
    let out = repo.redline(&args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Three writers share two cores and the write lock, so each takes about three times as long.
    let window = (calibrate.elapsed().as_millis() as u64 * WRITERS as u64).clamp(50, 600);
    println!("kill window: 0-{window} ms");
    let mut acknowledged_spans = 1 + SPECS;
    let mut rng = Lcg::from_clock();
    let (mut killed_before_any, mut killed_mid_run, mut finished) = (0, 0, 0);
    let started = Instant::now();
    for round in 0..100 {
        let writers: Vec<(String, Child)> = (0..WRITERS)
            .map(|k| {
                let tool = format!("r{round}w{k}");
                let child = repo
                    .command(BIN)
                    .args(["record", "--tool", &tool])
                    .args(line_specs(&format!("src/w{k}.rs"), 1, SPECS))
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                (tool, child)
            })
            .collect();
        std::thread::sleep(Duration::from_millis(rng.below(window + 1)));
        let mut results = Vec::new();
        for (tool, mut child) in writers {
            let _ = child.kill(); // SIGKILL; a no-op for a writer that already exited
            let out = child.wait_with_output().unwrap();
            results.push((tool, out));
        }

        let conn = repo.open_ledger();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        for (k, (tool, out)) in results.iter().enumerate() {
            let stored = stored_ranges(&conn, &format!("tool = '{tool}'"));
            let printed = text(&out.stderr).contains("redline: recorded");
            if out.status.success() || printed {
                assert_eq!(
                    stored, lines[k],
                    "round {round}: {tool} was acknowledged ({}, printed: {printed}) but its records are not all there",
                    out.status
                );
                acknowledged_spans += SPECS;
                finished += 1;
            } else {
                assert!(
                    stored[..] == lines[k][..stored.len()],
                    "round {round}: {tool} was killed; what it committed is not a prefix of its spans: {stored:?}"
                );
                if stored.is_empty() {
                    killed_before_any += 1;
                } else {
                    killed_mid_run += 1;
                }
            }
        }
        // Nothing acknowledged in earlier rounds went missing either.
        assert!(
            count(&conn, "1 = 1") >= acknowledged_spans,
            "round {round}: fewer spans than acknowledged"
        );
    }
    println!(
        "{} writers in {:?}: {killed_mid_run} killed mid-run, {killed_before_any} killed before \
         their first commit, {finished} finished before the kill",
        100 * WRITERS,
        started.elapsed()
    );
    assert!(
        killed_mid_run + killed_before_any >= 100,
        "at least 100 writers must actually have been killed while running"
    );
    // The ledger still works, for the CLI and its own health check.
    repo.doctor_span_count();
    let out = repo.redline(&[
        "record".into(),
        "--tool".into(),
        "after".into(),
        "src/w1.rs:2-2".into(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

//! The ledger: provenance and sign-offs in an embedded SQLite database, shared by the
//! language server, agent hooks and the command line. The only module that knows SQL.
//!
//! Spans are stored against the exact content they were recorded on (kept once per distinct
//! content, by hash), so they can be carried to whatever the file holds later. WAL and a busy
//! timeout let several processes write at once; each write is one transaction.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, params};
use sha2::{Digest, Sha256};

use crate::origin::{Origin, OriginKind};
use crate::review::{Signoff, Signoffs};

/// The schema version this build writes. Older databases are migrated forward.
pub const SCHEMA_VERSION: i64 = 1;

const MIGRATIONS: &[&str] = &[
    // 0 -> 1
    "CREATE TABLE blobs (
        hash TEXT PRIMARY KEY,
        content TEXT NOT NULL
    );
    CREATE TABLE spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        base TEXT NOT NULL REFERENCES blobs(hash),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        tool TEXT NOT NULL,
        kind TEXT NOT NULL,
        model TEXT,
        session TEXT,
        at INTEGER,
        author TEXT,
        source TEXT NOT NULL,
        CHECK (start < end)
    );
    CREATE INDEX spans_path ON spans(path);
    CREATE TABLE signoffs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        at INTEGER NOT NULL,
        signature TEXT,
        path TEXT,
        category TEXT,
        hotspot TEXT
    );
    CREATE INDEX signoffs_key ON signoffs(key);",
];

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error(
        "the ledger at {path} is damaged ({detail}); run `redline doctor --repair` to move it aside and start a new one (nothing is deleted)"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the ledger at {path} has schema version {found}, newer than this redline understands ({SCHEMA_VERSION}); upgrade redline"
    )]
    Newer { path: PathBuf, found: i64 },
    #[error("the ledger at {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("the ledger at {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, LedgerError>;

/// A span to store: a byte range of `base` (the file's content when it was recorded).
#[derive(Debug, Clone)]
pub struct NewSpan {
    pub range: Range<usize>,
    pub origin: Origin,
}

/// Where a batch of spans came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Editor,
    Record,
    Import,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Source::Editor => "editor",
            Source::Record => "record",
            Source::Import => "import",
        }
    }
}

/// A stored span with the content it was recorded on.
#[derive(Debug, Clone)]
pub struct StoredSpan {
    pub id: i64,
    pub path: String,
    pub base: Arc<str>,
    pub range: Range<usize>,
    pub origin: Arc<Origin>,
}

/// A sign-off with what it was about, for listing.
#[derive(Debug, Clone)]
pub struct SignoffRecord {
    pub signoff: Signoff,
    pub path: Option<String>,
    pub category: Option<String>,
    pub hotspot: Option<String>,
}

pub struct Ledger {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger").field("path", &self.path).finish()
    }
}

/// The ledger's file for a repository: inside the git directory when there is one (so it is
/// never committed), else `.redline/` at the root.
pub fn location(root: &Path, git_common_dir: Option<&Path>) -> PathBuf {
    match git_common_dir {
        Some(git) => git.join("redline").join("ledger.db"),
        None => root.join(".redline").join("ledger.db"),
    }
}

fn hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn kind_from_str(s: &str) -> OriginKind {
    serde_json::from_value(serde_json::Value::String(s.to_string())).unwrap_or(OriginKind::Imported)
}

impl Ledger {
    /// Opens the ledger at `path`, creating it (and its directory) if it does not exist, and
    /// migrating an older schema. A damaged file is an error and is left untouched.
    pub fn open(path: &Path) -> Result<Ledger> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|source| LedgerError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        }
        check_header(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(path, e))?;
        let mut ledger = Ledger {
            conn,
            path: path.to_path_buf(),
        };
        ledger.configure()?;
        ledger.migrate()?;
        Ok(ledger)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> LedgerError {
        classify(&self.path, e)
    }

    fn configure(&mut self) -> Result<()> {
        self.conn
            .busy_timeout(Duration::from_secs(30))
            .map_err(|e| self.err(e))?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(LedgerError::Damaged {
                path: self.path.clone(),
                detail: format!("cannot switch to WAL journaling (got {mode})"),
            });
        }
        self.conn
            .execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
            .map_err(|e| self.err(e))?;
        let check: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if check != "ok" {
            return Err(LedgerError::Damaged {
                path: self.path.clone(),
                detail: check,
            });
        }
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, e))?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| classify(&path, e))?;
        if version > SCHEMA_VERSION {
            return Err(LedgerError::Newer {
                path,
                found: version,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql).map_err(|e| classify(&path, e))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)
                .map_err(|e| classify(&path, e))?;
        }
        tx.commit().map_err(|e| classify(&path, e))
    }

    /// Stores spans recorded on `base`, the content of `path` when they were written, in one
    /// transaction. Returns their ids.
    pub fn record(
        &mut self,
        path: &str,
        base: &str,
        spans: &[NewSpan],
        source: Source,
    ) -> Result<Vec<i64>> {
        self.replace(path, &[], base, spans, source)
    }

    /// Replaces the spans with ids `old` by `spans` recorded on `base`, in one transaction.
    /// The editor uses it on save: it loaded `old`, moved them through the user's edits, and
    /// now writes what they became. Spans others added meanwhile are not touched.
    pub fn replace(
        &mut self,
        path: &str,
        old: &[i64],
        base: &str,
        spans: &[NewSpan],
        source: Source,
    ) -> Result<Vec<i64>> {
        let p = self.path.clone();
        let e = |e| classify(&p, e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(e)?;
        let mut ids = Vec::with_capacity(spans.len());
        {
            let mut delete = tx
                .prepare_cached("DELETE FROM spans WHERE id = ?1")
                .map_err(e)?;
            for id in old {
                delete.execute([id]).map_err(e)?;
            }
            if !spans.is_empty() {
                let h = hash(base);
                tx.execute(
                    "INSERT OR IGNORE INTO blobs (hash, content) VALUES (?1, ?2)",
                    params![h, base],
                )
                .map_err(e)?;
                let mut insert = tx
                    .prepare_cached(
                        "INSERT INTO spans (path, base, start, end, tool, kind, model, session, at, author, source)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    )
                    .map_err(e)?;
                for s in spans.iter().filter(|s| s.range.start < s.range.end) {
                    insert
                        .execute(params![
                            path,
                            h,
                            s.range.start as i64,
                            s.range.end as i64,
                            s.origin.tool,
                            s.origin.kind.as_str(),
                            s.origin.model,
                            s.origin.session,
                            s.origin.at,
                            s.origin.author,
                            source.as_str(),
                        ])
                        .map_err(e)?;
                    ids.push(tx.last_insert_rowid());
                }
            }
        }
        prune_blobs(&tx).map_err(e)?;
        tx.commit().map_err(e)?;
        Ok(ids)
    }

    /// Every stored span of `path`, oldest first.
    pub fn spans(&self, path: &str) -> Result<Vec<StoredSpan>> {
        self.query_spans("WHERE s.path = ?1", params![path])
    }

    /// Every stored span, for a whole-repository check.
    pub fn all_spans(&self) -> Result<Vec<StoredSpan>> {
        self.query_spans("", params![])
    }

    /// The highest span id, to notice spans others add.
    pub fn last_span_id(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT COALESCE(MAX(id), 0) FROM spans", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// The paths that have spans with ids above `after`.
    pub fn paths_changed_since(&self, after: i64) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT path FROM spans WHERE id > ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([after], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
            .map_err(|e| self.err(e))
    }

    fn query_spans(&self, filter: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<StoredSpan>> {
        let sql = format!(
            "SELECT s.id, s.path, b.content, b.hash, s.start, s.end, s.tool, s.kind, s.model, s.session, s.at, s.author
             FROM spans s JOIN blobs b ON b.hash = s.base {filter} ORDER BY s.id"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut contents: std::collections::HashMap<String, Arc<str>> = Default::default();
        let mut out = Vec::new();
        let mut rows = stmt.query(args).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let get = |e| classify(&self.path, e);
            let hash: String = r.get(3).map_err(get)?;
            let base = match contents.get(&hash) {
                Some(b) => b.clone(),
                None => {
                    let content: String = r.get(2).map_err(get)?;
                    let b: Arc<str> = Arc::from(content);
                    contents.insert(hash, b.clone());
                    b
                }
            };
            let kind: String = r.get(7).map_err(get)?;
            out.push(StoredSpan {
                id: r.get(0).map_err(get)?,
                path: r.get(1).map_err(get)?,
                base,
                range: r.get::<_, i64>(4).map_err(get)? as usize
                    ..r.get::<_, i64>(5).map_err(get)? as usize,
                origin: Arc::new(Origin {
                    tool: r.get(6).map_err(get)?,
                    kind: kind_from_str(&kind),
                    model: r.get(8).map_err(get)?,
                    session: r.get(9).map_err(get)?,
                    at: r.get(10).map_err(get)?,
                    author: r.get(11).map_err(get)?,
                }),
            });
        }
        Ok(out)
    }

    pub fn add_signoff(&mut self, record: &SignoffRecord) -> Result<i64> {
        let s = &record.signoff;
        self.conn
            .execute(
                "INSERT INTO signoffs (key, reviewer, at, signature, path, category, hotspot)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    s.key,
                    s.reviewer,
                    s.at,
                    s.signature,
                    record.path,
                    record.category,
                    record.hotspot
                ],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn signoff_records(&self) -> Result<Vec<SignoffRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT key, reviewer, at, signature, path, category, hotspot FROM signoffs ORDER BY id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(SignoffRecord {
                    signoff: Signoff {
                        key: r.get(0)?,
                        reviewer: r.get(1)?,
                        at: r.get(2)?,
                        signature: r.get(3)?,
                    },
                    path: r.get(4)?,
                    category: r.get(5)?,
                    hotspot: r.get(6)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// All sign-offs, keyed by what they cover.
    pub fn signoffs(&self) -> Result<Signoffs> {
        let mut set = Signoffs::new();
        for r in self.signoff_records()? {
            set.insert(r.signoff);
        }
        Ok(set)
    }

    /// The number of sign-offs, to notice ones others add.
    pub fn signoff_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT COUNT(*) FROM signoffs", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}

fn prune_blobs(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM blobs WHERE hash NOT IN (SELECT DISTINCT base FROM spans)",
        [],
    )
    .map(|_| ())
}

/// A file that exists but does not start like an SQLite database is damaged; refuse it before
/// SQLite gets a chance to treat it as something else.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut f = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(LedgerError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut header = [0u8; 16];
    let n = f.read(&mut header).map_err(|source| LedgerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if n == 0 {
        return Ok(());
    }
    if n < 16 || &header != b"SQLite format 3\0" {
        return Err(LedgerError::Damaged {
            path: path.to_path_buf(),
            detail: "not an SQLite database".into(),
        });
    }
    Ok(())
}

fn classify(path: &Path, e: rusqlite::Error) -> LedgerError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => LedgerError::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        _ => LedgerError::Sqlite {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

/// What `redline doctor --repair` did.
#[derive(Debug)]
pub struct Repair {
    pub moved_to: Option<PathBuf>,
    pub recovered_spans: usize,
    pub recovered_signoffs: usize,
}

/// Moves a damaged ledger (and its WAL files) aside, starts a new one, and copies into it
/// whatever rows can still be read from the damaged one. A healthy ledger is left alone.
pub fn repair(path: &Path) -> Result<Repair> {
    match Ledger::open(path) {
        Ok(_) => {
            return Ok(Repair {
                moved_to: None,
                recovered_spans: 0,
                recovered_signoffs: 0,
            });
        }
        Err(LedgerError::Damaged { .. }) => {}
        Err(e) => return Err(e),
    }
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Never move one damaged copy over another: each repair keeps its own.
    let aside = (0..)
        .map(|n| match n {
            0 => path.with_extension(format!("db.damaged-{stamp}")),
            n => path.with_extension(format!("db.damaged-{stamp}-{n}")),
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_extension("db.damaged"));
    let io = |source| LedgerError::Io {
        path: path.to_path_buf(),
        source,
    };
    std::fs::rename(path, &aside).map_err(io)?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let to = PathBuf::from(format!("{}{suffix}", aside.display()));
            std::fs::rename(&side, &to).map_err(io)?;
        }
    }
    let mut fresh = Ledger::open(path)?;
    let (spans, signoffs) = salvage(&aside);
    let mut recovered_spans = 0;
    for s in &spans {
        let new = NewSpan {
            range: s.range.clone(),
            origin: (*s.origin).clone(),
        };
        if fresh
            .record(&s.path, &s.base, &[new], Source::Import)
            .is_ok()
        {
            recovered_spans += 1;
        }
    }
    let mut recovered_signoffs = 0;
    for r in &signoffs {
        if fresh.add_signoff(r).is_ok() {
            recovered_signoffs += 1;
        }
    }
    Ok(Repair {
        moved_to: Some(aside),
        recovered_spans,
        recovered_signoffs,
    })
}

/// Reads what it can from a damaged database, read-only, without migrating or checking it.
fn salvage(path: &Path) -> (Vec<StoredSpan>, Vec<SignoffRecord>) {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return (Vec::new(), Vec::new());
    };
    let ledger = Ledger {
        conn,
        path: path.to_path_buf(),
    };
    let spans = ledger.all_spans().unwrap_or_default();
    let signoffs = ledger.signoff_records().unwrap_or_default();
    (spans, signoffs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        let mut o = Origin::new("claude-code", OriginKind::Agent);
        o.author = Some("dev@example.com".into());
        o
    }

    #[test]
    fn spans_and_signoffs_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let mut l = Ledger::open(&path).unwrap();
        let ids = l
            .record(
                "src/a.rs",
                "fn a() {}\n",
                &[NewSpan {
                    range: 0..9,
                    origin: origin(),
                }],
                Source::Record,
            )
            .unwrap();
        assert_eq!(ids.len(), 1);
        l.add_signoff(&SignoffRecord {
            signoff: Signoff {
                reviewer: "alice@example.com".into(),
                at: 1,
                key: "k".into(),
                signature: None,
            },
            path: Some("src/a.rs".into()),
            category: Some("auth".into()),
            hotspot: None,
        })
        .unwrap();
        drop(l);
        let l = Ledger::open(&path).unwrap();
        let spans = l.spans("src/a.rs").unwrap();
        assert_eq!(spans.len(), 1);
        assert_eq!(&spans[0].base[spans[0].range.clone()], "fn a() {}");
        assert_eq!(spans[0].origin.author.as_deref(), Some("dev@example.com"));
        assert_eq!(l.signoffs().unwrap().len(), 1);
    }

    #[test]
    fn a_damaged_file_is_named_and_kept_until_repair() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        std::fs::write(&path, b"this is not a database at all, not even close").unwrap();
        let e = Ledger::open(&path).unwrap_err();
        assert!(matches!(e, LedgerError::Damaged { .. }));
        assert!(e.to_string().contains(&path.display().to_string()));
        assert!(std::fs::read(&path).unwrap().starts_with(b"this is not"));
        let r = repair(&path).unwrap();
        let aside = r.moved_to.unwrap();
        assert!(std::fs::read(&aside).unwrap().starts_with(b"this is not"));
        Ledger::open(&path).unwrap();
    }
}

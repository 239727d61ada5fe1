//! A repository as redline sees it: its root, its git directory, its `redline.toml`, and the
//! risk queries that apply to it (built-in, extended or replaced by the repository's own).
//! Part of the imperative shell: it reads the configuration and query files; the engine it
//! feeds does not.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::codeowners::{self, Codeowners};
use crate::config::{self, Config, ConfigError, PathRules};
use crate::document::Document;
use crate::finding::Rules;
use crate::language::LanguageId;
use crate::query::{QueryError, QuerySource, RiskQuery};

#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

#[derive(Debug)]
pub struct Workspace {
    pub root: PathBuf,
    /// The git directory shared by all work trees; `None` outside git.
    pub git_dir: Option<PathBuf>,
    pub config: Config,
    rules: Rules,
    path_rules: PathRules,
    codeowners: Option<Codeowners>,
    queries: HashMap<LanguageId, OnceLock<Option<Arc<RiskQuery>>>>,
    query_errors: Mutex<Vec<QueryError>>,
    /// The commit whose query files apply, instead of the working tree's.
    queries_at: Option<String>,
}

impl Workspace {
    /// The repository containing `start`: git's top level, or `start` itself outside git.
    /// A broken `redline.toml` is an error; a missing one means the defaults.
    pub fn discover(start: &Path) -> Result<Workspace, WorkspaceError> {
        let (root, git_dir) = Self::locate(start)?;
        let config = read_config(&root)?;
        Ok(Self::with_config(root, git_dir, config))
    }

    /// The root and shared git directory of the repository containing `start`.
    pub fn locate(start: &Path) -> Result<(PathBuf, Option<PathBuf>), WorkspaceError> {
        let start = std::fs::canonicalize(start).map_err(|source| WorkspaceError::Io {
            path: start.to_path_buf(),
            source,
        })?;
        let dir = if start.is_dir() {
            start.clone()
        } else {
            start
                .parent()
                .map_or_else(|| start.clone(), Path::to_path_buf)
        };
        Ok(match crate::git::toplevel(&dir) {
            Some(top) => {
                let git = crate::git::common_dir(&dir);
                (top, git)
            }
            None => (dir, None),
        })
    }

    /// A workspace at `root` with an already-read configuration.
    pub fn with_config(root: PathBuf, git_dir: Option<PathBuf>, config: Config) -> Workspace {
        let codeowners = config.review.codeowners.then(|| {
            codeowners::LOCATIONS
                .iter()
                .find_map(|p| std::fs::read_to_string(root.join(p)).ok())
                .map(|t| Codeowners::parse(&t))
                .unwrap_or_default()
        });
        Workspace {
            rules: config.rules(),
            path_rules: config.path_rules(),
            queries: LanguageId::ALL
                .iter()
                .map(|l| (*l, OnceLock::new()))
                .collect(),
            query_errors: Mutex::new(Vec::new()),
            queries_at: None,
            codeowners,
            root,
            git_dir,
            config,
        }
    }

    /// Reads the repository's own query files as committed at `commit`, not from the working
    /// tree: the CI gate judges a branch by the queries of the branch it merges into, so that
    /// a branch cannot switch off the queries that would flag it.
    pub fn with_queries_at(mut self, commit: impl Into<String>) -> Self {
        self.queries_at = Some(commit.into());
        self
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    pub fn codeowners(&self) -> Option<&Codeowners> {
        self.codeowners.as_ref()
    }

    /// Where the ledger lives for this repository.
    pub fn ledger_path(&self) -> PathBuf {
        crate::ledger::location(&self.root, self.git_dir.as_deref())
    }

    /// The risk query for `language`, compiled on first use.
    pub fn query(&self, language: LanguageId) -> Option<Arc<RiskQuery>> {
        self.queries
            .get(&language)?
            .get_or_init(|| {
                let sources = self.query_sources(language);
                let (query, errors) = RiskQuery::compile(language, &sources);
                if let Ok(mut all) = self.query_errors.lock() {
                    all.extend(errors);
                }
                query.map(Arc::new)
            })
            .clone()
    }

    /// Queries that did not compile so far.
    pub fn query_errors(&self) -> Vec<QueryError> {
        self.query_errors
            .lock()
            .map(|e| e.clone())
            .unwrap_or_default()
    }

    /// The built-in query, then each repository query file in turn: one starting with
    /// `; extends` adds to what came before, any other replaces it.
    fn query_sources(&self, language: LanguageId) -> Vec<QuerySource> {
        let mut dirs = vec![".redline/queries".to_string()];
        dirs.extend(self.config.queries.dirs.iter().cloned());
        let mut sources = language.builtin_queries();
        for dir in dirs {
            let rel = format!("{}/{}/risk.scm", dir.trim_end_matches('/'), language.name());
            let text = match &self.queries_at {
                Some(commit) => crate::git::content_at(&self.root, commit, &rel)
                    .and_then(|bytes| String::from_utf8(bytes).ok()),
                None => std::fs::read_to_string(self.root.join(&rel)).ok(),
            };
            let Some(text) = text else {
                continue;
            };
            let source = QuerySource::new(rel, text);
            if source.extends() {
                sources.push(source);
            } else {
                sources = vec![source];
            }
        }
        sources
    }

    /// `path` relative to the root with `/` separators, if it is inside the workspace.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir().ok()?.join(path)
        };
        let abs = std::fs::canonicalize(&abs).unwrap_or_else(|_| normalize(&abs));
        let rel = abs.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        Some(parts.join("/"))
    }

    /// An engine document for the file at `rel` (relative to the root) with `text`.
    pub fn document(&self, rel: &str, text: impl Into<String>) -> Document {
        let text = text.into();
        let language = LanguageId::detect(Path::new(rel), &text);
        let query = language.and_then(|l| self.query(l));
        Document::new(text, query).with_file_rules(self.path_rules.matching(Path::new(rel)))
    }

    /// The path rules that make the file at `rel` high-impact as a whole.
    pub fn path_rules_for(&self, rel: &str) -> Vec<crate::document::FileRule> {
        self.path_rules.matching(Path::new(rel))
    }

    /// Whether a path rule makes the file at `rel` high-impact as a whole.
    pub fn has_path_rule(&self, rel: &str) -> bool {
        !self.path_rules.matching(Path::new(rel)).is_empty()
    }
}

/// Reads `redline.toml` at `root`: the defaults when there is none, an error naming the file,
/// line and column when it is broken.
pub fn read_config(root: &Path) -> Result<Config, WorkspaceError> {
    let path = root.join(config::FILE_NAME);
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Config::parse(&path.display().to_string(), &text)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(source) => Err(WorkspaceError::Io { path, source }),
    }
}

/// Removes `.` and resolves `..` without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

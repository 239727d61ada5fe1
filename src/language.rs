//! The languages redline understands: how a file is recognised, its grammar, and its built-in
//! risk query. Grammars and queries are loaded on first use, once per language, so a workspace
//! pays only for the languages it contains.

use std::path::Path;
use std::sync::OnceLock;

use crate::query::{QueryError, QuerySource, RiskQuery};

/// A language redline can parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LanguageId {
    Rust,
}

impl LanguageId {
    pub const ALL: &'static [LanguageId] = &[LanguageId::Rust];

    /// The name used in query directories (`queries/<name>/risk.scm`) and in LSP language ids.
    pub fn name(self) -> &'static str {
        match self {
            LanguageId::Rust => "rust",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|l| l.name() == name)
    }

    /// Recognises a file by its name or extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()? {
            "rs" => Some(LanguageId::Rust),
            _ => None,
        }
    }

    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            LanguageId::Rust => tree_sitter_rust::LANGUAGE.into(),
        }
    }

    /// The built-in `risk.scm`, compiled into the binary.
    pub fn builtin_query(self) -> QuerySource {
        let text = match self {
            LanguageId::Rust => include_str!("../queries/rust/risk.scm"),
        };
        QuerySource::new(format!("queries/{}/risk.scm", self.name()), text)
    }

    /// The built-in risk query for this language, compiled once per process.
    pub fn builtin_risk_query(self) -> &'static BuiltinQuery {
        static RUST: OnceLock<BuiltinQuery> = OnceLock::new();
        let cell = match self {
            LanguageId::Rust => &RUST,
        };
        cell.get_or_init(|| {
            let (query, errors) = RiskQuery::compile(self, &[self.builtin_query()]);
            BuiltinQuery { query, errors }
        })
    }
}

/// A compiled built-in query and any errors compiling it produced (none, in a correct build).
#[derive(Debug)]
pub struct BuiltinQuery {
    pub query: Option<RiskQuery>,
    pub errors: Vec<QueryError>,
}

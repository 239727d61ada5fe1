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
    Python,
    Go,
    JavaScript,
    TypeScript,
    Tsx,
    Java,
    Bash,
    Json,
    Yaml,
    Toml,
    Hcl,
    Dockerfile,
}

impl LanguageId {
    pub const ALL: &'static [LanguageId] = &[
        LanguageId::Rust,
        LanguageId::Python,
        LanguageId::Go,
        LanguageId::JavaScript,
        LanguageId::TypeScript,
        LanguageId::Tsx,
        LanguageId::Java,
        LanguageId::Bash,
        LanguageId::Json,
        LanguageId::Yaml,
        LanguageId::Toml,
        LanguageId::Hcl,
        LanguageId::Dockerfile,
    ];

    /// The name used in query directories (`queries/<name>/risk.scm`).
    pub fn name(self) -> &'static str {
        match self {
            LanguageId::Rust => "rust",
            LanguageId::Python => "python",
            LanguageId::Go => "go",
            LanguageId::JavaScript => "javascript",
            LanguageId::TypeScript => "typescript",
            LanguageId::Tsx => "tsx",
            LanguageId::Java => "java",
            LanguageId::Bash => "bash",
            LanguageId::Json => "json",
            LanguageId::Yaml => "yaml",
            LanguageId::Toml => "toml",
            LanguageId::Hcl => "hcl",
            LanguageId::Dockerfile => "dockerfile",
        }
    }

    /// A language from its query-directory name or an LSP `languageId` (VS Code's and
    /// Neovim's names included).
    pub fn from_name(name: &str) -> Option<Self> {
        let by_alias = match name {
            "javascriptreact" | "js" | "jsx" => Some(LanguageId::JavaScript),
            "typescriptreact" => Some(LanguageId::Tsx),
            "ts" => Some(LanguageId::TypeScript),
            "shellscript" | "sh" | "zsh" | "shell" => Some(LanguageId::Bash),
            "jsonc" | "json5" => Some(LanguageId::Json),
            "terraform" | "terraform-vars" | "tf" | "tfvars" => Some(LanguageId::Hcl),
            "containerfile" | "docker" => Some(LanguageId::Dockerfile),
            "py" => Some(LanguageId::Python),
            "golang" => Some(LanguageId::Go),
            _ => None,
        };
        by_alias.or_else(|| Self::ALL.iter().copied().find(|l| l.name() == name))
    }

    /// Recognises a file by its well-known name or its extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        let file_name = path.file_name()?.to_str()?;
        let lower = file_name.to_ascii_lowercase();
        if lower == "dockerfile"
            || lower == "containerfile"
            || lower.starts_with("dockerfile.")
            || lower.starts_with("containerfile.")
            || lower.ends_with(".dockerfile")
            || lower.ends_with(".containerfile")
        {
            return Some(LanguageId::Dockerfile);
        }
        if matches!(
            lower.as_str(),
            ".bashrc" | ".bash_profile" | ".profile" | ".zshrc" | ".envrc"
        ) {
            return Some(LanguageId::Bash);
        }
        if matches!(lower.as_str(), "pipfile" | "cargo.lock" | "poetry.lock") {
            return Some(LanguageId::Toml);
        }
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "rs" => LanguageId::Rust,
            "py" | "pyi" | "pyw" => LanguageId::Python,
            "go" => LanguageId::Go,
            "js" | "mjs" | "cjs" | "jsx" => LanguageId::JavaScript,
            "ts" | "mts" | "cts" => LanguageId::TypeScript,
            "tsx" => LanguageId::Tsx,
            "java" => LanguageId::Java,
            "sh" | "bash" | "zsh" | "ksh" => LanguageId::Bash,
            "json" | "jsonc" | "json5" | "tfstate" => LanguageId::Json,
            "yml" | "yaml" => LanguageId::Yaml,
            "toml" => LanguageId::Toml,
            "tf" | "tfvars" | "hcl" | "nomad" => LanguageId::Hcl,
            _ => return None,
        })
    }

    /// Recognises a file by name, or else by a `#!` line naming a shell or Python.
    pub fn detect(path: &Path, text: &str) -> Option<Self> {
        Self::from_path(path).or_else(|| {
            let first = text.lines().next()?.strip_prefix("#!")?;
            let interpreter = first
                .split_whitespace()
                .flat_map(|w| w.rsplit('/').next())
                .find(|w| *w != "env")?;
            match interpreter {
                "sh" | "bash" | "zsh" | "dash" | "ksh" => Some(LanguageId::Bash),
                p if p.starts_with("python") => Some(LanguageId::Python),
                "node" => Some(LanguageId::JavaScript),
                _ => None,
            }
        })
    }

    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            LanguageId::Rust => tree_sitter_rust::LANGUAGE.into(),
            LanguageId::Python => tree_sitter_python::LANGUAGE.into(),
            LanguageId::Go => tree_sitter_go::LANGUAGE.into(),
            LanguageId::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            LanguageId::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            LanguageId::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            LanguageId::Java => tree_sitter_java::LANGUAGE.into(),
            LanguageId::Bash => tree_sitter_bash::LANGUAGE.into(),
            LanguageId::Json => tree_sitter_json::LANGUAGE.into(),
            LanguageId::Yaml => tree_sitter_yaml::LANGUAGE.into(),
            LanguageId::Toml => tree_sitter_toml_ng::LANGUAGE.into(),
            LanguageId::Hcl => tree_sitter_hcl::LANGUAGE.into(),
            LanguageId::Dockerfile => tree_sitter_containerfile::LANGUAGE.into(),
        }
    }

    /// The built-in `risk.scm` sources, compiled into the binary: JavaScript, TypeScript and TSX
    /// each add their grammar's own patterns to the ones they share (`queries/ecma`), as
    /// Neovim's `; inherits: ecma` queries do.
    pub fn builtin_queries(self) -> Vec<QuerySource> {
        const ECMA: &str = include_str!("../queries/ecma/risk.scm");
        let own = match self {
            LanguageId::Rust => include_str!("../queries/rust/risk.scm"),
            LanguageId::Python => include_str!("../queries/python/risk.scm"),
            LanguageId::Go => include_str!("../queries/go/risk.scm"),
            LanguageId::JavaScript => include_str!("../queries/javascript/risk.scm"),
            LanguageId::TypeScript => include_str!("../queries/typescript/risk.scm"),
            LanguageId::Tsx => include_str!("../queries/tsx/risk.scm"),
            LanguageId::Java => include_str!("../queries/java/risk.scm"),
            LanguageId::Bash => include_str!("../queries/bash/risk.scm"),
            LanguageId::Json => include_str!("../queries/json/risk.scm"),
            LanguageId::Yaml => include_str!("../queries/yaml/risk.scm"),
            LanguageId::Toml => include_str!("../queries/toml/risk.scm"),
            LanguageId::Hcl => include_str!("../queries/hcl/risk.scm"),
            LanguageId::Dockerfile => include_str!("../queries/dockerfile/risk.scm"),
        };
        let own = QuerySource::new(format!("queries/{}/risk.scm", self.name()), own);
        match self {
            LanguageId::JavaScript | LanguageId::TypeScript | LanguageId::Tsx => {
                vec![QuerySource::new("queries/ecma/risk.scm", ECMA), own]
            }
            _ => vec![own],
        }
    }

    /// The built-in risk query for this language, compiled once per process.
    pub fn builtin_risk_query(self) -> &'static BuiltinQuery {
        static CELLS: [OnceLock<BuiltinQuery>; 13] = [const { OnceLock::new() }; 13];
        let index = Self::ALL.iter().position(|l| *l == self).unwrap_or(0);
        CELLS[index].get_or_init(|| {
            let (query, errors) = RiskQuery::compile(self, &self.builtin_queries());
            BuiltinQuery {
                query: query.map(std::sync::Arc::new),
                errors,
            }
        })
    }
}

/// A compiled built-in query and any errors compiling it produced (none, in a correct build).
#[derive(Debug)]
pub struct BuiltinQuery {
    pub query: Option<std::sync::Arc<RiskQuery>>,
    pub errors: Vec<QueryError>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_name_extension_and_shebang() {
        let p = |s: &str| LanguageId::from_path(Path::new(s));
        assert_eq!(p("infra/Dockerfile"), Some(LanguageId::Dockerfile));
        assert_eq!(p("Dockerfile.prod"), Some(LanguageId::Dockerfile));
        assert_eq!(p("main.tf"), Some(LanguageId::Hcl));
        assert_eq!(p(".github/workflows/ci.yml"), Some(LanguageId::Yaml));
        assert_eq!(p("App.tsx"), Some(LanguageId::Tsx));
        assert_eq!(p("README.md"), None);
        assert_eq!(
            LanguageId::detect(Path::new("bin/deploy"), "#!/usr/bin/env bash\nset -e\n"),
            Some(LanguageId::Bash)
        );
        assert_eq!(
            LanguageId::from_name("typescriptreact"),
            Some(LanguageId::Tsx)
        );
    }
}

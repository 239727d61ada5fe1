//! `redline.toml`: the review policy, categories, path rules and provenance sources.
//!
//! Parsing is pure: the caller reads the file and passes its text and path, so that a broken
//! file is reported with its own path, line and column.

use std::collections::BTreeMap;
use std::path::Path;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::category::{Category, Severity};
use crate::document::FileRule;
use crate::finding::Rules;
use crate::review::ReviewPolicy;

pub const FILE_NAME: &str = "redline.toml";

/// A `redline.toml` that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub review: ReviewSection,
    /// Per-category settings, keyed by category id; new ids add categories.
    #[serde(default)]
    pub categories: BTreeMap<String, CategorySection>,
    /// Path rules: whole files that are high-impact.
    #[serde(default)]
    pub paths: Vec<PathRule>,
    #[serde(default)]
    pub provenance: ProvenanceSection,
    #[serde(default)]
    pub queries: QueriesSection,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ReviewSection {
    #[serde(default)]
    pub reviewers: Vec<String>,
    #[serde(default)]
    pub codeowners: bool,
    #[serde(default = "yes")]
    pub allow_self_signoff: bool,
    #[serde(default)]
    pub require_signature: bool,
    #[serde(default = "default_allowed_signers")]
    pub allowed_signers: String,
}

impl Default for ReviewSection {
    fn default() -> Self {
        ReviewSection {
            reviewers: Vec::new(),
            codeowners: false,
            allow_self_signoff: true,
            require_signature: false,
            allowed_signers: default_allowed_signers(),
        }
    }
}

fn yes() -> bool {
    true
}

fn default_allowed_signers() -> String {
    ".redline/allowed_signers".into()
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CategorySection {
    pub severity: Option<Severity>,
    /// What the category covers, in words for diagnostics (`billing and payments`).
    pub description: Option<String>,
    #[serde(default = "yes")]
    pub enabled: bool,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PathRule {
    /// A glob relative to the repository root: `infra/**`, `*.tf`.
    pub pattern: String,
    pub category: String,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProvenanceSection {
    /// Treat large single insertions in the editor as AI-written.
    #[serde(default)]
    pub heuristic: bool,
    /// Commit trailers that mark a commit's added lines as AI-written, as `Key: Word` (the
    /// value has that word) or `Key:` (any value); absent means the built-in list, empty none.
    #[serde(default)]
    pub trailers: Option<Vec<String>>,
    /// Author-name suffixes that mark a commit as AI-written (aider's `(aider)`); absent means
    /// the built-in list, empty none.
    #[serde(default)]
    pub author_suffixes: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct QueriesSection {
    /// Extra directories holding `<language>/risk.scm`, relative to the repository root.
    #[serde(default)]
    pub dirs: Vec<String>,
}

impl Config {
    /// Parses `text`, naming `path` in any error.
    pub fn parse(path: &str, text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((1, 1), |span| line_column(text, span.start));
            ConfigError {
                path: path.to_string(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })?;
        config.validate(path, text)?;
        Ok(config)
    }

    fn validate(&self, path: &str, text: &str) -> Result<(), ConfigError> {
        let at = |needle: &str, message: String| {
            let (line, column) = text
                .find(needle)
                .map_or((1, 1), |offset| line_column(text, offset));
            ConfigError {
                path: path.to_string(),
                line,
                column,
                message,
            }
        };
        for rule in self.provenance.trailers.iter().flatten() {
            if let Err(e) = crate::trailers::TrailerRule::parse(rule) {
                return Err(at(rule, e.to_string()));
            }
        }
        for rule in &self.paths {
            if let Err(e) = Glob::new(&rule.pattern) {
                return Err(at(
                    &rule.pattern,
                    format!("bad path pattern `{}`: {e}", rule.pattern),
                ));
            }
            if !self.knows_category(&rule.category) {
                return Err(at(
                    &rule.category,
                    format!(
                        "unknown category `{}` in a path rule: use a built-in id or add [categories.{}]",
                        rule.category, rule.category
                    ),
                ));
            }
        }
        Ok(())
    }

    fn knows_category(&self, id: &str) -> bool {
        Category::new(id).is_builtin() || self.categories.contains_key(id)
    }

    pub fn policy(&self) -> ReviewPolicy {
        ReviewPolicy {
            reviewers: self.review.reviewers.clone(),
            codeowners: self.review.codeowners,
            allow_self_signoff: self.review.allow_self_signoff,
            require_signature: self.review.require_signature,
        }
    }

    /// The rules that say which commits an AI co-wrote.
    pub fn trailer_rules(&self) -> crate::trailers::Rules {
        let mut rules = crate::trailers::Rules::default();
        if let Some(list) = &self.provenance.trailers {
            // Checked in `parse`.
            rules.trailers = list
                .iter()
                .filter_map(|r| crate::trailers::TrailerRule::parse(r).ok())
                .collect();
        }
        if let Some(list) = &self.provenance.author_suffixes {
            rules.author_suffixes = list.clone();
        }
        rules
    }

    pub fn rules(&self) -> Rules {
        let mut rules = Rules::default();
        for (id, section) in &self.categories {
            let category = Category::new(id);
            if let Some(s) = section.severity {
                rules.severities.insert(category.clone(), s);
            }
            if let Some(d) = &section.description {
                rules.messages.insert(category.clone(), d.clone());
            }
            if !section.enabled {
                rules.disabled.push(category);
            }
        }
        rules
    }

    /// Compiles the path rules.
    pub fn path_rules(&self) -> PathRules {
        let mut builder = GlobSetBuilder::new();
        let mut rules = Vec::new();
        for rule in &self.paths {
            // Patterns were checked in `parse`; one that fails here is skipped, not guessed at.
            if let Ok(glob) = Glob::new(&rule.pattern) {
                builder.add(glob);
                rules.push(FileRule {
                    category: Category::new(&rule.category),
                    pattern: rule.pattern.clone(),
                });
            }
        }
        PathRules {
            set: builder.build().unwrap_or_else(|_| GlobSet::empty()),
            rules,
        }
    }
}

/// Path rules, ready to match repository-relative paths.
#[derive(Debug, Clone)]
pub struct PathRules {
    set: GlobSet,
    rules: Vec<FileRule>,
}

impl Default for PathRules {
    fn default() -> Self {
        PathRules {
            set: GlobSet::empty(),
            rules: Vec::new(),
        }
    }
}

impl PathRules {
    /// The rules that make `path` (relative to the repository root) high-impact.
    pub fn matching(&self, path: &Path) -> Vec<FileRule> {
        self.set
            .matches(path)
            .into_iter()
            .map(|i| self.rules[i].clone())
            .collect()
    }
}

/// One-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The commented `redline.toml` that `redline init` writes.
pub const TEMPLATE: &str = r#"# redline.toml — how redline gates AI-written changes to high-impact code.
# Every key is optional; this file shows the defaults.

[review]
# Who may sign off. Absent or empty: anyone, and each sign-off records who (git's user.email).
reviewers = []
# true: a file's owners in CODEOWNERS may also sign off on it.
codeowners = false
# false: whoever brought the AI text in may not sign it off.
allow_self_signoff = true
# true: sign-offs must carry an SSH signature (ssh-keygen -Y sign, namespace "redline").
require_signature = false
# Who may sign, in git's allowed-signers format.
allowed_signers = ".redline/allowed_signers"

# Per-category settings. Built-in ids: auth iam dns config crypto secrets network data deploy memory.
# [categories.config]
# severity = "warning"        # error | warning | info | hint
# enabled = true
# A new id adds a category (use it in .redline/queries/<language>/risk.scm as @risk.billing):
# [categories.billing]
# severity = "error"
# description = "billing and payments"

# Whole files that are high-impact: an AI edit anywhere in them needs review.
# [[paths]]
# pattern = "infra/**"
# category = "deploy"

[provenance]
# Treat a large single insertion in the editor as AI-written (kind "heuristic").
heuristic = false
# Commits whose trailers or author name say an AI co-wrote them count every line they add as
# AI-written in `redline check --base` and `redline blame`. Absent: the built-in rules
# (Co-authored-by: Claude, Copilot, aider, Codex, Cursor, Gemini, ...; Assisted-by:; aider's
# "(aider)" author suffix). `Key: Word` matches a trailer whose value has that word; `Key:`
# any value. An empty list turns the source off.
# trailers = ["Co-authored-by: Claude", "Assisted-by:"]
# author_suffixes = ["(aider)"]

[queries]
# Extra directories holding <language>/risk.scm, relative to the repository root.
dirs = []
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_parses_to_the_defaults() {
        assert_eq!(
            Config::parse("redline.toml", TEMPLATE),
            Ok(Config::default())
        );
    }

    #[test]
    fn a_broken_file_names_line_and_column() {
        let text = "[review]\nreviewers = [\"a@x\"\nallow_self_signoff = true\n";
        let e = Config::parse("redline.toml", text).unwrap_err();
        assert_eq!(e.path, "redline.toml");
        assert_eq!(e.line, 3);
        let e = Config::parse("r.toml", "[review]\nreviewrs = []\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("reviewrs"), "{}", e.message);
    }

    #[test]
    fn path_rules_match_and_unknown_categories_are_errors() {
        let c = Config::parse(
            "r",
            "[[paths]]\npattern = \"infra/**\"\ncategory = \"deploy\"\n",
        )
        .unwrap();
        let rules = c.path_rules();
        assert_eq!(rules.matching(Path::new("infra/main.tf")).len(), 1);
        assert!(rules.matching(Path::new("src/main.rs")).is_empty());
        let e = Config::parse("r", "[[paths]]\npattern = \"x/**\"\ncategory = \"bogus\"\n")
            .unwrap_err();
        assert_eq!(e.line, 3);
    }
}

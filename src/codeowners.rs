//! CODEOWNERS: who owns a path, so that owners may sign off on AI changes to their files.

use std::path::Path;

use ignore::gitignore::GitignoreBuilder;

/// Where GitHub and GitLab look for the file, in their order of precedence.
pub const LOCATIONS: &[&str] = &[
    ".github/CODEOWNERS",
    "CODEOWNERS",
    "docs/CODEOWNERS",
    ".gitlab/CODEOWNERS",
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Codeowners {
    rules: Vec<(String, Vec<String>)>,
}

impl Codeowners {
    /// Parses the file's text. Lines are `pattern owner...`; `#` starts a comment; GitLab
    /// section headers (`[Section]`) are skipped.
    pub fn parse(text: &str) -> Self {
        let rules = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty() && !l.starts_with('[') && !l.starts_with("^["))
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                let pattern = parts.next()?.to_string();
                Some((pattern, parts.map(str::to_string).collect()))
            })
            .collect();
        Codeowners { rules }
    }

    /// The owners of `path` (relative to the repository root): the last matching rule wins,
    /// as on GitHub.
    pub fn owners(&self, path: &Path) -> &[String] {
        for (pattern, owners) in self.rules.iter().rev() {
            let mut builder = GitignoreBuilder::new("");
            if builder.add_line(None, pattern).is_err() {
                continue;
            }
            let Ok(matcher) = builder.build() else {
                continue;
            };
            if matcher.matched_path_or_any_parents(path, false).is_ignore() {
                return owners;
            }
        }
        &[]
    }

    /// Whether `email` owns `path`. Only e-mail owners can be matched to git's identity;
    /// `@user` and `@org/team` owners need the forge to resolve them.
    pub fn owned_by(&self, path: &Path, email: &str) -> bool {
        self.owners(path)
            .iter()
            .any(|o| o.trim_start_matches('@').eq_ignore_ascii_case(email))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_matching_rule_wins() {
        let c = Codeowners::parse(
            "# owners\n* default@example.com\n/infra/ ops@example.com @org/sre\n*.tf tf@example.com\n",
        );
        assert!(c.owned_by(Path::new("src/main.rs"), "default@example.com"));
        assert!(c.owned_by(Path::new("infra/dns.yaml"), "ops@example.com"));
        assert!(!c.owned_by(Path::new("infra/dns.yaml"), "default@example.com"));
        assert!(c.owned_by(Path::new("infra/main.tf"), "tf@example.com"));
    }
}

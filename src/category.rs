//! Risk categories and severities.

use std::fmt;
use std::sync::Arc;

/// How loudly a finding is reported, from most to least severe.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    /// True when `self` is at least as severe as `threshold`.
    pub fn at_least(self, threshold: Severity) -> bool {
        self <= threshold
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            "hint" => Ok(Severity::Hint),
            other => Err(format!(
                "unknown severity `{other}`: expected error, warning, info or hint"
            )),
        }
    }
}

/// A risk category id such as `auth` or `dns`. The built-in ids are fixed; a team may add its
/// own in `redline.toml`, so the id is a string rather than an enum.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Category(Arc<str>);

/// The built-in categories, with what each covers and its default severity.
pub const BUILTIN: &[(&str, &str, Severity)] = &[
    (
        "auth",
        "authentication or an access-control decision",
        Severity::Error,
    ),
    (
        "iam",
        "roles, policies, grants or privileges",
        Severity::Error,
    ),
    ("dns", "name resolution or DNS records", Severity::Error),
    (
        "config",
        "configuration, limits, timeouts or feature flags",
        Severity::Warning,
    ),
    (
        "crypto",
        "TLS, certificate verification, signing or security randomness",
        Severity::Error,
    ),
    (
        "secrets",
        "credentials, keys or secret handling",
        Severity::Error,
    ),
    (
        "network",
        "listeners, bind addresses, ports, CORS or routing",
        Severity::Error,
    ),
    (
        "data",
        "a destructive or schema-changing data operation",
        Severity::Error,
    ),
    (
        "deploy",
        "deployment, infrastructure or process execution",
        Severity::Warning,
    ),
    (
        "memory",
        "a memory-safety escape (unsafe, FFI, raw pointers)",
        Severity::Warning,
    ),
];

impl Category {
    pub fn new(id: &str) -> Self {
        Category(Arc::from(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_builtin(&self) -> bool {
        BUILTIN.iter().any(|(id, ..)| *id == &*self.0)
    }

    /// What the category covers, in words for a diagnostic message.
    pub fn description(&self) -> &str {
        BUILTIN
            .iter()
            .find(|(id, ..)| *id == &*self.0)
            .map_or("high-impact code", |(_, d, _)| d)
    }

    pub fn default_severity(&self) -> Severity {
        BUILTIN
            .iter()
            .find(|(id, ..)| *id == &*self.0)
            .map_or(Severity::Warning, |(.., s)| *s)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

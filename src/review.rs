//! Sign-offs: a reviewer's statement that they looked at exact text, and the policy that says
//! who may make one.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use crate::category::Category;

/// The hash of the exact text a sign-off covers, as lowercase hex.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ReviewKey(pub String);

impl ReviewKey {
    /// A finding is identified by its category, the whole hotspot's text and the AI-written
    /// part of it: editing either makes the finding new again, moving it does not.
    pub fn for_finding(category: &Category, hotspot_text: &str, finding_text: &str) -> Self {
        let mut h = Sha256::new();
        h.update(category.as_str().as_bytes());
        h.update([0]);
        h.update(hotspot_text.as_bytes());
        h.update([0]);
        h.update(finding_text.as_bytes());
        ReviewKey(hex(&h.finalize()))
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// A reviewer's sign-off on the text a key hashes. `at` is seconds since the Unix epoch.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signoff {
    pub reviewer: String,
    pub at: i64,
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

/// The sign-offs known for a repository, looked up by what they cover.
#[derive(Debug, Clone, Default)]
pub struct Signoffs {
    by_key: HashMap<ReviewKey, Signoff>,
}

impl Signoffs {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, signoff: Signoff) {
        self.by_key.insert(ReviewKey(signoff.key.clone()), signoff);
    }

    pub fn get(&self, key: &ReviewKey) -> Option<&Signoff> {
        self.by_key.get(key)
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Signoff> {
        self.by_key.values()
    }
}

/// Who may sign off. An empty reviewer list means anyone may, and each sign-off records who.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewPolicy {
    pub reviewers: Vec<String>,
    /// A file's owners in CODEOWNERS may also sign off on it.
    pub codeowners: bool,
    pub allow_self_signoff: bool,
    pub require_signature: bool,
}

/// Why a sign-off was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignoffRefused {
    #[error("no reviewer identity: set git's user.email (git config user.email you@example.com)")]
    NoIdentity,
    #[error("{who} may not sign off: the review policy allows only {}{}", allowed.join(", "), if *codeowners { ", or the file's owners in CODEOWNERS" } else { "" })]
    NotAReviewer {
        who: String,
        allowed: Vec<String>,
        codeowners: bool,
    },
    #[error("{who} brought this AI text in and the review policy does not allow self sign-off")]
    SelfSignoff { who: String },
}

impl ReviewPolicy {
    pub fn anyone() -> Self {
        ReviewPolicy {
            reviewers: Vec::new(),
            codeowners: false,
            allow_self_signoff: true,
            require_signature: false,
        }
    }

    /// No reviewer list, no signatures: anyone may sign off, so a missing git identity need
    /// not stop them (the sign-off records the account name instead).
    pub fn open_to_anyone(&self) -> bool {
        self.reviewers.is_empty() && !self.require_signature
    }

    /// Whether `who` may sign off on text that `author` (if known) brought in, in a file that
    /// `who` owns according to CODEOWNERS (`owns_file`) or not.
    pub fn may_sign_off(
        &self,
        who: &str,
        author: Option<&str>,
        owns_file: bool,
    ) -> Result<(), SignoffRefused> {
        let who = who.trim();
        if who.is_empty() {
            return Err(SignoffRefused::NoIdentity);
        }
        let listed = self.reviewers.iter().any(|r| r.eq_ignore_ascii_case(who));
        let owner = self.codeowners && owns_file;
        if !self.reviewers.is_empty() && !listed && !owner {
            return Err(SignoffRefused::NotAReviewer {
                who: who.to_string(),
                allowed: self.reviewers.clone(),
                codeowners: self.codeowners,
            });
        }
        if !self.allow_self_signoff && author.is_some_and(|a| a.eq_ignore_ascii_case(who)) {
            return Err(SignoffRefused::SelfSignoff {
                who: who.to_string(),
            });
        }
        Ok(())
    }
}

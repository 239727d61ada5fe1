//! Who wrote a region of text.

use serde::{Deserialize, Serialize};

/// How the text came to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum OriginKind {
    InlineCompletion,
    ChatEdit,
    #[default]
    Agent,
    Manual,
    Heuristic,
    Imported,
}

impl OriginKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OriginKind::InlineCompletion => "inline-completion",
            OriginKind::ChatEdit => "chat-edit",
            OriginKind::Agent => "agent",
            OriginKind::Manual => "manual",
            OriginKind::Heuristic => "heuristic",
            OriginKind::Imported => "imported",
        }
    }
}

/// The AI tool (or other source) that wrote a region. `at` is seconds since the Unix epoch,
/// supplied by whoever records the origin, so that the engine stays free of clocks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    pub tool: String,
    #[serde(default)]
    pub kind: OriginKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<i64>,
    /// The person who brought the AI text in (git's `user.email`), when known: the policy
    /// may forbid them from signing it off themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

impl Origin {
    pub fn new(tool: impl Into<String>, kind: OriginKind) -> Self {
        Origin {
            tool: tool.into(),
            kind,
            model: None,
            session: None,
            at: None,
            author: None,
        }
    }

    /// "copilot (inline-completion, gpt-4o)" — for hovers and messages.
    pub fn describe(&self) -> String {
        match &self.model {
            Some(model) => format!("{} ({}, {})", self.tool, self.kind.as_str(), model),
            None => format!("{} ({})", self.tool, self.kind.as_str()),
        }
    }
}

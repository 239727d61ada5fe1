//! redline's own LSP messages: `redline/aiEdit`, `redline/regions`, and the commands'
//! arguments. Field names follow DESIGN.md's "Language server contract".

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{DiagnosticSeverity, Range, Uri};

use crate::origin::OriginKind;

pub const AI_EDIT: &str = "redline/aiEdit";
pub const REGIONS: &str = "redline/regions";
pub const CMD_MARK_AI: &str = "redline.markAi";
pub const CMD_SIGN_OFF: &str = "redline.signOff";
pub const CMD_SHOW_PROVENANCE: &str = "redline.showProvenance";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WireOrigin {
    pub tool: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<OriginKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct VersionedDocument {
    pub uri: Uri,
    pub version: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AiEditParams {
    pub text_document: VersionedDocument,
    pub ranges: Vec<Range>,
    pub origin: WireOrigin,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DocumentOnly {
    pub uri: Uri,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegionsParams {
    pub text_document: DocumentOnly,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionsResult {
    pub uri: Uri,
    pub version: i32,
    pub regions: Vec<Region>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Region {
    pub id: u64,
    pub range: Range,
    pub origin: WireOrigin,
    pub findings: Vec<RegionFinding>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionFinding {
    pub category: String,
    pub severity: &'static str,
    pub range: Range,
    pub reviewed: bool,
    pub hotspot: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MarkAiArgs {
    pub uri: Uri,
    pub ranges: Vec<Range>,
    pub origin: WireOrigin,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SignOffArgs {
    pub uri: Uri,
    #[serde(default)]
    pub range: Option<Range>,
}

/// What a redline diagnostic's `data` carries, for code actions and editor plugins.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DiagnosticData {
    pub span_id: u64,
    pub key: String,
    pub category: String,
    pub hotspot: String,
    pub hotspot_range: Range,
    pub origin: WireOrigin,
}

/// `initializationOptions.aiEditReporting`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AiEditReporting {
    #[default]
    Client,
    Heuristic,
    Off,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InitializationOptions {
    #[serde(default)]
    pub ai_edit_reporting: AiEditReporting,
    /// Who signs off from this editor; defaults to git's `user.email`.
    #[serde(default)]
    pub identity: Option<String>,
}

pub fn severity(s: crate::category::Severity) -> DiagnosticSeverity {
    use crate::category::Severity as S;
    match s {
        S::Error => DiagnosticSeverity::ERROR,
        S::Warning => DiagnosticSeverity::WARNING,
        S::Info => DiagnosticSeverity::INFORMATION,
        S::Hint => DiagnosticSeverity::HINT,
    }
}

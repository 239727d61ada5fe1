//! redline: flags AI-written changes to high-impact code and asks for a senior engineer's
//! sign-off before they are committed.
//!
//! The engine (`text`, `provenance`, `query`, `finding`, `review`, `document`) is pure: no IO,
//! no protocol. `lsp` adapts it to the Language Server Protocol; `check` runs it in batch.

pub mod agent_trace;
pub mod anchor;
pub mod authorship;
pub mod blame;
pub mod category;
pub mod check;
pub mod codeowners;
pub mod config;
pub mod document;
pub mod finding;
pub mod git;
pub mod history;
pub mod hook;
pub mod init;
pub mod language;
pub mod ledger;
pub mod lines;
pub mod lsp;
pub mod notes;
pub mod origin;
pub mod output;
pub mod prefilter;
pub mod provenance;
pub mod query;
pub mod record;
pub mod review;
pub mod sarif;
pub mod signature;
pub mod signoff;
pub mod signoff_notes;
pub mod text;
pub mod traces;
pub mod trailers;
pub mod workspace;

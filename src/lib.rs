//! redline: flags AI-written changes to high-impact code and asks for a senior engineer's
//! sign-off before they are committed.
//!
//! The engine (`text`, `provenance`, `query`, `finding`, `review`, `document`) is pure: no IO,
//! no protocol. `lsp` adapts it to the Language Server Protocol; `check` runs it in batch.

pub mod category;
pub mod document;
pub mod finding;
pub mod language;
pub mod origin;
pub mod provenance;
pub mod query;
pub mod review;
pub mod text;
pub mod lsp;
pub mod git;
pub mod config;
pub mod anchor;
pub mod ledger;
pub mod codeowners;
pub mod signature;
pub mod workspace;

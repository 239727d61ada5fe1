//! The server's resident memory with many open files.
//!
//! Opens 500 generated Rust files of 2,000 lines each in one `redline lsp` (over real stdio),
//! waits for each file's diagnostics, and prints the server's RSS: after initialize, with every
//! file open and none AI-written, and after one AI-written function in every tenth file. The
//! goal is under 200 MB.
//!
//! Run: `cargo bench --bench memory` (`REDLINE_MEMORY_FILES=N` sets the number of files).

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Duration;

use serde_json::json;
use support::{Enc, LspClient, file_uri, find, lsp_range};

const LINES: usize = 2_000;

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs a small smoke version.
    let benching = std::env::args().any(|a| a == "--bench");
    let files: usize = std::env::var("REDLINE_MEMORY_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benching { 500 } else { 20 });

    let mut client = LspClient::start();
    client.initialize(&["utf-16"], json!({}));
    std::thread::sleep(Duration::from_millis(200));
    let idle = client.rss_kb();

    let mut texts = Vec::with_capacity(files);
    let mut total_bytes = 0;
    for i in 0..files {
        let text = generated_file(i);
        total_bytes += text.len();
        let uri = file_uri(&format!("/bench/memory/src/module_{i}.rs"));
        client.did_open(&uri, "rust", 1, &text);
        texts.push((uri, text));
    }
    // Every open is answered with (empty) diagnostics once it has been handled.
    for (uri, _) in &texts {
        client.wait_for_diagnostics(uri, |_| true, Duration::from_secs(120));
    }
    let open = client.rss_kb();

    let mut ai_files = 0;
    for (uri, text) in texts.iter().step_by(10) {
        let auth = find(text, "pub fn verify_token(");
        client.ai_edit(
            uri,
            1,
            vec![lsp_range(text, auth.start..auth.start + 400, Enc::Utf16)],
            json!({ "tool": "bench" }),
        );
        ai_files += 1;
    }
    for (uri, _) in texts.iter().step_by(10) {
        client.wait_for_diagnostics(
            uri,
            |p| p["diagnostics"].as_array().is_some_and(|d| !d.is_empty()),
            Duration::from_secs(120),
        );
    }
    let with_ai = client.rss_kb();

    println!(
        "`redline lsp` resident memory, {files} open Rust files of {LINES} lines ({:.1} MB of text)",
        total_bytes as f64 / 1e6
    );
    println!("| state | RSS |");
    println!("| --- | ---: |");
    println!("| initialized, nothing open | {} |", mb(idle));
    println!("| {files} files open, none AI-written | {} |", mb(open));
    println!(
        "| the same, with an AI-written function in {ai_files} of them | {} |",
        mb(with_ai)
    );
}

/// A plausible Rust module: structs, impls, plain functions, and one auth function.
fn generated_file(seed: usize) -> String {
    let mut out = String::with_capacity(LINES * 40);
    out.push_str("use std::collections::HashMap;\n\n");
    let mut n = 0;
    while out.lines().count() < LINES - 12 {
        if n == 3 {
            out.push_str(&format!(
                "pub fn verify_token(token: &str, key: &[u8]) -> bool {{\n    let expected = sign(key, {seed});\n    token.len() == expected.len()\n        && token.bytes().zip(expected.bytes()).all(|(a, b)| a == b)\n}}\n\n"
            ));
        }
        out.push_str(&format!(
            "#[derive(Debug, Clone, Default)]\npub struct Record{n} {{\n    pub id: u64,\n    pub name: String,\n    pub tags: Vec<String>,\n    pub weights: HashMap<String, f64>,\n}}\n\nimpl Record{n} {{\n    pub fn new(id: u64, name: &str) -> Self {{\n        Self {{ id, name: name.to_string(), ..Default::default() }}\n    }}\n\n    pub fn score(&self, factor: f64) -> f64 {{\n        let mut total = 0.0;\n        for (tag, weight) in &self.weights {{\n            if self.tags.contains(tag) {{\n                total += weight * factor + {seed} as f64;\n            }}\n        }}\n        total / (self.tags.len().max(1) as f64)\n    }}\n}}\n\n"
        ));
        n += 1;
    }
    out.push_str(
        "fn sign(_key: &[u8], seed: usize) -> String {\n    format!(\"{seed:016x}\")\n}\n",
    );
    out
}

fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

//! Start-up to first diagnostics, per language, over real stdio.
//!
//! For each language: start `redline lsp` (a fresh process each run), initialize, open a file,
//! report the whole file as AI-written with `redline/aiEdit`, and wait for the
//! `publishDiagnostics` that carries findings. The first file of a language pays for loading its
//! grammar and compiling its query (done lazily, once per language and process), so this is the
//! wait a user sees on opening the first file of a kind.
//!
//! It also prints the server's resident memory after initialize (no language loaded yet) and
//! after opening one file of each language, to show that languages a workspace does not use
//! cost nothing.
//!
//! Run: `cargo bench --bench startup` (prints medians; `REDLINE_STARTUP_RUNS=N` sets the runs).

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{Enc, LspClient, file_uri, lsp_range};

const CASES: &[(&str, &str, &str)] = &[
    ("rust", "rust", "demo/auth.rs"),
    ("python", "python", "tests/fixtures/python/auth.py"),
    ("go", "go", "tests/fixtures/go/auth.go"),
    (
        "javascript",
        "javascript",
        "tests/fixtures/javascript/auth.js",
    ),
    (
        "typescript",
        "typescript",
        "tests/fixtures/typescript/auth.ts",
    ),
    ("tsx", "typescriptreact", "tests/fixtures/tsx/server.tsx"),
    ("java", "java", "tests/fixtures/java/Auth.java"),
    ("bash", "shellscript", "tests/fixtures/bash/auth.sh"),
    ("json", "json", "tests/fixtures/json/arm_template.json"),
    ("yaml", "yaml", "tests/fixtures/yaml/k8s/rbac.yaml"),
    ("toml", "toml", "tests/fixtures/toml/Rocket.toml"),
    ("hcl", "terraform", "tests/fixtures/hcl/auth.tf"),
    (
        "dockerfile",
        "dockerfile",
        "tests/fixtures/dockerfile/Dockerfile",
    ),
];

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this once, as a smoke test.
    let benching = std::env::args().any(|a| a == "--bench");
    let runs: usize = std::env::var("REDLINE_STARTUP_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benching { 9 } else { 1 });
    let root = env!("CARGO_MANIFEST_DIR");

    println!("start-up to first diagnostics, median of {runs} fresh processes");
    println!(
        "| language | initialize | first diagnostics after open | total from spawn | findings |"
    );
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (name, language_id, path) in CASES {
        let text = std::fs::read_to_string(format!("{root}/{path}")).expect("read bench file");
        let mut init = Vec::new();
        let mut open = Vec::new();
        let mut total = Vec::new();
        let mut findings = 0;
        for _ in 0..runs {
            let run = first_diagnostics(language_id, path, &text);
            init.push(run.initialize);
            open.push(run.open_to_diagnostics);
            total.push(run.initialize + run.open_to_diagnostics);
            findings = run.findings;
        }
        println!(
            "| {name} | {} | {} | {} | {findings} |",
            ms(median(&mut init)),
            ms(median(&mut open)),
            ms(median(&mut total)),
        );
    }

    let (idle, loaded) = memory();
    println!();
    println!("resident memory of `redline lsp`");
    println!("| state | RSS |");
    println!("| --- | ---: |");
    println!(
        "| initialized, no file open | {:.1} MB |",
        idle as f64 / 1024.0
    );
    println!(
        "| one file of each of the {} languages open | {:.1} MB |",
        CASES.len(),
        loaded as f64 / 1024.0
    );
}

struct Run {
    initialize: Duration,
    open_to_diagnostics: Duration,
    findings: usize,
}

fn first_diagnostics(language_id: &str, path: &str, text: &str) -> Run {
    let start = Instant::now();
    let mut client = LspClient::start();
    client.initialize(&["utf-16"], json!({}));
    let initialize = start.elapsed();
    let uri = file_uri(&format!("bench/{path}"));
    let opened = Instant::now();
    client.did_open(&uri, language_id, 1, text);
    client.ai_edit(&uri, 1, vec![whole(text)], json!({ "tool": "bench" }));
    let diagnostics = client.wait_for_diagnostics(
        &uri,
        |p| p["diagnostics"].as_array().is_some_and(|d| !d.is_empty()),
        Duration::from_secs(60),
    );
    let open_to_diagnostics = opened.elapsed();
    Run {
        initialize,
        open_to_diagnostics,
        findings: diagnostics["diagnostics"].as_array().map_or(0, Vec::len),
    }
}

/// RSS in kB after initialize, and after one file of every language is open and diagnosed.
fn memory() -> (u64, u64) {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut client = LspClient::start();
    client.initialize(&["utf-16"], json!({}));
    std::thread::sleep(Duration::from_millis(200));
    let idle = client.rss_kb();
    for (_, language_id, path) in CASES {
        let text = std::fs::read_to_string(format!("{root}/{path}")).expect("read bench file");
        let uri = file_uri(&format!("bench/{path}"));
        client.did_open(&uri, language_id, 1, &text);
        client.ai_edit(&uri, 1, vec![whole(&text)], json!({ "tool": "bench" }));
        client.wait_for_diagnostics(
            &uri,
            |p| p["diagnostics"].as_array().is_some_and(|d| !d.is_empty()),
            Duration::from_secs(60),
        );
    }
    (idle, client.rss_kb())
}

fn whole(text: &str) -> serde_json::Value {
    lsp_range(text, 0..text.len(), Enc::Utf16)
}

fn median(values: &mut [Duration]) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

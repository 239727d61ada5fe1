//! Every language works through the server and through `check` exactly as Rust does: the real
//! binary, a real git repository, one small high-impact file per language.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};
use support::{BIN, Enc, LspClient, file_uri, find, lsp_range};

/// (path in the repository, LSP language id, text, the line (1-based) and category of one
/// hotspot in it).
const FILES: &[(&str, &str, &str, usize, &str)] = &[
    (
        "src/auth.rs",
        "rust",
        "pub fn verify_token(token: &str) -> bool {\n    !token.is_empty()\n}\n",
        1,
        "auth",
    ),
    (
        "app/cleanup.py",
        "python",
        "import shutil\n\n\ndef clean(path):\n    shutil.rmtree(path)\n",
        5,
        "data",
    ),
    (
        "cmd/server.go",
        "go",
        "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.ListenAndServe(\"0.0.0.0:8080\", nil)\n}\n",
        6,
        "network",
    ),
    (
        "web/db.js",
        "javascript",
        "async function reset(db) {\n  await db.query(\"DROP TABLE orders\");\n}\n",
        2,
        "data",
    ),
    (
        "web/tls.ts",
        "typescript",
        "process.env.NODE_TLS_REJECT_UNAUTHORIZED = \"0\";\n",
        1,
        "crypto",
    ),
    (
        "web/App.tsx",
        "typescriptreact",
        "export function App() {\n  return <ProtectedRoute path=\"/admin\" />;\n}\n",
        2,
        "auth",
    ),
    (
        "svc/Cleanup.java",
        "java",
        "class Cleanup {\n    void run(java.sql.Statement s) throws Exception {\n        s.execute(\"TRUNCATE TABLE audit_log\");\n    }\n}\n",
        3,
        "data",
    ),
    (
        "scripts/wipe.sh",
        "shellscript",
        "#!/bin/sh\nrm -rf /var/lib/app/data\n",
        2,
        "data",
    ),
    (
        "policy/admin.json",
        "json",
        "{\n  \"Statement\": [\n    { \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\" }\n  ]\n}\n",
        3,
        "iam",
    ),
    (
        ".github/workflows/ci.yml",
        "yaml",
        "on: pull_request_target\npermissions: write-all\njobs: {}\n",
        2,
        "iam",
    ),
    (
        "config/app.toml",
        "toml",
        "[server]\nbind = \"0.0.0.0\"\nport = 8080\n",
        2,
        "network",
    ),
    (
        "infra/iam.tf",
        "terraform",
        "resource \"aws_iam_role\" \"deploy\" {\n  name = \"deploy\"\n}\n",
        1,
        "iam",
    ),
    (
        "Dockerfile",
        "dockerfile",
        "FROM alpine:3.20\nUSER root\n",
        2,
        "iam",
    ),
];

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

fn repo_with_every_language() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["config", "user.email", "dev@example.com"]);
    git(dir.path(), &["config", "user.name", "Dev"]);
    for (path, _, text, _, _) in FILES {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    dir
}

#[test]
fn check_finds_a_hotspot_in_every_language() {
    let dir = repo_with_every_language();
    let out = Command::new(BIN)
        .args(["check", "--all-ai", "--format", "json", "."])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let mut missing = Vec::new();
    for (path, _, _, line, category) in FILES {
        let hit = findings.iter().any(|f| {
            f["path"] == *path
                && f["category"] == *category
                && f["start_line"].as_u64().unwrap() as usize <= *line
                && *line <= f["end_line"].as_u64().unwrap() as usize
        });
        if !hit {
            missing.push(format!("{path}:{line}: no `{category}` finding"));
        }
    }
    assert!(
        missing.is_empty(),
        "{}\nfindings:\n{}",
        missing.join("\n"),
        serde_json::to_string_pretty(findings).unwrap()
    );
}

#[test]
fn the_server_reports_a_diagnostic_in_every_language() {
    let dir = repo_with_every_language();
    let mut client = LspClient::start();
    client.initialize(&["utf-16"], json!({}));
    let mut missing = Vec::new();
    for (path, language_id, text, line, category) in FILES {
        let uri = file_uri(&dir.path().join(path).to_string_lossy());
        client.did_open(&uri, language_id, 1, text);
        client.ai_edit(
            &uri,
            1,
            vec![lsp_range(text, 0..text.len(), Enc::Utf16)],
            json!({ "tool": "copilot", "kind": "inline-completion" }),
        );
        let published = client.try_wait_for_diagnostics_after(
            0,
            &uri,
            |p| {
                p["diagnostics"].as_array().is_some_and(|d| {
                    d.iter().any(|d| {
                        d["code"] == *category
                            && d["source"] == "redline"
                            && (d["range"]["start"]["line"].as_u64().unwrap() as usize) < *line
                            && *line <= d["range"]["end"]["line"].as_u64().unwrap() as usize + 1
                    })
                })
            },
            Duration::from_secs(30),
        );
        if published.is_none() {
            missing.push(format!(
                "{path} ({language_id}): no `{category}` diagnostic on line {line}"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_server_recognises_files_by_name_when_the_editor_does_not_know_the_language() {
    let dir = repo_with_every_language();
    let mut client = LspClient::start();
    client.initialize(&["utf-16"], json!({}));
    // An editor without a Dockerfile or shell mode sends `plaintext`: the name and the `#!` line
    // decide.
    for (path, needle, category) in [
        ("Dockerfile", "USER root", "iam"),
        ("scripts/wipe.sh", "rm -rf", "data"),
    ] {
        let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
        let uri = file_uri(&dir.path().join(path).to_string_lossy());
        client.did_open(&uri, "plaintext", 1, &text);
        client.ai_edit(
            &uri,
            1,
            vec![lsp_range(&text, find(&text, needle), Enc::Utf16)],
            json!({ "tool": "copilot" }),
        );
        client.wait_for_diagnostics(
            &uri,
            |p| {
                p["diagnostics"]
                    .as_array()
                    .is_some_and(|d| d.iter().any(|d| d["code"] == category))
            },
            Duration::from_secs(30),
        );
    }
}

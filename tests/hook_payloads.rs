//! Real-shaped agent hook payloads (tests/fixtures/hooks/<kind>/payload.json), each with the
//! edited files as they are after the edit (files/<file name>): parse the payload, locate the
//! agent's text in the file, and check exactly which text that is.

use std::path::{Path, PathBuf};

use redline::hook::{self, Agent, Change, HookEdit, HookError, Located};
use redline::origin::OriginKind;

fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hooks")
        .join(name)
}

fn payload(name: &str) -> String {
    let path = fixture_dir(name).join("payload.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The edited file's content after the edit, found by the file name of the payload's path.
fn after(name: &str, edit: &HookEdit) -> String {
    let file = Path::new(&edit.path).file_name().expect("a file name");
    let path = fixture_dir(name).join("files").join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses the fixture, locates every edit, and returns per edit its path and the located text.
fn run(name: &str) -> Vec<(HookEdit, Vec<String>)> {
    let edits = hook::parse(&payload(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(!edits.is_empty(), "{name}: no edits parsed");
    edits
        .into_iter()
        .map(|edit| {
            let content = after(name, &edit);
            let located = hook::locate(&edit, &content);
            assert_clean(name, &located);
            let texts = located
                .ranges
                .iter()
                .map(|r| content[r.clone()].to_string())
                .collect();
            (edit, texts)
        })
        .collect()
}

fn assert_clean(name: &str, located: &Located) {
    assert!(
        located.unplaced.is_empty(),
        "{name}: unplaced {:?}",
        located.unplaced
    );
    assert!(
        located.ambiguous.is_empty(),
        "{name}: ambiguous {:?}",
        located.ambiguous
    );
}

fn one(name: &str) -> (HookEdit, Vec<String>) {
    let mut all = run(name);
    assert_eq!(all.len(), 1, "{name}: expected one edited file");
    all.remove(0)
}

#[test]
fn claude_code_edit_with_structured_patch() {
    let (edit, texts) = one("claude-code-edit");
    assert_eq!(edit.agent, Agent::ClaudeCode);
    assert_eq!(edit.path, "/home/dev/shop/src/auth/session.rs");
    assert_eq!(edit.cwd.as_deref(), Some("/home/dev/shop"));
    assert_eq!(edit.origin.tool, "claude-code");
    assert_eq!(edit.origin.kind, OriginKind::Agent);
    assert_eq!(
        edit.origin.session.as_deref(),
        Some("5f3c2a1e-8b4d-4e6f-9a07-c1d2e3f4a5b6")
    );
    // The structured patch wins over old_string/new_string: exact new-file lines.
    assert_eq!(
        edit.changes,
        vec![Change::Lines {
            start: 12,
            end: 13,
            text: Some("        Ok(age) => age <= MAX_AGE,\n        Err(_) => false,".into()),
        }]
    );
    assert_eq!(
        texts,
        vec!["        Ok(age) => age <= MAX_AGE,\n        Err(_) => false,"]
    );
}

#[test]
fn claude_code_edit_without_structured_patch() {
    let (edit, texts) = one("claude-code-edit-no-patch");
    assert_eq!(edit.agent, Agent::ClaudeCode);
    assert!(matches!(edit.changes[..], [Change::Inserted { .. }]));
    // Only what differs from old_string is the agent's: the unchanged "timeout" line is not.
    assert_eq!(texts, vec!["False", "    \"retries\": 5,"]);
}

#[test]
fn claude_code_multiedit() {
    let (edit, texts) = one("claude-code-multiedit");
    assert_eq!(edit.path, "/home/dev/shop/deploy/values.yaml");
    assert_eq!(edit.changes.len(), 3, "{:?}", edit.changes);
    assert_eq!(
        texts,
        vec![
            "replicaCount: 1",
            "  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 0.0.0.0/0",
            "    nginx.ingress.kubernetes.io/ssl-redirect: \"false\"",
        ]
    );
}

#[test]
fn claude_code_write_create() {
    let (edit, texts) = one("claude-code-write-create");
    let content = after("claude-code-write-create", &edit);
    assert!(matches!(
        &edit.changes[..],
        [Change::WholeFile { content: Some(_) }]
    ));
    assert_eq!(texts, vec![content]);
}

#[test]
fn cursor_after_file_edit() {
    let (edit, texts) = one("cursor-after-file-edit");
    assert_eq!(edit.agent, Agent::Cursor);
    assert_eq!(edit.path, "/Users/dev/shop/infra/dns/main.tf");
    assert_eq!(edit.cwd.as_deref(), Some("/Users/dev/shop"));
    assert_eq!(edit.origin.tool, "cursor");
    assert_eq!(edit.origin.kind, OriginKind::Agent);
    assert_eq!(edit.origin.model.as_deref(), Some("claude-4.5-sonnet"));
    assert_eq!(
        edit.origin.session.as_deref(),
        Some("8d2f4c6a-1b3e-4a5c-9d7f-0e1a2b3c4d5e")
    );
    // ttl 300 -> 60 and lb-0001 -> lb-1234: only the words that changed.
    assert_eq!(texts, vec!["  force_destroy = true", "60", "1234"]);
}

#[test]
fn cursor_after_tab_file_edit_uses_the_range() {
    let (edit, texts) = one("cursor-after-tab-file-edit");
    assert_eq!(edit.origin.kind, OriginKind::InlineCompletion);
    let content = after("cursor-after-tab-file-edit", &edit);
    let located = hook::locate(&edit, &content);
    // The completion's text is in both functions; the range says it is the second one.
    assert_eq!(texts, vec!["timingSafeEqual(given, expected);"]);
    let line = content[..located.ranges[0].start].matches('\n').count() + 1;
    assert_eq!(line, 10);
}

#[test]
fn codex_apply_patch() {
    let all = run("codex-apply-patch");
    let paths: Vec<&str> = all.iter().map(|(e, _)| e.path.as_str()).collect();
    assert_eq!(paths, vec!["src/server/config.rs", "src/server/health.rs"]);
    for (edit, _) in &all {
        assert_eq!(edit.agent, Agent::Codex);
        assert_eq!(edit.cwd.as_deref(), Some("/home/dev/shop"));
        assert_eq!(edit.origin.tool, "codex");
        assert_eq!(edit.origin.model.as_deref(), Some("gpt-5.1-codex"));
        assert_eq!(
            edit.origin.session.as_deref(),
            Some("0199a4c2-7e1b-7f30-b6d2-5a8c9e0f1d23")
        );
    }
    assert_eq!(
        all[0].0.resolved_path(),
        PathBuf::from("/home/dev/shop/src/server/config.rs")
    );
    assert_eq!(
        all[0].1,
        vec![
            "    pub allow_origins: Vec<String>,",
            "env::var(\"TLS\").map(|v| v != \"off\").unwrap_or(true),\n        \
             allow_origins: vec![\"*\".into()]",
        ]
    );
    let health = after("codex-apply-patch", &all[1].0);
    assert_eq!(all[1].1, vec![health]);
}

#[test]
fn gemini_write_file() {
    let (edit, texts) = one("gemini-write-file");
    assert_eq!(edit.agent, Agent::Gemini);
    assert_eq!(edit.origin.tool, "gemini-cli");
    assert_eq!(
        edit.origin.session.as_deref(),
        Some("e4b1c7d2-3a5f-4b8e-9c6d-2f1a0b9c8d7e")
    );
    let content = after("gemini-write-file", &edit);
    // Every line, without the file's final line break.
    assert_eq!(texts, vec![content.trim_end_matches('\n')]);
}

#[test]
fn gemini_replace() {
    let (edit, texts) = one("gemini-replace");
    assert_eq!(edit.path, "/home/dev/shop/src/db/migrate.py");
    assert_eq!(
        texts,
        vec!["        cur.execute(\"DROP TABLE IF EXISTS order_audit CASCADE\")"]
    );
}

#[test]
fn each_fixture_parses_the_same_when_the_agent_is_given() {
    for (name, agent) in [
        ("claude-code-edit", Agent::ClaudeCode),
        ("claude-code-edit-no-patch", Agent::ClaudeCode),
        ("claude-code-multiedit", Agent::ClaudeCode),
        ("claude-code-write-create", Agent::ClaudeCode),
        ("cursor-after-file-edit", Agent::Cursor),
        ("cursor-after-tab-file-edit", Agent::Cursor),
        ("codex-apply-patch", Agent::Codex),
        ("gemini-write-file", Agent::Gemini),
        ("gemini-replace", Agent::Gemini),
    ] {
        let json = payload(name);
        assert_eq!(
            hook::parse_as(agent, &json).unwrap(),
            hook::parse(&json).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn text_changed_since_the_hook_is_reported_not_dropped() {
    let name = "claude-code-edit";
    let edits = hook::parse(&payload(name)).unwrap();
    let located = hook::locate(&edits[0], "fn unrelated() {}\n");
    assert!(located.ranges.is_empty());
    assert_eq!(located.unplaced.len(), 1);
    assert_eq!(
        located.unplaced[0].to_string(),
        "change 1: lines 12-13 are past the end of the file (1 lines)"
    );
}

fn error(json: &str) -> String {
    let e: HookError = hook::parse(json).unwrap_err();
    e.to_string()
}

#[test]
fn malformed_json_is_a_clear_error() {
    let message = error(r#"{"tool_name": "Edit", "tool_input": {"#);
    assert!(
        message.starts_with("the hook payload is not valid JSON: EOF while parsing"),
        "{message}"
    );
    assert!(message.contains("line 1 column"), "{message}");
    assert_eq!(
        error("   \n"),
        "the hook payload is empty: expected the agent's hook JSON on stdin"
    );
    assert_eq!(
        error("\"PostToolUse\""),
        "the hook payload must be a JSON object, but it is a string"
    );
}

#[test]
fn a_missing_file_path_names_the_field() {
    assert_eq!(
        error(
            r#"{"hook_event_name":"PostToolUse","tool_name":"Edit",
                "tool_input":{"old_string":"a","new_string":"b"},"tool_response":{}}"#
        ),
        "tool_input.file_path is missing"
    );
    assert_eq!(
        error(r#"{"hook_event_name":"afterFileEdit","conversation_id":"c","edits":[]}"#),
        "file_path is missing"
    );
    assert_eq!(
        error(
            r#"{"hook_event_name":"AfterTool","tool_name":"write_file","tool_input":{"content":"x"}}"#
        ),
        "tool_input.file_path is missing"
    );
    assert_eq!(
        error(
            r#"{"hook_event_name":"PostToolUse","tool_name":"apply_patch","turn_id":"1","tool_input":{}}"#
        ),
        "tool_input.command is missing"
    );
}

#[test]
fn wrong_types_name_the_field_and_the_type() {
    assert_eq!(
        error(r#"{"hook_event_name":"PostToolUse","tool_name":"Write","tool_input":"x"}"#),
        "tool_input must be an object, but it is a string"
    );
    assert_eq!(
        error(
            r#"{"hook_event_name":"PostToolUse","tool_name":"Edit",
                "tool_input":{"file_path":"/a","old_string":"a","new_string":"b","replace_all":"yes"}}"#
        ),
        "tool_input.replace_all must be a boolean, but it is a string"
    );
    assert_eq!(
        error(
            r#"{"hook_event_name":"afterTabFileEdit","file_path":"/a",
                "edits":[{"old_string":"","new_string":"x","range":{"start_line_number":-1}}]}"#
        ),
        "edits[0].range.start_line_number must be a non-negative integer, but it is a number"
    );
    assert_eq!(
        error(
            r#"{"hook_event_name":"PostToolUse","tool_name":"Edit","tool_input":{"file_path":"/a"},
                "tool_response":{"structuredPatch":[{"newStart":1,"lines":[" a", 7]}]}}"#
        ),
        "tool_response.structuredPatch[0].lines[1] must be a string, but it is a number"
    );
    assert_eq!(
        error(
            r#"{"hook_event_name":"PostToolUse","tool_name":"apply_patch","turn_id":"1",
                "tool_input":{"command":"*** Begin Patch\n*** Frobnicate: a\n*** End Patch"}}"#
        ),
        "tool_input.command is not valid: patch line 2: expected `*** Add File:`, \
         `*** Update File:`, `*** Delete File:` or `*** End Patch`, found \"*** Frobnicate: a\""
    );
}

#[test]
fn non_edit_tools_give_no_edits() {
    for json in [
        r#"{"session_id":"s","cwd":"/w","hook_event_name":"PostToolUse","tool_name":"Read",
            "tool_input":{"file_path":"/w/a.rs"},"tool_response":{"type":"text"}}"#,
        r#"{"session_id":"s","cwd":"/w","hook_event_name":"PostToolUse","tool_name":"Bash",
            "tool_input":{"command":"cargo test"},"tool_response":{"stdout":"ok"}}"#,
        r#"{"session_id":"s","turn_id":"2","cwd":"/w","hook_event_name":"PostToolUse",
            "tool_name":"Bash","tool_input":{"command":"ls"},"tool_response":"a\nb"}"#,
        r#"{"session_id":"s","cwd":"/w","hook_event_name":"AfterTool","tool_name":"read_file",
            "tool_input":{"file_path":"/w/a.py"},"tool_response":{"llmContent":"x"}}"#,
        r#"{"conversation_id":"c","hook_event_name":"afterShellExecution",
            "workspace_roots":["/w"],"command":"ls","output":"a","duration":3}"#,
    ] {
        assert_eq!(hook::parse(json).unwrap(), Vec::new(), "{json}");
    }
}

#[test]
fn the_pre_edit_event_is_a_configuration_error() {
    let message = error(
        r#"{"hook_event_name":"BeforeTool","tool_name":"replace",
            "tool_input":{"file_path":"/a","old_string":"a","new_string":"b"}}"#,
    );
    assert_eq!(
        message,
        "this is gemini-cli's BeforeTool event for replace, which fires before the file is \
         written; redline record must run on AfterTool"
    );
}

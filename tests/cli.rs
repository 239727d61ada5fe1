//! `redline check`, run as the real binary in a temporary directory.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_redline");

/// An auth function, and on line 7 an unsafe block after multi-byte characters.
const RISKY: &str = r#"// Session checks (ünïcødé in a comment)
pub fn verify_token(token: &str) -> bool {
    !token.is_empty()
}

pub fn wipe(p: *mut u8) {
    let s = "日本語"; unsafe { p.write(0) }
}
"#;

const HARMLESS: &str = r#"/// Adds two numbers.
pub fn add(a: i32, b: i32) -> i32 {
    a + b
}
"#;

fn write(dir: &Path, rel: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

fn redline(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run redline")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", stdout(o)))
}

/// The 1-based character column of `needle` on the 1-based `line` of `text`.
fn char_column(text: &str, line: usize, needle: &str) -> usize {
    let l = text.lines().nth(line - 1).unwrap();
    l[..l.find(needle).unwrap()].chars().count() + 1
}

#[test]
fn all_ai_reports_findings_in_text_with_file_line_and_category() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/t.rs", RISKY);
    let out = redline(dir.path(), &["check", "--all-ai", "src"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\n{}", stderr(&out));
    assert!(text.contains("error[auth]"), "{text}");
    assert!(text.contains("src/t.rs:2:1"), "{text}");
    assert!(text.contains("fn verify_token"), "{text}");
    let col = char_column(RISKY, 7, "unsafe");
    assert!(text.contains("warning[memory]"), "{text}");
    assert!(text.contains(&format!("src/t.rs:7:{col}")), "{text}");
    // The source line is shown with an underline under exactly the unsafe block.
    let underline = format!(
        "{}{}",
        " ".repeat(col - 1),
        "^".repeat("unsafe { p.write(0) }".len())
    );
    assert!(
        text.lines()
            .any(|l| l.ends_with(&underline) && l.trim_start().starts_with('|')),
        "{text}"
    );
    assert!(
        text.contains("2 AI-written changes to high-impact code need senior review (1 error, 1 warning) in 1 file"),
        "{text}"
    );
}

#[test]
fn json_has_one_based_lines_and_character_columns() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/t.rs", RISKY);
    let out = redline(dir.path(), &["check", "--all-ai", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["version"], 1);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2, "{v:#}");

    let auth = &findings[0];
    assert_eq!(auth["path"], "src/t.rs");
    assert_eq!(auth["category"], "auth");
    assert_eq!(auth["severity"], "error");
    assert_eq!(auth["start_line"], 2);
    assert_eq!(auth["start_column"], 1);
    assert_eq!(auth["end_line"], 4);
    assert_eq!(auth["end_column"], 2);
    assert_eq!(auth["reviewed"], false);
    assert_eq!(auth["origin"]["tool"], "audit");
    assert_eq!(auth["origin"]["kind"], "manual");
    assert!(auth["origin"]["model"].is_null());
    assert_eq!(auth["hotspot"]["name"], "fn verify_token");
    assert_eq!(auth["hotspot"]["start_line"], 2);
    assert_eq!(auth["hotspot"]["end_line"], 4);
    assert!(
        auth["message"]
            .as_str()
            .unwrap()
            .contains("needs senior review")
    );

    let memory = &findings[1];
    let col = char_column(RISKY, 7, "unsafe");
    // Three CJK characters before the block: byte and character columns differ by six.
    assert_eq!(col, 20);
    assert_eq!(memory["category"], "memory");
    assert_eq!(memory["severity"], "warning");
    assert_eq!(memory["start_line"], 7);
    assert_eq!(memory["end_line"], 7);
    assert_eq!(memory["start_column"], col);
    assert_eq!(memory["end_column"], col + "unsafe { p.write(0) }".len());

    let summary = &v["summary"];
    assert_eq!(summary["files_checked"], 1);
    assert_eq!(summary["findings"], 2);
    assert_eq!(summary["unreviewed"], 2);
    assert_eq!(summary["by_category"]["auth"], 1);
    assert_eq!(summary["by_category"]["memory"], 1);
    assert_eq!(summary["by_severity"]["error"], 1);
    assert_eq!(summary["by_severity"]["warning"], 1);
    assert_eq!(summary["by_severity"]["info"], 0);
}

#[test]
fn a_file_without_high_impact_code_passes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "lib.rs", HARMLESS);
    let out = redline(dir.path(), &["check", "--all-ai", "lib.rs"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("No AI-written high-impact changes need review"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn without_ai_provenance_nothing_needs_review() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.rs", RISKY);
    let out = redline(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("No AI-written high-impact changes need review (1 file checked)")
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn fail_on_sets_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "t.rs", RISKY);
    let never = redline(dir.path(), &["check", "--all-ai", "--fail-on", "never"]);
    assert_eq!(never.status.code(), Some(0));
    assert!(
        stdout(&never).contains("error[auth]"),
        "findings are still shown"
    );

    // Only a warning-level finding: fails at `warning`, passes at `error`.
    write(
        dir.path(),
        "t.rs",
        "fn f(p: *mut u8) { unsafe { p.write(0) } }\n",
    );
    let warning = redline(dir.path(), &["check", "--all-ai"]);
    assert_eq!(warning.status.code(), Some(1), "{}", stdout(&warning));
    let error = redline(dir.path(), &["check", "--all-ai", "--fail-on", "error"]);
    assert_eq!(error.status.code(), Some(0), "{}", stdout(&error));
}

#[test]
fn a_missing_path_is_exit_2_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = redline(dir.path(), &["check", "--all-ai", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/dir"), "{}", stderr(&out));
}

#[test]
fn a_bad_option_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = redline(dir.path(), &["check", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn gitignored_files_are_not_checked_even_outside_a_git_repository() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), ".gitignore", "generated/\nscratch.rs\n");
    write(dir.path(), "generated/bindings.rs", RISKY);
    write(dir.path(), "scratch.rs", RISKY);
    write(dir.path(), "kept.rs", RISKY);
    let out = redline(dir.path(), &["check", "--all-ai", "--format", "json"]);
    let v = json(&out);
    assert_eq!(v["summary"]["files_checked"], 1, "{v:#}");
    for f in v["findings"].as_array().unwrap() {
        assert_eq!(f["path"], "kept.rs");
    }
}

#[test]
fn a_non_utf8_file_is_a_warning_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a_bad.rs",
        b"fn f() {}\n\xff\xfe\xfd unsafe {}\n",
    );
    write(dir.path(), "b_good.rs", RISKY);
    let out = redline(dir.path(), &["check", "--all-ai"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("warning") && err.contains("a_bad.rs"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
    assert!(stdout(&out).contains("b_good.rs:2:1"), "{}", stdout(&out));
}

#[test]
fn output_is_sorted_by_path_then_position() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["z.rs", "a/b.rs", "m.rs", "a/a.rs"] {
        write(dir.path(), name, RISKY);
    }
    let out = redline(dir.path(), &["check", "--all-ai", "--format", "json", "."]);
    let v = json(&out);
    let seen: Vec<(String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["start_line"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted);
    assert_eq!(seen.first().unwrap().0, "a/a.rs");
    assert_eq!(v["summary"]["files_checked"], 4);
}

#[test]
fn the_demo_directory_shows_several_categories() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
    let out = redline(&demo, &["check", "--all-ai", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    let categories = v["summary"]["by_category"].as_object().unwrap();
    assert!(categories.len() >= 2, "{v:#}");
}

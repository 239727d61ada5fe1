//! `render_sarif` on hand-built reports: the log validates against the official SARIF 2.1.0
//! schema (vendored in tests/fixtures, see its SOURCE file) and has what GitHub code scanning
//! needs.

use std::ops::Range;
use std::sync::OnceLock;

use redline::category::Severity;
use redline::check::{CheckReport, FileFinding, FileResult, HotspotInfo, LineCol};
use redline::origin::{Origin, OriginKind};
use redline::review::Signoff;
use redline::sarif::render_sarif;
use serde_json::Value;

/// Line 3: a call after BMP multi-byte characters (3 bytes, 1 UTF-16 unit each). Line 7: an
/// unsafe block after a crab (4 bytes, 2 UTF-16 units) and an é (2 bytes, 1 unit).
const SOURCE: &str = r#"// Session checks
pub fn verify_token(token: &str) -> bool {
    let greeting = "日本語"; check(token)
}

pub fn wipe(p: *mut u8) {
    let crab = "🦀é"; unsafe { p.write(0) }
}
"#;

/// The `language` pattern of the OASIS file has a stray `]` that ECMA-262 regular expressions
/// reject, so the schema fails its own meta-schema; the SARIF SDK's copy of the schema
/// corrects it to this. The vendored file stays as published and is corrected here.
const LANGUAGE_PATTERN: (&str, &str) = (
    "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
    "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
);

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let published = include_str!("fixtures/sarif-schema-2.1.0.json");
        assert_eq!(published.matches(LANGUAGE_PATTERN.0).count(), 2);
        let corrected = published.replace(LANGUAGE_PATTERN.0, LANGUAGE_PATTERN.1);
        let schema: Value = serde_json::from_str(&corrected).unwrap();
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the SARIF schema compiles")
    })
}

fn schema_errors(log: &Value) -> Vec<String> {
    validator()
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Renders, parses, and checks the log against the schema and GitHub's own requirements.
fn render(report: &CheckReport) -> Value {
    let text = render_sarif(report);
    assert!(text.ends_with('\n'));
    let log: Value = serde_json::from_str(&text).expect("render_sarif writes JSON");
    let errors = schema_errors(&log);
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}\n{text}",
        errors.join("\n")
    );
    github_requirements(&log);
    log
}

/// What GitHub's "SARIF support for code scanning" asks for beyond the schema.
fn github_requirements(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().starts_with("https://"));
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "redline");
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    // From Cargo.toml's `repository`, else `homepage`; absent while neither is set.
    let home = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty());
    assert_eq!(driver["informationUri"].as_str(), home);
    let rules = driver["rules"].as_array().unwrap();
    for rule in rules {
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !rule[field]["text"].as_str().unwrap().is_empty(),
                "{field} of {rule}"
            );
        }
        let level = rule["defaultConfiguration"]["level"].as_str().unwrap();
        assert!(["error", "warning", "note"].contains(&level));
    }
    for result in runs[0]["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let locations = result["locations"].as_array().unwrap();
        assert!((1..=10).contains(&locations.len()));
        let fingerprints = result["partialFingerprints"].as_object().unwrap();
        assert!(!fingerprints.is_empty());
    }
}

/// A 1-based line and character column for a byte offset, counted here independently of
/// redline's own text code.
fn line_col(source: &str, offset: usize) -> LineCol {
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    LineCol {
        line,
        column: source[line_start..offset].chars().count() + 1,
    }
}

fn range_of(source: &str, needle: &str) -> Range<usize> {
    let start = source.find(needle).expect("needle in source");
    start..start + needle.len()
}

#[allow(clippy::too_many_arguments)]
fn finding(
    source: &str,
    needle: &str,
    category: &str,
    severity: Severity,
    hotspot: (&str, usize, usize),
    key: &str,
    signoff: Option<Signoff>,
) -> FileFinding {
    let bytes = range_of(source, needle);
    let mut origin = Origin::new("claude-code", OriginKind::Agent);
    origin.model = Some("claude-sonnet-4".into());
    FileFinding {
        start: line_col(source, bytes.start),
        end: line_col(source, bytes.end),
        bytes,
        category: category.into(),
        severity,
        message: format!(
            "AI-written change to {category} code in `{}` by claude-code (agent, claude-sonnet-4): needs senior review before commit",
            hotspot.0
        ),
        reviewed: signoff.is_some(),
        key: key.into(),
        signoff,
        origin,
        hotspot: HotspotInfo {
            name: hotspot.0.into(),
            start_line: hotspot.1,
            end_line: hotspot.2,
        },
    }
}

fn signoff(key: &str) -> Signoff {
    Signoff {
        reviewer: "alice@example.com".into(),
        at: 1_750_000_000,
        key: key.into(),
        signature: None,
    }
}

fn file(path: &str, source: Option<&str>, findings: Vec<FileFinding>) -> FileResult {
    FileResult {
        path: path.into(),
        findings,
        source: source.map(str::to_string),
    }
}

/// Two files: the auth and memory findings of SOURCE, and a signed-off auth finding plus a
/// config (info) and a team category (hint) in a path with a space; and one warning.
fn sample() -> CheckReport {
    let auth = finding(
        SOURCE,
        "check(token)",
        "auth",
        Severity::Error,
        ("fn verify_token", 2, 4),
        &"a".repeat(64),
        None,
    );
    let memory = finding(
        SOURCE,
        "unsafe { p.write(0) }",
        "memory",
        Severity::Warning,
        ("unsafe { p.write(0) }", 7, 7),
        &"b".repeat(64),
        None,
    );
    let other_src = "fn login() {\n    allow_all();\n    TIMEOUT = 5;\n    charge();\n}\n";
    let signed = finding(
        other_src,
        "allow_all();",
        "auth",
        Severity::Error,
        ("fn login", 1, 5),
        &"c".repeat(64),
        Some(signoff(&"c".repeat(64))),
    );
    let config = finding(
        other_src,
        "TIMEOUT = 5;",
        "config",
        Severity::Info,
        ("fn login", 1, 5),
        &"d".repeat(64),
        None,
    );
    let team = finding(
        other_src,
        "charge();",
        "payments",
        Severity::Hint,
        ("fn login", 1, 5),
        &"e".repeat(64),
        None,
    );
    CheckReport {
        files: vec![
            file("src/auth.rs", Some(SOURCE), vec![auth, memory]),
            file(
                "src/web app/login.rs",
                Some(other_src),
                vec![signed, config, team],
            ),
        ],
        warnings: vec![
            "skipped `assets/logo.rs`: it is not valid UTF-8".into(),
            "src/gone.rs: 2 AI span(s) are recorded for this file, but it no longer exists".into(),
        ],
    }
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

fn rules(log: &Value) -> &Vec<Value> {
    log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
}

#[test]
fn the_log_validates_against_the_sarif_schema() {
    let log = render(&sample());
    assert_eq!(results(&log).len(), 5);
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        true
    );
    assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
}

#[test]
fn the_schema_check_catches_a_broken_log() {
    let mut log = render(&sample());
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    log["runs"][0]["results"][1]
        .as_object_mut()
        .unwrap()
        .remove("message");
    log["runs"][0]["results"][2]["level"] = "fatal".into();
    log["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into();
    let errors = schema_errors(&log);
    for path in [
        "/runs/0/results/0/locations/0/physicalLocation/region/startLine:",
        "/runs/0/results/1:",
        "/runs/0/results/2/level:",
        "/runs/0/tool/driver/informationUri:",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(path)),
            "{path} in {errors:#?}"
        );
    }
}

#[test]
fn an_empty_report_is_an_empty_run() {
    let log = render(&CheckReport::default());
    assert_eq!(results(&log), &Vec::<Value>::new());
    assert_eq!(rules(&log), &Vec::<Value>::new());
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    assert!(invocation.get("toolExecutionNotifications").is_none());
}

#[test]
fn one_rule_per_category_found() {
    let log = render(&sample());
    let ids: Vec<&str> = rules(&log)
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["auth", "config", "memory", "payments"]);
    let result_rules: Vec<&str> = results(&log)
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(
        result_rules,
        ["auth", "memory", "auth", "config", "payments"]
    );

    let rule = |id: &str| rules(&log).iter().find(|r| r["id"] == id).unwrap().clone();
    let auth = rule("auth");
    assert_eq!(auth["defaultConfiguration"]["level"], "error");
    assert_eq!(auth["properties"]["security-severity"], "8.0");
    let tags = auth["properties"]["tags"].as_array().unwrap();
    assert!(tags.contains(&"security".into()) && tags.contains(&"ai-provenance".into()));
    assert!(
        auth["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("authentication")
    );
    assert!(
        auth["help"]["text"]
            .as_str()
            .unwrap()
            .contains("redline signoff")
    );
    assert!(
        auth["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("redline signoff")
    );

    let memory = rule("memory");
    assert_eq!(memory["defaultConfiguration"]["level"], "warning");
    assert!(memory["properties"].get("security-severity").is_none());
    assert_eq!(rule("config")["defaultConfiguration"]["level"], "note");
    let team = rule("payments");
    assert_eq!(team["defaultConfiguration"]["level"], "note");
    assert!(
        team["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("`payments`")
    );
}

#[test]
fn levels_map_hint_and_info_to_note() {
    let log = render(&sample());
    let levels: Vec<&str> = results(&log)
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["error", "warning", "error", "note", "note"]);
    let severities: Vec<&str> = results(&log)
        .iter()
        .map(|r| r["properties"]["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["error", "warning", "error", "info", "hint"]);
}

fn region(result: &Value) -> (u64, u64, u64, u64) {
    let r = &result["locations"][0]["physicalLocation"]["region"];
    let n = |k: &str| r[k].as_u64().unwrap();
    (
        n("startLine"),
        n("startColumn"),
        n("endLine"),
        n("endColumn"),
    )
}

#[test]
fn regions_count_utf16_columns_after_multibyte_characters() {
    let report = sample();
    // The test's own character columns, to be sure of the input.
    let auth = &report.files[0].findings[0];
    assert_eq!((auth.start.line, auth.start.column), (3, 27));
    assert_eq!((auth.end.line, auth.end.column), (3, 39));
    let memory = &report.files[0].findings[1];
    assert_eq!((memory.start.line, memory.start.column), (7, 22));
    assert_eq!((memory.end.line, memory.end.column), (7, 43));

    let log = render(&report);
    // "日本語" are one UTF-16 unit each: characters and UTF-16 agree (bytes would say 33).
    assert_eq!(region(&results(&log)[0]), (3, 27, 3, 39));
    // The crab is two UTF-16 units: one column more than characters.
    assert_eq!(region(&results(&log)[1]), (7, 23, 7, 44));

    let location = &results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "src/auth.rs");
    assert_eq!(location["uriBaseId"], "%SRCROOT%");
    let location = &results(&log)[2]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "src/web%20app/login.rs");
}

#[test]
fn without_the_source_the_character_columns_are_used() {
    let mut report = sample();
    report.files[0].source = None;
    let log = render(&report);
    assert_eq!(region(&results(&log)[1]), (7, 22, 7, 43));
}

#[test]
fn a_multi_line_finding_ends_on_its_last_line() {
    let source = "fn f() {\n    a();\n    b();\n}\n";
    let f = finding(
        source,
        "a();\n    b();",
        "auth",
        Severity::Error,
        ("fn f", 1, 4),
        &"f".repeat(64),
        None,
    );
    let report = CheckReport {
        files: vec![file("f.rs", Some(source), vec![f])],
        warnings: vec![],
    };
    let log = render(&report);
    assert_eq!(region(&results(&log)[0]), (2, 5, 3, 9));
}

#[test]
fn the_hotspot_is_a_related_location_the_message_links_to() {
    let log = render(&sample());
    let result = &results(&log)[0];
    let related = &result["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    let region = &related["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["endLine"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(
        related["physicalLocation"]["artifactLocation"]["uri"],
        "src/auth.rs"
    );
    assert!(
        related["message"]["text"]
            .as_str()
            .unwrap()
            .contains("`fn verify_token`")
    );
    let message = result["message"]["text"].as_str().unwrap();
    assert!(message.starts_with("AI-written change to auth code in `fn verify_token`"));
    assert!(message.ends_with("[lines 2-4](1)."), "{message}");

    let properties = &result["properties"];
    assert_eq!(properties["origin"]["tool"], "claude-code");
    assert_eq!(properties["origin"]["kind"], "agent");
    assert_eq!(properties["origin"]["model"], "claude-sonnet-4");
    assert_eq!(properties["reviewed"], false);
    assert_eq!(properties["hotspot"]["name"], "fn verify_token");
}

#[test]
fn brackets_in_a_message_do_not_read_as_links() {
    let mut report = sample();
    report.files[0].findings[0].message = "change to `v[0]` here".into();
    let log = render(&report);
    let message = results(&log)[0]["message"]["text"].as_str().unwrap();
    assert!(
        message.starts_with("change to `v\\[0\\]` here."),
        "{message}"
    );
}

#[test]
fn a_signed_off_finding_is_suppressed_not_dropped() {
    let log = render(&sample());
    let signed = &results(&log)[2];
    assert_eq!(signed["properties"]["reviewed"], true);
    assert_eq!(
        signed["properties"]["signoff"]["reviewer"],
        "alice@example.com"
    );
    let suppressions = signed["suppressions"].as_array().unwrap();
    assert_eq!(suppressions.len(), 1);
    assert_eq!(suppressions[0]["kind"], "external");
    assert_eq!(suppressions[0]["status"], "accepted");
    assert_eq!(
        suppressions[0]["justification"],
        "signed off by alice@example.com"
    );
    for unreviewed in [0, 1, 3, 4] {
        assert!(results(&log)[unreviewed].get("suppressions").is_none());
    }
}

#[test]
fn warnings_become_tool_notifications() {
    let report = sample();
    let log = render(&report);
    let notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notifications.len(), report.warnings.len());
    for (n, w) in notifications.iter().zip(&report.warnings) {
        assert_eq!(n["level"], "warning");
        assert_eq!(n["message"]["text"], w.as_str());
    }
}

fn fingerprint(result: &Value) -> String {
    result["partialFingerprints"]["primaryLocationLineHash"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn fingerprints_follow_the_code_not_the_line() {
    let log = render(&sample());
    let before: Vec<String> = results(&log).iter().map(fingerprint).collect();
    // All distinct, in the `hash:occurrence` shape GitHub's own fingerprints have.
    let mut unique = before.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), before.len());
    for f in &before {
        let (hash, n) = f.split_once(':').unwrap();
        assert_eq!(hash.len(), 16);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(n, "1");
    }

    // The same code two lines lower keeps its fingerprint.
    let moved_src = format!("\n\n{SOURCE}");
    let mut moved = sample();
    let auth = finding(
        &moved_src,
        "check(token)",
        "auth",
        Severity::Error,
        ("fn verify_token", 4, 6),
        &"a".repeat(64),
        None,
    );
    moved.files[0] = file("src/auth.rs", Some(&moved_src), vec![auth]);
    let log = render(&moved);
    assert_eq!(region(&results(&log)[0]).0, 5);
    assert_eq!(fingerprint(&results(&log)[0]), before[0]);

    // Edited code (a new review key) is a new alert.
    let mut edited = sample();
    edited.files[0].findings[0].key = "9".repeat(64);
    let log = render(&edited);
    assert_ne!(fingerprint(&results(&log)[0]), before[0]);
}

#[test]
fn identical_code_twice_in_a_file_gives_two_fingerprints() {
    let source = "fn a() {\n    x();\n}\nfn b() {\n    x();\n}\n";
    let first = finding(
        source,
        "x();",
        "auth",
        Severity::Error,
        ("fn a", 1, 3),
        &"7".repeat(64),
        None,
    );
    let mut second = first.clone();
    let start = source.rfind("x();").unwrap();
    second.bytes = start..start + 4;
    second.start = line_col(source, start);
    second.end = line_col(source, start + 4);
    let report = CheckReport {
        files: vec![file("dup.rs", Some(source), vec![first, second])],
        warnings: vec![],
    };
    let log = render(&report);
    let a = fingerprint(&results(&log)[0]);
    let b = fingerprint(&results(&log)[1]);
    assert_eq!(a.split_once(':').unwrap().0, b.split_once(':').unwrap().0);
    assert!(a.ends_with(":1") && b.ends_with(":2"));
}

#[test]
fn a_finding_without_a_key_still_gets_a_stable_fingerprint() {
    let mut report = sample();
    report.files[0].findings[0].key = String::new();
    let a = fingerprint(&results(&render(&report))[0]);
    let b = fingerprint(&results(&render(&report))[0]);
    assert_eq!(a, b);
    report.files[0].path = "src/other.rs".into();
    assert_ne!(fingerprint(&results(&render(&report))[0]), a);
}

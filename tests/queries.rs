//! Every built-in risk query against the fixtures in `tests/fixtures/<language>/`.
//!
//! Every fixture states, in comments (`//`, `#`, `/* */`, whatever its language has), everything
//! the query must find in it:
//!
//! - `// expect: auth, crypto` — hotspots of exactly these categories start on this line;
//! - `// expect-next: data` — the same, for the next line (for a line that cannot hold a comment,
//!   such as the first line of a multi-line raw string);
//! - `// not: auth` — a lookalike on this line that must not start an `auth` hotspot
//!   (`not-next:` for the next line). Lines without an `expect` marker expect nothing, so a
//!   `not` marker only documents a negative case and counts it.
//!
//! Several directives can share a comment, separated by `;`: `// expect: config; not: secrets`.
//! Block comments work too: `/* expect: data */`. A hotspot of a category not expected on its
//! first line is a false alarm, wherever it is.
//!
//! JSON has no comments: a JSON fixture `x.json` has its markers in `x.json.expect`, one per
//! line, as `12: expect: iam` or `30: not: iam`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use redline::category::BUILTIN;
use redline::language::LanguageId;
use redline::query::{Hotspot, RiskQuery};
use tree_sitter::{Node, Parser, Tree};

/// One fixture file with its markers.
struct Fixture {
    language: LanguageId,
    /// Relative to the crate root, for messages.
    name: String,
    text: String,
    tree: Tree,
    /// (category, one-based line) that must start a hotspot.
    expected: BTreeSet<(String, usize)>,
    /// (category, one-based line) documented as negative cases.
    negative: BTreeSet<(String, usize)>,
}

/// What the query found, line by line.
struct Found {
    category: String,
    line: usize,
    name: String,
}

fn fixtures_dir(language: LanguageId) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(language.name())
}

fn fixture_paths(language: LanguageId) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let dir = fixtures_dir(language);
    if !dir.is_dir() {
        return out;
    }
    let mut stack = vec![dir];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if LanguageId::from_path(&path) == Some(language)
                || (language == LanguageId::Dockerfile
                    && path.extension().is_some_and(|e| e == "dockerfile"))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn parse(language: LanguageId, text: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&language.grammar())
        .expect("the grammar loads");
    parser
        .parse(text, None)
        .expect("tree-sitter returns a tree")
}

fn query(language: LanguageId) -> &'static RiskQuery {
    let builtin = language.builtin_risk_query();
    assert!(
        builtin.errors.is_empty(),
        "the built-in {} query does not compile: {:#?}",
        language.name(),
        builtin.errors
    );
    builtin
        .query
        .as_deref()
        .expect("the built-in query compiled")
}

fn is_builtin(category: &str) -> bool {
    BUILTIN.iter().any(|(id, ..)| *id == category)
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte].matches('\n').count() + 1
}

fn collect_comments<'t>(node: Node<'t>, out: &mut Vec<Node<'t>>) {
    if node.kind().contains("comment") {
        out.push(node);
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect_comments(child, out);
    }
}

/// Reads the markers of one comment into `expected` / `negative`. Returns an error for a
/// directive that names an unknown category.
fn read_markers(
    comment: &str,
    line: usize,
    expected: &mut BTreeSet<(String, usize)>,
    negative: &mut BTreeSet<(String, usize)>,
) -> Result<(), String> {
    let body = comment
        .trim()
        .trim_start_matches("//")
        .trim_start_matches("/*")
        .trim_start_matches('#')
        .trim_end_matches("*/")
        .trim_start_matches(['/', '!'])
        .trim();
    let starts_with_directive = ["expect:", "expect-next:", "not:", "not-next:"]
        .iter()
        .any(|d| body.starts_with(d));
    if !starts_with_directive {
        return Ok(());
    }
    for directive in body.split(';') {
        let Some((keyword, list)) = directive.split_once(':') else {
            return Err(format!(
                "line {line}: malformed directive `{}`",
                directive.trim()
            ));
        };
        let (set, target) = match keyword.trim() {
            "expect" => (&mut *expected, line),
            "expect-next" => (&mut *expected, line + 1),
            "not" => (&mut *negative, line),
            "not-next" => (&mut *negative, line + 1),
            other => return Err(format!("line {line}: unknown directive `{other}`")),
        };
        for category in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
            if !is_builtin(category) {
                return Err(format!("line {line}: unknown category `{category}`"));
            }
            set.insert((category.to_string(), target));
        }
    }
    Ok(())
}

fn load(language: LanguageId, path: &Path) -> Fixture {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let name = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string();
    let tree = parse(language, &text);
    let mut expected = BTreeSet::new();
    let mut negative = BTreeSet::new();
    let sidecar = PathBuf::from(format!("{}.expect", path.display()));
    if sidecar.is_file() {
        let markers = fs::read_to_string(&sidecar).expect("reading the markers");
        for (i, entry) in markers.lines().enumerate() {
            let entry = entry.trim();
            if entry.is_empty() || entry.starts_with('#') {
                continue;
            }
            let parsed = entry
                .split_once(':')
                .and_then(|(line, rest)| Some((line.trim().parse::<usize>().ok()?, rest)));
            let Some((line, rest)) = parsed else {
                panic!(
                    "{}:{}: expected `LINE: expect: CATEGORY`",
                    sidecar.display(),
                    i + 1
                );
            };
            if let Err(e) = read_markers(rest, line, &mut expected, &mut negative) {
                panic!("{}: {e}", sidecar.display());
            }
        }
    }
    let mut comments = Vec::new();
    collect_comments(tree.root_node(), &mut comments);
    for comment in comments {
        let line = comment.start_position().row + 1;
        let comment_text = &text[comment.byte_range()];
        if let Err(e) = read_markers(comment_text, line, &mut expected, &mut negative) {
            panic!("{name}: {e}");
        }
    }
    if let Some((category, line)) = expected.intersection(&negative).next() {
        panic!("{name}:{line}: `{category}` is both expected and a negative case");
    }
    Fixture {
        language,
        name,
        text,
        tree,
        expected,
        negative,
    }
}

fn load_language(language: LanguageId) -> Vec<Fixture> {
    fixture_paths(language)
        .iter()
        .map(|p| load(language, p))
        .collect()
}

fn load_all() -> Vec<Fixture> {
    LanguageId::ALL
        .iter()
        .flat_map(|l| load_language(*l))
        .collect()
}

fn found(fixture: &Fixture) -> Vec<Found> {
    let hotspots: Vec<Hotspot> =
        query(fixture.language).hotspots(&fixture.tree, &fixture.text, None);
    hotspots
        .into_iter()
        .map(|h| Found {
            line: line_of(&fixture.text, h.range.start),
            category: h.category.as_str().to_string(),
            name: h.name,
        })
        .collect()
}

#[test]
fn every_builtin_query_compiles_against_its_grammar() {
    let mut broken = Vec::new();
    for language in LanguageId::ALL {
        let builtin = language.builtin_risk_query();
        if !builtin.errors.is_empty() || builtin.query.is_none() {
            broken.push(format!("{}: {:#?}", language.name(), builtin.errors));
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn fixtures_parse_without_syntax_errors() {
    let mut broken = Vec::new();
    for fixture in load_all() {
        let root = fixture.tree.root_node();
        if root.has_error() {
            let mut first = None;
            find_error(root, &mut first);
            let line = first.map_or(0, |n: Node| n.start_position().row + 1);
            broken.push(format!("{}:{line}: syntax error", fixture.name));
        }
    }
    assert!(
        broken.is_empty(),
        "fixtures must be valid code:\n{}",
        broken.join("\n")
    );
}

fn find_error<'t>(node: Node<'t>, first: &mut Option<Node<'t>>) {
    if first.is_some() {
        return;
    }
    if node.is_error() || node.is_missing() {
        *first = Some(node);
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        find_error(child, first);
    }
}

#[test]
fn hotspots_match_the_fixture_markers() {
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    let mut checked = 0;
    for fixture in load_all() {
        let found = found(&fixture);
        let actual: BTreeSet<(String, usize)> =
            found.iter().map(|f| (f.category.clone(), f.line)).collect();
        for (category, line) in fixture.expected.difference(&actual) {
            let source_line = fixture.text.lines().nth(line - 1).unwrap_or("").trim();
            misses.push(format!(
                "{}:{line}: missed {category}: `{source_line}`",
                fixture.name
            ));
        }
        let mut reported = BTreeSet::new();
        for f in &found {
            let key = (f.category.clone(), f.line);
            if fixture.expected.contains(&key) || !reported.insert(key) {
                continue;
            }
            let negative = if fixture.negative.contains(&(f.category.clone(), f.line)) {
                " (a marked negative case)"
            } else {
                ""
            };
            false_alarms.push(format!(
                "{}:{}: false alarm {}{negative}: `{}`",
                fixture.name, f.line, f.category, f.name
            ));
        }
        checked += fixture.expected.len();
    }
    if !misses.is_empty() || !false_alarms.is_empty() {
        let mut report = String::new();
        for m in &misses {
            writeln!(report, "{m}").unwrap();
        }
        for f in &false_alarms {
            writeln!(report, "{f}").unwrap();
        }
        panic!(
            "{} missed hotspots and {} false alarms (of {checked} expected):\n{report}",
            misses.len(),
            false_alarms.len()
        );
    }
}

#[test]
fn every_builtin_category_has_a_positive_rust_fixture() {
    let mut covered: BTreeMap<String, usize> = BTreeMap::new();
    for fixture in load_language(LanguageId::Rust) {
        for f in found(&fixture) {
            if fixture.expected.contains(&(f.category.clone(), f.line)) {
                *covered.entry(f.category).or_default() += 1;
            }
        }
    }
    let missing: Vec<&str> = BUILTIN
        .iter()
        .map(|(id, ..)| *id)
        .filter(|id| !covered.contains_key(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "no fixture hotspot for: {missing:?} (covered: {covered:?})"
    );
}

#[test]
fn every_builtin_category_has_rust_negative_cases() {
    let mut negatives: BTreeMap<String, usize> = BTreeMap::new();
    let mut positives: BTreeMap<String, usize> = BTreeMap::new();
    for fixture in load_language(LanguageId::Rust) {
        for (category, _) in &fixture.negative {
            *negatives.entry(category.clone()).or_default() += 1;
        }
        for (category, _) in &fixture.expected {
            *positives.entry(category.clone()).or_default() += 1;
        }
    }
    let mut summary = String::new();
    for (id, ..) in BUILTIN {
        writeln!(
            summary,
            "{id:8} positive {:3}  negative {:3}",
            positives.get(*id).copied().unwrap_or(0),
            negatives.get(*id).copied().unwrap_or(0)
        )
        .unwrap();
    }
    println!("{summary}");
    let thin: Vec<&str> = BUILTIN
        .iter()
        .map(|(id, ..)| *id)
        .filter(|id| {
            negatives.get(*id).copied().unwrap_or(0) < 5
                || positives.get(*id).copied().unwrap_or(0) < 8
        })
        .collect();
    assert!(thin.is_empty(), "too few cases for {thin:?}:\n{summary}");
}

//! The literal prefilter never skips a file that a risk pattern matches.
//!
//! The built-in queries as a whole need no literal in any language (some pattern in each
//! matches on syntax alone), so they would test nothing together. Each pattern is compiled on
//! its own here instead, which is where the filter has literals to work with, and run on every
//! fixture and corpus file: wherever the pattern finds a hotspot, the filter must have let the
//! file through. The benchmark rules (`benches/compare/rules/redline`) are checked the same way.

use std::fs;
use std::path::{Path, PathBuf};

use std::sync::OnceLock;

use proptest::prelude::*;
use redline::language::LanguageId;
use redline::query::{QuerySource, RiskQuery};
use tree_sitter::{Parser, Query};

fn files_under(dir: &Path, language: LanguageId, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            files_under(&path, language, out);
        } else if LanguageId::from_path(&path) == Some(language)
            || (language == LanguageId::Dockerfile
                && path.extension().is_some_and(|e| e == "dockerfile"))
        {
            out.push(path);
        }
    }
}

/// Each pattern of `source` as a query of its own; those that do not compile alone (a predicate
/// naming a capture that only an earlier pattern introduced) are left out.
fn single_patterns(language: LanguageId, source: &str) -> Vec<(String, RiskQuery)> {
    let whole = Query::new(&language.grammar(), source).expect("the query compiles");
    (0..whole.pattern_count())
        .filter_map(|i| {
            let text = &source[whole.start_byte_for_pattern(i)..whole.end_byte_for_pattern(i)];
            let (query, _) =
                RiskQuery::compile(language, &[QuerySource::new(format!("pattern {i}"), text)]);
            query.map(|q| (text.to_string(), q))
        })
        .collect()
}

struct Tally {
    /// (pattern, file) pairs where the pattern found a hotspot.
    matched: usize,
    /// Pairs the filter ruled out without parsing.
    skipped: usize,
    pairs: usize,
}

fn check(language: LanguageId, source: &str, files: &[PathBuf]) -> Tally {
    let patterns = single_patterns(language, source);
    let mut parser = Parser::new();
    parser.set_language(&language.grammar()).expect("grammar");
    let mut tally = Tally {
        matched: 0,
        skipped: 0,
        pairs: 0,
    };
    for path in files {
        let text = fs::read_to_string(path).expect("fixture is UTF-8");
        let tree = parser.parse(&text, None).expect("parses");
        for (pattern, query) in &patterns {
            let found = !query.hotspots(&tree, &text, None).is_empty();
            let may = query.may_match(&text);
            assert!(
                may || !found,
                "the prefilter skipped {} although this {language:?} pattern matches it:\n{pattern}",
                path.display()
            );
            tally.pairs += 1;
            tally.matched += usize::from(found);
            tally.skipped += usize::from(!may);
        }
    }
    tally
}

#[test]
fn no_builtin_pattern_loses_a_hotspot_to_the_prefilter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut matched, mut skipped, mut pairs) = (0, 0, 0);
    for &language in LanguageId::ALL {
        let mut files = Vec::new();
        files_under(
            &root.join("tests/fixtures").join(language.name()),
            language,
            &mut files,
        );
        files_under(
            &root.join("tests/corpus").join(language.name()),
            language,
            &mut files,
        );
        let source: String = language
            .builtin_queries()
            .iter()
            .map(|s| s.text.clone() + "\n")
            .collect();
        let t = check(language, &source, &files);
        matched += t.matched;
        skipped += t.skipped;
        pairs += t.pairs;
    }
    // Not vacuous: many patterns match somewhere, and the filter rules out many pairs.
    assert!(
        matched > 1000,
        "only {matched} matching (pattern, file) pairs"
    );
    assert!(
        skipped * 3 > pairs,
        "the filter ruled out only {skipped} of {pairs} (pattern, file) pairs"
    );
}

#[test]
fn the_benchmark_rules_skip_files_without_their_literals() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("benches/compare/fixtures");
    for (language, rules) in [
        (LanguageId::Rust, "rust/risk.scm"),
        (LanguageId::Python, "python/risk.scm"),
    ] {
        let source = fs::read_to_string(root.join("benches/compare/rules/redline").join(rules))
            .expect("benchmark rules");
        let mut files = Vec::new();
        files_under(&fixtures, language, &mut files);
        let t = check(language, &source, &files);
        assert!(t.matched >= 6, "{language:?}: {} matches", t.matched);

        let (query, errors) = RiskQuery::compile(language, &[QuerySource::new(rules, source)]);
        assert!(errors.is_empty(), "{errors:?}");
        let query = query.expect("compiles");
        assert!(
            !query.matches_any_file(),
            "{language:?}: every rule names a literal"
        );
        let plain = match language {
            LanguageId::Rust => "fn add(a: i32, b: i32) -> i32 { a + b }\n",
            _ => "def add(a, b):\n    return a + b\n",
        };
        assert!(!query.may_match(plain), "{language:?}: {plain}");
        for path in &files {
            let text = fs::read_to_string(path).expect("fixture");
            assert!(query.may_match(&text), "{}", path.display());
        }
    }
}

/// A language's built-in patterns, each on its own, and the lines of its fixtures.
type Material = (Vec<(String, RiskQuery)>, Vec<String>);

/// Every built-in pattern on its own, for each language, with the lines of its fixtures.
fn material(language: LanguageId) -> &'static Material {
    static ALL: OnceLock<Vec<(LanguageId, Material)>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        [LanguageId::Rust, LanguageId::Python, LanguageId::Yaml]
            .into_iter()
            .map(|language| {
                let source: String = language
                    .builtin_queries()
                    .iter()
                    .map(|s| s.text.clone() + "\n")
                    .collect();
                let mut files = Vec::new();
                files_under(
                    &root.join("tests/fixtures").join(language.name()),
                    language,
                    &mut files,
                );
                let lines = files
                    .iter()
                    .flat_map(|p| {
                        fs::read_to_string(p)
                            .expect("fixture")
                            .lines()
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .collect();
                (language, (single_patterns(language, &source), lines))
            })
            .collect()
    });
    &all.iter()
        .find(|(l, _)| *l == language)
        .expect("prepared")
        .1
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Text stitched together from fixture lines, valid or not: a pattern that finds a hotspot
    /// in it always passes the filter.
    #[test]
    fn stitched_text_that_matches_is_never_filtered_out(
        language in prop::sample::select(vec![LanguageId::Rust, LanguageId::Python, LanguageId::Yaml]),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..60),
    ) {
        let (patterns, lines) = material(language);
        let text: String = picks.iter().map(|i| lines[i.index(lines.len())].clone() + "\n").collect();
        let mut parser = Parser::new();
        parser.set_language(&language.grammar()).expect("grammar");
        let tree = parser.parse(&text, None).expect("parses");
        for (pattern, query) in patterns {
            if !query.hotspots(&tree, &text, None).is_empty() {
                prop_assert!(query.may_match(&text), "{language:?} pattern skipped:\n{pattern}\ntext:\n{text}");
            }
        }
    }
}

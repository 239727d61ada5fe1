//! The incremental path (edit the tree, reparse, re-query only what changed) must give exactly
//! what a full query of the same tree gives after every edit that leaves the text parsing
//! cleanly (however many broken states came before), and what a full parse and query of the
//! same text gives.

use std::sync::Arc;

use proptest::prelude::*;
use redline::document::Document;
use redline::finding::Rules;
use redline::language::LanguageId;
use redline::origin::{Origin, OriginKind};
use redline::query::RiskQuery;
use redline::review::Signoffs;

const SEED: &str = r#"use std::process::Command;

pub fn verify_token(token: &str) -> bool {
    let key = std::env::var("JWT_SECRET").unwrap();
    unsafe { check(token.as_ptr()) }
}

fn helper() {
    let listener = std::net::TcpListener::bind("0.0.0.0:8080");
    std::fs::remove_dir_all("/tmp/x").ok();
    Command::new("sh").arg("-c").spawn();
}

unsafe fn raw() {}
"#;

const SNIPPETS: &[&str] = &[
    "",
    "a",
    "\n",
    "}",
    "{",
    " ",
    "unsafe { x() }",
    "fn verify_password() {}\n",
    "std::env::var(\"X\")",
    "\"DROP TABLE users\"",
    "//",
    "/*",
    "*/",
    "\"",
    "fn ",
    "let x = ",
    "Command::new(\"rm\")",
    "unsafe ",
    "é漢😀",
];

fn query() -> Arc<RiskQuery> {
    let (q, errors) = RiskQuery::compile(LanguageId::Rust, &LanguageId::Rust.builtin_queries());
    assert!(errors.is_empty(), "{errors:?}");
    Arc::new(q.expect("built-in query"))
}

fn char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn coverage(findings: Vec<redline::finding::Finding>) -> Vec<(String, std::ops::Range<usize>)> {
    let mut v: Vec<(String, std::ops::Range<usize>)> = findings
        .into_iter()
        .map(|f| (f.category.to_string(), f.range))
        .collect();
    v.sort_by_key(|(c, r)| (c.clone(), r.start));
    let mut out: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for (c, r) in v {
        match out.last_mut() {
            Some((lc, lr)) if *lc == c && lr.end >= r.start => lr.end = lr.end.max(r.end),
            _ => out.push((c, r)),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn incremental_hotspots_equal_a_full_reparse(
        edits in prop::collection::vec((0usize..2000, 0usize..40, 0usize..SNIPPETS.len(), any::<bool>()), 1..40)
    ) {
        let q = query();
        // Pinned, so that the incremental syntax is compared with a full parse after every edit,
        // whether or not AI text is left.
        let mut doc = Document::new(SEED, Some(q.clone())).pin();
        let ai = Arc::new(Origin::new("copilot", OriginKind::InlineCompletion));
        for (at, del, snip, is_ai) in edits {
            let text = doc.as_str();
            let start = char_boundary(text, at % (text.len() + 1));
            let end = char_boundary(text, start + del);
            let end = end.max(start);
            doc.edit(start..end, SNIPPETS[snip], is_ai.then(|| ai.clone())).unwrap();
            // Wherever the tree parsed cleanly, re-querying only what changed finds exactly
            // what querying the whole tree finds. While an edit has left a syntax error, only
            // the items around the edits are queried again and the rest keep the hotspots of
            // the last clean parse, so they are compared once the text is clean again.
            let tree = doc.tree().expect("a pinned document keeps its tree");
            if tree.root_node().has_error() {
                continue;
            }
            let whole = q.hotspots(tree, doc.as_str(), None);
            prop_assert_eq!(doc.query_hotspots(), &whole[..], "text:\n{}", doc.as_str());
            // And the tree is what a fresh parse gives. (Where the text has a syntax error,
            // tree-sitter's error recovery may differ between an incremental and a fresh parse,
            // one more reason the editor's view of broken text is provisional.)
            let full = Document::new(doc.as_str(), Some(q.clone())).pin();
            if full.tree().expect("parsed").root_node().has_error() {
                continue;
            }
            prop_assert_eq!(doc.query_hotspots(), full.query_hotspots(), "text:\n{}", doc.as_str());
            // The findings are those of a fresh document with the same spans.
            let mut reference = Document::new(doc.as_str(), Some(q.clone()));
            for s in doc.provenance().spans() {
                reference.mark_ai(s.range.clone(), s.origin.clone()).unwrap();
            }
            let rules = Rules::default();
            let signoffs = Signoffs::new();
            // Adjacent spans of one origin may or may not be merged; compare what is covered.
            prop_assert_eq!(
                coverage(doc.findings(&rules, &signoffs)),
                coverage(reference.findings(&rules, &signoffs))
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    /// A one-shot check finds hotspots only around the AI-written text; its findings are
    /// exactly those of a document that found every hotspot in the file.
    #[test]
    fn finding_hotspots_only_around_ai_text_loses_no_finding(
        spans in prop::collection::vec((0usize..4000, 0usize..300), 1..6),
        tests_module in any::<bool>(),
    ) {
        let q = query();
        let mut text = SEED.repeat(3);
        if tests_module {
            // Hotspots inside `mod tests` are ignored; the window must still see the module.
            text.push_str("\n#[cfg(test)]\nmod tests {\n    fn verify_token() { unsafe { x() } }\n}\n");
        }
        let ai = Arc::new(Origin::new("copilot", OriginKind::InlineCompletion));
        let ranges: Vec<std::ops::Range<usize>> = spans
            .into_iter()
            .map(|(at, len)| {
                let start = char_boundary(&text, at % text.len());
                start..char_boundary(&text, start + len).max(start)
            })
            .collect();
        let mut whole = Document::new(text.as_str(), Some(q.clone()));
        let mut around = Document::new(text.as_str(), Some(q.clone())).around_ai_only();
        for r in &ranges {
            whole.mark_ai(r.clone(), ai.clone()).unwrap();
        }
        around
            .mark_ai_all(ranges.iter().map(|r| (r.clone(), ai.clone())))
            .unwrap();
        let rules = Rules::default();
        let signoffs = Signoffs::new();
        let expected = whole.findings(&rules, &signoffs);
        let got = around.findings(&rules, &signoffs);
        prop_assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            prop_assert_eq!(&g.range, &e.range);
            prop_assert_eq!(&g.category, &e.category);
            prop_assert_eq!(&g.hotspot.range, &e.hotspot.range);
            prop_assert_eq!(&g.key, &e.key);
        }
    }
}

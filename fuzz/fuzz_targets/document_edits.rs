//! A Rust document edited at random, with snippets that open and close strings, brackets and
//! comments: the engine never panics, and whenever the text parses cleanly its hotspots are
//! exactly a full query's, however many broken states came before (while it does not parse,
//! the last clean parse's hotspots stand). The one-shot check's windowed hotspots give the
//! same findings as the whole file's.
#![no_main]

use std::sync::{Arc, OnceLock};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use redline::document::Document;
use redline::finding::Rules;
use redline::language::LanguageId;
use redline::origin::{Origin, OriginKind};
use redline::query::RiskQuery;
use redline::review::Signoffs;

const SEED: &str = "use std::process::Command;\n\npub fn verify_token(token: &str) -> bool {\n    let key = std::env::var(\"JWT_SECRET\").unwrap();\n    unsafe { check(token.as_ptr()) }\n}\n\n#[cfg(test)]\nmod tests {\n    fn login() { std::fs::remove_dir_all(\"/tmp\").ok(); }\n}\n\nfn helper() {\n    let l = std::net::TcpListener::bind(\"0.0.0.0:80\");\n}\n";

const SNIPPETS: &[&str] = &[
    "", "\"", "(", ")", "{", "}", "[", "]", "/*", "*/", "//", "\n", "r#\"", "\"#", "'", "a",
    "unsafe { x() }", "fn verify_password() {}\n", "std::fs::remove_dir_all(p);", "é漢😀", ";",
];

#[derive(Arbitrary, Debug)]
struct Edit {
    at: u16,
    del: u8,
    snippet: u8,
    ai: bool,
}

fn query() -> Arc<RiskQuery> {
    static Q: OnceLock<Arc<RiskQuery>> = OnceLock::new();
    Q.get_or_init(|| {
        let (q, errors) = RiskQuery::compile(LanguageId::Rust, &LanguageId::Rust.builtin_queries());
        assert!(errors.is_empty());
        Arc::new(q.expect("built-in query"))
    })
    .clone()
}

fn boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fuzz_target!(|edits: Vec<Edit>| {
    let q = query();
    let mut doc = Document::new(SEED, Some(q.clone())).pin();
    let ai = Arc::new(Origin::new("fuzz", OriginKind::InlineCompletion));
    for e in edits.iter().take(64) {
        let text = doc.as_str();
        let start = boundary(text, e.at as usize % (text.len() + 1));
        let end = boundary(text, start + e.del as usize % 16).max(start);
        let snippet = SNIPPETS[e.snippet as usize % SNIPPETS.len()];
        doc.edit(start..end, snippet, e.ai.then(|| ai.clone()))
            .expect("a range inside the text");
        let tree = doc.tree().expect("pinned");
        if !tree.root_node().has_error() {
            let whole = q.hotspots(tree, doc.as_str(), None);
            assert_eq!(doc.query_hotspots(), &whole[..], "text:\n{}", doc.as_str());
        }
    }
    // The one-shot check's view: hotspots only around the AI text, the same findings.
    let spans: Vec<_> = doc
        .provenance()
        .spans()
        .iter()
        .map(|s| (s.range.clone(), s.origin.clone()))
        .collect();
    let mut whole = Document::new(doc.as_str(), Some(q.clone()));
    let mut around = Document::new(doc.as_str(), Some(q.clone())).around_ai_only();
    for (r, o) in &spans {
        whole.mark_ai(r.clone(), o.clone()).expect("in range");
    }
    around.mark_ai_all(spans).expect("in range");
    let (rules, signoffs) = (Rules::default(), Signoffs::new());
    let a: Vec<_> = around.findings(&rules, &signoffs).into_iter().map(|f| (f.range, f.key)).collect();
    let w: Vec<_> = whole.findings(&rules, &signoffs).into_iter().map(|f| (f.range, f.key)).collect();
    assert_eq!(a, w, "text:\n{}", doc.as_str());
});

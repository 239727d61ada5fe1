//! The engine on a 20,000-line Rust file with 100 AI spans:
//!
//! - `keystroke`: a one-character edit (alternately typed and deleted, so the document does not
//!   grow) inside an AI-written auth function, then the findings, as the language server does
//!   after each `didChange`;
//! - `keystroke edit only`: the same edit without computing findings;
//! - `findings`: the findings alone, on an unchanged document;
//! - `full/parse + query`: `Document::new`, a full parse plus the risk query; and the parse
//!   alone, to show what the query adds.
//!
//! Run with `cargo bench --bench engine`; criterion prints the median of each.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};

use redline::document::Document;
use redline::finding::Rules;
use redline::language::LanguageId;
use redline::origin::{Origin, OriginKind};
use redline::query::RiskQuery;
use redline::review::Signoffs;

const LINES: usize = 20_000;
const SPANS: usize = 100;

/// One block of varied, realistic service code (auth, config, network, data, unsafe and plain
/// logic); `{n}` makes every copy's names distinct.
const TEMPLATE: &str = r#"
/// Request handling for shard {n}.
pub mod shard_{n} {
    use std::collections::HashMap;
    use std::time::Duration;

    const REQUEST_TIMEOUT_{n}: Duration = Duration::from_secs(30);
    const MAX_RETRIES_{n}: u32 = 5;

    #[derive(Debug, Clone, Default)]
    pub struct Settings {
        pub listen: String,
        pub database_url: String,
        pub cache_size: usize,
        pub retry_limit: u32,
    }

    pub fn load_settings() -> Settings {
        Settings {
            listen: std::env::var("LISTEN_{n}").unwrap_or_else(|_| "0.0.0.0:8080".into()),
            database_url: std::env::var("DATABASE_URL").unwrap_or_default(),
            cache_size: 1024 * {n},
            retry_limit: MAX_RETRIES_{n},
        }
    }

    pub fn verify_token(token: &str, secret: &[u8]) -> bool {
        let parts: Vec<&str> = token.split('.').collect();
        if parts.len() != 3 {
            return false;
        }
        let expected = sign(parts[0], parts[1], secret);
        constant_time_eq(expected.as_bytes(), parts[2].as_bytes())
    }

    fn sign(header: &str, body: &str, secret: &[u8]) -> String {
        let mut acc: u64 = 1469598103934665603;
        for b in header.bytes().chain(body.bytes()).chain(secret.iter().copied()) {
            acc = (acc ^ u64::from(b)).wrapping_mul(1099511628211);
        }
        format!("{acc:016x}")
    }

    fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
    }

    pub fn check_permission(roles: &HashMap<String, Vec<String>>, user: &str, action: &str) -> bool {
        roles
            .get(user)
            .is_some_and(|granted| granted.iter().any(|g| g == action || g == "admin"))
    }

    pub fn bind_listener(settings: &Settings) -> std::io::Result<std::net::TcpListener> {
        let _ = REQUEST_TIMEOUT_{n};
        std::net::TcpListener::bind(settings.listen.as_str())
    }

    pub fn purge(dir: &std::path::Path) -> std::io::Result<()> {
        let _sql = "DELETE FROM sessions WHERE shard = {n}";
        std::fs::remove_dir_all(dir)
    }

    pub fn checksum(data: &[u8]) -> u32 {
        let mut sum = 0u32;
        for chunk in data.chunks(4) {
            let mut word = [0u8; 4];
            word[..chunk.len()].copy_from_slice(chunk);
            sum = sum.rotate_left(5) ^ u32::from_le_bytes(word);
        }
        sum
    }

    pub fn zero(buf: &mut [u8]) {
        let ptr = buf.as_mut_ptr();
        unsafe {
            std::ptr::write_bytes(ptr, 0, buf.len());
        }
    }

    pub fn summarize(values: &[f64]) -> (f64, f64) {
        let n = values.len().max(1) as f64;
        let mean = values.iter().sum::<f64>() / n;
        let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
        (mean, var.sqrt())
    }
}
"#;

fn source() -> String {
    let mut s = String::with_capacity(LINES * 40);
    let mut n = 0;
    while s.lines().count() < LINES {
        // Counting lines each time is quadratic-ish but only a few hundred blocks are needed.
        s.push_str(&TEMPLATE.replace("{n}", &n.to_string()));
        n += 1;
    }
    let cut = s
        .match_indices('\n')
        .nth(LINES - 1)
        .map_or(s.len(), |(i, _)| i + 1);
    s.truncate(cut);
    s
}

fn query() -> Arc<RiskQuery> {
    let (query, errors) = RiskQuery::compile(LanguageId::Rust, &LanguageId::Rust.builtin_queries());
    assert!(errors.is_empty(), "built-in query: {errors:?}");
    Arc::new(query.expect("the built-in query compiles"))
}

/// Where the keystroke goes: into an identifier in `fn verify_token` in the middle of the file.
fn keystroke_offset(text: &str) -> usize {
    let needle = "let expected";
    let mid = text.len() / 2;
    mid + text[mid..]
        .find(needle)
        .expect("a verify_token in the second half")
        + needle.len()
}

/// The document with 100 AI spans of six lines each, one every 200 lines, from a few tools;
/// the middle one covers the keystroke.
fn document(text: &str, query: &Arc<RiskQuery>) -> Document {
    let origins = [
        Arc::new(Origin::new("copilot", OriginKind::InlineCompletion)),
        Arc::new(Origin::new("claude-code", OriginKind::Agent)),
        Arc::new(Origin::new("cursor", OriginKind::ChatEdit)),
    ];
    let mut doc = Document::new(text, Some(query.clone()));
    let index = doc.text().index().clone();
    let step = LINES / SPANS;
    for i in 0..SPANS {
        // Start inside each block at varying offsets so spans land on different code.
        let first = if i == SPANS / 2 {
            index.line_of(keystroke_offset(text)) - 2
        } else {
            (i * step + 20 + (i * 7) % 60) as u32
        };
        let start = index.line_start(first).expect("line in range");
        let end = index.line_start(first + 6).expect("line in range");
        doc.mark_ai(start..end, origins[i % origins.len()].clone())
            .expect("valid span");
    }
    doc
}

fn benches(c: &mut Criterion) {
    let text = source();
    let query = query();
    let rules = Rules::default();
    let signoffs = Signoffs::new();

    let mut doc = document(&text, &query);
    assert_eq!(doc.text().index().line_count() as usize, LINES + 1);
    assert!(!doc.findings(&rules, &signoffs).is_empty());

    // The keystroke goes into an identifier in the middle of the file, inside an AI span that
    // lies in `fn verify_token`, so the edited hotspot must be found again.
    let at = keystroke_offset(&text);
    assert!(
        doc.provenance().owner(at).is_some(),
        "the keystroke lands in an AI span"
    );
    assert_eq!(doc.provenance().spans().len(), SPANS);

    let mut typed = false;
    let mut edit_only = doc.clone();
    c.bench_function("keystroke edit only (no findings)", |b| {
        b.iter(|| {
            if typed {
                edit_only.edit(at..at + 1, "", None).expect("delete");
            } else {
                edit_only.edit(at..at, "x", None).expect("insert");
            }
            typed = !typed;
        })
    });
    drop(edit_only);

    let mut typed = false;
    c.bench_function("keystroke (edit + findings, 20k lines, 100 spans)", |b| {
        b.iter(|| {
            if typed {
                doc.edit(at..at + 1, "", None).expect("delete");
            } else {
                doc.edit(at..at, "x", None).expect("insert");
            }
            typed = !typed;
            black_box(doc.findings(&rules, &signoffs))
        })
    });

    let doc = document(&text, &query);
    c.bench_function("findings (20k lines, 100 spans)", |b| {
        b.iter(|| black_box(doc.findings(&rules, &signoffs)))
    });

    let mut group = c.benchmark_group("full");
    group.sample_size(20);
    group.bench_function("parse only (tree-sitter, 20k lines)", |b| {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&LanguageId::Rust.grammar())
            .expect("grammar");
        b.iter(|| black_box(parser.parse(text.as_str(), None)))
    });
    group.bench_function("parse + query (Document::new, 20k lines)", |b| {
        b.iter(|| black_box(Document::new(text.as_str(), Some(query.clone())).pin()))
    });
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);

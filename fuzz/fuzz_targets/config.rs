//! `redline.toml` parsing: any text either parses or gives an error that points inside it;
//! a parsed config yields its policy, rules and path rules without panicking.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use redline::config::{Config, line_column};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::parse("redline.toml", text) {
        Ok(config) => {
            let _ = config.policy();
            let _ = config.rules();
            let rules = config.path_rules();
            for path in ["src/main.rs", "infra/main.tf", "deploy/a/b.yaml", ""] {
                let _ = rules.matching(Path::new(path));
            }
        }
        Err(e) => {
            let lines = text.split('\n').count().max(1);
            assert!(
                e.line >= 1 && e.line <= lines,
                "line {} of {lines}: {e}",
                e.line
            );
            assert!(e.column >= 1, "column {}: {e}", e.column);
            assert_eq!(e.path, "redline.toml");
        }
    }
    // Every offset, even one inside a character or past the end, has a line and column.
    for offset in [0, 1, text.len() / 2, text.len(), text.len() + 1] {
        let (line, column) = line_column(text, offset);
        assert!(line >= 1 && column >= 1);
    }
});

//! Inputs the fuzz targets in `fuzz/` found crashes with, replayed under plain `cargo test`
//! (fuzzing itself needs cargo-fuzz and is not part of CI).
//!
//! Byte inputs live in `tests/fuzz_regressions/<target>/`, one file each, exactly as libFuzzer
//! wrote them, and go through the same checks as the target. The structured targets
//! (`text_edits`, `provenance`) decode their input with `arbitrary`, so their crashes are kept
//! here as the minimal case written out by hand.

use std::path::{Path, PathBuf};

use redline::config::Config;
use redline::hook::{self, Agent};
use redline::text::{Position, PositionChange, PositionEncoding, PositionRange, Text};

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

/// The `hook_payload` target's checks: parsing gives edits or an error; located ranges are
/// sorted, apart, non-empty and on character boundaries inside the content.
fn replay_hook(data: &[u8]) {
    let (payload, content) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &data[..0]),
    };
    let payload = String::from_utf8_lossy(payload);
    let content = String::from_utf8_lossy(content);
    let mut results = vec![hook::parse(&payload)];
    for agent in Agent::ALL {
        results.push(hook::parse_as(agent, &payload));
    }
    for edits in results.into_iter().flatten() {
        for edit in &edits {
            let located = hook::locate(edit, &content);
            let mut last_end = None;
            for r in &located.ranges {
                assert!(r.start < r.end && r.end <= content.len(), "{r:?}");
                assert!(content.is_char_boundary(r.start) && content.is_char_boundary(r.end));
                if let Some(end) = last_end {
                    assert!(end < r.start, "{:?}", located.ranges);
                }
                last_end = Some(r.end);
            }
        }
    }
}

#[test]
fn hook_payload_inputs_that_crashed_the_fuzzer() {
    for (path, data) in inputs("hook_payload") {
        println!("{}", path.display());
        replay_hook(&data);
    }
}

#[test]
fn config_inputs_that_crashed_the_fuzzer() {
    for (path, data) in inputs("config") {
        println!("{}", path.display());
        let Ok(text) = std::str::from_utf8(&data) else {
            continue;
        };
        match Config::parse("redline.toml", text) {
            Ok(config) => {
                let _ = (config.policy(), config.rules(), config.path_rules());
            }
            Err(e) => assert!(e.line >= 1 && e.column >= 1, "{e}"),
        }
    }
}

/// `text_edits` (and `redline/aiEdit` over the wire): a client position near `u32::MAX`
/// mapped through a change that adds lines or characters overflowed (a panic in debug
/// builds, a wrapped, wrong position in release). It now saturates and stays out of range.
#[test]
fn text_edits_huge_positions_map_without_overflow() {
    for enc in [
        PositionEncoding::Utf8,
        PositionEncoding::Utf16,
        PositionEncoding::Utf32,
    ] {
        let change = PositionChange {
            range: PositionRange::new(Position::new(0, 0), Position::new(0, 0)),
            text: "// edited\n".into(),
        };
        let far = Position::new(u32::MAX, u32::MAX);
        assert_eq!(change.map_position(far, enc, false).line, u32::MAX);
        let same_line = PositionChange {
            range: PositionRange::new(Position::new(3, 1), Position::new(3, 1)),
            text: "abc".into(),
        };
        let p = same_line.map_position(Position::new(3, u32::MAX), enc, true);
        assert_eq!(p, Position::new(3, u32::MAX));
        let far_start = PositionChange {
            range: PositionRange::new(far, far),
            text: "x\ny".into(),
        };
        assert_eq!(far_start.new_end(enc), Position::new(u32::MAX, 1));
        // And a saturated position is still refused by the text, never wrapped into it.
        let t = Text::new("// edited\nfn f() {}\n");
        assert!(t.offset(change.map_position(far, enc, false), enc).is_err());
    }
}

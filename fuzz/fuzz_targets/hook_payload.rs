//! Agent hook payloads. The input is a payload, optionally followed by a NUL byte and the
//! file's content as it is now. Parsing any bytes gives edits or an error, never a panic, with
//! agent detection and each agent's own parser; locating each edit in the content gives
//! sorted, non-empty, non-overlapping ranges on character boundaries inside it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use redline::hook::{self, Agent, HookEdit};

fn check_located(edit: &HookEdit, content: &str) {
    let located = hook::locate(edit, content);
    let mut last_end = None;
    for r in &located.ranges {
        assert!(r.start < r.end, "empty range {r:?}");
        assert!(r.end <= content.len(), "range {r:?} past {}", content.len());
        assert!(
            content.is_char_boundary(r.start) && content.is_char_boundary(r.end),
            "range {r:?} splits a character"
        );
        if let Some(end) = last_end {
            assert!(
                end < r.start,
                "ranges not sorted, apart and merged: {:?}",
                located.ranges
            );
        }
        last_end = Some(r.end);
    }
    for a in &located.ambiguous {
        assert!(a.change < edit.changes.len());
        let _ = a.to_string();
    }
    for u in &located.unplaced {
        assert!(u.change < edit.changes.len());
        let _ = u.to_string();
    }
    let _ = edit.resolved_path();
}

fuzz_target!(|data: &[u8]| {
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
    for result in results {
        match result {
            Ok(edits) => {
                for edit in &edits {
                    check_located(edit, &content);
                }
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});

//! `redline lsp`, run as the real binary and driven over stdio by the small client in
//! `tests/support`. Each test asserts what a person in an editor would notice: a squiggle
//! where AI-written text meets high-impact code, on exactly the right characters, that
//! follows every edit, and a server that survives bad input.
//!
//! Nothing here asserts timing: every wait is on a condition, with a generous deadline.

mod support;

use std::collections::HashSet;
use std::ops::Range;

use serde_json::{Value, json};
use support::{
    Enc, Lcg, LspClient, TIMEOUT, change, file_uri, find, find_nth, lsp_range, offset, pos, pretty,
    range,
};

/// A Rust file with one auth function (`verify_token`, lines 6-9) among harmless code.
const AUTH_RS: &str = "\
use std::collections::HashMap;

pub fn add(a: i32, b: i32) -> i32 {
    a + b
}

pub fn verify_token(token: &str) -> bool {
    let trimmed = token.trim();
    !trimmed.is_empty() && trimmed.len() == 32
}

pub struct Counter {
    pub n: u32,
}

pub fn count_words(words: &HashMap<String, u32>) -> u32 {
    words.values().sum()
}
";

const U16: Enc = Enc::Utf16;

fn copilot() -> Value {
    json!({ "tool": "copilot", "kind": "inline-completion" })
}

/// The text of the auth function's last body line, which the tests mark as AI-written.
const BODY: &str = "!trimmed.is_empty() && trimmed.len() == 32";

/// The byte range of the function item that starts with `header` (up to its closing `}`).
fn fn_item(text: &str, header: &str) -> Range<usize> {
    let start = find(text, header).start;
    let end = start + text[start..].find("\n}").expect("closing brace") + 2;
    start..end
}

fn diags(p: &Value) -> &Vec<Value> {
    p["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("no diagnostics array in {p}"))
}

fn regions(r: &Value) -> &Vec<Value> {
    r["regions"]
        .as_array()
        .unwrap_or_else(|| panic!("no regions array in {r}"))
}

/// The text a client would see under an LSP range.
fn text_at<'a>(text: &'a str, r: &Value, enc: Enc) -> &'a str {
    let at = |p: &Value| {
        offset(
            text,
            p["line"].as_u64().unwrap() as u32,
            p["character"].as_u64().unwrap() as u32,
            enc,
        )
    };
    &text[at(&r["start"])..at(&r["end"])]
}

/// Inserts `new` at byte `at` of `text`.
fn inserted(text: &str, at: usize, new: &str) -> String {
    let mut t = text.to_string();
    t.insert_str(at, new);
    t
}

fn open_auth(c: &mut LspClient, name: &str) -> String {
    let uri = file_uri(name);
    c.did_open(&uri, "rust", 1, AUTH_RS);
    uri
}

/// Reports `BODY` as written by copilot and waits for the diagnostic.
fn mark_body(c: &mut LspClient, uri: &str) -> Value {
    let body = find(AUTH_RS, BODY);
    c.ai_edit(uri, 1, vec![lsp_range(AUTH_RS, body, U16)], copilot());
    let p = c.wait_for_diagnostics(uri, |p| !diags(p).is_empty(), TIMEOUT);
    diags(&p)[0].clone()
}

// 1 ---------------------------------------------------------------------------------------

#[test]
fn ai_edit_over_an_auth_function_gets_an_auth_diagnostic_on_the_intersection() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "flagged.rs");

    // First an AI edit that touches no hotspot, then one that starts in verify_token's body
    // and runs past its end into the struct below. The publication that shows the second
    // also reflects the first, so "exactly one diagnostic" proves the first made none.
    let harmless = find(AUTH_RS, "a + b");
    c.ai_edit(
        &uri,
        1,
        vec![lsp_range(AUTH_RS, harmless.clone(), U16)],
        copilot(),
    );
    let ai = find(AUTH_RS, "!trimmed").start..find(AUTH_RS, "pub n: u32").end;
    c.ai_edit(
        &uri,
        1,
        vec![lsp_range(AUTH_RS, ai.clone(), U16)],
        copilot(),
    );

    let p = c.wait_for_diagnostics(&uri, |p| !diags(p).is_empty(), TIMEOUT);
    assert_eq!(p["version"], 1);
    let ds = diags(&p);
    assert_eq!(
        ds.len(),
        1,
        "one diagnostic, for the auth function only: {}",
        pretty(&p)
    );
    let d = &ds[0];
    let function = fn_item(AUTH_RS, "pub fn verify_token");
    let intersection = ai.start..function.end;
    assert_eq!(d["range"], lsp_range(AUTH_RS, intersection.clone(), U16));
    assert_eq!(
        text_at(AUTH_RS, &d["range"], U16),
        "!trimmed.is_empty() && trimmed.len() == 32\n}"
    );
    assert_eq!(d["code"], "auth");
    assert_eq!(d["source"], "redline");
    assert!(d["severity"].is_u64(), "a severity: {d}");
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("fn verify_token"),
        "message names the function: {message}"
    );
    assert!(
        message.contains("copilot"),
        "message names the tool: {message}"
    );
    assert!(
        message.to_lowercase().contains("review"),
        "message asks for review: {message}"
    );
    let related = &d["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri.as_str());
    assert_eq!(
        related["location"]["range"],
        lsp_range(AUTH_RS, function.clone(), U16)
    );
    assert_eq!(d["data"]["category"], "auth");
    assert_eq!(d["data"]["hotspot"], "fn verify_token");
    assert_eq!(d["data"]["origin"]["tool"], "copilot");
    assert_eq!(d["data"]["origin"]["kind"], "inline-completion");

    let r = c.regions(&uri);
    assert_eq!(r["uri"], uri.as_str());
    assert_eq!(r["version"], 1);
    let rs = regions(&r);
    assert_eq!(rs.len(), 2, "{}", pretty(&r));
    assert_eq!(rs[0]["range"], lsp_range(AUTH_RS, harmless, U16));
    assert_eq!(rs[0]["findings"], json!([]), "no finding for `a + b`");
    assert_eq!(rs[1]["range"], lsp_range(AUTH_RS, ai, U16));
    assert_eq!(rs[1]["origin"]["tool"], "copilot");
    let f = &rs[1]["findings"];
    assert_eq!(f.as_array().unwrap().len(), 1, "{}", pretty(&r));
    assert_eq!(f[0]["category"], "auth");
    assert_eq!(f[0]["range"], lsp_range(AUTH_RS, intersection, U16));
    assert_eq!(f[0]["reviewed"], false);
    c.shutdown();
}

// 2 ---------------------------------------------------------------------------------------

#[test]
fn typing_inside_an_ai_span_splits_it_around_the_typed_character() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "split.rs");
    mark_body(&mut c, &uri);
    let body = find(AUTH_RS, BODY);

    // "trimmed.len()" -> "trixmmed.len()": a person's keystroke in the middle of AI text.
    let at = find_nth(AUTH_RS, "trimmed", 2).start + 3;
    let (l, ch) = support::position(AUTH_RS, at, U16);
    c.did_change(&uri, 2, vec![change(range(l, ch, l, ch), "x")]);
    let text = inserted(AUTH_RS, at, "x");
    let left = body.start..at;
    let right = at + 1..body.end + 1;

    let r = c.regions(&uri);
    assert_eq!(r["version"], 2);
    let rs = regions(&r);
    assert_eq!(rs.len(), 2, "the span split in two: {}", pretty(&r));
    assert_ne!(rs[0]["id"], rs[1]["id"], "the halves have distinct ids");
    assert_eq!(rs[0]["range"], lsp_range(&text, left.clone(), U16));
    assert_eq!(rs[1]["range"], lsp_range(&text, right.clone(), U16));
    assert_eq!(
        text_at(&text, &rs[0]["range"], U16),
        "!trimmed.is_empty() && tri"
    );
    assert_eq!(text_at(&text, &rs[1]["range"], U16), "mmed.len() == 32");

    let p = c.wait_for_diagnostics(&uri, |p| p["version"] == 2, TIMEOUT);
    let mut got: Vec<Value> = diags(&p).iter().map(|d| d["range"].clone()).collect();
    got.sort_by_key(|r| r.to_string());
    let mut want = vec![lsp_range(&text, left, U16), lsp_range(&text, right, U16)];
    want.sort_by_key(|r| r.to_string());
    assert_eq!(got, want, "diagnostics cover both parts: {}", pretty(&p));
    assert!(diags(&p).iter().all(|d| d["code"] == "auth"));
    c.shutdown();
}

// 3 ---------------------------------------------------------------------------------------

#[test]
fn deleting_the_ai_text_removes_the_diagnostic_and_the_region() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "deleted.rs");
    mark_body(&mut c, &uri);

    let body = find(AUTH_RS, BODY);
    c.did_change(&uri, 2, vec![change(lsp_range(AUTH_RS, body, U16), "")]);
    let p = c.wait_for_diagnostics(&uri, |p| p["version"] == 2, TIMEOUT);
    assert_eq!(diags(&p), &Vec::<Value>::new(), "the diagnostic is gone");
    let r = c.regions(&uri);
    assert_eq!(r["version"], 2);
    assert_eq!(regions(&r), &Vec::<Value>::new(), "no AI text left");
    c.shutdown();
}

// 4 ---------------------------------------------------------------------------------------

/// Emoji (2 UTF-16 units, 4 bytes) and CJK (1 unit, 3 bytes) on the line before the span and
/// before it on its own line.
const WIDE_RS: &str = "\
// Greeting: 😀 and 漢字 come before the span
pub fn verify_token(token: &str) -> bool {
    let s = \"😀漢字\"; !token.is_empty() && s.len() > 1
}
";

fn positions_are_counted_in(offered: &[&str], chosen: &str, enc: Enc) {
    let mut c = LspClient::initialized(offered, json!({}));
    assert_eq!(
        c.position_encoding().as_deref(),
        Some(chosen),
        "negotiated encoding for a client offering {offered:?}"
    );
    let uri = file_uri("wide.rs");
    c.did_open(&uri, "rust", 1, WIDE_RS);
    // From the CJK inside the string (after the emoji) to the end of `!token.is_empty()`.
    let ai = find(WIDE_RS, "漢字\";").start..find(WIDE_RS, "is_empty()").end;
    let sent = lsp_range(WIDE_RS, ai.clone(), enc);
    c.ai_edit(&uri, 1, vec![sent.clone()], copilot());

    let p = c.wait_for_diagnostics(&uri, |p| !diags(p).is_empty(), TIMEOUT);
    let d = &diags(&p)[0];
    assert_eq!(d["range"], sent, "diagnostic range in {chosen} units");
    assert_eq!(
        text_at(WIDE_RS, &d["range"], enc),
        "漢字\"; !token.is_empty()"
    );
    let function = fn_item(WIDE_RS, "pub fn verify_token");
    assert_eq!(
        d["relatedInformation"][0]["location"]["range"],
        lsp_range(WIDE_RS, function, enc)
    );
    let r = c.regions(&uri);
    assert_eq!(
        regions(&r)[0]["range"],
        sent,
        "region range in {chosen} units"
    );

    // Hover at the last character of the span, counted in this encoding.
    let (l, ch) = support::position(WIDE_RS, ai.end - 1, enc);
    let hover = c
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": pos(l, ch) }),
        )
        .unwrap();
    assert_eq!(hover["range"], sent, "hover range in {chosen} units");
    c.shutdown();
}

#[test]
fn utf16_positions_with_emoji_and_cjk_match_exactly() {
    // Sanity: the three encodings count the span's start differently.
    let start = find(WIDE_RS, "漢字\";").start;
    let cols: Vec<u32> = [Enc::Utf8, Enc::Utf16, Enc::Utf32]
        .iter()
        .map(|&e| support::position(WIDE_RS, start, e).1)
        .collect();
    assert_eq!(cols, vec![17, 15, 14]);
    positions_are_counted_in(&["utf-16"], "utf-16", Enc::Utf16);
}

#[test]
fn utf8_is_chosen_when_offered_and_positions_are_bytes() {
    positions_are_counted_in(&["utf-8", "utf-16"], "utf-8", Enc::Utf8);
}

#[test]
fn utf32_is_used_when_it_is_the_only_encoding_offered() {
    positions_are_counted_in(&["utf-32"], "utf-32", Enc::Utf32);
}

#[test]
fn utf16_is_the_default_when_the_client_offers_nothing() {
    positions_are_counted_in(&[], "utf-16", Enc::Utf16);
}

// 5 ---------------------------------------------------------------------------------------

/// The client's model of the document: its text and, per byte, a label for the AI span that
/// owns it (0: a person). Labels follow DESIGN.md's rules: a person's edit takes the bytes it
/// replaces and owns what it inserts; a span cut in two keeps its label on the left part and
/// the right part gets a new one; a mark takes its bytes from any earlier owner.
struct Model {
    text: String,
    owner: Vec<u32>,
    /// label -> tool
    tools: Vec<String>,
}

impl Model {
    fn new(text: &str) -> Self {
        Model {
            text: text.to_string(),
            owner: vec![0; text.len()],
            tools: vec![String::new()],
        }
    }

    fn label(&mut self, tool: &str) -> u32 {
        self.tools.push(tool.to_string());
        (self.tools.len() - 1) as u32
    }

    fn replace(&mut self, r: Range<usize>, new: &str) {
        let start = r.start;
        self.text.replace_range(r.clone(), new);
        self.owner.splice(r, std::iter::repeat_n(0, new.len()));
        self.split(start, start + new.len());
    }

    fn mark(&mut self, r: Range<usize>, tool: &str) {
        let l = self.label(tool);
        self.owner[r.clone()].fill(l);
        self.split(r.start, r.end);
    }

    /// The bytes `left_end..right_start` were just given to a new owner. A span with bytes on
    /// both sides of them is now cut in two, and its right part is a new span. (No other span
    /// can be cut: every label is one run of bytes, and an edit takes one range.)
    fn split(&mut self, left_end: usize, right_start: usize) {
        if left_end == 0 || left_end == right_start || right_start >= self.owner.len() {
            return;
        }
        let l = self.owner[left_end - 1];
        if l == 0 || self.owner[right_start] != l {
            return;
        }
        let tool = self.tools[l as usize].clone();
        let fresh = self.label(&tool);
        let mut j = right_start;
        while j < self.owner.len() && self.owner[j] == l {
            self.owner[j] = fresh;
            j += 1;
        }
    }

    /// Checks the model's own invariant: every label is one run of bytes.
    fn assert_contiguous(&self) {
        let mut seen = HashSet::new();
        for (r, _) in self.spans() {
            assert!(seen.insert(self.owner[r.start]), "label split in the model");
        }
    }

    fn spans(&self) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.owner.len() {
            let l = self.owner[i];
            let mut j = i + 1;
            while j < self.owner.len() && self.owner[j] == l {
                j += 1;
            }
            if l != 0 {
                out.push((i..j, self.tools[l as usize].clone()));
            }
            i = j;
        }
        out
    }

    /// Whether an edit of `r` touches AI text: replaces some, or inserts strictly inside.
    fn touches_ai(&self, r: &Range<usize>) -> bool {
        if r.is_empty() {
            r.start > 0
                && r.start < self.owner.len()
                && self.owner[r.start] != 0
                && self.owner[r.start - 1] == self.owner[r.start]
        } else {
            self.owner[r.clone()].iter().any(|&o| o != 0)
        }
    }

    /// Content ranges of the string literals (the text never holds escaped quotes).
    fn literals(&self) -> Vec<Range<usize>> {
        let quotes: Vec<usize> = self.text.match_indices('"').map(|(i, _)| i).collect();
        assert!(
            quotes.len().is_multiple_of(2),
            "unbalanced quotes in the model"
        );
        quotes.chunks(2).map(|q| q[0] + 1..q[1]).collect()
    }

    /// The character boundaries in `r`, both ends included.
    fn boundaries(&self, r: Range<usize>) -> Vec<usize> {
        let mut b: Vec<usize> = self.text[r.clone()]
            .char_indices()
            .map(|(i, _)| r.start + i)
            .collect();
        b.push(r.end);
        b
    }

    fn floor(&self, mut o: usize) -> usize {
        o = o.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }
}

/// Text a person may type inside a string literal without breaking the syntax.
const SAFE: &[&str] = &["a", "b", "z", "q", " ", "_", "7", "é", "😀", "漢", "\n"];
/// Anything, syntax included; always undone by the next change.
const JUNK: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    ";",
    "\"",
    "fn ",
    "\n",
    "x",
    "😀",
    "/*",
    "//",
    "verify_token",
    "'",
];

fn random_text(rng: &mut Lcg, alphabet: &[&str], max: usize) -> String {
    let n = 1 + rng.below(max);
    (0..n).map(|_| *rng.pick(alphabet)).collect()
}

/// An edit inside a string literal, often inside AI text: the program stays valid.
fn safe_edit(rng: &mut Lcg, m: &Model) -> (Range<usize>, String) {
    let lits = m.literals();
    let ai_lits: Vec<Range<usize>> = lits
        .iter()
        .filter(|l| m.owner[(*l).clone()].iter().any(|&o| o != 0))
        .cloned()
        .collect();
    let lit = if !ai_lits.is_empty() && rng.chance(60) {
        rng.pick(&ai_lits).clone()
    } else {
        rng.pick(&lits).clone()
    };
    let b = m.boundaries(lit.clone());
    let grow = m.text.len() < 9000 && lit.len() < 120;
    let op = if b.len() < 2 {
        0
    } else {
        rng.below(if grow { 3 } else { 2 })
    };
    match op {
        // insert (more likely while the text is small)
        0 | 2 if grow || b.len() < 2 => {
            let p = *rng.pick(&b);
            (p..p, random_text(rng, SAFE, 4))
        }
        _ => {
            let i = rng.below(b.len() - 1);
            let j = i + 1 + rng.below((b.len() - 1 - i).min(6));
            let replacement = if rng.chance(30) {
                random_text(rng, SAFE, 3)
            } else {
                String::new()
            };
            (b[i]..b[j], replacement)
        }
    }
}

/// An edit anywhere, with anything; the caller undoes it with the next change.
fn junk_edit(rng: &mut Lcg, m: &Model) -> (Range<usize>, String) {
    let spans = m.spans();
    let start = if !spans.is_empty() && rng.chance(50) {
        let s = &rng.pick(&spans).0;
        m.floor(s.start + rng.below(s.len()))
    } else {
        m.floor(rng.below(m.text.len() + 1))
    };
    let end = m.floor(start + rng.below(9));
    let text = if end == start || rng.chance(70) {
        random_text(rng, JUNK, 3)
    } else {
        String::new()
    };
    (start..end, text)
}

/// Modules alternating an auth function (`verify_token`, the example DESIGN.md names) and a
/// harmless one, each with a string literal for the edits to work in.
fn stress_source(modules: usize) -> String {
    let mut s = String::new();
    for i in 0..modules {
        if i % 2 == 0 {
            s += &format!(
                "mod m{i} {{\n    pub fn verify_token(token: &str) -> bool {{\n        let note = \"alpha beta {i}\";\n        token.len() > note.len()\n    }}\n}}\n\n"
            );
        } else {
            s += &format!(
                "mod m{i} {{\n    pub fn describe(name: &str) -> String {{\n        let note = \"gamma delta {i}\";\n        name.to_string() + note\n    }}\n}}\n\n"
            );
        }
    }
    s
}

/// Diagnostics without what legitimately differs between two servers: span ids, and the
/// sessions the comparison server needs to keep touching spans apart.
fn comparable_diagnostics(p: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = diags(p)
        .iter()
        .cloned()
        .map(|mut d| {
            if let Some(data) = d.get_mut("data").and_then(Value::as_object_mut) {
                data.remove("spanId");
                if let Some(o) = data.get_mut("origin").and_then(Value::as_object_mut) {
                    o.remove("session");
                }
            }
            d
        })
        .collect();
    out.sort_by_key(|d| d.to_string());
    out
}

fn comparable_regions(r: &Value) -> Vec<Value> {
    regions(r)
        .iter()
        .map(|g| {
            let mut findings: Vec<Value> = g["findings"].as_array().unwrap().clone();
            findings.sort_by_key(|f| f.to_string());
            json!({
                "range": g["range"],
                "tool": g["origin"]["tool"],
                "kind": g["origin"]["kind"],
                "findings": findings,
            })
        })
        .collect()
}

/// 10,000 `didChange` notifications (a fixed-seed LCG; no waiting between them): 80% are
/// edits inside string literals, so the program stays valid and its auth functions stay
/// hotspots, and 20% break the syntax anywhere and are undone by the next change. About a
/// third land in AI text. Every hundred changes an `redline/aiEdit` marks more. The client
/// keeps its own model (text and one owner per byte) and at the end requires:
/// - the server's version is the last one sent, and its regions are the model's, exactly;
/// - the model's text, with the same spans given to a fresh server, gives the same regions,
///   findings and diagnostics;
/// - marking the whole text marks as many bytes as the model has, and both servers then
///   report the same diagnostics (whose review keys hash every hotspot's text).
#[test]
fn ten_thousand_rapid_changes_leave_the_server_in_step_with_the_client() {
    const CHANGES: usize = 10_000;
    let source = stress_source(24);
    let uri = file_uri("stress.rs");
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    c.did_open(&uri, "rust", 1, &source);
    let mut m = Model::new(&source);
    let mut rng = Lcg::new(0x5eed_2024);
    let mut version = 1;
    let mut marks = 0;
    let mut sent = 0;
    let mut touching_ai = 0;

    // Applies one change to the model and returns it in LSP form, positions taken from the
    // model's text before the change (as a client computes them).
    let apply = |m: &mut Model, r: Range<usize>, text: &str, touching: &mut usize| {
        if m.touches_ai(&r) {
            *touching += 1;
        }
        let lsp = change(lsp_range(&m.text, r.clone(), U16), text);
        m.replace(r, text);
        lsp
    };

    while sent < CHANGES {
        if sent % 1000 == 0 {
            m.assert_contiguous();
        }
        // Every hundred changes, an AI edit around a string literal, by a tool of its own (so
        // that marks never merge).
        if sent % 100 == 50 {
            let lits = m.literals();
            let lit = rng.pick(&lits).clone();
            let r =
                m.floor(lit.start.saturating_sub(rng.below(12)))..m.floor(lit.end + rng.below(12));
            let tool = format!("t{marks}");
            marks += 1;
            c.ai_edit(
                &uri,
                version,
                vec![lsp_range(&m.text, r.clone(), U16)],
                json!({ "tool": tool, "kind": "agent" }),
            );
            m.mark(r, &tool);
        }
        let roll = rng.below(100);
        if roll < 20 && sent + 2 <= CHANGES {
            // Break the syntax anywhere, then undo it.
            let (r, junk) = junk_edit(&mut rng, &m);
            let old = m.text[r.clone()].to_string();
            let start = r.start;
            version += 1;
            let ch = apply(&mut m, r, &junk, &mut touching_ai);
            c.did_change(&uri, version, vec![ch]);
            version += 1;
            let ch = apply(&mut m, start..start + junk.len(), &old, &mut touching_ai);
            c.did_change(&uri, version, vec![ch]);
            sent += 2;
        } else if roll < 30 {
            // Two content changes in one didChange, applied in order.
            let (r1, t1) = safe_edit(&mut rng, &m);
            let ch1 = apply(&mut m, r1, &t1, &mut touching_ai);
            let (r2, t2) = safe_edit(&mut rng, &m);
            let ch2 = apply(&mut m, r2, &t2, &mut touching_ai);
            version += 1;
            c.did_change(&uri, version, vec![ch1, ch2]);
            sent += 1;
        } else {
            let (r, t) = safe_edit(&mut rng, &m);
            let ch = apply(&mut m, r, &t, &mut touching_ai);
            version += 1;
            c.did_change(&uri, version, vec![ch]);
            sent += 1;
        }
    }
    assert!(
        touching_ai >= 1000,
        "the edits should often land in AI text: {touching_ai}"
    );

    // The server applied every change, in order: its spans are the client's, exactly.
    let r = c.regions(&uri);
    assert_eq!(r["version"], version, "the server reached the last version");
    let want: Vec<Value> = m
        .spans()
        .iter()
        .map(|(b, tool)| json!({ "range": lsp_range(&m.text, b.clone(), U16), "tool": tool }))
        .collect();
    let got: Vec<Value> = regions(&r)
        .iter()
        .map(|g| json!({ "range": g["range"], "tool": g["origin"]["tool"] }))
        .collect();
    if got != want {
        let first = got.iter().zip(&want).position(|(g, w)| g != w);
        panic!(
            "the server's AI spans differ from the client's ({} vs {} spans; first difference at {first:?}: server {} client {})",
            got.len(),
            want.len(),
            first.map_or(Value::Null, |i| got[i].clone()),
            first.map_or(Value::Null, |i| want[i].clone()),
        );
    }
    assert!(!want.is_empty(), "some AI text survives");
    let ids: HashSet<String> = regions(&r).iter().map(|g| g["id"].to_string()).collect();
    assert_eq!(ids.len(), want.len(), "region ids are distinct");
    let p = c.wait_for_diagnostics(&uri, |p| p["version"] == version, TIMEOUT);
    let stressed = comparable_diagnostics(&p);
    assert!(
        !stressed.is_empty(),
        "the final text has findings to compare"
    );
    let stressed_regions = comparable_regions(&r);
    // Then everything marked: the server's length is the client's, and every hotspot becomes
    // a finding whose review key hashes the hotspot's text.
    let (stressed_all, all_bytes) = mark_everything(&mut c, &uri, &m.text);
    assert_eq!(
        all_bytes,
        m.text.len(),
        "the server's text is as long as the client's"
    );
    c.shutdown();

    // A fresh server given the final text and the same spans computes the same findings.
    let mut fresh = LspClient::initialized(&["utf-16"], json!({}));
    fresh.did_open(&uri, "rust", 1, &m.text);
    for (i, g) in regions(&r).iter().enumerate() {
        let origin = json!({
            "tool": g["origin"]["tool"],
            "kind": "agent",
            "session": format!("piece-{i}"),
        });
        fresh
            .execute(
                "redline.markAi",
                json!({ "uri": uri, "ranges": [g["range"]], "origin": origin }),
            )
            .unwrap_or_else(|e| panic!("markAi on the fresh server: {e}"));
    }
    let fresh_regions = comparable_regions(&fresh.regions(&uri));
    assert_eq!(
        stressed_regions, fresh_regions,
        "regions and findings match"
    );
    assert_same_diagnostics(&mut fresh, &uri, &stressed, "with the same spans");
    let (fresh_all, _) = mark_everything(&mut fresh, &uri, &m.text);
    assert_eq!(fresh_all, stressed_all, "with the whole text marked");
    fresh.shutdown();
}

/// Marks the whole document as AI-written by "audit"; returns the diagnostics that follow and
/// the number of bytes the server marked.
fn mark_everything(c: &mut LspClient, uri: &str, text: &str) -> (Vec<Value>, usize) {
    let marked = c
        .execute(
            "redline.markAi",
            json!({
                "uri": uri,
                "ranges": [lsp_range(text, 0..text.len(), U16)],
                "origin": { "tool": "audit", "kind": "agent" },
            }),
        )
        .unwrap_or_else(|e| panic!("markAi over the whole text: {e}"));
    let p = c.wait_for_diagnostics(
        uri,
        |p| {
            !diags(p).is_empty()
                && diags(p)
                    .iter()
                    .all(|d| d["data"]["origin"]["tool"] == "audit")
        },
        TIMEOUT,
    );
    let bytes = marked["markedBytes"].as_u64().expect("markedBytes") as usize;
    (comparable_diagnostics(&p), bytes)
}

/// Waits until `c`'s diagnostics for `uri` equal `want` (compared as by
/// [`comparable_diagnostics`]); fails with a diff otherwise.
fn assert_same_diagnostics(c: &mut LspClient, uri: &str, want: &[Value], what: &str) {
    let matched =
        c.try_wait_for_diagnostics_after(0, uri, |p| comparable_diagnostics(p) == want, TIMEOUT);
    if matched.is_none() {
        let latest = c.latest_diagnostics(uri).unwrap_or(Value::Null);
        assert_eq!(
            comparable_diagnostics(&latest),
            want,
            "a fresh server's diagnostics {what} match the stressed server's"
        );
    }
}

// 6 ---------------------------------------------------------------------------------------

#[test]
fn an_ai_edit_for_an_older_version_is_mapped_forward() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "behind.rs");
    const AI: &str = "token.len() == 32 && token.is_ascii()";

    // Version 2: the AI tool replaces the body line. The client's report for version 2 is
    // late: the person has already made versions 3-5, inserting text above and before it.
    let body = find(AUTH_RS, BODY);
    let mut text = AUTH_RS.to_string();
    c.did_change(
        &uri,
        2,
        vec![change(lsp_range(&text, body.clone(), U16), AI)],
    );
    text.replace_range(body.clone(), AI);
    let v2 = text.clone();
    let ai_v2 = body.start..body.start + AI.len();

    c.did_change(&uri, 3, vec![change(range(0, 0, 0, 0), "// one\n")]);
    text.insert_str(0, "// one\n");
    let (l, _) = support::position(&text, find(&text, AI).start, U16);
    c.did_change(&uri, 4, vec![change(range(l, 4, l, 4), "let _n = 0; ")]);
    let line_start = offset(&text, l, 4, U16);
    text.insert_str(line_start, "let _n = 0; ");
    c.did_change(
        &uri,
        5,
        vec![change(range(0, 0, 0, 0), "// two\n// three\n")],
    );
    text.insert_str(0, "// two\n// three\n");

    c.ai_edit(&uri, 2, vec![lsp_range(&v2, ai_v2, U16)], copilot());

    let expected = lsp_range(&text, find(&text, AI), U16);
    let p = c.wait_for_diagnostics(&uri, |p| !diags(p).is_empty(), TIMEOUT);
    assert_eq!(p["version"], 5);
    let d = &diags(&p)[0];
    assert_eq!(d["range"], expected, "the diagnostic lands on the AI text");
    assert_eq!(text_at(&text, &d["range"], U16), AI);
    assert_eq!(d["code"], "auth");
    let r = c.regions(&uri);
    assert_eq!(regions(&r).len(), 1);
    assert_eq!(regions(&r)[0]["range"], expected);
    c.shutdown();
}

#[test]
fn an_ai_edit_ahead_of_its_change_waits_for_it() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "ahead.rs");
    const AI: &str = "token.len() == 32 && token.is_ascii()";
    let body = find(AUTH_RS, BODY);
    let mut text = AUTH_RS.to_string();
    text.replace_range(body.clone(), AI);
    let ai = body.start..body.start + AI.len();

    // The report for version 2 arrives before version 2 itself.
    c.ai_edit(&uri, 2, vec![lsp_range(&text, ai.clone(), U16)], copilot());
    let r = c.regions(&uri);
    assert_eq!(
        regions(&r),
        &Vec::<Value>::new(),
        "nothing to mark at version 1"
    );
    c.did_change(&uri, 2, vec![change(lsp_range(AUTH_RS, body, U16), AI)]);
    let r = c.regions(&uri);
    assert_eq!(r["version"], 2);
    assert_eq!(regions(&r).len(), 1, "{}", pretty(&r));
    assert_eq!(regions(&r)[0]["range"], lsp_range(&text, ai, U16));
    c.shutdown();
}

// 7 ---------------------------------------------------------------------------------------

#[test]
fn sign_off_clears_the_diagnostic_until_the_text_is_edited() {
    let mut c = LspClient::initialized(&["utf-16"], json!({ "identity": "senior@example.com" }));
    let uri = open_auth(&mut c, "signoff.rs");
    let body = find(AUTH_RS, BODY);
    let marked = c
        .execute(
            "redline.markAi",
            json!({
                "uri": uri,
                "ranges": [lsp_range(AUTH_RS, body.clone(), U16)],
                "origin": { "tool": "claude-code", "kind": "agent" },
            }),
        )
        .unwrap();
    assert_eq!(marked["markedBytes"], BODY.len());
    let p = c.wait_for_diagnostics(&uri, |p| !diags(p).is_empty(), TIMEOUT);
    assert_eq!(diags(&p)[0]["data"]["origin"]["tool"], "claude-code");

    let signed = c.execute("redline.signOff", json!({ "uri": uri })).unwrap();
    assert_eq!(signed["signedOff"], 1, "{signed}");
    assert_eq!(signed["reviewer"], "senior@example.com");
    c.wait_for_diagnostics(&uri, |p| diags(p).is_empty(), TIMEOUT);
    let r = c.regions(&uri);
    let f = &regions(&r)[0]["findings"];
    assert_eq!(f.as_array().unwrap().len(), 1, "{}", pretty(&r));
    assert_eq!(f[0]["reviewed"], true);

    // Edit the reviewed text inside the span: "trimmed.len()" -> "trixmmed.len()".
    let at = find_nth(AUTH_RS, "trimmed", 2).start + 3;
    let (l, ch) = support::position(AUTH_RS, at, U16);
    c.did_change(&uri, 2, vec![change(range(l, ch, l, ch), "x")]);
    let p = c.wait_for_diagnostics(&uri, |p| p["version"] == 2 && !diags(p).is_empty(), TIMEOUT);
    assert!(diags(&p).iter().all(|d| d["code"] == "auth"));
    let r = c.regions(&uri);
    for g in regions(&r) {
        for f in g["findings"].as_array().unwrap() {
            assert_eq!(
                f["reviewed"],
                false,
                "the edit needs review again: {}",
                pretty(&r)
            );
        }
    }
    c.shutdown();
}

// 8 ---------------------------------------------------------------------------------------

#[test]
fn hover_names_the_tool_and_the_hotspot_over_ai_text_only() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "hover.rs");
    mark_body(&mut c, &uri);
    let hover_at = |c: &mut LspClient, at: usize| {
        let (l, ch) = support::position(AUTH_RS, at, U16);
        c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": pos(l, ch) }),
        )
        .unwrap()
    };

    let h = hover_at(&mut c, find(AUTH_RS, BODY).start + 5);
    assert_eq!(h["contents"]["kind"], "markdown", "{h}");
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("copilot"), "hover names the tool: {md}");
    assert!(
        md.contains("fn verify_token"),
        "hover names the hotspot: {md}"
    );
    assert_eq!(h["range"], lsp_range(AUTH_RS, find(AUTH_RS, BODY), U16));

    let h = hover_at(&mut c, find(AUTH_RS, "a + b").start);
    assert_eq!(h, Value::Null, "no hover over a person's text");
    let h = hover_at(&mut c, find(AUTH_RS, "let trimmed").start);
    assert_eq!(
        h,
        Value::Null,
        "no hover over a person's text in the same function"
    );
    c.shutdown();
}

// 9 ---------------------------------------------------------------------------------------

#[test]
fn the_sign_off_code_action_clears_the_diagnostic() {
    let mut c = LspClient::initialized(&["utf-16"], json!({ "identity": "senior@example.com" }));
    let uri = open_auth(&mut c, "action.rs");
    let d = mark_body(&mut c, &uri);

    let actions = c
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": d["range"],
                "context": { "diagnostics": [d] },
            }),
        )
        .unwrap();
    let sign_off = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.to_lowercase().contains("sign off"))
        })
        .unwrap_or_else(|| panic!("a sign-off action: {}", pretty(&actions)))
        .clone();
    assert_eq!(sign_off["command"]["command"], "redline.signOff");
    assert_eq!(sign_off["diagnostics"][0]["range"], d["range"]);

    let command = &sign_off["command"];
    c.request(
        "workspace/executeCommand",
        json!({ "command": command["command"], "arguments": command["arguments"] }),
    )
    .unwrap();
    c.wait_for_diagnostics(&uri, |p| diags(p).is_empty(), TIMEOUT);

    // Nothing left to sign off, and nothing offered over a person's code.
    let elsewhere = c
        .request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": lsp_range(AUTH_RS, find(AUTH_RS, "a + b"), U16),
                "context": { "diagnostics": [] },
            }),
        )
        .unwrap();
    let offered = elsewhere.as_array().map_or(0, Vec::len);
    assert_eq!(offered, 0, "{}", pretty(&elsewhere));
    c.shutdown();
}

// 10 --------------------------------------------------------------------------------------

const THREE_LINES: &str = "    let a = 1;\n    let b = 2;\n    let c = 3;\n";

#[test]
fn heuristic_reporting_flags_a_multi_line_insertion_but_not_a_keystroke() {
    let mut c = LspClient::initialized(&["utf-16"], json!({ "aiEditReporting": "heuristic" }));
    let uri = open_auth(&mut c, "heuristic.rs");

    let (l, _) = support::position(AUTH_RS, find(AUTH_RS, BODY).start, U16);
    c.did_change(&uri, 2, vec![change(range(l, 4, l, 4), " ")]);
    let r = c.regions(&uri);
    assert_eq!(
        regions(&r),
        &Vec::<Value>::new(),
        "a keystroke is a person's"
    );

    // Three lines at the start of the body's last line.
    c.did_change(&uri, 3, vec![change(range(l, 0, l, 0), THREE_LINES)]);
    let p = c.wait_for_diagnostics(&uri, |p| p["version"] == 3 && !diags(p).is_empty(), TIMEOUT);
    let d = &diags(&p)[0];
    assert_eq!(d["code"], "auth");
    assert_eq!(d["data"]["origin"]["kind"], "heuristic");
    assert_eq!(d["range"], range(l, 0, l + 3, 0));
    let r = c.regions(&uri);
    assert_eq!(regions(&r).len(), 1, "{}", pretty(&r));
    assert_eq!(regions(&r)[0]["origin"]["kind"], "heuristic");
    c.shutdown();
}

#[test]
fn reporting_off_marks_nothing() {
    let mut c = LspClient::initialized(&["utf-16"], json!({ "aiEditReporting": "off" }));
    let uri = open_auth(&mut c, "off.rs");
    let body = find(AUTH_RS, BODY);
    c.ai_edit(
        &uri,
        1,
        vec![lsp_range(AUTH_RS, body.clone(), U16)],
        copilot(),
    );
    let (l, _) = support::position(AUTH_RS, body.start, U16);
    c.did_change(&uri, 2, vec![change(range(l, 0, l, 0), THREE_LINES)]);
    let r = c.regions(&uri);
    assert_eq!(r["version"], 2);
    assert_eq!(regions(&r), &Vec::<Value>::new(), "{}", pretty(&r));
    let marked = c.execute(
        "redline.markAi",
        json!({ "uri": uri, "ranges": [lsp_range(AUTH_RS, body, U16)], "origin": copilot() }),
    );
    assert!(
        marked.is_err(),
        "markAi is refused when reporting is off: {marked:?}"
    );
    assert_eq!(regions(&c.regions(&uri)), &Vec::<Value>::new());
    c.shutdown();
}

#[test]
fn client_reporting_does_not_guess_from_large_insertions() {
    let mut c = LspClient::initialized(&["utf-16"], json!({ "aiEditReporting": "client" }));
    let uri = open_auth(&mut c, "client.rs");
    let (l, _) = support::position(AUTH_RS, find(AUTH_RS, BODY).start, U16);
    c.did_change(&uri, 2, vec![change(range(l, 0, l, 0), THREE_LINES)]);
    let r = c.regions(&uri);
    assert_eq!(r["version"], 2);
    assert_eq!(regions(&r), &Vec::<Value>::new(), "{}", pretty(&r));
    c.shutdown();
}

// 11 --------------------------------------------------------------------------------------

/// The server is up and the document is as opened: a regions request succeeds, and a valid
/// AI edit over `BODY` lands exactly on it.
fn assert_alive_and_intact(c: &mut LspClient, uri: &str) {
    let r = c.regions(uri);
    assert_eq!(
        regions(&r),
        &Vec::<Value>::new(),
        "nothing was marked: {}",
        pretty(&r)
    );
    let body = lsp_range(AUTH_RS, find(AUTH_RS, BODY), U16);
    let version = r["version"].as_i64().unwrap() as i32;
    c.ai_edit(uri, version, vec![body.clone()], copilot());
    let r = c.regions(uri);
    assert_eq!(regions(&r).len(), 1, "{}", pretty(&r));
    assert_eq!(regions(&r)[0]["range"], body);
    assert_eq!(regions(&r)[0]["findings"][0]["category"], "auth");
}

/// KNOWN SERVER BUG if this fails: tower-lsp-server's reader loop
/// (`while let Some(msg) = framed_stdin.next().await` in its `transport.rs`) ends when the
/// codec returns an error, because tokio-util's `FramedRead` yields `None` right after an
/// error; the server then stops reading stdin and exits.
#[test]
fn malformed_json_is_answered_and_the_server_stays_up() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "malformed.rs");
    c.write_body(br#"{"jsonrpc":"2.0","id":99,"method":"#);
    assert_alive_and_intact(&mut c, &uri);
    let errors = c.orphan_responses();
    assert!(
        errors.iter().any(|e| e["error"]["code"] == -32700),
        "a parse error response: {errors:?}"
    );
    c.shutdown();
}

/// KNOWN SERVER BUG if this fails: same cause as `malformed_json_...`; a body that is JSON
/// but not a JSON-RPC message is a codec error too.
#[test]
fn a_json_body_that_is_not_a_message_is_answered_and_the_server_stays_up() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "notamessage.rs");
    c.write_body(br#"{"hello":"world"}"#);
    assert_alive_and_intact(&mut c, &uri);
    let errors = c.orphan_responses();
    assert!(
        errors.iter().any(|e| e["error"]["code"] == -32600),
        "an invalid request response: {errors:?}"
    );
    c.shutdown();
}

/// KNOWN SERVER BUG if this fails: same cause as `malformed_json_...`; invalid UTF-8 is a
/// codec error too.
#[test]
fn invalid_utf8_in_a_body_does_not_bring_the_server_down() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "utf8.rs");
    let mut body = br#"{"jsonrpc":"2.0","method":"redline/aiEdit","params":{"x":""#.to_vec();
    body.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    body.extend_from_slice(br#""}}"#);
    c.write_body(&body);
    assert_alive_and_intact(&mut c, &uri);
    c.shutdown();
}

#[test]
fn out_of_range_ai_edit_is_logged_and_marks_nothing() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "outofrange.rs");
    let body = lsp_range(AUTH_RS, find(AUTH_RS, BODY), U16);
    // A line past the end; a character past the end of a line; and a valid range paired with
    // a bad one, which must not be half-applied.
    c.ai_edit(&uri, 1, vec![range(100, 0, 101, 0)], copilot());
    c.ai_edit(&uri, 1, vec![range(8, 4, 8, 500)], copilot());
    c.ai_edit(&uri, 1, vec![body, range(8, 0, 300, 0)], copilot());
    let warning = c.wait_for_notification(
        "window/logMessage",
        |p| {
            p["type"] == 2
                && p["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("redline/aiEdit"))
        },
        TIMEOUT,
    );
    assert!(
        warning["message"].as_str().unwrap().contains(uri.as_str()),
        "{warning}"
    );
    assert_alive_and_intact(&mut c, &uri);
    // One warning per bad report.
    let warnings = c
        .notifications("window/logMessage")
        .into_iter()
        .filter(|p| p["type"] == 2)
        .count();
    assert!(warnings >= 3, "a warning for each bad report ({warnings})");
    c.shutdown();
}

#[test]
fn ai_edit_with_wrong_types_is_logged_and_ignored() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "types.rs");
    c.notify(
        "redline/aiEdit",
        json!({
            "textDocument": { "uri": uri, "version": "one" },
            "ranges": "everything",
            "origin": { "tool": 42 },
        }),
    );
    c.notify("redline/aiEdit", json!([1, 2, 3]));
    // A standard notification with params of the wrong shape.
    c.notify("textDocument/didOpen", json!(7));
    c.wait_for_notification(
        "window/logMessage",
        |p| {
            p["type"] == 2
                && p["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("redline/aiEdit"))
        },
        TIMEOUT,
    );
    assert_alive_and_intact(&mut c, &uri);
    c.shutdown();
}

#[test]
fn regions_for_an_unknown_uri_is_an_invalid_params_error() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "known.rs");
    let err = c
        .request(
            "redline/regions",
            json!({ "textDocument": { "uri": file_uri("never-opened.rs") } }),
        )
        .unwrap_err();
    assert_eq!(err["code"], -32602, "{err}");
    // And with params of the wrong shape.
    let err = c
        .request("redline/regions", json!({ "textDocument": 7 }))
        .unwrap_err();
    assert_eq!(err["code"], -32602, "{err}");
    assert_alive_and_intact(&mut c, &uri);
    c.shutdown();
}

#[test]
fn a_change_past_the_end_is_reported_and_does_not_crash_the_server() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "pastend.rs");
    c.did_change(&uri, 2, vec![change(range(500, 0, 501, 3), "boom")]);
    let shown = c.wait_for_notification("window/showMessage", |p| p["type"] == 1, TIMEOUT);
    assert!(
        shown["message"].as_str().unwrap().contains(uri.as_str()),
        "the message names the document: {shown}"
    );
    let r = c.regions(&uri);
    assert_eq!(regions(&r), &Vec::<Value>::new());
    // The server still works for other documents.
    let other = open_auth(&mut c, "pastend-other.rs");
    assert_alive_and_intact(&mut c, &other);
    c.shutdown();
}

#[test]
fn an_unknown_request_is_method_not_found() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "unknown.rs");
    let err = c.request("redline/noSuchThing", json!({})).unwrap_err();
    assert_eq!(err["code"], -32601, "{err}");
    // An unknown notification is ignored.
    c.notify("redline/noSuchNotification", json!({}));
    assert_alive_and_intact(&mut c, &uri);
    c.shutdown();
}

// 12 --------------------------------------------------------------------------------------

#[test]
fn a_change_with_a_stale_version_is_ignored_and_logged() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "stale.rs");
    mark_body(&mut c, &uri);
    c.did_change(&uri, 2, vec![change(range(0, 0, 0, 0), "// v2\n")]);
    let text = format!("// v2\n{AUTH_RS}");
    let body = find(&text, BODY);

    // Version 2 again, and version 1: both would delete the AI text.
    let stale = change(lsp_range(&text, body.clone(), U16), "");
    c.did_change(&uri, 2, vec![stale.clone()]);
    c.did_change(&uri, 1, vec![stale]);
    let logged = c.wait_for_notification(
        "window/logMessage",
        |p| {
            p["message"]
                .as_str()
                .is_some_and(|m| m.contains("ignored didChange"))
        },
        TIMEOUT,
    );
    assert!(
        logged["message"].as_str().unwrap().contains(uri.as_str()),
        "{logged}"
    );

    let r = c.regions(&uri);
    assert_eq!(r["version"], 2);
    assert_eq!(
        regions(&r).len(),
        1,
        "the AI text is still there: {}",
        pretty(&r)
    );
    assert_eq!(regions(&r)[0]["range"], lsp_range(&text, body.clone(), U16));
    let p = c.wait_for_diagnostics(&uri, |p| p["version"] == 2, TIMEOUT);
    assert_eq!(diags(&p).len(), 1);
    assert_eq!(diags(&p)[0]["range"], lsp_range(&text, body, U16));
    c.shutdown();
}

#[test]
fn show_provenance_names_the_lines_the_ai_text_is_on() {
    let mut c = LspClient::initialized(&["utf-16"], json!({}));
    let uri = open_auth(&mut c, "provenance.rs");
    // Whole lines 7-10 (1-based), newline included: the span ends at the start of line 11.
    // (`pub struct` follows a blank line.)
    let function =
        find(AUTH_RS, "pub fn verify_token").start..find(AUTH_RS, "pub struct").start - 1;
    c.ai_edit(&uri, 1, vec![lsp_range(AUTH_RS, function, U16)], copilot());
    // One character on line 4.
    let plus = find(AUTH_RS, "+");
    c.ai_edit(&uri, 1, vec![lsp_range(AUTH_RS, plus, U16)], copilot());
    c.wait_for_diagnostics(&uri, |p| !diags(p).is_empty(), TIMEOUT);
    let shown = c
        .execute("redline.showProvenance", json!({ "uri": uri }))
        .expect("showProvenance");
    let shown = shown.as_str().expect("text");
    assert!(shown.contains("line 4: copilot"), "{shown}");
    assert!(shown.contains("lines 7-10: copilot"), "{shown}");
}

#[test]
fn the_server_accepts_the_stdio_flag_that_clients_pass() {
    let mut c = LspClient::start_with(&["lsp", "--stdio"]);
    c.initialize(&["utf-16"], json!({}));
    c.shutdown();
}

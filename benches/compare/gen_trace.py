#!/usr/bin/env python3
"""Writes a large, realistic Rust file and a deterministic trace of single-character edits.

    gen_trace.py --lines 20000 --edits 500 --out-file big.rs --out-trace trace.json

The file is a service crate flattened into one module: config structs, request handlers,
parsers, storage helpers, and high-impact code scattered through it (unsafe blocks, process
execution, recursive deletes, TLS verification switched off, hard-coded secrets, listeners on
0.0.0.0, token checks), so both the six comparison rules and redline's built-in queries find
things. Everything comes from random.Random(seed): the same arguments give the same bytes.

The trace is what a person types: at a dozen places inside function bodies (several of them in
high-impact functions) a line of code is typed one character at a time, newline included, with
an occasional typo removed by backspace. Each edit is one LSP range change (an insertion of one
character, or the deletion of the one before the cursor), in utf-16 positions (the file is
ASCII). trace.json: {"file_lines": N, "edits": [{"range": {...}, "text": "x"}, ...],
"final_sha256": "..."} where final_sha256 is the text after every edit.
"""

import argparse
import hashlib
import json
import random

IDENTS = ["user", "order", "item", "account", "session", "request", "payload", "record", "entry",
          "batch", "shard", "tenant", "invoice", "metric", "event", "job", "task", "node", "peer"]
TYPES = ["u32", "u64", "usize", "i64", "String", "bool", "f64", "Vec<u8>", "Option<String>"]


def plain_fn(r, i):
    a, b = r.sample(IDENTS, 2)
    t = r.choice(TYPES[:4])
    body = [
        f"/// Computes the {a} {b} score for a batch; pure, no IO.",
        f"pub fn {a}_{b}_score_{i}(items: &[{t}], weight: {t}) -> {t} {{",
        f"    let mut total: {t} = 0;",
        "    for (idx, value) in items.iter().enumerate() {",
        "        if idx % 2 == 0 {",
        "            total = total.wrapping_add(*value);",
        "        } else {",
        "            total = total.wrapping_add(value.wrapping_mul(weight));",
        "        }",
        "    }",
    ]
    for k in range(r.randint(2, 8)):
        body.append(f"    let step_{k} = total.rotate_left({k + 1}) ^ weight;")
        body.append(f"    total = total.wrapping_add(step_{k} % {r.randint(3, 97)});")
    body += ["    total", "}", ""]
    return body


def struct_impl(r, i):
    a = r.choice(IDENTS).capitalize()
    fields = r.sample(["id", "name", "created_at", "updated_at", "owner", "size", "labels",
                       "retries", "timeout_ms", "region", "state", "checksum"], r.randint(3, 7))
    out = ["#[derive(Debug, Clone, PartialEq)]", f"pub struct {a}{i} {{"]
    for f in fields:
        out.append(f"    pub {f}: {r.choice(TYPES)},")
    out += ["}", "", f"impl {a}{i} {{"]
    for f in fields[:3]:
        out += [
            f"    pub fn with_{f}(mut self, value: impl Into<{a}{i}Field>) -> Self {{",
            f"        self.apply(\"{f}\", value.into());",
            "        self",
            "    }",
            "",
        ]
    out += [
        "    fn apply(&mut self, key: &str, _value: impl std::fmt::Debug) {",
        "        match key {",
        "            \"id\" | \"name\" => tracing::debug!(key, \"set\"),",
        "            other => tracing::trace!(other, \"ignored\"),",
        "        }",
        "    }",
        "}",
        "",
    ]
    return out


def handler(r, i):
    a = r.choice(IDENTS)
    return [
        f"pub async fn get_{a}_{i}(",
        "    State(state): State<AppState>,",
        "    Path(id): Path<u64>,",
        ") -> Result<Json<Value>, ApiError> {",
        f"    let row = sqlx::query_as::<_, Row>(\"SELECT * FROM {a}s WHERE id = $1\")",
        "        .bind(id as i64)",
        "        .fetch_optional(&state.pool)",
        "        .await?",
        "        .ok_or(ApiError::NotFound)?;",
        f"    metrics::counter!(\"{a}_reads\").increment(1);",
        "    Ok(Json(json!({ \"id\": row.id, \"name\": row.name })))",
        "}",
        "",
    ]


def risky(r, i):
    kind = r.randrange(8)
    if kind == 0:
        return [
            f"pub fn read_header_{i}(buf: &[u8]) -> u32 {{",
            "    assert!(buf.len() >= 4);",
            "    let value = unsafe { std::ptr::read_unaligned(buf.as_ptr() as *const u32) };",
            "    u32::from_be(value)",
            "}",
            "",
        ]
    if kind == 1:
        return [
            f"pub fn run_migration_tool_{i}(dir: &std::path::Path) -> std::io::Result<()> {{",
            "    let status = std::process::Command::new(\"sh\")",
            "        .arg(\"-c\")",
            "        .arg(format!(\"./migrate --dir {}\", dir.display()))",
            "        .status()?;",
            "    if !status.success() {",
            "        return Err(std::io::Error::other(\"migration failed\"));",
            "    }",
            "    Ok(())",
            "}",
            "",
        ]
    if kind == 2:
        return [
            f"pub fn purge_cache_{i}(root: &std::path::Path) -> std::io::Result<()> {{",
            "    let cache = root.join(\"cache\");",
            "    if cache.exists() {",
            "        std::fs::remove_dir_all(&cache)?;",
            "    }",
            "    std::fs::create_dir_all(&cache)",
            "}",
            "",
        ]
    if kind == 3:
        return [
            f"pub fn upstream_client_{i}(timeout: std::time::Duration) -> reqwest::Client {{",
            "    reqwest::Client::builder()",
            "        .timeout(timeout)",
            "        .danger_accept_invalid_certs(true)",
            "        .build()",
            "        .expect(\"client\")",
            "}",
            "",
        ]
    if kind == 4:
        return [
            f"const UPSTREAM_API_KEY_{i}: &str = \"sk_live_{r.getrandbits(64):016x}\";",
            f"const WEBHOOK_SECRET_{i}: &str = \"whsec_{r.getrandbits(48):012x}\";",
            "",
        ]
    if kind == 5:
        return [
            f"pub async fn serve_admin_{i}(app: Router) -> std::io::Result<()> {{",
            f"    let listener = tokio::net::TcpListener::bind(\"0.0.0.0:{r.randint(8000, 9999)}\").await?;",
            "    axum::serve(listener, app).await",
            "}",
            "",
        ]
    if kind == 6:
        return [
            f"pub fn verify_token_{i}(token: &str, key: &DecodingKey) -> Result<Claims, AuthError> {{",
            "    let mut validation = Validation::new(Algorithm::HS256);",
            "    validation.validate_exp = true;",
            "    let data = jsonwebtoken::decode::<Claims>(token, key, &validation)?;",
            "    if data.claims.role == Role::Admin {",
            "        tracing::info!(sub = %data.claims.sub, \"admin token\");",
            "    }",
            "    Ok(data.claims)",
            "}",
            "",
        ]
    return [
        f"pub fn load_config_{i}() -> Config {{",
        "    let api_key = std::env::var(\"PAYMENTS_API_KEY\").unwrap_or_default();",
        "    let timeout = std::env::var(\"TIMEOUT_MS\").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);",
        "    Config { api_key, timeout_ms: timeout, retries: 3 }",
        "}",
        "",
    ]


def generate(lines_wanted, seed):
    r = random.Random(seed)
    out = [
        "//! Generated by benches/compare/gen_trace.py: a service crate flattened into one file.",
        "use std::collections::HashMap;",
        "use axum::{extract::{Path, State}, Json, Router};",
        "use serde_json::{json, Value};",
        "",
    ]
    i = 0
    while True:
        pick = r.random()
        if pick < 0.40:
            item = plain_fn(r, i)
        elif pick < 0.65:
            item = struct_impl(r, i)
        elif pick < 0.82:
            item = handler(r, i)
        else:
            item = risky(r, i)
        if len(out) + len(item) > lines_wanted - 1:
            break
        out += item
        i += 1
    # Whole items only, so that the file parses cleanly as a real one does (cutting the last
    # item short left an unclosed `impl` that made the whole file one syntax error); comment
    # lines make up the exact length.
    out += ["//"] * (lines_wanted - 1 - len(out))
    return out + ["// end"]


SNIPPETS = [
    "    let retries = config.retries.saturating_add(1);",
    "    tracing::debug!(attempt = retries, \"retrying\");",
    "    let deadline = Instant::now() + Duration::from_millis(250);",
    "    if cache.len() > 1024 { cache.clear(); }",
    "    let key = format!(\"{}:{}\", tenant, id);",
    "    let status = std::process::Command::new(\"git\").arg(\"pull\").status()?;",
    "    let guard = unsafe { &*ptr };",
    "    metrics::histogram!(\"latency_ms\").record(elapsed);",
    "    std::fs::remove_dir_all(&tmp)?;",
    "    let socket = TcpListener::bind(\"0.0.0.0:9090\")?;",
    "    let total = items.iter().map(|x| x.size).sum::<u64>();",
    "    let _ = tx.send(Event::Flushed { count });",
]


def make_trace(lines, n_edits, seed):
    r = random.Random(seed + 1)
    doc = list(lines)
    # Sites: the line after a function's opening line, spread over the file, some in risky code.
    candidates = [k + 1 for k, l in enumerate(doc[:-2]) if l.startswith("pub fn ") or l.startswith("pub async fn ")]
    risky_sites = [k for k in candidates if any(w in doc[k - 1] for w in ("verify_token", "run_migration", "purge_cache", "read_header"))]
    sites = sorted(set(r.sample(candidates, 8) + r.sample(risky_sites, min(4, len(risky_sites)))))
    edits = []
    shift = 0  # lines inserted before the current site by earlier sites
    for s_idx, site in enumerate(sites):
        if len(edits) >= n_edits:
            break
        line = site + shift
        col = 0
        text = r.choice(SNIPPETS) + "\n"
        for ch in text:
            if len(edits) >= n_edits:
                break
            # A typo now and then, removed at once with backspace.
            if ch.isalpha() and r.random() < 0.06 and len(edits) + 3 <= n_edits:
                typo = r.choice("qwertyuiopasdfghjklzxcvbnm")
                edits.append({"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": typo})
                doc[line] = doc[line][:col] + typo + doc[line][col:]
                edits.append({"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + 1}}, "text": ""})
                doc[line] = doc[line][:col] + doc[line][col + 1:]
            edits.append({"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": ch})
            if ch == "\n":
                rest = doc[line][col:]
                doc[line] = doc[line][:col]
                doc.insert(line + 1, rest)
                line += 1
                col = 0
                shift += 1
            else:
                doc[line] = doc[line][:col] + ch + doc[line][col:]
                col += 1
        if s_idx == len(sites) - 1 and len(edits) < n_edits:
            sites.append(r.choice(candidates))  # more sites until the trace is long enough
    # Sites were visited in file order, so later sites' line numbers moved by `shift`; sites
    # appended at the end may lie before earlier ones, so recompute nothing: each edit above was
    # made against the document as it was at that moment.
    return edits[:n_edits], "\n".join(doc) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=20000)
    ap.add_argument("--edits", type=int, default=500)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--out-file", required=True)
    ap.add_argument("--out-trace", required=True)
    args = ap.parse_args()
    lines = generate(args.lines, args.seed)
    text = "\n".join(lines) + "\n"
    with open(args.out_file, "w") as f:
        f.write(text)
    edits, final = make_trace(lines, args.edits, args.seed)
    with open(args.out_trace, "w") as f:
        json.dump({"file_lines": len(lines), "edits": edits,
                   "final_sha256": hashlib.sha256(final.encode()).hexdigest()}, f)
    deletions = sum(1 for e in edits if e["text"] == "")
    print(f"editor: {args.out_file}: {len(lines)} lines, {len(text)} bytes; trace: {len(edits)} edits "
          f"({deletions} deletions)")


if __name__ == "__main__":
    main()

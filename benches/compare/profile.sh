#!/usr/bin/env bash
# Where redline's time goes, next to ast-grep's: the profiles behind benches/compare.sh's figures.
#
#   benches/compare/profile.sh batch RUST_TREE   # redline (the 6 rules) and ast-grep, 1 thread each
#   benches/compare/profile.sh editor            # redline lsp: realistic trace, then steady typing
#
# Needs perf (apt install linux-perf) and the peers installed by benches/compare.sh (same cache).
# The release profile keeps debug info, so frames are named; call graphs use DWARF unwinding.
# Output: perf data and `attribute.py` summaries in a scratch directory that is printed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cache="${REDLINE_COMPARE_CACHE:-$HOME/.cache/redline-compare}"
bin="${CARGO_TARGET_DIR:-$repo/target}/release/redline"
sg_bin="$cache/npm/node_modules/@ast-grep/cli-linux-x64-gnu/ast-grep"
hz=999
out="$(mktemp -d "${TMPDIR:-/tmp}/redline-profile.XXXXXX")"
echo "profiles in $out"
command -v perf >/dev/null || { echo "perf is needed" >&2; exit 1; }

case "${1:-}" in
batch)
    tree="$(cd "$2" && pwd)"
    mkdir -p "$out/cwd-rules/.redline" "$out/sg"
    cp -r "$here/rules/redline" "$out/cwd-rules/.redline/queries"
    cp -r "$here/rules/ast-grep/." "$out/sg/"
    (cd "$out/cwd-rules" && RAYON_NUM_THREADS=1 perf record -q -F $hz --call-graph dwarf,32768 -o "$out/redline.data" \
        "$bin" check --all-ai --format json --fail-on never "$tree" >/dev/null)
    (cd "$out/sg" && perf record -q -F $hz --call-graph dwarf,32768 -o "$out/ast-grep.data" \
        "$sg_bin" scan -j 1 --json=stream "$tree" >/dev/null)
    for t in redline ast-grep; do
        perf script -i "$out/$t.data" -F time,ip,sym >"$out/$t.script" 2>/dev/null
        echo "$t (1 thread, perf -F $hz: a sample is about 1 ms of CPU):"
        python3 "$here/attribute.py" batch "$out/$t.script"
    done
    ;;
editor)
    mkdir -p "$out/ws/src"
    python3 "$here/gen_trace.py" --lines 20000 --edits 500 --out-file "$out/ws/src/big.rs" --out-trace "$out/trace.json"
    python3 "$here/steady_trace.py" --file "$out/ws/src/big.rs" --edits 200 --out "$out/steady.json"
    cp "$out/ws/src/big.rs" "$out/big.rs.orig"
    for t in trace steady; do
        rm -rf "$out/ws" && mkdir -p "$out/ws/src" && cp "$out/big.rs.orig" "$out/ws/src/big.rs" && (cd "$out/ws" && git init -q)
        edits=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['edits']))" "$out/$t.json")
        python3 "$here/replay.py" --server "redline lsp under perf ($t)" --ai-edit \
            --cmd "perf record -q -F 1999 --call-graph dwarf,32768 -o $out/lsp-$t.data $bin lsp" \
            --root "$out/ws" --file "$out/ws/src/big.rs" --trace "$out/$t.json" --out "$out/lsp-$t.json"
        perf script -i "$out/lsp-$t.data" -F time,ip,sym >"$out/lsp-$t.script" 2>/dev/null
        python3 "$here/attribute.py" editor "$out/lsp-$t.script" "$edits" 1999
    done
    ;;
*)
    sed -n '2,9p' "$0"
    exit 2
    ;;
esac

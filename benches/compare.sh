#!/usr/bin/env bash
# Side-by-side benchmark: redline against ast-grep and Semgrep, batch and editor (issue 8, part 1).
#
#   benches/compare.sh                              # everything, about 15 minutes on 2 busy cores
#   REDLINE_COMPARE_RUST_LINES=1000000 benches/compare.sh   # Rust tree size (default 200,000 lines)
#   REDLINE_COMPARE_RUNS=5 benches/compare.sh       # measured runs per configuration (default 3)
#   REDLINE_COMPARE_ONLY=batch|editor benches/compare.sh    # one half only
#   REDLINE_COMPARE_KEEP=1 benches/compare.sh       # keep the scratch directory (trees, outputs)
#
# Peers, installed from the registries into a cache outside the repository
# (REDLINE_COMPARE_CACHE, default ~/.cache/redline-compare):
#   ast-grep  npm install @ast-grep/cli@$AST_GREP_VERSION   (the native binary is run directly)
#   Semgrep   pip install semgrep==$SEMGREP_VERSION in a venv; always run offline: --metrics=off,
#             --disable-version-check, --config benches/compare/rules/semgrep/rules.yml only.
#
# Rules: the same six Rust and six Python detections, written for each tool in
# benches/compare/rules/ (redline: a repository query without `; extends`, which replaces the
# built-in set). Before measuring, every tool is run on benches/compare/fixtures/ and must find
# exactly fixtures/expected.json, so the rule sets are checked to be equivalent.
#
# Batch: the same trees for every tool: real Rust from the cargo registry (whole crates in name
# order, as benches/check.sh picks them) and the Python standard library of python3.11 (without
# its test/ package). Each tool runs with 2 threads (RAYON_NUM_THREADS=2, ast-grep -j 2,
# semgrep --jobs 2); wall, CPU (user+sys) and peak RSS from /usr/bin/time -v, median of the runs,
# as ratios to `redline check --all-ai` with its built-in queries.
#
# Editor: benches/compare/gen_trace.py writes a 20,000-line Rust file and a deterministic trace
# of 500 single-character edits; benches/compare/replay.py replays it closed-loop against
# `redline lsp` and `ast-grep lsp` and reports didChange -> publishDiagnostics, median and p99.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=benches/lib.sh
source "$here/lib.sh"
cmp="$here/compare"
cache="${REDLINE_COMPARE_CACHE:-$HOME/.cache/redline-compare}"
runs="${REDLINE_COMPARE_RUNS:-3}"
rust_lines="${REDLINE_COMPARE_RUST_LINES:-200000}"
only="${REDLINE_COMPARE_ONLY:-all}"
AST_GREP_VERSION="${AST_GREP_VERSION:-0.51.1}"
SEMGREP_VERSION="${SEMGREP_VERSION:-1.185.0}"
threads=2

die() {
    echo "benches/compare.sh: $*" >&2
    exit 1
}
say() { echo "== $*" >&2; }

python="$(command -v python3.11 || command -v python3 || true)"
[[ -n "$python" ]] || die "python3 is needed"

# --- tools ----------------------------------------------------------------------------------------

if [[ ! -x /usr/bin/time ]]; then
    say "installing GNU time (apt)"
    (apt-get update -qq && apt-get install -y -qq time) >/dev/null || die "apt-get install time failed"
fi

mkdir -p "$cache"
sg_bin="$cache/npm/node_modules/@ast-grep/cli-linux-x64-gnu/ast-grep"
if [[ ! -x "$sg_bin" ]] || [[ "$("$sg_bin" --version 2>/dev/null)" != "ast-grep $AST_GREP_VERSION" ]]; then
    say "installing ast-grep $AST_GREP_VERSION (npm @ast-grep/cli) into $cache/npm"
    npm install --silent --no-audit --no-fund --prefix "$cache/npm" "@ast-grep/cli@$AST_GREP_VERSION" >&2
fi
if [[ ! -x "$sg_bin" ]]; then
    # Other platforms: whatever binary the package's launcher points at.
    sg_bin="$cache/npm/node_modules/.bin/ast-grep"
fi
[[ -x "$sg_bin" ]] || die "no ast-grep binary after npm install"

semgrep_bin="$cache/venv/bin/semgrep"
# `semgrep --version` checks for a newer release over the network unless told not to, and can
# hang where there is none.
export SEMGREP_ENABLE_VERSION_CHECK=0 SEMGREP_SEND_METRICS=off
if [[ ! -x "$semgrep_bin" ]] || ! "$semgrep_bin" --version 2>/dev/null | grep -qx "$SEMGREP_VERSION"; then
    say "installing semgrep $SEMGREP_VERSION (pip) into $cache/venv"
    [[ -x "$cache/venv/bin/pip" ]] || "$python" -m venv "$cache/venv"
    "$cache/venv/bin/pip" install -q "semgrep==$SEMGREP_VERSION" >&2
fi

say "building redline: cargo build --release --locked"
(cd "$repo" && cargo build --release --locked --quiet)
bin="${CARGO_TARGET_DIR:-$repo/target}/release/redline"
[[ -x "$bin" ]] || die "no release binary at $bin"

redline_version="$("$bin" --version)"
sg_version="$("$sg_bin" --version)"
semgrep_version="semgrep $(timeout 120 "$semgrep_bin" --version 2>/dev/null || echo "(version unknown)")"
echo "tools:  $redline_version ($bin)"
echo "        $sg_version ($sg_bin)"
echo "        $semgrep_version ($semgrep_bin)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

work="$(mktemp -d "${TMPDIR:-/tmp}/redline-compare.XXXXXX")"
if [[ "${REDLINE_COMPARE_KEEP:-0}" == 1 ]]; then
    echo "scratch: $work (kept)"
else
    trap 'rm -rf "$work"' EXIT
fi

# Working directories for each tool. Outside git, redline's workspace is the current directory:
# cwd-builtin is empty (built-in queries), cwd-rules holds .redline/queries/{rust,python}/risk.scm.
mkdir -p "$work/cwd-builtin" "$work/cwd-rules/.redline" "$work/sg" "$work/semgrep"
cp -r "$cmp/rules/redline" "$work/cwd-rules/.redline/queries"
cp -r "$cmp/rules/ast-grep/." "$work/sg/"
cp "$cmp/rules/semgrep/rules.yml" "$work/semgrep/rules.yml"

semgrep_cmd() { # semgrep_cmd TARGET: the command, run from the target's directory
    echo "$semgrep_bin" scan --metrics=off --disable-version-check --config "$work/semgrep/rules.yml" \
        --jobs "$threads" --json --quiet --max-target-bytes 0 "$1"
}

# --- the rules are equivalent: every tool finds exactly fixtures/expected.json ---------------------

say "checking the rule sets on benches/compare/fixtures"
fx="$work/fixtures"
cp -r "$cmp/fixtures" "$fx"
: >"$fx/.semgrepignore" # semgrep's default ignore list skips tests/ and more; ignore nothing
(cd "$work/cwd-rules" && "$bin" check --all-ai --format json --fail-on never "$fx") >"$work/fx-redline.json"
(cd "$work/sg" && "$sg_bin" scan -j "$threads" --json=stream "$fx") >"$work/fx-sg.json"
(cd "$fx" && $(semgrep_cmd .)) >"$work/fx-semgrep.json"
"$python" "$cmp/check_fixtures.py" "$fx/expected.json" "$work/fx-redline.json" "$work/fx-sg.json" "$work/fx-semgrep.json"

# --- batch -----------------------------------------------------------------------------------------

if [[ "$only" == all || "$only" == batch ]]; then
    src="${REDLINE_COMPARE_RUST_SRC:-}"
    if [[ -z "$src" ]]; then
        src="$(registry_src)"
        [[ -n "$src" ]] || die "no cargo registry sources under ${CARGO_HOME:-$HOME/.cargo}/registry/src; set REDLINE_COMPARE_RUST_SRC"
    fi
    rust="$work/rust"
    list="$work/rust-files"
    copy_crates "$src" "$rust_lines" "$rust" "$list" >/dev/null

    pysrc="${REDLINE_COMPARE_PY_SRC:-$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}"
    py="$work/python"
    mkdir -p "$py"
    (cd "$pysrc" && find . -type f -name '*.py' -not -path './site-packages/*' -not -path './test/*' \
        -not -path './*/test/*' -not -path './*/tests/*' -print0 | tar -cf - --null -T -) | tar -C "$py" -xf -
    # Only UTF-8 files: redline skips others with a warning, the peers may not.
    find "$py" -name '*.py' -print0 | while IFS= read -r -d '' f; do
        iconv -f utf-8 -t utf-8 "$f" >/dev/null 2>&1 || rm -f "$f"
    done
    : >"$rust/.semgrepignore"
    : >"$py/.semgrepignore"

    for t in rust python; do
        d="$work/$t"
        f=$(find "$d" -type f \( -name '*.rs' -o -name '*.py' \) | wc -l)
        l=$(find "$d" -type f \( -name '*.rs' -o -name '*.py' \) -print0 | xargs -0 cat | wc -l)
        b=$(find "$d" -type f \( -name '*.rs' -o -name '*.py' \) -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
        echo "tree $t: $f files, $l lines, $b MB ($([[ $t == rust ]] && echo "$src" || echo "$pysrc"))"
    done

    "$python" - "$work" "$bin" "$sg_bin" "$threads" "$(semgrep_cmd .)" >"$work/runs.json" <<'PY'
import json, sys
work, bin, sg, threads, semgrep = sys.argv[1:6]
semgrep = semgrep.split(" ")
env = {"RAYON_NUM_THREADS": threads}
rl = [bin, "check", "--all-ai", "--format", "json", "--fail-on", "never"]
runs = []
for tree in ("rust", "python"):
    t = f"{work}/{tree}"
    runs += [
        {"name": "redline (built-in queries)", "tool": "redline", "tree": tree,
         "cmd": rl + [t], "cwd": f"{work}/cwd-builtin", "env": env},
        {"name": "redline (the 6 rules)", "tool": "redline", "tree": tree,
         "cmd": rl + [t], "cwd": f"{work}/cwd-rules", "env": env},
        {"name": "ast-grep scan", "tool": "ast-grep", "tree": tree,
         "cmd": [sg, "scan", "-j", threads, "--json=stream", t], "cwd": f"{work}/sg"},
        {"name": "semgrep scan", "tool": "semgrep", "tree": tree,
         "cmd": semgrep, "cwd": t},
    ]
print(json.dumps(runs))
PY
    say "batch: $runs runs each after one warm-up, $threads threads"
    "$python" "$cmp/batch.py" --config "$work/runs.json" --runs "$runs" --work "$work" --out "$work/batch.json"
    "$python" "$cmp/report.py" batch "$work/batch.json"
fi

# --- editor ----------------------------------------------------------------------------------------

if [[ "$only" == all || "$only" == editor ]]; then
    # Two workspaces, each a git repository (as in real use, so redline keeps its ledger in .git):
    # ed-builtin for redline's built-in queries; ed-rules with .redline/queries (the 6 rules) and
    # the ast-grep project (sgconfig.yml + rules/) at its root, where `ast-grep lsp` looks for it.
    ed="$work/editor"
    mkdir -p "$ed/ed-builtin/src" "$ed/ed-rules/src" "$ed/ed-rules/.redline"
    "$python" "$cmp/gen_trace.py" --lines 20000 --edits 500 --out-file "$ed/ed-builtin/src/big.rs" --out-trace "$ed/trace.json"
    cp "$ed/ed-builtin/src/big.rs" "$ed/ed-rules/src/big.rs"
    cp -r "$cmp/rules/redline" "$ed/ed-rules/.redline/queries"
    cp -r "$cmp/rules/ast-grep/." "$ed/ed-rules/"
    (cd "$ed/ed-builtin" && git init -q) && (cd "$ed/ed-rules" && git init -q)
    say "editor: closed-loop replay of 500 edits against each server"
    "$python" "$cmp/replay.py" --server "redline lsp (built-in queries)" --cmd "$bin lsp" --ai-edit \
        --root "$ed/ed-builtin" --file "$ed/ed-builtin/src/big.rs" --trace "$ed/trace.json" --out "$work/editor-redline.json"
    "$python" "$cmp/replay.py" --server "redline lsp (the 6 rules)" --cmd "$bin lsp" --ai-edit \
        --root "$ed/ed-rules" --file "$ed/ed-rules/src/big.rs" --trace "$ed/trace.json" --out "$work/editor-redline-6.json"
    "$python" "$cmp/replay.py" --server "ast-grep lsp (the 6 rules)" --cmd "$sg_bin lsp" \
        --root "$ed/ed-rules" --file "$ed/ed-rules/src/big.rs" --trace "$ed/trace.json" --out "$work/editor-ast-grep.json"
    "$python" "$cmp/report.py" editor "$work/editor-redline.json" "$work/editor-redline-6.json" "$work/editor-ast-grep.json"
fi

#!/usr/bin/env bash
# Benchmark: the commit gate as it runs in practice, `redline check` over files in which an AI
# wrote a few lines each, as opposed to `check --all-ai` (benches/check.sh), which audits
# every line.
#
#   benches/gate.sh                                  # about 1,000 files from the cargo registry
#   REDLINE_GATE_LINES=500000 benches/gate.sh        # at least this many lines (default 200,000)
#   REDLINE_GATE_AI_LINES=40 benches/gate.sh         # AI-written lines per file (default 12)
#   REDLINE_GATE_RUNS=5 benches/gate.sh              # measured runs (default 3)
#   REDLINE_BIN=/path/to/redline benches/gate.sh     # another build (default: cargo build --release)
#
# The tree: whole crates' `.rs` files from the cargo registry, in name order, committed to a
# fresh git repository. In every file the AI-written lines are recorded in the middle of the
# file with `redline record --tool bench PATH:START-END` (into the repository's ledger), then
# `redline check` runs in the working tree with 2 threads: it checks the files with recorded
# AI lines and reports the unreviewed findings. Median wall time of the runs, after one warm-up.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=benches/lib.sh
source "$here/lib.sh"
runs="${REDLINE_GATE_RUNS:-3}"
target_lines="${REDLINE_GATE_LINES:-200000}"
ai_lines="${REDLINE_GATE_AI_LINES:-12}"

die() {
    echo "benches/gate.sh: $*" >&2
    exit 1
}

bin="${REDLINE_BIN:-}"
if [[ -z "$bin" ]]; then
    (cd "$repo" && cargo build --release --locked --quiet)
    bin="${CARGO_TARGET_DIR:-$repo/target}/release/redline"
fi
[[ -x "$bin" ]] || die "no redline binary at $bin"

src="$(registry_src)"
[[ -n "$src" ]] || die "no cargo registry sources under ${CARGO_HOME:-$HOME/.cargo}/registry/src"

work="$(mktemp -d "${TMPDIR:-/tmp}/redline-gate.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tree="$work/repo"
list="$work/files"
read -r lines _ < <(copy_crates "$src" "$target_lines" "$tree" "$list")

cd "$tree"
git init -q
git -c user.name=bench -c user.email=bench@example.com add -A
git -c user.name=bench -c user.email=bench@example.com commit -q --no-verify -m tree

# One span of $ai_lines lines in the middle of every file long enough to hold it.
specs=()
files=0
while IFS= read -r -d '' f; do
    n=$(wc -l <"$f")
    ((n >= ai_lines)) || continue
    start=$((n / 2 - ai_lines / 2 + 1))
    ((start >= 1)) || start=1
    specs+=("${f#./}:$start-$((start + ai_lines - 1))")
    files=$((files + 1))
done < <(find . -name '*.rs' -not -path './.git/*' -print0 | sort -z)
printf '%s\0' "${specs[@]}" | xargs -0 -n 200 "$bin" record --tool bench >/dev/null

echo "redline: $("$bin" --version) ($bin)"
echo "tree: $(tr -cd '\0' <"$list" | wc -c | tr -d ' ') files, $lines lines; AI-written: $ai_lines lines in each of $files files"
echo "machine: $(nproc) cores; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"

time_once() { # milliseconds
    local t0 t1
    t0=$(date +%s%N)
    RAYON_NUM_THREADS=2 "$bin" check --format json --fail-on never >"$work/out.json"
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}
time_once >/dev/null
times=()
for _ in $(seq "$runs"); do
    times+=("$(time_once)")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
summary=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print(s["files_checked"], s["findings"])' "$work/out.json")
echo "check (2 threads): median ${median} ms of $runs runs (${times[*]} ms); files checked, findings: $summary"

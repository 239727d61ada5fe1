#!/usr/bin/env bash
# Benchmark: `redline check --all-ai` on a large real Rust tree, with 1 and 2 threads.
#
#   benches/check.sh                # crates from the cargo registry, about 1,000,000 lines
#   REDLINE_BENCH_LINES=all benches/check.sh      # every crate in the registry
#   REDLINE_BENCH_LINES=300000 benches/check.sh   # at least this many lines (minimum 200,000)
#   REDLINE_BENCH_SRC=/path/to/rust/sources benches/check.sh
#   REDLINE_BENCH_RUNS=5 benches/check.sh         # runs per thread count (default 3)
#
# The tree: the sources the cargo registry holds on this machine (~/.cargo/registry/src/*/),
# whole crates taken in name order until the line target is reached. Only their `.rs` files
# are copied (with their directory layout) into a temporary directory, so the tree is pure
# Rust and the file count, line count and size printed are exactly what redline checks.
#
# Each configuration (RAYON_NUM_THREADS=1, then 2) runs REDLINE_BENCH_RUNS times; the script
# prints the median wall time, files/s and MB/s at that median, and the highest peak resident
# set size of the runs (from /usr/bin/time -v when installed, else from Python's resource
# module). One run before the measured ones warms the page cache.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=benches/lib.sh
source "$here/lib.sh"
runs="${REDLINE_BENCH_RUNS:-3}"
target_lines="${REDLINE_BENCH_LINES:-1000000}"
min_lines=200000

die() {
    echo "benches/check.sh: $*" >&2
    exit 1
}

# --- the tree ---------------------------------------------------------------------------------

src="${REDLINE_BENCH_SRC:-}"
if [[ -z "$src" ]]; then
    src="$(registry_src)"
    [[ -n "$src" ]] || die "no cargo registry sources under ${CARGO_HOME:-$HOME/.cargo}/registry/src; set REDLINE_BENCH_SRC"
fi
[[ -d "$src" ]] || die "$src is not a directory"

work="$(mktemp -d "${TMPDIR:-/tmp}/redline-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir -p "$tree"

# Whole crates (top-level directories) in name order until the target is reached.
list="$work/files"
read -r lines crates first last < <(copy_crates "$src" "$target_lines" "$tree" "$list")

((lines >= min_lines)) || die "$src has only $lines lines of Rust; at least $min_lines are needed"

files=$(find "$tree" -type f -name '*.rs' | wc -l)
bytes=$(find "$tree" -type f -name '*.rs' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "tree: $crates crates ($first .. $last) from $src"
echo "      $files Rust files, $lines lines, $mb MB (copied to $tree)"

# --- the binary -------------------------------------------------------------------------------

echo "building: cargo build --release"
(cd "$repo" && cargo build --release --quiet)
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
bin="$target_dir/release/redline"
[[ -x "$bin" ]] || die "no release binary at $bin"
echo "binary:   $bin ($("$bin" --version))"

# --- measuring --------------------------------------------------------------------------------

# measure OUT_JSON CMD...: runs CMD with stdout to OUT_JSON; prints "seconds peak_kb status".
if [[ -x /usr/bin/time ]]; then
    rss_tool="/usr/bin/time -v"
    measure() {
        local out="$1"
        shift
        local start end status=0
        start=$(date +%s%N)
        /usr/bin/time -v -o "$work/time" "$@" >"$out" 2>"$work/stderr" || status=$?
        end=$(date +%s%N)
        local kb
        kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time")
        echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }') ${kb:-0} $status"
    }
else
    command -v python3 >/dev/null || die "neither /usr/bin/time (apt install time) nor python3 is available"
    rss_tool="python3 resource.getrusage"
    measure() {
        local out="$1"
        shift
        python3 - "$out" "$work/stderr" "$@" <<'PY'
import resource, subprocess, sys, time
out, err, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.monotonic()
with open(out, "wb") as o, open(err, "wb") as e:
    status = subprocess.run(cmd, stdout=o, stderr=e).returncode
wall = time.monotonic() - start
# ru_maxrss is in kilobytes on Linux: the largest child waited for.
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{wall:.3f} {kb} {status}")
PY
    }
fi
echo "peak RSS: $rss_tool"

# Run from an empty directory, outside any repository, so no redline.toml or ledger applies.
cwd="$work/cwd"
mkdir -p "$cwd"
cd "$cwd"

cmd=("$bin" check --all-ai --format json --fail-on never "$tree")
echo "command:  RAYON_NUM_THREADS=N ${cmd[*]}"
echo "warm-up run..."
RAYON_NUM_THREADS=2 "${cmd[@]}" >/dev/null 2>&1 || true

rows=()
for threads in 1 2; do
    times=()
    peak=0
    checked=""
    findings=""
    echo "  threads=$threads: load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)" >&2
    for ((i = 1; i <= runs; i++)); do
        read -r secs kb status < <(RAYON_NUM_THREADS=$threads measure "$work/out.json" "${cmd[@]}")
        if [[ "$status" != 0 ]]; then
            cat "$work/stderr" >&2
            die "redline exited with $status (threads=$threads, run $i)"
        fi
        times+=("$secs")
        ((kb > peak)) && peak=$kb
        checked=$(grep -o '"files_checked": *[0-9]*' "$work/out.json" | grep -o '[0-9]*$')
        findings=$(grep -o '"findings": *[0-9]*' "$work/out.json" | tail -1 | grep -o '[0-9]*$')
        echo "  threads=$threads run $i: ${secs}s, peak RSS $((kb / 1024)) MB" >&2
    done
    [[ "$checked" == "$files" ]] || echo "note: redline checked $checked files of $files" >&2
    median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    rows+=("$(awk -v t="$threads" -v r="$runs" -v m="$median" -v f="$checked" -v b="$bytes" -v p="$peak" -v n="$findings" \
        'BEGIN { printf "%-8s %-6s %10.2f %10.0f %10.2f %12.0f %10s", t, r, m, f / m, b / 1e6 / m, p / 1024, n }')")
done

echo
echo "redline check --all-ai: $files files, $lines lines, $mb MB of Rust ($(nproc 2>/dev/null || echo '?') cores)"
printf '%-8s %-6s %10s %10s %10s %12s %10s\n' threads runs "median s" "files/s" "MB/s" "peak RSS MB" findings
printf '%s\n' "${rows[@]}"

#!/usr/bin/env bash
# Runs every fuzz target for a bounded time: fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
# Exits non-zero if any target finds a crash (its input is left in fuzz/artifacts/<target>/).
#
# cargo-fuzz needs nightly compiler flags (-Zsanitizer=address); on a stable toolchain
# RUSTC_BOOTSTRAP=1 unlocks them. Install the runner once with `cargo install cargo-fuzz`.
set -uo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(text_edits provenance hook_payload config document_edits)
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build || exit 2
failed=()
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "seeds/$t"
    echo "== $t for ${seconds}s"
    cargo fuzz run "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=4096 \
        -print_final_stats=1 >"run-$t.log" 2>&1
    status=$?
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|Done)' "run-$t.log"
    if [ "$status" -ne 0 ]; then
        failed+=("$t")
        tail -40 "run-$t.log"
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "crashes in: ${failed[*]} (inputs in fuzz/artifacts/)"
    exit 1
fi
echo "no crashes"

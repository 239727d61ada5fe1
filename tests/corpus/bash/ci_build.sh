#!/usr/bin/env bash
# CI entry point: lint, test and build the web app. No deployment happens here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

step() {
  echo
  echo "::group::$1"
}

endstep() {
  echo "::endgroup::"
}

step "clean"
rm -rf dist coverage .turbo node_modules/.cache
endstep

step "install"
export npm_config_fund=false
export npm_config_audit=false
npm ci --prefer-offline
endstep

step "lint"
npm run lint -- --max-warnings=0
npx tsc --noEmit
endstep

step "test"
export TZ=UTC
npm test -- --ci --reporters=default --reporters=jest-junit
endstep

step "build"
NODE_ENV=production npm run build
du -sh dist
endstep

step "package"
tar -czf "web-$(git rev-parse --short HEAD).tar.gz" -C dist .
ls -lh ./*.tar.gz
endstep

if [[ -n "${CI:-}" ]]; then
  echo "artifact ready for the deploy pipeline"
fi

#!/usr/bin/env bash
# Runs every test: the core, the CLI and the golden files natively (cargo test), then the
# release page built and driven in headless Chromium. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$PWD/node_modules/.bin:$PATH"

echo "== native tests (library, CLI, golden files, property tests)"
cargo test --all-targets --locked

echo "== release build of the page"
trunk build --release --offline

echo "== the same build hosted under a sub-path (Trunk's --public-url), for tests/browser/public-url.test.mjs"
trunk build --release --offline --public-url /some/path/ --dist target/dist-public-url

echo "== bundle size"
bash scripts/bundle_size.sh

echo "== browser tests (headless Chromium against the release build; the single file in Firefox)"
# The Firefox test speaks WebDriver BiDi through Node's WebSocket (a flag before Node 22).
ws=()
node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' || ws=(--experimental-websocket)
node "${ws[@]}" --test --test-concurrency=1 tests/browser/

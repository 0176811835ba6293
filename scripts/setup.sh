#!/usr/bin/env bash
# Installs what building and testing the page needs, skipping whatever is already there.
# Everything comes from crates.io, npm or Debian: nothing is downloaded from elsewhere.
#   scripts/setup.sh            build tools (wasm target, Trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --browser  also Chromium and ChromeDriver for the browser tests, and
#                               Debian's firefox-esr (the single-file edition's Firefox check)
#                               and shellcheck (which the Azure CLI export's test runs)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen's CLI must match the library version locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (takes a few minutes, once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Without --locked: its lock file pins a crate the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  say "installing wasm-opt (binaryen), esbuild, playwright-core and axe-core from npm"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's Chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/firefox-esr ]; then
  say "installing Debian's firefox-esr (the browser tests open the single-file edition in it)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq firefox-esr >/dev/null
fi

if [ "${1:-}" = "--browser" ] && ! command -v shellcheck >/dev/null; then
  say "installing Debian's shellcheck (cargo test checks the Azure CLI export with it)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq shellcheck >/dev/null
fi

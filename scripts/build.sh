#!/usr/bin/env bash
# Builds the optimised page into dist/ (installing the build tools first if needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release --offline

#!/usr/bin/env bash
# The page benchmark: builds the release page, then drives it in headless Chromium and prints
# medians (first load; a keystroke to the next paint with 0, 1,000, 10,000 and 100,000 existing
# subnets, and 10,000 with the CPU 4× slower). Not a test: nothing is asserted. Takes a few
# minutes; arguments go to scripts/bench_page.mjs (--runs N, --keys N, --only load|keys|N).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/bench_page.mjs "$@"

#!/usr/bin/env bash
# Reports the raw and gzipped (gzip -9) size of every file in dist/, in three groups, and
# FAILS (exit 1) when the first load is over its budget:
#   1. the first load: what a first visit fetches to paint and plan — the HTML, the
#      stylesheet, the page's JavaScript and wasm, the web app manifest;
#   2. fetched after the first load, for offline use: the service worker, which then caches
#      the tools worker (exports, imports: otherwise loaded when first used) and the icons;
#   3. the single-file edition, downloaded only when asked for.
# A file this script does not know is an error: it must be counted somewhere on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
# The target is 150 KB (150,000 bytes gzipped); this build does not reach it (README,
# "Performance and size": where the bytes are, what the next step costs). Until it does, the
# gate is the size reached, with a little room, so that the first load cannot grow unnoticed:
# lower it as the page shrinks. FIRST_LOAD_BUDGET overrides it.
TARGET=150000
BUDGET=${FIRST_LOAD_BUDGET:-310000}
[ -f dist/index.html ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }

first=(); offline=(); single=(); unknown=()
for f in dist/*; do
  case "$(basename "$f")" in
    index.html | ise-planner-web-*.js | ise-planner-web-*_bg.wasm | main-*.css | manifest.webmanifest) first+=("$f") ;;
    sw.js | icon-*.png | ise-planner-tools*) offline+=("$f") ;;
    ise-planner.html) single+=("$f") ;;
    *) unknown+=("$f") ;;
  esac
done
if [ ${#unknown[@]} -gt 0 ]; then
  echo "bundle_size.sh: files in no group: ${unknown[*]}" >&2
  exit 1
fi

total_gz=0
report() { # label, files...
  local label=$1 raw gz sum_raw=0 sum_gz=0
  shift
  for f in "$@"; do
    raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    sum_raw=$((sum_raw + raw)); sum_gz=$((sum_gz + gz))
    printf '%-48s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
  done
  printf '%-48s %10d %10d\n\n' "$label" "$sum_raw" "$sum_gz"
  total_gz=$sum_gz
}
printf '%-48s %10s %10s\n' "file" "raw bytes" "gzip -9"
report "total (first load)" "${first[@]}"
first_gz=$total_gz
report "total (after the first load, for offline use)" "${offline[@]}"
report "total (single-file edition, on request)" "${single[@]}"

if [ "$first_gz" -gt "$BUDGET" ]; then
  echo "FAIL: the first load is $first_gz bytes gzipped, over its budget of $BUDGET bytes." >&2
  exit 1
fi
echo "OK: the first load is $first_gz bytes gzipped, within its budget of $BUDGET bytes."
if [ "$first_gz" -gt "$TARGET" ]; then
  echo "Not yet: the target for the first load is $TARGET bytes ($((first_gz - TARGET)) to go)."
fi

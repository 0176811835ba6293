#!/usr/bin/env bash
# Reports the raw and gzipped (gzip -9) size of every file in dist/, in four groups, and FAILS
# (exit 1) when the first paint, the first load or the whole offline copy is over its budget:
#   1. the first paint: what a visit fetches before the answer is on screen — the HTML (the
#      stylesheet is inside it, and the default design's subnets), the web app manifest, and
#      the first-paint module that a saved design or a share link needs (a first visit does not
#      fetch it: counted anyway, the worst case);
#   2. the full program, fetched once the first paint is on screen; with group 1, the first load;
#   3. fetched after the first load, for offline use: the service worker, which then caches the
#      tools worker (exports, imports, otherwise loaded when first used) and the icons;
#   4. the single-file edition, downloaded only when asked for.
# A file this script does not know is an error: it must be counted somewhere on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
# Budgets: the sizes reached with a little room, so that neither can grow unnoticed (moving
# bytes from the first paint to the full program shows in the second, and from the page to the
# tools worker in the third). Lower them as the page shrinks. FIRST_PAINT_BUDGET,
# FIRST_LOAD_BUDGET and OFFLINE_BUDGET override them.
FIRST_PAINT_BUDGET=${FIRST_PAINT_BUDGET:-110000}
FIRST_LOAD_BUDGET=${FIRST_LOAD_BUDGET:-420000}
OFFLINE_BUDGET=${OFFLINE_BUDGET:-720000}
[ -f dist/index.html ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }

first=(); program=(); offline=(); single=(); unknown=()
for f in dist/*; do
  case "$(basename "$f")" in
    index.html | ise-planner-first.js | ise-planner-first_bg.wasm | manifest.webmanifest) first+=("$f") ;;
    ise-planner-web-*.js | ise-planner-web-*_bg.wasm) program+=("$f") ;;
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
report "total (first paint)" "${first[@]}"
first_gz=$total_gz
report "total (the full program, after the first paint)" "${program[@]}"
load_gz=$((first_gz + total_gz))
printf '%-48s %10s %10d\n\n' "total (first load: first paint + full program)" "" "$load_gz"
report "total (after the first load, for offline use)" "${offline[@]}"
offline_gz=$((load_gz + total_gz))
printf '%-48s %10s %10d\n\n' "total (the offline copy: first load + the above)" "" "$offline_gz"
report "total (single-file edition, on request)" "${single[@]}"

status=0
if [ "$first_gz" -gt "$FIRST_PAINT_BUDGET" ]; then
  echo "FAIL: the first paint is $first_gz bytes gzipped, over its budget of $FIRST_PAINT_BUDGET bytes." >&2
  status=1
fi
if [ "$load_gz" -gt "$FIRST_LOAD_BUDGET" ]; then
  echo "FAIL: the first load is $load_gz bytes gzipped, over its budget of $FIRST_LOAD_BUDGET bytes." >&2
  status=1
fi
if [ "$offline_gz" -gt "$OFFLINE_BUDGET" ]; then
  echo "FAIL: the offline copy is $offline_gz bytes gzipped, over its budget of $OFFLINE_BUDGET bytes." >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "OK: the first paint is $first_gz bytes gzipped (budget $FIRST_PAINT_BUDGET, target 150,000); the first load $load_gz (budget $FIRST_LOAD_BUDGET); the offline copy $offline_gz (budget $OFFLINE_BUDGET)."
exit "$status"

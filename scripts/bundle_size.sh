#!/usr/bin/env bash
# Reports the raw and gzipped size of every file in dist/: first the first load (the HTML,
# the CSS, the page's JavaScript and wasm), then the tools worker's files, which the page
# loads only when an export or an import is first used.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }
report() { # label, files...
  local label=$1 raw gz total_raw=0 total_gz=0
  shift
  for f in "$@"; do
    raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '%-48s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
  done
  printf '%-48s %10d %10d\n' "$label" "$total_raw" "$total_gz"
}
first=(); worker=()
for f in dist/*; do
  case "$(basename "$f")" in
    ise-planner-tools*) worker+=("$f") ;;
    *) first+=("$f") ;;
  esac
done
printf '%-48s %10s %10s\n' "file" "raw bytes" "gzip -9"
report "total (first load)" "${first[@]}"
if [ ${#worker[@]} -gt 0 ]; then
  echo
  report "total (tools worker, loaded on first use)" "${worker[@]}"
fi

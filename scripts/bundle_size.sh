#!/usr/bin/env bash
# Reports the raw and gzipped size of every file in dist/ and of the whole first load.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }
printf '%-48s %10s %10s\n' "file" "raw bytes" "gzip -9"
total_raw=0; total_gz=0
for f in dist/*; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' "total (first load)" "$total_raw" "$total_gz"

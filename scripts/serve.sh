#!/usr/bin/env bash
# Builds the page and serves dist/ on http://127.0.0.1:${PORT:-8080}/ — a plain static
# server, as any web host would be (no live-reload script, no back end).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
PORT=${PORT:-8080}
echo "ISE Network Planner: http://127.0.0.1:$PORT/  (Ctrl-C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist

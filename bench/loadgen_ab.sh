#!/usr/bin/env bash
# A/B of load generator binaries (the generator shares the box, so its CPU is part of every
# capacity figure): each NAME=BIN runs `run --users USERS` for RUN_SECONDS against the same server
# binary on a fresh copy of one seeded server folder, and writes OUT/NAME.json (its report:
# latencies, events, usage.loadgen_cpu_mean_percent).
#   bench/loadgen_ab.sh DATA NAME=BIN...
# DATA: a server folder already seeded (e.g. OUT/data of bench/profile_users.sh, which seeds
# USERS*10 posts and USERS*2 reactions). Environment: USERS (3000, at most the seeded count),
# RUN_SECONDS (300, ramp included), PORT (18465), OUT (/tmp/parley-loadgen-ab), SERVER (build/parley).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/server_lib.sh"
data=$1; shift
USERS=${USERS:-3000}; RUN_SECONDS=${RUN_SECONDS:-300}; PORT=${PORT:-18465}
OUT=${OUT:-/tmp/parley-loadgen-ab}; SERVER=${SERVER:-$ROOT/build/parley}
ulimit -n "$(ulimit -Hn)"
mkdir -p "$OUT"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$OUT/data"' EXIT
for arm in "$@"; do
  name=${arm%%=*}; bin=${arm#*=}
  rm -rf "$OUT/data" && cp -a "$data" "$OUT/data"
  start_server "$OUT/data" "$SERVER"
  "$bin" run --url "http://127.0.0.1:$PORT" --server-pid "$PID" --users "$USERS" --seconds "$RUN_SECONDS" \
    --sources 8 --ramp-per-second 15 --threads 2 >"$OUT/$name.json" 2>"$OUT/$name.log"
  stop_server; PID=""
  jq -c --arg arm "$name" '{arm: $arm, mean_ms: .thresholds.mean_ms, p99_ms: .thresholds.p99_ms,
    posted: .stats.events.posted, loadgen_cpu: .usage.loadgen_cpu_mean_percent,
    server_cpu: .usage.server_cpu_mean_percent}' "$OUT/$name.json"
done

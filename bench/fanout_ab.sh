#!/usr/bin/env bash
# Interleaved fan-out runs (figure 2: `parley_loadgen fanout`, CONNECTIONS listeners in one
# channel, 4 posters) for one or more Parley binaries (before/after a change). Each round starts
# each binary on a fresh copy of a seeded data folder; prints deliveries/s, the server's CPU per
# delivery (from the first post to the last delivery, /proc utime+stime) and the ratio to the
# bare broadcast of the same run, then medians. The CPU per delivery moves less than the rate
# when other work shares the cores.
#   bench/fanout_ab.sh ROUNDS BINARY ...
# Environment: WORK (default /tmp/parley-fanout-ab), CONNECTIONS (10000), PER_POSTER (25 messages
# per poster), POST_INTERVAL_MS (0: back to back; 1000 spaces the posts out so that each delivery
# is written alone, as in the capacity run), PORT (28565), DATA (a seeded server folder; by
# default the first binary seeds 200 users into WORK/data once).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=$1; shift
BINS=(); for b in "$@"; do BINS+=("$(realpath "$b")"); done; set -- "${BINS[@]}"
W=${WORK:-/tmp/parley-fanout-ab}; PORT=${PORT:-28565}; URL=http://127.0.0.1:$PORT
CONNECTIONS=${CONNECTIONS:-10000}; PER_POSTER=${PER_POSTER:-25}; POST_INTERVAL_MS=${POST_INTERVAL_MS:-0}
LOADGEN=${LOADGEN:-$ROOT/build/parley_loadgen}
ulimit -n "$(ulimit -Hn)"
mkdir -p "$W"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$W/run"; true' EXIT
# shellcheck source=bench/server_lib.sh
. "$ROOT/bench/server_lib.sh"

DATA=${DATA:-$W/data}
if [ ! -d "$DATA" ]; then
  mkdir -p "$DATA"
  start_server "$DATA" "$1"
  "$LOADGEN" seed --url "$URL" --users 200 --posts 2000 --reactions 200 >/dev/null
  stop_server; rm -f "$DATA/server.log"
fi

declare -A rates cpus ratios
for r in $(seq 1 "$ROUNDS"); do
  for bin in "$@"; do
    rm -rf "$W/run"; cp -a "$DATA" "$W/run"
    start_server "$W/run" "$bin"
    out=$("$LOADGEN" fanout --url "$URL" --users 100 --connections "$CONNECTIONS" \
      --seconds "$PER_POSTER" --post-interval-ms "$POST_INTERVAL_MS" --sources 4 --server-pid "$PID" \
      2>/dev/null | tail -1)
    stop_server; PID=""
    rate=$(jq '.parley.deliveries_per_second | round' <<<"$out")
    cpu=$(jq '.server_cpu_us_per_delivery * 100 | round / 100' <<<"$out")
    ratio=$(jq '.ratio * 100 | round / 100' <<<"$out")
    echo "round $r $bin: $rate deliveries/s, $cpu us CPU/delivery, ratio $ratio ($(jq -c '{listeners, delivered: .parley.delivered, bare: (.bare_broadcast.deliveries_per_second | round)}' <<<"$out"))"
    rates[$bin]+="$rate "; cpus[$bin]+="$cpu "; ratios[$bin]+="$ratio "
  done
done
for bin in "$@"; do
  echo "median $bin: $(tr ' ' '\n' <<<"${rates[$bin]}" | grep . | median) deliveries/s," \
    "$(tr ' ' '\n' <<<"${cpus[$bin]}" | grep . | median) us CPU/delivery," \
    "ratio $(tr ' ' '\n' <<<"${ratios[$bin]}" | grep . | median)"
done

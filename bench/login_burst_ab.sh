#!/usr/bin/env bash
# A/B of a login burst for several server binaries on the same seeded SQLite data:
#   bench/login_burst_ab.sh ROUNDS BIN...
# Seeds USERS users once (with the first binary; 5,000 posts, 1,000 reactions), then every round
# runs every binary on a fresh copy: `parley_loadgen run --users $USERS --ramp-per-second $RAMP
# --seconds 20`, so the first users act while the later ones log in. Prints, over the whole run
# (the logins included, unlike the capacity steps): the other requests' count, mean and
# timeouts; the logins' mean, p99 and timeouts (30 s); opening the WebSocket; users in.
# Environment: USERS (2500), RAMP (40 logins/s; the 2-core box hashes ~40/s with nothing else
# to do), PORT (29102), WORK (/tmp/login-burst-ab), LOADGEN.
set -euo pipefail
rounds=$1; shift
bins=(); for b in "$@"; do bins+=("$(realpath "$b")"); done; set -- "${bins[@]}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOADGEN=${LOADGEN:-$ROOT/build/parley_loadgen}
PORT=${PORT:-29102}
USERS=${USERS:-2500}
W=${WORK:-/tmp/login-burst-ab}
mkdir -p "$W"
ulimit -n "$(ulimit -Hn)"
source "$ROOT/bench/server_lib.sh"
if [ ! -d "$W/tpl" ]; then
  mkdir -p "$W/tpl"
  start_server "$W/tpl" "$1"
  "$LOADGEN" seed --url "http://127.0.0.1:$PORT" --users "$USERS" --posts 5000 --reactions 1000 >/dev/null
  stop_server
fi
n=0
for r in $(seq "$rounds"); do
  for bin in "$@"; do
    n=$((n + 1)); d=$W/run$n; rm -rf "$d"; cp -a "$W/tpl" "$d"
    start_server "$d" "$bin"
    "$LOADGEN" run --url "http://127.0.0.1:$PORT" --server-pid $PID --users "$USERS" --seconds 20 \
      --sources 8 --ramp-per-second "${RAMP:-40}" --posts 5000 --reactions 1000 \
      --report "$d/report.json" >/dev/null 2>&1
    stop_server
    echo "round $r $bin $(jq -c '.stats.routes as $r | ([$r | to_entries[]
      | select(.key != "POST /users/login" and .key != "WS /websocket") | .value]) as $o
      | {users, others: ($o | map(.count) | add),
         others_mean_ms: (($o | map(.mean_ms * .count) | add) / ($o | map(.count) | add) | floor),
         others_timeouts: ($o | map(.timeouts) | add),
         login_mean_ms: ($r["POST /users/login"].mean_ms | floor),
         login_p99_ms: ($r["POST /users/login"].p99_ms | floor),
         login_timeouts: $r["POST /users/login"].timeouts,
         websocket_mean_ms: ($r["WS /websocket"].mean_ms | floor)}' "$d/report.json")"
    rm -rf "$d"
  done
done

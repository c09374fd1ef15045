#!/usr/bin/env bash
# Where simulated users spend the server's CPU: a fresh SQLite server, `parley_loadgen run` with
# USERS users (load-test-ng's user model), and once every user holds its WebSocket,
# `perf record` of the server (or, with PROFILE=loadgen, of the load generator, which shares the
# box; PROFILE=both records the two processes in one file) for PERF_SECONDS. Leaves OUT/perf.data
# (read it with `perf report -i OUT/perf.data --children --sort sym`, and `--pid` for one
# process of two) and OUT/report.json (the run's latencies and usage).
#   USERS (default 2000), PERF_SECONDS (30), OUT (default /tmp/parley-profile), PORT (18365),
#   PROFILE (server), LOADGEN_THREADS (2), POSTS and REACTIONS (10 and 2 per user, seeded unless
#   DATA already holds USERS users), DATA (a server folder already
#   seeded, e.g. an earlier OUT/data: copied instead of seeding anew, which takes ~15 minutes at
#   6,000 users)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
USERS=${USERS:-2000}; PERF_SECONDS=${PERF_SECONDS:-30}; OUT=${OUT:-/tmp/parley-profile}; PORT=${PORT:-18365}
PROFILE=${PROFILE:-server}; LOADGEN_THREADS=${LOADGEN_THREADS:-2}
POSTS=${POSTS:-$((USERS * 10))}; REACTIONS=${REACTIONS:-$((USERS * 2))}
command -v perf >/dev/null || { echo "perf is missing (Debian: linux-perf)" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)"
rm -rf "$OUT"; mkdir -p "$OUT"
if [ -n "${DATA:-}" ]; then cp -a "$DATA" "$OUT/data"; else mkdir "$OUT/data"; fi
PID=""; LG=""
cleanup() {
  if [ -n "$LG" ]; then kill "$LG" 2>/dev/null || true; fi
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
(cd "$OUT/data" && MM_SERVICESETTINGS_LISTENADDRESS=127.0.0.1:$PORT MM_TEAMSETTINGS_MAXUSERSPERTEAM=100000 \
  MM_LOGSETTINGS_ENABLECONSOLE=${CONSOLE_LOG:-false} MM_LOGSETTINGS_CONSOLELEVEL=${CONSOLE_LEVEL:-INFO} exec "$BUILD/parley" >"$OUT/server.log" 2>&1) &
PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/v4/system/ping"; do sleep 0.1; done
"$BUILD/parley_loadgen" run --url "http://127.0.0.1:$PORT" --server-pid "$PID" --users "$USERS" \
  --seconds $((PERF_SECONDS + 20)) --sources 8 --ramp-per-second 15 --posts "$POSTS" \
  --reactions "$REACTIONS" --threads "$LOADGEN_THREADS" >"$OUT/report.json" 2>"$OUT/loadgen.log" &
LG=$!
# Every user in (the generator says so once its ramp is over): counting established sockets
# would count the HTTP connections the users share too, and start recording during the ramp,
# whose bcrypt checks would fill the profile.
until grep -q "users started" "$OUT/loadgen.log"; do
  kill -0 "$LG" 2>/dev/null || { echo "load generator ended early: $OUT/loadgen.log" >&2; exit 1; }
  sleep 2
done
sleep 10
case $PROFILE in
  loadgen) TARGET=$LG ;;
  both) TARGET=$PID,$LG; echo "server $PID, load generator $LG" >"$OUT/pids" ;;
  *) TARGET=$PID ;;
esac
perf record -F 199 --call-graph dwarf,16384 -p "$TARGET" -o "$OUT/perf.data" -- sleep "$PERF_SECONDS" 2>/dev/null
wait "$LG"; LG=""
echo "perf data: $OUT/perf.data; run report: $OUT/report.json"

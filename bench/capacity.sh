#!/usr/bin/env bash
# Capacity (`make bench-capacity`, long): the largest number of simulated users (load-test-ng's
# user model, bench/loadgen) one box holds - server, database and load generator together -
# under Mattermost's thresholds (5xx < 0.025 %, timeouts < 0.025 %, mean < 100 ms, p99 < 2 s,
# server CPU < 85 %), on SQLite and on PostgreSQL. Users are added in steps; a step is judged
# after its logins. Results: bench/results/capacity.json (override with BENCH_OUT).
#   MAX_USERS (default 9000), START_USERS (1500), STEP_USERS (1500), STEP_SECONDS (60), RAMP (10
#   logins/s: each costs a bcrypt verification, ~60-80 ms of CPU; at 15/s on top of 7,500 active
#   users the checks fell behind and logins timed out), SERVER_PORT (18265), POSTS (10 per user)
#   and REACTIONS (2 per user) seeded, LOADGEN_THREADS (4: with fewer event loops the
#   generator's own queue - its loadgen_max_lag_ms per step - delayed its requests and WebSocket
#   challenges by seconds, measured as the server's latency), LOG_LEVEL (the server's file log
#   level, INFO; DEBUG adds WebSocket and login drops) and KEEP_LOGS (a folder that keeps each
#   backend's server log as <backend>.log).
# Every simulated user holds its WebSocket; its HTTP requests go over keep-alive connections shared
# by the users of a generator thread (load-test-ng's agent shares one http.Transport: 100 idle
# kept), so a process's open-file limit (20,000 on this machine, hard) caps a step near 19,000
# users, server and generator alike.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
OUT=${BENCH_OUT:-$ROOT/bench/results/capacity.json}
MAX_USERS=${MAX_USERS:-9000}
START_USERS=${START_USERS:-1500}
STEP_USERS=${STEP_USERS:-1500}
STEP_SECONDS=${STEP_SECONDS:-60}
RAMP=${RAMP:-10}
SERVER_PORT=${SERVER_PORT:-18265}
POSTS=${POSTS:-$((MAX_USERS * 10))}
REACTIONS=${REACTIONS:-$((MAX_USERS * 2))}
LOADGEN_THREADS=${LOADGEN_THREADS:-4}
LOG_LEVEL=${LOG_LEVEL:-INFO}
KEEP_LOGS=${KEEP_LOGS:-}
WORK=$(mktemp -d /tmp/parley-capacity.XXXXXX)
chmod 755 "$WORK"  # the PostgreSQL cluster runs as the postgres user
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
  [ -d "$WORK/pg" ] && "$ROOT/scripts/pg-cluster.sh" stop "$WORK/pg" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)"

run_backend() {
  local name=$1; shift
  mkdir -p "$WORK/$name"
  env -C "$WORK/$name" MM_SERVICESETTINGS_LISTENADDRESS=127.0.0.1:$SERVER_PORT MM_TEAMSETTINGS_MAXUSERSPERTEAM=100000 \
    MM_LOGSETTINGS_ENABLECONSOLE=false MM_LOGSETTINGS_FILELEVEL="$LOG_LEVEL" "$@" "$BUILD/parley" >"$WORK/$name/server.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null http://127.0.0.1:$SERVER_PORT/api/v4/system/ping; do sleep 0.05; done
  "$BUILD/parley_loadgen" unbounded --url http://127.0.0.1:$SERVER_PORT --server-pid "$PID" --users "$MAX_USERS" \
    --start-users "$START_USERS" --step-users "$STEP_USERS" --step-seconds "$STEP_SECONDS" --sources 8 \
    --ramp-per-second "$RAMP" --posts "$POSTS" --reactions "$REACTIONS" --threads "$LOADGEN_THREADS" | tail -1
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  if [ -n "$KEEP_LOGS" ]; then mkdir -p "$KEEP_LOGS" && cp "$WORK/$name/logs/parley.log" "$KEEP_LOGS/$name.log"; fi
}

# BACKENDS (default "sqlite postgres") picks the runs; a skipped one is null in the results.
BACKENDS=${BACKENDS:-sqlite postgres}
sqlite=null
postgres=null
if [[ " $BACKENDS " == *" sqlite "* ]]; then
  sqlite=$(run_backend sqlite)
fi
if [[ " $BACKENDS " == *" postgres "* ]]; then
  PG_URL=$(PG_DURABLE=1 "$ROOT/scripts/pg-cluster.sh" start "$WORK/pg")  # fsync on
  PORT=${PG_URL#*@}; PORT=${PORT%%/*}; PORT=${PORT##*:}
  psql -q -h "$WORK/pg" -p "$PORT" -U postgres -d postgres -c "ALTER SYSTEM SET fsync = on" \
    -c "ALTER SYSTEM SET synchronous_commit = on" -c "SELECT pg_reload_conf()" -c "CREATE DATABASE parley_capacity" >/dev/null
  postgres=$(run_backend postgres MM_SQLSETTINGS_DRIVERNAME=postgres \
    MM_SQLSETTINGS_DATASOURCE="postgres://postgres@127.0.0.1:$PORT/parley_capacity?sslmode=disable")
fi
mkdir -p "$(dirname "$OUT")"
jq -n --argjson s "$sqlite" --argjson p "$postgres" --arg date "$(date -u +%FT%TZ)" \
  --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
  '{date: $date, load_average_at_end: $load, sqlite: $s, postgres: $p}' | tee "$OUT"

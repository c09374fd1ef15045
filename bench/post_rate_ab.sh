#!/usr/bin/env bash
# A/B of the post rate (figure 4) for several server binaries on the same seeded data:
#   bench/post_rate_ab.sh sqlite|pg ROUNDS BIN...
# Every round runs every binary, in order, on a fresh copy of one seeded data set (seeded once
# with the first binary: 40 users, 400 posts, 100 reactions, 4 public and 2 private channels),
# then `parley_loadgen post-rate --users 40 --connections 16 --seconds $SECONDS_PER_RUN`.
# Prints acknowledged posts/s, the server's CPU per post over the posting window (utime +
# stime, --server-pid) and, for pg, the CPU of the cluster's processes per post (sampled
# around the whole loadgen run, so its 16 logins are included).
# pg needs a running cluster: PG_DIR=DIR after `PG_DURABLE=1 scripts/pg-cluster.sh start DIR`.
# Environment: PORT (29101), WORK (/tmp/post-rate-ab), SECONDS_PER_RUN (8), LOADGEN; SEED_ARGS and
# RATE_USERS for another data set (make bench's: SEED_ARGS="--users 200 --posts 6000 --reactions
# 1000 --public-channels 10 --private-channels 5" RATE_USERS=200, with its own WORK).
set -euo pipefail
kind=$1; rounds=$2; shift 2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOADGEN=${LOADGEN:-$ROOT/build/parley_loadgen}
PORT=${PORT:-29101}
W=${WORK:-/tmp/post-rate-ab}/$kind
mkdir -p "$W"
if [ "$kind" = pg ]; then
  PG_DIR=${PG_DIR:?PG_DIR: a cluster started by scripts/pg-cluster.sh}
  PGPORT=$(cat "$PG_DIR/port")
  PSQL=(psql -q -h "$PG_DIR" -p "$PGPORT" -U postgres)
  dsn() { echo "postgres://postgres@127.0.0.1:$PGPORT/$1?sslmode=disable"; }
fi
source "$ROOT/bench/server_lib.sh"
pg_ticks() { # utime + stime of the cluster's processes, in clock ticks
  local pm
  pm=$(head -1 "$PG_DIR/data/postmaster.pid")
  ticks "$pm" $(pgrep -P "$pm")
}
if [ ! -d "$W/tpl" ]; then
  mkdir -p "$W/tpl"
  if [ "$kind" = pg ]; then
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE parley_ab_tpl" >/dev/null
    start_server "$W/tpl" "$1" MM_SQLSETTINGS_DRIVERNAME=postgres MM_SQLSETTINGS_DATASOURCE="$(dsn parley_ab_tpl)"
  else
    start_server "$W/tpl" "$1"
  fi
  # shellcheck disable=SC2086
  "$LOADGEN" seed --url "http://127.0.0.1:$PORT" ${SEED_ARGS:---users 40 --posts 400 --reactions 100 \
    --public-channels 4 --private-channels 2} >/dev/null
  stop_server
fi
hz=$(getconf CLK_TCK)
n=0
for r in $(seq "$rounds"); do
  for bin in "$@"; do
    n=$((n + 1)); d=$W/run$n; rm -rf "$d"; cp -a "$W/tpl" "$d"
    if [ "$kind" = pg ]; then
      "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS parley_ab_$n" \
        -c "CREATE DATABASE parley_ab_$n TEMPLATE parley_ab_tpl" >/dev/null
      start_server "$d" "$bin" MM_SQLSETTINGS_DRIVERNAME=postgres MM_SQLSETTINGS_DATASOURCE="$(dsn parley_ab_$n)"
      db0=$(pg_ticks)
    else
      start_server "$d" "$bin"
    fi
    out=$("$LOADGEN" post-rate --url "http://127.0.0.1:$PORT" --users "${RATE_USERS:-40}" --connections 16 \
      --seconds "${SECONDS_PER_RUN:-8}" --server-pid $PID 2>/dev/null | tail -1)
    db=0
    [ "$kind" = pg ] && db=$(( $(pg_ticks) - db0 ))
    stop_server
    [ "$kind" = pg ] && "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS parley_ab_$n" >/dev/null
    rm -rf "$d"
    echo "round $r $bin load=$(cut -d' ' -f1 /proc/loadavg) $(jq -c --argjson db "$db" --argjson hz "$hz" \
      '{posts_per_second, server_cpu_us_per_post, db_cpu_us_per_post: ($db * 1e6 / $hz / .acknowledged), errors}' <<<"$out")"
  done
done

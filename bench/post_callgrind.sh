#!/usr/bin/env bash
# Instructions Parley executes inside POST /posts per acknowledged post, under callgrind
# (repeatable on a noisy machine, unlike times):
#   bench/post_callgrind.sh sqlite|pg BIN TAG
# Runs BIN under `valgrind --tool=callgrind --toggle-collect='*api*create_post*'` (the handler,
# with the group commit its thread leads for others) on a copy of the data seeded by
# bench/post_rate_ab.sh (run that first, same WORK and PG_DIR), then `parley_loadgen post-rate
# --users $CONN --connections $CONN --seconds $SECONDS_PER_RUN` (16 and 20 by default).
# Environment: PORT (29103), WORK (/tmp/post-rate-ab), PG_DIR, CONN, SECONDS_PER_RUN, LOADGEN.
set -euo pipefail
kind=$1; bin=$2; tag=$3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOADGEN=${LOADGEN:-$ROOT/build/parley_loadgen}
PORT=${PORT:-29103}
WORK=${WORK:-/tmp/post-rate-ab}
CONN=${CONN:-16}
W=$WORK/callgrind-$tag; rm -rf "$W"; cp -a "$WORK/$kind/tpl" "$W"
envs=()
if [ "$kind" = pg ]; then
  PGPORT=$(cat "${PG_DIR:?PG_DIR}/port")
  PSQL=(psql -q -h "$PG_DIR" -p "$PGPORT" -U postgres)
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS parley_cg_$tag" \
    -c "CREATE DATABASE parley_cg_$tag TEMPLATE parley_ab_tpl" >/dev/null
  envs=(MM_SQLSETTINGS_DRIVERNAME=postgres
        MM_SQLSETTINGS_DATASOURCE="postgres://postgres@127.0.0.1:$PGPORT/parley_cg_$tag?sslmode=disable")
fi
env -C "$W" MM_SERVICESETTINGS_LISTENADDRESS=127.0.0.1:$PORT MM_TEAMSETTINGS_MAXUSERSPERTEAM=100000 \
  MM_LOGSETTINGS_ENABLECONSOLE=false "${envs[@]}" valgrind --tool=callgrind \
  --callgrind-out-file="$W/callgrind.out" --toggle-collect='*api*create_post*' "$bin" \
  >"$W/server.log" 2>&1 &
PID=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/v4/system/ping"; do sleep 0.5; done
out=$("$LOADGEN" post-rate --url "http://127.0.0.1:$PORT" --users "$CONN" --connections "$CONN" \
  --seconds "${SECONDS_PER_RUN:-20}" 2>/dev/null | tail -1)
kill $PID; wait $PID 2>/dev/null || true
posts=$(jq .acknowledged <<<"$out")
ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$W/callgrind.out")
echo "$tag $kind posts=$posts instructions=$ir per_post=$((ir / posts)) (profile: $W/callgrind.out)"
[ "$kind" = pg ] && "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS parley_cg_$tag" >/dev/null
true

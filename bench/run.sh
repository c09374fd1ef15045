#!/usr/bin/env bash
# The quick benchmark set (`make bench`, under 10 minutes on 2 cores). Every figure is measured
# beside its ceiling in the same run and reported as a ratio; results go to
# bench/results/latest.json (override with BENCH_OUT) and a summary to stdout.
#   1. authenticated GET /users/me and GET /channels/{id}/posts (60 posts) with wrk, against nginx
#      serving files of the same bytes
#   2. fan-out of posted events to 10,000 WebSockets, against a bare broadcast of the same frames
#   3. server RSS per idle authenticated WebSocket
#   4. acknowledged posts/s on SQLite and PostgreSQL, against raw single-row inserts of the same
#      rows by sqlite3 / psql
#   5. cold start to first successful ping, idle RSS, binary size
# Capacity (simulated users under Mattermost's thresholds) is bench/capacity.sh (long).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
PARLEY=$BUILD/parley
LOADGEN=$BUILD/parley_loadgen
OUT=${BENCH_OUT:-$ROOT/bench/results/latest.json}
FANOUT_CONNECTIONS=${FANOUT_CONNECTIONS:-10000}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-10000}
WORK=$(mktemp -d /tmp/parley-bench.XXXXXX)
chmod 755 "$WORK"  # the PostgreSQL cluster runs as the postgres user
PORT=18165
NGINX_PORT=18166
PG_PORT_PARLEY=18167
PIDS=()

cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -d "$WORK/pg" ] && "$ROOT/scripts/pg-cluster.sh" stop "$WORK/pg" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

missing=()
for p in wrk nginx-light jq sqlite3 postgresql; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
ulimit -n "$(ulimit -Hn)"
# shellcheck source=bench/http_fixture.sh
. "$ROOT/bench/http_fixture.sh"

now_ns() { date +%s%N; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
json() { jq -c -n "$@"; }
results='{}'
add() { results=$(jq -c --argjson v "$2" ".$1 = \$v" <<<"$results"); }

# Starts Parley in $1 (data dir) on $2 with extra environment; sets PARLEY_PID.
start_parley() {
  local dir=$1 port=$2; shift 2
  mkdir -p "$dir"
  env -C "$dir" MM_SERVICESETTINGS_LISTENADDRESS=127.0.0.1:$port MM_TEAMSETTINGS_MAXUSERSPERTEAM=100000 \
    MM_LOGSETTINGS_ENABLECONSOLE=false "$@" "$PARLEY" >"$dir/server.log" 2>&1 &
  PARLEY_PID=$!
  PIDS+=("$PARLEY_PID")
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/v4/system/ping"; do
    kill -0 "$PARLEY_PID" 2>/dev/null || { cat "$dir/server.log" >&2; return 1; }
    sleep 0.005
  done
}
stop_parley() { kill "$1"; wait "$1" 2>/dev/null || true; }

echo "== 5. cold start, idle RSS, binary size"
starts=()
for i in 1 2 3; do
  t0=$(now_ns)
  start_parley "$WORK/start$i" $PORT
  t1=$(now_ns)
  starts+=($(( (t1 - t0) / 1000000 )))
  sleep 2
  idle_rss=$(rss_kb "$PARLEY_PID")
  stop_parley "$PARLEY_PID"
done
strip -o "$WORK/parley.stripped" "$PARLEY"
add startup "$(json --argjson s "$(printf '%s\n' "${starts[@]}" | jq -s -c .)" --argjson rss "$idle_rss" \
  --argjson size "$(stat -c %s "$PARLEY")" --argjson stripped "$(stat -c %s "$WORK/parley.stripped")" \
  '{cold_start_ms: $s, note: "fresh data folder each time: config written, migrations run; includes polling with curl every 5 ms", idle_rss_kb: $rss, binary_bytes: $size, stripped_binary_bytes: $stripped}')"

echo "== seeding (SQLite)"
start_parley "$WORK/sqlite" $PORT
SQLITE_PID=$PARLEY_PID
URL=http://127.0.0.1:$PORT
t0=$(now_ns)
"$LOADGEN" seed --url "$URL" --users 200 --posts 6000 --reactions 1000 --public-channels 10 --private-channels 5 >/dev/null
add seed "$(json --argjson ms $(( ($(now_ns) - t0) / 1000000 )) '{users: 200, posts: 6000, ms: $ms}')"

echo "== 1. authenticated GETs against nginx"
http_fixture "$URL" "$WORK"
static_nginx "$WORK" "$NGINX_PORT"
rate() { wrk -t2 -c50 -d8s "$@" | awk '/Requests\/sec/ {print $2}'; }
me=$(rate -H "Authorization: Bearer $TOKEN" "$URL/api/v4/users/me")
me_nginx=$(rate "http://127.0.0.1:$NGINX_PORT/me.json")
posts=$(rate -H "Authorization: Bearer $TOKEN" "$URL/api/v4/channels/$CHANNEL/posts?page=0&per_page=60")
posts_nginx=$(rate "http://127.0.0.1:$NGINX_PORT/posts.json")
kill "$(cat "$WORK/nginx.pid")"
add http "$(json --argjson a "$me" --argjson b "$me_nginx" --argjson c "$posts" --argjson d "$posts_nginx" \
  --argjson sa "$(stat -c %s "$WORK/www/me.json")" --argjson sb "$(stat -c %s "$WORK/www/posts.json")" \
  '{users_me: {parley_rps: $a, nginx_rps: $b, ratio: ($a / $b), bytes: $sa},
    channel_posts_60: {parley_rps: $c, nginx_rps: $d, ratio: ($c / $d), bytes: $sb},
    tool: "wrk -t2 -c50 -d8s"}')"

echo "== 4a. acknowledged posts/s on SQLite against sqlite3 inserts"
sqlite_rate=$("$LOADGEN" post-rate --url "$URL" --users 200 --connections 16 --seconds 10 2>/dev/null | tail -1)
stop_parley "$SQLITE_PID"
DB="$WORK/sqlite/data/parley.db"
[ -f "$DB" ] || DB=$(find "$WORK/sqlite" -name '*.db' | head -1)
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$DB" "$WORK/raw.db"
# The same rows, re-inserted one statement (one transaction) each by sqlite3, same pragmas.
{ echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
  sqlite3 "$WORK/raw.db" ".mode insert Posts" "SELECT * FROM Posts WHERE Message LIKE 'post-rate %' LIMIT 5000"; } >"$WORK/inserts.sql"
sqlite3 "$WORK/raw.db" "DELETE FROM Posts WHERE Message LIKE 'post-rate %';"
rows=$(( $(wc -l <"$WORK/inserts.sql") - 1 ))
t0=$(now_ns); sqlite3 "$WORK/raw.db" <"$WORK/inserts.sql" >/dev/null; t1=$(now_ns)
raw_sqlite=$(jq -n "$rows / (($t1 - $t0) / 1e9)")
add posts_sqlite "$(jq -c --argjson raw "$raw_sqlite" --argjson rows "$rows" \
  '. + {raw_inserts_per_second: $raw, raw_rows: $rows, ratio: (.posts_per_second / $raw)}' <<<"$sqlite_rate")"

# After the post rate: the fan-out's listeners stay resumable on the server for a while, and each
# post would still be numbered and kept for them.
echo "== 2. fan-out to $FANOUT_CONNECTIONS WebSockets"
start_parley "$WORK/sqlite" $PORT
add fanout "$("$LOADGEN" fanout --url "$URL" --users 200 --connections "$FANOUT_CONNECTIONS" --seconds 25 --sources 4 --server-pid "$PARLEY_PID" 2>/dev/null | tail -1)"
stop_parley "$PARLEY_PID"

echo "== 3. RSS per idle WebSocket ($IDLE_CONNECTIONS)"
start_parley "$WORK/sqlite" $PORT
add idle_websockets "$("$LOADGEN" idle-ws --url "$URL" --users 200 --connections "$IDLE_CONNECTIONS" --sources 4 --server-pid "$PARLEY_PID" 2>/dev/null | tail -1)"
stop_parley "$PARLEY_PID"

echo "== 4b. acknowledged posts/s on PostgreSQL against psql inserts"
# Durable like production: the test cluster's fsync=off stays off the command line (options
# given there would override ALTER SYSTEM).
PG_URL=$(PG_DURABLE=1 "$ROOT/scripts/pg-cluster.sh" start "$WORK/pg")
PGHOSTPORT=${PG_URL#*@}; PGHOSTPORT=${PGHOSTPORT%%/*}
PSQL=(psql -q -h "$WORK/pg" -p "${PGHOSTPORT##*:}" -U postgres)
[ "$("${PSQL[@]}" -d postgres -At -c "SHOW fsync")" = on ] || { echo "fsync is off" >&2; exit 1; }
"${PSQL[@]}" -d postgres -c "CREATE DATABASE parley_bench" >/dev/null
PG_DSN="postgres://postgres@127.0.0.1:${PGHOSTPORT##*:}/parley_bench?sslmode=disable"
start_parley "$WORK/pgserver" $PG_PORT_PARLEY MM_SQLSETTINGS_DRIVERNAME=postgres MM_SQLSETTINGS_DATASOURCE="$PG_DSN"
PURL=http://127.0.0.1:$PG_PORT_PARLEY
"$LOADGEN" seed --url "$PURL" --users 40 --posts 400 --reactions 100 --public-channels 4 --private-channels 2 >/dev/null
pg_rate=$("$LOADGEN" post-rate --url "$PURL" --users 40 --connections 16 --seconds 10 2>/dev/null | tail -1)
stop_parley "$PARLEY_PID"
"${PSQL[@]}" -d parley_bench -c "CREATE TABLE raw_posts AS SELECT * FROM posts WHERE message LIKE 'post-rate %' LIMIT 5000" >/dev/null
"${PSQL[@]}" -d parley_bench -At -c "SELECT format('INSERT INTO posts SELECT * FROM json_populate_record(NULL::posts, %L);', row_to_json(r)) FROM raw_posts r" >"$WORK/pg_inserts.sql"
"${PSQL[@]}" -d parley_bench -c "DELETE FROM posts WHERE id IN (SELECT id FROM raw_posts)" >/dev/null
prows=$(wc -l <"$WORK/pg_inserts.sql")
t0=$(now_ns); "${PSQL[@]}" -d parley_bench -f "$WORK/pg_inserts.sql" >/dev/null; t1=$(now_ns)
raw_pg=$(jq -n "$prows / (($t1 - $t0) / 1e9)")
add posts_postgres "$(jq -c --argjson raw "$raw_pg" --argjson rows "$prows" \
  '. + {raw_inserts_per_second: $raw, raw_rows: $rows, ratio: (.posts_per_second / $raw), durability: "fsync on, synchronous_commit on"}' <<<"$pg_rate")"

results=$(jq -c --arg date "$(date -u +%FT%TZ)" --arg cpu "$(nproc) x $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
  --arg commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  '. + {date: $date, machine: $cpu, commit: $commit}' <<<"$results")
mkdir -p "$(dirname "$OUT")"
jq . <<<"$results" >"$OUT"
jq . <<<"$results"

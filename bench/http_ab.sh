#!/usr/bin/env bash
# Interleaved wrk runs of authenticated GETs against nginx serving the same bytes, for one or more
# Parley binaries (before/after a change), on a seeded data folder reused between runs. Each
# round runs nginx then each binary; prints req/s, server CPU per request (utime+stime from
# /proc) and the ratio to nginx of that round, then medians. The CPU per request moves less
# than req/s when other work shares the cores.
#   bench/http_ab.sh me|posts ROUNDS BINARY[@DATA_DIR] ...
# Environment: WORK (default /tmp/parley-http-ab: seeded data, token, nginx files), DUR (wrk
# duration, default 5s), PORT (default 28465; nginx uses PORT+1). The first run seeds like
# bench/run.sh (200 users, 6000 posts, 60 posts in town-square) with the first binary; a binary
# given as PATH@DIR runs on its own copy of the data (an older schema, say).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WHAT=$1; ROUNDS=$2; shift 2
W=${WORK:-/tmp/parley-http-ab}; DUR=${DUR:-5s}; PORT=${PORT:-28465}; NPORT=$((PORT + 1))
URL=http://127.0.0.1:$PORT
LOADGEN=${LOADGEN:-$ROOT/build/parley_loadgen}
# shellcheck source=bench/http_fixture.sh
. "$ROOT/bench/http_fixture.sh"
# shellcheck source=bench/server_lib.sh
. "$ROOT/bench/server_lib.sh"  # median, ticks

start() {  # start BINARY DATA_DIR: sets PID
  (cd "$2" && MM_SERVICESETTINGS_LISTENADDRESS=127.0.0.1:$PORT MM_TEAMSETTINGS_MAXUSERSPERTEAM=100000 \
    MM_LOGSETTINGS_ENABLECONSOLE=false exec "$1" >"$W/server.log" 2>&1) &
  PID=$!
  until curl -sf -o /dev/null "$URL/api/v4/system/ping"; do
    kill -0 "$PID" 2>/dev/null || { cat "$W/server.log" >&2; exit 1; }
    sleep 0.05
  done
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }

if [ ! -f "$W/channel" ]; then
  mkdir -p "$W/data"
  start "${1%%@*}" "$W/data"
  "$LOADGEN" seed --url "$URL" --users 200 --posts 6000 --reactions 1000 --public-channels 10 --private-channels 5 >/dev/null
  http_fixture "$URL" "$W"
  stop
  echo "$TOKEN" >"$W/token"; echo "$CHANNEL" >"$W/channel"
fi
TOKEN=$(cat "$W/token"); CH=$(cat "$W/channel")
if [ "$WHAT" = posts ]; then P="/api/v4/channels/$CH/posts?page=0&per_page=60"; F=posts.json; else P=/api/v4/users/me; F=me.json; fi

static_nginx "$W" "$NPORT"
trap 'kill $(cat "$W/nginx.pid") 2>/dev/null; true' EXIT
sleep 0.2
NGINX_PIDS="$(cat "$W/nginx.pid") $(pgrep -P "$(cat "$W/nginx.pid")" | tr '\n' ' ')"

# rate "PIDS" WRK_ARGS...: prints "req/s cpu_us_per_request"
rate() {
  local pids=$1; shift
  local c0 out c1 n
  c0=$(ticks $pids); out=$(wrk -t2 -c50 -d"$DUR" "$@"); c1=$(ticks $pids)
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(jq -n "($c1 - $c0) * 1e6 / $(getconf CLK_TCK) / $n | round")"
}

declare -A ratios cpus
for r in $(seq 1 "$ROUNDS"); do
  line="round $r:"
  for spec in "$@"; do
    bin=${spec%%@*}; data=$W/data; [ "$spec" != "$bin" ] && data=${spec#*@}
    read -r n nc < <(rate "$NGINX_PIDS" "http://127.0.0.1:$NPORT/$F")
    start "$bin" "$data"
    curl -sf -H "Authorization: Bearer $TOKEN" "$URL$P" | cmp -s - "$W/www/$F" || echo "note: $bin answers other bytes than $F" >&2
    read -r v vc < <(rate "$PID" -H "Authorization: Bearer $TOKEN" "$URL$P")
    stop
    ratio=$(jq -n "$v / $n")
    ratios[$spec]="${ratios[$spec]:-} $ratio"; cpus[$spec]="${cpus[$spec]:-} $vc"
    line="$line | $bin $v req/s ${vc} us/req (nginx $n req/s ${nc} us/req) ratio $(printf %.3f "$ratio")"
  done
  echo "$line"
done
for spec in "$@"; do
  echo "$spec: median ratio $(printf '%s\n' ${ratios[$spec]} | median | xargs printf %.3f), median CPU $(printf '%s\n' ${cpus[$spec]} | median) us/request"
done

# Sourced by the A/B scripts. start_server DIR BIN [NAME=VALUE...]: a Parley server with its data
# in DIR on 127.0.0.1:$PORT (its pid in $PID), back once it answers the ping; stop_server: stops it.
# median: the median of the numbers on standard input, one per line. ticks PID...: their utime +
# stime summed, in clock ticks (a process gone meanwhile counts 0).
start_server() {
  local dir=$1 bin=$2; shift 2
  env -C "$dir" MM_SERVICESETTINGS_LISTENADDRESS=127.0.0.1:$PORT MM_TEAMSETTINGS_MAXUSERSPERTEAM=100000 \
    MM_LOGSETTINGS_ENABLECONSOLE=false "$@" "$bin" >"$dir/server.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/v4/system/ping"; do
    kill -0 $PID 2>/dev/null || { cat "$dir/server.log" >&2; return 1; }
    sleep 0.02
  done
}
stop_server() { kill $PID; wait $PID 2>/dev/null || true; }
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }

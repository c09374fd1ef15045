#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for tests (Debian's postgresql package).
#   pg-cluster.sh start DIR   initdb in DIR, start on a free 127.0.0.1 port (socket in DIR too),
#                             trust auth on loopback only; prints the connection URL.
#   pg-cluster.sh stop DIR    stops the cluster (the folder is left for the caller to remove).
#   pg-cluster.sh resume DIR  starts a stopped cluster again on its port (outage tests).
#   pg-cluster.sh replica PRIMARY_DIR REPLICA_DIR
#                             a streaming hot-standby replica of the running cluster in
#                             PRIMARY_DIR (pg_basebackup -R), started in REPLICA_DIR on another
#                             free port; prints its URL. Stop it with `stop REPLICA_DIR`.
# The primary runs with wal_level=replica and accepts replication connections on loopback.
# Tests run without durability (fsync, synchronous_commit, full_page_writes off); PG_DURABLE=1
# keeps PostgreSQL's durable defaults (benchmarks). Options given here on the command line
# override ALTER SYSTEM, so durability cannot be turned back on later without a restart.
# As root, initdb/pg_ctl run as the `postgres` OS user (initdb refuses root) and DIR is chowned.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop|resume DIR | replica PRIMARY_DIR REPLICA_DIR" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  # Bind port 0 to let the kernel choose; a race with other binders is unlikely on loopback.
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})' 2>/dev/null ||
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}

server_options() {
  local fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${PG_DURABLE:-}" = 1 ] && fast=""
  echo "-c listen_addresses=127.0.0.1 -c port=$1 -c unix_socket_directories=$dir" \
    "$fast -c max_connections=400 -c wal_level=replica -c max_wal_senders=10 -c hot_standby=on"
}

case "$cmd" in
start)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  user=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    user=postgres
  fi
  as_owner "$PGBIN/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
host all all 127.0.0.1/32 trust
local replication all trust
host replication all 127.0.0.1/32 trust
HBA
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "$(server_options "$port")" -w -t 30 start >/dev/null; then
      echo "$port" >"$dir/port"
      echo "postgres://$user@127.0.0.1:$port/postgres?sslmode=disable"
      exit 0
    fi
  done
  cat "$dir/postgres.log" >&2
  exit 1
  ;;
replica)
  primary=$(cd "$dir" && pwd)
  rdir=${3:-}
  if [ -z "$rdir" ]; then
    echo "usage: $0 replica PRIMARY_DIR REPLICA_DIR" >&2
    exit 2
  fi
  mkdir -p "$rdir"
  rdir=$(cd "$rdir" && pwd)
  user=$(id -un)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$rdir"
    user=postgres
  fi
  as_owner "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$(cat "$primary/port")" -U "$user" \
    -D "$rdir/data" -R -X stream -c fast >"$rdir/basebackup.log" 2>&1 ||
    { cat "$rdir/basebackup.log" >&2; exit 1; }
  dir=$rdir  # server_options puts the socket in the replica's folder
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$PGBIN/pg_ctl" -D "$rdir/data" -l "$rdir/postgres.log" -o "$(server_options "$port")" -w -t 30 start >/dev/null; then
      echo "$port" >"$rdir/port"
      echo "postgres://$user@127.0.0.1:$port/postgres?sslmode=disable"
      exit 0
    fi
  done
  cat "$rdir/postgres.log" >&2
  exit 1
  ;;
resume)
  # Starts a cluster that `stop` stopped, on the same port (outage tests).
  dir=$(cd "$dir" && pwd)
  as_owner "$PGBIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 && exit 0  # already running
  as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "$(server_options "$(cat "$dir/port")")" -w -t 30 start >/dev/null
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
  fi
  ;;
*)
  echo "usage: $0 start|stop|resume DIR | replica PRIMARY_DIR REPLICA_DIR" >&2
  exit 2
  ;;
esac

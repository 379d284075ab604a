#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for development and tests, in the project folder.
#   scripts/pg.sh start    install PostgreSQL if missing, create/start the cluster, create role and database
#   scripts/pg.sh stop     stop the cluster (data kept)
#   scripts/pg.sh destroy  stop and delete the cluster
#   scripts/pg.sh url      print the connection string
# Environment: ZALOBOT_PG_PORT (default: the cluster's own port, 55432 for a new one, or the next free port when
# 55432 is taken, e.g. by another checkout's cluster), ZALOBOT_PG_DIR (default <repo>/.pg)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${ZALOBOT_PG_DIR:-$root/.pg}"
data="$dir/data"
sock="$dir/run"
log="$dir/postgres.log"
db_user="zalobot"
db_pass="zalobot"
db_name="zalobot"

say() { echo "pg.sh: $*" >&2; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The port an existing cluster was configured with (the last "port =" line wins, as in PostgreSQL).
configured_port() { sed -n 's/^port = \([0-9]*\).*/\1/p' "$data/postgresql.conf" 2>/dev/null | tail -n 1; }

if [ -n "${ZALOBOT_PG_PORT:-}" ]; then
  port="$ZALOBOT_PG_PORT"
elif [ -n "$(configured_port)" ]; then
  port="$(configured_port)"
else
  port=55432
fi

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

install_pg() {
  if find_bin >/dev/null; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL is not installed and this is not root; install the 'postgresql' package and retry"; exit 1
  fi
  say "installing PostgreSQL with apt-get (once)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
}

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

conn_string() {
  echo "Host=127.0.0.1;Port=$port;Username=$db_user;Password=$db_pass;Database=$db_name"
}

psql_admin() {
  "$bin/psql" -h "$sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAX "$@"
}

start() {
  install_pg
  bin="$(find_bin)"
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  if [ ! -s "$data/PG_VERSION" ]; then
    if [ -z "${ZALOBOT_PG_PORT:-}" ] && port_in_use "$port"; then
      local wanted="$port"
      while port_in_use "$port"; do port=$((port + 1)); done
      say "port $wanted is taken (another checkout's cluster?): this cluster listens on $port (set ZALOBOT_PG_PORT to choose)"
    fi
    say "creating cluster in $data"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
log_min_messages = warning
CONF
  fi
  as_owner mkdir -p "$sock"
  if [ "$(configured_port)" != "$port" ]; then
    # ZALOBOT_PG_PORT names another port than the cluster's: honour it (a running cluster is restarted on it).
    say "cluster in $data moves from port $(configured_port) to $port (ZALOBOT_PG_PORT)"
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    echo "port = $port" | as_owner tee -a "$data/postgresql.conf" >/dev/null
  fi
  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null || { tail -n 30 "$log" >&2; exit 1; }
  fi
  if [ "$(psql_admin -c "select 1 from pg_roles where rolname='$db_user'")" != "1" ]; then
    psql_admin -c "create role $db_user login createdb password '$db_pass'"
  fi
  if [ "$(psql_admin -c "select 1 from pg_database where datname='$db_name'")" != "1" ]; then
    psql_admin -c "create database $db_name owner $db_user"
  fi
  # Development settings of the service read this file, so `dotnet run --project src/ZaloBot -- …` finds the cluster.
  conn_string >"$dir/connection-string"
  conn_string
}

stop() {
  bin="$(find_bin)" || exit 0
  [ -s "$data/PG_VERSION" ] || exit 0
  as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  destroy) stop; rm -rf "$dir" ;;
  url) conn_string ;;
  *) echo "usage: scripts/pg.sh start|stop|destroy|url" >&2; exit 2 ;;
esac

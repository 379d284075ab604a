#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for development and tests, in the project folder.
#   scripts/pg.sh start    install PostgreSQL if missing, create/start the cluster, create role and database
#   scripts/pg.sh stop     stop the cluster (data kept)
#   scripts/pg.sh destroy  stop and delete the cluster
#   scripts/pg.sh url      print the connection string
# Environment: ZALOBOT_PG_PORT (default 55432), ZALOBOT_PG_DIR (default <repo>/.pg)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${ZALOBOT_PG_PORT:-55432}"
dir="${ZALOBOT_PG_DIR:-$root/.pg}"
data="$dir/data"
sock="$dir/run"
log="$dir/postgres.log"
db_user="zalobot"
db_pass="zalobot"
db_name="zalobot"

say() { echo "pg.sh: $*" >&2; }

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
  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null || { tail -n 30 "$log" >&2; exit 1; }
  fi
  if [ "$(psql_admin -c "select 1 from pg_roles where rolname='$db_user'")" != "1" ]; then
    psql_admin -c "create role $db_user login createdb password '$db_pass'"
  fi
  if [ "$(psql_admin -c "select 1 from pg_database where datname='$db_name'")" != "1" ]; then
    psql_admin -c "create database $db_name owner $db_user"
  fi
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

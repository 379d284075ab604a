#!/usr/bin/env bash
# Restores a dump made by scripts/backup.sh into a NEW database (never over a live one), then counts what came back.
#   scripts/restore.sh <file> <database-name>
# Environment: ZALOBOT_SERVER_URL (a libpq URL of the server's maintenance database, e.g.
# postgresql://postgres:…@db.example:5432/postgres; default: the local cluster of scripts/pg.sh). The new database is
# created there, owned by the connecting role. Point the service at it (ConnectionStrings:Postgres) once checked.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -eq 2 ] || { echo "usage: scripts/restore.sh <file> <new-database-name>" >&2; exit 2; }
file="$1" db="$2"
[[ "$db" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "restore.sh: '$db' is not a plain database name (a-z, 0-9, _)" >&2; exit 2; }
[ -s "$file" ] || { echo "restore.sh: $file is missing or empty" >&2; exit 1; }
server="${ZALOBOT_SERVER_URL:-}"
if [ -z "$server" ]; then
  # The checkout's own cluster: the connection string scripts/pg.sh wrote (any port), else its default.
  local_pg="$(cat "${ZALOBOT_PG_DIR:-$root/.pg}/connection-string" 2>/dev/null || "$root/scripts/pg.sh" url)"
  port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$local_pg")"
  database="$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$local_pg")"
  server="postgresql://zalobot:zalobot@127.0.0.1:$port/postgres"
fi
if [ "$(psql -qtAX "$server" -c "select 1 from pg_database where datname = '$db'")" = 1 ]; then
  echo "restore.sh: database $db already exists; restore into a new one (then switch the service over)" >&2
  exit 1
fi
psql -qX "$server" -c "create database $db"
target="${server%/*}/$db"
[[ "$server" == *\?* ]] && target="${server%%\?*}" && target="${target%/*}/$db?${server#*\?}"
# One transaction: a dump that does not restore completely leaves an empty database, not half of one.
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$file"
psql -qtAX "$target" -F ' ' -c "select 'restore.sh: restored', (select count(*) from tickets), 'tickets,', (select count(*) from ticket_events), 'ticket events,', (select count(*) from inbox), 'inbox events into $db'" >&2
echo "$db"

#!/usr/bin/env bash
# Backs up the project's database with pg_dump (custom format: compressed, restorable table by table), then checks the
# file by listing it with pg_restore.
#   scripts/backup.sh [file]       default backups/zalobot-<UTC time>.dump
# Environment: ZALOBOT_DB_URL (a libpq URL, e.g. postgresql://zalobot:…@db.example:5432/zalobot; default: the local
# cluster of scripts/pg.sh). PG* variables (PGPASSWORD, PGSSLMODE…) apply as usual. Restore: scripts/restore.sh.
# For production, pair nightly dumps with WAL archiving for point-in-time recovery (docs/operations.md, "Backups").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v pg_dump >/dev/null || {
  echo "backup.sh: installing Debian's postgresql-client (pg_dump, pg_restore)…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
}
url="${ZALOBOT_DB_URL:-}"
if [ -z "$url" ]; then
  # The checkout's own cluster: the connection string scripts/pg.sh wrote (any port), else its default.
  local_pg="$(cat "${ZALOBOT_PG_DIR:-$root/.pg}/connection-string" 2>/dev/null || "$root/scripts/pg.sh" url)"
  port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$local_pg")"
  database="$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$local_pg")"
  url="postgresql://zalobot:zalobot@127.0.0.1:$port/${database:-zalobot}"
fi
file="${1:-$root/backups/zalobot-$(date -u +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$file")"
# --no-owner/--no-privileges: the dump restores into a database owned by whichever role restores it.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial" "$url"
objects="$(pg_restore --list "$file.partial" | grep -vc '^;')"
mv "$file.partial" "$file"
echo "backup.sh: $file ($(du -h "$file" | cut -f1), $objects objects) of ${url%%\?*}" | sed 's#//[^:@/]*:[^@]*@#//***@#' >&2
echo "$file"

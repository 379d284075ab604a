#!/usr/bin/env bash
# Runs README.md's ```bash blocks exactly as printed, as a new user would after scripts/run.sh, and fails if one fails.
# A block that must not be run here (a server that never exits, the test suite itself, a command that needs a real Zalo
# account) is preceded by a line "<!-- readme-check: skip (why) -->".
# The blocks run against a scratch database (zalobot_readme, dropped afterwards) on the local cluster: the service's
# Development settings (and scripts/backup.sh) find it through $ZALOBOT_PG_DIR/connection-string, the same way they
# find .pg/ normally. The zalobot_copy_* databases the restore example makes are dropped too.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
require_dotnet
start_postgres || { echo "readme-check: PostgreSQL did not start"; exit 1; }
port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$ZALOBOT_PG")"
server="postgresql://zalobot:zalobot@127.0.0.1:$port/postgres"
db=zalobot_readme
export PGOPTIONS="--client-min-messages=warning"
psql -q "$server" -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
scratch="$(mktemp -d)"
echo "${ZALOBOT_PG/Database=zalobot/Database=$db}" >"$scratch/connection-string"
cleanup() {
  rm -rf "$scratch"
  # The scratch database, and the copies the README's restore example makes.
  for name in $db $(psql -qtAX "$server" -c "select datname from pg_database where datname like 'zalobot\_copy\_%'"); do
    psql -q "$server" -c "drop database if exists $name with (force)" >/dev/null 2>&1
  done
}
trap cleanup EXIT

ran=0 reason="" skipped=0 failed=0 line=0 in_block=0 skip=0 block="" start=0 previous=""
while IFS= read -r text || [ -n "$text" ]; do
  line=$((line + 1))
  if [ "$in_block" = 0 ] && [ "$text" = '```bash' ]; then
    in_block=1 block="" start=$line
    [[ "$previous" == "<!-- readme-check: skip"* ]] && skip=1 reason="${previous#<!-- readme-check: skip }" || skip=0
  elif [ "$in_block" = 1 ] && [ "$text" = '```' ]; then
    in_block=0
    if [ "$skip" = 1 ]; then
      skipped=$((skipped + 1)); echo "readme-check: README.md:$start skipped ${reason% -->}"
    else
      ran=$((ran + 1))
      if output="$(ZALOBOT_PG_DIR="$scratch" timeout 600 bash -e -o pipefail -c "$block" 2>&1)"; then
        echo "readme-check: README.md:$start ok"
      else
        failed=$((failed + 1))
        echo "readme-check: README.md:$start FAILED:"; sed 's/^/    /' <<<"$block"; echo "  output:"; tail -n 20 <<<"$output" | sed 's/^/    /'
      fi
    fi
  elif [ "$in_block" = 1 ]; then
    block+="$text"$'\n'
  fi
  [ -n "$text" ] && previous="$text"
done <README.md
echo "readme-check: $ran blocks run, $skipped skipped, $failed failed"
[ "$failed" = 0 ] && [ "$ran" -gt 0 ]

#!/usr/bin/env bash
# Builds and runs every test project against the project-local PostgreSQL.
# Prints a final line "N passed, N failed[, N skipped]" and exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
require_dotnet
start_postgres || { echo "0 passed, 1 failed (PostgreSQL did not start)"; exit 1; }
export ZALOBOT_TEST_PG="$ZALOBOT_PG"

# The evidence store's tests run against an S3-compatible server too (s3rver from npm, installed once).
ZALOBOT_TEST_S3="$("$root/scripts/s3.sh" start)" || { echo "0 passed, 1 failed (the S3-compatible test server did not start)"; exit 1; }
export ZALOBOT_TEST_S3
trap '"$root/scripts/s3.sh" stop' EXIT

# The console's browser tests drive Debian's chromium headless (design §10); install it once, when missing.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> installing chromium for the browser tests (once)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
      || echo "warning: could not install chromium; the console's browser test will fail"
  else
    echo "warning: /usr/bin/chromium is missing and this is not root; install Debian's 'chromium' package for the browser test"
  fi
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "==> restoring and building"
if ! dotnet build ZaloBot.sln -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed (build failed)"
  exit 1
fi

status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "==> $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=1
done

sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed="$(sum passed)"
failed="$(sum failed)"
skipped="$(sum notExecuted)"
errors="$(sum error)"
failed=$((failed + errors))
trx_count="$(ls "$results"/*.trx 2>/dev/null | wc -l)"
projects="$(ls tests/*.Tests/*.Tests.csproj | wc -l)"
if [ "$trx_count" -lt "$projects" ]; then
  # A test host that crashed writes no results: count it as a failure rather than report green.
  failed=$((failed + projects - trx_count))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]

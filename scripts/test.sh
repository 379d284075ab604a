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

# The deploy-file checks run haproxy -c and promtool (Debian's haproxy and prometheus packages); the backup test runs
# pg_dump/pg_restore (postgresql-client). Installed once, when missing.
missing=()
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "==> installing ${missing[*]} for the deploy-file and backup tests (once)"
    # No init system in CI: keep the packages' post-install scripts from starting their daemons.
    policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "warning: could not install ${missing[*]}; the deploy-file tests will fail"
    [ "$policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  else
    echo "warning: ${missing[*]} missing and this is not root; install them (Debian packages) for the deploy-file tests"
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

# The README's commands, run as printed (not an xunit test: it drives dotnet run and the scripts from outside).
echo "==> README commands (scripts/readme-check.sh)"
if bash scripts/readme-check.sh; then readme_passed=1 readme_failed=0; else readme_passed=0 readme_failed=1; status=1; fi

sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed="$(sum passed)"
failed="$(sum failed)"
skipped="$(sum notExecuted)"
errors="$(sum error)"
failed=$((failed + errors + readme_failed))
passed=$((passed + readme_passed))
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

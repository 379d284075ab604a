#!/usr/bin/env bash
# Builds and runs the test projects against the project-local PostgreSQL.
#   scripts/test.sh            every test project and the README's commands (what CI runs, through .ci/run)
#   scripts/test.sh Outbox     only the tests whose full name contains "Outbox" (namespace, class or method), with the
#                              services that area needs; a dotnet filter expression (with = ~ | &) is passed as it is
# Output: one result line per project, then "N passed, N failed[, N skipped]"; a failing test is printed with its
# message, stack trace and the service's log during that test (captured per test, shown only on failure).
# Exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
require_dotnet

area="${1:-}"
if [ -z "$area" ]; then filter=""
elif [[ "$area" == *[=~\|\&!]* ]]; then filter="$area"
else filter="FullyQualifiedName~$area"
fi
# Whether the selected tests may need a service or tool: always for a full run, otherwise when the filter names its area.
needs() { [ -z "$area" ] || grep -qiE "$1" <<<"$area"; }

start_postgres || { echo "0 passed, 1 failed (PostgreSQL did not start)"; exit 1; }
export ZALOBOT_TEST_PG="$ZALOBOT_PG"

# The evidence store's tests run against an S3-compatible server too (s3rver from npm, installed once).
if needs 'evidence|s3'; then
  ZALOBOT_TEST_S3="$("$root/scripts/s3.sh" start)" || { echo "0 passed, 1 failed (the S3-compatible test server did not start)"; exit 1; }
  export ZALOBOT_TEST_S3
  trap '"$root/scripts/s3.sh" stop' EXIT
fi

# Debian packages some tests drive, installed once when missing: chromium (the console's browser tests, headless;
# Playwright's own browser download does not work here), haproxy and promtool (deploy-file checks), pg_dump/pg_restore
# (backup test). Quiet unless it fails; waits for another apt-get instead of failing on its lock.
apt_install() {
  local why="$1"; shift
  if [ "$(id -u)" -ne 0 ]; then
    echo "warning: $* missing and this is not root; install the Debian packages for $why"
    return
  fi
  echo "==> installing $* for $why (once)"
  local apt=(apt-get -qq -o DPkg::Lock::Timeout=600)
  # No init system in CI: keep the packages' post-install scripts from starting their daemons.
  local policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy=1; fi
  if ! { DEBIAN_FRONTEND=noninteractive "${apt[@]}" update >/tmp/zalobot-apt.log 2>&1 \
         && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y --no-install-recommends "$@" >>/tmp/zalobot-apt.log 2>&1; }; then
    tail -n 5 /tmp/zalobot-apt.log
    echo "warning: could not install $*; $why will fail"
  fi
  [ "$policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
}
if needs 'console|browser|miniapp'; then
  [ -x /usr/bin/chromium ] || apt_install "the console's browser tests" chromium
fi
# The Mini App's browser tests run its preview build (npm ci once, then a Vite build of ~15 s only when its sources changed).
if needs 'browser|miniapp'; then
  scripts/miniapp.sh preview >/dev/null || { echo "0 passed, 1 failed (the Mini App preview did not build: scripts/miniapp.sh preview)"; exit 1; }
fi
if needs 'deploy|backup|operations'; then
  missing=()
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
  command -v pg_dump >/dev/null 2>&1 || missing+=(postgresql-client)
  [ ${#missing[@]} -eq 0 ] || apt_install "the deploy-file and backup tests" "${missing[@]}"
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "==> restoring and building"
if ! dotnet build ZaloBot.sln -nologo -v quiet "-clp:ErrorsOnly;NoSummary"; then
  echo "0 passed, 1 failed (build failed)"
  exit 1
fi

status=0
for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  started=$SECONDS
  # Minimal verbosity: a line per project, and each failing test in full (with its captured logs).
  dotnet test "$project" --no-build -nologo ${filter:+--filter "$filter"} \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" \
    | grep -vE '^(Results File: |Test run for |A total of [0-9]+ test files? matched|No test matches the given testcase filter)'
  rc=("${PIPESTATUS[@]}")
  [ "${rc[0]}" -eq 0 ] || status=1
  echo "    ($name: $((SECONDS - started)) s)"
done

# The README's commands, run as printed (not an xunit test: it drives dotnet run and the scripts from outside).
readme_passed=0 readme_failed=0
if [ -z "$area" ]; then
  echo "==> README commands (scripts/readme-check.sh)"
  bash scripts/readme-check.sh | grep -v ' ok$'
  rc=("${PIPESTATUS[@]}")
  if [ "${rc[0]}" -eq 0 ]; then readme_passed=1; else readme_failed=1; status=1; fi
fi

sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed="$(sum passed)"
failed="$(sum failed)"
skipped="$(sum notExecuted)"
errors="$(sum error)"
failed=$((failed + errors + readme_failed))
passed=$((passed + readme_passed))
trx_count="$(ls "$results"/*.trx 2>/dev/null | wc -l)"
projects="$(ls tests/*.Tests/*.Tests.csproj | wc -l)"
if [ -z "$area" ] && [ "$trx_count" -lt "$projects" ]; then
  # A test host that crashed writes no results: count it as a failure rather than report green.
  failed=$((failed + projects - trx_count))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$failed" -gt 0 ]; then
  # The names again, at the end where they are found first; the details and logs are above, under each name.
  grep -ho 'testName="[^"]*" [^>]*outcome="Failed"' "$results"/*.trx 2>/dev/null | sed 's/testName="\([^"]*\)".*/  failed: \1/'
fi
if [ -n "$area" ] && [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "no test matches '$area'"
  exit 1
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]

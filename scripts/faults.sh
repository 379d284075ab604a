#!/usr/bin/env bash
# The fault suite, run on demand (not by scripts/test.sh: it takes about ten minutes of both cores). Against the cluster of
# scripts/cluster.sh (started here when it is not running, and stopped again afterwards): signed events from CITIZENS
# citizens (default 300) at RATE events/s (default 20) for SECONDS (default 240) through the load balancer while, in
# turn, replica 3 and then replica 1 are killed with kill -9 and restarted 10 s later, PostgreSQL is restarted, Zalo is
# unreachable for OUTAGE seconds (default 60), and a BURST (default 1000) of events from new citizens arrives. Then it
# waits for the cluster to drain and prints acknowledged events lost, citizens never answered, duplicate messages to a
# citizen, 5xx answers and the time to drain; exits 1 unless every bad count is 0.
# Then the hostile-request fuzzer against the load balancer (FUZZ_COUNT, default 20000; FUZZ=0 skips it).
#
# scripts/faults.sh --ha: the same load and verdict on the highly available database (`scripts/cluster.sh start --ha`:
# etcd, two PostgreSQL nodes under Patroni with synchronous replication, HAProxy to the leader), with staff working
# tickets through the staff API, in four rounds of ROUND_SECONDS (default 60) with CITIZENS (default 100) new citizens
# each at RATE events/s: three failovers (kill -9 of the leader's PostgreSQL; of its Patroni too; of PostgreSQL again),
# each until the old leader streams again as the synchronous standby (pg_rewind), then a planned switchover. Prints
# per round: acked-lost, replies-missing, duplicates, seconds without a leader, webhooks refused, time until webhooks
# were accepted again, outbox rows stuck; exits 1 unless every bad count is 0 and the switchover refused nothing.
# About 7 minutes of rounds after the cluster has started and the driver is built (both slow on a busy machine). No fuzzer.
# Figures: docs/reliability.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
require_dotnet
ha=0
[ "${1:-}" = --ha ] && ha=1

lb="http://127.0.0.1:${CLUSTER_PORT:-8180}"
zalo="http://127.0.0.1:${CLUSTER_ZALO_PORT:-8190}"
started=0
if ! curl -fs -o /dev/null "$lb/readyz" 2>/dev/null; then
  if [ "$ha" = 1 ]; then scripts/cluster.sh start --ha; else scripts/cluster.sh start; fi
  started=1
elif [ "$ha" = 1 ] && [ "$(cat .cluster/run/database 2>/dev/null)" != ha ]; then
  echo "a cluster without the HA database is running: scripts/cluster.sh stop first" >&2; exit 2
fi
cleanup() { [ "$started" = 1 ] && scripts/cluster.sh stop || true; }
trap cleanup EXIT
conn="$(scripts/cluster.sh db-url)"

echo "==> building the driver (Release)"
dotnet build tests/ZaloBot.Benchmarks/ZaloBot.Benchmarks.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
bench="tests/ZaloBot.Benchmarks/bin/Release/net10.0/ZaloBot.Benchmarks.dll"
echo "==> $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1))"
status=0
if [ "$ha" = 1 ]; then
  token="$(scripts/cluster.sh admin-token)"
  [ -n "$token" ] || { echo "could not create an admin token" >&2; exit 1; }
  dotnet "$bench" faults-ha "$lb" "$zalo" "$conn" cluster-app cluster-oa-secret "$root/scripts/cluster.sh" \
    "${CITIZENS:-100}" "${RATE:-20}" "${ROUND_SECONDS:-60}" "$token" || status=1
  scripts/cluster.sh status | sed -n '/Cluster:/,$p'
  for log in .cluster/logs/r*.log; do
    echo "$(basename "$log"): $(grep -c '"@l":"Error"\|"@l":"Fatal"' "$log" || true) error lines"
  done
  exit $status
fi
dotnet "$bench" faults "$lb" "$zalo" "$conn" cluster-app cluster-oa-secret "$root/scripts/cluster.sh" \
  "${CITIZENS:-300}" "${RATE:-20}" "${SECONDS_LOAD:-240}" "${BURST:-1000}" "${OUTAGE:-60}" || status=1

if [ "${FUZZ:-1}" != 0 ]; then
  echo "==> fuzzing the cluster through the load balancer: ${FUZZ_COUNT:-20000} requests, seed ${FUZZ_SEED:-20261125}"
  token="$(scripts/cluster.sh admin-token)"
  [ -n "$token" ] || { echo "could not create an admin token" >&2; exit 1; }
  dotnet "$bench" fuzz "$lb" "$conn" "$token" cluster-app cluster-oa cluster-oa-secret \
    "${FUZZ_COUNT:-20000}" "${FUZZ_SEED:-20261125}" "${FUZZ_CONCURRENCY:-32}" || status=1
fi
for log in .cluster/logs/r*.log; do
  echo "$(basename "$log"): $(grep -c '"@l":"Error"\|"@l":"Fatal"' "$log" || true) error lines"
done
exit $status

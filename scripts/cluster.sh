#!/usr/bin/env bash
# A production-like cluster on one machine, on loopback: its own PostgreSQL, three service replicas (Release build,
# Production settings, Zalo in Live mode pointed at a separate fake-Zalo process), and HAProxy in front with health
# checks on /readyz. The simulator's chat page and its webhooks go through the load balancer.
#   scripts/cluster.sh start      build, fresh database, migrate, start everything; prints the addresses
#   scripts/cluster.sh start --ha the same on a highly available database instead of one PostgreSQL: etcd, two
#                                 PostgreSQL nodes under Patroni (synchronous replication) and HAProxy routing to the
#                                 leader (scripts/ha-pg.sh); the replicas connect to that HAProxy
#   scripts/cluster.sh stop       stop everything (data kept in .cluster/, removed by the next start)
#   scripts/cluster.sh status     processes, readiness, and HAProxy's view of each replica (and of the database nodes)
#   scripts/cluster.sh switchover Patroni's planned switch of the leader to the standby (--ha only)
# Used by scripts/faults.sh (and handy by hand):
#   scripts/cluster.sh kill N     kill -9 replica N        scripts/cluster.sh restart N   start replica N again
#   scripts/cluster.sh pg-restart restart PostgreSQL       scripts/cluster.sh zalo-outage S   Zalo unreachable for S seconds
#   scripts/cluster.sh admin-token  a new admin account's API token
#   scripts/cluster.sh db-url     the replicas' connection string
#   scripts/cluster.sh db-failover [--with-patroni]   (--ha) kill -9 the leader's PostgreSQL (and its Patroni: the
#                                 machine died, brought back once the standby leads); waits until the old leader
#                                 streams again; prints "leaderless=S rejoined=S old=pgN new=pgM"
# Environment: CLUSTER_PORT (load balancer, default 8180; replicas on the next three ports, HAProxy's stats page on
# the fourth), CLUSTER_ZALO_PORT (default 8190), CLUSTER_PG_PORT (default 55532), CLUSTER_ROLES (default
# "receive,process receive,dispatch receive,process,dispatch": what each replica runs; see docs/operations.md),
# CLUSTER_ZALO_LATENCY_MS (how long the fake Zalo takes to answer, default 50).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"

dir="$root/.cluster"
lb_port="${CLUSTER_PORT:-8180}"
zalo_port="${CLUSTER_ZALO_PORT:-8190}"
stats_port=$((lb_port + 4))
read -r -a roles <<<"${CLUSTER_ROLES:-receive,process receive,dispatch receive,process,dispatch}"
export ZALOBOT_PG_DIR="$dir/pg" ZALOBOT_PG_PORT="${CLUSTER_PG_PORT:-55532}" HA_PG_DIR="$dir/ha"
dll="$root/src/ZaloBot/bin/Release/net10.0/ZaloBot.dll"
app_id="cluster-app" oa_id="cluster-oa" oa_secret="cluster-oa-secret" app_secret="cluster-app-secret" refresh="cluster-refresh-0"
lb="http://127.0.0.1:$lb_port"
zalo="http://127.0.0.1:$zalo_port"

say() { echo "cluster: $*" >&2; }
replica_port() { echo $((lb_port + $1)); }
pid_of() { cat "$dir/run/$1.pid" 2>/dev/null || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
ha() { [ "$(cat "$dir/run/database" 2>/dev/null)" = ha ]; }
db_url() { if ha; then scripts/ha-pg.sh url; else scripts/pg.sh url; fi; }
connection() { echo "$(db_url);Maximum Pool Size=40"; }
# psql's form of the connection string, to another database of the same server.
psql_url() { # database
  local port; port="$(db_url | sed -n 's/.*Port=\([0-9]*\).*/\1/p')"
  echo "postgresql://zalobot:zalobot@127.0.0.1:$port/$1"
}

wait_http() { # url seconds
  local i
  for i in $(seq 1 $(($2 * 5))); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
  return 1
}

replica_env() { # n → the array "envs": settings of replica n
  local role="${roles[$(($1 - 1))]}" process=false dispatch=false
  [[ ",$role," == *,process,* ]] && process=true
  [[ ",$role," == *,dispatch,* ]] && dispatch=true
  envs=(ASPNETCORE_ENVIRONMENT=Production "ConnectionStrings__Postgres=$(connection)" Storage__MigrateOnStartup=false
    Zalo__Mode=Live Zalo__AppId=$app_id Zalo__OaId=$oa_id Zalo__OaSecretKey=$oa_secret Zalo__AppSecret=$app_secret
    Zalo__RefreshToken=$refresh Zalo__ApiBaseUrl=$zalo/zalo-sim Zalo__OAuthBaseUrl=$zalo/zalo-sim
    Zalo__BusinessApiBaseUrl=$zalo/zalo-sim/business
    ServiceCentres__PublicBaseUrl=https://pakn.example.gov.vn "ServiceCentres__OaName=Cổng PAKN (cluster)"
    "Evidence__LocalPath=${Evidence__LocalPath:-$(outside_checkout cluster-evidence)}"
    Conversations__Enabled=$process Outbox__Enabled=$dispatch Serilog__MinimumLevel__Default=Warning)
}

start_replica() { # n
  local n="$1" envs
  alive "r$n" && { say "replica $n already runs"; return 0; }
  replica_env "$n"
  env "${envs[@]}" setsid dotnet "$dll" --urls "http://127.0.0.1:$(replica_port "$n")" >>"$dir/logs/r$n.log" 2>&1 </dev/null &
  echo $! >"$dir/run/r$n.pid"
}

start_zalo() {
  Simulator__AppId=$app_id Simulator__OaId=$oa_id Simulator__OaSecretKey=$oa_secret Simulator__AppSecret=$app_secret \
  Simulator__InitialRefreshToken=$refresh Simulator__WebhookUrl="$lb/webhooks/zalo" \
  Simulator__LatencyMs="${CLUSTER_ZALO_LATENCY_MS:-50}" \
    setsid dotnet "$dll" simulator --urls "$zalo" >>"$dir/logs/zalo.log" 2>&1 </dev/null &
  echo $! >"$dir/run/zalo.pid"
}

write_haproxy_config() {
  local n servers=""
  for n in $(seq 1 ${#roles[@]}); do
    servers+="    server r$n 127.0.0.1:$(replica_port "$n") check"$'\n'
  done
  cat >"$dir/haproxy.cfg" <<CFG
# Generated by scripts/cluster.sh; deploy/haproxy/haproxy.cfg is the production counterpart.
global
    maxconn 4096
    # Room for what the service itself judges (8 KiB URLs → 414, 32 KiB headers → 431, bodies streamed): with the
    # default 16 KiB HAProxy cut oversized requests off mid-send instead of letting the service answer them.
    tune.bufsize 65536
    pidfile $dir/run/haproxy.pid

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout http-request 10s
    timeout queue 10s
    # A webhook is idempotent (the inbox deduplicates by Zalo's msg_id), so a request that met a dead or restarting
    # replica is sent again to another one rather than answered 5xx.
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout 502 503 504

frontend zalobot
    bind 127.0.0.1:$lb_port
    # Local convenience only: the fake Zalo's chat page and API behind the same address.
    acl zalo_simulator path_beg /simulator /zalo-sim
    use_backend zalo_simulator if zalo_simulator
    default_backend replicas

backend replicas
    balance leastconn
    option httpchk GET /readyz
    http-check expect status 200
    # A database restart fails every /readyz for a few seconds: ten failures (10 s) before a replica is taken out, so
    # a blip does not empty the pool (the receivers wait for storage meanwhile); a dead process is taken out on its
    # first refused connections instead (observe layer4).
    timeout check 2s
    default-server inter 1s fall 10 rise 2 observe layer4 error-limit 3 on-error mark-down slowstart 5s
$servers
backend zalo_simulator
    server zalo 127.0.0.1:$zalo_port

listen stats
    bind 127.0.0.1:$stats_port
    stats enable
    stats uri /
CFG
}

start() { # [--ha]
  require_dotnet
  mkdir -p "$dir/run" "$dir/logs"
  if alive haproxy || alive zalo || alive r1; then say "already running (scripts/cluster.sh status)"; return 0; fi
  if [ "${1:-}" = --ha ]; then echo ha >"$dir/run/database"; else rm -f "$dir/run/database"; fi
  command -v haproxy >/dev/null || {
    say "installing HAProxy from Debian's packages (once)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  }
  say "building (Release)"
  dotnet build src/ZaloBot/ZaloBot.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  if ha; then
    say "highly available PostgreSQL: etcd, two nodes under Patroni, HAProxy ($HA_PG_DIR)"
    scripts/ha-pg.sh start >/dev/null
  else
    say "PostgreSQL on port $ZALOBOT_PG_PORT ($ZALOBOT_PG_DIR)"
    scripts/pg.sh start >/dev/null
  fi
  # The fake Zalo forgets its refresh tokens when it stops, so the cluster starts from a fresh database each time.
  psql -q "$(psql_url postgres)" -c "drop database if exists zalobot with (force)" -c "create database zalobot" >/dev/null
  say "migrating"
  local envs
  replica_env 1
  env "${envs[@]}" dotnet "$dll" migrate >"$dir/logs/migrate.log" 2>&1 \
    || { cat "$dir/logs/migrate.log" >&2; exit 1; }
  start_zalo
  local n
  for n in $(seq 1 ${#roles[@]}); do start_replica "$n"; done
  write_haproxy_config
  haproxy -f "$dir/haproxy.cfg" -D
  for n in $(seq 1 ${#roles[@]}); do
    wait_http "http://127.0.0.1:$(replica_port "$n")/readyz" 60 || { say "replica $n is not ready:"; tail -n 20 "$dir/logs/r$n.log" >&2; exit 1; }
  done
  wait_http "$zalo/healthz" 30 || { say "the Zalo simulator did not start"; tail -n 20 "$dir/logs/zalo.log" >&2; exit 1; }
  wait_http "$lb/readyz" 30 || { say "the load balancer does not answer"; exit 1; }
  cat <<MSG
cluster: up
    load balancer  $lb   (webhooks: $lb/webhooks/zalo; HAProxy stats http://127.0.0.1:$stats_port/)
    chat page      $lb/simulator   (the fake Zalo's page; its webhooks go through the load balancer)
    replicas       $(for n in $(seq 1 ${#roles[@]}); do printf 'r%s :%s [%s]  ' "$n" "$(replica_port "$n")" "${roles[$((n - 1))]}"; done)
    fake Zalo      $zalo/zalo-sim  (app $app_id, OA secret key $oa_secret)
    PostgreSQL     $(db_url)$(ha && echo "   (HAProxy to the Patroni leader; scripts/ha-pg.sh status)")
    logs           $dir/logs/
MSG
}

stop_pid() { # name
  local pid
  pid="$(pid_of "$1")"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/run/$1.pid"
}

stop() {
  local n
  stop_pid haproxy
  for n in $(seq 1 ${#roles[@]}); do stop_pid "r$n"; done
  stop_pid zalo
  if ha; then scripts/ha-pg.sh stop; else scripts/pg.sh stop; fi
  say "stopped"
}

status() {
  local n state
  for name in zalo $(for n in $(seq 1 ${#roles[@]}); do echo "r$n"; done) haproxy; do
    alive "$name" && state="running (pid $(pid_of "$name"))" || state="not running"
    printf '%-8s %s\n' "$name" "$state"
  done
  for n in $(seq 1 ${#roles[@]}); do
    printf 'r%s /readyz: %s   roles: %s\n' "$n" "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(replica_port "$n")/readyz" || true)" "${roles[$((n - 1))]}"
  done
  curl -fs "http://127.0.0.1:$stats_port/;csv" 2>/dev/null | awk -F, '$1=="replicas" && $2!="BACKEND" {print "haproxy  " $2 ": " $18}' || true
  printf 'postgres %s\n' "$(psql -qtA "$(psql_url zalobot)" -c 'select 1' 2>/dev/null | sed 's/1/up/' || echo down)"
  if ha; then scripts/ha-pg.sh status; fi
}

# The primary dies under load; Patroni promotes the synchronous standby; the old primary comes back as a standby
# (pg_rewind). Prints the seconds without a leader and until the old primary streamed again.
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; } # seconds since a date +%s.%N

db_failover() { # [--with-patroni]
  ha || { say "db-failover needs a cluster started with --ha"; exit 2; }
  scripts/ha-pg.sh wait-healthy 120
  local old new t0 leaderless n
  t0="$(date +%s.%N)"
  old="$(scripts/ha-pg.sh kill-primary "${1:-}")"
  while :; do
    new="$(scripts/ha-pg.sh leader)"
    [ -n "$new" ] && [ "$new" != "$old" ] && break
    [ "$(since "$t0" | cut -d. -f1)" -ge 120 ] && { say "no new leader after 120 s"; exit 1; }
    sleep 0.1
  done
  leaderless="$(since "$t0")"
  if [ "${1:-}" = --with-patroni ]; then n="${old#pg}"; scripts/ha-pg.sh start-node "$n" 2>/dev/null; fi
  scripts/ha-pg.sh wait-healthy 180
  say "$old died, $new leads; $old streams again as the synchronous standby"
  echo "leaderless=$leaderless rejoined=$(since "$t0") old=$old new=$new"
}

case "${1:-status}" in
  start) start "${2:-}" ;;
  stop) stop ;;
  status) status ;;
  kill) pid="$(pid_of "r$2")"; [ -n "$pid" ] && kill -9 "$pid" && rm -f "$dir/run/r$2.pid" && say "replica $2 killed (kill -9 $pid)" ;;
  restart) start_replica "$2"; wait_http "http://127.0.0.1:$(replica_port "$2")/readyz" 60 && say "replica $2 ready" ;;
  pg-restart) ha && { say "pg-restart is for the single PostgreSQL; with --ha use switchover or db-failover"; exit 2; }
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$bin/pg_ctl -D $ZALOBOT_PG_DIR/data -m fast -w restart -l $ZALOBOT_PG_DIR/postgres.log" >/dev/null
    else "$bin/pg_ctl" -D "$ZALOBOT_PG_DIR/data" -m fast -w restart -l "$ZALOBOT_PG_DIR/postgres.log" >/dev/null; fi
    say "PostgreSQL restarted" ;;
  admin-token) replica_env 1
    env "${envs[@]}" dotnet "$dll" staff add --name "Cluster admin $(date +%s)" --role admin | sed -n 's/.*shown only now): //p' ;;
  db-url) connection ;;
  switchover) ha || { say "switchover needs a cluster started with --ha"; exit 2; }
    t0="$(date +%s.%N)"; scripts/ha-pg.sh switchover; echo "switched=$(since "$t0")" ;;
  db-failover) db_failover "${2:-}" ;;
  zalo-outage) curl -fs -X POST "$zalo/zalo-sim/_control/outage?seconds=$2" && say "Zalo unreachable for $2 s" ;;
  *) echo "usage: scripts/cluster.sh start [--ha]|stop|status|kill N|restart N|pg-restart|switchover|db-failover [--with-patroni]|db-url|zalo-outage SECONDS|admin-token" >&2; exit 2 ;;
esac

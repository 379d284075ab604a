#!/usr/bin/env bash
# A throwaway S3-compatible server (s3rver, from the npm registry) for the evidence store's tests, in the project folder.
#   scripts/s3.sh start   install s3rver if missing (npm, once), start it on 127.0.0.1, print its URL
#   scripts/s3.sh stop    stop it (data kept)
#   scripts/s3.sh destroy stop it and delete its data
#   scripts/s3.sh url     print its URL
# Credentials are s3rver's fixed ones: access key S3RVER, secret S3RVER.
# Environment: ZALOBOT_S3_PORT (default 55433), ZALOBOT_S3_DIR (default <repo>/.s3)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${ZALOBOT_S3_DIR:-$root/.s3}"
portfile="$dir/port"
# The port this checkout's server took last time, so a second checkout on the machine keeps its own.
port="${ZALOBOT_S3_PORT:-$(cat "$portfile" 2>/dev/null || echo 55433)}"
version="3.7.1"
bin="$dir/node_modules/s3rver/bin/s3rver.js"
pidfile="$dir/s3rver.pid"

say() { echo "s3.sh: $*" >&2; }

install() {
  if [ -f "$bin" ]; then return 0; fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then say "Node.js and npm are required (Debian: apt-get install nodejs npm)"; exit 1; fi
    say "installing Node.js and npm with apt-get (once)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq nodejs npm >/dev/null
  fi
  say "installing s3rver $version with npm (once)…"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "s3rver@$version" >/dev/null
}

running() { [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

start() {
  install
  if ! running; then
    mkdir -p "$dir/data"
    if answers; then
      # Another checkout's server (or anything else) holds the port: take the next free one and say so.
      local taken="$port"
      while answers; do port=$((port + 1)); done
      say "port $taken is taken; this checkout's S3 server uses $port"
    fi
    echo "$port" >"$portfile"
    nohup node "$bin" -d "$dir/data" -a 127.0.0.1 -p "$port" --silent >"$dir/s3rver.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 100); do answers && break; sleep 0.1; done
    answers || { say "s3rver did not start"; tail -n 20 "$dir/s3rver.log" >&2; exit 1; }
  fi
  echo "http://127.0.0.1:$port"
}

stop() {
  if running; then kill "$(cat "$pidfile")"; fi
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  destroy) stop; rm -rf "$dir/data" ;;
  url) echo "http://127.0.0.1:$port" ;;
  *) echo "usage: $0 start|stop|destroy|url" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Builds the Zalo Mini App in miniapp/ (zmp-ui, zmp-sdk, Vite, from the npm registry). No build of the service needs it.
#   scripts/miniapp.sh build     the app for Zalo, in miniapp/dist (then zmp deploy, README "Zalo Mini App");
#                                VITE_API_BASE (default: ZALOBOT_PUBLIC_BASE_URL) is the service's public address
#   scripts/miniapp.sh preview   the browser preview (zmp-sdk swapped for a stub that talks to the simulator), in
#                                miniapp/dist-preview; skipped when it is newer than the sources and the lock file
# Packages come from package-lock.json (npm ci), installed again only when the lock file changed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app="$root/miniapp"
say() { echo "miniapp.sh: $*" >&2; }

install() {
  if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then say "Node.js (20.19 or later) and npm are required (Debian: apt-get install nodejs npm)"; exit 1; fi
    say "installing Node.js and npm with apt-get (once)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq nodejs npm >/dev/null
  fi
  # node_modules/.package-lock.json is npm's record of what it installed: equal to the lock file means nothing to do.
  if ! cmp -s "$app/package-lock.json" "$app/node_modules/.package-lock.json" 2>/dev/null; then
    say "npm ci…"
    (cd "$app" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

newer_than_build() {
  local marker="$1/index.html"
  [ -f "$marker" ] || return 0
  [ -n "$(find "$app/src" "$app/index.html" "$app/vite.config.js" "$app/package-lock.json" -newer "$marker" -print -quit)" ]
}

case "${1:-}" in
  build)
    install
    export VITE_API_BASE="${VITE_API_BASE:-${ZALOBOT_PUBLIC_BASE_URL:-}}"
    [ -n "$VITE_API_BASE" ] || say "warning: VITE_API_BASE is empty; the app will call its own origin"
    (cd "$app" && npx vite build --logLevel warn >&2)
    echo "$app/dist"
    ;;
  preview)
    if newer_than_build "$app/dist-preview" || [ ! -d "$app/node_modules" ]; then
      install
      (cd "$app" && npx vite build --mode preview --logLevel warn >&2)
    fi
    echo "$app/dist-preview"
    ;;
  *)
    sed -n '2,8p' "$0"; exit 2 ;;
esac

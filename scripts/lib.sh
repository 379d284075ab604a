# Shared by the scripts: repo root, a check for the .NET SDK, and the local PostgreSQL.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
  fi
}

# Starts (installing if needed) the project-local PostgreSQL and exports its connection string.
start_postgres() {
  ZALOBOT_PG="$("$root/scripts/pg.sh" start)" || return 1
  export ZALOBOT_PG
}

# Where a script's service keeps citizens' files when it runs as Production: outside the checkout, since the service
# refuses an evidence path inside its own folder outside Development (one per checkout, so two do not mix).
outside_checkout() { # name → a directory under $TMPDIR for this checkout
  echo "${TMPDIR:-/tmp}/zalobot-$(printf '%s' "$root" | md5sum | cut -c1-8)/$1"
}

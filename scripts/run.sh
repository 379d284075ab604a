#!/usr/bin/env bash
# Runs ZaloBot locally: PostgreSQL (project-local cluster), migrations, and the service in simulator mode.
#   scripts/run.sh            service on http://127.0.0.1:8080
#   PORT=9090 scripts/run.sh  another port
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
require_dotnet
start_postgres

port="${PORT:-8080}"
url="http://127.0.0.1:$port"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__Postgres="$ZALOBOT_PG"
# The built-in fake Zalo lives in this process; the service calls it (and it posts webhooks back) at this address.
export Simulator__BaseUrl="$url"
# Citizens' photos and files, kept in the project folder (not in git) unless set otherwise.
export Evidence__LocalPath="${Evidence__LocalPath:-$root/.run/evidence}"

echo "==> building"
dotnet build src/ZaloBot/ZaloBot.csproj -nologo -v quiet -clp:ErrorsOnly
echo "==> applying migrations"
dotnet run --project src/ZaloBot --no-build -- migrate

cat <<MSG
==> starting ZaloBot on $url  (Ctrl+C to stop)
    chat as a citizen $url/simulator   (the built-in Zalo simulator: no Zalo credentials needed)
    API reference     $url/docs        OpenAPI $url/openapi/v1.json
    health            $url/healthz     ready   $url/readyz     metrics $url/metrics
    send a test event scripts/send-event.sh "xin chào"   (signed with the development secret)
    database          $ZALOBOT_PG
    evidence files    $Evidence__LocalPath
MSG
exec dotnet run --project src/ZaloBot --no-build --urls "$url"

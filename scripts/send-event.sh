#!/usr/bin/env bash
# Sends one signed user_send_text webhook to a running ZaloBot, as Zalo would.
#   scripts/send-event.sh "xin chào" [user-id]
# Environment: URL (default http://127.0.0.1:8080), APP_ID and OA_SECRET (default: the development values).
set -euo pipefail
text="${1:-xin chào}"
user="${2:-citizen-1}"
url="${URL:-http://127.0.0.1:${PORT:-8080}}"
app_id="${APP_ID:-dev-app}"
secret="${OA_SECRET:-dev-oa-secret}"
ts="$(date +%s%3N)"
msg_id="cli-$ts-$RANDOM"
escaped="$(printf '%s' "$text" | sed 's/\\/\\\\/g; s/"/\\"/g')"
body="{\"app_id\":\"$app_id\",\"user_id_by_app\":\"$user\",\"event_name\":\"user_send_text\",\"timestamp\":\"$ts\",\"sender\":{\"id\":\"$user\"},\"recipient\":{\"id\":\"dev-oa\"},\"message\":{\"text\":\"$escaped\",\"msg_id\":\"$msg_id\"}}"
mac="$(printf '%s%s%s%s' "$app_id" "$body" "$ts" "$secret" | sha256sum | cut -d' ' -f1)"
curl -sS -X POST "$url/webhooks/zalo" -H 'Content-Type: application/json' -H "X-ZEvent-Signature: mac=$mac" --data-binary "$body"
echo

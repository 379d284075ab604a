#!/usr/bin/env bash
# Data growth, measured: a year of a busy province seeded with generate_series into a database of its own
# (zalobot_growth, dropped at the end unless KEEP=1): 1,000,000 tickets with 3 events each, 10,000,000 processed webhook
# events, 10,000,000 sent messages with one attempt each. Prints each table's and index's size, then times the
# retention job's statements (a 1,000-row batch) and the hot-path lookups on tables that size. Figures: docs/operations.md.
# Uses the project-local PostgreSQL (scripts/pg.sh; ZALOBOT_PG_DIR/ZALOBOT_PG_PORT pick another cluster). Disk: ~15 GB.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$root"
require_dotnet
start_postgres
db=zalobot_growth
port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$ZALOBOT_PG")"
server="postgresql://zalobot:zalobot@127.0.0.1:$port"
psql -q "$server/postgres" -c "drop database if exists $db with (force)" -c "create database $db"
[ "${KEEP:-0}" = 1 ] || trap 'psql -q "$server/postgres" -c "drop database if exists $db with (force)"' EXIT

echo "==> migrating $db"
dotnet build src/ZaloBot/ZaloBot.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
ConnectionStrings__Postgres="${ZALOBOT_PG/Database=zalobot/Database=$db}" Serilog__MinimumLevel__Default=Warning \
  dotnet src/ZaloBot/bin/Release/net10.0/ZaloBot.dll migrate

echo "==> seeding (a year: 1M tickets, 3M ticket events, 10M inbox events, 10M outbox messages, 10M attempts)"
psql -v ON_ERROR_STOP=1 -q "$server/$db" <<'SQL'
\timing on
set synchronous_commit = off;
insert into tickets (code, citizen_zalo_id, status, category_code, description, address, area_code, contact_name, contact_phone,
                     service_centre_code, assigned_agency_code, created_at, updated_at, due_at, resolved_at, rating)
select 'GR-' || lpad(g::text, 8, '0'), 'user-' || (g % 400000), s.status,
       (array['ADMIN','CONDUCT','BIZ_TRANSPORT','BIZ_EXPERT','BIZ_VACCINE','BIZ_POLICY','INFRA','OTHER'])[1 + g % 8],
       'Phản ánh số ' || g || ': ' || (array['đường ngập nước sau mưa','rác thải ùn ứ đầu ngõ','đèn đường hỏng nhiều ngày','hồ sơ đất đai chậm trả kết quả','cán bộ tiếp dân gây khó dễ'])[1 + g % 5],
       'Số ' || (g % 200) || ' đường ' || (array['Lý Thái Tổ','Ngô Gia Tự','Nguyễn Trãi','Trần Hưng Đạo'])[1 + g % 4],
       (array['KINHBAC','VOCUONG','VUNINH','TUSON','QUEVO'])[1 + g % 5],
       'Người dân ' || g, '+8491' || lpad((g % 10000000)::text, 7, '0'),
       case when g % 3 = 0 then (array['BN01','BN02','BN03'])[1 + (g / 3) % 3] end,
       case when s.status in ('assigned','in_progress','resolved','closed') then (array['SXD','SNNMT','UBND-KB','UBND-TS','SYT','VPUB'])[1 + g % 6] end,
       t.ts, t.ts,
       case when s.status <> 'received' then t.ts + interval '14 days' end,
       case when s.status in ('resolved','closed') then t.ts + interval '6 days' end,
       case when s.status = 'closed' then 1 + g % 5 end
from generate_series(1, 1000000) g
cross join lateral (select now() - interval '365 days' + (g * interval '31.536 seconds') as ts) t
cross join lateral (select (array['received','accepted','assigned','in_progress','resolved','closed','closed','closed','rejected'])[1 + g % 9] as status) s;
insert into ticket_events (ticket_id, at, actor_kind, actor_id, kind, is_public, body)
select t.id, t.created_at + k * interval '1 day', (array['citizen','staff','system'])[k], case when k = 2 then 'staff:7' end,
       (array['created','staff_reply','status_changed'])[k], true,
       case when k = 2 then 'Đơn vị đã tiếp nhận và sẽ xử lý trong tuần này.' end
from tickets t cross join generate_series(1, 3) k;
insert into inbox (dedupe_key, event_name, app_id, user_id, msg_id, event_time, received_at, correlation_id, payload, processed_at)
select 'msg-' || g, 'user_send_text', '1234567890123456789', 'user-' || (g % 400000), 'msg-' || g, t.ts, t.ts, md5(g::text),
       format('{"app_id":"1234567890123456789","user_id_by_app":"%s","event_name":"user_send_text","timestamp":"%s","sender":{"id":"user-%s"},"recipient":{"id":"9876543210987654321"},"message":{"text":"%s","msg_id":"msg-%s"}}',
              md5('u' || g), (extract(epoch from t.ts) * 1000)::bigint, g % 400000,
              (array['xin chào','nap cong truoc so 12 duong ly thai to bi vo, tre con di hoc rat nguy hiem','ok gui di','tra cứu','xong'])[1 + g % 5], g),
       t.ts + interval '1 second'
from generate_series(1, 10000000) g
cross join lateral (select now() - interval '365 days' + (g * interval '3.1536 seconds') as ts) t;
insert into outbox (recipient_id, channel, message, idempotency_key, status, attempts, next_attempt_at, created_at, sent_at, zalo_message_id,
                    correlation_id, reply_to_msg_id, delivered_via)
select 'user-' || (g % 400000), 'cs',
       jsonb_build_object('text', 'Cảm ơn bạn. Phản ánh của bạn đã được ghi nhận, mã PA-2611-' || upper(substr(md5(g::text), 1, 4)) || '.'),
       'inbox:' || g || ':0', 'sent', 1, t.ts, t.ts, t.ts + interval '2 seconds', 'zmsg-' || g, md5(g::text), 'msg-' || g, 'reply'
from generate_series(1, 10000000) g
cross join lateral (select now() - interval '365 days' + (g * interval '3.1536 seconds') as ts) t;
insert into outbox_attempts (outbox_id, at, outcome, channel, quota_type)
select id, sent_at, 'sent', 'reply', 'reply' from outbox;
vacuum analyze;
SQL

echo "==> sizes after seeding"
sizes() {
  psql -q "$server/$db" -P footer=off <<'SQL'
select c.relname as "table", to_char(c.reltuples, 'FM999,999,999') as "rows",
       pg_size_pretty(pg_table_size(c.oid)) as "table (with TOAST)", pg_size_pretty(pg_indexes_size(c.oid)) as "indexes",
       pg_size_pretty(pg_total_relation_size(c.oid)) as "total"
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public' and c.relkind = 'r' and pg_total_relation_size(c.oid) > 1024 * 1024
order by pg_total_relation_size(c.oid) desc;
select i.relname as "index", t.relname as "on", pg_size_pretty(pg_relation_size(i.oid)) as "size"
from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
where t.relname in ('inbox', 'outbox', 'outbox_attempts', 'tickets', 'ticket_events')
order by pg_relation_size(i.oid) desc;
select pg_size_pretty(pg_database_size(current_database())) as "database";
SQL
}
sizes

echo "==> the retention job's statements on tables this size (a batch of 1,000; 30-day and 90-day ages)"
psql -q "$server/$db" <<'SQL'
\timing on
with doomed as (select id from inbox where processed_at < now() - interval '30 days' and pg_try_advisory_xact_lock(1) order by id limit 1000 for update skip locked)
delete from inbox where id in (select id from doomed);
with doomed as (select id from inbox where processed_at < now() - interval '30 days' and pg_try_advisory_xact_lock(1) order by id limit 1000 for update skip locked)
delete from inbox where id in (select id from doomed);
with doomed as (select id from outbox where status = 'sent' and sent_at < now() - interval '90 days' and pg_try_advisory_xact_lock(2) order by id limit 1000 for update skip locked),
attempts as (delete from outbox_attempts where outbox_id in (select id from doomed) returning 1),
messages as (delete from outbox where id in (select id from doomed) returning 1)
select (select count(*) from messages) as messages, (select count(*) from attempts) as attempts;
\echo hot paths at this size: a pending-event lookup, a pending-message claim scan, the tickets of one citizen
explain (analyze, costs off, summary on, timing off) select id from inbox where processed_at is null and parked_at is null order by user_id, id limit 100;
explain (analyze, costs off, summary on, timing off) select id from outbox where status = 'pending' and next_attempt_at <= now() order by id limit 100;
explain (analyze, costs off, summary on, timing off) select id, code from tickets where citizen_zalo_id = 'user-4242' order by id desc limit 10;
SQL

if [ "${RETENTION:-0}" = 1 ]; then  # slow: ~17,000 batches
  echo "==> the whole retention pass: every event older than 30 days and every message older than 90 days, 1,000 a batch"
  start=$(date +%s)
  while :; do
    n="$(psql -qtA "$server/$db" -c "with doomed as (select id from inbox where processed_at < now() - interval '30 days' order by id limit 1000) delete from inbox where id in (select id from doomed) returning 1" | wc -l)"
    [ "$n" -gt 0 ] || break
  done
  while :; do
    n="$(psql -qtA "$server/$db" -c "with doomed as (select id from outbox where status = 'sent' and sent_at < now() - interval '90 days' order by id limit 1000), a as (delete from outbox_attempts where outbox_id in (select id from doomed)) delete from outbox where id in (select id from doomed) returning 1" | wc -l)"
    [ "$n" -gt 0 ] || break
  done
  echo "retention pass took $(( $(date +%s) - start )) s"
  psql -q "$server/$db" -c "vacuum analyze inbox, outbox, outbox_attempts"
  echo "==> sizes after retention and a plain VACUUM (space is reused by new rows, not returned to the OS)"
  sizes
fi

-- wrk script for scripts/bench.sh ingest: posts pre-signed Zalo events read from BENCH_EVENTS (one "signature<TAB>body"
-- per line), each thread on its own slice so no event is sent twice in a run.
--   BENCH_PATH      target path (default /webhooks/zalo)
--   BENCH_OFFSET    first event of this run (consecutive runs use disjoint ranges)
--   BENCH_DELAY_MS  pause before each request on a connection (to offer a lower, steady load)
local path = os.getenv("BENCH_PATH") or "/webhooks/zalo"
local base = tonumber(os.getenv("BENCH_OFFSET") or "0")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local file = os.getenv("BENCH_EVENTS")

local threads = 0
function setup(thread)
  thread:set("slice", threads)
  threads = threads + 1
end

local sigs, bodies, n, counter = {}, {}, 0, 0
function init(args)
  for line in io.lines(file) do
    local tab = line:find("\t", 1, true)
    n = n + 1
    sigs[n] = line:sub(1, tab - 1)
    bodies[n] = line:sub(tab + 1)
  end
  counter = base + (slice or 0) * 50000
end

function request()
  counter = counter + 1
  local i = ((counter - 1) % n) + 1
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["X-ZEvent-Signature"] = sigs[i] }, bodies[i])
end

if pause > 0 then
  function delay() return pause end
end

local non2xx = 0
function response(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end

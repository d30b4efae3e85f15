-- wrk script: POSTs the JSON body in $BENCH_BODY with $BENCH_AUTH as the Authorization header, and prints one
-- machine-readable line with the totals and latency percentiles (microseconds) when the run ends.
--
-- With $BENCH_VARY_MARK set, the first occurrence of that text in the body is replaced by a new number in every
-- request, so that no two requests are alike (real traffic repeats a system prompt, not the user's message). The
-- per-request formatting costs wrk a few microseconds of CPU per request, for every target alike.
--
-- With $BENCH_CAP set, each thread sends at most that many POSTs and then only GET /healthz (never metered), and
-- counts the POSTs answered 200: the run then ends with no POST in flight, so the gateway must hold exactly that
-- many usage events. (A plain wrk run stops with up to one request in flight per connection.)
--
-- With $BENCH_DELAY_MS set, each connection waits that many milliseconds after an answer before its next request:
-- the offered rate is then about connections / (delay + latency), below what the gateway could take (soak.sh).
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")

local cap = tonumber(os.getenv("BENCH_CAP") or "")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pause then
  function delay()
    return pause
  end
end
local threads = {}
local post, idle
posted, answered = 0, 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local vary = os.getenv("BENCH_VARY_MARK")
if vary == "" then
  vary = nil
end
local head, tail, serial
function init(args)
  post = wrk.format()
  if vary then
    local at = assert(string.find(wrk.body, vary, 1, true), "BENCH_VARY_MARK is not in the body")
    head, tail = string.sub(wrk.body, 1, at - 1), string.sub(wrk.body, at + #vary)
    -- distinct per thread, and per run (runs start seconds apart and send fewer than a million requests a second)
    serial = id * 1e13 + (os.time() % 1e6) * 1e6
  end
  idle = wrk.format("GET", "/healthz", {}, "")
end

function request()
  if cap and posted >= cap then
    return idle
  end
  posted = posted + 1
  if vary then
    serial = serial + 1
    return wrk.format(nil, nil, nil, head .. string.format("%.0f", serial) .. tail)
  end
  return post
end

if cap then
  function response(status, headers, body)
    if status == 200 and #body > 100 then
      answered = answered + 1
    end
  end
end

function done(summary, latency, requests)
  local e, sent, ok = summary.errors, 0, 0
  for _, thread in ipairs(threads) do
    sent = sent + thread:get("posted")
    ok = ok + thread:get("answered")
  end
  -- wrk calls request() once more, on the first thread, to check the script before it connects
  sent = sent - 1
  io.write(string.format(
    "RESULT requests=%d sent=%d answered=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d http_errors=%d socket_errors=%d\n",
    summary.requests, sent, ok, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end

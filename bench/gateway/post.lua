-- wrk script: POSTs the JSON body in $BENCH_BODY with $BENCH_AUTH as the Authorization header, and prints one
-- machine-readable line with the totals and latency percentiles (microseconds) when the run ends.
--
-- With $BENCH_CAP set, each thread sends at most that many POSTs and then only GET /healthz (never metered), and
-- counts the POSTs answered 200: the run then ends with no POST in flight, so the gateway must hold exactly that
-- many usage events. (A plain wrk run stops with up to one request in flight per connection.)
local file = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")

local cap = tonumber(os.getenv("BENCH_CAP") or "")
local threads = {}
local post, idle
posted, answered = 0, 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  post = wrk.format()
  idle = wrk.format("GET", "/healthz", {}, "")
end

function request()
  if cap and posted >= cap then
    return idle
  end
  posted = posted + 1
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

#!/usr/bin/env bash
# The limits policy's added latency at a fixed request rate (default 1,000 requests/s), measured in-process on the
# policy alone (LimitsPolicyBench): no HTTP, upstream or database noise, so tens of microseconds are visible. Each
# request carries a realistic ~1 KB chat body: the same system prompt (its count remembered, as in real traffic)
# and a user message never seen before (counted on every request, as on the real path). Scenarios:
#   unlimited      a subscription without limits (the policy's fast path)
#   local-requests requests/min and /hour, concurrency and the per-request maximum in local Bucket4j buckets (what
#                  one gateway without Redis does); the prompt is not counted (it is clearly under the maximum)
#   local          every limit, tokens/min and /day too: the prompt is counted to reserve tokens
#   redis-exact    the same limits in Redis (TOLLGATE_REDIS_LIMITS_SYNC=exact), on a redis-server started here
#   redis-relaxed  the same with TOLLGATE_REDIS_LIMITS_SYNC=relaxed
# Usage: bench/limits-bench.sh [requests-per-second] [seconds-per-scenario]
# (BENCH_SKIP_INSTALL=1 skips installing the modules the gateway depends on, when they are current)
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${1:-1000}
SECONDS_PER_SCENARIO=${2:-30}
REDIS_BIN=${REDIS_BIN:-/usr/bin/redis-server}
[ -x "$REDIS_BIN" ] || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 1; }

. bench/gateway-test-classpath.sh

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$REDIS_BIN" --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >/dev/null &
REDIS_PID=$!
trap 'kill "$REDIS_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$JAVA" -version 2>&1 | head -1), $("$REDIS_BIN" --version | cut -d' ' -f1-3)"
run() {
  "$JAVA" -Xmx256m -XX:+UseG1GC -cp "$CLASSPATH" io.tollgate.gateway.limits.LimitsPolicyBench \
    "$1" "$2" "$SECONDS_PER_SCENARIO" "redis://127.0.0.1:$PORT" 2>&1 | grep -E '(service|scheduled) +[0-9]+ req/s' || echo "$1 at $2 req/s did not finish"
}
for scenario in unlimited local-requests local redis-exact redis-relaxed; do run "$scenario" "$RATE"; done
# Redis again at a quarter of the rate: where the machine cannot keep up, the rate above only shows the queue
for scenario in redis-exact redis-relaxed; do run "$scenario" $((RATE / 4)); done

#!/usr/bin/env bash
# shared-harness.sh - the gateway in the comparison harness kept beside the project (GATEWAY_HARNESS, by default
# ../shared/bench/gateway-bench.sh): the harness's mock provider measured alone (direct), behind nginx as a bare
# proxy, behind the Portkey gateway, and behind this gateway with its whole pipeline, pinned as the harness pins
# (clients on CPU 0, the server under test on CPU 1). Its streaming phase opens a new connection per request.
#
# This gateway is set up by bench/gateway-bench.sh in HOLD mode (PostgreSQL, migrations, the seed, the gateway with
# metering), warmed up with wrk against that set-up's fake provider (its JIT needs about 100,000 requests; the
# harness's own warm-up is a few seconds), then its model's provider is pointed at the harness's mock and the
# gateway handed to the harness as a running target.
# PostgreSQL is not pinned: metering's writes land on whichever core is free, as they would in production; there, on
# a two-core machine, they also delay the load generator on CPU 0 (docs/benchmarks.md, "Event loops sized to the
# cores"). POSTGRES_CPU=1 pins it to the server's core instead, where its work competes with the gateway's.
#
# Knobs: TARGETS (default "direct nginx portkey tollgate"), GATEWAY_WARMUP (60 s), NEW_CONNECTION_WARMUP (20 s of
# streaming requests on a new connection each, after the keep-alive warm-up), GATEWAY_EVENT_LOOPS (1), POSTGRES_CPU
# (unset: not pinned), MOCK_PORT (19101, the harness's BASE_PORT+1), BASE_PORT_OWN (19400, the BASE_PORT of this
# gateway's set-up by gateway-bench.sh), and every knob of the harness (DURATION, STREAM_N, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

HARNESS=${GATEWAY_HARNESS:-../shared/bench/gateway-bench.sh}
[[ -f $HARNESS ]] || { echo "no harness at $HARNESS (set GATEWAY_HARNESS)" >&2; exit 1; }
MOCK_PORT=${MOCK_PORT:-19101}
OWN_BASE=${BASE_PORT_OWN:-19400}
GATEWAY_URL=http://127.0.0.1:$((OWN_BASE + 3))/v1
WARM=${GATEWAY_WARMUP:-60}
NEW_CONN_WARM=${NEW_CONNECTION_WARMUP:-20}
# the harness runs the server under test on one core (its nginx with one worker): the gateway gets one event loop
# for it, as it sizes them itself when started on one core; it starts unpinned, and would otherwise count two
EVENT_LOOPS=${GATEWAY_EVENT_LOOPS:-1}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/shared-harness.XXXXXX")
chmod 755 "$WORK" # PostgreSQL runs as its own user below it
HOLD_PID=
stop() {
  if [[ -n $HOLD_PID ]]; then
    kill -TERM "$HOLD_PID" 2>/dev/null || true
    wait "$HOLD_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap stop EXIT

echo "setting up the gateway (bench/gateway-bench.sh HOLD=1, event loops: $EVENT_LOOPS)" >&2
TMPDIR=$WORK HOLD=1 BASE_PORT=$OWN_BASE TOLLGATE_GATEWAY_EVENT_LOOPS=$EVENT_LOOPS bash bench/gateway-bench.sh \
  >"$WORK/hold.log" 2>&1 &
HOLD_PID=$!
pid_file=
for _ in $(seq 1 240); do
  pid_file=$(compgen -G "$WORK/gateway-bench.*/gateway-pid" || true)
  [[ -n $pid_file ]] && break
  kill -0 "$HOLD_PID" 2>/dev/null || { cat "$WORK/hold.log" >&2; exit 1; }
  sleep 1
done
[[ -n $pid_file ]] || { echo "the gateway did not come up" >&2; cat "$WORK/hold.log" >&2; exit 1; }
KEY=$(cat "$(dirname "$pid_file")/api-key")
GATEWAY_PID=$(cat "$pid_file")

# warmed up against the set-up's own fake provider, then pointed at the harness's mock (which the harness starts)
echo "warming the gateway up for ${WARM}s" >&2
cat >"$WORK/warm.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $KEY"
local f = io.open("$PWD/bench/gateway/chat-request.json"); wrk.body = f:read("*a"); f:close()
LUA
wrk -t2 -c16 -d"${WARM}s" -s "$WORK/warm.lua" "$GATEWAY_URL/chat/completions" | grep -E 'Requests/sec|Non-2xx' >&2 || true
# the harness's streaming phase opens a new connection per request, a path the keep-alive warm-up leaves cold: its
# code would still be interpreted there (measured: +2.2 ms to the first byte cold, +0.84 ms once compiled)
echo "warming up new connections for ${NEW_CONN_WARM}s" >&2
sed -i "s|chat-request.json|chat-stream-request.json|" "$WORK/warm.lua"
wrk -t1 -c4 -d"${NEW_CONN_WARM}s" -H 'Connection: close' -s "$WORK/warm.lua" "$GATEWAY_URL/chat/completions" |
  grep -E 'Requests/sec|Non-2xx' >&2 || true
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $((OWN_BASE + 4)) -U tollgate -d tollgate -c \
  "update providers set base_url = 'http://127.0.0.1:$MOCK_PORT/v1', version = version + 1 where name = 'bench-json'"
sleep 2 # the gateway reloads its configuration on the change's notification; the new version renews its client
if [[ -n ${POSTGRES_CPU:-} ]]; then
  # the postmaster and its backends; a backend forked later inherits the postmaster's CPU
  postmaster=$(head -1 "$(dirname "$pid_file")/pg/postmaster.pid")
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    taskset -a -p -c "$POSTGRES_CPU" "$pid" >/dev/null
  done
  echo "PostgreSQL pinned to CPU $POSTGRES_CPU" >&2
fi

TARGETS=${TARGETS:-"direct nginx portkey tollgate"} TARGET_NAME=tollgate TARGET_URL=$GATEWAY_URL \
  TARGET_HEADERS="Authorization: Bearer $KEY" TARGET_MODEL=gpt-4o-mini TARGET_PID=$GATEWAY_PID \
  TARGET_READY_URL="http://127.0.0.1:$((OWN_BASE + 3))/readyz" bash "$HARNESS"

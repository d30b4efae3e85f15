#!/usr/bin/env bash
# metering-crash.sh - "answered means recorded" under the worst stop: the gateway is killed with SIGKILL while wrk
# drives it, started again on the same usage journal, and the chat requests wrk read a 200 for are compared with
# the usage events in PostgreSQL. Every answered request must have its event (none lost), no event may be written
# twice (none doubled); events beyond the answers are requests the gateway had answered when it was killed whose
# response wrk had not read yet (at most one per connection).
#
# It uses gateway-bench.sh's setup (a throwaway PostgreSQL with the migrations and the bench tenant, nginx as the
# fake provider, the gateway jar): same needs and knobs (BASE_PORT, GATEWAY_HEAP, GATEWAY_JAVA_OPTS, WRK_THREADS,
# GATEWAY_JAR). Build the jar first:  ./mvnw -q -pl gateway-service -am install -DskipTests
# Knobs: CONNS 64 connections, ROUNDS 3 kills, KILL_AFTER 15 seconds of load before each kill,
#   SIGNAL KILL; SIGNAL=TERM checks the graceful stop under keep-alive load instead: every request the gateway
#   answered is read by wrk (the last ones with Connection: close), so answered and metered must be equal.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=gateway-bench.sh
. "$HERE/gateway-bench.sh"

CONNS=${CONNS:-64}
ROUNDS=${ROUNDS:-3}
KILL_AFTER=${KILL_AFTER:-15}
SIGNAL=${SIGNAL:-KILL}

events() { # usage events of the bench tenant with status 200, and how many ids appear more than once
  psql_db -At -F ' ' -c "select count(*) filter (where status_code = 200), count(*) - count(distinct id)
    from usage_events where tenant_id = '$TENANT'"
}
settled() { # waits until the event count stops moving, then prints events()
  local last="" now i
  for ((i = 0; i < 120; i++)); do
    now=$(events)
    [[ $now == "$last" ]] && break
    last=$now; sleep 1
  done
  echo "$last"
}

crash_round() { # n -> one line of the report; fails the script when an answered request is not metered
  local n=$1 before doubled after out line kv answered metered lost extra
  declare -A W=()
  read -r before doubled <<<"$(settled)"
  out=$RUN/wrk-$n.out
  # BENCH_CAP far above what is sent only turns on post.lua's count of the 200s read
  BENCH_CAP=1000000000 BENCH_VARY_MARK=48213 BENCH_BODY=$FIX/chat-request.json BENCH_AUTH="Bearer $API_KEY" \
    wrk -t "$WRK_THREADS" -c "$CONNS" -d "$((KILL_AFTER + 3))s" --timeout 2s -s "$FIX/post.lua" \
    "http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions" >"$out" 2>&1 &
  local wrk_pid=$!
  PIDS+=("$wrk_pid")
  sleep "$KILL_AFTER"
  log "round $n: kill -$SIGNAL the gateway (pid $GATEWAY_PID) under load"
  kill -"$SIGNAL" "$GATEWAY_PID"
  wait "$GATEWAY_PID" 2>/dev/null || true
  wait "$wrk_pid" || true
  line=$(grep '^RESULT ' "$out") || die "wrk printed no result: $(cat "$out")"
  for kv in ${line#RESULT }; do W[${kv%%=*}]=${kv#*=}; done
  log "round $n: start the gateway again on the same journal"
  start_gateway
  read -r after doubled <<<"$(settled)"
  answered=${W[answered]} metered=$((after - before))
  lost=$((answered > metered ? answered - metered : 0)) extra=$((metered > answered ? metered - answered : 0))
  local allowed=0
  [[ $SIGNAL != KILL ]] || allowed=$CONNS
  echo "round $n (SIG$SIGNAL): wrk read $answered answers 200 (of ${W[sent]} sent); events with status 200: $metered;" \
    "lost $lost, doubled $doubled, answered but not read by wrk $extra (allowed: $allowed)"
  ((lost == 0 && doubled == 0 && extra <= allowed))
}

crash_main() {
  set_up metering-crash 0
  local n failed=0
  for ((n = 1; n <= ROUNDS; n++)); do
    crash_round "$n" || failed=1
  done
  ((failed == 0)) && echo "every answered request metered exactly once" || echo "MISMATCH"
  return "$failed"
}

crash_main "$@"

#!/usr/bin/env bash
# metering-outage.sh - a long database outage under full load on a small heap: wrk drives the gateway (512 MiB heap
# by default), PostgreSQL is stopped for OUTAGE seconds and started again, and at the end the chat requests wrk read
# a 200 for are compared with the usage events in PostgreSQL. The gateway must stay alive, keep its memory bounded
# (the events wait in the usage journal on disk, not in the heap), and meter every answered request once. Events
# beyond the answers are requests in flight when wrk stopped (at most one per connection).
#
# It uses gateway-bench.sh's setup (same needs and knobs: BASE_PORT, GATEWAY_HEAP, GATEWAY_JAVA_OPTS, WRK_THREADS,
# GATEWAY_JAR). Build the jar first:  ./mvnw -q -pl gateway-service -am install -DskipTests
# Knobs: CONNS 64 connections, OUTAGE 150 seconds, BEFORE 15 and AFTER 45 seconds of load around the outage.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=gateway-bench.sh
. "$HERE/gateway-bench.sh"

CONNS=${CONNS:-64}
OUTAGE=${OUTAGE:-150}
BEFORE=${BEFORE:-15}
AFTER=${AFTER:-45}

pg_ctl_as_pg() { "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$RUN/pg" "$@" >/dev/null; }
readiness() { curl -s -m 2 "http://127.0.0.1:$GATEWAY_PORT/readyz" | tr -d '\n' | cut -c1-300; }

outage_main() {
  set_up metering-outage 0
  local out=$RUN/wrk.out line kv
  declare -A W=()
  BENCH_CAP=1000000000 BENCH_VARY_MARK=48213 BENCH_BODY=$FIX/chat-request.json BENCH_AUTH="Bearer $API_KEY" \
    wrk -t "$WRK_THREADS" -c "$CONNS" -d "$((BEFORE + OUTAGE + AFTER))s" --timeout 5s -s "$FIX/post.lua" \
    "http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions" >"$out" 2>&1 &
  local wrk_pid=$!
  PIDS+=("$wrk_pid")
  sleep "$BEFORE"
  log "stopping PostgreSQL for ${OUTAGE}s"
  pg_ctl_as_pg -m fast -w stop
  sleep "$OUTAGE"
  log "during the outage: $(readiness)"
  log "starting PostgreSQL again"
  pg_ctl_as_pg -l "$RUN/pgsock/postgres.log" -w start -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $RUN/pgsock"
  wait "$wrk_pid" || true
  line=$(grep '^RESULT ' "$out") || die "wrk printed no result: $(cat "$out")"
  for kv in ${line#RESULT }; do W[${kv%%=*}]=${kv#*=}; done
  kill -0 "$GATEWAY_PID" 2>/dev/null || die "the gateway died during the outage: $(tail -20 "$RUN/gateway.log")"
  local last="" now i
  for ((i = 0; i < 300; i++)); do
    now=$(psql_db -At -F ' ' -c "select count(*) filter (where status_code = 200), count(*) - count(distinct id)
      from usage_events where tenant_id = '$TENANT'")
    [[ $now == "$last" ]] && break
    last=$now; sleep 1
  done
  local metered doubled lost extra heap
  read -r metered doubled <<<"$last"
  lost=$((W[answered] > metered ? W[answered] - metered : 0)) extra=$((metered > W[answered] ? metered - W[answered] : 0))
  heap=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "%.0f", m / 1024}' "$RUN/jstat.log")
  echo "outage ${OUTAGE}s at $CONNS connections, -Xmx$GATEWAY_HEAP: wrk read ${W[answered]} answers 200 (of ${W[sent]} sent," \
    "${W[http_errors]} other statuses); events with status 200: $metered; lost $lost, doubled $doubled," \
    "in flight when wrk stopped $extra (at most $CONNS); heap peak ${heap} MiB; after: $(readiness)"
  ((lost == 0 && doubled == 0 && extra <= CONNS))
}

outage_main "$@"

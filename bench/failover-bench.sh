#!/usr/bin/env bash
# failover-bench.sh - one of a model's two deployments is killed under load: what the clients see, and how long the
# gateway takes to open that deployment's breaker.
#
# It uses gateway-bench.sh's setup (a throwaway PostgreSQL with the migrations and the bench tenant, nginx as the
# fake provider, the gateway jar; same needs and knobs: BASE_PORT, GATEWAY_JAR, GATEWAY_HEAP, WRK_THREADS) and adds
# a second fake provider (nginx on BASE_PORT+6) as a second deployment of the bench model, weighted 50/50. wrk drives
# the model at CONNS connections for DURATION seconds; KILL_AFTER seconds in, the second provider is killed (its
# connections reset, new ones refused). The gateway's Prometheus gauge of open breakers is polled every 50 ms.
# Build the jar first:  ./mvnw -q -pl gateway-service -am install -DskipTests
# Knobs: CONNS 64, DURATION 30, KILL_AFTER 10, WARMUP 20 (seconds of load before the measured run)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# before gateway-bench.sh, whose defaults for these are its own
CONNS=${CONNS:-64}
DURATION=${DURATION:-30}
KILL_AFTER=${KILL_AFTER:-10}
WARMUP=${WARMUP:-20}
# shellcheck source=gateway-bench.sh
. "$HERE/gateway-bench.sh"
SECOND_PORT=$((BASE_PORT + 6))

second_provider() { # a second fake provider, and the bench model served by both, weighted alike
  local conf=$RUN/upstream2.conf
  UPSTREAM_PORT=$SECOND_PORT render "$FIX/upstream-nginx.conf.tmpl" "$conf"
  sed -i 's/upstream-nginx/upstream2-nginx/g; s/upstream-body/upstream2-body/; s/upstream-proxy/upstream2-proxy/' "$conf"
  start_bg "$RUN/upstream2.out" nginx -p "$RUN" -c "$conf" -e "$RUN/upstream2-start.log" -g 'daemon off;'
  SECOND_PID=$LAST_PID
  wait_http "http://127.0.0.1:$SECOND_PORT/healthz" 10 || die "the second fake provider did not start"
  psql_db >/dev/null <<SQL
insert into providers (id, name, type, base_url)
values ('00000000-0000-4000-8000-00000000be12', 'bench-json-2', 'OPENAI_COMPATIBLE', 'http://127.0.0.1:$SECOND_PORT/v1');
insert into deployments (id, model_id, provider_id, upstream_model)
values ('00000000-0000-4000-8000-00000000be32', '00000000-0000-4000-8000-00000000be20', '00000000-0000-4000-8000-00000000be12', 'gpt-4o-mini');
update models set routing_strategy = 'WEIGHTED' where id = '00000000-0000-4000-8000-00000000be20';
SQL
}

breakers_open() {
  curl -s -m 1 "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" |
    awk '/^tollgate_gateway_breakers_open/ {print int($2); found=1} END {if (!found) print -1}'
}

served_by_second() { # events served by the second deployment so far
  psql_db -At -c "select count(*) from usage_events where deployment_id = '00000000-0000-4000-8000-00000000be32'"
}

failover_main() {
  preflight
  RUN=$(mktemp -d "${TMPDIR:-/tmp}/failover-bench.XXXXXX")
  chmod 755 "$RUN"
  mkdir -p "$RUN/nginx-tmp"
  log "PostgreSQL ($PGBIN) on port $PG_PORT, migrations, seed"
  start_postgres
  seed
  log "nginx: two fake providers on $UPSTREAM_PORT and $SECOND_PORT"
  start_nginx upstream upstream-nginx.conf.tmpl "$UPSTREAM_PORT"
  second_provider
  start_gateway
  local url=http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions body=$FIX/chat-request.json
  log "warm-up: ${WARMUP}s at $CONNS connections"
  BENCH_VARY_MARK=48213 BENCH_BODY=$body BENCH_AUTH="Bearer $API_KEY" wrk -t "$WRK_THREADS" -c "$CONNS" \
    -d "${WARMUP}s" --timeout 5s -s "$FIX/post.lua" "$url" >/dev/null
  local second_before
  second_before=$(served_by_second)
  ((second_before > 0)) || die "the second deployment served nothing in the warm-up: the split is not working"
  local run_start
  run_start=$(psql_db -At -c "select now()")
  log "measured run: ${DURATION}s; the second provider is killed after ${KILL_AFTER}s"
  local out=$RUN/wrk.out
  BENCH_CAP=1000000000 BENCH_VARY_MARK=48213 BENCH_BODY=$body BENCH_AUTH="Bearer $API_KEY" wrk -t "$WRK_THREADS" \
    -c "$CONNS" -d "${DURATION}s" --timeout 5s -s "$FIX/post.lua" "$url" >"$out" 2>&1 &
  local wrk_pid=$!
  PIDS+=("$wrk_pid")
  sleep "$KILL_AFTER"
  local second_at_kill killed_at opened_ms=-1 start
  second_at_kill=$(served_by_second)
  killed_at=$(date +%s%N)
  # the master stopped first, or it starts new workers for the killed ones; the workers hold the connections
  kill -STOP "$SECOND_PID"
  pkill -9 -P "$SECOND_PID" || true
  kill -9 "$SECOND_PID"
  ! curl -s -m 1 -o /dev/null "http://127.0.0.1:$SECOND_PORT/healthz" || die "the second provider still answers"
  for ((start = SECONDS; SECONDS - start < DURATION;)); do
    if (($(breakers_open) >= 1)); then
      opened_ms=$((($(date +%s%N) - killed_at) / 1000000))
      break
    fi
    sleep 0.05
  done
  wait "$wrk_pid" || true
  local line kv
  declare -A W=()
  line=$(grep '^RESULT ' "$out") || die "wrk printed no result: $(cat "$out")"
  for kv in ${line#RESULT }; do W[${kv%%=*}]=${kv#*=}; done
  sleep 2
  local events retried failed second_after
  second_after=$(served_by_second)
  read -r events retried failed <<<"$(psql_db -At -F ' ' -c "select count(*), count(*) filter (where attempts > 1),
      count(*) filter (where status_code <> 200) from usage_events where occurred_at >= '$run_start'")"
  echo "## Failover under load $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "- wrk: ${W[requests]} requests in ${DURATION} s at $CONNS connections, ${W[answered]} answered 200;" \
    "client-visible errors: ${W[http_errors]} HTTP (non-2xx), ${W[socket_errors]} socket; p50 $((W[p50_us] / 1000)) ms, p99 $((W[p99_us] / 1000)) ms"
  echo "- the second deployment served $((second_at_kill - second_before)) requests before the kill" \
    "and $((second_after - second_at_kill)) after it (in flight when it died, or in the time it took the breaker to open)"
  echo "- breaker of the killed deployment open after: $([[ $opened_ms -ge 0 ]] && echo "$opened_ms ms" || echo "NOT within ${DURATION} s")"
  echo "- usage events in the run: $events; answered after more than one attempt: $retried;" \
    "not 200: $failed"
  ((W[http_errors] == 0 && W[socket_errors] == 0 && opened_ms >= 0))
}

failover_main "$@"

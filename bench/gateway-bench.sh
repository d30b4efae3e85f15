#!/usr/bin/env bash
# gateway-bench.sh - the gateway measured against nginx on loopback, side by side, in one run.
#
#   direct   a fake provider: nginx answering every chat completion with a fixed body (bench/gateway/)
#   nginx    nginx as a bare keep-alive reverse proxy in front of it (what a proxy hop costs at the least)
#   gateway  gateway-service.jar in front of it with its whole pipeline: API key, subscription, the policy
#            chain, the provider call, and metering into a real PostgreSQL
#
# Each is driven with wrk and a ~1 KB chat body at CONNS_HIGH (64) and CONNS_LOW (8) connections; then
# STREAM_N sequential streaming requests time the first byte (curl, one keep-alive connection). At the end the
# script checks that the gateway metered exactly the requests wrk completed, and prints a markdown summary.
#
# Needs (installed with apt-get when missing and run as root): nginx, wrk, postgresql (server binaries, 15+),
# curl, openssl, jq:   apt-get install -y nginx wrk postgresql curl openssl jq
# and a JDK 25, found like ./mvnw finds it (.mvn/select-jdk.sh). It builds nothing: it expects
# gateway-service/target/gateway-service.jar (./mvnw -q -pl gateway-service -am install -DskipTests).
# Everything it starts runs from a temporary folder and is stopped on exit, by PID.
#
# Knobs (environment):
#   DURATION 15        seconds per measured wrk run        WARMUP 90      seconds of gateway warm-up (its JIT needs
#   CONNS_HIGH 64      connections of the throughput run                  about 100,000 requests on this machine)
#   CONNS_LOW 8        connections of the latency run       WRK_THREADS 2
#   STREAM_N 500       streaming requests per target        METER_SECONDS 5  length of the metering check
#   BASE_PORT 19400    +1 provider, +2 nginx proxy, +3 gateway, +4 PostgreSQL, +5 the gateway's management port
#   NGINX_WORKERS auto GATEWAY_HEAP 512m (the heap's fixed size, -Xms and -Xmx, as the image sets it)
#   GATEWAY_JAR        another build, e.g. before/after a change
#   GATEWAY_JAVA_OPTS  more JVM options for the gateway, e.g. a different garbage collector
#   JFR=file           record the gateway with Flight Recorder (JFR_SETTINGS: profile, or a .jfc file)
#   HOLD=1             set everything up, print the URLs, measure nothing, wait for Ctrl+C (the run folder holds
#                      the key in api-key and the gateway's PID in gateway-pid)
#   CACHE=1            the bench app opted in to the response cache and one fixed body (VARY_MARK= implied): after
#                      the first request every gateway answer is a cache hit, measured against nginx in the same run
#   VARY_MARK 48213    text of the chat body (the order number in the user's message) that wrk replaces with a new
#                      number in every request, for every target: no two requests alike, as in real traffic where
#                      the system prompt repeats and the user's message does not. VARY_MARK= sends one fixed body.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
FIX=$HERE/gateway
JAR=${GATEWAY_JAR:-$ROOT/gateway-service/target/gateway-service.jar}
MIGRATIONS=$ROOT/db-migrations/src/main/resources/db/migration

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-90}
CONNS_HIGH=${CONNS_HIGH:-64}
CONNS_LOW=${CONNS_LOW:-8}
WRK_THREADS=${WRK_THREADS:-2}
STREAM_N=${STREAM_N:-500}
METER_SECONDS=${METER_SECONDS:-5}
BASE_PORT=${BASE_PORT:-19400}
NGINX_WORKERS=${NGINX_WORKERS:-auto}
GATEWAY_HEAP=${GATEWAY_HEAP:-512m}
JFR=${JFR:-}
HOLD=${HOLD:-0}
CACHE=${CACHE:-0}
VARY_MARK=${VARY_MARK-48213}
[[ $CACHE != 1 ]] || VARY_MARK=
UPSTREAM_PORT=$((BASE_PORT + 1)) PROXY_PORT=$((BASE_PORT + 2)) GATEWAY_PORT=$((BASE_PORT + 3)) PG_PORT=$((BASE_PORT + 4))
MANAGEMENT_PORT=$((BASE_PORT + 5)) # the gateway's actuator (health, Prometheus); the bench reads /readyz on the public port
PROMPT_TOKENS=231 # the usage blocks of both fixtures

T0=$SECONDS
RUN=""
PGBIN=""
declare -a PIDS=() AS_PG=()
declare -A R=()
log() { printf '[%4ds] %s\n' "$((SECONDS - T0))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---- cleanup: everything this script started, by PID, newest first --------------------------------------------
stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
  if [[ -n $RUN && -f $RUN/pg/postmaster.pid ]]; then
    "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$RUN/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [[ -n $RUN ]] && rm -rf "$RUN"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- preflight -------------------------------------------------------------------------------------------------
preflight() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v jq >/dev/null || missing+=(jq)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  if ((${#missing[@]})); then
    [[ $(id -u) == 0 ]] || die "missing: ${missing[*]} (apt-get install -y ${missing[*]})"
    log "installing ${missing[*]} with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  if [[ $(id -u) == 0 ]]; then # PostgreSQL refuses to run as root
    id postgres >/dev/null 2>&1 || die "running as root, and there is no 'postgres' user to run PostgreSQL as"
    AS_PG=(runuser -u postgres --)
  fi
  [[ -f $JAR ]] || die "no $JAR: build it first with  ./mvnw -q -pl gateway-service -am install -DskipTests"
  local java_home
  java_home=$(cd "$ROOT" && . .mvn/select-jdk.sh && echo "${JAVA_HOME-}") || die "no JDK 25 found (see .mvn/select-jdk.sh)"
  JAVA=${java_home:+$java_home/bin/}java
  JSTAT=${java_home:+$java_home/bin/}jstat
  JCMD=${java_home:+$java_home/bin/}jcmd
  JFR_TOOL=${java_home:+$java_home/bin/}jfr
  local port
  for port in "$UPSTREAM_PORT" "$PROXY_PORT" "$GATEWAY_PORT" "$PG_PORT" "$MANAGEMENT_PORT"; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || die "port $port is busy: set BASE_PORT"
  done
}

wait_http() { # url seconds [pid]: until it answers 2xx (gives up early when the process is gone)
  local end=$((SECONDS + $2))
  until [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1") == 2* ]]; do
    ((SECONDS < end)) || return 1
    [[ -z ${3:-} ]] || kill -0 "$3" 2>/dev/null || return 1
    sleep 0.2
  done
}
start_bg() { # logfile cmd...
  local logf=$1; shift
  "$@" </dev/null >"$logf" 2>&1 &
  PIDS+=("$!")
  LAST_PID=$!
}
psql_db() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U tollgate -d tollgate "$@"; }

# ---- PostgreSQL: a throwaway cluster, the project's migrations, one tenant set up for the benchmark ---------------
start_postgres() {
  mkdir -p "$RUN/pg" "$RUN/pgsock"
  ((${#AS_PG[@]} == 0)) || chown postgres: "$RUN/pg" "$RUN/pgsock"
  "${AS_PG[@]}" "$PGBIN/initdb" -D "$RUN/pg" -U postgres -A trust -E UTF8 --no-locale >"$RUN/initdb.log" 2>&1 ||
    { cat "$RUN/initdb.log" >&2; die "initdb failed"; }
  "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$RUN/pg" -l "$RUN/pgsock/postgres.log" -w start \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $RUN/pgsock" >/dev/null || { cat "$RUN/pgsock/postgres.log" >&2; die "PostgreSQL did not start"; }
  "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -c "create role tollgate login password 'tollgate'" -c "create database tollgate owner tollgate"
  # what Flyway does for the services: every versioned script in version order, each in one transaction
  local script
  for script in $(ls "$MIGRATIONS"/V*__*.sql | sort -V); do psql_db -1 -f "$script" >/dev/null; done
}

seed() { # the tenant, app, key, subscriptions, models, providers (base URL = the fake provider) and prices
  API_SECRET=$(openssl rand -hex 24)
  API_KEY=tg_$(openssl rand -hex 16)
  local hash
  hash=$(printf '%s' "$API_KEY" | openssl dgst -sha256 -hmac "$API_SECRET" | awk '{print $NF}')
  TENANT=00000000-0000-4000-8000-00000000be01
  psql_db >/dev/null <<SQL
begin;
-- a plan whose limits are finite (so the limit checks run) but far above what this machine can send
insert into plans (id, code, name, requests_per_minute, requests_per_hour, tokens_per_minute, tokens_per_day,
                   max_concurrent_requests, max_tokens_per_request)
values ('00000000-0000-4000-8000-00000000be00', 'bench', 'Benchmark', 100000000, 1000000000, 100000000000, 1000000000000, 100000, 131072);
insert into tenants (id, slug, name, plan_id) values ('$TENANT', 'bench', 'Benchmark', '00000000-0000-4000-8000-00000000be00');
insert into apps (id, tenant_id, name) values ('00000000-0000-4000-8000-00000000be02', '$TENANT', 'bench-app');
insert into api_keys (id, tenant_id, app_id, name, prefix, secret_hash)
values ('00000000-0000-4000-8000-00000000be03', '$TENANT', '00000000-0000-4000-8000-00000000be02', 'bench',
        '${API_KEY:0:11}', decode('$hash', 'hex'));
insert into providers (id, name, type, base_url)
values ('00000000-0000-4000-8000-00000000be10', 'bench-json', 'OPENAI_COMPATIBLE', 'http://127.0.0.1:$UPSTREAM_PORT/v1'),
       ('00000000-0000-4000-8000-00000000be11', 'bench-sse', 'OPENAI_COMPATIBLE', 'http://127.0.0.1:$UPSTREAM_PORT/sse/v1');
insert into models (id, name, display_name, capabilities, context_window, requires_approval)
values ('00000000-0000-4000-8000-00000000be20', 'gpt-4o-mini', 'GPT-4o mini', '{chat,streaming}', 128000, false),
       ('00000000-0000-4000-8000-00000000be21', 'bench-stream', 'Streaming fixture', '{chat,streaming}', 128000, false);
insert into deployments (id, model_id, provider_id, upstream_model)
values ('00000000-0000-4000-8000-00000000be30', '00000000-0000-4000-8000-00000000be20', '00000000-0000-4000-8000-00000000be10', 'gpt-4o-mini'),
       ('00000000-0000-4000-8000-00000000be31', '00000000-0000-4000-8000-00000000be21', '00000000-0000-4000-8000-00000000be11', 'gpt-4o-mini');
insert into prices (id, model_id, effective_from, input_per_million, output_per_million, cached_input_per_million)
values ('00000000-0000-4000-8000-00000000be40', '00000000-0000-4000-8000-00000000be20', '2026-01-01T00:00:00Z', 0.15, 0.60, 0.075),
       ('00000000-0000-4000-8000-00000000be41', '00000000-0000-4000-8000-00000000be21', '2026-01-01T00:00:00Z', 0.15, 0.60, 0.075);
insert into subscriptions (id, tenant_id, app_id, model_id, status, decided_at)
values ('00000000-0000-4000-8000-00000000be50', '$TENANT', '00000000-0000-4000-8000-00000000be02', '00000000-0000-4000-8000-00000000be20', 'APPROVED', now()),
       ('00000000-0000-4000-8000-00000000be51', '$TENANT', '00000000-0000-4000-8000-00000000be02', '00000000-0000-4000-8000-00000000be21', 'APPROVED', now());
-- a tenant budget far from any threshold, so budget accounting is on the path as in production
insert into budgets (id, tenant_id, scope, amount_usd, action)
values ('00000000-0000-4000-8000-00000000be60', '$TENANT', 'TENANT', 1000000, 'ALERT_ONLY');
-- CACHE=1: the app caches answers, also those of requests with a temperature or a user field (as the bench's body has)
update apps set cache_enabled = $([[ $CACHE == 1 ]] && echo true || echo false),
                cache_nondeterministic = $([[ $CACHE == 1 ]] && echo true || echo false)
 where id = '00000000-0000-4000-8000-00000000be02';
commit;
SQL
}

# ---- nginx: the fake provider and the bare proxy ------------------------------------------------------------------
nginx_string() { # file -> its content escaped for a single-quoted nginx string
  local s
  IFS= read -r -d '' s <"$1" || true
  ((${#s} < 4000)) || die "$1 is too long for an nginx string (4 KB)"
  [[ $s != *'$'* ]] || die "$1 contains '\$', which nginx would read as a variable"
  s=${s//\\/\\\\}
  printf '%s' "${s//\'/\\\'}"
}
render() { # template output
  local t
  IFS= read -r -d '' t <"$1" || true
  t=${t//@RUN@/"$RUN"}; t=${t//@WORKERS@/"$NGINX_WORKERS"}
  t=${t//@UPSTREAM_PORT@/"$UPSTREAM_PORT"}; t=${t//@PROXY_PORT@/"$PROXY_PORT"}
  t=${t//@CHAT_JSON@/"$(nginx_string "$FIX/chat-completion.json")"}
  t=${t//@FIXTURES@/"$FIX"}
  printf '%s' "$t" >"$2"
}
start_nginx() { # name template port
  render "$FIX/$2" "$RUN/$1.conf"
  start_bg "$RUN/$1.out" nginx -p "$RUN" -c "$RUN/$1.conf" -e "$RUN/$1-start.log" -g 'daemon off;'
  NGINX_PID[$1]=$LAST_PID
  wait_http "http://127.0.0.1:$3/healthz" 10 || { cat "$RUN/$1"*.log >&2; die "nginx ($1) did not start"; }
}

# ---- the gateway ---------------------------------------------------------------------------------------------------
start_gateway() { # [name]: a second gateway beside the first has a name, and its own log, usage journal and jstat
  local name=${1:-gateway} suffix=${1:+-$1}
  local opts=(-Xms"$GATEWAY_HEAP" -Xmx"$GATEWAY_HEAP")
  local extra=()
  read -r -a extra <<<"${GATEWAY_JAVA_OPTS:-}"
  opts+=("${extra[@]}")
  [[ -z $JFR ]] || opts+=("-XX:StartFlightRecording=filename=$JFR,settings=${JFR_SETTINGS:-profile},dumponexit=true")
  start_bg "$RUN/$name.log" env TOLLGATE_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tollgate" \
    TOLLGATE_DB_USER=tollgate TOLLGATE_DB_PASSWORD=tollgate TOLLGATE_API_KEY_SECRET="$API_SECRET" \
    TOLLGATE_MASTER_KEYS="bench:$(openssl rand -base64 32)" TOLLGATE_GATEWAY_PORT="$GATEWAY_PORT" \
    TOLLGATE_GATEWAY_SPOOL_DIR="$RUN/spool$suffix" TOLLGATE_GATEWAY_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    "$JAVA" "${opts[@]}" -jar "$JAR"
  GATEWAY_PID=$LAST_PID
  wait_http "http://127.0.0.1:$GATEWAY_PORT/readyz" 120 "$GATEWAY_PID" || { tail -30 "$RUN/$name.log" >&2; die "the gateway did not become ready"; }
  start_bg "$RUN/jstat$suffix.log" "$JSTAT" -gc "$GATEWAY_PID" 1000
}

# ---- measurements --------------------------------------------------------------------------------------------------
declare -A URL=() NGINX_PID=()
cpu_ticks() { # utime+stime of a process and its children (nginx workers), in clock ticks
  local p f sum=0
  for p in "$1" $(ps -o pid= --ppid "$1" || true); do
    read -r -a f <<<"$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null)" || continue
    sum=$((sum + f[11] + f[12]))
  done
  echo "$sum"
}
server_pid() { case $1 in direct) echo "${NGINX_PID[upstream]}" ;; nginx) echo "${NGINX_PID[proxy]}" ;; gateway) echo "$GATEWAY_PID" ;; esac; }
vary_mark() { # body -> the text post.lua replaces with a new number in every request, when the body has it
  [[ -n $VARY_MARK ]] && grep -qF -- "$VARY_MARK" "$1" && printf '%s' "$VARY_MARK" || true
}
# The gateway's allocation over one run: Flight Recorder's per-thread allocation totals, taken when a recording of
# that event alone starts and when it stops (a chunk's start and end), summed over the threads alive at both.
alloc_start() {
  "$JCMD" "$GATEWAY_PID" JFR.start name=bench-alloc settings=none +jdk.ThreadAllocationStatistics#enabled=true \
    +jdk.ThreadAllocationStatistics#period=everyChunk filename="$RUN/alloc.jfr" >/dev/null
}
alloc_bytes() {
  "$JCMD" "$GATEWAY_PID" JFR.stop name=bench-alloc >/dev/null
  "$JFR_TOOL" print --json --events jdk.ThreadAllocationStatistics "$RUN/alloc.jfr" |
    jq '[.recording.events[].values | {id: .thread.javaThreadId, a: .allocated}] | group_by(.id)
        | map((map(.a) | max) - (map(.a) | min)) | add'
}
wrk_run() { # target connections seconds body [measured] -> R[target.conns.*]; counts the gateway's requests
  local t=$1 c=$2 d=$3 body=$4 measured=${5:-} out cpu0 cpu1 line kv alloc=0
  [[ $t != gateway || -z $measured ]] || alloc_start
  cpu0=$(cpu_ticks "$(server_pid "$t")")
  out=$(BENCH_VARY_MARK=$(vary_mark "$body") BENCH_BODY=$body BENCH_AUTH="Bearer $API_KEY" wrk -t "$WRK_THREADS" -c "$c" -d "${d}s" --timeout 5s \
    -s "$FIX/post.lua" "${URL[$t]}")
  cpu1=$(cpu_ticks "$(server_pid "$t")")
  [[ $t != gateway || -z $measured ]] || alloc=$(alloc_bytes)
  line=$(grep '^RESULT ' <<<"$out") || die "wrk printed no result for $t: $out"
  for kv in ${line#RESULT }; do R[$t.$c.${kv%%=*}]=${kv#*=}; done
  R[$t.$c.rps]=$(awk -v n="${R[$t.$c.requests]}" -v us="${R[$t.$c.duration_us]}" 'BEGIN{printf "%.0f", n * 1e6 / us}')
  R[$t.$c.cpu_us]=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="${R[$t.$c.requests]}" 'BEGIN{printf "%.0f", t * 1e6 / hz / n}')
  R[$t.$c.alloc]=$(awk -v b="$alloc" -v n="${R[$t.$c.requests]}" 'BEGIN{printf "%.1f KB", b / 1024 / n}')
  if [[ $t == gateway ]]; then
    SENT=$((SENT + R[$t.$c.sent]))
    IN_FLIGHT_AT_STOP=$((IN_FLIGHT_AT_STOP + c))
    COMPLETED=$((COMPLETED + R[$t.$c.requests] - R[$t.$c.http_errors]))
  fi
}
stream_run() { # target url -> R[target.stream.*]: STREAM_N sequential requests on one keep-alive connection
  local t=$1 i urls=()
  for ((i = 0; i < STREAM_N; i++)); do urls+=("$2"); done
  curl -s -o /dev/null -w '%{http_code} %{time_starttransfer} %{time_total}\n' -H 'Expect:' -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $API_KEY" --data-binary @"$FIX/chat-stream-request.json" "${urls[@]}" >"$RUN/stream-$t.txt" || true
  R[$t.stream.ok]=$(awk '$1 == 200' "$RUN/stream-$t.txt" | wc -l)
  R[$t.stream.ttfb50]=$(pct "$RUN/stream-$t.txt" 2 0.50)
  R[$t.stream.ttfb99]=$(pct "$RUN/stream-$t.txt" 2 0.99)
  R[$t.stream.total50]=$(pct "$RUN/stream-$t.txt" 3 0.50)
  [[ $t != gateway ]] || { SENT=$((SENT + STREAM_N)); COMPLETED=$((COMPLETED + R[$t.stream.ok])); }
}
pct() { # file column p -> nearest-rank percentile, in microseconds
  awk -v c="$2" '$1 == 200 {print $c * 1e6}' "$1" | sort -g |
    awk -v p="$3" '{a[NR] = $1} END {i = int(p * NR); if (i < p * NR) i++; if (i < 1) i = 1; printf "%.0f", a[i]}'
}
smoke() { # target url body -> fails unless a 200 comes back with a usage block, or a complete stream
  local code
  code=$(curl -s -o "$RUN/smoke.out" -w '%{http_code}' -m 10 -H 'Expect:' -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $API_KEY" --data-binary @"$3" "$2")
  [[ $code == 200 ]] && grep -q -e '"prompt_tokens"' -e '^data: \[DONE\]' "$RUN/smoke.out" || die "$1 ($2) answered $code: $(head -c 300 "$RUN/smoke.out")"
  [[ $1 != gateway ]] || { SENT=$((SENT + 1)); COMPLETED=$((COMPLETED + 1)); }
}
meter_check() { # a capped wrk run: the events it adds must be exactly the requests it completed
  local ok0 closed0 other0 tokens0 hits0 ok closed other tokens hits cap out line kv
  declare -A M=()
  read -r ok0 closed0 other0 tokens0 hits0 <<<"$(metered)"
  RUNS_METERING="$SENT requests sent, $COMPLETED answered 2xx and read; events: $ok0 with status 200, $closed0 client-closed (499), $other0 other"
  local missing=$((SENT - ok0 - closed0 - other0))
  if ((missing == 0)); then
    RUNS_METERING="one event per request sent: $RUNS_METERING"
  elif ((missing > 0 && missing <= IN_FLIGHT_AT_STOP)); then
    # the capped check below ends with nothing in flight and must be exact
    RUNS_METERING="$missing fewer events than requests sent, within the $IN_FLIGHT_AT_STOP that can be in flight when the runs stop (a request wrk abandons before the gateway has read its body is never authenticated nor forwarded, so not metered): $RUNS_METERING"
  else
    RUNS_METERING="MISMATCH: $RUNS_METERING"
  fi
  cap=$(((R[gateway.$CONNS_HIGH.rps] * METER_SECONDS + WRK_THREADS - 1) / WRK_THREADS))
  out=$(BENCH_VARY_MARK=$(vary_mark "$FIX/chat-request.json") BENCH_CAP=$cap BENCH_BODY=$FIX/chat-request.json BENCH_AUTH="Bearer $API_KEY" wrk -t "$WRK_THREADS" -c "$CONNS_HIGH" \
    -d "$((2 * METER_SECONDS + 2))s" --timeout 5s -s "$FIX/post.lua" "${URL[gateway]}")
  line=$(grep '^RESULT ' <<<"$out") || die "wrk printed no result for the metering check: $out"
  for kv in ${line#RESULT }; do M[${kv%%=*}]=${kv#*=}; done
  read -r ok closed other tokens hits <<<"$(metered)"
  ok=$((ok - ok0)) closed=$((closed - closed0)) other=$((other - other0)) tokens=$((tokens - tokens0)) hits=$((hits - hits0))
  METERING="wrk sent ${M[sent]} requests and read ${M[answered]} answers 200; the gateway wrote $ok usage events with status 200"
  METERING+=" ($hits of them cache hits; $tokens prompt tokens = $((ok - hits)) provider answers x $PROMPT_TOKENS: $([[ $tokens == $(((ok - hits) * PROMPT_TOKENS)) ]] && echo yes || echo NO)), $closed client-closed, $other other"
  METERING+="; wrk errors: ${M[http_errors]} HTTP, ${M[socket_errors]} socket"
  if ((M[sent] == M[answered] && ok == M[answered] && closed == 0 && other == 0 && tokens == (ok - hits) * PROMPT_TOKENS)); then
    METERING="exact: $METERING"
  else
    METERING="MISMATCH: $METERING"
  fi
}
metered() { # waits for the metering to settle, then counts the bench tenant's usage events
  local last="" now i
  for ((i = 0; i < 60; i++)); do
    now=$(psql_db -At -c "select count(*) from usage_events where tenant_id = '$TENANT'")
    [[ $now == "$last" ]] && break
    last=$now; sleep 1
  done
  psql_db -At -F ' ' -c "select count(*) filter (where status_code = 200),
      count(*) filter (where status_code = 499), count(*) filter (where status_code not in (200, 499)),
      coalesce(sum(prompt_tokens) filter (where status_code = 200), 0),
      count(*) filter (where status_code = 200 and cache_hit)
    from usage_events where tenant_id = '$TENANT'"
}

# ---- report --------------------------------------------------------------------------------------------------------
ms() { awk -v us="$1" 'BEGIN{printf "%.2f ms", us / 1000}'; }
summary() {
  local c t
  echo "## Gateway benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "Load before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg). wrk ${WRK_THREADS} threads, ${DURATION} s per run, ~1 KB chat body."
  [[ $CACHE != 1 ]] || echo "CACHE=1: one fixed body, the app opted in to the response cache: the gateway's answers are cache hits (no provider call)."
  for c in "$CONNS_HIGH" "$CONNS_LOW"; do
    echo
    echo "### $c connections"
    echo
    echo "| target | req/s | p50 | p90 | p99 | added p50 / p99 vs direct | errors | server CPU per request | allocated per request |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for t in direct nginx gateway; do
      local added="-"
      [[ $t == direct ]] || added="$(ms $((R[$t.$c.p50_us] - R[direct.$c.p50_us]))) / $(ms $((R[$t.$c.p99_us] - R[direct.$c.p99_us])))"
      echo "| $t | ${R[$t.$c.rps]} | $(ms "${R[$t.$c.p50_us]}") | $(ms "${R[$t.$c.p90_us]}") | $(ms "${R[$t.$c.p99_us]}") | $added |" \
        "$((R[$t.$c.http_errors] + R[$t.$c.socket_errors])) | ${R[$t.$c.cpu_us]} µs | $([[ $t == gateway ]] && echo "${R[$t.$c.alloc]}" || echo -) |"
    done
    echo
    echo "gateway / nginx throughput: $(awk -v g="${R[gateway.$c.rps]}" -v n="${R[nginx.$c.rps]}" 'BEGIN{printf "%.0f%%", 100 * g / n}')"
  done
  if ((STREAM_N > 0)); then
    echo
    echo "### Streaming: $STREAM_N sequential requests, one keep-alive connection (curl)"
    echo
    echo "| target | ok | time to first byte p50 | p99 | added p50 vs direct | total p50 |"
    echo "|---|---:|---:|---:|---:|---:|"
    for t in direct nginx gateway; do
      local added="-"
      [[ $t == direct ]] || added=$(ms $((R[$t.stream.ttfb50] - R[direct.stream.ttfb50])))
      echo "| $t | ${R[$t.stream.ok]}/$STREAM_N | $(ms "${R[$t.stream.ttfb50]}") | $(ms "${R[$t.stream.ttfb99]}") | $added | $(ms "${R[$t.stream.total50]}") |"
    done
  fi
  echo
  echo "### Gateway"
  echo
  echo "- heap used, peak (jstat, 1 s samples): $HEAP_PEAK MiB of -Xmx$GATEWAY_HEAP; resident set peak: $RSS_PEAK MiB"
  echo "- metering check (wrk capped at a fixed number of requests, nothing in flight at its end): $METERING"
  echo "- all measured runs together: $RUNS_METERING (a wrk run stops with up to one request per connection in flight:" \
    "answered after wrk stopped reading, or cancelled and metered as client-closed)"
}

# everything a measurement needs: PostgreSQL with the bench tenant, the fake provider, [the bare proxy,] the gateway
set_up() { # run-folder-prefix with-proxy(0|1)
  preflight
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  RUN=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  chmod 755 "$RUN"
  mkdir -p "$RUN/nginx-tmp"
  log "PostgreSQL ($PGBIN) on port $PG_PORT, migrations, seed"
  start_postgres
  seed
  log "nginx: fake provider on $UPSTREAM_PORT$([[ $2 == 1 ]] && echo ", bare proxy on $PROXY_PORT")"
  start_nginx upstream upstream-nginx.conf.tmpl "$UPSTREAM_PORT"
  [[ $2 != 1 ]] || start_nginx proxy proxy-nginx.conf.tmpl "$PROXY_PORT"
  log "gateway on $GATEWAY_PORT ($JAVA, -Xms/-Xmx $GATEWAY_HEAP${JFR:+, JFR to $JFR})"
  start_gateway
  URL[direct]=http://127.0.0.1:$UPSTREAM_PORT/v1/chat/completions
  URL[nginx]=http://127.0.0.1:$PROXY_PORT/v1/chat/completions
  URL[gateway]=http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions
  SENT=0 COMPLETED=0 IN_FLIGHT_AT_STOP=0
}

main() {
  set_up gateway-bench 1
  if [[ $HOLD == 1 ]]; then
    log "HOLD=1: provider ${URL[direct]}, nginx ${URL[nginx]}, gateway ${URL[gateway]} (pid $GATEWAY_PID),"
    log "key in $RUN/api-key; Ctrl+C stops everything"
    (umask 077; printf '%s\n' "$API_KEY" >"$RUN/api-key")
    printf '%s\n' "$GATEWAY_PID" >"$RUN/gateway-pid"
    wait "$GATEWAY_PID" || true
    return
  fi
  local t c body=$FIX/chat-request.json sbody=$FIX/chat-stream-request.json
  for t in direct nginx gateway; do smoke "$t" "${URL[$t]}" "$body"; done
  smoke gateway "${URL[gateway]}" "$sbody"

  log "warm-up: gateway ${WARMUP}s (streaming, then chat), nginx 3s each"
  wrk_run direct "$CONNS_HIGH" 3 "$body"
  wrk_run nginx "$CONNS_HIGH" 3 "$body"
  # streams first: code the JIT compiled for chat alone is thrown away when the first streams arrive
  wrk_run gateway "$CONNS_LOW" 10 "$sbody"
  wrk_run gateway "$CONNS_HIGH" "$WARMUP" "$body"
  for c in "$CONNS_HIGH" "$CONNS_LOW"; do
    for t in direct nginx gateway; do
      sleep 1
      log "$t: ${DURATION}s at $c connections"
      wrk_run "$t" "$c" "$DURATION" "$body" measured
    done
  done
  if ((STREAM_N > 0)); then
    log "streaming: $STREAM_N requests each"
    stream_run direct "http://127.0.0.1:$UPSTREAM_PORT/sse/v1/chat/completions"
    stream_run nginx "http://127.0.0.1:$PROXY_PORT/sse/v1/chat/completions"
    stream_run gateway "${URL[gateway]}"
  fi

  log "metering check: $CONNS_HIGH connections, a fixed number of requests"
  meter_check
  HEAP_PEAK=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "%.0f", m / 1024}' "$RUN/jstat.log")
  RSS_PEAK=$(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$GATEWAY_PID/status")
  summary
  [[ $METERING == exact* ]]
}

# sourced by the other gateway scripts (metering-crash.sh) for its setup functions: run only when executed
[[ ${BASH_SOURCE[0]} != "$0" ]] || main "$@"

#!/usr/bin/env bash
# gateway-ab.sh - two gateway builds compared in alternating short runs, for claims about CPU per request on a host
# whose speed drifts (this one's moves by a third within minutes, so a pair of whole gateway-bench.sh runs minutes
# apart cannot tell a 10% change). Both gateways run at once, on the same PostgreSQL, tenant and fake provider (each
# with its own port and usage journal); one is measured while the other idles, and each round measures both, the
# order alternating (A B, B A, ...). It prints each round's requests per second and CPU per request (from /proc) of
# both, then the medians and the per-round change, which host drift between rounds does not enter.
#
# It uses gateway-bench.sh's setup and knobs (BASE_PORT, GATEWAY_HEAP, GATEWAY_JAVA_OPTS, WRK_THREADS, VARY_MARK).
# Build both jars first (one in a git worktree of the other commit):
#   GATEWAY_JAR=/tmp/a.jar GATEWAY_JAR_B=/tmp/b.jar bench/gateway-ab.sh      # about 6 minutes
# Knobs: ROUNDS 8, DURATION 8 (seconds per measured run), CONNS 64, WARMUP 60 (seconds of chat per gateway, after
#   10 s of streams), GATEWAY_JAVA_OPTS_B (B's JVM options instead of GATEWAY_JAVA_OPTS: one build against itself
#   with a setting changed, e.g. -Dtollgate.gateway.access-log=false), STREAM (1: the measured requests are streams,
#   the bench's 23-event stream each, rather than whole answers), FIRST_BYTE (1: each round then also takes a lone
#   client's time to the first byte of a stream, FIRST_BYTE_N 1000 requests on a kept connection and as many on new
#   ones, from each gateway and from the fake provider alone, with first-byte.py; p50s in a second table).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# this script's defaults, before gateway-bench.sh sets its own
ROUNDS=${ROUNDS:-8}
DURATION=${DURATION:-8}
CONNS=${CONNS:-64}
WARMUP=${WARMUP:-60}
# shellcheck source=gateway-bench.sh
. "$HERE/gateway-bench.sh"

JAR_B=${GATEWAY_JAR_B:?set GATEWAY_JAR_B to the second build (GATEWAY_JAR is the first)}
[[ -f $JAR_B ]] || die "no $JAR_B"
PORT_B=$((BASE_PORT + 6))
BODY=$FIX/chat-request.json
[[ ${STREAM:-0} != 1 ]] || BODY=$FIX/chat-stream-request.json

measure() { # url pid seconds -> "req/s cpu-µs-per-request"
  local out line kv cpu0 cpu1
  declare -A W=()
  cpu0=$(cpu_ticks "$2")
  out=$(BENCH_VARY_MARK=$(vary_mark "$BODY") BENCH_BODY=$BODY BENCH_AUTH="Bearer $API_KEY" \
    wrk -t "$WRK_THREADS" -c "$CONNS" -d "${3}s" --timeout 5s -s "$FIX/post.lua" "$1")
  cpu1=$(cpu_ticks "$2")
  line=$(grep '^RESULT ' <<<"$out") || die "wrk printed no result: $out"
  for kv in ${line#RESULT }; do W[${kv%%=*}]=${kv#*=}; done
  ((W[http_errors] == 0)) || die "$1 answered ${W[http_errors]} requests with an error"
  awk -v n="${W[requests]}" -v us="${W[duration_us]}" -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "%.0f %.1f", n * 1e6 / us, t * 1e6 / hz / n}'
}
warm() { # url pid
  BENCH_BODY=$FIX/chat-stream-request.json BENCH_AUTH="Bearer $API_KEY" \
    wrk -t "$WRK_THREADS" -c "$CONNS_LOW" -d 10s --timeout 5s -s "$FIX/post.lua" "$1" >/dev/null
  measure "$1" "$2" "$WARMUP" >/dev/null
}
first_byte() { # url key kept|new -> the p50 of a lone client's time to the first byte, µs
  python3 "$HERE/first-byte.py" "$1" "$2" "$FIX/chat-stream-request.json" "${FIRST_BYTE_N:-1000}" "$3" |
    awk '{print $4}'
}
first_bytes() { # url_a url_b -> one round's "A-kept B-kept A-new B-new provider-kept provider-new"
  local kind out=""
  for kind in kept new; do
    out+=" $(first_byte "$1" "$API_KEY" $kind) $(first_byte "$2" "$API_KEY" $kind)"
  done
  echo "$out $(first_byte "${URL[direct]}" none kept) $(first_byte "${URL[direct]}" none new)"
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

main_ab() {
  set_up gateway-ab 0
  local pid_a=$GATEWAY_PID url_a=${URL[gateway]} url_b="http://127.0.0.1:$PORT_B/v1/chat/completions"
  log "second gateway (B) on $PORT_B: $JAR_B"
  GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS_B-${GATEWAY_JAVA_OPTS:-}} JAR=$JAR_B GATEWAY_PORT=$PORT_B \
    MANAGEMENT_PORT=$((BASE_PORT + 7)) start_gateway b
  local pid_b=$GATEWAY_PID
  smoke gateway "$url_a" "$BODY"
  smoke gateway "$url_b" "$BODY"
  log "warm-up: each gateway 10 s of streams, then ${WARMUP}s of chat"
  warm "$url_a" "$pid_a"
  warm "$url_b" "$pid_b"

  local r a b rows="" lower=0
  : >"$RUN/ab.txt"
  for ((r = 1; r <= ROUNDS; r++)); do
    if ((r % 2)); then
      a=$(measure "$url_a" "$pid_a" "$DURATION"); b=$(measure "$url_b" "$pid_b" "$DURATION")
    else
      b=$(measure "$url_b" "$pid_b" "$DURATION"); a=$(measure "$url_a" "$pid_a" "$DURATION")
    fi
    log "round $r: A $a, B $b"
    printf '%s %s %s\n' "$r" "$a" "$b" >>"$RUN/ab.txt"
    if [[ ${FIRST_BYTE:-0} == 1 ]]; then
      printf '%s %s\n' "$r" "$(first_bytes "$url_a" "$url_b")" >>"$RUN/first-byte.txt"
      log "round $r: first byte $(tail -n 1 "$RUN/first-byte.txt")"
    fi
  done

  echo "## Gateway A/B $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) CPUs: $ROUNDS rounds of ${DURATION}s at $CONNS connections"
  echo "A: $JAR ($(date -u -r "$JAR" +%H:%MZ))${GATEWAY_JAVA_OPTS:+ with $GATEWAY_JAVA_OPTS}; B: $JAR_B ($(date -u -r "$JAR_B" +%H:%MZ))${GATEWAY_JAVA_OPTS_B:+ with $GATEWAY_JAVA_OPTS_B}."
  echo "Load before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| round | A req/s | A CPU per request | B req/s | B CPU per request | B against A, CPU |"
  echo "|---:|---:|---:|---:|---:|---:|"
  awk '{printf "| %d | %d | %.1f µs | %d | %.1f µs | %+.1f%% |\n", $1, $2, $3, $4, $5, ($5 - $3) * 100 / $3}' "$RUN/ab.txt"
  echo
  echo "- median CPU per request: A $(awk '{print $3}' "$RUN/ab.txt" | median) µs, B $(awk '{print $5}' "$RUN/ab.txt" | median) µs;"\
    "median req/s: A $(awk '{print $2}' "$RUN/ab.txt" | median), B $(awk '{print $4}' "$RUN/ab.txt" | median)"
  echo "- B against A within each round, CPU per request: median $(awk '{printf "%+.1f\n", ($5 - $3) * 100 / $3}' "$RUN/ab.txt" | median)%;"\
    "B lower in $(awk '$5 < $3' "$RUN/ab.txt" | wc -l) of $ROUNDS rounds"
  [[ ${FIRST_BYTE:-0} != 1 ]] || first_byte_table
}

first_byte_table() {
  echo
  echo "A lone client's time to the first byte of a stream, p50 of ${FIRST_BYTE_N:-1000} requests each (first-byte.py):"
  echo
  echo "| round | A, kept connection | B, kept | A, new connection | B, new | the provider alone, kept / new |"
  echo "|---:|---:|---:|---:|---:|---:|"
  awk '{printf "| %d | %d µs | %d µs | %d µs | %d µs | %d / %d µs |\n", $1, $2, $3, $4, $5, $6, $7}' "$RUN/first-byte.txt"
  echo
  echo "- medians: kept A $(awk '{print $2}' "$RUN/first-byte.txt" | median) µs, B $(awk '{print $3}' "$RUN/first-byte.txt" | median) µs;"\
    "new A $(awk '{print $4}' "$RUN/first-byte.txt" | median) µs, B $(awk '{print $5}' "$RUN/first-byte.txt" | median) µs;"\
    "B earlier on a kept connection in $(awk '$3 < $2' "$RUN/first-byte.txt" | wc -l) of $ROUNDS rounds"
}

main_ab "$@"

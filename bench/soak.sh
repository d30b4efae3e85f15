#!/usr/bin/env bash
# soak.sh - the gateway under sustained load, and at rest.
#
#   idle   IDLE_SECONDS with no traffic after start-up: the gateway's CPU as a share of one core
#   max    the throughput the gateway reaches at 64 connections after its warm-up (WARMUP seconds)
#   soak   MINUTES one-minute slices at SHARE percent of that throughput: per minute the rate, latency
#          percentiles (of all its requests, /healthz included), errors, CPU per request, resident set and
#          old-generation heap; at the end the usage events
#          in PostgreSQL are compared with the answers 200 wrk read, which must be equal
#   live   the heap that a full collection leaves, right before the soak and right after it: what the gateway keeps.
#          Between collections the old generation also holds garbage that only a concurrent cycle frees (the
#          connections of each minute's wrk run outlive the young collections), so its use and the resident set
#          climb towards the heap's maximum without any leak; a leak grows the live heap.
#
# The offered rate is held with a fixed pause per connection (post.lua's BENCH_DELAY_MS) and a connection count
# calibrated once before the soak; each slice caps its chat requests (BENCH_CAP) so that none is in flight when it
# ends (the last seconds of a slice are GET /healthz, never metered), which makes the metering check exact.
#
# It uses gateway-bench.sh's setup (a throwaway PostgreSQL with the migrations and the bench tenant, nginx as the
# fake provider, the gateway jar): same needs and knobs (BASE_PORT, GATEWAY_HEAP, GATEWAY_JAVA_OPTS, WRK_THREADS,
# GATEWAY_JAR, VARY_MARK). Build the jar first:  ./mvnw -q -pl gateway-service -am install -DskipTests
# Knobs: MINUTES 30 (0: the idle measurement alone), SHARE 70, IDLE_SECONDS 60, IDLE_SETTLE 60 (seconds between
#   readiness and the idle measurement: start-up's JIT compilations), WARMUP 60, PAUSE_MS 10 (per connection,
#   between requests)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=gateway-bench.sh
. "$HERE/gateway-bench.sh"

MINUTES=${MINUTES:-30}
SHARE=${SHARE:-70}
IDLE_SECONDS=${IDLE_SECONDS:-60}
IDLE_SETTLE=${IDLE_SETTLE:-60}
WARMUP=${WARMUP:-60}
PAUSE_MS=${PAUSE_MS:-10}
SLICE=60
POST_SECONDS=50 # chat requests per slice: the calibrated rate times this; the rest of the minute is /healthz

rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$GATEWAY_PID/status"; }
live_heap_mib() { # the heap in use after a full collection (jcmd's GC.run, then G1's heap summary)
  "$JCMD" "$GATEWAY_PID" GC.run >/dev/null
  "$JCMD" "$GATEWAY_PID" GC.heap_info |
    awk '/garbage-first heap/ {for (i = 1; i < NF; i++) if ($i == "used") {sub(/K,?$/, "", $(i + 1)); printf "%.0f", $(i + 1) / 1024}}'
}
old_gen_mib() { # the old generation's use in jstat's latest sample
  awk 'NR > 1 && $1 ~ /^[0-9.]+$/ {ou = $8} END {printf "%.0f", ou / 1024}' "$RUN/jstat.log"
}

thread_ticks() { # name ticks, per thread name (numbers stripped), of the gateway's threads
  local t s f
  for t in /proc/"$GATEWAY_PID"/task/*; do
    s=$(sed 's/.*) //' "$t/stat" 2>/dev/null) || continue
    read -r -a f <<<"$s"
    printf '%s %d\n' "$(tr -d ' ' <"$t/comm" | sed 's/#\?[0-9]*$//')" $((f[11] + f[12]))
  done | awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}

idle_share() { # -> IDLE (percent of one core) and IDLE_THREADS (the threads that used it, busiest first)
  local t0 t1
  sleep "$IDLE_SETTLE"
  thread_ticks >"$RUN/idle0"
  t0=$(cpu_ticks "$GATEWAY_PID")
  sleep "$IDLE_SECONDS"
  t1=$(cpu_ticks "$GATEWAY_PID")
  thread_ticks >"$RUN/idle1"
  IDLE=$(awk -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v s="$IDLE_SECONDS" 'BEGIN{printf "%.2f", 100 * t / hz / s}')
  IDLE_THREADS=$(join "$RUN/idle0" "$RUN/idle1" | awk -v hz="$(getconf CLK_TCK)" -v s="$IDLE_SECONDS" \
    '$3 > $2 {printf "%.2f%% %s\n", 100 * ($3 - $2) / hz / s, $1}' | sort -rn | head -8 | paste -sd ',' | sed 's/,/, /g')
}

paced() { # connections seconds cap -> the RESULT line of a paced wrk run against the gateway
  local out
  out=$(BENCH_DELAY_MS=$PAUSE_MS BENCH_CAP=$3 BENCH_VARY_MARK=$(vary_mark "$FIX/chat-request.json") \
    BENCH_BODY=$FIX/chat-request.json BENCH_AUTH="Bearer $API_KEY" \
    wrk -t "$WRK_THREADS" -c "$1" -d "${2}s" --timeout 5s -s "$FIX/post.lua" "${URL[gateway]}")
  grep '^RESULT ' <<<"$out" || die "wrk printed no result: $out"
}
field() { sed -E "s/.* $1=([0-9]+).*/\\1/" <<<"$2"; }
rate_of() { awk -v n="$(field requests "$1")" -v us="$(field duration_us "$1")" 'BEGIN{printf "%.0f", n * 1e6 / us}'; }

calibrate() { # -> CONNS, RATE: the connection count (a multiple of the wrk threads) whose paced rate is near TARGET
  local line rate c next
  c=$(awk -v r="$TARGET" -v p="$PAUSE_MS" -v t="$WRK_THREADS" 'BEGIN{c = r * (p + 0.5) / 1000; c = int(c / t + 0.5) * t; print (c < t ? t : c)}')
  for _ in 1 2 3 4; do
    line=$(paced "$c" 8 1000000000)
    rate=$(rate_of "$line")
    log "calibration: $c connections, ${PAUSE_MS} ms pause: $rate req/s (target $TARGET)"
    next=$(awk -v c="$c" -v r="$rate" -v g="$TARGET" -v t="$WRK_THREADS" 'BEGIN{n = c * g / r; n = int(n / t + 0.5) * t; print (n < t ? t : n)}')
    [[ $next != "$c" ]] || break
    c=$next
  done
  CONNS=$c
  RATE=$rate
}

soak_main() {
  set_up gateway-soak 0

  log "idle: ${IDLE_SETTLE}s to settle, then ${IDLE_SECONDS}s measured, without traffic"
  idle_share
  RSS_IDLE=$(rss_mib)
  if ((MINUTES == 0)); then
    echo "- idle: $IDLE% of one core over ${IDLE_SECONDS}s without traffic, ${IDLE_SETTLE}s after readiness (resident set $RSS_IDLE MiB); by thread: $IDLE_THREADS"
    return
  fi

  log "warm-up ${WARMUP}s, then 15s at 64 connections for the maximum"
  local body=$FIX/chat-request.json
  wrk_run gateway 64 "$WARMUP" "$body"
  wrk_run gateway 64 15 "$body"
  MAX=${R[gateway.64.rps]}
  TARGET=$((MAX * SHARE / 100))
  calibrate

  local before_ok before_other i line cap cpu0 cpu1 answered=0 sent=0 capped=0 errors=0 live_before live_after
  read -r before_ok _ before_other _ _ <<<"$(metered)"
  live_before=$(live_heap_mib)
  cap=$(((RATE * POST_SECONDS + WRK_THREADS - 1) / WRK_THREADS))
  log "soak: $MINUTES x ${SLICE}s at ~$RATE req/s ($CONNS connections, ${PAUSE_MS} ms pause; $SHARE% of $MAX)"
  echo "| minute | chat requests | p50 | p99 | errors | CPU per request | RSS MiB | old gen MiB | all answered in the minute |" >"$RUN/soak.md"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|" >>"$RUN/soak.md"
  for ((i = 1; i <= MINUTES; i++)); do
    cpu0=$(cpu_ticks "$GATEWAY_PID")
    line=$(paced "$CONNS" "$SLICE" "$cap")
    cpu1=$(cpu_ticks "$GATEWAY_PID")
    local s a e all_answered=no
    s=$(field sent "$line") a=$(field answered "$line")
    e=$(($(field http_errors "$line") + $(field socket_errors "$line")))
    # a slice whose every chat request was answered before it ended has none in flight
    ((a != s)) || { all_answered=yes; capped=$((capped + 1)); }
    sent=$((sent + s)) answered=$((answered + a)) errors=$((errors + e))
    printf '| %d | %d | %s | %s | %d | %s µs | %s | %s | %s |\n' "$i" "$s" \
      "$(ms "$(field p50_us "$line")")" "$(ms "$(field p99_us "$line")")" "$e" \
      "$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="$(field requests "$line")" 'BEGIN{printf "%.0f", t * 1e6 / hz / n}')" \
      "$(rss_mib)" "$(old_gen_mib)" "$all_answered" | tee -a "$RUN/soak.md" >&2
  done
  live_after=$(live_heap_mib)
  local ok other
  read -r ok _ other _ _ <<<"$(metered)"
  ok=$((ok - before_ok)) other=$((other - before_other))

  echo "## Gateway soak $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "Load before the run: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg). -Xmx$GATEWAY_HEAP, ~1 KB chat body, wrk $WRK_THREADS threads."
  echo
  echo "- idle: $IDLE% of one core over ${IDLE_SECONDS}s without traffic, ${IDLE_SETTLE}s after readiness (resident set $RSS_IDLE MiB); by thread: $IDLE_THREADS"
  echo "- maximum at 64 connections after ${WARMUP}s of warm-up: $MAX req/s; soak at $SHARE%: ~$RATE req/s offered ($CONNS connections, ${PAUSE_MS} ms pause each), $MINUTES one-minute slices"
  echo "- chat requests: $sent sent, $answered answers 200 read; usage events written: $ok with status 200, $other other; errors $errors; in $capped of $MINUTES slices every chat request was answered before the slice ended (in the others wrk stopped with requests in flight, which the gateway answered or saw cancelled)"
  if ((ok == sent && other == 0 && errors == 0)); then
    echo "- metering: exact (one usage event with status 200 per chat request sent)"
  elif ((ok == answered && other == 0 && errors == 0 && capped == MINUTES)); then
    echo "- metering: exact (one usage event per answer; no chat request in flight at any slice's end)"
  else
    echo "- metering: CHECK: $ok events with status 200 and $other others for $sent requests sent and $answered answers read"
  fi
  echo "- live heap (in use after a full collection): $live_before MiB before the soak, $live_after MiB after it;" \
    "resident set $(rss_mib) MiB at the end"
  echo
  cat "$RUN/soak.md"
}

soak_main "$@"

#!/usr/bin/env bash
# What the access log costs a model request, measured in-process (AccessLogBench) with the gateway's own logback
# configuration: the line formatted on the request's thread, handed to the async appender's queue, and written to
# standard output by the appender's thread (sent to a file here, as a container runtime would take it). CPU per
# request counts both threads; allocation counts the request's thread. Variants are interleaved round by round.
# Usage: bench/access-log-bench.sh [requests per round] [rounds]
# (BENCH_SKIP_INSTALL=1 skips installing the modules the gateway depends on, when they are current)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/gateway-test-classpath.sh

OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$JAVA" -version 2>&1 | head -1)"
"$JAVA" -Xmx256m -XX:+UseG1GC -cp "$CLASSPATH" io.tollgate.gateway.observability.AccessLogBench "$@" > "$OUT"
echo "access log lines written: $(grep -c '"request_id":"req_bench"' "$OUT")"

#!/usr/bin/env bash
# What counting a request's new text costs (TokenCountBench): the gateway bench's user message with a new order
# number for every count, counted by the gateway's o200k counter on one thread; CPU and allocation per count by round.
# Usage: bench/token-count-bench.sh [chat body] [counts per round] [rounds]
# (BENCH_SKIP_INSTALL=1 skips installing the modules the gateway depends on, when they are current)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/gateway-test-classpath.sh

echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)  load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx256m -XX:+UseG1GC -cp "$CLASSPATH" io.tollgate.gateway.metering.TokenCountBench "$@"

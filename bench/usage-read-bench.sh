#!/usr/bin/env bash
# What reading a provider answer's usage costs (UsageReadBench): the gateway bench's answer read by the gateway's
# JSON cursor and by Jackson's streaming parser, in alternating rounds on one thread; CPU and allocation per read.
# Usage: bench/usage-read-bench.sh [answer] [reads per round] [rounds]
# (BENCH_SKIP_INSTALL=1 skips installing the modules the gateway depends on, when they are current)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/gateway-test-classpath.sh

echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)  load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx256m -XX:+UseG1GC -cp "$CLASSPATH" io.tollgate.gateway.provider.openai.UsageReadBench "$@"

#!/usr/bin/env bash
# What routing costs a model request, measured in-process (RoutingBench): the route plan and one attempt through
# the failover (breaker permission, in-flight, capacity and latency bookkeeping) for a model with one deployment and
# for models with four deployments whose breakers and capacities are all consulted, under each routing strategy.
# No HTTP or provider: the attempt's answer is already there, so only routing's own work is measured.
# Usage: bench/routing-bench.sh [requests per round] [rounds]
# (BENCH_SKIP_INSTALL=1 skips installing the modules the gateway depends on, when they are current)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/gateway-test-classpath.sh

echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$JAVA" -version 2>&1 | head -1)"
"$JAVA" -Xmx256m -XX:+UseG1GC -cp "$CLASSPATH" io.tollgate.gateway.routing.RoutingBench "$@"

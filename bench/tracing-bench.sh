#!/usr/bin/env bash
# What tracing costs a model request, measured in-process on the tracing calls alone (TracingBench): no HTTP,
# provider or database noise, so nanoseconds are visible. Three variants, interleaved round by round:
#   baseline     only the request's context is built
#   tracing off  the production default (no OTEL_EXPORTER_OTLP_ENDPOINT): the request span, one provider attempt's
#                span started, carried into the call and ended, and the request span finished
#   tracing on   the same with the OpenTelemetry SDK, every span sampled, exported by a batch processor to an
#                exporter that drops them (the collector and the network are not measured)
# Prints CPU time and bytes allocated per request, on the measuring thread (the batch processor's own thread is not
# counted: it runs beside the request path).
# Usage: bench/tracing-bench.sh [requests per round] [rounds]
# (BENCH_SKIP_INSTALL=1 skips installing the modules the gateway depends on, when they are current)
set -euo pipefail
cd "$(dirname "$0")/.."

. bench/gateway-test-classpath.sh

echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$JAVA" -version 2>&1 | head -1)"
"$JAVA" -Xmx256m -XX:+UseG1GC -cp "$CLASSPATH" io.tollgate.gateway.tracing.TracingBench "$@"

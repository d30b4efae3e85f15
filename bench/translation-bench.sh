#!/usr/bin/env bash
# What translating a provider's wire format costs per request, over the OpenAI pass-through path: the Anthropic and
# Gemini adapters' request translation and answer/stream translation, measured in-process on one thread
# (TranslationBench), without HTTP, so a few microseconds are visible. Inputs: the gateway bench's chat request and
# answer (bench/gateway), the same answer rebuilt in Anthropic's and Gemini's documented shapes (same text, stream
# pieces and token counts). After a 20 s warm-up the three paths run interleaved in rounds (an A/B under the same load);
# printed per path: thread CPU ns/request (median and best round), wall ns/request, bytes allocated/request, and the
# CPU added over pass-through (median of the per-round differences), for non-streaming and streaming calls.
# Usage: bench/translation-bench.sh [rounds] [milliseconds-per-case-and-round]
# (BENCH_SKIP_INSTALL=1 skips installing the modules the gateway depends on, when they are current)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-30}
MILLIS=${2:-300}

. bench/gateway-test-classpath.sh

echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)  load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$JAVA" -version 2>&1 | head -1)"
"$JAVA" -Xmx256m -XX:+UseG1GC -cp "$CLASSPATH" io.tollgate.gateway.provider.TranslationBench bench/gateway "$ROUNDS" "$MILLIS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

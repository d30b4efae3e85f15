#!/usr/bin/env bash
# What reading a chat body costs (bench/parse/RequestParse.java), this working tree against another commit: both
# builds' gateway classes, measured in turns (A B A B A B), each in its own JVM on one thread; CPU and allocation per
# body. Usage: bench/request-parse-bench.sh [commit to compare with, default HEAD~1] [turns, default 3]
# (BENCH_SKIP_INSTALL=1 skips installing the modules the gateway depends on, when they are current)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-HEAD~1}
TURNS=${2:-3}

. bench/gateway-test-classpath.sh
DEPENDENCIES=$(cat gateway-service/target/bench.classpath)
OTHER=$(mktemp -d)
trap 'git worktree remove --force "$OTHER/tree" >/dev/null 2>&1 || true; rm -rf "$OTHER"' EXIT
git worktree add -q --detach "$OTHER/tree" "$BASE"
(cd "$OTHER/tree" && ./mvnw -q -o -pl gateway-service compile)

echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)  A: $(git rev-parse --short "$BASE"), B: this tree"
for ((turn = 1; turn <= TURNS; turn++)); do
  "$JAVA" -Xmx256m -cp "$OTHER/tree/gateway-service/target/classes:$DEPENDENCIES" bench/parse/RequestParse.java "A $turn"
  "$JAVA" -Xmx256m -cp "gateway-service/target/classes:$DEPENDENCIES" bench/parse/RequestParse.java "B $turn"
done

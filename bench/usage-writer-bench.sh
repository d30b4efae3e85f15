#!/usr/bin/env bash
# How fast the gateway's usage writer puts events into PostgreSQL (UsageWriterBench): a throwaway PostgreSQL with
# the project's migrations and gateway-bench.sh's tenant (its budget booked on every batch), written by
# UsageBatchWriter as the metering thread writes (one thread, production batch size, one transaction per batch).
# Prints events per second and CPU per event of the writer and of the database's processes.
# Needs what gateway-bench.sh needs for PostgreSQL (postgresql 15+, run as root or the postgres user) and the
# gateway's test classes (built here; BENCH_SKIP_INSTALL=1 skips installing the modules they depend on).
# Usage: bench/usage-writer-bench.sh [events, default 500000] [batch size, default 2000]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE/.."
. bench/gateway-test-classpath.sh
BENCH_JAVA=$JAVA BENCH_CLASSPATH=$CLASSPATH
# the jar check of gateway-bench.sh's preflight does not apply: this bench runs the writer in-process
GATEWAY_JAR=${GATEWAY_JAR:-$(mktemp)}
# shellcheck source=gateway-bench.sh
. "$HERE/gateway-bench.sh"

writer_main() {
  preflight
  RUN=$(mktemp -d "${TMPDIR:-/tmp}/usage-writer-bench.XXXXXX")
  chmod 755 "$RUN"
  log "PostgreSQL ($PGBIN) on port $PG_PORT, migrations, seed"
  start_postgres
  seed
  echo "$(date -u +%Y-%m-%dT%H:%MZ)  $(nproc) cores  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)  load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), default settings (fsync on, synchronous_commit on)"
  BENCH_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/tollgate?user=tollgate&password=tollgate" \
    BENCH_TENANT=$TENANT BENCH_APP=00000000-0000-4000-8000-00000000be02 BENCH_KEY=00000000-0000-4000-8000-00000000be03 \
    BENCH_POSTMASTER_PID=$(head -1 "$RUN/pg/postmaster.pid") \
    "$BENCH_JAVA" -Xmx512m -XX:+UseG1GC -cp "$BENCH_CLASSPATH" io.tollgate.gateway.metering.UsageWriterBench "$@"
  echo "events in the table: $(psql_db -At -c "select count(*) from usage_events")"
}

writer_main "$@"

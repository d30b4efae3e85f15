#!/usr/bin/env bash
# Billing benchmark: generates usage events straight into PostgreSQL, then runs the real rollup and month close
# and prints events/s of the rollup and the month-close time. PostgreSQL is the embedded one of test-support
# (or the server named by TEST_DATABASE_URL).
#   bench/billing-bench.sh [events] [tenants]      defaults: 10000000 1000
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-10000000}"
tenants="${2:-1000}"
./mvnw -q -pl db-migrations,shared-model,test-support install -DskipTests
./mvnw -q -pl billing-service -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec@billing-bench \
    -Dbench.events="$events" -Dbench.tenants="$tenants"

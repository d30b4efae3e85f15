# Sourced by the in-process gateway benches: builds the gateway and its test classes (the modules it depends on
# installed first, unless BENCH_SKIP_INSTALL=1 says they are current) and sets JAVA and CLASSPATH to run a bench class.
echo "Building the gateway and its test classes..." >&2
[ "${BENCH_SKIP_INSTALL:-}" = 1 ] || ./mvnw -q -pl gateway-service -am install -DskipTests
./mvnw -q -pl gateway-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
. .mvn/select-jdk.sh
set +f # select-jdk.sh leaves globbing off, as ./mvnw runs
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
CLASSPATH="gateway-service/target/test-classes:gateway-service/target/classes:$(cat gateway-service/target/bench.classpath)"

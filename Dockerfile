# syntax=docker/dockerfile:1
# The three service images from one Maven build: docker compose builds them (see docker-compose.yml), or by hand:
#   docker build --target gateway -t tollgate/gateway-service:0.1.0 .   (--target portal, billing and migrate alike)
# The build stage has the JDK and Maven; the images that run have only a JRE and their jar, and run as a non-root user.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# the POMs first, so the dependency download is cached until a POM changes
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY db-migrations/pom.xml db-migrations/
COPY test-support/pom.xml test-support/
COPY shared-model/pom.xml shared-model/
COPY invoice-pdf/pom.xml invoice-pdf/
COPY gateway-service/pom.xml gateway-service/
COPY portal-ui/pom.xml portal-ui/
COPY billing-service/pom.xml billing-service/
COPY standalone/pom.xml standalone/
COPY journey-tests/pom.xml journey-tests/
COPY deploy-tests/pom.xml deploy-tests/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl gateway-service,portal-ui,billing-service -am dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl gateway-service,portal-ui,billing-service -am package -DskipTests \
    && mkdir /out \
    && cp gateway-service/target/gateway-service.jar billing-service/target/billing-service.jar /out/ \
    && cp portal-ui/target/portal-ui-exec.jar /out/portal-ui.jar

FROM eclipse-temurin:25-jre AS runtime
RUN useradd --system --uid 10001 --home-dir /opt/tollgate --shell /usr/sbin/nologin tollgate \
    && mkdir -p /var/lib/tollgate/spool && chown 10001:10001 /var/lib/tollgate/spool
WORKDIR /opt/tollgate
USER 10001:10001
# a JVM out of memory exits (and is restarted) instead of limping on; the heap follows the container's memory limit.
# More JVM options: JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=75", "--enable-native-access=ALL-UNNAMED", \
            "-jar", "/opt/tollgate/app.jar"]

# The Flyway migrations of this release (compose's migrate service, the Kubernetes Job and init containers).
FROM flyway/flyway:12.4.0 AS migrate
COPY db-migrations/src/main/resources/db/migration /flyway/sql
ENV FLYWAY_LOCATIONS=filesystem:/flyway/sql
USER 10001:10001

FROM runtime AS gateway
COPY --from=build /out/gateway-service.jar /opt/tollgate/app.jar
# the heap at its full size from the start: grown on demand, it stayed small under load and collected four times as
# often, with a concurrent cycle after every other collection (3-5% more CPU per request, docs/benchmarks.md)
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=75", \
            "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/tollgate/app.jar"]
ENV TOLLGATE_GATEWAY_SPOOL_DIR=/var/lib/tollgate/spool
VOLUME /var/lib/tollgate/spool
EXPOSE 8080 9080

FROM runtime AS portal
COPY --from=build /out/portal-ui.jar /opt/tollgate/app.jar
EXPOSE 8081 9081

FROM runtime AS billing
COPY --from=build /out/billing-service.jar /opt/tollgate/app.jar
EXPOSE 8082 9082

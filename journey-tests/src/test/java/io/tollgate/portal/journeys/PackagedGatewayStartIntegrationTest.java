package io.tollgate.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, started as an operator starts it ({@code java -jar}, settings in the environment): it runs the
 * event loops that {@code TOLLGATE_GATEWAY_EVENT_LOOPS} asks for and says so, and the JVM has nothing to warn about.
 */
class PackagedGatewayStartIntegrationTest {

    @Test
    void the_packaged_gateway_runs_the_event_loops_its_setting_asks_for() {
        var gateway = RunningGateway.shared().awaitReady();

        assertThat(gateway.logLines()).as(gateway.logTail())
                .anySatisfy(line -> assertThat(line).contains("Event loops: " + RunningGateway.EVENT_LOOPS + " on "));
    }

    @Test
    void the_jar_allows_its_native_transport_so_the_jvm_does_not_warn_at_start() {
        var gateway = RunningGateway.shared().awaitReady();

        assertThat(gateway.logLines()).as(gateway.logTail())
                .noneSatisfy(line -> assertThat(line).startsWith("WARNING:"));
    }
}

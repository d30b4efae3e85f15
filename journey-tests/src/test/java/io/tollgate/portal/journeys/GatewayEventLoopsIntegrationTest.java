package io.tollgate.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The packaged gateway, started as an operator starts it (its jar's main class, settings in the environment), runs
 * the event loops that {@code TOLLGATE_GATEWAY_EVENT_LOOPS} asks for, and says so when it starts.
 */
class GatewayEventLoopsIntegrationTest {

    @Test
    void the_packaged_gateway_runs_the_event_loops_its_setting_asks_for() {
        var gateway = RunningGateway.shared().awaitReady();

        assertThat(gateway.logLines()).as(gateway.logTail())
                .anySatisfy(line -> assertThat(line).contains("Event loops: " + RunningGateway.EVENT_LOOPS + " on "));
    }
}

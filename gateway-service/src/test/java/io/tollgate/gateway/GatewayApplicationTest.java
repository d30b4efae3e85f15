package io.tollgate.gateway;

import static io.tollgate.gateway.GatewayApplication.LEAK_SAMPLING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayApplicationTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(LEAK_SAMPLING);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(LEAK_SAMPLING);
        } else {
            System.setProperty(LEAK_SAMPLING, before);
        }
    }

    @Test
    void the_gateway_tracks_one_buffer_in_4096_for_leaks() {
        System.clearProperty(LEAK_SAMPLING);

        GatewayApplication.sampleLeaksSparsely();

        assertThat(System.getProperty(LEAK_SAMPLING)).isEqualTo("4096");
    }

    @Test
    void an_operators_own_sampling_interval_is_kept() {
        System.setProperty(LEAK_SAMPLING, "1");

        GatewayApplication.sampleLeaksSparsely();

        assertThat(System.getProperty(LEAK_SAMPLING)).isEqualTo("1");
    }
}

package io.tollgate.gateway;

import static io.tollgate.gateway.GatewayApplication.LEAK_SAMPLING;
import static io.tollgate.gateway.GatewayApplication.LETTUCE_IO_URING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayApplicationTest {

    private static final List<String> PROPERTIES = List.of(LEAK_SAMPLING, LETTUCE_IO_URING);

    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void remember() {
        PROPERTIES.forEach(property -> before.put(property, System.getProperty(property)));
    }

    @AfterEach
    void restore() {
        before.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void the_gateway_tracks_one_buffer_in_4096_for_leaks() {
        System.clearProperty(LEAK_SAMPLING);

        GatewayApplication.setPropertyDefaults();

        assertThat(System.getProperty(LEAK_SAMPLING)).isEqualTo("4096");
    }

    @Test
    void redis_connections_stay_on_epoll_without_lettuces_warning_about_io_uring() {
        System.clearProperty(LETTUCE_IO_URING);

        GatewayApplication.setPropertyDefaults();

        assertThat(System.getProperty(LETTUCE_IO_URING)).isEqualTo("false");
    }

    @Test
    void an_operators_own_settings_are_kept() {
        System.setProperty(LEAK_SAMPLING, "1");
        System.setProperty(LETTUCE_IO_URING, "true");

        GatewayApplication.setPropertyDefaults();

        assertThat(System.getProperty(LEAK_SAMPLING)).isEqualTo("1");
        assertThat(System.getProperty(LETTUCE_IO_URING)).isEqualTo("true");
    }
}

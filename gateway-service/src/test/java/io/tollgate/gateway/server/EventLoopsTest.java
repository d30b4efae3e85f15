package io.tollgate.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import reactor.netty.ReactorNetty;

class EventLoopsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(ReactorNetty.IO_WORKER_COUNT);
        System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
        } else {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, before);
        }
    }

    @Test
    void the_configured_count_sizes_reactor_nettys_loops() {
        EventLoops.size(new MockEnvironment().withProperty(EventLoops.PROPERTY, "3"));

        assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("3");
    }

    @Test
    void by_default_and_with_zero_there_is_one_loop_per_core() {
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());

        EventLoops.size(new MockEnvironment());
        assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo(cores);

        System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
        EventLoops.size(new MockEnvironment().withProperty(EventLoops.PROPERTY, "0"));
        assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo(cores);
    }

    @Test
    void an_operators_own_setting_is_kept() {
        System.setProperty(ReactorNetty.IO_WORKER_COUNT, "7");

        EventLoops.size(new MockEnvironment().withProperty(EventLoops.PROPERTY, "3"));

        assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("7");
    }

    @Test
    void a_count_that_cannot_be_is_left_to_the_settings_validation() {
        EventLoops.size(new MockEnvironment().withProperty(EventLoops.PROPERTY, "many"));
        EventLoops.size(new MockEnvironment().withProperty(EventLoops.PROPERTY, "-1"));

        assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isNull();
    }
}

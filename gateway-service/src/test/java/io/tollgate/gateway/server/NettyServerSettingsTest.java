package io.tollgate.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.Test;
import reactor.netty.http.server.HttpServer;

class NettyServerSettingsTest {

    @Test
    void the_event_loops_use_io_uring_where_the_kernel_allows_it_and_else_say_why_not() {
        String transport = NettyServerSettings.transport(HttpServer.create().configuration());

        if (IoUring.isAvailable()) {
            assertThat(transport).isEqualTo("io_uring");
        } else {
            assertThat(transport).startsWith(Epoll.isAvailable() ? "epoll (io_uring unavailable: " : "Nio");
        }
    }
}

package io.tollgate.gateway.server;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.tollgate.gateway.support.RawConnection;
import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.TestPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.HttpResources;

/** A client cannot hold a connection of the gateway for nothing: headers, body and idle time are bounded, and so is the number of connections. */
class ServerTimeoutsIntegrationTest {

    private static final Duration IDLE = Duration.ofMillis(1500);
    private static StandaloneGateway gateway;
    private static String key;
    private static String slowModel;

    @BeforeAll
    static void start() throws IOException {
        var database = TestPostgres.instance().shared();
        var seeder = new Seeder(database.dataSource());
        UUID tenant = seeder.tenant();
        UUID app = seeder.app(tenant);
        key = seeder.key(tenant, app, null).plaintext();
        slowModel = seeder.model(seeder.mockProvider("{\"latencyMs\": " + IDLE.multipliedBy(2).toMillis() + "}"),
                "mock-gpt", "0.15", "0.075", "0.60");
        seeder.subscribe(tenant, app, slowModel, "APPROVED");
        gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-timeouts"),
                Map.of("tollgate.gateway.server.header-timeout", "300ms",
                        "tollgate.gateway.server.body-timeout", "500ms",
                        "tollgate.gateway.server.idle-timeout", IDLE.toMillis() + "ms",
                        "tollgate.gateway.server.max-connections", "4"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void noConnectionLeftOpen() {
        var connections = gateway.bean(Connections.class);
        await(() -> connections.count() == 0, Duration.ofSeconds(5), "the previous test's connections to close");
    }

    @Test
    void headers_trickled_byte_by_byte_are_cut_off_at_the_header_timeout() throws Exception {
        try (var connection = new RawConnection(gateway.baseUrl())) {
            String request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + "a".repeat(100);
            long start = System.nanoTime();
            boolean cutOff = false;
            // each byte resets an idle timer; only a timer from the first byte stops this
            for (int i = 0; i < request.length() && !cutOff; i++) {
                try {
                    connection.send(request.substring(i, i + 1));
                    cutOff = connection.closedWithin(Duration.ofMillis(50));
                } catch (IOException closed) {
                    cutOff = true;
                }
            }
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertThat(cutOff).as("the connection is closed while the headers trickle in").isTrue();
            // trickled to the end, the header would take over 10 s; a loaded machine may fire the 300 ms timer late
            assertThat(elapsedMillis).isBetween(250L, 5000L);
        }
    }

    /** A model request's body is timed by its exchange, any other's by the connection that passes it on. */
    @ParameterizedTest
    @ValueSource(strings = {"/v1/chat/completions", "/v1/models"})
    void a_stalled_body_is_cut_off_at_the_body_timeout(String path) throws Exception {
        try (var connection = new RawConnection(gateway.baseUrl())) {
            connection.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"model\":");
            long start = System.nanoTime();

            // before the idle timeout, which a response sent before the body ended would have started
            assertThat(connection.closedWithin(IDLE.multipliedBy(3))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isBetween(400L, IDLE.toMillis() - 100);
        }
    }

    @Test
    void requests_answered_before_their_last_piece_is_read_leave_no_timer_behind() throws Exception {
        int before = scheduledTasks();
        try (var connection = new RawConnection(gateway.baseUrl())) {
            for (int i = 0; i < 500; i++) {
                connection.send(RawConnection.get("/healthz"));
                assertThat(connection.read().status()).isEqualTo(200);
            }
        }

        // each used to leave a body timer holding its request until the timer fired, 30 s later by default
        assertThat(scheduledTasks() - before).isLessThan(100);
    }

    /** The timers waiting on the server's event loops, each counted on its own loop (Netty has no public count). */
    private static int scheduledTasks() throws Exception {
        Field queue = AbstractScheduledEventExecutor.class.getDeclaredField("scheduledTaskQueue");
        queue.setAccessible(true);
        int tasks = 0;
        for (EventExecutor loop : HttpResources.get().onServer(true)) {
            tasks += loop.submit(() -> {
                var waiting = (java.util.Collection<?>) queue.get(loop);
                return waiting == null ? 0 : waiting.size();
            }).get();
        }
        return tasks;
    }

    @Test
    void an_idle_keep_alive_connection_is_closed_at_the_idle_timeout() throws Exception {
        try (var connection = new RawConnection(gateway.baseUrl())) {
            connection.send(RawConnection.get("/healthz"));
            assertThat(connection.read().status()).isEqualTo(200);
            long start = System.nanoTime();

            assertThat(connection.closedWithin(IDLE.multipliedBy(3))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isGreaterThanOrEqualTo(IDLE.toMillis() - 100);
        }
    }

    @Test
    void a_request_that_takes_longer_than_the_idle_timeout_is_answered_and_its_connection_kept() throws Exception {
        await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(20), "readiness");
        try (var connection = new RawConnection(gateway.baseUrl())) {
            connection.send(RawConnection.chat(key, slowModel));
            var answer = connection.read();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.closes()).isFalse();
            connection.send(RawConnection.get("/healthz"));
            assertThat(connection.read().status()).isEqualTo(200);
        }
    }

    @Test
    void a_connection_beyond_the_cap_is_closed_at_once_and_one_is_accepted_again_when_another_closes() throws Exception {
        List<RawConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                var connection = new RawConnection(gateway.baseUrl());
                open.add(connection);
                connection.send(RawConnection.get("/healthz"));
                assertThat(connection.read().status()).isEqualTo(200);
            }
            try (var fifth = new RawConnection(gateway.baseUrl())) {
                assertThat(fifth.closedWithin(Duration.ofSeconds(1))).isTrue();
            }

            open.removeFirst().close();
            var connections = gateway.bean(Connections.class);
            await(() -> connections.count() == 3, Duration.ofSeconds(5), "the closed connection to be counted out");
            try (var another = new RawConnection(gateway.baseUrl())) {
                another.send(RawConnection.get("/healthz"));
                assertThat(another.read().status()).isEqualTo(200);
            }
        } finally {
            for (var connection : open) {
                connection.close();
            }
        }
    }
}

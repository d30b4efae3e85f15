package io.tollgate.gateway.provider.http;

import static io.tollgate.gateway.provider.http.ScriptedServer.answer;
import static io.tollgate.gateway.provider.http.ScriptedServer.chunk;
import static io.tollgate.gateway.provider.http.ScriptedServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamHttp.Answer;
import io.tollgate.gateway.support.BlockHoundSupport;
import io.tollgate.testsupport.FreePorts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;
import reactor.util.context.Context;

/**
 * The provider client's own behaviour against a server whose answers are scripted byte for byte. Its calls run on
 * one event loop, as a gateway request's calls do on the loop of that request.
 */
class UpstreamConnectionsTest {

    private static final LoopResources LOOP = LoopResources.create("upstream-test", 1, true);

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] BODY = "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8);

    private final UpstreamConnections connections = new UpstreamConnections(() -> LOOP, null,
            Clock.systemUTC(), 10, 10, Duration.ofSeconds(30));
    private final UpstreamClient client = new UpstreamClient(headers -> headers.set("authorization", "Bearer key"),
            Duration.ofSeconds(2), Duration.ofSeconds(5));
    private ScriptedServer server;

    @BeforeAll
    static void blockHound() {
        BlockHoundSupport.install();
    }

    @AfterAll
    static void stopLoop() {
        LOOP.disposeLater().block(WAIT);
    }

    @AfterEach
    void close() {
        connections.close();
        if (server != null) {
            server.close();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private Answer post(String path) {
        return connections.post(client, uri(path), BODY, null).block(WAIT);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void a_kept_alive_connection_serves_the_next_request() {
        server = new ScriptedServer((request, out) -> {
            write(out, answer(200, "{\"n\":" + request.connection() + "}"));
            return true;
        });

        var first = post("/v1/chat/completions");
        var second = post("/v1/chat/completions");

        assertThat(first.status()).isEqualTo(200);
        assertThat(text(first.body())).isEqualTo("{\"n\":1}");
        assertThat(text(second.body())).isEqualTo("{\"n\":1}");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void the_request_carries_the_clients_headers_its_own_over_them_and_the_trace_context() {
        server = new ScriptedServer((request, out) -> {
            write(out, answer(200, "{}"));
            return true;
        });

        connections.post(client, uri("/v1/messages?beta=true"), BODY, headers -> headers.set("Authorization", "Bearer fresh"))
                .contextWrite(Context.of(UpstreamHttp.TRACE_HEADERS, Map.of("traceparent", "00-abc-def-01")))
                .block(WAIT);

        var request = server.received().getFirst();
        assertThat(request.head()).startsWith("POST /v1/messages?beta=true HTTP/1.1")
                .contains("\nhost: 127.0.0.1:" + server.port(), "\ncontent-type: application/json",
                        "\nauthorization: Bearer fresh", "\ntraceparent: 00-abc-def-01", "\ncontent-length: " + BODY.length)
                .doesNotContain("Bearer key");
        assertThat(request.body()).isEqualTo(text(BODY));
    }

    @Test
    void a_header_value_with_a_line_break_is_refused_before_anything_is_sent() {
        server = new ScriptedServer((request, out) -> {
            write(out, answer(200, "{}"));
            return true;
        });

        var failure = catchThrowableOfType(RejectedException.class, () -> connections.post(client,
                uri("/v1/chat/completions"), BODY, headers -> headers.set("x-smuggled", "a\r\nx-other: b")).block(WAIT));

        assertThat(failure.rejection().code()).isEqualTo("upstream_error");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void a_connection_the_provider_answers_with_connection_close_is_not_reused() {
        server = new ScriptedServer((request, out) -> {
            write(out, answer(200, "{}", "connection: close"));
            return false;
        });

        post("/v1/chat/completions");
        post("/v1/chat/completions");

        assertThat(server.received()).extracting(ScriptedServer.Received::connection).containsExactly(1, 2);
    }

    @Test
    void a_chunked_answer_is_relayed_piece_by_piece_and_its_connection_kept() {
        var second = new CountDownLatch(1);
        server = new ScriptedServer((request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n");
            write(out, chunk("data: one\n\n"));
            second.await(5, TimeUnit.SECONDS);
            write(out, chunk("data: two\n\n") + "0\r\n\r\n");
            return true;
        });

        List<String> pieces = connections.chunks(client, uri("/v1/chat/completions"), BODY, null, answer -> null)
                .map(UpstreamConnectionsTest::text)
                .doOnNext(piece -> second.countDown())
                .collectList().block(WAIT);
        post("/v1/chat/completions");

        assertThat(pieces).containsExactly("data: one\n\n", "data: two\n\n");
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void a_cancelled_stream_closes_its_connection_instead_of_returning_it() throws InterruptedException {
        server = new ScriptedServer((request, out) -> {
            if (request.connection() == 1) {
                write(out, "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n" + chunk("data: one\n\n"));
                // the rest never comes: the client goes away first
                new CountDownLatch(1).await(10, TimeUnit.SECONDS);
                return false;
            }
            write(out, answer(200, "{}"));
            return true;
        });

        String first = connections.chunks(client, uri("/v1/chat/completions"), BODY, null, answer -> null)
                .map(UpstreamConnectionsTest::text).blockFirst(WAIT);
        post("/v1/chat/completions");

        assertThat(first).isEqualTo("data: one\n\n");
        assertThat(server.received()).extracting(ScriptedServer.Received::connection).containsExactly(1, 2);
    }

    @Test
    void an_error_answer_is_read_whole_and_handed_to_the_failure_reader() {
        server = new ScriptedServer((request, out) -> {
            write(out, answer(500, "{\"error\":{\"message\":\"boom\"}}"));
            return true;
        });

        var answer = post("/v1/chat/completions");
        var failure = catchThrowableOfType(RejectedException.class, () -> connections.chunks(client,
                        uri("/v1/chat/completions"), BODY, null,
                        error -> Rejection.upstream(502, "read_" + error.status(), text(error.body())))
                .blockLast(WAIT));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(text(answer.body())).isEqualTo("{\"error\":{\"message\":\"boom\"}}");
        assertThat(failure.rejection().code()).isEqualTo("read_500");
        assertThat(failure.rejection().message()).isEqualTo("{\"error\":{\"message\":\"boom\"}}");
        assertThat(server.connections()).as("an error answer read whole keeps its connection").isEqualTo(1);
    }

    @Test
    void an_answer_without_length_is_read_until_the_provider_closes() {
        server = new ScriptedServer((request, out) -> {
            write(out, "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n{\"whole\":true}");
            return false;
        });

        assertThat(text(post("/v1/chat/completions").body())).isEqualTo("{\"whole\":true}");
        assertThat(text(post("/v1/chat/completions").body())).isEqualTo("{\"whole\":true}");
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void silence_past_the_response_timeout_is_a_504_before_the_first_byte_and_between_reads() {
        server = new ScriptedServer((request, out) -> {
            if (request.path().equals("/between")) {
                write(out, "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n" + chunk("data: one\n\n"));
            }
            new CountDownLatch(1).await(5, TimeUnit.SECONDS);
            return false;
        });
        var quick = Context.of(UpstreamHttp.TIMEOUTS, new UpstreamHttp.Timeouts(null, Duration.ofMillis(300)));

        long started = System.nanoTime();
        var before = catchThrowableOfType(RejectedException.class, () -> connections.post(client, uri("/before"),
                BODY, null).contextWrite(quick).block(WAIT));
        var received = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var between = catchThrowableOfType(RejectedException.class, () -> connections.chunks(client, uri("/between"),
                BODY, null, answer -> null).map(UpstreamConnectionsTest::text).doOnNext(received::add)
                .contextWrite(quick).blockLast(WAIT));

        assertThat(before.rejection().status()).isEqualTo(504);
        assertThat(before.rejection().code()).isEqualTo("upstream_timeout");
        assertThat(between.rejection().code()).isEqualTo("upstream_timeout");
        assertThat(received).containsExactly("data: one\n\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the server stays silent for 5 s each time")
                .isLessThan(Duration.ofMillis(4_500));
    }

    @Test
    void a_shorter_response_timeout_holds_on_a_connection_an_exchange_with_a_longer_one_used_before() {
        server = new ScriptedServer((request, out) -> {
            if (request.path().equals("/quick")) {
                write(out, answer(200, "{\"quick\":true}"));
                return true;
            }
            new CountDownLatch(1).await(5, TimeUnit.SECONDS);
            return false;
        });
        var patient = Context.of(UpstreamHttp.TIMEOUTS, new UpstreamHttp.Timeouts(null, Duration.ofSeconds(30)));
        var quick = Context.of(UpstreamHttp.TIMEOUTS, new UpstreamHttp.Timeouts(null, Duration.ofMillis(300)));
        var first = connections.post(client, uri("/quick"), BODY, null).contextWrite(patient).block(WAIT);

        long started = System.nanoTime();
        var silent = catchThrowableOfType(RejectedException.class, () -> connections.post(client, uri("/silent"),
                BODY, null).contextWrite(quick).block(WAIT));

        assertThat(text(first.body())).isEqualTo("{\"quick\":true}");
        assertThat(silent.rejection().code()).isEqualTo("upstream_timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("not the first exchange's 30 s, nor the 5 s silence")
                .isLessThan(Duration.ofMillis(4_500));
        assertThat(server.connections()).as("the same connection").isEqualTo(1);
    }

    @Test
    void a_refused_connection_is_unreachable() {
        int port = FreePorts.reserve();

        var failure = catchThrowableOfType(RejectedException.class, () -> connections.post(client,
                URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"), BODY, null).block(WAIT));

        assertThat(failure.rejection().status()).isEqualTo(502);
        assertThat(failure.rejection().code()).isEqualTo("upstream_unreachable");
    }

    @Test
    void a_close_before_the_answer_is_a_reset_and_during_it_a_close() {
        server = new ScriptedServer((request, out) -> {
            if (request.path().equals("/during")) {
                write(out, "HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{\"partial\":");
            }
            return false;
        });

        var before = catchThrowableOfType(RejectedException.class, () -> post("/before"));
        var during = catchThrowableOfType(RejectedException.class, () -> post("/during"));

        assertThat(before.rejection().code()).isEqualTo("upstream_reset");
        assertThat(during.rejection().code()).isEqualTo("upstream_closed");
    }

    @Test
    void a_kept_connection_the_provider_closed_is_not_used_again() {
        server = new ScriptedServer((request, out) -> {
            write(out, answer(200, "{\"n\":" + request.connection() + "}"));
            // keep-alive promised, yet the connection closes right after the answer: the next request finds it
            // closed in the pool, or is sent on it, fails before any answer and goes once more on a new one
            return false;
        });

        post("/v1/chat/completions");
        var second = post("/v1/chat/completions");

        assertThat(text(second.body())).isEqualTo("{\"n\":2}");
    }

    @Test
    void waiting_requests_beyond_the_limit_are_refused_and_the_others_served_in_turn() {
        var limited = new UpstreamConnections(() -> LOOP, null, Clock.systemUTC(), 1, 1, Duration.ofSeconds(30));
        server = new ScriptedServer((request, out) -> {
            Thread.sleep(200);
            write(out, answer(200, "{}"));
            return true;
        });
        try {
            var results = Flux.range(0, 3)
                    .flatMap(i -> limited.post(client, uri("/v1/chat/completions"), BODY, null)
                            .map(answer -> "ok")
                            .onErrorResume(RejectedException.class, e -> Mono.just(e.rejection().code())), 64)
                    .collectList().block(WAIT);

            assertThat(results).as("one request on the one connection, one waiting for it, one refused as busy")
                    .containsExactlyInAnyOrder("ok", "ok", "upstream_busy");
            assertThat(server.connections()).isEqualTo(1);
        } finally {
            limited.close();
        }
    }

    @Test
    void a_request_waits_for_a_busy_connection_no_longer_than_the_connect_timeout() {
        var limited = new UpstreamConnections(() -> LOOP, null, Clock.systemUTC(), 1, 10, Duration.ofSeconds(30));
        server = new ScriptedServer((request, out) -> {
            Thread.sleep(request.path().equals("/slow") ? 3_000 : 0);
            write(out, answer(200, "{}"));
            return true;
        });
        var connectWithin = Context.of(UpstreamHttp.TIMEOUTS, new UpstreamHttp.Timeouts(Duration.ofMillis(400), null));
        try {
            var slow = limited.post(client, uri("/slow"), BODY, null).contextWrite(connectWithin).toFuture();
            long started = System.nanoTime();
            var waiting = catchThrowableOfType(RejectedException.class, () -> limited.post(client, uri("/next"), BODY,
                    null).contextWrite(connectWithin).block(WAIT));
            var waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(waiting.rejection().status()).isEqualTo(503);
            assertThat(waiting.rejection().code()).isEqualTo("upstream_busy");
            assertThat(waited).as("the connect timeout, not the slow answer's 3 s")
                    .isBetween(Duration.ofMillis(350), Duration.ofMillis(2_500));
            assertThat(slow.join().status()).as("the busy connection's own request is unaffected").isEqualTo(200);
            var after = limited.post(client, uri("/after"), BODY, null).contextWrite(connectWithin).block(WAIT);
            assertThat(text(after.body())).as("the pool serves again once its connection is free").isEqualTo("{}");
            assertThat(server.connections()).as("one connection, reused").isEqualTo(1);
        } finally {
            limited.close();
        }
    }
}

package io.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.RawConnection;
import io.tollgate.gateway.support.FakeUpstream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which requests the model routes answer on the connection's pipeline, which go on to WebFlux, and in what order. */
class ModelRoutesIntegrationTest extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void every_model_endpoint_is_answered_by_the_model_handler_with_a_request_id() {
        for (Endpoint endpoint : Endpoint.values()) {
            var response = send(request(endpoint.apiPath()).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("hello")));

            assertThat(response.statusCode()).as(endpoint.path()).isEqualTo(415);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(response.body()).contains(endpoint == Endpoint.MESSAGES
                    ? "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\""
                    : "\"code\":\"unsupported_media_type\"");
            assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
        }
        var countTokens = send(request("/v1/messages/count_tokens").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(countTokens.statusCode()).isEqualTo(415);
        assertThat(countTokens.body()).startsWith("{\"type\":\"error\"");
        var wrongMethod = send(request("/v1/messages/count_tokens").GET());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).startsWith("{\"type\":\"error\"");
    }

    @Test
    void a_stream_goes_out_as_server_sent_events_with_the_request_id() {
        var world = world();
        String body = "{\"model\":\"" + world.mockModel() + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        var response = send(request("/v1/chat/completions").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + world.key().plaintext()).header(RequestIds.HEADER, "stream-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValue("stream-1");
        assertThat(response.body()).startsWith("data: {").contains("chat.completion.chunk").endsWith("data: [DONE]\n\n");
    }

    @Test
    void a_streams_first_event_goes_out_at_once_and_the_events_that_come_with_it_together_after_it() throws Exception {
        var world = world();
        String body = "{\"model\":\"" + world.mockModel() + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me a long story, please.\"}]}";
        try (var connection = new RawConnection("http://localhost:" + port)) {
            connection.send("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + world.key().plaintext() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);

            List<String> chunks = connection.readChunks();

            String events = String.join("", chunks);
            int count = events.split("\n\n").length;
            assertThat(count).as("events in the stream").isGreaterThan(3);
            assertThat(events).startsWith("data: {").endsWith("data: [DONE]\n\n");
            assertThat(chunks.getFirst()).as("the first event alone").startsWith("data: {").endsWith("\n\n")
                    .containsOnlyOnce("data: ");
            assertThat(chunks).as("the mock's events all come in one turn of the event loop").hasSize(2);
            assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).as("whole events only").endsWith("\n\n"));
        }
    }

    @Test
    void events_gathered_from_a_fast_provider_go_out_in_chunks_of_whole_events_no_larger_than_the_gathering_bound()
            throws Exception {
        var world = world();
        String model = SEEDER.model(SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl()), "upstream-firehose",
                "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent());
        String body = "{\"model\":\"" + model + "\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        try (var connection = new RawConnection("http://localhost:" + port)) {
            connection.send("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + world.key().plaintext() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
            connection.readChunkedHead();

            assertThat(connection.readChunk()).as("the first event alone").containsOnlyOnce("data: ");
            int largestEvent = 0;
            for (int i = 0; i < 200; i++) {
                String chunk = connection.readChunk();
                assertThat(chunk).as("whole events only").startsWith("data: {").endsWith("\n\n");
                for (String event : chunk.split("(?<=\n\n)")) {
                    largestEvent = Math.max(largestEvent, event.length());
                }
                assertThat(chunk.length()).as("gathered up to the bound, and the event that crossed it")
                        .isLessThan(EventStreamWriter.MAX_GATHERED_BYTES + largestEvent);
            }
        }
    }

    @Test
    void a_clients_request_id_is_echoed_and_a_content_type_that_does_not_parse_is_415() {
        var response = send(request("/v1/chat/completions").header("Content-Type", "application/json;;=")
                .header(RequestIds.HEADER, "client-7").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue(RequestIds.HEADER)).hasValue("client-7");
    }

    @Test
    void a_body_without_a_length_is_read_up_to_the_limit_and_refused_past_it() {
        byte[] small = "{\"model\":\"m\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
        var read = send(request("/v1/chat/completions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(small))));
        // the body was read and the chain ran: it is the missing key that is refused
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(read.body()).contains("\"code\":\"missing_api_key\"");

        byte[] huge = new byte[5 * 1024 * 1024];
        var refused = send(request("/v1/chat/completions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("\"code\":\"request_too_large\"");
    }

    @Test
    void other_methods_on_a_model_path_are_405_and_other_paths_take_webfluxs_way() {
        var get = send(request("/v1/chat/completions").GET());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).hasValue("POST");
        assertThat(get.body()).contains("\"code\":\"method_not_allowed\"");
        assertThat(get.headers().firstValue(RequestIds.HEADER)).isPresent();

        assertThat(send(request("/v1/chat/completions/extra").POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
                .isEqualTo(404);
        assertThat(send(request("/healthz").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void pipelined_requests_are_answered_in_the_order_they_came() throws Exception {
        var world = world();
        String refused = "POST /v1/embeddings HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 5\r\n\r\nhello";
        try (var connection = new RawConnection("http://localhost:" + port)) {
            connection.send(RawConnection.chat(world.key().plaintext(), world.mockModel())
                    + RawConnection.get("/healthz") + refused + RawConnection.get("/healthz"));

            var chat = connection.read();
            assertThat(chat.status()).isEqualTo(200);
            assertThat(chat.body()).contains("\"chat.completion\"");
            assertThat(connection.read().status()).isEqualTo(200);
            var embeddings = connection.read();
            assertThat(embeddings.status()).isEqualTo(415);
            assertThat(embeddings.body()).contains("unsupported_media_type");
            var health = connection.read();
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).doesNotContain("error");
        }
    }

    @Test
    void a_client_that_expects_100_continue_is_asked_for_its_body_and_one_refused_beforehand_is_not() throws Exception {
        var world = world();
        String body = "{\"model\":\"" + world.mockModel() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + world.key().plaintext() + "\r\nExpect: 100-continue\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length;
        try (var connection = new RawConnection("http://localhost:" + port)) {
            connection.send(head + "\r\nContent-Type: application/json\r\n\r\n");
            assertThat(connection.read().status()).isEqualTo(100);
            connection.send(body);
            var answer = connection.read();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.closes()).isFalse();

            connection.send(head + "\r\nContent-Type: text/plain\r\n\r\n");
            var refused = connection.read();
            assertThat(refused.status()).isEqualTo(415);
            assertThat(refused.closes()).as("the body it holds back is not waited for").isTrue();
            assertThat(connection.closedWithin(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void a_client_that_stops_reading_a_stream_holds_back_the_provider_and_is_metered_when_it_leaves() throws Exception {
        var world = world();
        String model = SEEDER.model(SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl()), "upstream-firehose", "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent());
        String body = "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
        long before = UPSTREAM.firehoseEventsWritten();

        try (var socket = new Socket()) {
            socket.setReceiveBufferSize(64 << 10);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("localhost", port));
            socket.getOutputStream().write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + world.key().plaintext() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            var events = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(nextEvents(events, 100)).isEqualTo(IntStream.range(0, 100).boxed().toList());

            long held = awaitSteady(UPSTREAM::firehoseEventsWritten) - before;
            assertThat(held).as("events the provider wrote while the client read none: what the buffers on the way hold")
                    .isLessThan(FakeUpstream.FIREHOSE_EVENTS / 4);
            assertThat(nextEvents(events, 1_000)).as("reading again goes on where it stopped, nothing lost")
                    .isEqualTo(IntStream.range(100, 1_100).boxed().toList());
        }
        var cut = events(world.key().id(), 1).getFirst();
        assertThat(cut).containsEntry("streamed", true).containsEntry("status_code", 499)
                .containsEntry("error_type", "client_disconnected");
        long stopped = awaitSteady(UPSTREAM::firehoseEventsWritten) - before;
        assertThat(stopped).as("the client's leaving ends the provider's stream").isLessThan(FakeUpstream.FIREHOSE_EVENTS);
    }

    /** The sequence numbers of the next {@code count} events of a firehose stream read off the wire. */
    private static List<Integer> nextEvents(BufferedReader in, int count) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        String line;
        while (numbers.size() < count && (line = in.readLine()) != null) {
            int at = line.indexOf("\"content\":\"");
            if (line.startsWith("data: {") && at > 0) {
                numbers.add(Integer.parseInt(line.substring(at + 11, at + 17)));
            }
        }
        return numbers;
    }

    /** The value once it has stopped changing for half a second. */
    private static long awaitSteady(LongSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long last = value.getAsLong();
        while (System.nanoTime() - deadline < 0) {
            Thread.sleep(500);
            long now = value.getAsLong();
            if (now == last) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("still changing after 30 s: " + last);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

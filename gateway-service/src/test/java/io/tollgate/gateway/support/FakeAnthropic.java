package io.tollgate.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anthropic's Messages API over real HTTP, answering with the documented wire-format fixtures under
 * {@code fixtures/anthropic}. Like the real one it refuses a request without the right {@code x-api-key} (401
 * authentication_error), without a known {@code anthropic-version} (400) or on another path (404). The answer: a request
 * with tools gets the parallel tool-use message (or its stream), one that carries tool results the plain text
 * message (or the text stream); the upstream model {@code claude-overloaded} answers 529, {@code claude-rate-limited}
 * 429 with {@code retry-after: 7}, {@code claude-stream-error} streams an error event after its first text,
 * {@code claude-cache-write} answers the message that wrote the prompt cache, {@code claude-requests-exhausted} answers
 * and says in its {@code anthropic-ratelimit-*} headers that no request is left for six minutes.
 */
public final class FakeAnthropic implements AutoCloseable {

    public static final String VERSION = "2023-06-01";
    /**
     * The API versions it takes: the two Anthropic's versioning page documents, and the one the official Java SDK
     * (anthropic-java 3.16) sends, which reaches it on the {@code /v1/messages} pass-through.
     */
    private static final Set<String> VERSIONS = Set.of(VERSION, "2023-01-01", "2026-10-21");
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");

    /** A request as it came, its headers by lower-case name. */
    public record Received(String path, String apiKey, String version, String body, Map<String, List<String>> headers) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(values -> String.join(",", values));
        }
    }

    private final HttpServer server;
    private final String apiKey;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private FakeAnthropic(HttpServer server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    public static FakeAnthropic start(String apiKey) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            var fake = new FakeAnthropic(server, apiKey);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like Anthropic's: the host only; the adapter adds {@code /v1/messages}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> receivedFor(String upstreamModel) {
        return received.stream().filter(r -> r.body().contains("\"" + upstreamModel + "\"")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            Map<String, List<String>> byName = new HashMap<>();
            headers.forEach((name, values) -> byName.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            received.add(new Received(exchange.getRequestURI().getPath(), String.valueOf(headers.getFirst("x-api-key")),
                    String.valueOf(headers.getFirst("anthropic-version")), body, Map.copyOf(byName)));
            if (!exchange.getRequestURI().getPath().equals("/v1/messages")) {
                error(exchange, 404, "not_found_error", "Not found");
                return;
            }
            if (!apiKey.equals(headers.getFirst("x-api-key"))) {
                error(exchange, 401, "authentication_error", "invalid x-api-key");
                return;
            }
            if (!VERSIONS.contains(String.valueOf(headers.getFirst("anthropic-version")))) {
                error(exchange, 400, "invalid_request_error", "anthropic-version: header is required");
                return;
            }
            Matcher model = MODEL.matcher(body);
            String upstreamModel = model.find() ? model.group(1) : "";
            boolean stream = body.contains("\"stream\":true");
            boolean toolResults = body.contains("\"tool_result\"");
            boolean tools = body.contains("\"tools\":[") && !toolResults;
            switch (upstreamModel) {
                case "claude-overloaded" -> Exchanges.json(exchange, 529, fixture("error-overloaded.json"));
                case "claude-rate-limited" -> {
                    exchange.getResponseHeaders().set("retry-after", "7");
                    Exchanges.json(exchange, 429, fixture("error-rate-limit.json"));
                }
                case "claude-stream-error" -> Exchanges.events(exchange, fixture("stream-error.sse"));
                case "claude-cache-write" -> Exchanges.json(exchange, 200, fixture("message.json"));
                case "claude-requests-exhausted" -> {
                    // answers, and says in Anthropic's headers that it was the last request for six minutes
                    var limits = exchange.getResponseHeaders();
                    limits.set("anthropic-ratelimit-requests-limit", "50");
                    limits.set("anthropic-ratelimit-requests-remaining", "0");
                    limits.set("anthropic-ratelimit-requests-reset", Instant.now().plus(Duration.ofMinutes(6))
                            .truncatedTo(ChronoUnit.SECONDS).toString());
                    limits.set("anthropic-ratelimit-tokens-remaining", "79000");
                    limits.set("anthropic-ratelimit-tokens-reset", Instant.now().plusSeconds(1)
                            .truncatedTo(ChronoUnit.SECONDS).toString());
                    Exchanges.json(exchange, 200, fixture("message-cache-read.json"));
                }
                default -> {
                    if (stream) {
                        Exchanges.events(exchange, fixture(tools ? "stream-tool-use.sse" : "stream-text.sse"));
                    } else {
                        Exchanges.json(exchange, 200,
                                fixture(tools ? "message-tool-use.json" : "message-cache-read.json"));
                    }
                }
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        Exchanges.json(exchange, status, ("{\"type\":\"error\",\"error\":{\"type\":\"" + type
                + "\",\"message\":\"" + message + "\"}}").getBytes(StandardCharsets.UTF_8));
    }



    public static byte[] fixture(String name) {
        try (InputStream in = FakeAnthropic.class.getResourceAsStream("/fixtures/anthropic/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

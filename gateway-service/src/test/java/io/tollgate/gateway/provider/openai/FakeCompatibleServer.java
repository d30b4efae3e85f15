package io.tollgate.gateway.provider.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tollgate.gateway.support.Exchanges;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI-compatible servers over real HTTP, each under its own base URL, with the documented differences that matter
 * to metering, answering streamed chat with the fixtures under {@code fixtures/openai-compatible}:
 * <ul>
 *   <li>{@code /vllm/v1}: vLLM, which sends a usage chunk only when {@code stream_options.include_usage} asks for
 *       it; the upstream model {@code tools} streams a tool call;</li>
 *   <li>{@code /vllm-strict/v1}: vLLM as it was while its request models forbade fields they did not declare
 *       (a 400 in vLLM's own error shape, {@code {"object":"error","message":...}}) — here {@code stream_options};</li>
 *   <li>{@code /ollama/v1}: Ollama's OpenAI compatibility, usage chunk when asked; the upstream model
 *       {@code llama3.3} is not pulled and answers Ollama's 404.</li>
 * </ul>
 */
final class FakeCompatibleServer implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/(vllm|vllm-strict|ollama)/v1/chat/completions");
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

    record Received(String server, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private FakeCompatibleServer(HttpServer server) {
        this.server = server;
    }

    static FakeCompatibleServer start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            var fake = new FakeCompatibleServer(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL of one server: {@code vllm}, {@code vllm-strict} or {@code ollama}. */
    String baseUrl(String flavor) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + flavor + "/v1";
    }

    List<Received> receivedBy(String flavor) {
        return received.stream().filter(r -> r.server().equals(flavor)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                Exchanges.respond(exchange, 404, "text/plain", "404 page not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String flavor = path.group(1);
            received.add(new Received(flavor, body));
            Matcher model = MODEL.matcher(body);
            String upstreamModel = model.find() ? model.group(1) : "";
            boolean usageAsked = body.replace(" ", "").contains("\"include_usage\":true");
            switch (flavor) {
                case "vllm-strict" -> {
                    if (body.contains("\"stream_options\"")) {
                        Exchanges.json(exchange, 400, fixture("vllm-error-extra-forbidden.json"));
                    } else {
                        stream(exchange, fixture("vllm-stream.sse"));
                    }
                }
                case "vllm" -> stream(exchange, fixture(upstreamModel.equals("tools") ? "vllm-stream-tool-call.sse"
                        : "vllm-stream.sse"), usageAsked ? fixture("vllm-usage-chunk.sse") : new byte[0]);
                default -> {
                    if (upstreamModel.equals("llama3.3")) {
                        Exchanges.json(exchange, 404, fixture("ollama-error-model-not-found.json"));
                    } else {
                        stream(exchange, fixture("ollama-stream.sse"), usageAsked ? fixture("ollama-usage-chunk.sse") : new byte[0]);
                    }
                }
            }
        }
    }

    private static void stream(HttpExchange exchange, byte[]... parts) throws IOException {
        var events = new StringBuilder();
        for (byte[] part : parts) {
            events.append(new String(part, StandardCharsets.UTF_8));
        }
        events.append(new String(DONE, StandardCharsets.UTF_8));
        Exchanges.events(exchange, events.toString());
    }

    static byte[] fixture(String name) {
        try (InputStream in = FakeCompatibleServer.class.getResourceAsStream("/fixtures/openai-compatible/" + name)) {
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

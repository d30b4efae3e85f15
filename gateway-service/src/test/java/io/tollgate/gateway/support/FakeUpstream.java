package io.tollgate.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An OpenAI-compatible server over real HTTP that answers with the documented wire-format fixtures under
 * {@code fixtures/openai}. The upstream model name picks the behaviour: {@code upstream-fail} answers 500,
 * {@code upstream-bad-request} 400, {@code upstream-no-usage} omits usage, {@code upstream-rate-limited} 429 with
 * {@code retry-after: 7}, {@code upstream-requests-exhausted} answers but says in its {@code x-ratelimit-*} headers that
 * no request is left for six minutes, {@code upstream-overloaded} 503, {@code upstream-reset} closes the connection before
 * answering, {@code upstream-garbage} answers 200 with HTML, {@code upstream-stream-cut} breaks its stream off after
 * two events, {@code upstream-slow} answers after 3 s, {@code upstream-trickle} sends its headers at once and then its answer
 * (or its stream's events) in pieces 250 ms apart, about 3 s in all, {@code upstream-stall} sends its headers and the first quarter of its answer (its stream's first event) at once, then
 * nothing for 3 s, {@code upstream-firehose} streams {@link #FIREHOSE_EVENTS} events of about 2 KB each as fast as
 * they are taken (counted in {@link #firehoseEventsWritten()}), {@code upstream-tool-call} calls a tool (or streams the call) until
 * the request carries a tool message, a name made to {@link #fail} answers 500 (to {@link #failOnce}, once); anything else gets the normal fixture.
 */
public final class FakeUpstream implements AutoCloseable {

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");

    /** @param traceparent the W3C trace context the request carried; null when none */
    public record Received(String path, String authorization, String body, @Nullable String traceparent) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> failingOnce = ConcurrentHashMap.newKeySet();
    private final AtomicLong firehoseWritten = new AtomicLong();

    /** The events of an {@code upstream-firehose} stream: 200 MB, more than every buffer between here and a client. */
    public static final int FIREHOSE_EVENTS = 100_000;

    private FakeUpstream(HttpServer server) {
        this.server = server;
    }

    public static FakeUpstream start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            var upstream = new FakeUpstream(server);
            server.createContext("/v1/", upstream::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return upstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Makes an upstream model answer 500 until {@link #recover} (any name not otherwise special). */
    public void fail(String upstreamModel) {
        failing.add(upstreamModel);
    }

    /** Makes an upstream model's next request answer 500, and the ones after it normally again. */
    public void failOnce(String upstreamModel) {
        failingOnce.add(upstreamModel);
    }

    public void recover(String upstreamModel) {
        failing.remove(upstreamModel);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String upstreamModel) {
        return received.stream().filter(r -> r.body().contains("\"" + upstreamModel + "\"")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        var headers = exchange.getRequestHeaders();
        received.add(new Received(path, String.valueOf(headers.getFirst("Authorization")), body,
                headers.getFirst("traceparent")));
        Matcher model = MODEL.matcher(body);
        String upstreamModel = model.find() ? model.group(1) : "";
        if (upstreamModel.equals("upstream-trickle")) {
            trickle(exchange, STREAM.matcher(body).find());
            return;
        }
        if (upstreamModel.equals("upstream-firehose")) {
            firehose(exchange);
            return;
        }
        if (upstreamModel.equals("upstream-stall")) {
            stall(exchange, STREAM.matcher(body).find());
            return;
        }
        if (upstreamModel.equals("upstream-stream-cut")) {
            // a declared length that is never reached, then an exception: the connection drops mid-response
            streamPartly(exchange, fixture("chat-stream.sse"), 2);
            throw new IOException("stream cut off on purpose");
        }
        try (exchange) {
            boolean stream = STREAM.matcher(body).find();
            if (failing.contains(upstreamModel) || failingOnce.remove(upstreamModel)) {
                Exchanges.json(exchange, 500, fixture("error-500.json"));
                return;
            }
            if (upstreamModel.equals("upstream-slow")) {
                sleep(3_000);
            }
            switch (upstreamModel) {
                case "upstream-reset" -> {
                    // closing the exchange before any header closes the connection: nothing is answered
                }
                case "upstream-rate-limited" -> {
                    exchange.getResponseHeaders().set("retry-after", "7");
                    Exchanges.json(exchange, 429, fixture("error-429.json"));
                }
                case "upstream-requests-exhausted" -> {
                    // answers, and says that was the account's last request for six minutes
                    var limits = exchange.getResponseHeaders();
                    limits.set("x-ratelimit-remaining-requests", "0");
                    limits.set("x-ratelimit-reset-requests", "6m0s");
                    limits.set("x-ratelimit-remaining-tokens", "149984");
                    limits.set("x-ratelimit-reset-tokens", "6ms");
                    if (stream) {
                        Exchanges.events(exchange, fixture("chat-stream.sse"));
                    } else {
                        Exchanges.json(exchange, 200, fixture("chat-completion.json"));
                    }
                }
                case "upstream-overloaded" -> Exchanges.json(exchange, 503, fixture("error-500.json"));
                case "upstream-garbage" -> Exchanges.respond(exchange, 200, "text/html",
                        "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8));
                case "upstream-fail" -> Exchanges.json(exchange, 500, fixture("error-500.json"));
                case "upstream-bad-request" -> Exchanges.json(exchange, 400, fixture("error-400.json"));
                case "upstream-tool-call" -> {
                    // calls a tool until the request carries the tool's result, then answers
                    boolean calls = !body.contains("\"role\":\"tool\"");
                    if (stream) {
                        Exchanges.events(exchange, fixture(calls ? "chat-stream-tool-call.sse" : "chat-stream.sse"));
                    } else {
                        Exchanges.json(exchange, 200, fixture(calls ? "chat-completion-tool-call.json" : "chat-completion.json"));
                    }
                }
                default -> {
                    boolean noUsage = upstreamModel.equals("upstream-no-usage");
                    if (stream) {
                        Exchanges.events(exchange, fixture(noUsage ? "chat-stream-no-usage.sse" : "chat-stream.sse"));
                    } else {
                        String name = switch (path) {
                            case "/v1/completions" -> "completion.json";
                            case "/v1/embeddings" -> "embeddings.json";
                            default -> noUsage ? "chat-completion-no-usage.json" : "chat-completion.json";
                        };
                        Exchanges.json(exchange, 200, fixture(name));
                    }
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }



    /** Headers at once, then the answer in twelve pieces 250 ms apart; a client that gives up ends it early. */
    private static void trickle(HttpExchange exchange, boolean stream) throws IOException {
        try (exchange) {
            byte[] answer = fixture(stream ? "chat-stream.sse" : "chat-completion.json");
            exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(200, 0);
            var out = exchange.getResponseBody();
            String[] pieces = stream ? new String(answer, StandardCharsets.UTF_8).split("(?<=\n\n)") : null;
            int count = stream ? pieces.length : 12;
            for (int i = 0; i < count; i++) {
                if (stream) {
                    out.write(pieces[i].getBytes(StandardCharsets.UTF_8));
                } else {
                    int from = answer.length * i / count;
                    out.write(answer, from, answer.length * (i + 1) / count - from);
                }
                out.flush();
                sleep(250);
            }
        } catch (IOException clientGone) {
            // the gateway gave up on the answer: what this fake is for
        }
    }

    /** Headers and the answer's first piece (a stream's first event) at once, then 3 s of silence, then the rest. */
    private static void stall(HttpExchange exchange, boolean stream) throws IOException {
        try (exchange) {
            byte[] answer = fixture(stream ? "chat-stream.sse" : "chat-completion.json");
            exchange.getResponseHeaders().set("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.sendResponseHeaders(200, 0);
            var out = exchange.getResponseBody();
            int first = stream ? new String(answer, StandardCharsets.UTF_8).indexOf("\n\n") + 2 : answer.length / 4;
            out.write(answer, 0, first);
            out.flush();
            sleep(3_000);
            out.write(answer, first, answer.length - first);
        } catch (IOException clientGone) {
            // the gateway gave up on the answer: what this fake is for
        }
    }

    /** Events of the firehose written so far, in all its streams. */
    public long firehoseEventsWritten() {
        return firehoseWritten.get();
    }

    /** Numbered events ({@code "content":"000042 ..."}), each written once the socket takes it. */
    private void firehose(HttpExchange exchange) {
        String padding = " lorem ipsum dolor sit amet".repeat(72);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            var out = exchange.getResponseBody();
            for (int i = 0; i < FIREHOSE_EVENTS; i++) {
                out.write(("data: {\"id\":\"chatcmpl-firehose\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"upstream-firehose\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
                        + "%06d".formatted(i) + padding + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                firehoseWritten.incrementAndGet();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException clientGone) {
            // the gateway let go of the stream: where a test of backpressure ends it
        }
    }

    private static void streamPartly(HttpExchange exchange, byte[] events, int count) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, events.length);
        var out = exchange.getResponseBody();
        String[] all = new String(events, StandardCharsets.UTF_8).split("(?<=\n\n)");
        for (int i = 0; i < count; i++) {
            out.write(all[i].getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    public static byte[] fixture(String name) {
        try (InputStream in = FakeUpstream.class.getResourceAsStream("/fixtures/openai/" + name)) {
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

package io.tollgate.billing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for api.stripe.com answering in Stripe's wire format (form-encoded requests, JSON objects with
 * "id" and "object"), replaying the first response for a repeated Idempotency-Key as Stripe does.
 */
public final class StripeStub {

    public record Call(String method, String path, String idempotencyKey, Map<String, String> form, int status) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> responsesByKey = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();

    StripeStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void reset() {
        calls.clear();
        responsesByKey.clear();
        failures.clear();
        created.clear();
    }

    /** The next calls whose path ends with {@code pathSuffix} fail with these statuses, one each. */
    public void failNext(String pathSuffix, Integer... statuses) {
        failures.computeIfAbsent(pathSuffix, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** How many objects of a kind ("customer", "invoice", "invoiceitem") were really created. */
    public int created(String object) {
        return created.getOrDefault(object, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Integer failure = failures.entrySet().stream().filter(e -> path.endsWith(e.getKey()) && !e.getValue().isEmpty())
                .map(e -> e.getValue().poll()).findFirst().orElse(null);
        if (failure != null) {
            calls.add(new Call(exchange.getRequestMethod(), path, key, form, failure));
            respond(exchange, failure, "{\"error\":{\"type\":\"api_error\",\"message\":\"scripted failure\"}}");
            return;
        }
        calls.add(new Call(exchange.getRequestMethod(), path, key, form, 200));
        String body = key == null ? answer(path, form) : responsesByKey.computeIfAbsent(key, k -> answer(path, form));
        respond(exchange, 200, body);
    }

    private String answer(String path, Map<String, String> form) {
        if (path.equals("/v1/customers")) {
            return object("customer", "cus_" + next("customer"), "\"name\":\"" + form.get("name") + "\"");
        }
        if (path.startsWith("/v1/customers/")) {
            return object("customer", path.substring("/v1/customers/".length()), "");
        }
        if (path.equals("/v1/invoices")) {
            return object("invoice", "in_" + next("invoice"), "\"status\":\"draft\",\"customer\":\""
                    + form.get("customer") + "\"");
        }
        if (path.endsWith("/finalize")) {
            String id = path.substring("/v1/invoices/".length(), path.length() - "/finalize".length());
            return object("invoice", id, "\"status\":\"open\"");
        }
        if (path.equals("/v1/invoiceitems")) {
            return object("invoiceitem", "ii_" + next("invoiceitem"), "\"amount\":" + form.get("amount")
                    + ",\"invoice\":\"" + form.get("invoice") + "\"");
        }
        return "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"unknown path\"}}";
    }

    /** Ids unique across resets, as Stripe's are: the count of this kind plus a random tail. */
    private String next(String object) {
        int count = created.computeIfAbsent(object, k -> new AtomicInteger()).incrementAndGet();
        return count + "x" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String object(String object, String id, String more) {
        return "{\"id\":\"" + id + "\",\"object\":\"" + object + "\",\"livemode\":false" + (more.isEmpty() ? "" : ","
                + more) + "}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_stub");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return values;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    List<Call> callsTo(String path) {
        return new ArrayList<>(calls.stream().filter(c -> c.path().equals(path)).toList());
    }
}

package io.tollgate.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for api.stripe.com that a billing service is pointed at (its Stripe API base): it answers in
 * Stripe's wire format (form-encoded requests, JSON objects with "id" and "object"), replays the first response for
 * a repeated Idempotency-Key as Stripe does, keeps every call it was sent and what it really created, and fails the
 * calls a test scripts to fail.
 */
public final class FakeStripe implements AutoCloseable {

    /** One request as Stripe received it, and the status it answered. */
    public record Call(String method, String path, @Nullable String idempotencyKey, Map<String, String> form,
                       int status) {
    }

    /** An invoice item Stripe really created (a replayed idempotent request creates none), with the form it came in. */
    public record Item(String id, String invoice, Map<String, String> form) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> responsesByKey = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
    private final Map<String, String> invoiceStatus = new ConcurrentHashMap<>();
    private final Map<String, String> invoiceCustomer = new ConcurrentHashMap<>();
    private final Map<String, Integer> finalizeFailures = new ConcurrentHashMap<>();
    private final List<Item> items = new CopyOnWriteArrayList<>();

    public FakeStripe() {
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
        invoiceStatus.clear();
        invoiceCustomer.clear();
        finalizeFailures.clear();
        items.clear();
    }

    /** Stripe keeps idempotency keys for 24 hours; this is the day after. */
    public void forgetIdempotencyKeys() {
        responsesByKey.clear();
    }

    /** The next calls whose path ends with {@code pathSuffix} fail with these statuses, one each. */
    public void failNext(String pathSuffix, Integer... statuses) {
        failures.computeIfAbsent(pathSuffix, k -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    /** The next finalization of an invoice of this customer fails with this status. */
    public void failNextFinalizeOf(String customer, int status) {
        finalizeFailures.put(customer, status);
    }

    /** The invoice items really created on one Stripe invoice. */
    public List<Item> items(String invoiceId) {
        return items.stream().filter(item -> invoiceId.equals(item.invoice())).toList();
    }

    /** How many invoice items were really created on one Stripe invoice. */
    public long itemsOn(String invoiceId) {
        return items(invoiceId).size();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The POSTs to this path, in the order they came. */
    public List<Call> posts(String path) {
        return calls.stream().filter(call -> call.method().equals("POST") && call.path().equals(path)).toList();
    }

    /** How many objects of a kind ("customer", "invoice", "invoiceitem") were really created. */
    public int created(String object) {
        return created.getOrDefault(object, new AtomicInteger()).get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Integer failure = failures.entrySet().stream().filter(e -> path.endsWith(e.getKey()) && !e.getValue().isEmpty())
                .map(e -> e.getValue().poll()).findFirst().orElseGet(() -> finalizeFailure(path));
        if (failure != null) {
            calls.add(new Call(exchange.getRequestMethod(), path, key, form, failure));
            respond(exchange, failure, "{\"error\":{\"type\":\"api_error\",\"message\":\"scripted failure\"}}");
            return;
        }
        calls.add(new Call(exchange.getRequestMethod(), path, key, form, 200));
        if (exchange.getRequestMethod().equals("DELETE")) {
            String id = path.substring("/v1/invoices/".length());
            invoiceStatus.remove(id);
            respond(exchange, 200, "{\"id\":\"" + id + "\",\"object\":\"invoice\",\"deleted\":true}");
            return;
        }
        if (exchange.getRequestMethod().equals("GET")) {
            respond(exchange, 200, read(path, query == null ? Map.of() : parse(query)));
            return;
        }
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
            String id = "in_" + next("invoice");
            invoiceStatus.put(id, "draft");
            invoiceCustomer.put(id, form.get("customer"));
            return object("invoice", id, "\"status\":\"draft\",\"customer\":\"" + form.get("customer") + "\"");
        }
        if (path.endsWith("/finalize")) {
            String id = path.substring("/v1/invoices/".length(), path.length() - "/finalize".length());
            invoiceStatus.put(id, "open");
            return object("invoice", id, "\"status\":\"open\"");
        }
        if (path.endsWith("/void")) {
            String id = path.substring("/v1/invoices/".length(), path.length() - "/void".length());
            invoiceStatus.put(id, "void");
            return object("invoice", id, "\"status\":\"void\"");
        }
        if (path.equals("/v1/invoiceitems")) {
            Item item = new Item("ii_" + next("invoiceitem"), form.get("invoice"), Map.copyOf(form));
            items.add(item);
            return item(item);
        }
        return "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"unknown path\"}}";
    }

    private @Nullable Integer finalizeFailure(String path) {
        if (!path.endsWith("/finalize")) {
            return null;
        }
        String customer = invoiceCustomer.get(path.substring("/v1/invoices/".length(), path.length() - "/finalize".length()));
        return customer == null ? null : finalizeFailures.remove(customer);
    }

    private String read(String path, Map<String, String> query) {
        if (path.startsWith("/v1/invoices/")) {
            String id = path.substring("/v1/invoices/".length());
            return object("invoice", id, "\"status\":\"" + invoiceStatus.getOrDefault(id, "draft") + "\"");
        }
        if (path.equals("/v1/invoiceitems")) {
            return "{\"object\":\"list\",\"url\":\"/v1/invoiceitems\",\"has_more\":false,\"data\":["
                    + String.join(",", items.stream().filter(i -> i.invoice().equals(query.get("invoice")))
                    .map(FakeStripe::item).toList()) + "]}";
        }
        return "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"unknown path\"}}";
    }

    private static String item(Item item) {
        return object("invoiceitem", item.id(), "\"amount\":" + item.form().get("amount") + ",\"invoice\":\""
                + item.invoice() + "\",\"metadata\":{\"tollgate_invoice_line_id\":\""
                + item.form().get("metadata[tollgate_invoice_line_id]") + "\"}");
    }

    /** Ids unique across resets, as Stripe's are: the count of this kind plus a random tail. */
    private String next(String object) {
        int count = created.computeIfAbsent(object, k -> new AtomicInteger()).incrementAndGet();
        return count + "x" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String object(String object, String id, String more) {
        return "{\"id\":\"" + id + "\",\"object\":\"" + object + "\",\"livemode\":false" + (more.isEmpty() ? "" : ","
                + more) + "}";
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_fake");
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
}

package io.tollgate.portal.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for api.stripe.com that billing (a process of its own) is pointed at with STRIPE_API_BASE: it
 * answers the calls of an invoice push in Stripe's wire format (form-encoded requests, JSON objects with "id" and
 * "object") and keeps what it was sent, as Stripe's dashboard would show it.
 */
public final class FakeStripe implements AutoCloseable {

    /** One POST as Stripe received it: its path, form fields and idempotency key. */
    public record Call(String path, Map<String, String> form, String idempotencyKey) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

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

    /** The POSTs to this path, in the order they came. */
    public List<Call> posts(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    /** The invoice items attached to one Stripe invoice. */
    public List<Call> itemsOn(String stripeInvoiceId) {
        return posts("/v1/invoiceitems").stream()
                .filter(item -> stripeInvoiceId.equals(item.form().get("invoice"))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"not faked\"}}");
            return;
        }
        calls.add(new Call(path, form, exchange.getRequestHeaders().getFirst("Idempotency-Key")));
        String id = UUID.randomUUID().toString().substring(0, 12);
        String body;
        if (path.equals("/v1/customers")) {
            body = object("customer", "cus_" + id, "");
        } else if (path.startsWith("/v1/customers/")) {
            body = object("customer", path.substring("/v1/customers/".length()), "");
        } else if (path.equals("/v1/invoices")) {
            body = object("invoice", "in_" + id, "\"status\":\"draft\",\"customer\":\"" + form.get("customer") + "\"");
        } else if (path.equals("/v1/invoiceitems")) {
            body = object("invoiceitem", "ii_" + id, "\"amount\":" + form.get("amount") + ",\"invoice\":\""
                    + form.get("invoice") + "\"");
        } else if (path.startsWith("/v1/invoices/") && path.endsWith("/finalize")) {
            String invoice = path.substring("/v1/invoices/".length(), path.length() - "/finalize".length());
            body = object("invoice", invoice, "\"status\":\"open\"");
        } else {
            respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"not faked\"}}");
            return;
        }
        respond(exchange, 200, body);
    }

    private static String object(String object, String id, String more) {
        return "{\"id\":\"" + id + "\",\"object\":\"" + object + "\",\"livemode\":false"
                + (more.isEmpty() ? "" : "," + more) + "}";
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

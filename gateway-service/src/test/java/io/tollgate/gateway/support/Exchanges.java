package io.tollgate.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How the fake providers answer over the JDK's HTTP server: a whole body, or server-sent events flushed one by one. */
public final class Exchanges {

    private Exchanges() {
    }

    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    public static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
        respond(exchange, status, "application/json", body);
    }

    /** Sends each event (ending in a blank line, LF or CRLF) on its own and flushes it, the way providers stream. */
    public static void events(HttpExchange exchange, String events) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        var out = exchange.getResponseBody();
        for (String event : events.split("(?<=\r\n\r\n)|(?<=[^\r]\n\n)")) {
            out.write(event.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    public static void events(HttpExchange exchange, byte[] events) throws IOException {
        events(exchange, new String(events, StandardCharsets.UTF_8));
    }
}

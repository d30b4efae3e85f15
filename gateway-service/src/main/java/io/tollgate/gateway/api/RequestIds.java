package io.tollgate.gateway.api;

import io.netty.util.AsciiString;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/** The request id of an exchange: the client's {@code x-request-id} when it is sensible, else a new one. */
public final class RequestIds {

    public static final String HEADER = "x-request-id";
    /** For Netty's headers, which write an {@code AsciiString} in one copy and a {@code String} a byte at a time. */
    static final AsciiString HEADER_NAME = AsciiString.cached(HEADER);
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The exchange's request id, assigned on first use and always set on the response. */
    public static String apply(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = resolve(exchange.getRequest().getHeaders().getFirst(HEADER));
            exchange.getAttributes().put(ATTRIBUTE, id);
        }
        exchange.getResponse().getHeaders().set(HEADER, id);
        return id;
    }

    /** The client's id when it sent a sensible one, else a new one. */
    public static String resolve(@Nullable String client) {
        return client != null && CLIENT_ID.matcher(client).matches() ? client : newId();
    }

    /** {@code req_} and 128 random bits as 32 hex digits (a UUID's text without its dashes made three more strings). */
    private static String newId() {
        var random = ThreadLocalRandom.current();
        return "req_" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }
}

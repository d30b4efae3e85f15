package io.tollgate.gateway.provider.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A provider version's client, opaque to its adapter: the headers every request carries, encoded once, its
 * timeouts, and the address its requests go to, read from the first request's URI and kept while the URIs name it.
 */
public final class UpstreamClient {

    private static final byte[] CONTENT_LENGTH = ascii("content-length: ");
    private static final byte[] HTTP_1_1 = ascii(" HTTP/1.1\r\n");

    /** The constant headers' lines back to back, and where each starts, to leave out those a request replaces. */
    private final byte[] lines;
    private final int[] starts;
    private final String[] names;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private volatile @Nullable Origin origin;

    /**
     * @param headers what every request carries besides {@code content-type: application/json} (a credential,
     *                version headers)
     */
    public UpstreamClient(Consumer<RequestHeaders> headers, Duration connectTimeout, Duration responseTimeout) {
        var constant = new HeaderList();
        constant.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        constant.set(HttpHeaderNames.USER_AGENT, "Tollgate");
        headers.accept(constant);
        var encoded = Unpooled.buffer();
        this.starts = new int[constant.size() + 1];
        this.names = new String[constant.size()];
        for (int i = 0; i < constant.size(); i++) {
            starts[i] = encoded.writerIndex();
            names[i] = constant.name(i).toString();
            constant.writeTo(encoded, i);
        }
        starts[constant.size()] = encoded.writerIndex();
        this.lines = ByteBufUtil.getBytes(encoded);
        encoded.release();
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration responseTimeout() {
        return responseTimeout;
    }

    /** Where a request to this URI goes: the address seen last, unless this URI names another. */
    Origin origin(URI uri) {
        Origin known = origin;
        if (known != null && known.serves(uri)) {
            return known;
        }
        Origin fresh = Origin.of(uri);
        origin = fresh;
        return fresh;
    }

    /** The request's bytes: request line, headers (the request's own over the constant ones), then its body. */
    void write(ByteBuf out, Origin origin, URI uri, byte[] body, @Nullable HeaderList own) {
        out.writeByte('P').writeByte('O').writeByte('S').writeByte('T').writeByte(' ');
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            out.writeByte('/');
        } else {
            ByteBufUtil.writeAscii(out, path);
        }
        String query = uri.getRawQuery();
        if (query != null) {
            out.writeByte('?');
            ByteBufUtil.writeAscii(out, query);
        }
        out.writeBytes(HTTP_1_1);
        if (own == null) {
            out.writeBytes(origin.hostLine);
            out.writeBytes(lines);
        } else {
            if (!own.contains(HttpHeaderNames.HOST)) {
                out.writeBytes(origin.hostLine);
            }
            for (int i = 0; i < names.length; i++) {
                if (!own.contains(names[i])) {
                    out.writeBytes(lines, starts[i], starts[i + 1] - starts[i]);
                }
            }
            own.writeTo(out);
        }
        out.writeBytes(CONTENT_LENGTH);
        ByteBufUtil.writeAscii(out, Integer.toString(body.length));
        out.writeByte('\r').writeByte('\n').writeByte('\r').writeByte('\n');
    }

    /** About how many bytes {@link #write} takes before the body. */
    int headSize(URI uri) {
        String path = uri.getRawPath();
        return lines.length + (path == null ? 0 : path.length()) + 128;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "UpstreamClient[" + origin + "]";
    }

}

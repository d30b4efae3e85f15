package io.tollgate.gateway.cache;

import java.nio.ByteBuffer;

/**
 * A kept answer: the provider's body as the client got it, and the tokens its request used then (prompt plus
 * completion), which a plan's cache-hit price is charged on each time the answer is served again.
 */
public record CachedAnswer(byte[] body, long tokens) {

    public CachedAnswer {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
    }

    /** The tokens (8 bytes, big-endian) and then the body, as a Redis value. */
    byte[] encode() {
        return ByteBuffer.allocate(Long.BYTES + body.length).putLong(tokens).put(body).array();
    }

    static CachedAnswer decode(byte[] value) {
        var buffer = ByteBuffer.wrap(value);
        long tokens = buffer.getLong();
        byte[] body = new byte[buffer.remaining()];
        buffer.get(body);
        return new CachedAnswer(body, tokens);
    }
}

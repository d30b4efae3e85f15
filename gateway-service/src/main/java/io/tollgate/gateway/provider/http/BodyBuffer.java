package io.tollgate.gateway.provider.http;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/** An answer's body read whole: one array of the declared length, else one that grows. */
final class BodyBuffer {

    private static final byte[] EMPTY = new byte[0];
    /** A declared length is trusted this far for the first array. */
    private static final int LARGEST_PRESIZE = 16 * 1024 * 1024;

    private byte[] bytes;
    private int size;

    BodyBuffer(long declaredLength) {
        bytes = declaredLength <= 0 ? EMPTY : new byte[(int) Math.min(declaredLength, LARGEST_PRESIZE)];
    }

    void append(ByteBuf content) {
        int length = content.readableBytes();
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + length, Math.max(8192, bytes.length * 2)));
        }
        content.readBytes(bytes, size, length);
        size += length;
    }

    byte[] bytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}

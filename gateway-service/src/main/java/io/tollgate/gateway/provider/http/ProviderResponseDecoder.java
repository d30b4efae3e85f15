package io.tollgate.gateway.provider.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.AsciiString;
import java.util.Arrays;

/**
 * A provider connection's response decoder, which keeps the header names it has read: a provider sends the same ones
 * in every answer, and each was a new name and its bytes (Netty shares only a few well-known names). A name is
 * reused only when its bytes are the same, so what the headers hold does not change.
 */
final class ProviderResponseDecoder extends HttpResponseDecoder {

    /** Names kept at most: more than any provider sends; names past them are made anew each time. */
    private static final int KEPT = 64;

    private final AsciiString[] names = new AsciiString[KEPT];

    ProviderResponseDecoder(HttpDecoderConfig config) {
        super(config);
    }

    @Override
    protected AsciiString splitHeaderName(byte[] bytes, int start, int length) {
        int hash = length;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        for (int probe = 0, slot = (hash ^ hash >>> 16) & (KEPT - 1); probe < KEPT / 4; probe++,
                slot = (slot + 1) & (KEPT - 1)) {
            AsciiString kept = names[slot];
            if (kept == null) {
                AsciiString name = super.splitHeaderName(bytes, start, length);
                names[slot] = name;
                return name;
            }
            if (kept.length() == length && Arrays.equals(kept.array(), kept.arrayOffset(), kept.arrayOffset() + length,
                    bytes, start, start + length)) {
                return kept;
            }
        }
        return super.splitHeaderName(bytes, start, length);
    }
}

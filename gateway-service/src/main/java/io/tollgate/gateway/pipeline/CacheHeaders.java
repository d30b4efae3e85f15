package io.tollgate.gateway.pipeline;

import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;

/**
 * The request's response-cache headers as the client sent them; the cache policy reads them.
 *
 * @param mode {@value #MODE}: use, refresh or bypass
 * @param ttl  {@value #TTL}: seconds to keep the answer
 */
public record CacheHeaders(@Nullable String mode, @Nullable String ttl) {

    public static final String MODE = "x-tollgate-cache";
    /** {@link #MODE} for Netty's headers, which write an {@code AsciiString} in one copy. */
    public static final AsciiString MODE_NAME = AsciiString.cached(MODE);
    public static final String TTL = "x-tollgate-cache-ttl";
    public static final CacheHeaders NONE = new CacheHeaders(null, null);
}

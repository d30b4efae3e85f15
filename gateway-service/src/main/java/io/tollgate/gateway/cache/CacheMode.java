package io.tollgate.gateway.cache;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a request asks of the cache with {@code x-tollgate-cache}. */
enum CacheMode {
    /** Answer from the cache when it holds the answer, else call the provider and keep its answer (the default). */
    USE,
    /** Call the provider even when the cache holds an answer, and replace it. */
    REFRESH,
    /** Neither read nor write the cache. */
    BYPASS;

    /** The mode the header names (USE when absent); empty for a value that names none. */
    static Optional<CacheMode> of(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(USE);
        }
        return switch (header.trim().toLowerCase(Locale.ROOT)) {
            case "use" -> Optional.of(USE);
            case "refresh" -> Optional.of(REFRESH);
            case "bypass" -> Optional.of(BYPASS);
            default -> Optional.empty();
        };
    }
}

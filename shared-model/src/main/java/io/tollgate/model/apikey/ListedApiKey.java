package io.tollgate.model.apikey;

import java.time.Instant;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A key as its app's key list shows it, with when it was last used (null = never). */
@NullMarked
public record ListedApiKey(ApiKey key, @Nullable Instant lastUsedAt) {
}

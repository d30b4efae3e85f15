package io.tollgate.portal.api;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its row version ({@code "3"}); an update names the version it
 * changes in If-Match (428 without it), and a change made meanwhile is refused with 412.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new ApiRequestException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag you read, so a change made meanwhile is not overwritten");
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Long.parseLong(tag.replace("\"", ""));
        } catch (NumberFormatException notOurs) {
            throw new ApiRequestException(HttpStatus.PRECONDITION_FAILED, "This If-Match was not an ETag of this API");
        }
    }
}

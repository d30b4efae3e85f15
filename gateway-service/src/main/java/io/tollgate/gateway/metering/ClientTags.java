package io.tollgate.gateway.metering;

import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The caller's {@code x-tollgate-tags} ("team=search, env=prod") in canonical form: sorted by key, comma
 * separated, no spaces ("env=prod,team=search"), so the same tags always group together in reports.
 */
public final class ClientTags {

    public static final String HEADER = "x-tollgate-tags";
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.:/-]{1,64}");
    private static final int MAX_TAGS = 10;

    private ClientTags() {
    }

    /** The canonical tags, '' for none, or empty when the header is malformed. */
    public static Optional<String> canonical(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Optional.of("");
        }
        var tags = new TreeMap<String, String>();
        for (String pair : header.split(",")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                return Optional.empty();
            }
            String key = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (!PART.matcher(key).matches() || !PART.matcher(value).matches()) {
                return Optional.empty();
            }
            tags.put(key, value);
        }
        if (tags.size() > MAX_TAGS) {
            return Optional.empty();
        }
        var canonical = new StringBuilder();
        tags.forEach((key, value) -> canonical.append(canonical.isEmpty() ? "" : ",").append(key).append('=').append(value));
        return Optional.of(canonical.toString());
    }
}

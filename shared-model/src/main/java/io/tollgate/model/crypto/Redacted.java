package io.tollgate.model.crypto;

import org.jspecify.annotations.Nullable;

/** How a secret shows in {@code toString()} and in logs: whether it is set, never what it is. */
public final class Redacted {

    public static final String REDACTED = "<redacted>";
    public static final String UNSET = "<unset>";

    private Redacted() {
    }

    public static String secret(@Nullable String secret) {
        return secret == null || secret.isBlank() ? UNSET : REDACTED;
    }

    /**
     * The URL with the password in its user info hidden: {@code redis://app:s3cret@host:6379/0} shows as
     * {@code redis://app:<redacted>@host:6379/0}. User info without a colon is hidden whole, because Redis clients
     * read {@code redis://s3cret@host} as a password alone.
     */
    public static String url(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        int authorityStart = url.indexOf("://");
        authorityStart = authorityStart < 0 ? 0 : authorityStart + 3;
        int authorityEnd = authorityEnd(url, authorityStart);
        int at = url.lastIndexOf('@', authorityEnd - 1);
        if (at < authorityStart) {
            return url;
        }
        int colon = url.indexOf(':', authorityStart);
        int secretStart = colon >= 0 && colon < at ? colon + 1 : authorityStart;
        return url.substring(0, secretStart) + REDACTED + url.substring(at);
    }

    private static int authorityEnd(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }
}

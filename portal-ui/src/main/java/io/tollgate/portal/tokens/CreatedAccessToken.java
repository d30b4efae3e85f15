package io.tollgate.portal.tokens;

import java.util.UUID;

/** A token just made: the plaintext exists only here, on its way to the one answer that shows it. */
public record CreatedAccessToken(UUID id, String prefix, String plaintext) {

    @Override
    public String toString() {
        return "CreatedAccessToken[id=" + id + ", prefix=" + prefix + ", plaintext=<redacted>]";
    }
}

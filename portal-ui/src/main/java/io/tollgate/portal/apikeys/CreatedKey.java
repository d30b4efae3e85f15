package io.tollgate.portal.apikeys;

import java.util.UUID;

/** A key just created: the plaintext exists only here, on its way to the one screen that shows it. */
public record CreatedKey(UUID id, String prefix, String plaintext) {

    @Override
    public String toString() {
        return "CreatedKey[id=" + id + ", prefix=" + prefix + ", plaintext=<redacted>]";
    }
}

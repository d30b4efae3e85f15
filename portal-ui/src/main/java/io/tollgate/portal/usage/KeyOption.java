package io.tollgate.portal.usage;

import java.util.UUID;

/** A key to filter usage by, named the way the keys page shows it. */
public record KeyOption(UUID id, String label) {
}

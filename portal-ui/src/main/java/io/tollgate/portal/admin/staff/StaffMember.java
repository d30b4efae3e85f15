package io.tollgate.portal.admin.staff;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user with a platform role (ADMIN or FINANCE). */
public record StaffMember(UUID userId, String email, String displayName, String platformRole,
                          @Nullable Instant lastLoginAt) {
}

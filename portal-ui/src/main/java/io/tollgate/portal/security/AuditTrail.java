package io.tollgate.portal.security;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where security records sign-ins and what signed-in people do to their own session, without depending on the audit
 * log that implements it (the audit log reads the signed-in user from here).
 */
public interface AuditTrail {

    /** A change by the signed-in user, in the caller's transaction. */
    void record(@Nullable UUID tenantId, String action, String targetType, @Nullable Object targetId,
                Map<String, ?> details);

    /** A sign-in, a failed one or a lockout, before anyone is signed in, in a transaction of its own. */
    void recordSignIn(String action, @Nullable UUID userId, String email, @Nullable String clientAddress,
                      Map<String, ?> details);
}

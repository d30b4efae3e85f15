package io.tollgate.portal.audit;

import com.vaadin.flow.server.VaadinRequest;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.security.PortalUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one audit_log row per portal change, in the same transaction as the change: who (from the signed-in
 * user), which tenant, what, and from which address. Details never hold secrets.
 */
@Component
public class AuditLog {

    // the longest e-mail address is 254 characters; anything longer was not one
    private static final int MAX_TYPED_EMAIL = 254;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    AuditLog(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(@Nullable UUID tenantId, String action, String targetType, @Nullable Object targetId,
                       Map<String, ?> details) {
        PortalUser actor = currentUser.find().orElse(null);
        List<String> pairs = new ArrayList<>();
        details.forEach((key, value) -> {
            pairs.add(key);
            pairs.add(String.valueOf(value));
        });
        jdbc.sql("""
                        insert into audit_log (actor_user_id, actor_email, tenant_id, action, target_type, target_id,
                                               details, ip_address)
                        values (?, ?, ?, ?, ?, ?, jsonb_object(?::text[]), ?)""")
                .params(actor == null ? null : actor.userId(), actor == null ? null : actor.email(), tenantId, action,
                        targetType, targetId == null ? null : targetId.toString(), pairs.toArray(String[]::new),
                        clientAddress())
                .update();
    }

    /**
     * A sign-in, a failed one or a lockout: written before anyone is signed in (the filter chain, not a Vaadin
     * request), so the account and the client address are given; in a transaction of its own, since the refusal
     * that follows a failure must not take the record with it. The email is what was typed, cut to a bounded length.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSignIn(String action, @Nullable UUID userId, String email, @Nullable String clientAddress,
                             Map<String, ?> details) {
        List<String> pairs = new ArrayList<>();
        details.forEach((key, value) -> {
            pairs.add(key);
            pairs.add(String.valueOf(value));
        });
        String typed = email.length() > MAX_TYPED_EMAIL ? email.substring(0, MAX_TYPED_EMAIL) : email;
        jdbc.sql("""
                        insert into audit_log (actor_user_id, actor_email, tenant_id, action, target_type, target_id,
                                               details, ip_address)
                        values (?, ?, null, ?, 'user', ?, jsonb_object(?::text[]), ?)""")
                .params(userId, typed, action, userId == null ? null : userId.toString(),
                        pairs.toArray(String[]::new), clientAddress)
                .update();
    }

    private static @Nullable String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}

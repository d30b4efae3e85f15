package io.tollgate.portal.audit;

import com.vaadin.flow.server.VaadinRequest;
import io.tollgate.portal.security.AuditTrail;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.security.TokenPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes one audit_log row per portal change, in the same transaction as the change: who (from the signed-in
 * user), which tenant, what, and from which address. Details never hold secrets.
 */
@Component
public class AuditLog implements AuditTrail {

    // the longest e-mail address is 254 characters; anything longer was not one
    private static final int MAX_TYPED_EMAIL = 254;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    AuditLog(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(@Nullable UUID tenantId, String action, String targetType, @Nullable Object targetId,
                       Map<String, ?> details) {
        PortalUser actor = currentUser.find().orElse(null);
        TokenPrincipal token = currentUser.token().orElse(null);
        List<String> pairs = new ArrayList<>();
        details.forEach((key, value) -> {
            pairs.add(key);
            pairs.add(String.valueOf(value));
        });
        // a service token acts in its maker's name but is not that person: the row names the token alone
        UUID actorUserId = actor == null || token != null && !token.personal() ? null : actor.userId();
        String actorName = token != null ? token.actorName() : actor == null ? null : actor.email();
        jdbc.sql("""
                        insert into audit_log (actor_user_id, actor_email, actor_token_id, tenant_id, action, target_type,
                                               target_id, details, ip_address)
                        values (?, ?, ?, ?, ?, ?, ?, jsonb_object(?::text[]), ?)""")
                .params(actorUserId, actorName, token == null ? null : token.tokenId(), tenantId, action,
                        targetType, targetId == null ? null : targetId.toString(), pairs.toArray(String[]::new),
                        clientAddress())
                .update();
    }

    /**
     * A sign-in, a failed one or a lockout: written before anyone is signed in (the filter chain, not a Vaadin
     * request), so the account and the client address are given; in a transaction of its own, since the refusal
     * that follows a failure must not take the record with it. The email is what was typed, cut to a bounded length.
     */
    @Override
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

    /**
     * An access token refused or a client locked out at the management API: before anyone is authenticated, in a
     * transaction of its own like a failed sign-in. Names the token by its public prefix, if it had one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordTokenRefusal(String action, @Nullable UUID tokenId, @Nullable UUID tenantId,
                                   String clientAddress, Map<String, ?> details) {
        List<String> pairs = new ArrayList<>();
        details.forEach((key, value) -> {
            pairs.add(key);
            pairs.add(String.valueOf(value));
        });
        jdbc.sql("""
                        insert into audit_log (actor_token_id, tenant_id, action, target_type, target_id, details,
                                               ip_address)
                        values (?, ?, ?, 'access_token', ?, jsonb_object(?::text[]), ?)""")
                .params(tokenId, tenantId, action, tokenId == null ? null : tokenId.toString(),
                        pairs.toArray(String[]::new), clientAddress)
                .update();
    }

    /** The address of the screen's or the management API's caller. */
    private static @Nullable String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            return request.getRemoteAddr();
        }
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr() : null;
    }
}

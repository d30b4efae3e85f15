package io.tollgate.portal.tokens;

import io.tollgate.model.account.LoginLockout;
import io.tollgate.model.account.LoginLockoutProperties;
import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.security.TokenPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a presented access token into the caller, or refuses it. Wrong tokens count against the client address under
 * the platform's lockout rule (shared-model's {@link LoginLockout}); a locked client is refused before any token is
 * looked at. Refusals and lockouts are audited; a good token moves its last-used time (at most once a minute).
 */
@Component
public class AccessTokenAuthenticator {

    /** What became of a presented token. */
    public sealed interface Outcome {
    }

    public record Authenticated(TokenPrincipal principal) implements Outcome {
    }

    public record Refused(String reason) implements Outcome {
    }

    /** The client is locked out for at most {@code retryAfter}. */
    public record Throttled(Duration retryAfter) implements Outcome {
    }

    private static final Logger log = LoggerFactory.getLogger(AccessTokenAuthenticator.class);
    private static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ApiKeyHasher hasher;
    private final LoginLockout lockout;
    private final LoginLockoutProperties lockoutRule;
    private final AuditLog audit;

    AccessTokenAuthenticator(JdbcClient jdbc, ApiKeyHasher hasher, LoginLockout lockout,
                             LoginLockoutProperties lockoutRule, AuditLog audit) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.lockout = lockout;
        this.lockoutRule = lockoutRule;
        this.audit = audit;
    }

    @Transactional
    public Outcome authenticate(String presented, String clientAddress, Instant now) {
        if (lockout.isClientLocked(clientAddress, now)) {
            return new Throttled(lockoutRule.lockDuration());
        }
        Optional<Row> row = ApiKeyGenerator.prefixOf(AccessTokenService.SCHEME, presented).flatMap(this::find);
        String refusal = row.isEmpty() ? "unknown token" : refusal(row.get(), presented, now);
        if (refusal != null) {
            UUID tokenId = row.map(Row::id).orElse(null);
            UUID tenantId = row.map(Row::tenantId).orElse(null);
            log.info("Access token refused from {}: {} (token {})", clientAddress, refusal, tokenId);
            audit.recordTokenRefusal("api.token.refused", tokenId, tenantId, clientAddress, Map.of("reason", refusal));
            if (lockout.recordClientFailure(clientAddress, now)) {
                audit.recordTokenRefusal("api.client.lockout", null, null, clientAddress,
                        Map.of("rule", lockout.describe()));
            }
            return new Refused(refusal);
        }
        Row token = row.orElseThrow();
        lockout.recordClientSuccess(clientAddress);
        jdbc.sql("""
                        update access_tokens set last_used_at = ?
                        where id = ? and (last_used_at is null or last_used_at < ?)""")
                .params(Sql.timestamp(now), token.id(), Sql.timestamp(now.minus(LAST_USED_STEP)))
                .update();
        return new Authenticated(token.principal());
    }

    private @Nullable String refusal(Row token, String presented, Instant now) {
        if (!token.hashKeyId().equals(hasher.keyId()) || !hasher.verify(presented, token.secretHash())) {
            return "wrong secret";
        }
        if (!"ACTIVE".equals(token.status())) {
            return "revoked";
        }
        if (!token.expiresAt().isAfter(now)) {
            return "expired";
        }
        if (token.actingUserId() == null) {
            return "its maker's account no longer exists";
        }
        if (token.personal() && !token.ownerStillHoldsRole()) {
            return "its owner no longer holds the role";
        }
        return null;
    }

    private Optional<Row> find(String prefix) {
        return jdbc.sql("""
                        select t.id, t.kind, t.tenant_id, tn.name tenant_name, t.name, t.role, t.secret_hash,
                               t.hash_key_id, t.status, t.expires_at, coalesce(t.owner_id, t.created_by) acting_user_id,
                               coalesce(u.email, '') email, coalesce(u.display_name, '') display_name,
                               u.status user_status, u.platform_role, m.role member_role
                        from access_tokens t
                        left join tenants tn on tn.id = t.tenant_id
                        left join users u on u.id = coalesce(t.owner_id, t.created_by)
                        left join memberships m on m.user_id = t.owner_id and m.tenant_id = t.tenant_id
                        where t.prefix = ?""")
                .param(prefix)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), "PERSONAL".equals(rs.getString("kind")),
                        rs.getObject("tenant_id", UUID.class), rs.getString("tenant_name"), rs.getString("name"),
                        rs.getString("role"), rs.getBytes("secret_hash"), rs.getString("hash_key_id"),
                        rs.getString("status"), Sql.instant(rs, "expires_at"),
                        rs.getObject("acting_user_id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("user_status"), rs.getString("platform_role"),
                        rs.getString("member_role")))
                .optional();
    }

    private record Row(UUID id, boolean personal, @Nullable UUID tenantId, @Nullable String tenantName, String name,
                       String role, byte[] secretHash, String hashKeyId, String status, Instant expiresAt,
                       @Nullable UUID actingUserId, String email, String displayName, @Nullable String userStatus,
                       @Nullable String platformRole, @Nullable String memberRole) {

        /** A personal token never outlives the role its owner made it under (an admin may make any lesser one). */
        boolean ownerStillHoldsRole() {
            String held = tenantId == null ? platformRole : memberRole;
            return "ACTIVE".equals(userStatus) && held != null && (held.equals("ADMIN") || held.equals(role));
        }

        /** The caller as the services see it: the token's scope and role, nothing of the maker's other roles. */
        TokenPrincipal principal() {
            PortalUser user = tenantId == null
                    ? new PortalUser(actingUserId, email, displayName, null, null, null, role)
                    : new PortalUser(actingUserId, email, displayName, tenantId, tenantName, role, null);
            return new TokenPrincipal(user, id, name, personal);
        }
    }
}

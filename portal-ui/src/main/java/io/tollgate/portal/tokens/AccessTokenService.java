package io.tollgate.portal.tokens;

import io.tollgate.model.account.Roles;
import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.GeneratedApiKey;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access tokens of the management API: tenant admins manage their tenant's, platform admins the platform's (and may
 * give a tenant its first service token, to onboard it by script). Made like API keys (shared-model's generator and
 * HMAC under the same server secret, scheme "tgm_"), shown once, revocable, expiring within a year.
 */
@Service
@Transactional
public class AccessTokenService {

    public static final String SCHEME = "tgm_";
    static final Duration LONGEST_LIFE = Duration.ofDays(366);
    private static final List<String> TENANT_ROLES = List.of("ADMIN", "DEVELOPER", "BILLING");
    private static final List<String> PLATFORM_ROLES = List.of("ADMIN", "FINANCE");
    private static final String SELECT = """
            select t.id, t.kind, t.tenant_id, t.name, t.role, t.prefix, t.status, u.email owner_email, t.expires_at,
                   t.last_used_at, t.created_at
            from access_tokens t left join users u on u.id = t.owner_id
            """;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApiKeyGenerator generator;
    private final AuditLog audit;
    private final Clock clock;

    AccessTokenService(JdbcClient jdbc, CurrentUser currentUser, ApiKeyGenerator generator, AuditLog audit,
                       Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.generator = generator;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public List<AccessTokenSummary> listInTenant() {
        return list(currentUser.tenantId());
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Transactional(readOnly = true)
    public List<AccessTokenSummary> listOnPlatform() {
        return list(null);
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Transactional(readOnly = true)
    public List<AccessTokenSummary> listForTenant(UUID tenantId) {
        requireTenant(tenantId);
        return list(tenantId);
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    public CreatedAccessToken createInTenant(AccessTokenDraft draft) {
        return create(currentUser.tenantId(), draft);
    }

    /** A platform administrator gives a tenant a service token, e.g. to onboard it by script. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public CreatedAccessToken createForTenant(UUID tenantId, AccessTokenDraft draft) {
        requireTenant(tenantId);
        if (!"SERVICE".equals(draft.kind())) {
            throw new PortalException("A platform administrator gives a tenant service tokens only");
        }
        return create(tenantId, draft);
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public CreatedAccessToken createOnPlatform(AccessTokenDraft draft) {
        return create(null, draft);
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    public void revokeInTenant(UUID tokenId) {
        revoke(tokenId, currentUser.tenantId(), false);
    }

    /** Any token: the platform's own and every tenant's. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void revokeAny(UUID tokenId) {
        revoke(tokenId, null, true);
    }

    private CreatedAccessToken create(@Nullable UUID tenantId, AccessTokenDraft draft) {
        check(tenantId, draft);
        GeneratedApiKey generated = generator.generate(SCHEME);
        UUID id = UUID.randomUUID();
        UUID maker = currentUser.require().userId();
        boolean personal = "PERSONAL".equals(draft.kind());
        jdbc.sql("""
                        insert into access_tokens (id, kind, tenant_id, owner_id, name, role, prefix, secret_hash,
                                                   hash_key_id, expires_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, draft.kind(), tenantId, personal ? maker : null, draft.name().trim(), draft.role(),
                        generated.prefix(), generated.hash(), generated.hashKeyId(), Sql.timestamp(draft.expiresAt()),
                        maker)
                .update();
        audit.record(tenantId, "token.create", "access_token", id, Map.of("kind", draft.kind(), "role", draft.role(),
                "prefix", generated.prefix(), "name", draft.name().trim(), "expiresAt", draft.expiresAt()));
        return new CreatedAccessToken(id, generated.prefix(), generated.plaintext());
    }

    private void check(@Nullable UUID tenantId, AccessTokenDraft draft) {
        if (!List.of("PERSONAL", "SERVICE").contains(draft.kind())) {
            throw new PortalException("A token is PERSONAL or SERVICE");
        }
        if (draft.name() == null || draft.name().isBlank() || draft.name().trim().length() > 100) {
            throw new PortalException("Name the token (up to 100 characters)");
        }
        List<String> roles = tenantId == null ? PLATFORM_ROLES : TENANT_ROLES;
        if (!roles.contains(draft.role())) {
            throw new PortalException("The role is one of " + String.join(", ", roles));
        }
        Instant now = clock.instant();
        if (draft.expiresAt() == null || !draft.expiresAt().isAfter(now)
                || draft.expiresAt().isAfter(now.plus(LONGEST_LIFE))) {
            throw new PortalException("A token expires in the future, within a year");
        }
    }

    private void revoke(UUID tokenId, @Nullable UUID tenantId, boolean anyTenant) {
        record Revoked(@Nullable UUID tenantId) {
        }
        Revoked revoked = jdbc.sql("""
                        update access_tokens set status = 'REVOKED', revoked_at = ?, version = version + 1
                        where id = ? and status = 'ACTIVE' and (? or tenant_id = ?)
                        returning tenant_id""")
                .params(Sql.timestamp(clock.instant()), tokenId, anyTenant, tenantId)
                .query((rs, n) -> new Revoked(rs.getObject("tenant_id", UUID.class)))
                .optional().orElseThrow(() -> PortalException.notFound("Active token"));
        audit.record(revoked.tenantId(), "token.revoke", "access_token", tokenId, Map.of());
    }

    private List<AccessTokenSummary> list(@Nullable UUID tenantId) {
        return jdbc.sql(SELECT + " where t.tenant_id is not distinct from ? order by t.created_at desc")
                .param(tenantId)
                .query((rs, n) -> new AccessTokenSummary(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getObject("tenant_id", UUID.class), rs.getString("name"), rs.getString("role"),
                        rs.getString("prefix"), rs.getString("status"), rs.getString("owner_email"),
                        Sql.instant(rs, "expires_at"), Sql.instant(rs, "last_used_at"), Sql.instant(rs, "created_at")))
                .list();
    }

    private void requireTenant(UUID tenantId) {
        if (!jdbc.sql("select exists(select 1 from tenants where id = ?)").param(tenantId).query(Boolean.class).single()) {
            throw PortalException.notFound("Tenant");
        }
    }
}

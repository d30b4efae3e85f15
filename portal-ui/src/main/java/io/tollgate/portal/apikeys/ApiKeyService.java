package io.tollgate.portal.apikeys;

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

/** API keys of the signed-in tenant's apps: list, create (plaintext returned once), revoke and rotate. */
@Service
@Transactional
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
public class ApiKeyService {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ApiKeyGenerator generator;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyService(JdbcClient jdbc, CurrentUser currentUser, ApiKeyGenerator generator, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.generator = generator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiKeySummary> list(UUID appId) {
        return jdbc.sql("""
                        select k.id, k.name, k.prefix, k.status, k.created_at, u.last_used_at, k.expires_at
                        from api_keys k left join api_key_usage u on u.api_key_id = k.id
                        where k.tenant_id = ? and k.app_id = ? order by k.created_at desc""")
                .params(currentUser.tenantId(), appId)
                .query((rs, n) -> new ApiKeySummary(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("prefix"), rs.getString("status"), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "last_used_at"), Sql.instant(rs, "expires_at")))
                .list();
    }

    public CreatedKey create(UUID appId, String name, @Nullable Instant expiresAt) {
        UUID tenantId = currentUser.tenantId();
        requireActiveApp(tenantId, appId);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new PortalException("The expiry must be in the future");
        }
        CreatedKey key = insert(tenantId, appId, name.trim(), expiresAt, null);
        audit.record(tenantId, "apikey.create", "api_key", key.id(),
                Map.of("app", appId, "prefix", key.prefix(), "name", name.trim()));
        return key;
    }

    public void revoke(UUID keyId) {
        UUID tenantId = currentUser.tenantId();
        int updated = jdbc.sql("""
                        update api_keys set status = 'REVOKED', revoked_at = ?, updated_at = now(), version = version + 1
                        where id = ? and tenant_id = ? and status = 'ACTIVE'""")
                .params(Sql.timestamp(clock.instant()), keyId, tenantId)
                .update();
        if (updated == 0) {
            throw PortalException.notFound("Active API key");
        }
        audit.record(tenantId, "apikey.revoke", "api_key", keyId, Map.of());
    }

    /** A new key for the same app; the old one keeps working for {@code grace}, then expires. */
    public CreatedKey rotate(UUID keyId, Duration grace) {
        UUID tenantId = currentUser.tenantId();
        record Old(UUID appId, String name, @Nullable Instant expiresAt) {
        }
        Old old = jdbc.sql("""
                        select app_id, name, expires_at from api_keys
                        where id = ? and tenant_id = ? and status = 'ACTIVE' for update""")
                .params(keyId, tenantId)
                .query((rs, n) -> new Old(rs.getObject("app_id", UUID.class), rs.getString("name"),
                        Sql.instant(rs, "expires_at")))
                .optional().orElseThrow(() -> PortalException.notFound("Active API key"));
        requireActiveApp(tenantId, old.appId());
        Instant graceEnd = clock.instant().plus(grace);
        Instant oldExpiry = old.expiresAt() != null && old.expiresAt().isBefore(graceEnd) ? old.expiresAt() : graceEnd;
        jdbc.sql("update api_keys set expires_at = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(Sql.timestamp(oldExpiry), keyId)
                .update();
        CreatedKey key = insert(tenantId, old.appId(), old.name(), old.expiresAt(), keyId);
        audit.record(tenantId, "apikey.rotate", "api_key", key.id(),
                Map.of("rotatedFrom", keyId, "oldKeyExpiresAt", oldExpiry, "prefix", key.prefix()));
        return key;
    }

    private CreatedKey insert(UUID tenantId, UUID appId, String name, @Nullable Instant expiresAt,
                              @Nullable UUID rotatedFrom) {
        GeneratedApiKey generated = generator.generate();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into api_keys (id, tenant_id, app_id, name, prefix, secret_hash, hash_key_id, expires_at,
                                              created_by, rotated_from)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, appId, name, generated.prefix(), generated.hash(), generated.hashKeyId(),
                        Sql.timestamp(expiresAt), currentUser.require().userId(), rotatedFrom)
                .update();
        return new CreatedKey(id, generated.prefix(), generated.plaintext());
    }

    private void requireActiveApp(UUID tenantId, UUID appId) {
        boolean active = jdbc.sql("select exists(select 1 from apps where id = ? and tenant_id = ? and status = 'ACTIVE')")
                .params(appId, tenantId).query(Boolean.class).single();
        if (!active) {
            throw PortalException.notFound("Active app");
        }
    }
}

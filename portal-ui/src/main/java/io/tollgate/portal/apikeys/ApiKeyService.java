package io.tollgate.portal.apikeys;

import io.tollgate.model.account.Roles;
import io.tollgate.model.apikey.ApiKey;
import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyRepository;
import io.tollgate.model.apikey.GeneratedApiKey;
import io.tollgate.model.apikey.ListedApiKey;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppRepository;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of the signed-in tenant's apps: list, create (plaintext returned once), revoke and rotate. The
 * repositories see only the caller's tenant, so another tenant's key or app is simply not found.
 */
@Service
@Transactional
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_DEVELOPER})
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final AppRepository apps;
    private final CurrentUser currentUser;
    private final ApiKeyGenerator generator;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, AppRepository apps, CurrentUser currentUser, ApiKeyGenerator generator,
                  AuditLog audit, Clock clock) {
        this.keys = keys;
        this.apps = apps;
        this.currentUser = currentUser;
        this.generator = generator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiKeySummary> list(UUID appId) {
        return keys.findAllListedByAppId(appId).stream().map(ApiKeyService::summary).toList();
    }

    public CreatedKey create(UUID appId, String name, @Nullable Instant expiresAt) {
        requireActiveApp(appId);
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new PortalException("The expiry must be in the future");
        }
        GeneratedApiKey generated = generator.generate();
        ApiKey key = keys.save(ApiKey.issue(appId, name.trim(), generated, expiresAt, currentUser.require().userId(),
                now));
        audit.record(currentUser.tenantId(), "apikey.create", "api_key", key.getId(),
                Map.of("app", appId, "prefix", key.getPrefix(), "name", name.trim()));
        return created(key, generated);
    }

    public void revoke(UUID keyId) {
        activeKey(keyId).revoke(clock.instant());
        audit.record(currentUser.tenantId(), "apikey.revoke", "api_key", keyId, Map.of());
    }

    /** A new key for the same app; the old one keeps working for {@code grace}, then expires. */
    public CreatedKey rotate(UUID keyId, Duration grace) {
        ApiKey old = activeKey(keyId);
        requireActiveApp(old.getAppId());
        Instant now = clock.instant();
        GeneratedApiKey generated = generator.generate();
        ApiKey key = keys.save(old.rotate(generated, now.plus(grace), currentUser.require().userId(), now));
        audit.record(currentUser.tenantId(), "apikey.rotate", "api_key", key.getId(),
                Map.of("rotatedFrom", keyId, "oldKeyExpiresAt", old.getExpiresAt().orElseThrow(),
                        "prefix", key.getPrefix()));
        return created(key, generated);
    }

    private ApiKey activeKey(UUID keyId) {
        return keys.findActiveForUpdate(keyId).orElseThrow(() -> PortalException.notFound("Active API key"));
    }

    private void requireActiveApp(UUID appId) {
        apps.findById(appId).filter(App::isActive).orElseThrow(() -> PortalException.notFound("Active app"));
    }

    private static CreatedKey created(ApiKey key, GeneratedApiKey generated) {
        return new CreatedKey(key.getId(), key.getPrefix(), generated.plaintext());
    }

    private static ApiKeySummary summary(ListedApiKey listed) {
        ApiKey key = listed.key();
        return new ApiKeySummary(key.getId(), key.getName(), key.getPrefix(), key.getStatus().name(),
                key.getCreatedAt(), listed.lastUsedAt(), key.getExpiresAt().orElse(null));
    }
}

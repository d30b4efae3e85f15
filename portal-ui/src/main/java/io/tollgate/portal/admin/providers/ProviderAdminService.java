package io.tollgate.portal.admin.providers;

import io.tollgate.model.account.Roles;
import io.tollgate.model.catalog.Provider;
import io.tollgate.model.catalog.ProviderRepository;
import io.tollgate.model.catalog.ProviderType;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers (their deployments: {@link DeploymentAdminService}). Credentials are encrypted with the current master key
 * (bound to the provider id as associated data, as the gateway expects) and are only ever replaced, never shown. The
 * rows are the platform's own, so the repository applies no tenant filter.
 */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class ProviderAdminService {

    public record ProviderRow(UUID id, ProviderDraft draft, boolean hasCredential) {
    }

    /** A provider with the version an update must name (optimistic concurrency), as the management API shows it. */
    public record VersionedProvider(ProviderRow provider, long version) {
    }

    private final ProviderRepository providers;
    private final CredentialCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    ProviderAdminService(ProviderRepository providers, CredentialCipher cipher, AuditLog audit, Clock clock) {
        this.providers = providers;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProviderRow> list() {
        return listVersioned().stream().map(VersionedProvider::provider).toList();
    }

    @Transactional(readOnly = true)
    public List<VersionedProvider> listVersioned() {
        return providers.findAllForListing().stream().map(ProviderAdminService::versioned).toList();
    }

    @Transactional(readOnly = true)
    public Optional<VersionedProvider> find(UUID providerId) {
        return providers.findById(providerId).map(ProviderAdminService::versioned);
    }

    /** {@link #save} of the provider as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    public void update(UUID providerId, long expectedVersion, ProviderDraft draft, @Nullable String newCredential) {
        Provider provider = providers.findByIdForUpdate(providerId)
                .orElseThrow(() -> PortalException.notFound("Provider"));
        if (provider.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("Provider " + providerId + " changed since version "
                    + expectedVersion);
        }
        save(providerId, draft, newCredential);
    }

    public UUID save(@Nullable UUID providerId, ProviderDraft draft, @Nullable String newCredential) {
        String baseUrl = check(providerId, draft);
        Instant now = clock.instant();
        ProviderType type = ProviderType.valueOf(draft.type());
        Provider provider;
        if (providerId == null) {
            provider = new Provider(draft.name().trim(), type, baseUrl, draft.enabled(), now);
        } else {
            provider = providers.findById(providerId).orElseThrow(() -> PortalException.notFound("Provider"));
            provider.configure(draft.name().trim(), type, baseUrl, draft.enabled(), now);
        }
        provider.changeGatewaySettings(draft.bedrock() ? draft.region().strip() : null,
                !ProviderDraft.openAiWire(draft.type()) || draft.acceptsStreamOptions(), draft.healthCheckSeconds());
        provider.changeTimeouts(
                draft.connectTimeoutMs() == null ? provider.getConnectTimeoutMs() : draft.connectTimeoutMs(),
                draft.responseTimeoutMs() == null ? provider.getResponseTimeoutMs() : draft.responseTimeoutMs());
        boolean replaced = newCredential != null && !newCredential.isBlank();
        if (replaced) {
            provider.replaceCredential(cipher.encrypt(newCredential.strip(), provider.credentialBinding()));
        }
        providers.saveAndFlush(provider);
        audit.record(null, providerId == null ? "provider.create" : "provider.update", "provider", provider.getId(),
                auditDetails(draft, provider, replaced));
        return provider.getId();
    }

    /** The decrypted credential, for the connection test only; never leaves the server. */
    @Transactional(readOnly = true)
    Optional<String> credential(UUID providerId) {
        return providers.findById(providerId).flatMap(provider -> provider.credential()
                .map(secret -> cipher.decrypt(secret, provider.credentialBinding())));
    }

    /** The base URL to store (null for none) when the draft can be saved. */
    private @Nullable String check(@Nullable UUID providerId, ProviderDraft draft) {
        if (draft.name() == null || draft.name().isBlank() || draft.name().strip().length() > 100) {
            throw new PortalException("Name the provider (at most 100 characters)");
        }
        if (!ProviderDraft.TYPES.contains(draft.type())) {
            throw new PortalException("The type is one of " + String.join(", ", ProviderDraft.TYPES));
        }
        String name = draft.name().trim();
        if (providerId == null ? providers.existsByName(name) : providers.existsByNameAndIdNot(name, providerId)) {
            throw PortalException.conflict("A provider named '" + name + "' already exists");
        }
        String baseUrl = draft.baseUrl() == null || draft.baseUrl().isBlank() ? null : draft.baseUrl().trim();
        if (baseUrl != null && !baseUrl.matches("https?://\\S+")) {
            throw new PortalException("The base URL starts with http:// or https://");
        }
        if (draft.bedrock() && !ProviderDraft.validRegion(draft.region())) {
            throw new PortalException("A Bedrock provider needs its AWS region, e.g. us-east-1");
        }
        if (!ProviderDraft.validHealthCheck(draft.healthCheckSeconds())) {
            throw new PortalException("Health checks run every " + ProviderDraft.MIN_HEALTH_CHECK_SECONDS + " to "
                    + ProviderDraft.MAX_HEALTH_CHECK_SECONDS + " seconds, or not at all");
        }
        if (!ProviderDraft.validConnectTimeout(draft.connectTimeoutMs())) {
            throw new PortalException("Connect timeout: " + ProviderDraft.CONNECT_TIMEOUT_RULE);
        }
        if (!ProviderDraft.validResponseTimeout(draft.responseTimeoutMs())) {
            throw new PortalException("Response timeout: " + ProviderDraft.RESPONSE_TIMEOUT_RULE);
        }
        return baseUrl;
    }

    private static Map<String, Object> auditDetails(ProviderDraft draft, Provider provider, boolean replaced) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", draft.name().trim());
        details.put("type", draft.type());
        details.put("region", draft.region() == null ? "" : draft.region());
        details.put("acceptsStreamOptions", draft.acceptsStreamOptions());
        details.put("healthCheckSeconds", draft.healthCheckSeconds() == null ? "" : draft.healthCheckSeconds());
        details.put("connectTimeoutMs", provider.getConnectTimeoutMs());
        details.put("responseTimeoutMs", provider.getResponseTimeoutMs());
        details.put("credentialReplaced", replaced);
        return details;
    }

    private static VersionedProvider versioned(Provider provider) {
        return new VersionedProvider(new ProviderRow(provider.getId(), new ProviderDraft(provider.getName(),
                provider.getType().name(), provider.getBaseUrl().orElse(null), provider.isEnabled(),
                provider.region().orElse(null), provider.acceptsStreamOptions(),
                provider.healthCheckSeconds().orElse(null), provider.getConnectTimeoutMs(),
                provider.getResponseTimeoutMs()), provider.hasCredential()), provider.getVersion());
    }
}

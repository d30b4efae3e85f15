package io.tollgate.portal.admin.providers;

import io.tollgate.model.account.Roles;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers (their deployments: {@link DeploymentAdminService}). Credentials are encrypted with the current master key
 * (bound to the provider id as associated data, as the gateway expects) and are only ever replaced, never shown.
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

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;
    private final AuditLog audit;

    ProviderAdminService(JdbcClient jdbc, CredentialCipher cipher, AuditLog audit) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ProviderRow> list() {
        return jdbc.sql("""
                        select id, name, type, base_url, enabled, settings ->> 'region' region,
                            coalesce(settings ->> 'streamOptions', '') <> 'false' accepts_stream_options,
                            case when settings ->> 'healthCheckSeconds' ~ '^[0-9]{1,9}$'
                                then (settings ->> 'healthCheckSeconds')::int end health_check_seconds,
                            credential_ciphertext is not null has_credential
                        from providers order by lower(name)""")
                .query((rs, n) -> new ProviderRow(rs.getObject("id", UUID.class), new ProviderDraft(rs.getString("name"),
                        rs.getString("type"), rs.getString("base_url"), rs.getBoolean("enabled"), rs.getString("region"),
                        rs.getBoolean("accepts_stream_options"), rs.getObject("health_check_seconds", Integer.class)),
                        rs.getBoolean("has_credential")))
                .list();
    }

    /** The providers as {@link #list()} shows them, each with its version (one snapshot, so they match). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<VersionedProvider> listVersioned() {
        Map<UUID, Long> versions = new HashMap<>();
        jdbc.sql("select id, version from providers")
                .query(rs -> {
                    versions.put(rs.getObject("id", UUID.class), rs.getLong("version"));
                });
        return list().stream().map(provider -> new VersionedProvider(provider, versions.get(provider.id()))).toList();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<VersionedProvider> find(UUID providerId) {
        return listVersioned().stream().filter(provider -> provider.provider().id().equals(providerId)).findFirst();
    }

    /** {@link #save} of the provider as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    public void update(UUID providerId, long expectedVersion, ProviderDraft draft, @Nullable String newCredential) {
        long current = jdbc.sql("select version from providers where id = ? for update").param(providerId)
                .query(Long.class).optional().orElseThrow(() -> PortalException.notFound("Provider"));
        if (current != expectedVersion) {
            throw new OptimisticLockingFailureException("Provider " + providerId + " changed since version "
                    + expectedVersion);
        }
        save(providerId, draft, newCredential);
    }

    public UUID save(@Nullable UUID providerId, ProviderDraft draft, @Nullable String newCredential) {
        if (draft.name() == null || draft.name().isBlank() || draft.name().strip().length() > 100) {
            throw new PortalException("Name the provider (at most 100 characters)");
        }
        if (!ProviderDraft.TYPES.contains(draft.type())) {
            throw new PortalException("The type is one of " + String.join(", ", ProviderDraft.TYPES));
        }
        if (jdbc.sql("select exists(select 1 from providers where name = ? and id is distinct from ?)")
                .params(draft.name().trim(), providerId).query(Boolean.class).single()) {
            throw PortalException.conflict("A provider named '" + draft.name().trim() + "' already exists");
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
        UUID id = providerId == null ? UUID.randomUUID() : providerId;
        int written = jdbc.sql(providerId == null
                        ? "insert into providers (name, type, base_url, enabled, id) values (?, ?, ?, ?, ?)"
                        : """
                        update providers set name = ?, type = ?, base_url = ?, enabled = ?, updated_at = now(),
                            version = version + 1 where id = ?""")
                .params(draft.name().trim(), draft.type(), baseUrl, draft.enabled(), id)
                .update();
        if (written == 0) {
            throw PortalException.notFound("Provider");
        }
        // the portal edits three settings the gateway reads (a Bedrock provider's region; whether an OpenAI-wire server
        // takes stream_options, absent meaning it does; the health check interval, absent meaning none) and leaves
        // every other key as it is
        jdbc.sql("""
                        update providers set settings = ((case when type = 'BEDROCK'
                                then settings || jsonb_build_object('region', ?::text) else settings - 'region' end)
                            - 'streamOptions' - 'healthCheckSeconds')
                            || case when ? then '{"streamOptions": false}'::jsonb else '{}'::jsonb end
                            || jsonb_strip_nulls(jsonb_build_object('healthCheckSeconds', ?::int))
                        where id = ?""")
                .params(draft.bedrock() ? draft.region().strip() : null,
                        ProviderDraft.openAiWire(draft.type()) && !draft.acceptsStreamOptions(),
                        draft.healthCheckSeconds(), id).update();
        boolean replaced = newCredential != null && !newCredential.isBlank();
        if (replaced) {
            EncryptedSecret secret = cipher.encrypt(newCredential.strip(), id.toString());
            jdbc.sql("update providers set credential_ciphertext = ?, credential_key_id = ? where id = ?")
                    .params(secret.ciphertext(), secret.keyId(), id).update();
        }
        audit.record(null, providerId == null ? "provider.create" : "provider.update", "provider", id, Map.of(
                "name", draft.name().trim(), "type", draft.type(), "region", draft.region() == null ? "" : draft.region(),
                "acceptsStreamOptions", draft.acceptsStreamOptions(), "healthCheckSeconds",
                draft.healthCheckSeconds() == null ? "" : draft.healthCheckSeconds(), "credentialReplaced", replaced));
        return id;
    }

    /** The decrypted credential, for the connection test only; never leaves the server. */
    @Transactional(readOnly = true)
    Optional<String> credential(UUID providerId) {
        return jdbc.sql("select credential_ciphertext, credential_key_id from providers where id = ?")
                .param(providerId)
                .query((rs, n) -> rs.getBytes(1) == null ? null
                        : cipher.decrypt(new EncryptedSecret(rs.getBytes(1), rs.getString(2)), providerId.toString()))
                .optional();
    }
}

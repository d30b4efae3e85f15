package io.tollgate.model.apikey;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

@NullMarked
public interface ApiKeyRepository extends TenantScopedRepository<ApiKey, UUID> {

    List<ApiKey> findAllByTenantIdAndAppIdOrderByCreatedAtDesc(UUID tenantId, UUID appId);

    List<ApiKey> findAllByTenantIdOrderByCreatedAtDesc(UUID tenantId);

    /**
     * For the gateway's key lookup and snapshot only: the prefix comes from the presented key, and the caller
     * must verify the whole key against {@link ApiKey#getSecretHash()} before trusting the row.
     */
    Optional<ApiKey> findByPrefix(String prefix);
}

package io.tollgate.model.apikey;

import io.tollgate.model.TenantScopedRepository;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The session tenant's API keys. */
@NullMarked
public interface ApiKeyRepository extends TenantScopedRepository<ApiKey, UUID> {

    /** The app's keys, newest first, each with its last use (kept apart in {@code api_key_usage}). */
    @Query("""
            select new io.tollgate.model.apikey.ListedApiKey(k, u.lastUsedAt)
            from ApiKey k left join ApiKeyUsage u on u.apiKeyId = k.id
            where k.appId = :appId order by k.createdAt desc""")
    List<ListedApiKey> findAllListedByAppId(UUID appId);

    /** The active key, locked until the transaction ends, so two rotations of one key cannot both succeed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select k from ApiKey k where k.id = :id and k.status = io.tollgate.model.apikey.ApiKeyStatus.ACTIVE")
    Optional<ApiKey> findActiveForUpdate(UUID id);
}

package io.tollgate.model.apikey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The metering writes these rows in batches with JDBC; this repository is for reading them per tenant. */
@NullMarked
public interface ApiKeyUsageRepository extends Repository<ApiKeyUsage, UUID> {

    <S extends ApiKeyUsage> S save(S usage);

    void flush();

    @Query("""
            select u from ApiKeyUsage u
            where u.apiKeyId = :apiKeyId
              and exists (select k from ApiKey k where k.id = u.apiKeyId and k.tenantId = :tenantId)""")
    Optional<ApiKeyUsage> findByTenantIdAndApiKeyId(UUID tenantId, UUID apiKeyId);

    @Query("""
            select u from ApiKeyUsage u
            where exists (select k from ApiKey k where k.id = u.apiKeyId and k.tenantId = :tenantId and k.appId = :appId)""")
    List<ApiKeyUsage> findAllByTenantIdAndAppId(UUID tenantId, UUID appId);
}

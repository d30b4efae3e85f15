package io.tollgate.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * The base of every repository of tenant-owned rows. It deliberately offers no {@code findById} or
 * {@code findAll}: every read names the tenant, so a tenant can never load another tenant's row.
 * Platform-wide reads (administrators, the gateway snapshot, billing jobs) live in the aggregate's
 * {@code ...AdminQueries} repository.
 */
@NoRepositoryBean
public interface TenantScopedRepository<T, ID> extends Repository<T, ID> {

    <S extends T> S save(S entity);

    <S extends T> List<S> saveAll(Iterable<S> entities);

    <S extends T> S saveAndFlush(S entity);

    void delete(T entity);

    void flush();

    Optional<T> findByTenantIdAndId(UUID tenantId, ID id);
}

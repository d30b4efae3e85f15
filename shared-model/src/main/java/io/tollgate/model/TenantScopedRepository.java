package io.tollgate.model;

import java.util.Optional;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/**
 * The base of every repository of tenant-owned rows. Its entities carry Hibernate's {@code @TenantId}, so every
 * query, and {@code findById} too, sees only the rows of the session's tenant (see {@code io.tollgate.model.tenancy}):
 * no method names a tenant, and none can be called with another tenant's.
 */
@NoRepositoryBean
public interface TenantScopedRepository<T, ID> extends Repository<T, ID> {

    <S extends T> S save(S entity);

    Optional<T> findById(ID id);
}

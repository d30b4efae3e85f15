package io.tollgate.model.app;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface AppRepository extends TenantScopedRepository<App, UUID> {

    List<App> findAllByTenantIdOrderByName(UUID tenantId);

    Optional<App> findByTenantIdAndName(UUID tenantId, String name);

    boolean existsByTenantIdAndName(UUID tenantId, String name);
}

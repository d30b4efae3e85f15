package io.tollgate.model.budget;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.UUID;

public interface BudgetRepository extends TenantScopedRepository<Budget, UUID> {

    List<Budget> findAllByTenantId(UUID tenantId);

    List<Budget> findAllByTenantIdAndAppId(UUID tenantId, UUID appId);
}

package io.tollgate.model.budget;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.UUID;

public interface BudgetAlertRepository extends TenantScopedRepository<BudgetAlert, UUID> {

    List<BudgetAlert> findAllByTenantIdOrderByCreatedAtDesc(UUID tenantId);

    List<BudgetAlert> findAllByTenantIdAndBudgetIdOrderByCreatedAtDesc(UUID tenantId, UUID budgetId);
}

package io.tollgate.model.budget;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Budgets across all tenants: for the gateway's snapshot and billing's jobs, never for tenant input. */
public interface BudgetAdminQueries extends Repository<Budget, UUID> {

    Optional<Budget> findById(UUID id);

    List<Budget> findAllByEnabledTrue();
}

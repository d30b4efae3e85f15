package io.tollgate.model.budget;

import io.tollgate.model.TenantScopedRepository;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.Query;

/**
 * The session tenant's budgets. Listing them with their spend, app and model names is set-based SQL; this is for
 * changing one.
 */
public interface BudgetRepository extends TenantScopedRepository<Budget, UUID> {

    /** Written at once, so the SQL that lists budgets with their spend in the same transaction sees it. */
    <S extends Budget> S saveAndFlush(S budget);

    void delete(Budget budget);

    /** The budget on this target for this period; there is one at most. */
    @Query("""
            select b from Budget b
            where b.appId is not distinct from :appId and b.modelId is not distinct from :modelId
              and b.period = :period""")
    Optional<Budget> findForTarget(@Nullable UUID appId, @Nullable UUID modelId, BudgetPeriod period);
}

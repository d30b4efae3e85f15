package io.tollgate.model.budget;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.time.LocalDate;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Spend rows carry no tenant column; every read joins the budget and checks its tenant. */
public interface BudgetSpendRepository extends Repository<BudgetSpend, BudgetSpendId> {

    <S extends BudgetSpend> S save(S spend);

    void flush();

    @Query("""
            select s from BudgetSpend s
            where s.budgetId = :budgetId and s.periodStart = :periodStart
              and exists (select b from Budget b where b.id = s.budgetId and b.tenantId = :tenantId)""")
    Optional<BudgetSpend> findByTenantIdAndBudgetIdAndPeriodStart(UUID tenantId, UUID budgetId, LocalDate periodStart);

    @Query("""
            select s from BudgetSpend s
            where s.budgetId = :budgetId
              and exists (select b from Budget b where b.id = s.budgetId and b.tenantId = :tenantId)
            order by s.periodStart desc""")
    List<BudgetSpend> findAllByTenantIdAndBudgetId(UUID tenantId, UUID budgetId);
}

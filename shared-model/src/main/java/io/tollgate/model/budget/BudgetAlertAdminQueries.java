package io.tollgate.model.budget;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Alerts across all tenants: billing's delivery job, never tenant input. */
public interface BudgetAlertAdminQueries extends Repository<BudgetAlert, UUID> {

    /** Alerts with a channel still PENDING whose next attempt is due at {@code now} (or never scheduled), oldest first. */
    @Query("""
            select a from BudgetAlert a
            where (a.webhookStatus = io.tollgate.model.budget.DeliveryStatus.PENDING
                   or a.emailStatus = io.tollgate.model.budget.DeliveryStatus.PENDING)
              and (a.nextAttemptAt is null or a.nextAttemptAt <= :now)
            order by a.createdAt""")
    List<BudgetAlert> findAllDue(Instant now);
}

package io.tollgate.model.usage;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.repository.Repository;

/** Rollups across all tenants: finance's chargeback views and billing's jobs, never tenant input. */
public interface UsageDailyAdminQueries extends Repository<UsageDaily, UsageDailyId> {

    /** From {@code from} to {@code to}, both days included. */
    List<UsageDaily> findAllByDayBetweenOrderByTenantIdAscDayAsc(LocalDate from, LocalDate to);
}

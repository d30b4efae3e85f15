package io.tollgate.model.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Daily rollups of one tenant; the key itself starts with the tenant id. */
public interface UsageDailyRepository extends Repository<UsageDaily, UsageDailyId> {

    <S extends UsageDaily> S save(S rollup);

    void flush();

    Optional<UsageDaily> findById(UsageDailyId key);

    /** Rollups of the tenant from {@code from} to {@code to}, both days included. */
    List<UsageDaily> findAllByTenantIdAndDayBetweenOrderByDay(UUID tenantId, LocalDate from, LocalDate to);

    List<UsageDaily> findAllByTenantIdAndAppIdAndDayBetweenOrderByDay(UUID tenantId, UUID appId, LocalDate from,
                                                                      LocalDate to);
}

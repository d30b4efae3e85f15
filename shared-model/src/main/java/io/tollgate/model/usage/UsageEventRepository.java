package io.tollgate.model.usage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Reads of the event log for one tenant; the gateway writes it with JDBC, not through this repository. */
public interface UsageEventRepository extends Repository<UsageEvent, UsageEventId> {

    <S extends UsageEvent> S save(S event);

    void flush();

    /** The event of one request; {@code id} is the gateway's request id. */
    Optional<UsageEvent> findFirstByTenantIdAndId(UUID tenantId, UUID id);

    /** Events in {@code [from, to)}, newest first, at most {@code limit}. */
    @Query("""
            select e from UsageEvent e
            where e.tenantId = :tenantId and e.occurredAt >= :from and e.occurredAt < :to
            order by e.occurredAt desc""")
    List<UsageEvent> findRecentByTenantId(UUID tenantId, Instant from, Instant to, Limit limit);
}

package io.tollgate.model.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** Appends entries and reads one tenant's log; entries are never updated or deleted. */
public interface AuditLogEntryRepository extends Repository<AuditLogEntry, Long> {

    AuditLogEntry save(AuditLogEntry entry);

    void flush();

    List<AuditLogEntry> findAllByTenantIdOrderByOccurredAtDescIdDesc(UUID tenantId, Limit limit);
}

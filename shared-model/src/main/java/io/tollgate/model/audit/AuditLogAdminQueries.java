package io.tollgate.model.audit;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** The whole audit log, platform-level entries included: platform administrators only. */
public interface AuditLogAdminQueries extends Repository<AuditLogEntry, Long> {

    List<AuditLogEntry> findAllByOrderByOccurredAtDescIdDesc(Limit limit);
}

package io.tollgate.portal.admin.plans;

import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tiers and their limits, as platform administrators edit them. */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class PlanAdminService {

    public record PlanRow(UUID id, String code, PlanDraft draft) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PlanAdminService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<PlanRow> list() {
        return jdbc.sql("select * from plans order by requests_per_minute nulls last, code")
                .query((rs, n) -> new PlanRow(rs.getObject("id", UUID.class), rs.getString("code"), new PlanDraft(
                        rs.getString("name"), rs.getObject("requests_per_minute", Integer.class),
                        rs.getObject("requests_per_hour", Integer.class), rs.getObject("tokens_per_minute", Long.class),
                        rs.getObject("tokens_per_day", Long.class), rs.getObject("max_concurrent_requests", Integer.class),
                        rs.getObject("max_tokens_per_request", Integer.class), rs.getBigDecimal("markup_percent"))))
                .list();
    }

    public void update(UUID planId, PlanDraft draft) {
        int updated = jdbc.sql("""
                        update plans set name = ?, requests_per_minute = ?, requests_per_hour = ?, tokens_per_minute = ?,
                            tokens_per_day = ?, max_concurrent_requests = ?, max_tokens_per_request = ?,
                            markup_percent = ?, updated_at = now(), version = version + 1
                        where id = ?""")
                .params(draft.name().trim(), draft.requestsPerMinute(), draft.requestsPerHour(), draft.tokensPerMinute(),
                        draft.tokensPerDay(), draft.maxConcurrentRequests(), draft.maxTokensPerRequest(),
                        draft.markupPercent(), planId)
                .update();
        if (updated == 0) {
            throw PortalException.notFound("Plan");
        }
        audit.record(null, "plan.update", "plan", planId, Map.of("name", draft.name(),
                "requestsPerMinute", String.valueOf(draft.requestsPerMinute()),
                "tokensPerMinute", String.valueOf(draft.tokensPerMinute()),
                "tokensPerDay", String.valueOf(draft.tokensPerDay())));
    }
}

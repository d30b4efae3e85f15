package io.tollgate.portal.admin.plans;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tiers and their limits, as platform administrators edit them (on the Plans screen and through the API). */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class PlanAdminService {

    /** A tier; {@code version} is what an update must name (optimistic concurrency). */
    public record PlanRow(UUID id, String code, PlanDraft draft, long version) {
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
                        rs.getObject("max_tokens_per_request", Integer.class), rs.getBigDecimal("markup_percent"),
                        rs.getBigDecimal("cache_hit_per_million")),
                        rs.getLong("version")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<PlanRow> find(UUID planId) {
        return list().stream().filter(plan -> plan.id().equals(planId)).findFirst();
    }

    /** A new tier under a code of its own (the code never changes; tenants are moved to it by plan id). */
    public UUID create(String code, PlanDraft draft) {
        if (!PlanDraft.validCode(code)) {
            throw new PortalException(PlanDraft.CODE_RULE);
        }
        check(draft);
        if (jdbc.sql("select exists(select 1 from plans where code = ?)").param(code.strip())
                .query(Boolean.class).single()) {
            throw PortalException.conflict("A plan with the code '" + code.strip() + "' already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into plans (id, code, name, requests_per_minute, requests_per_hour, tokens_per_minute,
                                           tokens_per_day, max_concurrent_requests, max_tokens_per_request,
                                           markup_percent, cache_hit_per_million)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, code.strip(), draft.name().strip(), draft.requestsPerMinute(), draft.requestsPerHour(),
                        draft.tokensPerMinute(), draft.tokensPerDay(), draft.maxConcurrentRequests(),
                        draft.maxTokensPerRequest(), draft.markupPercent(), draft.cacheHitPerMillion())
                .update();
        Map<String, String> details = new HashMap<>(draft.auditDetails());
        details.put("code", code.strip());
        audit.record(null, "plan.create", "plan", id, details);
        return id;
    }

    /** Changes the tier as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    public void update(UUID planId, long expectedVersion, PlanDraft draft) {
        check(draft);
        int updated = jdbc.sql("""
                        update plans set name = ?, requests_per_minute = ?, requests_per_hour = ?, tokens_per_minute = ?,
                            tokens_per_day = ?, max_concurrent_requests = ?, max_tokens_per_request = ?,
                            markup_percent = ?, cache_hit_per_million = ?, updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(draft.name().strip(), draft.requestsPerMinute(), draft.requestsPerHour(),
                        draft.tokensPerMinute(), draft.tokensPerDay(), draft.maxConcurrentRequests(),
                        draft.maxTokensPerRequest(), draft.markupPercent(), draft.cacheHitPerMillion(), planId,
                        expectedVersion)
                .update();
        if (updated == 0) {
            find(planId).orElseThrow(() -> PortalException.notFound("Plan"));
            throw new OptimisticLockingFailureException("Plan " + planId + " changed since version " + expectedVersion);
        }
        audit.record(null, "plan.update", "plan", planId, draft.auditDetails());
    }

    private static void check(PlanDraft draft) {
        String problem = draft.problem();
        if (problem != null) {
            throw new PortalException(problem);
        }
    }
}

package io.tollgate.portal.admin.plans;

import io.tollgate.model.account.Roles;
import io.tollgate.model.plan.Plan;
import io.tollgate.model.plan.PlanLimits;
import io.tollgate.model.plan.PlanRepository;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tiers and their limits, as platform administrators edit them (on the Plans screen and through the API). The
 * rows are the platform's own, so the repository applies no tenant filter.
 */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class PlanAdminService {

    /** A tier; {@code version} is what an update must name (optimistic concurrency). */
    public record PlanRow(UUID id, String code, PlanDraft draft, long version) {
    }

    private final PlanRepository plans;
    private final AuditLog audit;
    private final Clock clock;

    PlanAdminService(PlanRepository plans, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PlanRow> list() {
        return plans.findAllForListing().stream().map(PlanAdminService::row).toList();
    }

    @Transactional(readOnly = true)
    public Optional<PlanRow> find(UUID planId) {
        return plans.findById(planId).map(PlanAdminService::row);
    }

    /** A new tier under a code of its own (the code never changes; tenants are moved to it by plan id). */
    public UUID create(String code, PlanDraft draft) {
        if (!PlanDraft.validCode(code)) {
            throw new PortalException(PlanDraft.CODE_RULE);
        }
        check(draft);
        if (plans.existsByCode(code.strip())) {
            throw PortalException.conflict("A plan with the code '" + code.strip() + "' already exists");
        }
        Plan plan = plans.saveAndFlush(new Plan(code.strip(), draft.name().strip(), limits(draft),
                draft.markupPercent(), draft.cacheHitPerMillion(), clock.instant()));
        Map<String, String> details = new HashMap<>(draft.auditDetails());
        details.put("code", code.strip());
        audit.record(null, "plan.create", "plan", plan.getId(), details);
        return plan.getId();
    }

    /** Changes the tier as it was at {@code expectedVersion}; a change made meanwhile refuses this one. */
    public void update(UUID planId, long expectedVersion, PlanDraft draft) {
        check(draft);
        Plan plan = plans.findById(planId).orElseThrow(() -> PortalException.notFound("Plan"));
        if (plan.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("Plan " + planId + " changed since version " + expectedVersion);
        }
        plan.change(draft.name().strip(), limits(draft), draft.markupPercent(), draft.cacheHitPerMillion(),
                clock.instant());
        plans.saveAndFlush(plan);
        audit.record(null, "plan.update", "plan", planId, draft.auditDetails());
    }

    private static void check(PlanDraft draft) {
        String problem = draft.problem();
        if (problem != null) {
            throw new PortalException(problem);
        }
    }

    private static PlanLimits limits(PlanDraft draft) {
        return PlanLimits.ofNullable(draft.requestsPerMinute(), draft.requestsPerHour(), draft.tokensPerMinute(),
                draft.tokensPerDay(), draft.maxConcurrentRequests(), draft.maxTokensPerRequest());
    }

    private static PlanRow row(Plan plan) {
        PlanLimits limits = plan.limits();
        return new PlanRow(plan.getId(), plan.getCode(), new PlanDraft(plan.getName(),
                integer(limits.requestsPerMinute()), integer(limits.requestsPerHour()), whole(limits.tokensPerMinute()),
                whole(limits.tokensPerDay()), integer(limits.maxConcurrentRequests()),
                integer(limits.maxTokensPerRequest()), plan.getMarkupPercent(), plan.getCacheHitPerMillion()),
                plan.getVersion());
    }

    private static @Nullable Integer integer(OptionalLong limit) {
        return limit.isPresent() ? Math.toIntExact(limit.getAsLong()) : null;
    }

    private static @Nullable Long whole(OptionalLong limit) {
        return limit.isPresent() ? limit.getAsLong() : null;
    }
}

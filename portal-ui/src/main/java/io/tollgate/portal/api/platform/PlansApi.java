package io.tollgate.portal.api.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.admin.plans.PlanAdminService;
import io.tollgate.portal.admin.plans.PlanAdminService.PlanRow;
import io.tollgate.portal.admin.plans.PlanDraft;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.api.Decimals;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.common.PortalException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plans (tiers), through {@link PlanAdminService} as on the Plans screen. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Tiers and their limits; tenants are put on a plan by its id (platform ADMIN)")
class PlansApi {

    /**
     * An absent (null) limit is unlimited; markup_percent is a decimal string, negative for a discount;
     * cache_hit_per_million (a decimal string) is what an answer from the gateway's response cache costs, USD per
     * million tokens the answer used when it was kept.
     */
    record Plan(UUID id, String code, String name, @Nullable Integer requestsPerMinute,
                @Nullable Integer requestsPerHour, @Nullable Long tokensPerMinute, @Nullable Long tokensPerDay,
                @Nullable Integer maxConcurrentRequests, @Nullable Integer maxTokensPerRequest, String markupPercent,
                String cacheHitPerMillion, long version) {

        static Plan of(PlanRow plan) {
            PlanDraft d = plan.draft();
            return new Plan(plan.id(), plan.code(), d.name(), d.requestsPerMinute(), d.requestsPerHour(),
                    d.tokensPerMinute(), d.tokensPerDay(), d.maxConcurrentRequests(), d.maxTokensPerRequest(),
                    d.markupPercent().toPlainString(), d.cacheHitPerMillion().toPlainString(), plan.version());
        }
    }

    /**
     * A whole plan: an absent limit is unlimited, an absent markup or cache hit price 0. The code names a new plan and never changes
     * (ignored on updates).
     */
    record PlanRequest(@Nullable String code, String name, @Nullable Integer requestsPerMinute,
                       @Nullable Integer requestsPerHour, @Nullable Long tokensPerMinute, @Nullable Long tokensPerDay,
                       @Nullable Integer maxConcurrentRequests, @Nullable Integer maxTokensPerRequest,
                       @Nullable String markupPercent, @Nullable String cacheHitPerMillion) {

        PlanDraft draft() {
            BigDecimal markup = Decimals.parse(markupPercent, "markup_percent");
            BigDecimal cacheHitPrice = Decimals.parse(cacheHitPerMillion, "cache_hit_per_million");
            return new PlanDraft(name == null ? "" : name, requestsPerMinute, requestsPerHour, tokensPerMinute,
                    tokensPerDay, maxConcurrentRequests, maxTokensPerRequest, markup == null ? BigDecimal.ZERO : markup,
                    cacheHitPrice == null ? BigDecimal.ZERO : cacheHitPrice);
        }
    }

    private final PlanAdminService plans;

    PlansApi(PlanAdminService plans) {
        this.plans = plans;
    }

    @GetMapping
    CursorPage<Plan> list(@RequestParam(required = false) @Nullable String cursor,
                          @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(plans.list().stream().map(Plan::of).toList(), Plan::id, cursor, limit);
    }

    @PostMapping
    ResponseEntity<Plan> create(@RequestBody PlanRequest request) {
        Plan plan = read(plans.create(request.code() == null ? "" : request.code(), request.draft()));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).eTag(Versions.etag(plan.version()))
                .body(plan);
    }

    @GetMapping("/{planId}")
    ResponseEntity<Plan> get(@PathVariable UUID planId) {
        Plan plan = read(planId);
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
    }

    /** The gateway applies the new limits within a second, to every tenant on the plan. */
    @PutMapping("/{planId}")
    ResponseEntity<Plan> update(@PathVariable UUID planId,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                @RequestBody PlanRequest request) {
        plans.update(planId, Versions.ifMatch(ifMatch), request.draft());
        Plan plan = read(planId);
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
    }

    private Plan read(UUID planId) {
        return plans.find(planId).map(Plan::of).orElseThrow(() -> PortalException.notFound("Plan"));
    }
}

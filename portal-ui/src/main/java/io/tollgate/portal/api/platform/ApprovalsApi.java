package io.tollgate.portal.api.platform;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.admin.approvals.ApprovalService;
import io.tollgate.portal.admin.approvals.ApprovalTerms;
import io.tollgate.portal.admin.approvals.PendingRequest;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.common.PortalException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Subscription requests waiting for a decision, through {@link ApprovalService} as on the Approvals screen. */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Approve with terms or reject with a reason (platform ADMIN)")
class ApprovalsApi {

    record Pending(UUID id, UUID tenantId, String tenantName, String appName, String modelName, String justification,
                   String tenantSpendThisMonthUsd, Instant requestedAt) {

        static Pending of(PendingRequest p) {
            return new Pending(p.id(), p.tenantId(), p.tenantName(), p.appName(), p.modelName(), p.justification(),
                    p.tenantSpendThisMonth().toPlainString(), p.requestedAt());
        }
    }

    /**
     * Optional limit overrides (absent keeps the plan's) and an optional monthly budget for the app and model
     * (a decimal string), which BLOCKs or is ALERT_ONLY.
     */
    record ApproveRequest(@Nullable Integer requestsPerMinute, @Nullable Long tokensPerMinute,
                          @Nullable Long tokensPerDay, @Nullable String monthlyBudgetUsd,
                          @Nullable String budgetAction, @Nullable String reason) {

        ApprovalTerms terms() {
            BigDecimal budget;
            try {
                budget = monthlyBudgetUsd == null ? null : new BigDecimal(monthlyBudgetUsd);
            } catch (NumberFormatException notDecimal) {
                throw new PortalException("monthly_budget_usd is a decimal string, e.g. \"100.00\"");
            }
            return new ApprovalTerms(requestsPerMinute, tokensPerMinute, tokensPerDay, budget,
                    budgetAction == null ? "BLOCK" : budgetAction, reason);
        }
    }

    record RejectRequest(String reason) {
    }

    /** Several requests decided alike, in one transaction: all or none. */
    record BulkApproveRequest(List<UUID> subscriptionIds, ApproveRequest terms) {
    }

    record BulkRejectRequest(List<UUID> subscriptionIds, String reason) {
    }

    private final ApprovalService approvals;

    ApprovalsApi(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @GetMapping
    CursorPage<Pending> pending(@RequestParam(required = false) @Nullable String cursor,
                                @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(approvals.pending().stream().map(Pending::of).toList(), Pending::id, cursor, limit);
    }

    @PostMapping("/{subscriptionId}/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approve(@PathVariable UUID subscriptionId, @RequestBody ApproveRequest request) {
        approvals.approve(List.of(subscriptionId), request.terms());
    }

    @PostMapping("/approve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void approveAll(@RequestBody BulkApproveRequest request) {
        approvals.approve(ids(request.subscriptionIds()),
                request.terms() == null ? new ApproveRequest(null, null, null, null, null, null).terms()
                        : request.terms().terms());
    }

    @PostMapping("/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void rejectAll(@RequestBody BulkRejectRequest request) {
        approvals.reject(ids(request.subscriptionIds()), request.reason() == null ? "" : request.reason());
    }

    private static List<UUID> ids(@Nullable List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new PortalException("Name the subscriptions (subscription_ids)");
        }
        return ids;
    }

    @PostMapping("/{subscriptionId}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reject(@PathVariable UUID subscriptionId, @RequestBody RejectRequest request) {
        approvals.reject(List.of(subscriptionId), request.reason() == null ? "" : request.reason());
    }
}

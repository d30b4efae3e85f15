package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.api.Versions;
import io.tollgate.portal.budgets.BudgetDraft;
import io.tollgate.portal.budgets.BudgetService;
import io.tollgate.portal.budgets.BudgetSummary;
import io.tollgate.portal.common.PortalException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's budgets, through {@link BudgetService} as on the Budgets screen. Amounts are decimal strings. */
@RestController
@RequestMapping("/api/v1/budgets")
@Tag(name = "Budgets", description = "Spend caps per tenant, app or app and model (tenant ADMIN and BILLING change them)")
class BudgetsApi {

    record Budget(UUID id, String scope, @Nullable UUID appId, @Nullable UUID modelId, String period,
                  String amountUsd, List<Integer> thresholds, String action, @Nullable UUID downgradeModelId,
                  String spentUsd, long version) {

        static Budget of(BudgetSummary b) {
            BudgetDraft d = b.draft();
            return new Budget(b.id(), d.scope(), d.appId(), d.modelId(), d.period(), d.amountUsd().toPlainString(),
                    Arrays.stream(d.thresholds().split(",")).map(Integer::valueOf).toList(), d.action(),
                    d.downgradeModelId(), b.spentUsd().toPlainString(), b.version());
        }
    }

    /** scope TENANT, APP or APP_MODEL; period DAY, WEEK or MONTH; action BLOCK, DOWNGRADE or ALERT_ONLY. */
    record BudgetRequest(String scope, @Nullable UUID appId, @Nullable UUID modelId, @Nullable String period,
                         String amountUsd, @Nullable List<Integer> thresholds, @Nullable String action,
                         @Nullable UUID downgradeModelId) {

        BudgetDraft draft() {
            BigDecimal amount;
            try {
                amount = amountUsd == null ? null : new BigDecimal(amountUsd);
            } catch (NumberFormatException notDecimal) {
                throw new PortalException("amount_usd is a decimal string, e.g. \"250.00\"");
            }
            return new BudgetDraft(scope == null ? "" : scope, appId, modelId, period == null ? "MONTH" : period,
                    amount, thresholds == null ? "50,80,100"
                            : thresholds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    action == null ? "BLOCK" : action, downgradeModelId);
        }
    }

    private final BudgetService budgets;

    BudgetsApi(BudgetService budgets) {
        this.budgets = budgets;
    }

    @GetMapping
    CursorPage<Budget> list(@RequestParam(required = false) @Nullable String cursor,
                            @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(budgets.list().stream().map(Budget::of).toList(), Budget::id, cursor, limit);
    }

    @PostMapping
    ResponseEntity<Budget> create(@RequestBody BudgetRequest request) {
        Budget budget = read(budgets.create(request.draft()));
        return ResponseEntity.created(URI.create("/api/v1/budgets/" + budget.id()))
                .eTag(Versions.etag(budget.version())).body(budget);
    }

    @GetMapping("/{budgetId}")
    ResponseEntity<Budget> get(@PathVariable UUID budgetId) {
        Budget budget = read(budgetId);
        return ResponseEntity.ok().eTag(Versions.etag(budget.version())).body(budget);
    }

    @PutMapping("/{budgetId}")
    ResponseEntity<Budget> update(@PathVariable UUID budgetId,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
                                  @RequestBody BudgetRequest request) {
        budgets.update(budgetId, Versions.ifMatch(ifMatch), request.draft());
        Budget budget = read(budgetId);
        return ResponseEntity.ok().eTag(Versions.etag(budget.version())).body(budget);
    }

    @DeleteMapping("/{budgetId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID budgetId) {
        budgets.delete(budgetId);
    }

    private Budget read(UUID budgetId) {
        return budgets.find(budgetId).map(Budget::of).orElseThrow(() -> PortalException.notFound("Budget"));
    }
}

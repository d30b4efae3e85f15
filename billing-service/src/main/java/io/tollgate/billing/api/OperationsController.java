package io.tollgate.billing.api;

import io.tollgate.billing.invoicing.MonthClose;
import io.tollgate.billing.rollup.RollupResult;
import io.tollgate.billing.rollup.UsageRollup;
import io.tollgate.billing.security.TenantAccess;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Finance runs the jobs on demand: a rollup now, or the close of a chosen past month. */
@RestController
@RequestMapping("/api/v1/billing")
class OperationsController {

    private final MonthClose monthClose;
    private final UsageRollup rollup;
    private final TenantAccess access;

    OperationsController(MonthClose monthClose, UsageRollup rollup, TenantAccess access) {
        this.monthClose = monthClose;
        this.rollup = rollup;
        this.access = access;
    }

    /** @param finalizeInvoices false leaves drafts to review (default true) */
    record MonthCloseRequest(@Nullable String period, @Nullable Boolean finalizeInvoices) {
    }

    @PostMapping("/month-close")
    MonthClose.Result closeMonth(@RequestBody MonthCloseRequest request) {
        access.requireFinance();
        if (request.period() == null) {
            throw io.tollgate.billing.error.BillingException.invalid("'period' is required, e.g. \"2026-10\"");
        }
        return monthClose.close(Periods.month("period", request.period()),
                request.finalizeInvoices() == null || request.finalizeInvoices());
    }

    @PostMapping("/rollup")
    List<RollupResult> rollUp() {
        access.requireFinance();
        return rollup.catchUp();
    }
}

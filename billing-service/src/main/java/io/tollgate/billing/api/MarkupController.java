package io.tollgate.billing.api;

import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.markup.Markup;
import io.tollgate.billing.markup.Markups;
import io.tollgate.billing.security.BillingUser;
import io.tollgate.billing.security.TenantAccess;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Markups and discounts: a tenant's members read theirs; finance sets a tenant's own or a plan's. */
@RestController
@RequestMapping("/api/v1/billing")
class MarkupController {

    private final Markups markups;
    private final TenantAccess access;

    MarkupController(Markups markups, TenantAccess access) {
        this.markups = markups;
        this.access = access;
    }

    /** @param markupPercent positive for a markup, negative for a discount; for a tenant, null falls back to the plan */
    record MarkupRequest(@Nullable BigDecimal markupPercent) {
    }

    record TenantMarkup(UUID tenantId, UUID planId, BigDecimal planMarkupPercent,
                        @Nullable BigDecimal tenantMarkupPercent, BigDecimal effectiveMarkupPercent) {

        static TenantMarkup of(Markup markup) {
            return new TenantMarkup(markup.tenantId(), markup.planId(), markup.planPercent(), markup.tenantPercent(),
                    markup.effectivePercent());
        }
    }

    record PlanMarkup(UUID planId, BigDecimal markupPercent) {
    }

    @GetMapping("/tenants/{tenantId}/markup")
    TenantMarkup tenant(@PathVariable UUID tenantId) {
        access.requireTenant(tenantId);
        return TenantMarkup.of(markups.of(tenantId));
    }

    @PutMapping("/tenants/{tenantId}/markup")
    TenantMarkup setTenant(@PathVariable UUID tenantId, @RequestBody MarkupRequest request) {
        BillingUser finance = access.requireFinance();
        return TenantMarkup.of(markups.setForTenant(tenantId, request.markupPercent(), actor(finance)));
    }

    @PutMapping("/plans/{planId}/markup")
    PlanMarkup setPlan(@PathVariable UUID planId, @RequestBody MarkupRequest request) {
        BillingUser finance = access.requireFinance();
        if (request.markupPercent() == null) {
            throw BillingException.invalid("'markupPercent' is required, e.g. 12.5 or -5");
        }
        return new PlanMarkup(planId, markups.setForPlan(planId, request.markupPercent(), actor(finance)));
    }

    private static Markups.Actor actor(BillingUser user) {
        return new Markups.Actor(user.id(), user.getUsername());
    }
}

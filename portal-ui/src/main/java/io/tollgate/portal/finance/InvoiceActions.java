package io.tollgate.portal.finance;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import jakarta.annotation.security.RolesAllowed;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Finance's changes to invoices, each done by billing's API (one implementation of month close and the invoice
 * lifecycle) and written to the audit log with the finance user, refusals included. Only the platform's FINANCE
 * role, as billing requires; billing checks it again for the user the portal vouches for.
 */
@Service
@RolesAllowed(Roles.PLATFORM_FINANCE)
public class InvoiceActions {

    private final BillingClient billing;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    InvoiceActions(BillingClient billing, AuditLog audit, TransactionTemplate transactions, JdbcClient jdbc) {
        this.billing = billing;
        this.audit = audit;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** What a close of the month would meet: its invoices so far, by status. */
    public Map<String, Integer> invoicesOf(YearMonth period) {
        Map<String, Integer> byStatus = new HashMap<>();
        jdbc.sql("select status, count(*) as invoices from invoices where period_start = ? group by status")
                .param(period.atDay(1))
                .query(rs -> {
                    byStatus.put(rs.getString("status"), rs.getInt("invoices"));
                });
        return byStatus;
    }

    /** Whether billing pushes invoices to Stripe (STRIPE_API_KEY set there). */
    public boolean stripeEnabled() {
        return billing.get("/stripe").path("enabled").asBoolean(false);
    }

    public MonthCloseOutcome closeMonth(YearMonth period, boolean finalizeInvoices) {
        Map<String, Object> details = Map.of("period", period, "finalize", finalizeInvoices);
        JsonNode result = audited(null, "month.close", "period", period, details, () -> billing.post("/month-close",
                Map.of("period", period.toString(), "finalizeInvoices", finalizeInvoices)));
        return new MonthCloseOutcome(period, result.path("created").asInt(), result.path("rebuilt").asInt(),
                result.path("unchanged").asInt(), result.path("failed").asInt());
    }

    /** @return the number billing gave the invoice */
    public String finalizeInvoice(UUID invoiceId) {
        return audited(tenantOf(invoiceId), "invoice.finalize", "invoice", invoiceId, Map.of(),
                () -> billing.post("/invoices/" + invoiceId + "/finalize", null)).path("number").asString("");
    }

    public void voidInvoice(UUID invoiceId, String reason) {
        if (reason.isBlank()) {
            throw new PortalException("Give the reason for voiding the invoice");
        }
        audited(tenantOf(invoiceId), "invoice.void", "invoice", invoiceId, Map.of("reason", reason.strip()),
                () -> billing.post("/invoices/" + invoiceId + "/void", Map.of("reason", reason.strip())));
    }

    public void pushToStripe(UUID invoiceId) {
        audited(tenantOf(invoiceId), "invoice.stripe_push", "invoice", invoiceId, Map.of(),
                () -> billing.post("/invoices/" + invoiceId + "/stripe", null));
    }

    /** Of these invoices, the ones Stripe already holds as finalized. */
    public Set<UUID> inStripe(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("select id from invoices where id = any(?) and stripe_finalized_at is not null")
                .param(invoiceIds.toArray(UUID[]::new))
                .query(UUID.class).list().stream().collect(Collectors.toUnmodifiableSet());
    }

    /** Billing's call, then the audit row: the action, or its refusal with billing's reason. */
    private JsonNode audited(@Nullable UUID tenantId, String action, String targetType, Object target,
                             Map<String, ?> details, Supplier<JsonNode> call) {
        try {
            JsonNode result = call.get();
            transactions.executeWithoutResult(tx -> audit.record(tenantId, action, targetType, target, details));
            return result;
        } catch (PortalException refused) {
            Map<String, Object> withReason = new HashMap<>(details);
            withReason.put("refused", refused.getMessage());
            transactions.executeWithoutResult(tx -> audit.record(tenantId, action + ".refused", targetType, target,
                    withReason));
            throw refused;
        }
    }

    private @Nullable UUID tenantOf(UUID invoiceId) {
        return jdbc.sql("select tenant_id from invoices where id = ?").param(invoiceId).query(UUID.class)
                .optional().orElse(null);
    }

    /** How many invoices billing created, rebuilt (drafts), left unchanged (finalized) and failed to write. */
    public record MonthCloseOutcome(YearMonth period, int created, int rebuilt, int unchanged, int failed) {
    }
}

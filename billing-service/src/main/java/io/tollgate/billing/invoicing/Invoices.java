package io.tollgate.billing.invoicing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads invoices with their tenant's details and lines. Callers check the tenant before showing one. */
@Repository
public class Invoices {

    private static final String SELECT = """
            select i.*, t.slug as tenant_slug, t.name as tenant_name,
                   array(select c.email from tenant_billing_contacts c where c.tenant_id = t.id
                         order by c.created_at, c.id) as billing_emails
            from invoices i join tenants t on t.id = i.tenant_id
            """;

    private final JdbcClient jdbc;

    Invoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<InvoiceDetails> find(UUID id) {
        return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(Invoices::invoice).optional()
                .map(invoice -> invoice.withLines(lines(id)));
    }

    public List<InvoiceDetails> ofPeriod(LocalDate periodStart) {
        return jdbc.sql(SELECT + " where i.period_start = :start order by i.number nulls last, t.slug")
                .param("start", periodStart).query(Invoices::invoice).list();
    }

    public List<InvoiceDetails> ofPeriod(LocalDate periodStart, Collection<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where i.period_start = :start and i.tenant_id in (:tenants)"
                        + " order by i.number nulls last, t.slug")
                .param("start", periodStart).param("tenants", tenantIds).query(Invoices::invoice).list();
    }

    List<InvoiceDetails.Line> lines(UUID invoiceId) {
        return jdbc.sql("select * from invoice_lines where invoice_id = :id order by line_no").param("id", invoiceId)
                .query((rs, row) -> new InvoiceDetails.Line(rs.getObject("id", UUID.class), rs.getInt("line_no"),
                        rs.getString("kind"), rs.getString("description"), rs.getObject("app_id", UUID.class),
                        rs.getString("model"), rs.getLong("requests"), rs.getLong("prompt_tokens"),
                        rs.getLong("completion_tokens"), rs.getLong("cached_tokens"), rs.getLong("reasoning_tokens"),
                        rs.getBigDecimal("metered_cost_usd"), rs.getBigDecimal("amount_usd")))
                .list();
    }

    private static InvoiceDetails invoice(ResultSet rs, int row) throws SQLException {
        return new InvoiceDetails(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("tenant_slug"), rs.getString("tenant_name"),
                List.of((String[]) rs.getArray("billing_emails").getArray()),
                rs.getString("number"), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class), rs.getString("status"), rs.getString("currency"),
                rs.getBigDecimal("metered_cost_usd"), rs.getBigDecimal("markup_percent"),
                rs.getBigDecimal("subtotal_usd"), rs.getBigDecimal("total_usd"),
                rs.getObject("finalized_at", OffsetDateTime.class), rs.getObject("paid_at", OffsetDateTime.class),
                rs.getObject("voided_at", OffsetDateTime.class), rs.getString("void_reason"),
                rs.getString("stripe_invoice_id"), List.of());
    }
}

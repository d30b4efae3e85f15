package io.tollgate.model.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.tenancy.PlatformScope;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invoices on the real schema: a draft written with SQL, as month close writes it, loads back with its lines; its
 * moves are saved by the entity; a tenant's session sees only its own tenant's invoices.
 */
@PostgresIntegrationTest(classes = ModelTestApplication.class)
class InvoicePersistenceIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:05:00.123456Z");
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    @Autowired
    TenantTransactions tenants;
    @Autowired
    InvoiceRepository invoices;
    @Autowired
    PlatformScope platform;
    @Autowired
    JdbcClient jdbc;

    UUID tenantA;
    UUID tenantB;
    Invoice draftOfB;

    @BeforeEach
    void tenantBHasADraft() {
        tenantA = tenants.newTenant();
        tenantB = tenants.newTenant();
        draftOfB = write(Invoice.draft(UUID.randomUUID(), tenantB, NOVEMBER, new BigDecimal("3.335000000000001"),
                new BigDecimal("10.0000"), List.of(
                        new InvoiceLine(1, InvoiceLineKind.USAGE, "bot / gpt-4o", UUID.randomUUID(), "gpt-4o", 10,
                                1000, 200, 30, 4, new BigDecimal("1.225000000000001"), new BigDecimal("1.23")),
                        new InvoiceLine(2, InvoiceLineKind.ADJUSTMENT, "Late usage of 2026-10: bot / gpt-4o",
                                UUID.randomUUID(), "gpt-4o", 5, 500, 100, 0, 0, new BigDecimal("2.11"),
                                new BigDecimal("2.11")),
                        InvoiceLine.charge(3, InvoiceLineKind.MARKUP, "Markup 10% on metered cost",
                                new BigDecimal("0.33"))), NOW));
    }

    @Test
    void a_draft_written_with_sql_loads_back_with_its_lines_in_order_and_every_digit() {
        tenants.actingFor(tenantB, () -> {
            Invoice loaded = invoices.findById(draftOfB.getId()).orElseThrow();
            assertThat(loaded).usingRecursiveComparison()
                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                    .isEqualTo(draftOfB);
            assertThat(loaded.getMeteredCostUsd()).isEqualByComparingTo("3.335000000000001");
            assertThat(loaded.getLines()).extracting(InvoiceLine::getLineNo).containsExactly(1, 2, 3);
            return null;
        });
    }

    @Test
    void the_platform_scope_issues_and_voids_an_invoice_and_the_tenant_then_reads_it() {
        platform.run("issue a test invoice", () ->
                invoices.findByIdForUpdate(draftOfB.getId()).orElseThrow().issue("TG-2026-900001", NOW));

        Invoice issued = tenants.actingFor(tenantB, () -> invoices.findIssuedById(draftOfB.getId()).orElseThrow());
        assertThat(issued.getNumber()).contains("TG-2026-900001");
        assertThat(issued.getFinalizedAt()).contains(NOW);
        assertThat(issued.getVersion()).isEqualTo(1);
        assertThat(tenants.actingFor(tenantB, invoices::findAllIssuedNewestFirst)).extracting(Invoice::getId)
                .containsExactly(draftOfB.getId());

        platform.run("void a test invoice", () ->
                invoices.findByIdForUpdate(draftOfB.getId()).orElseThrow().markVoid("duplicate", NOW));
        assertThat(jdbc.sql("select status, void_reason from invoices where id = ?").param(draftOfB.getId())
                .query((rs, row) -> rs.getString(1) + ":" + rs.getString(2)).single()).isEqualTo("VOID:duplicate");
    }

    @Test
    void a_draft_is_not_an_issued_invoice() {
        tenants.actingFor(tenantB, () -> {
            assertThat(invoices.findIssuedById(draftOfB.getId())).isEmpty();
            assertThat(invoices.findAllIssuedNewestFirst()).isEmpty();
            return null;
        });
    }

    @Test
    void tenant_a_s_session_cannot_read_tenant_b_s_invoice_by_id_or_any_other_way() {
        platform.run("issue a test invoice", () -> {
            Invoice invoice = invoices.findByIdForUpdate(draftOfB.getId()).orElseThrow();
            invoice.issue("TG-2026-900002", NOW);
            invoice.recordStripeCopy("in_of_b_" + invoice.getId(), NOW);
        });

        tenants.actingFor(tenantA, () -> {
            assertThat(invoices.findById(draftOfB.getId())).isEmpty();
            assertThat(invoices.findByIdForUpdate(draftOfB.getId())).isEmpty();
            assertThat(invoices.findIssuedById(draftOfB.getId())).isEmpty();
            assertThat(invoices.findAllIssuedNewestFirst()).isEmpty();
            assertThat(invoices.findByStripeInvoiceIdForUpdate("in_of_b_" + draftOfB.getId())).isEmpty();
            return null;
        });
        tenants.actingForNoTenant(() -> {
            assertThat(invoices.findById(draftOfB.getId())).isEmpty();
            assertThat(invoices.findByStripeInvoiceIdForUpdate("in_of_b_" + draftOfB.getId())).isEmpty();
            return null;
        });
        assertThat(tenants.actingFor(tenantB, () -> invoices.findIssuedById(draftOfB.getId()))).isPresent();
    }

    @Test
    void an_invoice_whose_stored_lines_do_not_add_up_is_not_issued() {
        jdbc.sql("update invoices set total_usd = total_usd + 0.01 where id = ?").param(draftOfB.getId()).update();

        assertThatThrownBy(() -> platform.run("issue a test invoice", () ->
                invoices.findByIdForUpdate(draftOfB.getId()).orElseThrow().issue("TG-2026-900003", NOW)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not add up");
        assertThat(jdbc.sql("select status from invoices where id = ?").param(draftOfB.getId())
                .query(String.class).single()).isEqualTo("DRAFT");
    }

    /** As billing's month close writes a draft. */
    private Invoice write(Invoice draft) {
        jdbc.sql("""
                        insert into invoices (id, tenant_id, period_start, period_end, status, metered_cost_usd,
                                              markup_percent, subtotal_usd, total_usd, updated_at)
                        values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?)""")
                .params(draft.getId(), draft.getTenantId(), draft.getPeriodStart(), draft.getPeriodEnd(),
                        draft.getMeteredCostUsd(), draft.getMarkupPercent(), draft.getSubtotalUsd(),
                        draft.getTotalUsd(), draft.getUpdatedAt().atOffset(ZoneOffset.UTC))
                .update();
        for (InvoiceLine line : draft.getLines()) {
            jdbc.sql("""
                            insert into invoice_lines (id, invoice_id, tenant_id, line_no, kind, description, app_id,
                                                       model, requests, prompt_tokens, completion_tokens,
                                                       cached_tokens, reasoning_tokens, metered_cost_usd, amount_usd)
                            values (:id, :invoice, :tenant, :lineNo, :kind, :description, :app, :model, :requests,
                                    :prompt, :completion, :cached, :reasoning, :metered, :amount)""")
                    .param("id", line.getId()).param("invoice", draft.getId()).param("tenant", draft.getTenantId())
                    .param("lineNo", line.getLineNo()).param("kind", line.getKind().name())
                    .param("description", line.getDescription())
                    .param("app", line.getAppId().orElse(null), Types.OTHER)
                    .param("model", line.getModel().orElse(null), Types.VARCHAR)
                    .param("requests", line.getRequests()).param("prompt", line.getPromptTokens())
                    .param("completion", line.getCompletionTokens()).param("cached", line.getCachedTokens())
                    .param("reasoning", line.getReasoningTokens()).param("metered", line.getMeteredCostUsd())
                    .param("amount", line.getAmountUsd())
                    .update();
        }
        return draft;
    }
}

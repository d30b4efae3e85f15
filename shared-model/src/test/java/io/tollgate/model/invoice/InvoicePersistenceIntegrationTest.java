package io.tollgate.model.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.account.Tenant;
import io.tollgate.model.common.Money;
import io.tollgate.model.common.TokenUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InvoicePersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    InvoiceRepository invoices;
    @Autowired
    InvoiceAdminQueries adminQueries;
    @Autowired
    InvoiceNumberSequenceRepository numbers;

    @Test
    void an_invoice_round_trips_with_its_lines_in_order() {
        Tenant tenant = tenant();
        Invoice invoice = draft(tenant);
        UUID app = UUID.randomUUID();
        invoice.addLine(InvoiceLineKind.USAGE, "gpt-4o-mini", app, "gpt-4o-mini", 1_000_000,
                new TokenUsage(9_000_000, 1_000_000, 2_000_000, 0), Money.usd("1.634999999999999"), Money.usd("1.63"));
        invoice.addLine(InvoiceLineKind.MARKUP, "Markup 10%", null, null, 0, TokenUsage.ZERO, Money.ZERO, Money.usd("0.16"));
        invoice.fixTotals(Money.usd("1.634999999999999"), Money.usd("1.79"), Money.usd("1.79"), NOW);
        invoices.save(invoice);
        flushAndClear();

        Invoice loaded = invoices.findByTenantIdAndId(tenant.getId(), invoice.getId()).orElseThrow();

        assertSameState(loaded, invoice);
        assertThat(loaded.getLines()).extracting(InvoiceLine::getLineNo).containsExactly(1, 2);
        assertThat(loaded.getLines().getFirst().getTokens()).isEqualTo(new TokenUsage(9_000_000, 1_000_000, 2_000_000, 0));
        assertThat(loaded.getLines().getFirst().getMeteredCost()).isEqualTo(Money.usd("1.634999999999999"));
        assertThat(loaded.getTotal()).isEqualTo(Money.usd("1.79"));
    }

    @Test
    void amounts_that_are_not_whole_cents_are_refused() {
        Invoice invoice = draft(tenant());

        assertThatThrownBy(() -> invoice.addLine(InvoiceLineKind.ADJUSTMENT, "x", null, null, 0, TokenUsage.ZERO,
                Money.ZERO, Money.usd("0.005")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole cents");
    }

    @Test
    void finalizing_takes_the_next_number_of_the_year_and_persists() {
        Tenant tenant = tenant();
        Invoice invoice = invoices.save(draft(tenant));
        int year = 2000 + (int) (Math.random() * 7000);
        numbers.createIfAbsent(year);
        numbers.createIfAbsent(year);
        int first = numbers.findForUpdateByYear(year).orElseThrow().next();
        int second = numbers.findForUpdateByYear(year).orElseThrow().next();
        invoice.finalizeWithNumber("TG-%d-%06d".formatted(year, second), NOW);
        flushAndClear();

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(numbers.findForUpdateByYear(year).orElseThrow().getLastValue()).isEqualTo(2);
        Invoice finalized = adminQueries.findByNumber("TG-%d-000002".formatted(year)).orElseThrow();
        assertThat(finalized.getStatus()).isEqualTo(InvoiceStatus.FINALIZED);
        assertThat(finalized.getFinalizedAt()).contains(NOW);
        assertThatThrownBy(() -> finalized.fixTotals(Money.ZERO, Money.ZERO, Money.ZERO, NOW))
                .isInstanceOf(IllegalStateException.class);

        finalized.markPaid(NOW.plusSeconds(5));
        flushAndClear();
        assertThat(invoices.findAllByTenantIdOrderByPeriodStartDesc(tenant.getId()))
                .singleElement().extracting(Invoice::getStatus).isEqualTo(InvoiceStatus.PAID);
    }

    private static Invoice draft(Tenant tenant) {
        return Invoice.draft(tenant.getId(), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1),
                new BigDecimal("10.0000"), NOW);
    }
}

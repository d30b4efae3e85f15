package io.tollgate.model.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:05:00.123456789Z");
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    static InvoiceLine usage(int lineNo, String metered, String amount) {
        return new InvoiceLine(lineNo, InvoiceLineKind.USAGE, "bot / gpt-4o", UUID.randomUUID(), "gpt-4o", 10, 1000,
                200, 0, 0, new BigDecimal(metered), new BigDecimal(amount));
    }

    static Invoice draft() {
        return Invoice.draft(UUID.randomUUID(), UUID.randomUUID(), NOVEMBER, new BigDecimal("3.335000000000000"),
                new BigDecimal("10.0000"), List.of(usage(1, "1.225", "1.23"), usage(2, "2.11", "2.11"),
                        InvoiceLine.charge(3, InvoiceLineKind.MARKUP, "Markup 10% on metered cost",
                                new BigDecimal("0.33"))), NOW);
    }

    @Test
    void a_draft_s_subtotal_and_total_are_the_sums_of_its_lines_exactly() {
        Invoice invoice = draft();

        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.getSubtotalUsd()).isEqualTo(new BigDecimal("3.34"));
        assertThat(invoice.getTotalUsd()).isEqualTo(new BigDecimal("3.67"));
        assertThat(invoice.getPeriodEnd()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(invoice.getNumber()).isEmpty();
        assertThat(invoice.getLines()).extracting(InvoiceLine::getTenantId).containsOnly(invoice.getTenantId());
        assertThat(invoice.getUpdatedAt()).isEqualTo(Instant.parse("2026-12-01T00:05:00.123456Z"));
    }

    @Test
    void a_draft_refuses_lines_out_of_order_amounts_below_a_cent_a_negative_total_and_a_period_mid_month() {
        UUID tenant = UUID.randomUUID();
        assertThatThrownBy(() -> Invoice.draft(UUID.randomUUID(), tenant, NOVEMBER, BigDecimal.ONE, BigDecimal.ZERO,
                List.of(usage(2, "1", "1.00")), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Invoice.draft(UUID.randomUUID(), tenant, NOVEMBER, BigDecimal.ONE, BigDecimal.ZERO,
                List.of(usage(1, "1.005", "1.005")), NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Invoice.draft(UUID.randomUUID(), tenant, NOVEMBER, BigDecimal.ONE, BigDecimal.ZERO,
                List.of(InvoiceLine.charge(1, InvoiceLineKind.DISCOUNT, "Discount", new BigDecimal("-1.00"))), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Invoice.draft(UUID.randomUUID(), tenant, NOVEMBER.plusDays(1), BigDecimal.ONE,
                BigDecimal.ZERO, List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void issuing_numbers_the_draft_and_only_a_draft() {
        Invoice invoice = draft();

        invoice.issue("TG-2026-000042", NOW);

        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.FINALIZED);
        assertThat(invoice.getNumber()).contains("TG-2026-000042");
        assertThat(invoice.getFinalizedAt()).contains(Instant.parse("2026-12-01T00:05:00.123456Z"));
        assertThatThrownBy(() -> invoice.issue("TG-2026-000043", NOW))
                .isInstanceOf(IllegalInvoiceTransitionException.class)
                .hasMessage("Invoice " + invoice.getId() + " is FINALIZED; this needs it to be DRAFT");
        assertThat(invoice.getNumber()).contains("TG-2026-000042");
    }

    @Test
    void an_issued_invoice_is_paid_or_voided_once_and_a_draft_neither() {
        Invoice draft = draft();
        assertThatThrownBy(() -> draft.markPaid(NOW)).isInstanceOf(IllegalInvoiceTransitionException.class)
                .hasMessageEndingWith("is DRAFT; this needs it to be FINALIZED");
        assertThatThrownBy(() -> draft.markVoid("wrong", NOW)).isInstanceOf(IllegalInvoiceTransitionException.class);

        Invoice paid = draft();
        paid.issue("TG-2026-000001", NOW);
        paid.markPaid(NOW.plusSeconds(60));
        assertThat(paid.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.getPaidAt()).contains(Instant.parse("2026-12-01T00:06:00.123456Z"));
        assertThatThrownBy(() -> paid.markVoid("too late", NOW)).isInstanceOf(IllegalInvoiceTransitionException.class)
                .satisfies(e -> assertThat(((IllegalInvoiceTransitionException) e).from()).isEqualTo(InvoiceStatus.PAID));

        Invoice voided = draft();
        voided.issue("TG-2026-000002", NOW);
        voided.markVoid("  billed to the wrong cost centre ", NOW);
        assertThat(voided.getStatus()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.getVoidReason()).contains("billed to the wrong cost centre");
        assertThatThrownBy(() -> voided.markPaid(NOW)).isInstanceOf(IllegalInvoiceTransitionException.class);
        assertThatThrownBy(() -> voided.markVoid(null, NOW)).isInstanceOf(IllegalInvoiceTransitionException.class);
    }

    @Test
    void voiding_keeps_no_blank_reason_and_refuses_a_long_one_without_moving() {
        Invoice invoice = draft();
        invoice.issue("TG-2026-000003", NOW);

        assertThatThrownBy(() -> invoice.markVoid("x".repeat(Invoice.LONGEST_VOID_REASON + 1), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A void reason has at most 1000 characters");
        assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.FINALIZED);

        invoice.markVoid("   ", NOW);
        assertThat(invoice.getVoidReason()).isEmpty();
        assertThat(invoice.getVoidedAt()).isPresent();
    }

    @Test
    void its_lines_cannot_be_changed_through_it() {
        Invoice invoice = draft();

        assertThatThrownBy(() -> invoice.getLines().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(invoice.getLines()).hasSize(3);
    }

    @Test
    void the_stripe_copy_is_recorded_once_for_an_issued_invoice_and_its_void_only_for_a_voided_one() {
        Invoice invoice = draft();
        assertThatThrownBy(() -> invoice.recordStripeCopy("in_1", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invoice.markStripeCopyFinalized(NOW)).isInstanceOf(IllegalStateException.class);
        invoice.issue("TG-2026-000004", NOW);

        invoice.recordStripeCopy("in_1", NOW);
        invoice.recordStripeCopy("in_1", NOW);
        invoice.markStripeCopyFinalized(NOW);
        invoice.markStripeCopyFinalized(NOW.plusSeconds(60));

        assertThat(invoice.getStripeInvoiceId()).contains("in_1");
        assertThat(invoice.getStripeFinalizedAt()).contains(Instant.parse("2026-12-01T00:05:00.123456Z"));
        assertThatThrownBy(() -> invoice.recordStripeCopy("in_2", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> invoice.markStripeCopyVoided(NOW)).isInstanceOf(IllegalStateException.class);
        invoice.markVoid("duplicate", NOW);
        invoice.markStripeCopyVoided(NOW);
        assertThat(invoice.getStripeVoidedAt()).isPresent();
    }
}

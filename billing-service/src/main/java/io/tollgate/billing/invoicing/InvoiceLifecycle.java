package io.tollgate.billing.invoicing;

import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.error.ErrorCode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DRAFT -> FINALIZED (numbered, immutable) -> PAID or VOID. The database refuses any other change too. */
@Service
public class InvoiceLifecycle {

    public static final int LONGEST_VOID_REASON = 1000;

    private final JdbcClient jdbc;
    private final InvoiceNumbers numbers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceLifecycle(JdbcClient jdbc, InvoiceNumbers numbers, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public String finalizeInvoice(UUID invoiceId) {
        requireStatus(invoiceId, "DRAFT");
        InvoiceNumbers.Numbered numbered = numbers.next(OffsetDateTime.now(clock));
        jdbc.sql("""
                        update invoices set status = 'FINALIZED', number = :number, finalized_at = :finalizedAt,
                                            updated_at = :finalizedAt, version = version + 1
                        where id = :id""")
                .param("number", numbered.number()).param("finalizedAt", numbered.finalizedAt())
                .param("id", invoiceId).update();
        return numbered.number();
    }

    @Transactional
    public void markPaid(UUID invoiceId) {
        requireStatus(invoiceId, "FINALIZED");
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("update invoices set status = 'PAID', paid_at = :now, updated_at = :now, version = version + 1"
                        + " where id = :id")
                .param("now", now).param("id", invoiceId).update();
    }

    /**
     * Voiding releases the usage the invoice consumed: the next month close bills it again. Publishes
     * {@link InvoiceVoided}.
     *
     * @param reason why, kept on the invoice (the portal always gives one); null or blank for none
     */
    @Transactional
    public void voidInvoice(UUID invoiceId, @Nullable String reason) {
        String kept = reason == null || reason.isBlank() ? null : reason.strip();
        if (kept != null && kept.length() > LONGEST_VOID_REASON) {
            throw new BillingException(ErrorCode.INVALID_REQUEST,
                    "A void reason has at most " + LONGEST_VOID_REASON + " characters");
        }
        requireStatus(invoiceId, "FINALIZED");
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("update invoices set status = 'VOID', voided_at = :now, void_reason = :reason, updated_at = :now,"
                        + " version = version + 1 where id = :id")
                .param("now", now).param("reason", kept, java.sql.Types.VARCHAR).param("id", invoiceId).update();
        events.publishEvent(new InvoiceVoided(invoiceId));
    }

    private void requireStatus(UUID invoiceId, String expected) {
        String status = jdbc.sql("select status from invoices where id = :id for update").param("id", invoiceId)
                .query(String.class).optional()
                .orElseThrow(() -> BillingException.notFound("Invoice " + invoiceId));
        if (!status.equals(expected)) {
            throw new BillingException(ErrorCode.INVALID_INVOICE_STATE,
                    "Invoice " + invoiceId + " is " + status + "; this needs it to be " + expected);
        }
    }
}

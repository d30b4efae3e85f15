package io.tollgate.model.invoice;

import io.tollgate.model.TenantScopedRepository;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * The session tenant's invoices; in the platform scope, every tenant's. Drafts are written with SQL by month close;
 * this repository loads invoices to read them or move them on.
 */
@NullMarked
public interface InvoiceRepository extends TenantScopedRepository<Invoice, UUID> {

    /** Locked until the transaction ends, so two moves of one invoice (or a move and a month close) queue. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> findByIdForUpdate(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.stripeInvoiceId = :stripeInvoiceId")
    Optional<Invoice> findByStripeInvoiceIdForUpdate(String stripeInvoiceId);

    /** Issued invoices (not drafts, which billing may still rebuild), newest period first. */
    @Query("select i from Invoice i where i.status <> io.tollgate.model.invoice.InvoiceStatus.DRAFT"
            + " order by i.periodStart desc")
    List<Invoice> findAllIssuedNewestFirst();

    @Query("select i from Invoice i where i.id = :id and i.status <> io.tollgate.model.invoice.InvoiceStatus.DRAFT")
    Optional<Invoice> findIssuedById(UUID id);
}

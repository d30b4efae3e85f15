package io.tollgate.model.invoice;

import io.tollgate.model.TenantScopedRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface InvoiceRepository extends TenantScopedRepository<Invoice, UUID> {

    List<Invoice> findAllByTenantIdOrderByPeriodStartDesc(UUID tenantId);

    /** The tenant's live (not VOID) invoice of the period; the schema allows at most one. */
    Optional<Invoice> findByTenantIdAndPeriodStartAndStatusNot(UUID tenantId, LocalDate periodStart,
                                                               InvoiceStatus status);
}

package io.tollgate.model.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Invoices across all tenants: finance and billing's jobs, never tenant input. */
public interface InvoiceAdminQueries extends Repository<Invoice, UUID> {

    Optional<Invoice> findById(UUID id);

    Optional<Invoice> findByNumber(String number);

    List<Invoice> findAllByPeriodStartOrderByTenantId(LocalDate periodStart);

    List<Invoice> findAllByStatusOrderByPeriodStart(InvoiceStatus status);
}

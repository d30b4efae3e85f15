package io.tollgate.model.invoice;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Platform-wide: invoice numbers are unique across tenants. Use inside one transaction per number. */
public interface InvoiceNumberSequenceRepository extends Repository<InvoiceNumberSequence, Integer> {

    /** Creates the year's row unless it exists, so that concurrent first numbers of a year do not collide. */
    @Modifying
    @Query(value = "insert into invoice_number_sequences (year) values (:year) on conflict do nothing", nativeQuery = true)
    void createIfAbsent(int year);

    /** The year's row, locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<InvoiceNumberSequence> findForUpdateByYear(int year);
}

package io.tollgate.model.billingcontact;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;

/** The session tenant's billing contacts. */
public interface TenantBillingContactRepository extends TenantScopedRepository<TenantBillingContact, UUID> {

    /** In the order they were added. */
    @Query("select c from TenantBillingContact c order by c.createdAt, c.id")
    List<TenantBillingContact> findAllForListing();

    long count();

    /** Whether the address is a contact already, whatever its case (as the unique index on lower(email) has it). */
    @Query("select count(c) > 0 from TenantBillingContact c where lower(c.email) = lower(:email)")
    boolean existsByEmailIgnoringCase(String email);

    void delete(TenantBillingContact contact);
}

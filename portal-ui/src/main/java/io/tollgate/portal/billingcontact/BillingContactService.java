package io.tollgate.portal.billingcontact;

import io.tollgate.model.account.Roles;
import io.tollgate.model.billingcontact.TenantBillingContact;
import io.tollgate.model.billingcontact.TenantBillingContactRepository;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's billing e-mail contacts, through the tenant-scoped repository: billing e-mails budget alerts to every
 * one, invoices name them (Stripe's customer the first). None means no alert e-mails. The tenant's ADMIN and BILLING
 * members read, add and remove them, on the screens and through the management API alike. Each change counts up the
 * tenant's version (its row, in SQL), which also serializes changes, so the most contacts hold under concurrent adds.
 */
@Service
@Transactional
public class BillingContactService {

    public static final int MOST_CONTACTS = 10;
    static final int LONGEST_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final TenantBillingContactRepository contacts;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    BillingContactService(TenantBillingContactRepository contacts, JdbcClient jdbc, CurrentUser currentUser,
                          AuditLog audit, Clock clock) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public BillingContacts contacts() {
        long version = jdbc.sql("select version from tenants where id = ?").param(currentUser.tenantId())
                .query(Long.class).single();
        return new BillingContacts(contacts.findAllForListing().stream().map(BillingContactService::contact).toList(),
                version);
    }

    /**
     * @param expectedVersion the version of {@link #contacts()} the change was made on, when the caller names one;
     *                        the tenant's version, so any change to the tenant meanwhile asks to read it again
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    public BillingContact add(OptionalLong expectedVersion, String email) {
        problem(email).ifPresent(problem -> {
            throw new PortalException(problem);
        });
        String address = email.strip();
        UUID tenantId = currentUser.tenantId();
        countChange(tenantId, expectedVersion);
        if (contacts.count() >= MOST_CONTACTS) {
            throw PortalException.conflict("A tenant has at most " + MOST_CONTACTS
                    + " billing contacts; remove one first");
        }
        if (contacts.existsByEmailIgnoringCase(address)) {
            throw PortalException.conflict(address + " is already a billing contact");
        }
        TenantBillingContact added = contacts.save(new TenantBillingContact(address, clock.instant()));
        audit.record(tenantId, "tenant.billing_contact.add", "billing_contact", added.getId(),
                Map.of("email", address));
        return contact(added);
    }

    /** @param expectedVersion as for {@link #add} */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    public void remove(OptionalLong expectedVersion, UUID contactId) {
        UUID tenantId = currentUser.tenantId();
        countChange(tenantId, expectedVersion);
        TenantBillingContact removed = contacts.findById(contactId)
                .orElseThrow(() -> PortalException.notFound("Billing contact"));
        contacts.delete(removed);
        audit.record(tenantId, "tenant.billing_contact.remove", "billing_contact", contactId,
                Map.of("email", removed.getEmail()));
    }

    private void countChange(UUID tenantId, OptionalLong expectedVersion) {
        int written = jdbc.sql("""
                        update tenants set updated_at = now(), version = version + 1
                        where id = ? and (? or version = ?)""")
                .params(tenantId, expectedVersion.isEmpty(), expectedVersion.orElse(-1)).update();
        if (written == 0) {
            throw new OptimisticLockingFailureException("Tenant " + tenantId + " changed since version "
                    + expectedVersion.getAsLong());
        }
    }

    private static BillingContact contact(TenantBillingContact contact) {
        return new BillingContact(contact.getId(), contact.getEmail(), contact.getCreatedAt());
    }

    /** Why the address cannot be a billing contact, if it cannot. */
    public static Optional<String> problem(String address) {
        String stripped = address.strip();
        if (stripped.isEmpty() || stripped.length() > LONGEST_EMAIL || !EMAIL.matcher(stripped).matches()) {
            return Optional.of("Enter an e-mail address such as billing@example.com");
        }
        return Optional.empty();
    }
}

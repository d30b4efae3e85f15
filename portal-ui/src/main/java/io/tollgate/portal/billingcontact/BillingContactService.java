package io.tollgate.portal.billingcontact;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's billing e-mail address ({@code tenants.billing_email}): where billing e-mails budget alerts, what
 * invoices (PDF and Stripe) name as the customer's address. Empty means no alert e-mails. The tenant's ADMIN and
 * BILLING members read and change it, on the screens and through the management API alike.
 */
@Service
@Transactional
public class BillingContactService {

    static final int LONGEST_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    BillingContactService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    @Transactional(readOnly = true)
    public BillingContact contact() {
        return jdbc.sql("select billing_email, version from tenants where id = ?").param(currentUser.tenantId())
                .query((rs, row) -> new BillingContact(rs.getString("billing_email"), rs.getLong("version"))).single();
    }

    /**
     * @param expectedVersion the version of {@link #contact()} the change was made on; the tenant's version, so any
     *                        change to the tenant meanwhile (its plan too) asks to read it again
     * @param email           the new address, or blank for none
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_BILLING})
    public void changeBillingEmail(long expectedVersion, @Nullable String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        problem(address).ifPresent(problem -> {
            throw new PortalException(problem);
        });
        UUID tenantId = currentUser.tenantId();
        int written = jdbc.sql("""
                        update tenants set billing_email = ?, updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(address, tenantId, expectedVersion).update();
        if (written == 0) {
            throw new OptimisticLockingFailureException("Tenant " + tenantId + " changed since version "
                    + expectedVersion);
        }
        audit.record(tenantId, "tenant.billing_email", "tenant", tenantId,
                Map.of("billingEmail", address == null ? "none" : address));
    }

    /** Why the address cannot be the billing e-mail, if it cannot; none (null) is allowed. */
    public static Optional<String> problem(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        if (address.strip().length() > LONGEST_EMAIL || !EMAIL.matcher(address.strip()).matches()) {
            return Optional.of("Enter an e-mail address such as billing@example.com");
        }
        return Optional.empty();
    }
}

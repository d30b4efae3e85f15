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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's billing e-mail address ({@code tenants.billing_email}): where billing e-mails budget alerts, what
 * invoices (PDF and Stripe) name as the customer's address. Empty means no alert e-mails.
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

    @RolesAllowed(Roles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public Optional<String> billingEmail() {
        return jdbc.sql("select billing_email from tenants where id = ?").param(currentUser.tenantId())
                .query((rs, row) -> Optional.ofNullable(rs.getString("billing_email"))).single();
    }

    /** @param email the new address, or blank for none */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void changeBillingEmail(@Nullable String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        problem(address).ifPresent(problem -> {
            throw new PortalException(problem);
        });
        UUID tenantId = currentUser.tenantId();
        jdbc.sql("update tenants set billing_email = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(address, tenantId).update();
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

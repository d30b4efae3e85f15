package io.tollgate.model.billingcontact;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * One address billing e-mails a tenant's budget alerts to and its invoices name. A contact is added or removed, never
 * changed; the tenant's version counts changes to the list. Its tenant is the session's ({@link TenantId}).
 */
@Entity
@Table(name = "tenant_billing_contacts")
public class TenantBillingContact extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @TenantId
    private UUID tenantId;
    private String email;
    private Instant createdAt;

    protected TenantBillingContact() {
    }

    public TenantBillingContact(String email, Instant at) {
        this.id = UUID.randomUUID();
        this.email = Objects.requireNonNull(email, "email");
        this.createdAt = stored(at);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

package io.tollgate.model.account;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A customer organisation: its name, its plan and whether it is suspended. The row is its own owner, so it carries no
 * {@code @TenantId}: a tenant reaches only its own row by its acting tenant's id, and only sign-up and a platform
 * administrator create or change one. Its version counts every change, so it is the ETag of what hangs off the tenant
 * (its ceilings, its billing contacts). An update writes only the columns it changed ({@link DynamicUpdate}): billing
 * keeps the Stripe customer and markup columns with SQL.
 */
@Entity
@DynamicUpdate
@Table(name = "tenants")
public class Tenant extends PersistableEntity<UUID> {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    @Id
    private UUID id;
    private String slug;
    private String name;
    @Enumerated(EnumType.STRING)
    private TenantStatus status;
    private UUID planId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Tenant() {
    }

    /**
     * An active tenant on the plan.
     *
     * @throws IllegalArgumentException for a slug that is not 2-63 lower-case letters, digits or '-', or a blank name
     */
    public Tenant(String slug, String name, UUID planId, Instant at) {
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("Not a tenant slug: " + slug);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("A tenant has a name");
        }
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
        this.planId = Objects.requireNonNull(planId, "planId");
        this.status = TenantStatus.ACTIVE;
        this.createdAt = stored(at);
        this.updatedAt = stored(at);
    }

    public static boolean isSlug(String slug) {
        return SLUG.matcher(slug).matches();
    }

    public void changePlan(UUID planId, Instant at) {
        this.planId = Objects.requireNonNull(planId, "planId");
        this.updatedAt = stored(at);
    }

    /** Suspending a suspended tenant changes nothing but the time of the decision. */
    public void suspend(Instant at) {
        this.status = TenantStatus.SUSPENDED;
        this.updatedAt = stored(at);
    }

    public void resume(Instant at) {
        this.status = TenantStatus.ACTIVE;
        this.updatedAt = stored(at);
    }

    public boolean isSuspended() {
        return status == TenantStatus.SUSPENDED;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public TenantStatus getStatus() {
        return status;
    }

    public UUID getPlanId() {
        return planId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}

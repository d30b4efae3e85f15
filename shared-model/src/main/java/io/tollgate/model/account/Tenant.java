package io.tollgate.model.account;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An organisation using Tollgate; every tenant-owned row carries its id. */
@Entity
@Table(name = "tenants")
public class Tenant extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private String slug;
    private String name;
    @Enumerated(EnumType.STRING)
    private TenantStatus status;
    private UUID planId;
    @Column(precision = 9, scale = 4)
    private @Nullable BigDecimal markupPercent;
    private @Nullable String stripeCustomerId;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String slug, String name, UUID planId, Instant at) {
        this.id = UUID.randomUUID();
        this.slug = Objects.requireNonNull(slug, "slug");
        this.name = Objects.requireNonNull(name, "name");
        this.planId = Objects.requireNonNull(planId, "planId");
        this.status = TenantStatus.ACTIVE;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public void rename(String name, Instant at) {
        this.name = Objects.requireNonNull(name, "name");
        this.updatedAt = at;
    }

    public void changePlan(UUID planId, Instant at) {
        this.planId = Objects.requireNonNull(planId, "planId");
        this.updatedAt = at;
    }

    public void suspend(Instant at) {
        this.status = TenantStatus.SUSPENDED;
        this.updatedAt = at;
    }

    public void activate(Instant at) {
        this.status = TenantStatus.ACTIVE;
        this.updatedAt = at;
    }

    /** A tenant-specific markup replacing the plan's; empty returns to the plan's markup. */
    public void overrideMarkup(@Nullable BigDecimal markupPercent, Instant at) {
        this.markupPercent = markupPercent;
        this.updatedAt = at;
    }

    public void linkStripeCustomer(String stripeCustomerId, Instant at) {
        this.stripeCustomerId = Objects.requireNonNull(stripeCustomerId, "stripeCustomerId");
        this.updatedAt = at;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
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

    public Optional<BigDecimal> getMarkupPercent() {
        return Optional.ofNullable(markupPercent);
    }

    public Optional<String> getStripeCustomerId() {
        return Optional.ofNullable(stripeCustomerId);
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

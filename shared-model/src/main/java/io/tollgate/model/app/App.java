package io.tollgate.model.app;

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

/** An application a tenant registers; it owns API keys, model subscriptions and budgets. */
@Entity
@Table(name = "apps")
public class App extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private UUID tenantId;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private AppStatus status;
    private boolean cacheEnabled;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected App() {
    }

    public App(UUID tenantId, String name, String description, Instant at) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.status = AppStatus.ACTIVE;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public void describe(String name, String description, Instant at) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.updatedAt = at;
    }

    public void changeCacheEnabled(boolean cacheEnabled, Instant at) {
        this.cacheEnabled = cacheEnabled;
        this.updatedAt = at;
    }

    public void archive(Instant at) {
        this.status = AppStatus.ARCHIVED;
        this.updatedAt = at;
    }

    public void restore(Instant at) {
        this.status = AppStatus.ACTIVE;
        this.updatedAt = at;
    }

    public boolean isActive() {
        return status == AppStatus.ACTIVE;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public AppStatus getStatus() {
        return status;
    }

    public boolean isCacheEnabled() {
        return cacheEnabled;
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

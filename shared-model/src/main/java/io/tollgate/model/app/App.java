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
import org.hibernate.annotations.TenantId;

/**
 * An application a tenant registers; it owns API keys, model subscriptions and budgets. Its tenant is the session's
 * ({@link TenantId}): set on insert, never changed, and the only tenant whose apps a session can read.
 */
@Entity
@Table(name = "apps")
public class App extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @TenantId
    private UUID tenantId;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private AppStatus status;
    private boolean cacheEnabled;
    private boolean cacheNondeterministic;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected App() {
    }

    public App(String name, String description, Instant at) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.status = AppStatus.ACTIVE;
        this.createdAt = stored(at);
        this.updatedAt = stored(at);
    }

    public void describe(String name, String description, Instant at) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.updatedAt = stored(at);
    }

    /** Only an active app is cached; nondeterministic requests are cached only when the cache is on at all. */
    public void changeCache(boolean enabled, boolean nondeterministic, Instant at) {
        requireActive();
        this.cacheEnabled = enabled;
        this.cacheNondeterministic = enabled && nondeterministic;
        this.updatedAt = stored(at);
    }

    /** An archived app is kept for its usage history; its keys stop working. */
    public void archive(Instant at) {
        requireActive();
        this.status = AppStatus.ARCHIVED;
        this.updatedAt = stored(at);
    }

    public boolean isActive() {
        return status == AppStatus.ACTIVE;
    }

    private void requireActive() {
        if (!isActive()) {
            throw new IllegalStateException("App " + id + " is archived");
        }
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

    public boolean isCacheNondeterministic() {
        return cacheNondeterministic;
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

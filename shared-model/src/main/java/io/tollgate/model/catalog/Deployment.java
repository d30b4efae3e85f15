package io.tollgate.model.catalog;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

/** Where a catalog model is served: a provider and the provider's own model name, with routing weight and priority. */
@Entity
@Table(name = "deployments")
@NullMarked
public class Deployment extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private UUID modelId;
    private UUID providerId;
    private String upstreamModel;
    private int weight;
    private int priority;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Deployment() {
    }

    public Deployment(UUID modelId, UUID providerId, String upstreamModel, Instant at) {
        this.id = UUID.randomUUID();
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.upstreamModel = Objects.requireNonNull(upstreamModel, "upstreamModel");
        this.weight = 100;
        this.enabled = true;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** @param priority lower is tried first by priority failover */
    public void changeRouting(int weight, int priority, Instant at) {
        this.weight = weight;
        this.priority = priority;
        this.updatedAt = at;
    }

    public void changeEnabled(boolean enabled, Instant at) {
        this.enabled = enabled;
        this.updatedAt = at;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getModelId() {
        return modelId;
    }

    public UUID getProviderId() {
        return providerId;
    }

    public String getUpstreamModel() {
        return upstreamModel;
    }

    public int getWeight() {
        return weight;
    }

    public int getPriority() {
        return priority;
    }

    public boolean isEnabled() {
        return enabled;
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

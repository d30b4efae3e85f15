package io.tollgate.model.catalog;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * One way to serve a catalog model: a provider and the provider's name for the model, with the settings the gateway
 * routes by. Platform-owned (no tenant column): only platform administrators change it. The model and the provider
 * are fixed when it is created.
 */
@Entity
@Table(name = "deployments")
@NullMarked
public class Deployment extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @Column(updatable = false)
    private UUID modelId;
    @Column(updatable = false)
    private UUID providerId;
    private String upstreamModel;
    private int weight;
    private int priority;
    private boolean enabled;
    private @Nullable Integer requestsPerMinute;
    private @Nullable Long tokensPerMinute;
    private @Nullable Integer firstByteTimeoutMs;
    private @Nullable Integer totalTimeoutMs;
    private @Nullable Integer connectTimeoutMs;
    private @Nullable Integer idleTimeoutMs;
    private @Nullable BigDecimal costInputPerMillion;
    private @Nullable BigDecimal costOutputPerMillion;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Deployment() {
    }

    public Deployment(UUID modelId, UUID providerId, DeploymentSettings settings, Instant at) {
        this.id = UUID.randomUUID();
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.createdAt = stored(at);
        change(settings, at);
    }

    public void change(DeploymentSettings settings, Instant at) {
        this.upstreamModel = settings.upstreamModel();
        this.weight = settings.weight();
        this.priority = settings.priority();
        this.enabled = settings.enabled();
        this.requestsPerMinute = settings.requestsPerMinute();
        this.tokensPerMinute = settings.tokensPerMinute();
        this.firstByteTimeoutMs = settings.firstByteTimeoutMs();
        this.totalTimeoutMs = settings.totalTimeoutMs();
        this.connectTimeoutMs = settings.connectTimeoutMs();
        this.idleTimeoutMs = settings.idleTimeoutMs();
        this.costInputPerMillion = exact(settings.costInputPerMillion());
        this.costOutputPerMillion = exact(settings.costOutputPerMillion());
        this.updatedAt = stored(at);
    }

    /** As numeric(19, 9) keeps it; a 10th decimal would be rounded away there, so it is refused here. */
    private static @Nullable BigDecimal exact(@Nullable BigDecimal perMillion) {
        try {
            return perMillion == null ? null : perMillion.setScale(Price.SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A cost has at most " + Price.SCALE + " decimals, was "
                    + perMillion.toPlainString(), e);
        }
    }

    public DeploymentSettings settings() {
        return new DeploymentSettings(upstreamModel, weight, priority, enabled, requestsPerMinute, tokensPerMinute,
                firstByteTimeoutMs, totalTimeoutMs, connectTimeoutMs, idleTimeoutMs, costInputPerMillion,
                costOutputPerMillion);
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

    public long getVersion() {
        return version;
    }
}

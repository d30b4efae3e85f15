package io.tollgate.model.catalog;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A model of the catalog under the provider-neutral name clients send, e.g. {@code gpt-4o-mini}. */
@Entity
@Table(name = "models")
@NullMarked
public class LlmModel extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private String name;
    private String displayName;
    private String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> capabilities;
    private int contextWindow;
    private @Nullable Integer maxOutputTokens;
    private boolean requiresApproval;
    @Enumerated(EnumType.STRING)
    private ModelStatus status;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected LlmModel() {
    }

    public LlmModel(String name, String displayName, int contextWindow, Instant at) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name, "name");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.description = "";
        this.capabilities = List.of();
        this.contextWindow = contextWindow;
        this.requiresApproval = true;
        this.status = ModelStatus.ACTIVE;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public void describe(String displayName, String description, Instant at) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.description = Objects.requireNonNull(description, "description");
        this.updatedAt = at;
    }

    /** E.g. chat, completions, embeddings, streaming, tools, vision. */
    public void changeCapabilities(List<String> capabilities, Instant at) {
        this.capabilities = List.copyOf(capabilities);
        this.updatedAt = at;
    }

    public void changeWindow(int contextWindow, @Nullable Integer maxOutputTokens, Instant at) {
        this.contextWindow = contextWindow;
        this.maxOutputTokens = maxOutputTokens;
        this.updatedAt = at;
    }

    public void changeRequiresApproval(boolean requiresApproval, Instant at) {
        this.requiresApproval = requiresApproval;
        this.updatedAt = at;
    }

    public void changeStatus(ModelStatus status, Instant at) {
        this.status = Objects.requireNonNull(status, "status");
        this.updatedAt = at;
    }

    public boolean hasCapability(String capability) {
        return capabilities.contains(capability);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getCapabilities() {
        return List.copyOf(capabilities);
    }

    public int getContextWindow() {
        return contextWindow;
    }

    public OptionalInt getMaxOutputTokens() {
        return maxOutputTokens == null ? OptionalInt.empty() : OptionalInt.of(maxOutputTokens);
    }

    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    public ModelStatus getStatus() {
        return status;
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

package io.tollgate.model.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** One change someone made; entries are never edited. Details must never hold secrets. */
@Entity
@Table(name = "audit_log")
@Immutable
public class AuditLogEntry {

    /** Who acted: a user (with the email at the time, kept if the user is deleted), or the platform itself. */
    public record Actor(@Nullable UUID userId, @Nullable String email, @Nullable String ipAddress) {

        public static final Actor SYSTEM = new Actor(null, null, null);
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private Instant occurredAt;
    private @Nullable UUID actorUserId;
    private @Nullable String actorEmail;
    private @Nullable UUID tenantId;
    private String action;
    private String targetType;
    private @Nullable String targetId;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> details;
    private @Nullable String ipAddress;

    protected AuditLogEntry() {
    }

    /** @param tenantId null for platform-level changes */
    public AuditLogEntry(Instant occurredAt, Actor actor, @Nullable UUID tenantId, String action, String targetType,
                         @Nullable String targetId, Map<String, Object> details) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.actorUserId = actor.userId();
        this.actorEmail = actor.email();
        this.ipAddress = actor.ipAddress();
        this.tenantId = tenantId;
        this.action = Objects.requireNonNull(action, "action");
        this.targetType = Objects.requireNonNull(targetType, "targetType");
        this.targetId = targetId;
        this.details = new LinkedHashMap<>(details);
    }

    /** Assigned by the database on insert. */
    public Optional<Long> getId() {
        return Optional.ofNullable(id);
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Actor getActor() {
        return new Actor(actorUserId, actorEmail, ipAddress);
    }

    public Optional<UUID> getTenantId() {
        return Optional.ofNullable(tenantId);
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public Optional<String> getTargetId() {
        return Optional.ofNullable(targetId);
    }

    public Map<String, Object> getDetails() {
        return Collections.unmodifiableMap(details);
    }
}

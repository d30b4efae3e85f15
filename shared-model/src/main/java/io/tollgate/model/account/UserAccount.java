package io.tollgate.model.account;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person who signs in to the portal; belongs to tenants through memberships. */
@Entity
@Table(name = "users")
public class UserAccount extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private String email;
    private String displayName;
    private @Nullable String passwordHash;
    @Enumerated(EnumType.STRING)
    private @Nullable PlatformRole platformRole;
    @Enumerated(EnumType.STRING)
    private UserStatus status;
    private int failedLoginCount;
    private @Nullable Instant lockedUntil;
    private @Nullable Instant lastLoginAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected UserAccount() {
    }

    /** @param passwordHash an encoded password (never the password), or null for single sign-on only */
    public UserAccount(String email, String displayName, @Nullable String passwordHash, Instant at) {
        this.id = UUID.randomUUID();
        this.email = normalizeEmail(email);
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.passwordHash = passwordHash;
        this.status = UserStatus.ACTIVE;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Emails are stored lower-case; look users up with the normalized form. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public void changePasswordHash(@Nullable String passwordHash, Instant at) {
        this.passwordHash = passwordHash;
        this.updatedAt = at;
    }

    public void rename(String displayName, Instant at) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.updatedAt = at;
    }

    public void changePlatformRole(@Nullable PlatformRole platformRole, Instant at) {
        this.platformRole = platformRole;
        this.updatedAt = at;
    }

    public void recordSuccessfulLogin(Instant at) {
        this.failedLoginCount = 0;
        this.lockedUntil = null;
        this.lastLoginAt = at;
        this.updatedAt = at;
    }

    public void recordFailedLogin(Instant at) {
        this.failedLoginCount++;
        this.updatedAt = at;
    }

    public void lockUntil(Instant until, Instant at) {
        this.lockedUntil = until;
        this.updatedAt = at;
    }

    public boolean isLockedAt(Instant at) {
        return lockedUntil != null && at.isBefore(lockedUntil);
    }

    public void disable(Instant at) {
        this.status = UserStatus.DISABLED;
        this.updatedAt = at;
    }

    public void enable(Instant at) {
        this.status = UserStatus.ACTIVE;
        this.updatedAt = at;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Optional<String> getPasswordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public Optional<PlatformRole> getPlatformRole() {
        return Optional.ofNullable(platformRole);
    }

    public UserStatus getStatus() {
        return status;
    }

    public int getFailedLoginCount() {
        return failedLoginCount;
    }

    public Optional<Instant> getLockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    public Optional<Instant> getLastLoginAt() {
        return Optional.ofNullable(lastLoginAt);
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

    @Override
    public String toString() {
        return "UserAccount[" + id + ", " + email + "]";
    }
}

package io.tollgate.model.account;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Column;
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
import java.util.regex.Pattern;
import org.hibernate.annotations.DynamicUpdate;
import org.jspecify.annotations.Nullable;

/**
 * A person's account. Accounts are global, not tenant-owned: one person belongs to several tenants through
 * {@link TenantMembership}s, and may hold a {@link PlatformRole}. Sign-in's columns (failed attempts, lock, last sign-in) are
 * kept by sign-in's SQL ({@link LoginLockout}); this entity reads the last sign-in and never writes those columns.
 * An update writes only the columns it changed ({@link DynamicUpdate}), as other SQL writes this row too.
 */
@Entity
@DynamicUpdate
@Table(name = "users")
public class UserAccount extends PersistableEntity<UUID> {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    @Id
    private UUID id;
    private String email;
    private String displayName;
    private @Nullable String passwordHash;
    @Enumerated(EnumType.STRING)
    private @Nullable PlatformRole platformRole;
    @Column(insertable = false, updatable = false)
    private @Nullable Instant lastLoginAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected UserAccount() {
    }

    /**
     * An account signing in with a password (its hash given), under the address in lower case.
     *
     * @throws IllegalArgumentException for an address that is not one, or a name that is blank or over 200 characters
     */
    public UserAccount(String email, String displayName, String passwordHash, Instant at) {
        this.email = normalizedEmail(email);
        if (!EMAIL.matcher(this.email).matches()) {
            throw new IllegalArgumentException("Not an e-mail address: " + email);
        }
        if (displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("A display name has 1 to 200 characters");
        }
        this.id = UUID.randomUUID();
        this.displayName = displayName;
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.createdAt = stored(at);
        this.updatedAt = stored(at);
    }

    /** Addresses are kept in lower case, so one address has one account however it is typed. */
    public static String normalizedEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Takes effect at the account's next sign-in. */
    public void grantPlatformRole(PlatformRole role, Instant at) {
        this.platformRole = Objects.requireNonNull(role, "role");
        this.updatedAt = stored(at);
    }

    /** @throws IllegalStateException when the account holds no platform role */
    public void removePlatformRole(Instant at) {
        if (platformRole == null) {
            throw new IllegalStateException("Account " + id + " holds no platform role");
        }
        this.platformRole = null;
        this.updatedAt = stored(at);
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

    public Optional<PlatformRole> getPlatformRole() {
        return Optional.ofNullable(platformRole);
    }

    public Optional<Instant> getLastLoginAt() {
        return Optional.ofNullable(lastLoginAt);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}

package io.tollgate.gateway.snapshot;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The current snapshot (none until the first load) and the health of the configuration database. */
@Component
public class SnapshotHolder {

    private final AtomicReference<@Nullable ConfigSnapshot> current = new AtomicReference<>();
    private volatile boolean databaseReachable;
    private volatile @Nullable String lastError;
    private volatile @Nullable Instant databaseLostAt;
    private volatile long reloads;

    public Optional<ConfigSnapshot> current() {
        return Optional.ofNullable(current.get());
    }

    public boolean ready() {
        return current.get() != null;
    }

    void replace(ConfigSnapshot snapshot) {
        current.set(snapshot);
        reloads++;
        databaseReachable = true;
        lastError = null;
        databaseLostAt = null;
    }

    void databaseUnreachable(String error, Instant at) {
        if (databaseReachable || databaseLostAt == null) {
            databaseLostAt = at;
        }
        databaseReachable = false;
        lastError = error;
    }

    public boolean databaseReachable() {
        return databaseReachable;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> databaseLostAt() {
        return Optional.ofNullable(databaseLostAt);
    }

    public long reloads() {
        return reloads;
    }
}

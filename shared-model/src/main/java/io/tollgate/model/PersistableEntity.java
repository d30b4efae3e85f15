package io.tollgate.model;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns. Spring Data cannot tell a new row from an existing one by
 * its id, so the entity tracks it: new until persisted or loaded. Without this, {@code save} would merge
 * (a SELECT before every INSERT) and hand back a copy instead of the saved instance.
 */
@MappedSuperclass
public abstract class PersistableEntity<ID> implements Persistable<ID> {

    @Transient
    private boolean isNew = true;

    @Override
    public boolean isNew() {
        return isNew;
    }

    /**
     * A time as PostgreSQL keeps it (microseconds), so an entity answers the same before and after its round trip
     * (a request that reads back in its own transaction sees the instance it saved, not the stored row).
     */
    protected static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    @PostPersist
    @PostLoad
    void markPersisted() {
        isNew = false;
    }
}

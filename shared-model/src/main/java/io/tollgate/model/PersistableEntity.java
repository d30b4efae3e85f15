package io.tollgate.model;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
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

    @PostPersist
    @PostLoad
    void markPersisted() {
        isNew = false;
    }
}

package io.tollgate.gateway.snapshot;

/**
 * Told by the {@link SnapshotRefresher}, on its thread and the one connection it holds, that something it may read
 * has changed: a NOTIFY on {@link #channel()} (a channel the refresher LISTENs on besides the configuration's), and
 * every snapshot it loads (the first, changes, the periodic reload, the reload after the database was away).
 */
public interface ChangeListener {

    String channel();

    /** Must return at once: it runs on the refresher's thread. */
    void changed();
}

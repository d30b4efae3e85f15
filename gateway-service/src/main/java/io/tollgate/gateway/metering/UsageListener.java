package io.tollgate.gateway.metering;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Follows usage events from the request path to PostgreSQL, for features that keep their own books on the same
 * events (budgets): when an event is queued, inside the transaction that inserts a batch, around its commit, and
 * when an event is given up.
 */
public interface UsageListener {

    /** On the request path: must not block. */
    default void queued(UsageEvent event) {
    }

    /**
     * In the batch's transaction, with the events this batch inserted (not those written before: a replayed batch
     * hands over none). A failure rolls the whole batch back.
     */
    default void inserted(Connection connection, List<UsageEvent> inserted) throws SQLException {
    }

    /** Right before the batch's commit, on the metering thread; {@link #afterCommit} always follows. */
    default void beforeCommit() {
    }

    /** Right after the commit attempt; when committed, every event of the batch is in PostgreSQL (now or before). */
    default void afterCommit(List<UsageEvent> batch, boolean committed) {
    }

    /** An event PostgreSQL refused for its content; it will never be stored. */
    default void dropped(UsageEvent event) {
    }
}

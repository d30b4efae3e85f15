package io.tollgate.gateway.metering;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Follows usage events from the request path to PostgreSQL, for features that keep their own books on the same
 * events (budgets): when an event is queued, inside the transaction that inserts a batch, and once the batch is
 * committed or an event is given up.
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

    /** After the commit: every event of the batch is in PostgreSQL (inserted now or before). */
    default void stored(List<UsageEvent> batch) {
    }

    /** An event PostgreSQL refused for its content; it will never be stored. */
    default void dropped(UsageEvent event) {
    }
}

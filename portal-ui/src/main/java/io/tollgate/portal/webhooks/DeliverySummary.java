package io.tollgate.portal.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event's delivery to one webhook: how its last attempt ended and how many attempts it took.
 *
 * @param status DELIVERED or FAILED (the last attempt)
 * @param httpStatus the receiver's last answer; null when it could not be reached
 */
public record DeliverySummary(UUID id, UUID webhookId, String url, UUID eventId, String eventType, String status,
                              int attempts, @Nullable Integer httpStatus, @Nullable String error,
                              Instant firstAttemptAt, Instant lastAttemptAt) {

    public boolean delivered() {
        return "DELIVERED".equals(status);
    }

    /** Attempts after the first. */
    public int retries() {
        return attempts - 1;
    }
}

package io.tollgate.model.webhook;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How one attempt ended, as recorded in webhook_deliveries.
 *
 * @param httpStatus the receiver's answer; null when it could not be reached
 * @param error      why the attempt failed, for people (never the secret); null when delivered
 * @param attempts   attempts at this event to this webhook so far, this one included
 */
public record WebhookDeliveryOutcome(UUID deliveryId, UUID eventId, boolean delivered, @Nullable Integer httpStatus,
                                     @Nullable String error, int attempts, Instant at) {
}

package io.tollgate.portal.admin.models;

import java.util.UUID;

/**
 * Another catalog model that serves a request when every deployment of the original failed. Covered by the
 * subscription: apps subscribed to the original may use it without subscribing to it.
 */
public record Fallback(UUID modelId, boolean coveredBySubscription) {
}

package io.tollgate.gateway.snapshot;

import java.util.UUID;

/** An enabled deployment of a model on an enabled provider. */
public record DeploymentEntry(UUID id, UUID modelId, UUID providerId, String upstreamModel, int weight,
                              int priority) {
}

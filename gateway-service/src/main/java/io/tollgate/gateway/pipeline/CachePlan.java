package io.tollgate.gateway.pipeline;

import java.time.Duration;

/**
 * What the cache policy decided for a request it may cache: the entry its answer goes to and for how long, and
 * whether a cached answer may serve it (not when the client asked for a refresh).
 *
 * @param key the entry: tenant, served model, endpoint and the digest of the canonical body
 */
public record CachePlan(String key, Duration ttl, boolean mayAnswer) {
}

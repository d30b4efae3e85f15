package io.tollgate.portal.admin.routing;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One deployment as the gateway replicas that reported in the last {@link LiveRoutingService#FRESH_SECONDS} seconds
 * see it, summed over them (their breakers may disagree).
 *
 * @param breakerStates      each fresh replica's breaker state, worst first; empty when none reported
 * @param staleReplicas      replicas whose last report is older (stopped, or cannot reach the database)
 * @param latencyMs          moving average of successful calls, weighted by the replicas' calls; null before one
 * @param windowCalls        calls in the breakers' sliding windows
 * @param windowFailedCalls  of which failed
 * @param requestsPerMinute  the provider capacity set on the deployment, null when unknown
 */
public record DeploymentLiveState(UUID deploymentId, String modelName, String providerName, String upstreamModel,
                                  boolean enabled, List<String> breakerStates, int staleReplicas,
                                  @Nullable Double latencyMs, long windowCalls, long windowFailedCalls, long inFlight,
                                  long requestsLastMinute, @Nullable Integer requestsPerMinute,
                                  long tokensLastMinute, @Nullable Long tokensPerMinute) {

    public int replicas() {
        return breakerStates.size();
    }
}

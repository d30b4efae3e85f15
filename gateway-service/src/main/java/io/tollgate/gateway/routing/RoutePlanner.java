package io.tollgate.gateway.routing;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.RequestContext.Route;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.provider.ProviderRegistry;
import io.tollgate.gateway.snapshot.DeploymentEntry;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.RoutingStrategy;
import io.tollgate.model.catalog.ProviderType;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Orders the routes a request may take: its model's deployments by the model's strategy, then the deployments of
 * each fallback model the app may use, each by its own strategy. A deployment is left out while a provider's
 * {@code retry-after} cools it down, while a failed health check or another replica's open breaker keeps it out (see
 * {@link HealthChecks}, {@link SharedRoutingState}), or while the request would not fit its provider capacity (this
 * replica's count, or all replicas' when they share it); one whose provider
 * has no endpoint for the request, or no adapter, is left out too. A prompt that does not fit the model's context
 * window goes straight to the fallbacks whose window it fits. Open circuit breakers are skipped when attempted.
 */
@Component
class RoutePlanner {

    private final DeploymentStates states;
    private final ProviderRegistry providers;
    private final TokenCounter tokens;
    private final Clock clock;

    RoutePlanner(DeploymentStates states, ProviderRegistry providers, TokenCounter tokens, Clock clock) {
        this.states = states;
        this.providers = providers;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The routes in order, or why there is none. */
    sealed interface Plan {
    }

    record Routes(List<Route> routes) implements Plan {
    }

    record Refused(Rejection rejection) implements Plan {
    }

    Plan plan(RequestContext context) {
        var model = context.model().orElseThrow();
        var snapshot = context.snapshot();
        var request = new RequestSize(context, tokens);
        var now = new Now(System.nanoTime(), clock.millis());
        List<Route> routes = new ArrayList<>();
        var exclusions = new Exclusions();
        var routing = snapshot.routing(model.id());
        boolean fits = routing.fallbacks().isEmpty() || request.fits(model);
        if (fits) {
            routes.addAll(candidates(context, model, request, now, exclusions));
        }
        var appId = context.caller().orElseThrow().app().id();
        for (var fallback : routing.fallbacks()) {
            var fallbackModel = fallback.model();
            boolean allowed = fallback.coveredBySubscription()
                    || snapshot.approvedSubscription(appId, fallbackModel.id()).isPresent();
            if (allowed && request.fits(fallbackModel)) {
                routes.addAll(candidates(context, fallbackModel, request, now, exclusions));
            }
        }
        if (!routes.isEmpty()) {
            return new Routes(routes);
        }
        return new Refused(exclusions.rejection(model, fits));
    }

    private List<Route> candidates(RequestContext context, ModelEntry model, RequestSize request, Now now,
                                   Exclusions exclusions) {
        var snapshot = context.snapshot();
        List<Candidate> usable = new ArrayList<>();
        for (var deployment : snapshot.deployments(model.id())) {
            var provider = snapshot.provider(deployment.providerId());
            if (provider.isEmpty()) {
                continue;
            }
            var adapter = providers.adapterFor(provider.get().type());
            if (adapter.isEmpty()) {
                exclusions.unsupported = provider.get().type();
                continue;
            }
            if (!adapter.get().serves(context.endpoint().canonical())) {
                exclusions.endpointMissing = provider.get().type().name();
                continue;
            }
            var health = states.of(deployment.id());
            if (health.outOfRotation(now.millis())) {
                exclusions.unhealthy = true;
                continue;
            }
            if (health.coolingDown(now.nanos()) || saturated(deployment, health, request, now)) {
                exclusions.saturated = true;
                continue;
            }
            usable.add(new Candidate(new Route(model, deployment, provider.get()), health,
                    randomKey(deployment.weight())));
        }
        if (usable.size() > 1) {
            usable.sort(order(snapshot.routing(model.id()).strategy(), request));
        }
        List<Route> routes = new ArrayList<>(usable.size());
        for (var candidate : usable) {
            routes.add(candidate.route());
        }
        return routes;
    }

    private static boolean saturated(DeploymentEntry deployment, DeploymentHealth health, RequestSize request, Now now) {
        var requests = deployment.requestCapacity();
        var tokens = deployment.tokenCapacity();
        return requests.isPresent() && !health.hasRequestCapacity(requests.getAsLong(), now.nanos(), now.millis())
                || tokens.isPresent() && !health.hasTokenCapacity(tokens.getAsLong(), request.tokens(), now.nanos(),
                now.millis());
    }

    /** The request's time, read once: monotonic for local windows, the wall clock's for what replicas share. */
    private record Now(long nanos, long millis) {
    }

    private static Comparator<Candidate> order(RoutingStrategy strategy, RequestSize request) {
        Comparator<Candidate> byWeight = Comparator.comparingDouble(Candidate::weightKey).reversed();
        return switch (strategy) {
            case PRIORITY -> Comparator.<Candidate>comparingInt(c -> c.route().deployment().priority()).thenComparing(byWeight);
            case WEIGHTED -> byWeight;
            case LEAST_BUSY -> Comparator.<Candidate>comparingInt(c -> c.health().inFlight()).thenComparing(byWeight);
            // a deployment never measured goes first, so that it gets measured
            case LOWEST_LATENCY -> Comparator.<Candidate>comparingDouble(c -> c.health().latencyNanos()).thenComparing(byWeight);
            case LOWEST_COST -> Comparator.<Candidate, Boolean>comparing(c -> c.route().deployment().providerCost().isEmpty())
                    .thenComparing(c -> c.route().deployment().providerCost()
                            .map(cost -> cost.of(request.promptTokens(), request.completionTokens()))
                            .orElse(BigDecimal.ZERO))
                    .thenComparing(byWeight);
        };
    }

    /**
     * A key whose order is a weighted random order (Efraimidis and Spirakis): the largest of u^(1/w) wins with
     * probability w / sum(w). A weight of 0 sorts last, a deployment for failover only.
     */
    private static double randomKey(int weight) {
        if (weight <= 0) {
            return -1;
        }
        return Math.pow(ThreadLocalRandom.current().nextDouble(), 1.0 / weight);
    }

    private record Candidate(Route route, DeploymentHealth health, double weightKey) {
    }

    /** Why deployments were left out, for the refusal when none is left. */
    private static final class Exclusions {
        private @Nullable ProviderType unsupported;
        private @Nullable String endpointMissing;
        private boolean saturated;
        private boolean unhealthy;

        Rejection rejection(ModelEntry model, boolean fits) {
            if (!fits) {
                return Rejection.invalidRequest("messages", "context_length_exceeded", "The request does not fit the "
                        + "context window of '" + model.name() + "' (" + model.contextWindow() + " tokens), nor of any "
                        + "fallback model this app may use.");
            }
            if (saturated) {
                return Rejection.unavailable("deployments_saturated", "Every deployment of '" + model.name()
                        + "' is at its provider capacity or cooling down; retry shortly.").retryAfter("1");
            }
            if (unhealthy) {
                return Failover.noneAvailable();
            }
            if (endpointMissing != null) {
                return Rejection.invalidRequest("model", "endpoint_not_supported", "The model '" + model.name()
                        + "' is served by a provider (" + endpointMissing + ") without this endpoint.");
            }
            if (unsupported != null) {
                return ProviderRegistry.unsupported(unsupported);
            }
            return Rejection.unavailable("no_deployment", "The model '" + model.name() + "' has no available deployment.");
        }
    }

    /** The request's size in tokens, counted only when a decision needs it. */
    private static final class RequestSize {
        private final RequestContext context;
        private final TokenCounter counter;
        private long prompt = -1;

        RequestSize(RequestContext context, TokenCounter counter) {
            this.context = context;
            this.counter = counter;
        }

        long promptTokens() {
            if (prompt < 0) {
                var counted = context.promptTokens();
                prompt = counted.isPresent() ? counted.getAsLong() : counter.countPrompt(context.facts().orElseThrow().prompt());
                // counted once: the capacity booking and the metering's estimate read it from the context
                context.promptTokens(prompt);
            }
            return prompt;
        }

        long completionTokens() {
            return context.completionCap().orElse(0);
        }

        long tokens() {
            return promptTokens() + completionTokens();
        }

        boolean fits(ModelEntry model) {
            return tokens() <= model.contextWindow();
        }
    }
}

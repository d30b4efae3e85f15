package io.tollgate.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderRegistry;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.server.BackgroundLoop;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.DeploymentEntry;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Active health checks: every deployment of a provider whose settings name {@value #INTERVAL_SETTING} (whole seconds)
 * gets the cheapest request it can answer ({@link HealthCheckRequest}) once per interval, through the provider's own
 * adapter, off the request path: a thread of its own finds the checks that are due and the adapter's non-blocking
 * client carries them. A failure that would move a request on (5xx, 429, timeouts, resets, unreachable) opens the
 * deployment's breaker and keeps it out of the rotation until a check passes; a passing check closes the breaker,
 * whatever opened it. A refusal of the check itself (400, 404) changes nothing. Checks belong to no tenant: they are
 * never metered, only counted ({@code tollgate_gateway_health_checks_total} by deployment, provider and outcome).
 */
@Component
class HealthChecks extends BackgroundLoop {

    static final String INTERVAL_SETTING = "healthCheckSeconds";
    /** Intervals are whole seconds: a check starts at most one tick late, and an idle gateway wakes once a second. */
    private static final Duration TICK = Duration.ofSeconds(1);

    private final SnapshotHolder snapshots;
    private final ProviderRegistry providers;
    private final DeploymentStates states;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<UUID, Due> due = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    HealthChecks(SnapshotHolder snapshots, ProviderRegistry providers, DeploymentStates states, MeterRegistry registry,
                 Clock clock) {
        super("tollgate-health-checks");
        this.snapshots = snapshots;
        this.providers = providers;
        this.states = states;
        this.registry = registry;
        this.clock = clock;
    }

    /** When a deployment's next check may start, and whether its last one is still out. */
    private static final class Due {
        private volatile long nextAtMillis;
        private final AtomicBoolean inFlight = new AtomicBoolean();
    }

    @Override
    protected void run() {
        while (isRunning()) {
            snapshots.current().ifPresent(this::startDue);
            try {
                Thread.sleep(TICK);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void startDue(ConfigSnapshot snapshot) {
        long now = clock.millis();
        Set<UUID> checked = new HashSet<>();
        for (var model : snapshot.modelsByName().values()) {
            for (var deployment : snapshot.deployments(model.id())) {
                var provider = snapshot.provider(deployment.providerId());
                var interval = provider.flatMap(HealthChecks::interval);
                var adapter = provider.flatMap(p -> providers.adapterFor(p.type()));
                if (interval.isEmpty() || adapter.isEmpty()) {
                    continue;
                }
                checked.add(deployment.id());
                var next = due.computeIfAbsent(deployment.id(), id -> new Due());
                if (now < next.nextAtMillis || next.inFlight.get()) {
                    continue; // the check request is built only when it is due
                }
                var request = HealthCheckRequest.of(model, deployment, provider.get(), adapter.get());
                if (request.isPresent() && next.inFlight.compareAndSet(false, true)) {
                    next.nextAtMillis = now + interval.get().toMillis();
                    check(deployment, provider.get(), adapter.get(), request.get(), interval.get(), next);
                }
            }
        }
        due.keySet().retainAll(checked);
    }

    private void check(DeploymentEntry deployment, ProviderEntry provider, ProviderAdapter adapter,
                       UpstreamRequest request, Duration interval, Due next) {
        var health = states.of(deployment.id());
        var timeout = interval.compareTo(provider.responseTimeout()) < 0 ? interval : provider.responseTimeout();
        Mono.defer(() -> adapter.send(request))
                .timeout(timeout)
                .doFinally(signal -> next.inFlight.set(false))
                .subscribe(reply -> {
                    health.checkPassed();
                    count(deployment, provider, "passed");
                }, failure -> {
                    if (Failover.retryable(Failover.rejection(failure).rejection())) {
                        // out until a check passes: past the next check, renewed by each one that fails
                        health.checkFailed(clock.millis() + 2 * interval.toMillis() + timeout.toMillis());
                        count(deployment, provider, "failed");
                    } else {
                        count(deployment, provider, "refused");
                    }
                });
    }

    private static Optional<Duration> interval(ProviderEntry provider) {
        return provider.setting(INTERVAL_SETTING).flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private void count(DeploymentEntry deployment, ProviderEntry provider, String outcome) {
        String key = deployment.id() + "\n" + provider.name() + "\n" + outcome;
        var known = counters.get(key);
        (known != null ? known : counters.computeIfAbsent(key, k -> Counter.builder("tollgate.gateway.health.checks")
                .description("Active health checks of deployments, by outcome (passed, failed, refused)")
                .tag("deployment", deployment.id().toString()).tag("provider", provider.name()).tag("outcome", outcome)
                .register(registry))).increment();
    }
}

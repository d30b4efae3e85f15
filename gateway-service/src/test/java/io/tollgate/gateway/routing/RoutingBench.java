package io.tollgate.gateway.routing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.provider.ProviderRegistry;
import io.tollgate.gateway.provider.UpstreamHttps;
import io.tollgate.gateway.provider.openai.OpenAiAdapter;
import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.DeploymentEntry;
import io.tollgate.gateway.snapshot.KeyEntry;
import io.tollgate.gateway.snapshot.LimitSettings;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.ModelRouting;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.gateway.snapshot.RoutingStrategy;
import io.tollgate.gateway.snapshot.SubscriptionEntry;
import io.tollgate.gateway.snapshot.TenantEntry;
import io.tollgate.gateway.tracing.TracingOff;
import io.tollgate.model.catalog.ProviderType;
import io.tollgate.model.plan.PlanLimits;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * What routing costs a model request, as bench/routing-bench.sh runs it: the route plan and one attempt through
 * {@link Failover} (breaker permission, in-flight and capacity bookkeeping, latency, attempt headers) with an answer
 * that is already there, for a model with one deployment and for models with four deployments whose breakers and
 * request and token capacities are all consulted, under each strategy. A baseline builds the request's context only.
 * Variants are interleaved round by round; CPU time and bytes allocated are the measuring thread's. The publishing
 * variant runs while another thread reads every deployment's live state as the portal's publisher does, 1,000 times
 * as often, so what publishing costs the request path (contention on the counters it reads) would show. Not a test.
 *
 * <p>Arguments: {@code [requests per round, default 200000] [rounds, default 8]}.
 */
public final class RoutingBench {

    private static final ModelEntry MODEL = new ModelEntry(UUID.randomUUID(), "gpt-4o", "GPT-4o", Set.of("chat"),
            128_000, Instant.EPOCH);
    private static final ProviderEntry PROVIDER = new ProviderEntry(UUID.randomUUID(), "openai", ProviderType.OPENAI,
            "https://api.openai.example/v1", "sk-bench", Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(5), 1);
    private static final TenantEntry TENANT = new TenantEntry(UUID.randomUUID(), "acme", false, UUID.randomUUID(),
            BigDecimal.ZERO);
    private static final AppEntry APP = new AppEntry(UUID.randomUUID(), TENANT.id(), "app", true, false, false);
    private static final RequestContext.Caller CALLER = new RequestContext.Caller(new KeyEntry(UUID.randomUUID(),
            TENANT.id(), APP.id(), "tg_bench", new byte[32], false, null), APP, TENANT);
    private static final SubscriptionEntry SUBSCRIPTION = new SubscriptionEntry(UUID.randomUUID(), TENANT.id(), APP.id(),
            MODEL.id(), PlanLimits.unlimited());
    private static final RequestFacts FACTS = new RequestFacts(MODEL.name(), false, OptionalInt.of(100), false,
            new PromptText(List.of("Hello there"), 1));

    /** @param publishing whether a thread reads every deployment's live state meanwhile, as the publisher does */
    private record Variant(String name, ConfigSnapshot snapshot, boolean publishing) {

        Variant(String name, ConfigSnapshot snapshot) {
            this(name, snapshot, false);
        }
    }

    public static void main(String[] args) {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        var http = UpstreamHttps.onGlobalLoops(4, 4, Duration.ofSeconds(1));
        var properties = RoutingSettings.defaults();
        var states = new DeploymentStates(properties, Clock.systemUTC());
        var planner = new RoutePlanner(states, new ProviderRegistry(List.of(new OpenAiAdapter(http))),
                new TokenCounter(0), Clock.systemUTC());
        var failover = new Failover(states, properties, new AttemptMetrics(new SimpleMeterRegistry(), states),
                TracingOff.requestTracing());
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("baseline (context only)", null));
        variants.add(new Variant("1 deployment, priority", snapshot(RoutingStrategy.PRIORITY, 1)));
        for (RoutingStrategy strategy : RoutingStrategy.values()) {
            variants.add(new Variant("4 deployments, " + strategy.name().toLowerCase(), snapshot(strategy, 4)));
        }
        variants.add(new Variant("4 deployments, weighted, publishing", snapshot(RoutingStrategy.WEIGHTED, 4), true));
        try {
            for (int i = 0; i < 3; i++) {
                variants.forEach(variant -> measure(variant, planner, failover, states, perRound));
            }
            double[][] totals = new double[variants.size()][2];
            for (int round = 0; round < rounds; round++) {
                for (int v = 0; v < variants.size(); v++) {
                    double[] result = measure(variants.get(v), planner, failover, states, perRound);
                    totals[v][0] += result[0];
                    totals[v][1] += result[1];
                }
            }
            for (int v = 0; v < variants.size(); v++) {
                double cpu = totals[v][0] / rounds;
                double bytes = totals[v][1] / rounds;
                String added = v < 2 ? "" : "   over 1 deployment: %+6.2f µs CPU, %+6.0f bytes".formatted(
                        (cpu - totals[1][0] / rounds) / 1000, bytes - totals[1][1] / rounds);
                System.out.printf("%-38s %6.2f µs CPU/request  %6.0f bytes/request%s%n", variants.get(v).name(),
                        cpu / 1000, bytes, added);
            }
            System.out.printf("publishing: one read of every deployment's live state (%d deployments) %.2f µs CPU, "
                    + "%.0f bytes, on the publisher's thread (read every %d ms during the publishing variant; "
                    + "the gateway reads every 2 s)%n", PUBLISHED.deployments, PUBLISHED.cpuNanos / 1000.0 / PUBLISHED.reads,
                    (double) PUBLISHED.bytes / PUBLISHED.reads, PUBLISH_EVERY_MILLIS);
        } finally {
            http.destroy();
        }
    }

    /** 1,000 times as often as the gateway's publisher, so any cost it put on the request path would show. */
    private static final int PUBLISH_EVERY_MILLIS = 2;
    private static final Published PUBLISHED = new Published();

    /** What the publisher's reads cost on its own thread, summed over the publishing rounds. */
    private static final class Published {
        long reads;
        long cpuNanos;
        long bytes;
        int deployments;
    }

    /** Reads every deployment's live state, as {@link RoutingStatePublisher} does, until interrupted. */
    private static Thread publisher(DeploymentStates states) {
        return Thread.ofPlatform().daemon().start(() -> {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().threadId();
            List<DeploymentHealth.LiveState> read = new ArrayList<>();
            while (!Thread.currentThread().isInterrupted()) {
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getThreadAllocatedBytes(self);
                read.clear();
                long now = System.nanoTime();
                states.forEach((id, health) -> read.add(health.live(now)));
                synchronized (PUBLISHED) {
                    PUBLISHED.cpuNanos += threads.getCurrentThreadCpuTime() - cpu;
                    PUBLISHED.bytes += threads.getThreadAllocatedBytes(self) - bytes;
                    PUBLISHED.reads++;
                    PUBLISHED.deployments = read.size();
                }
                try {
                    Thread.sleep(PUBLISH_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** CPU nanoseconds and bytes allocated per request, on this thread. */
    private static double[] measure(Variant variant, RoutePlanner planner, Failover failover, DeploymentStates states,
                                    int requests) {
        Thread publisher = variant.publishing() ? publisher(states) : null;
        try {
            return measure(variant, planner, failover, requests);
        } finally {
            if (publisher != null) {
                publisher.interrupt();
            }
        }
    }

    private static double[] measure(Variant variant, RoutePlanner planner, Failover failover, int requests) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long bytesBefore = threads.getThreadAllocatedBytes(self);
        long sink = 0;
        for (int i = 0; i < requests; i++) {
            var context = context(variant.snapshot() != null ? variant.snapshot() : snapshot(RoutingStrategy.PRIORITY, 1));
            if (variant.snapshot() != null) {
                if (planner.plan(context) instanceof RoutePlanner.Routes(var routes)) {
                    context.routes(routes);
                    context.route(routes.getFirst());
                    sink += failover.call(context, route -> Mono.just(route.deployment().weight())).block();
                }
            }
            sink += context.requestId().length();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new double[] {(double) (threads.getCurrentThreadCpuTime() - cpuBefore) / requests,
                (double) (threads.getThreadAllocatedBytes(self) - bytesBefore) / requests};
    }

    private static RequestContext context(ConfigSnapshot snapshot) {
        var context = new RequestContext(UUID.randomUUID(), "req_bench", Instant.now(), System.nanoTime(),
                Endpoint.CHAT, null, new byte[0], snapshot, null, new DefaultHttpHeaders());
        context.caller(CALLER);
        context.facts(FACTS);
        context.subscribed(MODEL, SUBSCRIPTION);
        return context;
    }

    private static final Map<String, ConfigSnapshot> SNAPSHOTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A model served by {@code count} deployments; with more than one, each with capacities, a cost and a weight. */
    private static ConfigSnapshot snapshot(RoutingStrategy strategy, int count) {
        return SNAPSHOTS.computeIfAbsent(strategy + "/" + count, key -> {
            List<DeploymentEntry> deployments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                deployments.add(count == 1
                        ? new DeploymentEntry(UUID.randomUUID(), MODEL.id(), PROVIDER.id(), "gpt-4o", 100, 0)
                        : new DeploymentEntry(UUID.randomUUID(), MODEL.id(), PROVIDER.id(), "gpt-4o", 25 * (i + 1), i,
                                1_000_000_000, 1_000_000_000_000L, null, null, null, null,
                                new DeploymentEntry.ProviderCost(BigDecimal.valueOf(i + 1), BigDecimal.valueOf(3L * (i + 1)))));
            }
            return new ConfigSnapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(MODEL.name(), MODEL),
                    Map.of(MODEL.id(), deployments), Map.of(PROVIDER.id(), PROVIDER), Map.of(), Map.of(),
                    new LimitSettings(Map.of(), Map.of()), Map.of(MODEL.id(), new ModelRouting(strategy, List.of())));
        });
    }
}

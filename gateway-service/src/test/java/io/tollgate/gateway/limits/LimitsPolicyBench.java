package io.tollgate.gateway.limits;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.redis.RedisConnections;
import io.tollgate.model.common.TokenUsage;
import io.tollgate.model.plan.PlanLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The limits policy alone at a fixed request rate, as bench/limits-bench.sh runs it: each request's latency is
 * measured to the end of the policy's decision plus the settlement the policy runs when the request ends, from the
 * call ("service": the policy's own cost) and from the request's scheduled start ("scheduled": also every stall of
 * this process or machine that delayed it), and the whole process's CPU time per request (the harness included). Not a
 * test; prints two lines per scenario.
 *
 * <p>Arguments: {@code <scenario: unlimited|local-requests|local|local-bound|redis-exact|redis-relaxed> <requests per second> <seconds>
 * [redis url]}.
 */
public final class LimitsPolicyBench {

    private static final int APPS = 100;
    /** Every request of every app carries the same system prompt, as real chat traffic does... */
    private static final String SYSTEM_PROMPT = "You are the support assistant of an online bookshop. Answer in the"
            + " customer's language, in at most five short sentences. Use the order data given in the conversation and"
            + " nothing else; when the data does not answer the question, say what is missing and offer to hand the"
            + " case to a person. Never promise refunds or delivery dates that the data does not show, never ask for"
            + " card numbers or passwords, and keep a friendly, plain tone without marketing language.";
    /** ...and a user message of its own, never seen before, so its count is never remembered. */
    private static final String USER_MESSAGE = "Order %d, placed on 14 November: two paperbacks and one hardcover atlas,"
            + " shipped in two parcels. Parcel one arrived on 18 November. Parcel two, with the atlas, shows 'label"
            + " created' since 16 November and no scan since. The customer writes: 'My atlas still has not arrived and"
            + " it is a birthday present for Saturday. Can you tell me where it is, and can I still get it in time or"
            + " should I cancel that item?' Draft the reply.";

    private static long requests;

    private static byte[] nextBody() {
        long request = ++requests;
        return ("{\"model\":\"bench-model\",\"max_tokens\":256,\"messages\":["
                + "{\"role\":\"system\",\"content\":\"" + SYSTEM_PROMPT + "\"},"
                + "{\"role\":\"user\",\"content\":\"" + USER_MESSAGE.formatted(request) + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        String scenario = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String redisUrl = args.length > 3 && scenario.startsWith("redis") ? args[3] : "";
        var properties = new LimitsProperties(redisUrl, LimitsProperties.FailMode.OPEN, Duration.ofMillis(250),
                scenario.equals("redis-relaxed") ? LimitsProperties.RedisSync.RELAXED : LimitsProperties.RedisSync.EXACT,
                Duration.ofMillis(100), 1024, Duration.ofMinutes(1), scenario.equals("local-bound")
                        ? LimitsProperties.PromptReservation.BOUND : LimitsProperties.PromptReservation.COUNTED);
        var clock = Clock.systemUTC();
        var outage = new StoreOutage(new SimpleMeterRegistry(), clock, properties);
        var time = new ClockTimeMeter(clock);
        try (var redis = new RedisConnections();
             BucketStore store = properties.redisEnabled() ? new RedisBucketStore(redis, properties, time, outage)
                     : new LocalBucketStore(time)) {
            var policy = new LimitsPolicy(new RateLimiter(store, properties), new ConcurrencyLimiter(),
                    new TokenCounter(8_000_000), properties, store);
            var world = new LimitsWorld(APPS, switch (scenario) {
                case "unlimited" -> PlanLimits.unlimited();
                case "local-requests" -> PlanLimits.ofNullable(1_000_000_000, 1_000_000_000, null, null, 1_000_000, 1_000_000);
                default -> PlanLimits.ofNullable(1_000_000_000, 1_000_000_000, 10_000_000_000L, 1_000_000_000_000L,
                        1_000_000, 1_000_000);
            });
            run(policy, world, rate, Math.min(10, seconds), null, null);
            long[] latencies = new long[rate * seconds];
            long[] serviceTimes = new long[rate * seconds];
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            // the warm-up's failures (a cold JVM's first Redis calls can pass the timeout) are not the measurement's
            double failuresBefore = outage.failureCount();
            run(policy, world, rate, seconds, latencies, serviceTimes);
            double cpuPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1000.0 / latencies.length;
            // the requests' own thread: everything the local buckets do (Redis's answers arrive on Lettuce's threads)
            double allocatedPerRequest = (double) (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / latencies.length;
            double failures = outage.failureCount() - failuresBefore;
            report(scenario + " service", rate, serviceTimes, failures, cpuPerRequest, allocatedPerRequest);
            report(scenario + " scheduled", rate, latencies, failures, cpuPerRequest, allocatedPerRequest);
        }
    }

    private static void run(LimitsPolicy policy, LimitsWorld world, int rate, int seconds, long[] latencies,
                            long[] serviceTimes) throws InterruptedException {
        int requests = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        var done = new CountDownLatch(requests);
        var refused = new AtomicInteger();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < requests; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 50_000));
            }
            int index = i;
            var context = world.context(i % APPS, nextBody());
            long started = System.nanoTime();
            policy.apply(context).subscribe(rejection -> refused.incrementAndGet(), failure -> done.countDown(), () -> {
                context.outcome().usage(TokenUsage.of(180, 120), false);
                context.complete();
                if (latencies != null) {
                    long now = System.nanoTime();
                    latencies[index] = now - scheduled;
                    serviceTimes[index] = now - started;
                }
                done.countDown();
            });
        }
        if (!done.await(30, TimeUnit.SECONDS) || refused.get() > 0) {
            throw new IllegalStateException("requests did not complete, or were refused: " + refused.get());
        }
    }

    private static void report(String scenario, int rate, long[] latencies, double storeFailures, double cpuMicros,
                               double allocatedBytes) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("%-24s %6d req/s %7d requests  p50 %7.1f µs  p90 %7.1f µs  p99 %7.1f µs  p99.9 %8.1f µs  max %8.1f µs  process CPU %6.1f µs/request  allocated %,6.0f B/request  store failures %.0f%n",
                scenario, rate, sorted.length, micros(sorted, 0.50), micros(sorted, 0.90), micros(sorted, 0.99),
                micros(sorted, 0.999), sorted[sorted.length - 1] / 1000.0, cpuMicros, allocatedBytes, storeFailures);
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }
}

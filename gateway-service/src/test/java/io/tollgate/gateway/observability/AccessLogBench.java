package io.tollgate.gateway.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.support.BenchRequests;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;

/**
 * What the access log costs one request, as bench/access-log-bench.sh runs it, with the gateway's own logback
 * configuration (logback-spring.xml: a queue, and a thread of its own writing standard output, which the script sends
 * to a file). Three variants, interleaved round by round: a baseline that builds the request's context and outcome,
 * the line formatted only (the part on the event loop before logback), and the line logged. CPU is the measuring
 * thread's plus the appender's writing thread's; allocation is the measuring thread's. Each batch stays under the
 * queue's size and is waited for, so no line is dropped. Not a test.
 *
 * <p>Arguments: {@code [requests per round, default 100000] [rounds, default 8]}.
 */
public final class AccessLogBench {

    private static final int BATCH = 4_000;

    public static void main(String[] args) throws JoranException {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        var appender = configureLogback();
        var requests = new BenchRequests();
        var event = event();
        var log = new AccessLog(true);
        Variant[] variants = {
            context -> context.requestId().length(),
            context -> AccessLog.line(context, event).length(),
            context -> {
                log.log(context, event);
                return 1;
            }
        };
        String[] names = {"baseline (context only)", "line formatted", "line logged (queue + writer)"};
        for (int i = 0; i < 3; i++) {
            for (Variant variant : variants) {
                measure(variant, requests, perRound, appender);
            }
        }
        double[][] totals = new double[variants.length][2];
        for (int round = 0; round < rounds; round++) {
            for (int v = 0; v < variants.length; v++) {
                double[] result = measure(variants[v], requests, perRound, appender);
                totals[v][0] += result[0];
                totals[v][1] += result[1];
            }
        }
        for (int v = 0; v < variants.length; v++) {
            double cpu = totals[v][0] / rounds;
            double bytes = totals[v][1] / rounds;
            String added = v == 0 ? "" : "   added: %6.2f µs CPU, %6.0f bytes".formatted(
                    (cpu - totals[0][0] / rounds) / 1000, bytes - totals[0][1] / rounds);
            System.err.printf("%-30s %7.2f µs CPU/request  %7.0f bytes/request%s%n", names[v], cpu / 1000, bytes, added);
        }
    }

    @FunctionalInterface
    private interface Variant {
        int run(io.tollgate.gateway.pipeline.RequestContext context);
    }

    private static BatchedConsoleAppender configureLogback() throws JoranException {
        var logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        var configurator = new JoranConfigurator();
        configurator.setContext(logback);
        configurator.doConfigure(AccessLogBench.class.getResource("/logback-spring.xml"));
        return (BatchedConsoleAppender) logback.getLogger(AccessLog.LOGGER).getAppender("ACCESS");
    }

    /** CPU nanoseconds (this thread and the appender's writer) and bytes allocated (this thread) per request. */
    private static double[] measure(Variant variant, BenchRequests requests, int count, BatchedConsoleAppender appender) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();
        long writerBefore = writerCpu(threads);
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long bytesBefore = threads.getThreadAllocatedBytes(self);
        long sink = 0;
        for (int done = 0; done < count; done += BATCH) {
            for (int i = 0; i < BATCH; i++) {
                var context = requests.context();
                context.outcome().status(200);
                sink += variant.run(context);
            }
            while (appender.queued() > 0) {
                LockSupport.parkNanos(100_000);
            }
        }
        if (sink == 42) {
            System.err.print("");
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore + writerCpu(threads) - writerBefore;
        return new double[] {(double) cpu / count, (double) (threads.getThreadAllocatedBytes(self) - bytesBefore) / count};
    }

    private static long writerCpu(java.lang.management.ThreadMXBean threads) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("BatchedConsoleAppender-Worker-ACCESS"))
                .mapToLong(thread -> threads.getThreadCpuTime(thread.threadId()))
                .sum();
    }

    private static UsageEvent event() {
        var ids = new UUID[] {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        return new UsageEvent(ids[0], java.time.Instant.now(), ids[1], ids[2], ids[3], "CHAT", "bench-model",
                "bench-model", null, null, "gpt-4o-mini", null, 231, 52, 0, 0, false, new BigDecimal("0.000066150"), 3,
                null, 200, null, false, "", 0, 1, false);
    }
}

package io.tollgate.gateway.metering;

import io.tollgate.gateway.budget.BudgetBooking;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How fast the gateway's usage writer puts events into PostgreSQL, as bench/usage-writer-bench.sh runs it against a
 * PostgreSQL of its own: {@link UsageBatchWriter} as the metering thread uses it (one thread, batches of the
 * production size, each batch one transaction with the keys' last use and the budgets' spend), on one connection
 * held open so its server process's CPU can be read. Prints events per second, the writer's CPU per event (this JVM)
 * and the database's CPU per event (the server processes, from /proc). Not a test.
 *
 * <p>Environment: BENCH_DB_URL, BENCH_TENANT, BENCH_APP, BENCH_KEY, BENCH_POSTMASTER_PID; arguments:
 * {@code [events, default 500000] [batch size, default 2000, the gateway's]}.
 */
public final class UsageWriterBench {

    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** What the writer allocated, the events it was given excluded. */
    private static long writerAllocated;

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        var source = new PGSimpleDataSource();
        source.setUrl(System.getenv("BENCH_DB_URL"));
        UUID tenant = UUID.fromString(System.getenv("BENCH_TENANT"));
        UUID app = UUID.fromString(System.getenv("BENCH_APP"));
        UUID key = UUID.fromString(System.getenv("BENCH_KEY"));
        long postmaster = Long.parseLong(System.getenv("BENCH_POSTMASTER_PID"));
        try (Connection connection = source.getConnection()) {
            var writer = new UsageBatchWriter(new SingleConnectionDataSource(connection, true), Clock.systemUTC(),
                    List.of(BudgetBooking.spendWriter()));
            // warm-up: the JIT, the statements' plans, this month's partition
            write(writer, tenant, app, key, Math.min(total / 10, 50_000), batchSize);
            writerAllocated = 0;
            long databaseBefore = serverTicks(postmaster);
            long writerBefore = processCpuNanos();
            long started = System.nanoTime();
            int written = write(writer, tenant, app, key, total, batchSize);
            long elapsed = System.nanoTime() - started;
            long writerCpu = processCpuNanos() - writerBefore;
            long databaseTicks = serverTicks(postmaster) - databaseBefore;
            System.out.printf("%d events in batches of %d: %.1f s, %,.0f events/s%n", written, batchSize, elapsed / 1e9,
                    written / (elapsed / 1e9));
            System.out.printf("writer CPU (this JVM): %.2f µs per event; allocated by the writer: %,.0f bytes per event%n",
                    writerCpu / 1e3 / written, (double) writerAllocated / written);
            System.out.printf("database CPU (server processes): %.2f µs per event%n",
                    databaseTicks * (1e6 / CLOCK_TICKS_PER_SECOND) / written);
        }
    }

    private static int write(UsageBatchWriter writer, UUID tenant, UUID app, UUID key, int count, int batchSize)
            throws SQLException {
        int written = 0;
        for (int done = 0; done < count; done += batchSize) {
            List<UsageEvent> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < Math.min(batchSize, count - done); i++) {
                batch.add(event(tenant, app, key));
            }
            long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
            written += writer.write(batch);
            writerAllocated += THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        }
        return written;
    }

    private static UsageEvent event(UUID tenant, UUID app, UUID key) {
        Instant now = Instant.now();
        return new UsageEvent(EventIds.next(now), now, tenant, app, key, "CHAT", "gpt-4o-mini", "gpt-4o-mini",
                null, null, "gpt-4o-mini", null, 231, 52, 0, 0, false, new BigDecimal("0.000065850"), 412, null, 200,
                null, false, "env=bench", 0, 1, false);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User and system CPU ticks of the postmaster and every process it started (backends, WAL writer, checkpointer). */
    private static long serverTicks(long postmaster) {
        var processes = new ArrayList<Long>();
        processes.add(postmaster);
        ProcessHandle.of(postmaster).ifPresent(handle -> handle.descendants().forEach(child -> processes.add(child.pid())));
        long ticks = 0;
        for (long pid : processes) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException e) {
                // a process that ended between the listing and the read
            }
        }
        return ticks;
    }
}

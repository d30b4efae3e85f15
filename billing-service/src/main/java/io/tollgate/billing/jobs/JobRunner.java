package io.tollgate.billing.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a named job only if this replica wins the cluster lock (the {@code shedlock} table, database time), so
 * two billing instances never run the same job at once. Jobs are also safe to rerun; the lock avoids wasted work
 * and interleaved side effects such as duplicate notifications. Each run that got the lock is counted by job and
 * outcome ({@code tollgate_billing_job_runs_total}), for the "billing job failing" alert.
 */
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final LockProvider locks;
    private final Clock clock;
    private final Duration lockAtMostFor;
    private final MeterRegistry meters;

    public JobRunner(LockProvider locks, Clock clock, Duration lockAtMostFor, MeterRegistry meters) {
        this.locks = locks;
        this.clock = clock;
        this.lockAtMostFor = lockAtMostFor;
        this.meters = meters;
    }

    /** @return whether this call ran the job (false: another instance holds the lock) */
    public boolean run(String name, Runnable job) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), name, lockAtMostFor, Duration.ZERO));
        if (lock.isEmpty()) {
            log.debug("Job {} is running elsewhere; skipped", name);
            return false;
        }
        // both series exist from the first run on, so a first failure shows as an increase
        Counter succeeded = runs(name, "success");
        Counter failed = runs(name, "failure");
        try {
            job.run();
            succeeded.increment();
            return true;
        } catch (RuntimeException | Error e) {
            failed.increment();
            throw e;
        } finally {
            lock.get().unlock();
        }
    }

    private Counter runs(String job, String outcome) {
        return Counter.builder("tollgate.billing.job.runs").description("Billing job runs by outcome")
                .tags("job", job, "outcome", outcome).register(meters);
    }
}

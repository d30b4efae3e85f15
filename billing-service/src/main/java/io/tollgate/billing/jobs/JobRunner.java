package io.tollgate.billing.jobs;

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
 * and interleaved side effects such as duplicate notifications.
 */
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final LockProvider locks;
    private final Clock clock;
    private final Duration lockAtMostFor;

    public JobRunner(LockProvider locks, Clock clock, Duration lockAtMostFor) {
        this.locks = locks;
        this.clock = clock;
        this.lockAtMostFor = lockAtMostFor;
    }

    /** @return whether this call ran the job (false: another instance holds the lock) */
    public boolean run(String name, Runnable job) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), name, lockAtMostFor, Duration.ZERO));
        if (lock.isEmpty()) {
            log.debug("Job {} is running elsewhere; skipped", name);
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            lock.get().unlock();
        }
    }
}

package io.tollgate.gateway.metering;

import io.tollgate.gateway.server.SupervisedThread;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves usage events from the journal to PostgreSQL on its own supervised thread, a batch at a time, and acknowledges
 * each committed batch so the journal can delete what is behind it. While PostgreSQL cannot take them (unreachable,
 * out of disk, read-only during a failover, anything but a refusal of the events' own values) the events simply stay
 * in the journal (bounded by its disk budget, not by memory) and the worker retries every retry interval; only an
 * event whose values the database refuses is dropped, alone. On start it first replays whatever the last process left
 * unacknowledged: the inserts are idempotent, so an event committed just before a crash is not counted twice. It stops
 * after the web server, so a graceful shutdown drains every answered request's event; what PostgreSQL cannot take then
 * waits in the journal.
 */
@Component
public class MeteringWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeteringWorker.class);

    private final MeteringQueue queue;
    private final UsageBatchWriter writer;
    private final MeteringProperties properties;
    private final List<UsageListener> listeners;
    private final AtomicLong writtenEvents = new AtomicLong();
    private final AtomicLong droppedEvents = new AtomicLong();
    private volatile boolean running;
    private volatile boolean databaseReachable = true;
    private long nextAttemptNanos;
    private long nextForceNanos;
    private long nextProbeNanos;
    /** The last allocation of a journal segment failed (logged once until one works). */
    private boolean allocationFailing;
    private JournalLanes.Cursor position;
    private Thread thread;

    public MeteringWorker(MeteringQueue queue, UsageBatchWriter writer, MeteringProperties properties,
                          List<UsageListener> listeners) {
        this.queue = queue;
        this.writer = writer;
        this.properties = properties;
        this.listeners = listeners;
    }

    @Override
    public void start() {
        try {
            position = queue.journal().acknowledged();
            long recovered = count(position);
            queue.recovered(recovered);
            if (recovered > 0) {
                log.info("Replaying {} usage events the last run left in the journal at {}", recovered,
                        queue.journal().directory());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the usage journal", e);
        }
        running = true;
        thread = SupervisedThread.start("tollgate-metering", this::run);
        queue.attach(thread);
    }

    private long count(JournalLanes.Cursor from) throws IOException {
        long events = 0;
        JournalLanes.Cursor at = from;
        while (true) {
            var batch = queue.journal().read(at, properties.batchSize());
            if (batch.events().isEmpty()) {
                return events;
            }
            events += batch.events().size();
            at = batch.end();
        }
    }

    private void run() {
        while (running) {
            boolean full = cycle();
            prepareSegment();
            forceWhenDue();
            probeWhenDue();
            if (!full) {
                if (queue.accepting()) {
                    // returns at once with events waiting; a failing journal is probed on the timed waits instead
                    queue.awaitEvent();
                }
                if (running) {
                    LockSupport.parkNanos(properties.flushInterval().toNanos());
                }
            }
        }
        // the final drain: on while it makes progress (PostgreSQL down, the rest waits in the journal)
        long left = queue.depth();
        while (left > 0) {
            cycle();
            long now = queue.depth();
            if (now >= left) {
                break;
            }
            left = now;
        }
        nextForceNanos = System.nanoTime();
        forceWhenDue();
    }

    /** Writes one batch; whether a whole batch was written (so there may be more right away). */
    private boolean cycle() {
        if (!databaseReachable && System.nanoTime() - nextAttemptNanos < 0) {
            return false;
        }
        JournalLanes.Batch batch;
        try {
            batch = queue.journal().read(position, properties.batchSize());
        } catch (IOException e) {
            log.error("Cannot read the usage journal in {}", queue.journal().directory(), e);
            nextAttemptNanos = System.nanoTime() + properties.retryInterval().toNanos();
            databaseReachable = false;
            return false;
        }
        if (batch.events().isEmpty()) {
            position = batch.end();
            return false;
        }
        try {
            writtenEvents.addAndGet(writer.write(batch.events()));
        } catch (SQLException e) {
            if (!isRefusedContent(e)) {
                unavailable(e);
                return false;
            }
            if (!writeOneByOne(batch.events(), e)) {
                return false;
            }
        }
        if (!databaseReachable) {
            log.info("PostgreSQL is reachable again: writing the {} usage events journaled meanwhile", queue.depth());
        }
        databaseReachable = true;
        acknowledge(batch);
        return batch.events().size() == properties.batchSize();
    }

    private void acknowledge(JournalLanes.Batch batch) {
        position = batch.end();
        queue.written(batch.events().size());
        try {
            position = queue.journal().acknowledge(batch.end());
        } catch (IOException e) {
            // the next start replays a little more, which the idempotent insert absorbs
            log.warn("Cannot record the usage journal's acknowledged position: {}", e.getMessage());
        }
    }

    /** A batch PostgreSQL refuses for its content (not its availability): keep every event it accepts. */
    private boolean writeOneByOne(List<UsageEvent> batch, SQLException cause) {
        log.error("PostgreSQL refused a batch of {} usage events; writing them one by one", batch.size(), cause);
        for (UsageEvent event : batch) {
            try {
                writtenEvents.addAndGet(writer.write(List.of(event)));
            } catch (SQLException e) {
                if (!isRefusedContent(e)) {
                    unavailable(e);
                    return false;
                }
                droppedEvents.incrementAndGet();
                // the whole event, so that finance can book it by hand once the cause is known
                log.error("Dropping usage event {} ({}): {}", event, e.getSQLState(), e.getMessage());
                listeners.forEach(listener -> listener.dropped(event));
            }
        }
        return true;
    }

    /** Allocates the journal's next segment ahead of the appends that need it (a full disk shows up here first). */
    private void prepareSegment() {
        try {
            queue.journal().prepareNext();
            allocationFailing = false;
        } catch (IOException e) {
            if (!allocationFailing) {
                log.warn("Cannot allocate the next usage journal segment in {}: {}", queue.journal().directory(),
                        e.getMessage());
            }
            allocationFailing = true;
        }
    }

    private void forceWhenDue() {
        if (properties.fsyncInterval().isZero() || System.nanoTime() - nextForceNanos < 0) {
            return;
        }
        nextForceNanos = System.nanoTime() + properties.fsyncInterval().toNanos();
        try {
            queue.journal().force();
        } catch (IOException e) {
            log.warn("Cannot force the usage journal to disk: {}", e.getMessage());
        }
    }

    private void probeWhenDue() {
        if (queue.accepting() || System.nanoTime() - nextProbeNanos < 0) {
            return;
        }
        nextProbeNanos = System.nanoTime() + properties.retryInterval().toNanos();
        queue.probe();
    }

    /** PostgreSQL cannot take events now (gone, full, read-only, overloaded): they wait in the journal. */
    private void unavailable(SQLException e) {
        if (databaseReachable) {
            log.warn("PostgreSQL cannot take usage events now ({}), keeping them in the journal at {}: {}",
                    e.getSQLState(), queue.journal().directory(), e.getMessage());
        }
        databaseReachable = false;
        nextAttemptNanos = System.nanoTime() + properties.retryInterval().toNanos();
    }

    /**
     * The database refused what the events hold (a value, a constraint: SQL states of classes 22 and 23), which no
     * later attempt changes; anything else (its connection, disk, a read-only standby, a lock, a shutdown) passes.
     */
    static boolean isRefusedContent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    @Override
    public void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server has stopped (and every connection is closed), so every answered request is drained. */
    @Override
    public int getPhase() {
        return 0;
    }

    public boolean databaseReachable() {
        return databaseReachable;
    }

    public long writtenEvents() {
        return writtenEvents.get();
    }

    /** Events PostgreSQL refused for their values, never to be stored. */
    public long droppedEvents() {
        return droppedEvents.get();
    }
}

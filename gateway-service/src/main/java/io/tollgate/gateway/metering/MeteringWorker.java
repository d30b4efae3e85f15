package io.tollgate.gateway.metering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves usage events from the queue to PostgreSQL on its own thread, in batches. While PostgreSQL is unreachable,
 * batches go to the spool (and so do later ones, to keep the spooled ones first); every retry interval the spool
 * is replayed, and once it is empty batches go straight to PostgreSQL again. It stops after the web server, so a
 * graceful shutdown drains every request's event: to PostgreSQL, or to the spool for the next start.
 */
@Component
public class MeteringWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MeteringWorker.class);

    private final MeteringQueue queue;
    private final UsageBatchWriter writer;
    private final MeteringProperties properties;
    private final List<UsageListener> listeners;
    private final AtomicLong spooledEvents = new AtomicLong();
    private final AtomicLong writtenEvents = new AtomicLong();
    private volatile boolean running;
    private volatile boolean databaseReachable = true;
    private long nextReplayNanos;
    private UsageSpool spool;
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
        spool = UsageSpool.open(properties.spoolDirectory());
        try {
            spooledEvents.set(spool.read().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        running = true;
        thread = Thread.ofPlatform().name("tollgate-metering").start(this::run);
        queue.attach(thread);
    }

    private void run() {
        while (running) {
            cycle();
            if (queue.depth() < properties.batchSize()) {
                LockSupport.parkNanos(properties.flushInterval().toNanos());
            }
        }
        while (queue.depth() > 0) {
            persist(queue.drain(properties.batchSize()));
        }
        if (!spool.isEmpty()) {
            replay();
        }
    }

    private void cycle() {
        if (!spool.isEmpty() && System.nanoTime() - nextReplayNanos >= 0) {
            replay();
        }
        var batch = queue.drain(properties.batchSize());
        if (!batch.isEmpty()) {
            persist(batch);
        }
    }

    private void persist(List<UsageEvent> batch) {
        if (!spool.isEmpty()) {
            toSpool(batch);
            return;
        }
        try {
            writtenEvents.addAndGet(writer.write(batch));
            databaseReachable = true;
        } catch (SQLException e) {
            if (isConnectionFailure(e)) {
                unreachable(e);
                toSpool(batch);
            } else {
                writeOneByOne(batch, e);
            }
        }
    }

    private void replay() {
        try {
            List<UsageEvent> events = spool.read();
            for (int from = 0; from < events.size(); from += properties.batchSize()) {
                writtenEvents.addAndGet(writer.write(events.subList(from, Math.min(events.size(), from + properties.batchSize()))));
            }
            spool.clear();
            spooledEvents.set(0);
            databaseReachable = true;
            log.info("PostgreSQL is reachable again: replayed {} spooled usage events", events.size());
        } catch (SQLException e) {
            unreachable(e);
        } catch (IOException e) {
            log.error("Cannot read the usage spool in {}", spool.directory(), e);
            nextReplayNanos = System.nanoTime() + properties.retryInterval().toNanos();
        }
    }

    private void toSpool(List<UsageEvent> batch) {
        try {
            spool.append(batch);
            spooledEvents.addAndGet(batch.size());
        } catch (IOException e) {
            log.error("Cannot spool {} usage events to {}; they are lost", batch.size(), spool.directory(), e);
        }
    }

    /** A batch PostgreSQL refuses for its content (not its availability): keep every event it accepts. */
    private void writeOneByOne(List<UsageEvent> batch, SQLException cause) {
        log.error("PostgreSQL refused a batch of {} usage events; writing them one by one", batch.size(), cause);
        for (UsageEvent event : batch) {
            try {
                writtenEvents.addAndGet(writer.write(List.of(event)));
            } catch (SQLException e) {
                if (isConnectionFailure(e)) {
                    unreachable(e);
                    toSpool(List.of(event));
                } else {
                    log.error("Dropping usage event {}: {}", event.id(), e.getMessage());
                    listeners.forEach(listener -> listener.dropped(event));
                }
            }
        }
    }

    private void unreachable(SQLException e) {
        if (databaseReachable) {
            log.warn("PostgreSQL unreachable, spooling usage events to {}: {}", spool.directory(), e.getMessage());
        }
        databaseReachable = false;
        nextReplayNanos = System.nanoTime() + properties.retryInterval().toNanos();
    }

    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException
                || state == null || state.startsWith("08") || state.startsWith("57P");
    }

    @Override
    public void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            spool.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("Cannot release the usage spool lock", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server's graceful shutdown, so every finished request is drained. */
    @Override
    public int getPhase() {
        return 0;
    }

    public boolean databaseReachable() {
        return databaseReachable;
    }

    public long spooledEvents() {
        return spooledEvents.get();
    }

    public long spoolBytes() {
        return spool == null ? 0 : spool.sizeBytes();
    }

    public long writtenEvents() {
        return writtenEvents.get();
    }
}

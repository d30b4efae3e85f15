package io.tollgate.gateway.metering;

import io.tollgate.gateway.error.Rejection;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.netty.resources.LoopResources;

/**
 * Hands usage events from the request path to the metering worker through the usage journal (one lane per event loop,
 * {@link JournalLanes}): an event is on disk (in the page cache) before {@link #offer} returns, so an answered request
 * is metered even if the process dies the next moment. Memory holds no queue at all, whatever the backlog: the worker
 * reads the journal back in batches.
 * When the journal reaches its disk budget (a long database outage), or cannot be written, {@link #accepting()}
 * turns false and model requests are refused until the worker has made room.
 */
@Component
public class MeteringQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MeteringQueue.class);

    /** What a model request gets while the metering cannot take its event. */
    public static final Rejection FULL = Rejection.unavailable("metering_unavailable",
            "The gateway cannot record usage right now, so it serves no model requests; retry shortly.");

    private final JournalLanes journal;
    private final MeteringProperties properties;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean failing;
    private volatile @Nullable Thread worker;
    private volatile boolean workerIdle;

    public MeteringQueue(MeteringProperties properties) {
        this.properties = properties;
        int lanes = LoopResources.DEFAULT_IO_WORKER_COUNT;
        // the lanes share what one journal's segments would be: as much disk allocated ahead in all
        this.journal = JournalLanes.open(properties.spoolDirectory(),
                Math.max(MeteringProperties.SMALLEST_SEGMENT, properties.segmentBytes() / lanes),
                !properties.fsyncInterval().isZero(), lanes);
    }

    public void offer(UsageEvent event) {
        try {
            journal.append(event);
        } catch (IOException | RuntimeException e) {
            lost.incrementAndGet();
            if (!failing) {
                log.error("Cannot append usage events to the journal in {}; refusing model requests until it can",
                        journal.directory(), e);
            }
            // the whole event, so that finance can book it by hand: its request has been answered
            log.error("Lost usage event {}", event);
            failing = true;
            return;
        }
        // woken as the backlog reaches a batch, not for every event past it: the worker goes on without parking
        // while it writes whole batches, and an unpark per request was about 1% of the gateway's CPU
        long backlog = pending.incrementAndGet();
        if (backlog == properties.batchSize() || backlog == 1 && workerIdle) {
            wake();
        }
    }

    /**
     * The worker's wait when it has written everything: parked until the next event is offered (or it is unparked to
     * stop), so that an idle gateway's worker does not wake up five times a second for nothing.
     */
    void awaitEvent() {
        workerIdle = true;
        try {
            // after the flag is published: an offer either sees it and unparks, or is seen here
            if (pending.get() == 0) {
                LockSupport.park(this);
            }
        } finally {
            workerIdle = false;
        }
    }

    /**
     * Whether a new model request may be served: the journal is under its disk budget and appending to it works
     * (after a failed append, not until {@link #probe()} has written to its directory again).
     */
    public boolean accepting() {
        return !failing && journal.sizeBytes() < properties.spoolMaxBytes().toBytes();
    }

    /** After a failed append: whether the journal's directory takes writes again (then requests are served again). */
    void probe() {
        if (!failing) {
            return;
        }
        try {
            journal.probe();
            log.info("The usage journal in {} takes writes again", journal.directory());
            failing = false;
        } catch (IOException e) {
            // still failing; the worker tries again after its retry interval
        }
    }

    /** Events in the journal that PostgreSQL does not hold yet. */
    public long depth() {
        return pending.get();
    }

    /** Bytes the journal takes on disk. */
    public long journalBytes() {
        return journal.sizeBytes();
    }

    /** Events that could not be journaled (the disk failed) and are lost. */
    public long lostEvents() {
        return lost.get();
    }

    JournalLanes journal() {
        return journal;
    }

    /** At the worker's start: the events the journal holds beyond the acknowledged position. */
    void recovered(long events) {
        pending.set(events);
    }

    void written(long events) {
        pending.addAndGet(-events);
    }

    void attach(Thread worker) {
        this.worker = worker;
    }

    void wake() {
        Thread current = worker;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}

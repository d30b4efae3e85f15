package io.tollgate.gateway.metering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Hands usage events from the request path to the metering worker without ever blocking: a lock-free queue, and
 * the worker is woken once a batch is full.
 */
@Component
public class MeteringQueue {

    private final ConcurrentLinkedQueue<UsageEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger depth = new AtomicInteger();
    private final int batchSize;
    private volatile @Nullable Thread worker;

    public MeteringQueue(MeteringProperties properties) {
        this.batchSize = properties.batchSize();
    }

    public void offer(UsageEvent event) {
        events.add(event);
        if (depth.incrementAndGet() >= batchSize) {
            wake();
        }
    }

    List<UsageEvent> drain(int max) {
        List<UsageEvent> batch = new ArrayList<>(Math.min(max, depth.get()));
        UsageEvent event;
        while (batch.size() < max && (event = events.poll()) != null) {
            batch.add(event);
            depth.decrementAndGet();
        }
        return batch;
    }

    public int depth() {
        return depth.get();
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
}

package io.tollgate.gateway.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Work that loops on a supervised thread of its own (see {@link SupervisedThread}) from the application's start to its
 * stop: {@link #run} loops while {@link #isRunning()}; a stop interrupts the thread's sleep or wait.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private final String threadName;
    private volatile boolean running;
    private volatile @Nullable Thread thread;

    protected BackgroundLoop(String threadName) {
        this.threadName = threadName;
    }

    /** The loop: returns when {@link #isRunning()} turns false or the thread is interrupted. */
    protected abstract void run();

    @Override
    public void start() {
        running = true;
        thread = SupervisedThread.start(threadName, this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** From any thread: ends the loop thread's {@link LockSupport#parkNanos park} now, or its next one at once. */
    protected final void wake() {
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /** Waits, at most {@code limit}, for the loop's thread to end after {@link #stop()}. */
    protected final void awaitEnd(Duration limit) throws InterruptedException {
        if (thread != null) {
            thread.join(limit);
        }
    }
}

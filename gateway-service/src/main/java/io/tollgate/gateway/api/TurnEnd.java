package io.tollgate.gateway.api;

import io.netty.util.concurrent.EventExecutor;

/**
 * An action run once at the end of the event loop's turn, however often it is asked for during it: the loop's next
 * task, once the reads of this turn have been handled. A provider's read often holds many stream events, and writing
 * and flushing each on its own costs a chunk and a system call each. Touched on the event loop only.
 */
final class TurnEnd implements Runnable {

    private final EventExecutor loop;
    private final Runnable action;
    private boolean scheduled;

    TurnEnd(EventExecutor loop, Runnable action) {
        this.loop = loop;
        this.action = action;
    }

    /** The action runs at the end of this turn of the loop. */
    void request() {
        if (!scheduled) {
            scheduled = true;
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled = false;
        action.run();
    }
}

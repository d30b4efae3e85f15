package io.tollgate.gateway.support;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once per test JVM: any blocking call on a Reactor Netty event loop or a Reactor
 * non-blocking scheduler fails the request that made it, so the gateway's tests prove the request path never blocks.
 */
public final class BlockHoundSupport {

    private static boolean installed;

    private BlockHoundSupport() {
    }

    public static synchronized void install() {
        if (!installed) {
            // install(...) also loads the integrations on the class path (Reactor's, Netty's), which mark their
            // threads as non-blocking; a bare builder() would watch no thread at all
            BlockHound.install(builder -> builder
                    // class loading reads jars once per class; it is not request-path I/O
                    .allowBlockingCallsInside("java.lang.ClassLoader", "loadClass")
                    // the access log's hand-off to its writer thread: the queue's offer never waits for room, but
                    // holds a lock for a few instructions, contended when two event loops end requests at once or
                    // the writer drains the queue
                    .allowBlockingCallsInside("io.tollgate.gateway.observability.BatchedConsoleAppender", "append"));
            installed = true;
        }
    }
}

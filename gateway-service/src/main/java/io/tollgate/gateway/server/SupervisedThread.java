package io.tollgate.gateway.server;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that outlives the failures of its work: when the work throws, it is logged and started again
 * after a pause, until the work returns (its owner stopped it) or the thread is interrupted. A
 * {@link VirtualMachineError} (out of memory, a stack overflow, an internal error) is not survivable: the process
 * exits at once, so an orchestrator restarts it rather than leaving a gateway that answers without its metering,
 * configuration or budget threads. The usage journal makes an abrupt exit lose no answered request.
 */
public final class SupervisedThread {

    private static final Logger log = LoggerFactory.getLogger(SupervisedThread.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    /** The status the JVM's own -XX:+ExitOnOutOfMemoryError exits with. */
    private static final int FATAL_STATUS = 3;

    private SupervisedThread() {
    }

    /** Starts {@code work} on a new platform thread, supervised. */
    public static Thread start(String name, Runnable work) {
        return start(name, work, PAUSE, fatal -> Runtime.getRuntime().halt(FATAL_STATUS));
    }

    static Thread start(String name, Runnable work, Duration pause, Consumer<VirtualMachineError> exit) {
        return Thread.ofPlatform().name(name).daemon().start(() -> supervise(name, work, pause, exit));
    }

    private static void supervise(String name, Runnable work, Duration pause, Consumer<VirtualMachineError> exit) {
        while (true) {
            try {
                work.run();
                return;
            } catch (VirtualMachineError fatal) {
                try {
                    log.error("{} failed with {}; exiting the process", name, fatal.getClass().getName(), fatal);
                } finally {
                    exit.accept(fatal);
                }
                return;
            } catch (Throwable failure) {
                log.error("{} failed; restarting it in {} ms", name, pause.toMillis(), failure);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }
}

package io.tollgate.gateway.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Writes a logger's lines (the access log's) to standard output from a thread of its own, all the lines of a few
 * milliseconds in one write. A request only puts its line in a bounded queue; the writer looks at the queue every
 * {@link #PAUSE} while lines keep coming, and sleeps when a look finds none, to be woken by the next line. Logback's
 * AsyncAppender woke its worker for every line, and its console appender wrote each line on its own: two thread
 * hand-offs and a system call per request, about a sixth of a busy gateway's CPU per request on two cores
 * (docs/benchmarks.md). When the queue is full a line is dropped, never waited for.
 */
public class BatchedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final Duration PAUSE = Duration.ofMillis(20);
    static final String WRITER = "access-log-writer";

    private final PrintStream out;
    private int queueSize = 8192;
    private @Nullable BlockingQueue<String> queue;
    private @Nullable Thread writer;
    /** The writer found nothing to write and sleeps until a line comes. */
    private final AtomicBoolean asleep = new AtomicBoolean();

    public BatchedConsoleAppender() {
        this(System.out);
    }

    BatchedConsoleAppender(PrintStream out) {
        this.out = out;
    }

    /** Lines held at most between two writes; beyond them a line is dropped. */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    @Override
    public void start() {
        queue = new ArrayBlockingQueue<>(queueSize);
        super.start();
        writer = Thread.ofPlatform().name(WRITER).daemon().start(this::writeUntilStopped);
    }

    @Override
    protected void append(ILoggingEvent event) {
        queue.offer(event.getFormattedMessage());
        if (asleep.get() && asleep.compareAndSet(true, false)) {
            LockSupport.unpark(writer);
        }
    }

    /** Lines waiting for the next write. */
    int queued() {
        var waiting = queue;
        return waiting == null ? 0 : waiting.size();
    }

    private void writeUntilStopped() {
        var lines = new ArrayList<String>();
        var batch = new ByteArrayOutputStream(64 * 1024);
        while (isStarted()) {
            LockSupport.parkNanos(PAUSE.toNanos());
            if (!writeQueued(lines, batch)) {
                asleep.set(true);
                // a line queued before the flag was up is seen here; one queued after it wakes this thread
                if (queue.isEmpty() && isStarted()) {
                    LockSupport.park(this);
                }
                asleep.set(false);
            }
        }
        writeQueued(lines, batch);
    }

    /** Whether there was anything to write. */
    private boolean writeQueued(List<String> lines, ByteArrayOutputStream batch) {
        queue.drainTo(lines);
        if (lines.isEmpty()) {
            return false;
        }
        for (String line : lines) {
            batch.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            batch.write('\n');
        }
        lines.clear();
        write(batch);
        return true;
    }

    private void write(ByteArrayOutputStream batch) {
        try {
            batch.writeTo(out);
            out.flush();
        } catch (IOException e) {
            addError("Cannot write the access log", e);
        } finally {
            batch.reset();
        }
    }

    /** Writes what is queued, then returns. */
    @Override
    public void stop() {
        super.stop();
        var thread = writer;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(PAUSE.toMillis() * 10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

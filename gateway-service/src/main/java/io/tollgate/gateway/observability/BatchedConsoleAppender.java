package io.tollgate.gateway.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Writes a logger's lines (the access log's) to standard output from a thread of its own, all the lines of a few
 * milliseconds in one write. A request only puts its line in a bounded queue and never wakes the writer, which looks
 * at the queue every {@link #PAUSE}. Logback's AsyncAppender woke its worker for every line, and its console appender
 * wrote each line on its own: two thread hand-offs and a system call per request, about a sixth of a busy gateway's
 * CPU per request on two cores (docs/benchmarks.md). When the queue is full a line is dropped, never waited for.
 */
public class BatchedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final Duration PAUSE = Duration.ofMillis(20);
    static final String WRITER = "access-log-writer";

    private final PrintStream out;
    private int queueSize = 8192;
    private @Nullable BlockingQueue<String> queue;
    private @Nullable Thread writer;

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
            writeQueued(lines, batch);
        }
        writeQueued(lines, batch);
    }

    private void writeQueued(List<String> lines, ByteArrayOutputStream batch) {
        queue.drainTo(lines);
        if (lines.isEmpty()) {
            return;
        }
        for (String line : lines) {
            batch.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            batch.write('\n');
        }
        lines.clear();
        write(batch);
    }

    private void write(ByteArrayOutputStream batch) {
        try {
            batch.writeTo(out);
            out.flush();
        } catch (java.io.IOException e) {
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

package io.tollgate.gateway.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
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
        var batch = new Batch(out);
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
    private boolean writeQueued(List<String> lines, Batch batch) {
        queue.drainTo(lines);
        if (lines.isEmpty()) {
            return false;
        }
        for (String line : lines) {
            batch.add(line);
        }
        lines.clear();
        batch.flush();
        return true;
    }

    /**
     * Lines encoded as UTF-8 into one buffer, kept from write to write (a byte array per line was a third of a
     * kilobyte per request), and written to the stream when it is full and at the end of a batch.
     */
    private static final class Batch {

        private static final int KEPT_CHARS = 16 * 1024;

        private final PrintStream out;
        private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        /** A line's characters, copied: the encoder's fast path needs an array (a wrapped string is read char by char). */
        private CharBuffer chars = CharBuffer.allocate(1024);
        private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);

        Batch(PrintStream out) {
            this.out = out;
        }

        void add(String line) {
            if (line.length() > chars.capacity() || chars.capacity() > KEPT_CHARS) {
                chars = CharBuffer.allocate(Math.max(line.length(), 1024));
            }
            line.getChars(0, line.length(), chars.array(), 0);
            chars.clear().limit(line.length());
            utf8.reset();
            while (utf8.encode(chars, bytes, true).isOverflow()) {
                write();
            }
            while (utf8.flush(bytes).isOverflow()) {
                write();
            }
            if (!bytes.hasRemaining()) {
                write();
            }
            bytes.put((byte) '\n');
        }

        /** Writes what is buffered (a print stream keeps its errors to itself, as logback's console appender). */
        void flush() {
            write();
            out.flush();
        }

        private void write() {
            out.write(bytes.array(), 0, bytes.position());
            bytes.clear();
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

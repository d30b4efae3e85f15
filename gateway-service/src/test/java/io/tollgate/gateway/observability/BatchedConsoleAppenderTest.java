package io.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class BatchedConsoleAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final AtomicInteger writes = new AtomicInteger();
    /** Counted down when a write starts. */
    private final CountDownLatch writing = new CountDownLatch(1);
    /** Writes wait for it: open, but for the test that needs a stuck writer. */
    private volatile CountDownLatch stuck = new CountDownLatch(0);

    @Test
    void lines_come_out_whole_in_order_and_many_to_a_write() {
        var appender = appender(8192);
        IntStream.range(0, 1000).forEach(i -> appender.doAppend(event("{\"n\":" + i + ",\"text\":\"é\"}")));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines().length == 1000);
        appender.stop();

        assertThat(lines()).containsExactly(IntStream.range(0, 1000).mapToObj(i -> "{\"n\":" + i + ",\"text\":\"é\"}")
                .toArray(String[]::new));
        assertThat(writes.get()).as("writes for 1000 lines").isLessThan(100);
    }

    @Test
    void lines_longer_than_the_writers_buffer_come_out_whole() {
        var appender = appender(8192);
        // 200,000 bytes of two-byte characters, three times the writer's buffer of 64 KiB, then a line of its size
        String wide = "é".repeat(100_000);
        String filling = "x".repeat(64 * 1024);

        appender.doAppend(event("before"));
        appender.doAppend(event(wide));
        appender.doAppend(event(filling));
        appender.doAppend(event("after"));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines().length == 4);
        appender.stop();
        assertThat(lines()).containsExactly("before", wide, filling, "after");
    }

    @Test
    void a_writer_asleep_after_a_quiet_spell_is_woken_by_the_next_line() throws Exception {
        var appender = appender(8192);
        appender.doAppend(event("first"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines().length == 1);
        Thread.sleep(BatchedConsoleAppender.PAUSE.toMillis() * 5);

        appender.doAppend(event("after a pause"));

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines().length == 2);
        assertThat(lines()).containsExactly("first", "after a pause");
        appender.stop();
    }

    @Test
    void a_full_queue_drops_lines_rather_than_waiting_and_a_stop_writes_what_is_queued() throws Exception {
        stuck = new CountDownLatch(1);
        var appender = appender(10);
        appender.doAppend(event("line 0"));
        assertThat(writing.await(5, TimeUnit.SECONDS)).as("the writer is stuck in its first write").isTrue();

        // with the writer stuck, a request that waited for room in the queue would never return
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> IntStream.range(1, 50).forEach(i -> appender.doAppend(event("line " + i))));
        stuck.countDown();
        appender.stop();

        assertThat(lines()).hasSize(11).startsWith("line 0", "line 1").endsWith("line 10");
    }

    private BatchedConsoleAppender appender(int queueSize) {
        var out = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writing.countDown();
                try {
                    stuck.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                writes.incrementAndGet();
                written.write(bytes, offset, length);
            }
        }, false, StandardCharsets.UTF_8);
        var appender = new BatchedConsoleAppender(out);
        appender.setContext(context);
        appender.setQueueSize(queueSize);
        appender.start();
        return appender;
    }

    private LoggingEvent event(String message) {
        var event = new LoggingEvent();
        event.setLoggerContext(context);
        event.setLevel(Level.INFO);
        event.setMessage(message);
        return event;
    }

    private synchronized String[] lines() {
        String text = written.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? new String[0] : text.split("\n");
    }
}

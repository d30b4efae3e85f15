package io.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class BatchedConsoleAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final AtomicInteger writes = new AtomicInteger();

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
    void a_full_queue_drops_lines_rather_than_waiting_and_a_stop_writes_what_is_queued() {
        var appender = appender(10);
        long start = System.nanoTime();
        IntStream.range(0, 50).forEach(i -> appender.doAppend(event("line " + i)));
        long appendMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        appender.stop();

        assertThat(appendMillis).as("appending never waits for the writer").isLessThan(BatchedConsoleAppender.PAUSE.toMillis() * 5);
        assertThat(lines()).hasSizeBetween(10, 49).startsWith("line 0", "line 1");
    }

    private BatchedConsoleAppender appender(int queueSize) {
        var out = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
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

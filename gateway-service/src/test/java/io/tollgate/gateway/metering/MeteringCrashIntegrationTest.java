package io.tollgate.gateway.metering;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.Seeder;
import io.tollgate.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The metering survives its process: events journaled by a process that died before writing them, or after writing
 * them but before acknowledging, reach PostgreSQL exactly once when the next process starts on the same directory.
 */
class MeteringCrashIntegrationTest {

    private static final DataSource DATABASE = TestPostgres.instance().shared().dataSource();
    private static final Seeder SEEDER = new Seeder(DATABASE);

    @TempDir
    Path spool;

    private final AtomicLong booked = new AtomicLong();
    private final UsageListener bookkeeper = new UsageListener() {
        @Override
        public void inserted(Connection connection, List<UsageEvent> inserted) {
            booked.addAndGet(inserted.size());
        }
    };

    @Test
    void events_of_a_crashed_process_reach_postgresql_exactly_once_on_the_next_start() throws Exception {
        Key key = key();
        var first = new Run(List.of(bookkeeper));
        first.start();
        offer(first.queue, key, 250);
        await(() -> count(key) == 250, Duration.ofSeconds(15), "the first 250 events");
        first.worker.stop();
        first.queue.close();
        // a crash between a batch's commit and its acknowledgement: the next run reads that batch again
        Files.delete(spool.resolve("journal.ack"));

        var second = new Run(List.of(bookkeeper));
        offer(second.queue, key, 300);
        // killed before its worker ever ran: 300 answered requests exist only in the journal
        second.queue.close();

        var third = new Run(List.of(bookkeeper));
        third.start();
        await(() -> count(key) == 550 && third.queue.depth() == 0, Duration.ofSeconds(15), "every event");
        third.worker.stop();
        third.queue.close();

        assertThat(count(key)).isEqualTo(550);
        assertThat(distinctIds(key)).isEqualTo(550);
        assertThat(booked.get()).as("events booked (budget spend) once each").isEqualTo(550);
    }

    @Test
    void a_metering_thread_that_fails_unexpectedly_is_restarted_and_loses_nothing() throws Exception {
        Key key = key();
        var failures = new AtomicInteger();
        UsageListener failingOnce = new UsageListener() {
            @Override
            public void inserted(Connection connection, List<UsageEvent> inserted) {
                if (failures.getAndIncrement() == 0) {
                    throw new IllegalStateException("a bug in a listener");
                }
            }
        };
        var run = new Run(List.of(failingOnce));
        run.start();
        offer(run.queue, key, 40);

        await(() -> count(key) == 40, Duration.ofSeconds(15), "the events after the thread's restart");
        run.worker.stop();
        run.queue.close();
        assertThat(failures.get()).isGreaterThan(1);
    }

    /** One gateway process's metering, on the test's spool directory. */
    private final class Run {
        final MeteringQueue queue;
        final MeteringWorker worker;

        Run(List<UsageListener> listeners) {
            var properties = new MeteringProperties(100, Duration.ofMillis(20), spool, DataSize.ofMegabytes(16),
                    Duration.ofMillis(100), Duration.ofMillis(200), 0);
            queue = new MeteringQueue(properties);
            worker = new MeteringWorker(queue, new UsageBatchWriter(DATABASE, Clock.systemUTC(), listeners),
                    properties, listeners);
        }

        void start() {
            worker.start();
        }
    }

    private record Key(UUID tenant, UUID app, UUID key) {
    }

    private static Key key() {
        UUID tenant = SEEDER.tenant();
        UUID app = SEEDER.app(tenant);
        return new Key(tenant, app, SEEDER.key(tenant, app, null).id());
    }

    private static void offer(MeteringQueue queue, Key key, int events) {
        Instant now = Instant.now();
        for (int i = 0; i < events; i++) {
            queue.offer(new UsageEvent(EventIds.next(now), now, key.tenant(), key.app(), key.key(), "CHAT", "mock-gpt",
                    null, null, null, null, null, 10, 20, 0, 0, false, BigDecimal.ZERO, 5, null, 200, null, false, ""));
        }
    }

    private static int count(Key key) {
        return SEEDER.jdbc().sql("select count(*) from usage_events where api_key_id = ?").param(key.key())
                .query(Integer.class).single();
    }

    private static int distinctIds(Key key) {
        return SEEDER.jdbc().sql("select count(distinct id) from usage_events where api_key_id = ?").param(key.key())
                .query(Integer.class).single();
    }
}

package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class MeteringQueueTest {

    private static final int BATCH = 10;

    @TempDir
    Path spool;

    @Test
    void the_worker_is_woken_each_time_the_backlog_reaches_a_whole_batch() throws Exception {
        try (var queue = new MeteringQueue(properties())) {
            var parked = new CountDownLatch(1);
            var woken = new CountDownLatch(1);
            var parkedAgain = new CountDownLatch(1);
            var wokenAgain = new CountDownLatch(1);
            var worker = Thread.ofPlatform().daemon().start(() -> {
                parked.countDown();
                LockSupport.park(this);
                woken.countDown();
                parkedAgain.countDown();
                LockSupport.park(this);
                wokenAgain.countDown();
            });
            queue.attach(worker);
            assertThat(parked.await(5, TimeUnit.SECONDS)).isTrue();

            offer(queue, BATCH);
            assertThat(woken.await(5, TimeUnit.SECONDS)).as("woken by the first batch").isTrue();
            assertThat(parkedAgain.await(5, TimeUnit.SECONDS)).isTrue();
            queue.written(BATCH);
            offer(queue, BATCH);

            assertThat(wokenAgain.await(5, TimeUnit.SECONDS)).as("woken by the next batch").isTrue();
            assertThat(queue.depth()).isEqualTo(BATCH);
        }
    }

    @Test
    void an_idle_worker_waits_for_the_first_event_and_not_at_all_while_events_wait() throws Exception {
        try (var queue = new MeteringQueue(properties())) {
            var waiting = new CountDownLatch(1);
            var woken = new CountDownLatch(1);
            var worker = Thread.ofPlatform().daemon().start(() -> {
                waiting.countDown();
                queue.awaitEvent();
                woken.countDown();
            });
            queue.attach(worker);
            assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(woken.await(200, TimeUnit.MILLISECONDS)).as("nothing offered yet").isFalse();

            offer(queue, 1);

            assertThat(woken.await(5, TimeUnit.SECONDS)).as("woken by the first event").isTrue();
            var returned = new CountDownLatch(1);
            queue.attach(Thread.ofPlatform().daemon().start(() -> {
                queue.awaitEvent();
                returned.countDown();
            }));
            assertThat(returned.await(5, TimeUnit.SECONDS)).as("an event waits: no wait").isTrue();
        }
    }

    /** A flush interval far longer than the test: only a wake-up can end the worker's wait. */
    private MeteringProperties properties() {
        return new MeteringProperties(BATCH, Duration.ofHours(1), spool, DataSize.ofMegabytes(16), Duration.ZERO,
                Duration.ofSeconds(1), 0);
    }

    private static void offer(MeteringQueue queue, int events) {
        for (int n = 0; n < events; n++) {
            queue.offer(UsageJournalTest.event(n));
        }
    }
}

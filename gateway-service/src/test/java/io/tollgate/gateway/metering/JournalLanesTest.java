package io.tollgate.gateway.metering;

import static io.tollgate.gateway.metering.UsageJournalTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.FastThreadLocalThread;
import io.tollgate.gateway.support.BlockHoundSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalLanesTest {

    private static final long SEGMENT_BYTES = 64 << 10;

    @TempDir
    Path directory;

    /** An append on an event loop (a FastThreadLocalThread, as BlockHound's Netty integration sees it) must not block. */
    @BeforeAll
    static void watchEventLoops() {
        BlockHoundSupport.install();
    }

    @Test
    void each_appending_thread_has_a_lane_of_its_own_and_reading_takes_every_event_once_in_each_threads_order()
            throws Exception {
        int threads = 3;
        int perThread = 500;
        try (var lanes = JournalLanes.open(directory, SEGMENT_BYTES, false, threads);
             var pool = Executors.newFixedThreadPool(threads)) {
            var together = new CyclicBarrier(threads);
            List<Future<?>> appends = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appends.add(pool.submit(() -> {
                    together.await();
                    for (int i = 0; i < perThread; i++) {
                        lanes.append(event(thread * perThread + i));
                    }
                    return null;
                }));
            }
            for (var append : appends) {
                append.get();
            }

            assertThat(segmentsIn(directory)).as("the first lane: the directory itself").isNotEmpty();
            assertThat(segmentsIn(directory.resolve("lane-1"))).isNotEmpty();
            assertThat(segmentsIn(directory.resolve("lane-2"))).isNotEmpty();
            var read = readAll(lanes, 70);
            assertThat(read).hasSize(threads * perThread);
            for (int t = 0; t < threads; t++) {
                int thread = t;
                assertThat(read.stream().filter(n -> n / perThread == thread).toList()).as("thread %d's events", t)
                        .isEqualTo(IntStream.range(thread * perThread, (thread + 1) * perThread).boxed().toList());
            }
        }
        try (var reopened = JournalLanes.open(directory, SEGMENT_BYTES, false, threads)) {
            assertThat(reopened.read(reopened.acknowledged(), 100).events()).as("all acknowledged").isEmpty();
        }
    }

    @Test
    void a_journal_from_before_the_lanes_and_lanes_beyond_this_runs_count_are_replayed() throws IOException {
        try (var withoutLanes = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            withoutLanes.append(event(1));
            withoutLanes.append(event(2));
        }
        try (var moreLanes = UsageJournal.open(directory.resolve("lane-5"), SEGMENT_BYTES, false)) {
            moreLanes.append(event(3));
        }

        try (var lanes = JournalLanes.open(directory, SEGMENT_BYTES, false, 2)) {
            assertThat(lanes.count()).as("lanes 0 and 1, and 2 to 5 to drain").isEqualTo(6);
            lanes.append(event(4));

            assertThat(readAll(lanes, 100)).containsExactlyInAnyOrder(1, 2, 3, 4);
        }
    }

    @Test
    void each_lane_resumes_after_what_was_acknowledged_of_it() throws IOException {
        try (var lanes = JournalLanes.open(directory, SEGMENT_BYTES, false, 2)) {
            var other = Executors.newSingleThreadExecutor();
            try {
                for (int i = 0; i < 4; i++) {
                    lanes.append(event(i));
                    int n = 10 + i;
                    other.submit(() -> {
                        lanes.append(event(n));
                        return null;
                    }).get();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                other.shutdown();
            }
            lanes.acknowledge(lanes.read(lanes.acknowledged(), 3).end());
        }
        try (var lanes = JournalLanes.open(directory, SEGMENT_BYTES, false, 2)) {
            var rest = readAll(lanes, 100);

            assertThat(rest).as("the first read took the first lane's 0, 1 and 2; the second lane's are all left")
                    .containsExactlyInAnyOrder(3, 10, 11, 12, 13);
        }
    }

    @Test
    void event_loops_have_lanes_of_their_own_whatever_other_thread_appended_before_them() throws Exception {
        try (var lanes = JournalLanes.open(directory, SEGMENT_BYTES, false, 2)) {
            appendOn(Thread::new, lanes, event(1));
            appendOn(FastThreadLocalThread::new, lanes, event(2));
            appendOn(FastThreadLocalThread::new, lanes, event(3));
        }
        try (var second = UsageJournal.open(directory.resolve("lane-1"), SEGMENT_BYTES, false)) {
            assertThat(second.read(second.acknowledged(), 100).events()).extracting(UsageEvent::promptTokens)
                    .as("the second event loop's lane: its events alone").containsExactly(3);
        }
    }

    /** Appends on a new thread of the kind given (the event is made here: its random ids may read /dev/urandom). */
    private static void appendOn(Function<Runnable, Thread> kind, JournalLanes lanes, UsageEvent event) throws Exception {
        var failure = new AtomicReference<Throwable>();
        var thread = kind.apply(() -> {
            try {
                lanes.append(event);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        assertThat(failure.get()).as("the append on %s", thread.getClass().getSimpleName()).isNull();
    }

    /** Reads and acknowledges everything, {@code max} at a time; the events' numbers (their prompt tokens). */
    private static List<Integer> readAll(JournalLanes lanes, int max) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        var at = lanes.acknowledged();
        while (true) {
            var batch = lanes.read(at, max);
            assertThat(batch.events()).hasSizeLessThanOrEqualTo(max);
            if (batch.events().isEmpty()) {
                return numbers;
            }
            batch.events().forEach(event -> numbers.add(event.promptTokens()));
            at = lanes.acknowledge(batch.end());
        }
    }

    private static List<Path> segmentsIn(Path lane) throws IOException {
        try (Stream<Path> files = Files.list(lane)) {
            return files.filter(f -> f.toString().endsWith(".journal")).toList();
        }
    }
}

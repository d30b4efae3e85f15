package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class UsageJournalTest {

    private static final long SEGMENT_BYTES = 64 << 10;

    @TempDir
    Path directory;

    @Test
    void an_event_reads_back_exactly_as_it_was_appended() throws IOException {
        var full = new UsageEvent(UUID.randomUUID(), Instant.parse("2026-12-03T23:59:59.123456789Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "CHAT", "gpt-4o", "gpt-4o-mini", UUID.randomUUID(),
                UUID.randomUUID(), "gpt-4o-mini-2024", UUID.randomUUID(), 12, 34, 5, 6, true,
                new BigDecimal("0.000012345"), 250, 40, 200, null, true, "team=ä,env=prod");
        var sparse = new UsageEvent(UUID.randomUUID(), Instant.EPOCH, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "EMBEDDINGS", "", null, null, null, null, null, 0, 0, 0, 0, false,
                BigDecimal.ZERO, 0, null, 401, "invalid_api_key", false, "");
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            journal.append(full);
            journal.append(sparse);
            var batch = journal.read(journal.acknowledged(), 10);

            assertThat(batch.events()).containsExactly(full, sparse);
        }
    }

    @Test
    void reading_streams_batches_across_segments_and_acknowledging_deletes_what_is_behind() throws IOException {
        List<UsageEvent> appended = new ArrayList<>();
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            for (int i = 0; i < 1000; i++) {
                var event = event(i);
                journal.append(event);
                appended.add(event);
            }
            assertThat(segments()).as("~250 KB in 64 KiB segments").hasSizeGreaterThanOrEqualTo(4);
            List<UsageEvent> read = new ArrayList<>();
            var position = journal.acknowledged();
            while (true) {
                var batch = journal.read(position, 100);
                assertThat(batch.events()).hasSizeLessThanOrEqualTo(100);
                if (batch.events().isEmpty()) {
                    break;
                }
                read.addAll(batch.events());
                position = journal.acknowledge(batch.end());
            }

            assertThat(read).isEqualTo(appended);
            assertThat(segments()).as("only the segment being written is left").hasSize(1);
            assertThat(journal.sizeBytes()).as("a written segment less than half full is kept").isLessThan(SEGMENT_BYTES / 2);
        }
    }

    @Test
    void a_new_journal_on_the_directory_resumes_after_the_acknowledged_events() throws IOException {
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            for (int i = 0; i < 10; i++) {
                journal.append(event(i));
            }
            journal.acknowledge(journal.read(journal.acknowledged(), 4).end());
        }
        // the process is gone: nothing was flushed or closed in any particular order
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            journal.append(event(10));
            var batch = journal.read(journal.acknowledged(), 100);

            assertThat(batch.events()).extracting(UsageEvent::promptTokens)
                    .containsExactly(4, 5, 6, 7, 8, 9, 10);
        }
    }

    @Test
    void a_record_torn_by_a_crash_is_skipped_and_the_next_run_writes_a_new_segment() throws IOException {
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            journal.append(event(0));
            journal.append(event(1));
        }
        Path segment = segments().getFirst();
        long size = Files.size(segment);
        try (var channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 10);
        }
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            journal.append(event(2));
            var batch = journal.read(journal.acknowledged(), 100);

            assertThat(batch.events()).extracting(UsageEvent::promptTokens).containsExactly(0, 2);
        }
    }

    @Test
    @Timeout(10)
    void a_segment_that_ends_in_a_few_bytes_of_a_torn_header_is_read_to_its_last_whole_record() throws IOException {
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            journal.append(event(0));
            journal.append(event(1));
        }
        Path segment = segments().getFirst();
        try (var channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.truncate(UsageEventCodec.encode(event(0), ByteBuffer.allocate(0)).limit() + 5L);
        }
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            assertThat(journal.read(journal.acknowledged(), 100).events()).extracting(UsageEvent::promptTokens)
                    .containsExactly(0);
        }
    }

    @Test
    void a_corrupted_record_is_not_read_as_an_event() throws IOException {
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            journal.append(event(0));
            journal.append(event(1));
        }
        Path segment = segments().getFirst();
        long size = Files.size(segment);
        try (var channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {42}), size - 3);
        }
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            assertThat(journal.read(journal.acknowledged(), 100).events()).extracting(UsageEvent::promptTokens)
                    .containsExactly(0);
        }
    }

    @Test
    void appends_from_many_threads_while_segments_roll_ahead_read_back_once_each_in_each_threads_order()
            throws Exception {
        int threads = 4;
        int perThread = 2_000;
        Map<Integer, List<Integer>> read = new HashMap<>();
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false);
             var pool = Executors.newFixedThreadPool(threads)) {
            var appends = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appends.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        journal.append(event(thread * perThread + i));
                    }
                    return null;
                }));
            }
            // the worker's part meanwhile: allocate ahead, read, acknowledge
            var position = journal.acknowledged();
            int total = 0;
            while (total < threads * perThread) {
                boolean appended = appends.stream().allMatch(Future::isDone);
                journal.prepareNext();
                var batch = journal.read(position, 100);
                if (batch.events().isEmpty() && appended) {
                    for (var append : appends) {
                        append.get();
                    }
                    fail("Every event was appended, but only " + total + " were read");
                }
                for (var event : batch.events()) {
                    read.computeIfAbsent(event.promptTokens() / perThread, k -> new ArrayList<>()).add(event.promptTokens());
                }
                total += batch.events().size();
                position = journal.acknowledge(batch.end());
            }
            assertThat(journal.read(position, 100).events()).isEmpty();
            assertThat(segments()).as("segments behind the acknowledged position deleted").hasSizeLessThanOrEqualTo(2);
        }
        assertThat(read).hasSize(threads);
        read.forEach((thread, events) -> assertThat(events)
                .isEqualTo(IntStream.range(thread * perThread, (thread + 1) * perThread).boxed().toList()));
    }

    @Test
    void a_segment_allocated_ahead_is_the_next_one_written() throws IOException {
        try (var journal = UsageJournal.open(directory, SEGMENT_BYTES, false)) {
            journal.prepareNext();
            assertThat(Files.exists(directory.resolve("next.prepared"))).as("nothing allocated before half full").isFalse();
            int n = 0;
            while (journal.sizeBytes() < SEGMENT_BYTES / 2) {
                journal.append(event(n++));
            }
            journal.prepareNext();
            assertThat(Files.size(directory.resolve("next.prepared"))).isEqualTo(SEGMENT_BYTES);
            while (segments().size() == 1) {
                journal.append(event(n++));
            }

            assertThat(Files.exists(directory.resolve("next.prepared"))).as("taken as segment 2").isFalse();
            assertThat(segments()).hasSize(2);
            long record = UsageEventCodec.encode(event(0), ByteBuffer.allocate(0)).limit();
            assertThat(Files.size(segments().getFirst())).as("the first segment cut to its records")
                    .isEqualTo(SEGMENT_BYTES / record * record);
            var events = readAll(journal);
            assertThat(events).extracting(UsageEvent::promptTokens)
                    .isEqualTo(IntStream.range(0, n).boxed().toList());
        }
    }

    @Test
    void a_journal_left_by_a_crash_replays_its_last_segment_to_its_last_record() throws IOException {
        Path copy = Files.createDirectory(directory.resolve("after-crash"));
        try (var journal = UsageJournal.open(directory.resolve("running"), SEGMENT_BYTES, false)) {
            for (int i = 0; i < 5; i++) {
                journal.append(event(i));
            }
            // what the disk holds if the process dies now: the segment allocated whole, records then zeros
            try (Stream<Path> files = Files.list(directory.resolve("running"))) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("spool.lock")).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
        }
        assertThat(Files.size(onlySegment(copy))).isEqualTo(SEGMENT_BYTES);
        try (var journal = UsageJournal.open(copy, SEGMENT_BYTES, false)) {
            journal.append(event(5));

            assertThat(readAll(journal)).extracting(UsageEvent::promptTokens).containsExactly(0, 1, 2, 3, 4, 5);
        }
    }

    private static Path onlySegment(Path in) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            var segments = files.filter(f -> f.toString().endsWith(".journal")).toList();
            assertThat(segments).hasSize(1);
            return segments.getFirst();
        }
    }

    private static List<UsageEvent> readAll(UsageJournal journal) throws IOException {
        List<UsageEvent> events = new ArrayList<>();
        var position = journal.acknowledged();
        while (true) {
            var batch = journal.read(position, 100);
            if (batch.events().isEmpty()) {
                return events;
            }
            events.addAll(batch.events());
            position = batch.end();
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".journal")).sorted().toList();
        }
    }

    static UsageEvent event(int n) {
        return new UsageEvent(UUID.randomUUID(), Instant.parse("2026-12-03T12:00:00Z").plusMillis(n), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "CHAT", "mock-gpt", "mock-gpt", UUID.randomUUID(), UUID.randomUUID(),
                "mock-gpt", UUID.randomUUID(), n, 2 * n, 0, 0, false, new BigDecimal("0.000001500"), 12, null, 200, null,
                false, "");
    }
}

package io.tollgate.gateway.metering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * An append-only file of usage events (one JSON object per line) that waits for PostgreSQL. Appends are forced to
 * disk before they count as done; the file is removed only after every event in it was written to PostgreSQL.
 * The directory is locked, so two gateways never share one spool; a spool left by a crashed gateway is replayed by
 * the next one that uses the directory.
 */
final class UsageSpool implements AutoCloseable {

    private static final String FILE = "usage-events.spool";

    /** A spool written by an older gateway lacks the counts added since (cache writes): they read as zero. */
    private final JsonMapper json = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private final Path directory;
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private UsageSpool(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.file = directory.resolve(FILE);
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Locks the directory, or a fresh subdirectory of it when another gateway holds it. */
    static UsageSpool open(Path directory) {
        try {
            Files.createDirectories(directory);
            var channel = FileChannel.open(directory.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return open(directory.resolve("instance-" + UUID.randomUUID()));
            }
            return new UsageSpool(directory, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the usage spool in " + directory, e);
        }
    }

    void append(List<UsageEvent> events) throws IOException {
        var lines = new StringBuilder(events.size() * 400);
        for (UsageEvent event : events) {
            lines.append(json.writeValueAsString(event)).append('\n');
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        }
    }

    boolean isEmpty() {
        return !Files.exists(file);
    }

    /** Every spooled event, oldest first. A line torn by a crash mid-append is skipped. */
    List<UsageEvent> read() throws IOException {
        List<UsageEvent> events = new ArrayList<>();
        if (isEmpty()) {
            return events;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                try {
                    events.add(json.readValue(line, UsageEvent.class));
                } catch (tools.jackson.core.JacksonException torn) {
                    // only the last line can be torn, and its batch was never acknowledged
                }
            }
        }
        return events;
    }

    /** Forgets the spooled events once they are all in PostgreSQL. */
    void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    long sizeBytes() {
        try {
            return isEmpty() ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}

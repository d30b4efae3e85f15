package io.tollgate.gateway.metering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every usage event, appended to local files before its request's response is released, until PostgreSQL holds it.
 * The files are segments of a bounded size, numbered in order, each allocated whole (written with zeros) before its
 * first record and mapped into memory: an append is a copy into the operating system's page cache, with no system
 * call and a lock held for only that copy, so the event loops that append do not wait for one another. (No fsync:
 * that survives the process, not the machine; {@link #force()} bounds what a machine crash loses. Blocks allocated
 * up front mean a full disk fails the allocation, an exception, never a write through the mapping.) The metering
 * worker allocates the next segment while the current one fills ({@link #prepareNext()}); a segment is cut to its
 * records when it is sealed or closed. The writer always starts a new segment when it opens, so a record torn by a
 * crash can only be the last of a segment, and the zeros after the last record of a segment left by a crash read
 * as its end. The reader streams records from the acknowledged position in batches,
 * and {@link #acknowledge} records how far PostgreSQL has them, deleting segments left wholly behind. The directory
 * is locked: two gateways never share one journal; a journal left by a crashed gateway is replayed by the next one
 * that uses the directory.
 */
final class UsageJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UsageJournal.class);
    private static final String SUFFIX = ".journal";
    private static final String ACK_FILE = "journal.ack";
    /** The next segment while it is allocated ahead; renamed to its number when it is taken. */
    private static final String PREPARED_FILE = "next.prepared";
    private static final int KEPT_SCRATCH_BYTES = 64 << 10;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    /** A place in the journal: a segment and a byte offset in it. */
    record Position(long segment, long offset) {
    }

    /** Events read from the journal, and the position right after the last of them. */
    record Batch(List<UsageEvent> events, Position end) {
    }

    /** The segment being written and how far its records are complete. */
    private record Tail(long segment, long end) {
    }

    /** A segment file allocated whole and mapped for appending. */
    private record Mapped(long segment, FileChannel channel, Arena arena, MemorySegment memory) {

        /** Unmaps it and cuts the file to its records; the channel stays open. */
        void seal(long end) throws IOException {
            arena.close();
            channel.truncate(end);
        }
    }

    private final Path directory;
    private final long segmentBytes;
    private final boolean forced;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel ackChannel;
    /** The size of every segment on disk, by number. */
    private final NavigableMap<Long, Long> segments = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private volatile Tail tail;
    private Mapped writing;
    /** The next segment, allocated ahead by the worker; null until it is. Guarded by this journal's lock. */
    private @Nullable Mapped prepared;
    /** Where an append encodes its record before copying it into the segment. Guarded by this journal's lock. */
    private ByteBuffer scratch = ByteBuffer.allocate(512);
    private @Nullable FileChannel sealedUnforced;
    private @Nullable FileChannel reading;
    private long readingSegment = -1;
    private ByteBuffer readBuffer = ByteBuffer.allocateDirect(1 << 20);
    private final RecentValues recent = new RecentValues();

    private UsageJournal(Path directory, long segmentBytes, boolean forced, FileChannel lockChannel, FileLock lock)
            throws IOException {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.forced = forced;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.ackChannel = FileChannel.open(directory.resolve(ACK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).forEach(this::found);
        }
        long next = segments.isEmpty() ? 1 : segments.lastKey() + 1;
        Position acknowledged = acknowledged();
        segments.headMap(acknowledged.segment(), false).keySet().forEach(this::delete);
        Files.deleteIfExists(directory.resolve(PREPARED_FILE));
        this.writing = create(next);
        this.tail = new Tail(next, 0);
    }

    /**
     * Locks the directory, or a fresh subdirectory of it when another gateway holds it.
     *
     * @param segmentBytes the size at which a new segment is started
     * @param forced       whether {@link #force()} will be called (then a full segment is left for it to sync)
     */
    static UsageJournal open(Path directory, long segmentBytes, boolean forced) {
        try {
            Files.createDirectories(directory);
            var channel = FileChannel.open(directory.resolve("spool.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return open(directory.resolve("instance-" + UUID.randomUUID()), segmentBytes, forced);
            }
            return new UsageJournal(directory, segmentBytes, forced, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the usage journal in " + directory, e);
        }
    }

    /** Appends one event; when this returns, the event survives the process. */
    void append(UsageEvent event) throws IOException {
        synchronized (this) {
            ByteBuffer record = UsageEventCodec.encode(event, scratch);
            if (record.capacity() <= KEPT_SCRATCH_BYTES) {
                scratch = record; // grown for an event of long tags, say; one of extraordinary size is not kept
            }
            int length = record.limit();
            if (length > segmentBytes) {
                throw new IOException("A usage event of " + length + " bytes is larger than a journal segment");
            }
            Tail current = tail;
            if (current.end() + length > segmentBytes) {
                current = roll(current);
            }
            try {
                MemorySegment.copy(record.array(), 0, writing.memory(), ValueLayout.JAVA_BYTE, current.end(), length);
            } catch (InternalError fault) {
                // a fault writing through the mapping (the storage failed): the event is not in the journal
                throw new IOException("Cannot write to usage journal segment " + current.segment(), fault);
            }
            bytes.addAndGet(length);
            tail = new Tail(current.segment(), current.end() + length);
        }
    }

    private Tail roll(Tail full) throws IOException {
        long next = full.segment() + 1;
        Mapped ahead = prepared;
        prepared = null;
        Mapped fresh = ahead != null && ahead.segment() == next ? take(ahead) : null;
        if (fresh == null) {
            if (ahead != null) {
                discard(ahead);
            }
            fresh = create(next);
        }
        Mapped sealed = writing;
        writing = fresh;
        segments.put(full.segment(), full.end());
        sealed.seal(full.end());
        if (forced) {
            // the next force() syncs it off the request path
            FileChannel previous = sealedUnforced;
            sealedUnforced = sealed.channel();
            if (previous != null) {
                previous.close();
            }
        } else {
            sealed.channel().close();
        }
        return new Tail(next, 0);
    }

    /**
     * From the metering worker: allocates the segment after the one being written once that one is half full, so that
     * an append never waits for a segment to be allocated (unless the worker fell that far behind).
     */
    void prepareNext() throws IOException {
        Tail current;
        synchronized (this) {
            // under the lock: a roll taking the prepared segment is either done or not begun
            current = tail;
            if (prepared != null || current.end() < segmentBytes / 2) {
                return;
            }
        }
        Mapped next = allocate(current.segment() + 1, directory.resolve(PREPARED_FILE));
        synchronized (this) {
            if (prepared == null && tail.segment() == current.segment()) {
                prepared = next;
                return;
            }
        }
        discard(next);
    }

    /** The prepared segment under its number, or null if it cannot be renamed (then one is made at once). */
    private @Nullable Mapped take(Mapped ahead) {
        try {
            Files.move(directory.resolve(PREPARED_FILE), segmentFile(ahead.segment()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Cannot take the usage journal segment allocated ahead: {}", e.getMessage());
            return null;
        }
        segments.put(ahead.segment(), 0L);
        return ahead;
    }

    private void discard(Mapped unused) {
        unused.arena().close();
        try {
            unused.channel().close();
            Files.deleteIfExists(directory.resolve(PREPARED_FILE));
        } catch (IOException e) {
            // deleted when the journal next opens
            log.warn("Cannot remove the usage journal segment allocated ahead: {}", e.getMessage());
        }
    }

    /** Up to {@code max} events from {@code from} on, reading one segment after another; never more in memory. */
    Batch read(Position from, int max) throws IOException {
        List<UsageEvent> events = new ArrayList<>(Math.min(max, 1024));
        Position at = from;
        while (events.size() < max) {
            Tail current = tail;
            boolean sealed = at.segment() != current.segment();
            long end = sealed ? segments.getOrDefault(at.segment(), 0L) : current.end();
            long reached = readSegment(at, end, max - events.size(), events);
            at = new Position(at.segment(), reached);
            if (!sealed || events.size() == max) {
                break;
            }
            if (reached < end) {
                log.warn("Usage journal segment {} ends in a torn record at byte {} of {}; the rest is skipped",
                        at.segment(), reached, end);
            }
            Long next = segments.higherKey(at.segment());
            at = new Position(next == null ? current.segment() : next, 0);
        }
        return new Batch(events, at);
    }

    /** Reads whole records of one segment from {@code from} up to {@code end}; the offset after the last one read. */
    private long readSegment(Position from, long end, int max, List<UsageEvent> events) throws IOException {
        long offset = from.offset();
        FileChannel channel = readChannel(from.segment());
        if (channel == null) {
            return end;
        }
        int wanted = max;
        while (offset < end && wanted > 0) {
            readBuffer.clear().limit((int) Math.min(readBuffer.capacity(), end - offset));
            int filled = 0;
            while (readBuffer.hasRemaining()) {
                int n = channel.read(readBuffer, offset + filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
            readBuffer.flip();
            int consumed = 0;
            boolean grown = false;
            while (wanted > 0 && readBuffer.remaining() >= UsageEventCodec.HEADER_BYTES) {
                int start = readBuffer.position();
                int length = readBuffer.getInt();
                int checksum = readBuffer.getInt();
                if (length == 0 && checksum == 0) {
                    // the allocated zeros after the last record of a segment its writer never sealed (a crash)
                    return end;
                }
                if (length <= 0 || offset + consumed + UsageEventCodec.HEADER_BYTES + length > end) {
                    return offset + consumed;
                }
                if (readBuffer.remaining() < length) {
                    if (length + UsageEventCodec.HEADER_BYTES > readBuffer.capacity()) {
                        readBuffer = ByteBuffer.allocateDirect(length + UsageEventCodec.HEADER_BYTES);
                        grown = true;
                    }
                    readBuffer.position(start);
                    break;
                }
                if (!UsageEventCodec.intact(readBuffer, length, checksum)) {
                    return offset + consumed;
                }
                int payloadStart = readBuffer.position();
                events.add(UsageEventCodec.decode(readBuffer, recent));
                readBuffer.position(payloadStart + length);
                consumed = readBuffer.position();
                wanted--;
            }
            if (consumed == 0 && !grown) {
                // nothing more to read, or the few bytes of a record torn in its header
                return offset;
            }
            offset += consumed;
        }
        return offset;
    }

    private @Nullable FileChannel readChannel(long segment) throws IOException {
        if (segment != readingSegment) {
            if (reading != null) {
                reading.close();
            }
            reading = null;
            readingSegment = segment;
            try {
                reading = FileChannel.open(segmentFile(segment), StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return null;
            }
        }
        return reading;
    }

    /**
     * PostgreSQL holds every event before {@code position}: remember that, and delete the segments behind it. When
     * that is everything and the segment being written is half full, a new one is started so this one can go too
     * (otherwise a journal that filled up during an outage would stay full). Returns where reading goes on.
     */
    Position acknowledge(Position position) throws IOException {
        Position reached = position;
        synchronized (this) {
            Tail current = tail;
            if (position.segment() == current.segment() && position.offset() == current.end()
                    && current.end() >= segmentBytes / 2) {
                tail = roll(current);
                reached = new Position(tail.segment(), 0);
            }
        }
        ByteBuffer record = ByteBuffer.allocate(16).putLong(reached.segment()).putLong(reached.offset()).flip();
        while (record.hasRemaining()) {
            ackChannel.write(record, record.position());
        }
        segments.headMap(reached.segment(), false).keySet().forEach(this::delete);
        return reached;
    }

    /** Where reading starts after a restart; a missing or unreadable acknowledgement replays from the oldest segment. */
    Position acknowledged() throws IOException {
        ByteBuffer record = ByteBuffer.allocate(16);
        while (record.hasRemaining() && ackChannel.read(record, record.position()) > 0) {
            // read all 16 bytes
        }
        long oldest = segments.isEmpty() ? tailSegmentOrFirst() : segments.firstKey();
        if (record.hasRemaining()) {
            return new Position(oldest, 0);
        }
        var stored = new Position(record.getLong(0), record.getLong(8));
        return stored.segment() < oldest ? new Position(oldest, 0) : stored;
    }

    private long tailSegmentOrFirst() {
        Tail current = tail;
        return current == null ? 1 : current.segment();
    }

    /** Forces what was appended to the storage device (the machine-crash bound). */
    void force() throws IOException {
        FileChannel sealed;
        FileChannel current;
        synchronized (this) {
            sealed = sealedUnforced;
            sealedUnforced = null;
            current = writing.channel();
        }
        if (sealed != null) {
            sealed.force(false);
            sealed.close();
        }
        try {
            current.force(false);
        } catch (ClosedChannelException rolled) {
            // rolled meanwhile: the next force() syncs it
        }
    }

    /** Writes (and removes) a file of up to 1 MiB in the directory: whether the disk takes writes again. */
    void probe() throws IOException {
        Path probe = directory.resolve("probe.tmp");
        try (var channel = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var zeros = ByteBuffer.allocate(64 << 10);
            for (long written = 0; written < Math.min(segmentBytes, 1 << 20); written += zeros.capacity()) {
                channel.write(zeros.clear());
            }
            channel.force(false);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** Bytes of the journal on disk. */
    long sizeBytes() {
        return bytes.get();
    }

    Path directory() {
        return directory;
    }

    private void found(Path file) {
        String name = file.getFileName().toString();
        try {
            long segment = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            long size = Files.size(file);
            segments.put(segment, size);
            bytes.addAndGet(size);
        } catch (NumberFormatException | IOException e) {
            log.warn("Ignoring {} in the usage journal: {}", file, e.getMessage());
        }
    }

    private Mapped create(long segment) throws IOException {
        Mapped created = allocate(segment, segmentFile(segment));
        segments.put(segment, 0L);
        return created;
    }

    /** A file of the segment's size, its blocks allocated (written with zeros), mapped for appending. */
    private Mapped allocate(long segment, Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            for (long at = 0; at < segmentBytes; ) {
                var zeros = ZEROS.duplicate().limit((int) Math.min(ZEROS.capacity(), segmentBytes - at));
                at += channel.write(zeros, at);
            }
            var arena = Arena.ofShared();
            return new Mapped(segment, channel, arena, channel.map(FileChannel.MapMode.READ_WRITE, 0, segmentBytes, arena));
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private void delete(long segment) {
        Long size = segments.remove(segment);
        if (segment == readingSegment && reading != null) {
            try {
                reading.close();
            } catch (IOException ignored) {
                // deleted next
            }
            reading = null;
            readingSegment = -1;
        }
        try {
            Files.deleteIfExists(segmentFile(segment));
            if (size != null) {
                bytes.addAndGet(-size);
            }
        } catch (IOException e) {
            log.warn("Cannot delete usage journal segment {}: {}", segment, e.getMessage());
        }
    }

    private Path segmentFile(long segment) {
        return directory.resolve("%020d%s".formatted(segment, SUFFIX));
    }

    @Override
    public synchronized void close() throws IOException {
        if (sealedUnforced != null) {
            sealedUnforced.close();
        }
        if (prepared != null) {
            discard(prepared);
            prepared = null;
        }
        writing.seal(tail.end());
        writing.channel().close();
        if (reading != null) {
            reading.close();
        }
        ackChannel.close();
        lock.release();
        lockChannel.close();
    }
}

package io.tollgate.gateway.metering;

import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The usage journal in lanes, one {@link UsageJournal} each: a thread appends to its own lane, so an event loop never
 * waits for another's append, nor for one whose thread the operating system paused while it held the lane's lock.
 * Event loops (Netty's threads) are given lanes in turn, as many lanes as there are event loops, so each has one of
 * its own; the rare other thread that appends (a timer's, on a timeout) is given one in turn too, and may share it.
 * The first lane is the spool directory itself, where a journal of a gateway without lanes also is; the others are
 * {@code lane-N} in it. Lanes a previous run had beyond this run's count are read and drained, not appended to. The
 * metering worker reads the lanes together: a batch takes from each in turn, starting with a different lane each time.
 */
final class JournalLanes implements AutoCloseable {

    /** Where reading stands in each lane. */
    record Cursor(List<UsageJournal.Position> lanes) {

        Cursor {
            lanes = List.copyOf(lanes);
        }
    }

    /** Events read from the lanes, and where each lane's reading stands after them. */
    record Batch(List<UsageEvent> events, Cursor end) {
    }

    private final UsageJournal[] lanes;
    private final int appendable;
    private final AtomicInteger toEventLoops = new AtomicInteger();
    private final AtomicInteger toOthers = new AtomicInteger();
    private final FastThreadLocal<UsageJournal> own;
    private Cursor acknowledged;
    private int firstRead;

    private JournalLanes(UsageJournal[] lanes, int appendable) throws IOException {
        this.lanes = lanes;
        this.appendable = appendable;
        // Netty's thread local, an index into the event loop's own array: a ThreadLocal's lookup missed in the
        // event loop's crowded map (1.5% of the CPU samples)
        this.own = new FastThreadLocal<>() {
            @Override
            protected UsageJournal initialValue() {
                var turn = Thread.currentThread() instanceof FastThreadLocalThread ? toEventLoops : toOthers;
                return lanes[Math.floorMod(turn.getAndIncrement(), appendable)];
            }
        };
        List<UsageJournal.Position> positions = new ArrayList<>();
        for (var lane : lanes) {
            positions.add(lane.acknowledged());
        }
        this.acknowledged = new Cursor(positions);
    }

    /** Opens {@code count} lanes in the directory, and any more that a previous run left there. */
    static JournalLanes open(Path directory, long segmentBytes, boolean forced, int count) {
        var first = UsageJournal.open(directory, segmentBytes, forced);
        List<UsageJournal> opened = new ArrayList<>(List.of(first));
        try {
            int found = count;
            try (Stream<Path> files = Files.list(first.directory())) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (Files.isDirectory(file) && name.matches("lane-[1-9][0-9]*")) {
                        found = Math.max(found, Integer.parseInt(name.substring(5)) + 1);
                    }
                }
            }
            for (int lane = 1; lane < found; lane++) {
                opened.add(UsageJournal.open(first.directory().resolve("lane-" + lane), segmentBytes, forced));
            }
            return new JournalLanes(opened.toArray(UsageJournal[]::new), count);
        } catch (IOException e) {
            opened.forEach(JournalLanes::closeQuietly);
            throw new UncheckedIOException("Cannot open the usage journal's lanes in " + directory, e);
        } catch (RuntimeException e) {
            opened.forEach(JournalLanes::closeQuietly);
            throw e;
        }
    }

    /** Appends one event to this thread's lane; when this returns, the event survives the process. */
    void append(UsageEvent event) throws IOException {
        own.get().append(event);
    }

    /** Where reading starts after a restart: each lane's acknowledged position. */
    Cursor acknowledged() {
        return acknowledged;
    }

    /** Up to {@code max} events from {@code from} on, from each lane in turn. Only the metering worker reads. */
    Batch read(Cursor from, int max) throws IOException {
        List<UsageEvent> events = new ArrayList<>();
        var end = new ArrayList<>(from.lanes());
        int start = firstRead;
        firstRead = (firstRead + 1) % lanes.length;
        for (int i = 0; i < lanes.length && events.size() < max; i++) {
            int lane = (start + i) % lanes.length;
            var batch = lanes[lane].read(end.get(lane), max - events.size());
            events.addAll(batch.events());
            end.set(lane, batch.end());
        }
        return new Batch(events, new Cursor(end));
    }

    /** PostgreSQL holds every event before {@code end}: each lane that moved records it. Returns where reading goes on. */
    Cursor acknowledge(Cursor end) throws IOException {
        var reached = new ArrayList<>(end.lanes());
        for (int lane = 0; lane < lanes.length; lane++) {
            if (!reached.get(lane).equals(acknowledged.lanes().get(lane))) {
                reached.set(lane, lanes[lane].acknowledge(reached.get(lane)));
            }
        }
        acknowledged = new Cursor(reached);
        return acknowledged;
    }

    /** Allocates each appended lane's next segment when it is due ({@link UsageJournal#prepareNext()}). */
    void prepareNext() throws IOException {
        for (int lane = 0; lane < appendable; lane++) {
            lanes[lane].prepareNext();
        }
    }

    void force() throws IOException {
        for (var lane : lanes) {
            lane.force();
        }
    }

    void probe() throws IOException {
        lanes[0].probe();
    }

    long sizeBytes() {
        long bytes = 0;
        for (var lane : lanes) {
            bytes += lane.sizeBytes();
        }
        return bytes;
    }

    Path directory() {
        return lanes[0].directory();
    }

    int count() {
        return lanes.length;
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (var lane : lanes) {
            try {
                lane.close();
            } catch (IOException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static void closeQuietly(UsageJournal lane) {
        try {
            lane.close();
        } catch (IOException ignored) {
            // opening failed already
        }
    }
}

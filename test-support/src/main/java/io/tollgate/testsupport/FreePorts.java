package io.tollgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

/**
 * Ports for servers a test starts itself and must name before they listen (a process of its own, PostgreSQL, Redis).
 * A port found with {@code new ServerSocket(0)} and closed again is free only for a moment: the kernel hands the same
 * ephemeral range to every outgoing connection and every other {@code bind(0)}, and the parallel build runs several
 * test JVMs that pick the same way. So the ports come from below Linux's ephemeral range (32768-60999), and each is
 * reserved for the rest of this JVM's life by a lock on a file named after it, which the other test JVMs respect.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_767;
    private static final int ATTEMPTS = 1_000;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "tollgate-test-ports");
    /** The locks this JVM holds, by port: a lock lasts while its channel is open. */
    private static final Map<Integer, FileLock> held = new HashMap<>();

    private FreePorts() {
    }

    /** A port nothing listens on, that no other caller in this or another test JVM will be given. */
    public static int reserve() {
        return reserve(() -> ThreadLocalRandom.current().nextInt(FIRST, LAST + 1));
    }

    /** The first of the {@code candidates} that is neither locked nor listened on, reserved. */
    static synchronized int reserve(IntSupplier candidates) {
        try {
            Files.createDirectories(LOCKS);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int port = candidates.getAsInt();
                // never a second channel on a file this JVM locked: closing it would drop the lock (POSIX)
                FileLock lock = held.containsKey(port) ? null : lock(port);
                if (lock != null && bindable(port)) {
                    held.put(port, lock);
                    return port;
                }
                if (lock != null) {
                    lock.channel().close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve a port under " + LOCKS, e);
        }
        throw new IllegalStateException("no free port in " + FIRST + "-" + LAST + " after " + ATTEMPTS + " attempts");
    }

    /** The file whose lock reserves {@code port}. */
    static Path lockFile(int port) {
        return LOCKS.resolve(port + ".lock");
    }

    private static FileLock lock(int port) throws IOException {
        FileChannel channel = FileChannel.open(lockFile(port), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
        }
        return lock;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}

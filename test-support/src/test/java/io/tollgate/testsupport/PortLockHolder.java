package io.tollgate.testsupport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Another test JVM holding a port's lock, for {@link FreePortsTest}: locks the file named by its argument, says
 * "locked" (or "busy" when someone else holds it) on standard output, and keeps the lock until its input closes.
 */
public final class PortLockHolder {

    private PortLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = channel.tryLock()) {
            System.out.println(lock != null ? "locked" : "busy");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the test closes this process's input
            }
        }
    }
}

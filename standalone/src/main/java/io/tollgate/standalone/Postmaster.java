package io.tollgate.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL server process of a data folder, found through its {@code postmaster.pid}. A launcher that was
 * killed (SIGKILL, a closed terminal) leaves its server running: the next start stops it first, so it cannot
 * keep its port and the lock on the data.
 */
final class Postmaster {

    private Postmaster() {
    }

    static Optional<ProcessHandle> running(Path pgData) {
        return readPid(pgData.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    static void stopIfRunning(Path pgData) {
        running(pgData).ifPresent(stale -> {
            stale.destroy();
            if (!awaitExit(stale, Duration.ofSeconds(30))) {
                stale.destroyForcibly();
            }
        });
    }

    static boolean awaitExit(ProcessHandle postmaster, Duration limit) {
        try {
            postmaster.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()));
        } catch (IOException | NumberFormatException | NoSuchElementException noServer) {
            // no (readable) pid file: no server left behind; PostgreSQL replaces a broken one on start
            return Optional.empty();
        }
    }
}

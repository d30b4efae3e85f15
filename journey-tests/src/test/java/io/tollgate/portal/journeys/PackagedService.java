package io.tollgate.portal.journeys;

import io.tollgate.model.runtime.ParentProcessWatchdog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

/**
 * A service jar the build packaged, run as a process of its own next to the portal under test (its own classpath
 * and application.yml), its output in a log under {@code target/}; it stops by itself should this JVM die first.
 */
final class PackagedService implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private PackagedService(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Launches the jar named by the system property {@code jarProperty} (set by the build, see the pom) and returns
     * at once; skips the calling test when the build has not packaged it. The test JVM's own settings of the
     * service ({@code TOLLGATE_*}, {@code SPRING_*} and {@code STRIPE_*} variables) do not leak into it.
     */
    static PackagedService launch(String name, String jarProperty, Map<String, String> settings) {
        Path jar = Paths.get(System.getProperty(jarProperty, ""));
        Assumptions.assumeTrue(jar.toString().endsWith(".jar") && Files.isRegularFile(jar),
                "needs the packaged " + name + " jar in -D" + jarProperty + " (./mvnw verify packages it first); got '"
                        + jar + "'");
        // one log per test JVM: the build may run several side by side
        Path log = Paths.get("target", name + "-for-browser-tests-" + ProcessHandle.current().pid() + ".log");
        try {
            Files.createDirectories(log.getParent());
            String java = ProcessHandle.current().info().command().orElseThrow();
            // the C1 compiler only and the serial collector: a cheaper start, and the tests send a handful of requests
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                    jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(variable -> variable.startsWith("TOLLGATE_") || variable.startsWith("SPRING_")
                    || variable.startsWith("STRIPE_"));
            environment.put("TOLLGATE_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            environment.put("SPRING_MAIN_SOURCES", ParentProcessWatchdog.class.getName());
            environment.putAll(settings);
            return new PackagedService(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name, e);
        }
    }

    /** Waits until {@code readinessStatus} answers 200; fails with the log's tail when the process exits first. */
    void awaitReady(Duration limit, IntSupplier readinessStatus) {
        try {
            Awaitility.await(name + " ready").atMost(limit).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the " + name + " exited with " + process.exitValue() + logTail());
                }
                return readinessStatus.getAsInt() == 200;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the " + name + " was not ready within " + limit + logTail(), e);
        }
    }

    /** Every line the service has logged so far. */
    List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + name + "'s log", e);
        }
    }

    /** The last lines the service logged, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n== " + name + " log (" + log + ")\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(no " + name + " log: " + e.getMessage() + ")";
        }
    }

    /** Stops the service as an orchestrator would (SIGTERM, graceful), forcibly if it takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

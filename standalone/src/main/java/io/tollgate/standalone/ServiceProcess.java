package io.tollgate.standalone;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service running as a child process: {@code <this java> -jar <service>.jar}, its output in its log. */
final class ServiceProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final TollgateService service;
    private final Process process;
    private final Path log;
    private final URI readiness;

    private ServiceProcess(TollgateService service, Process process, Path log, int port) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
    }

    static ServiceProcess start(TollgateService service, Path jar, Path log, int port, Map<String, String> env) {
        String java = ProcessHandle.current().info().command()
                .orElseThrow(() -> new StartupException("cannot tell which java runs this launcher"));
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        try {
            return new ServiceProcess(service, builder.start(), log, port);
        } catch (IOException e) {
            throw new StartupException("could not start the " + service.label() + ": " + e.getMessage(), e);
        }
    }

    TollgateService service() {
        return service;
    }

    Path log() {
        return log;
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Waits until the service reports ready, or fails when it exits first or takes longer than {@code limit}. */
    void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StartupException(service.label() + " exited with code " + process.exitValue()
                        + " while starting; see " + log);
            }
            if (isReady()) {
                return;
            }
            Thread.sleep(POLL_INTERVAL);
        }
        throw new StartupException(service.label() + " was not ready after " + limit.toSeconds() + " s; see " + log);
    }

    /** Asks the service to stop (SIGTERM); see {@link #awaitExit}. */
    void requestStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits for the exit until {@code deadlineNanos}, then kills the process and whatever it started. */
    void awaitExit(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || !process.waitFor(left, TimeUnit.NANOSECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private boolean isReady() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}

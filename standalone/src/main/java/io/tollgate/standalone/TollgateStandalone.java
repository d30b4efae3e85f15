package io.tollgate.standalone;

import io.tollgate.model.apikey.ApiKeyHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.LoggerFactory;

/**
 * All of Tollgate on one machine: an embedded PostgreSQL (data kept in TOLLGATE_DATA_DIR), the migrations,
 * the demo seed, then the gateway, portal and billing as child processes. Prints one line per service when it
 * is ready; SIGINT/SIGTERM stops the services first and PostgreSQL last.
 */
public final class TollgateStandalone {

    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(20);

    private final StandaloneSettings settings;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    // held while something is being started, so a shutdown never misses a process that is just coming up
    private final ReentrantLock lifecycle = new ReentrantLock();
    private volatile boolean stopping;
    private LocalDatabase database;

    private TollgateStandalone(StandaloneSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        StandaloneSettings settings;
        try {
            settings = StandaloneSettings.from(System.getenv());
        } catch (StartupException e) {
            System.err.println("Tollgate could not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("tollgate.logs", settings.logsDir().toString());
        TollgateStandalone launcher = new TollgateStandalone(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "tollgate-stop"));
        System.exit(launcher.run());
    }

    private int run() {
        try {
            List<String> notices = startAll();
            awaitReady();
            notices.forEach(System.out::println);
            System.out.println("Tollgate is running (logs in " + settings.logsDir() + "); Ctrl+C stops it.");
            return awaitUnexpectedExit();
        } catch (RuntimeException e) {
            // not a static logger: logging must start after main() has pointed it at the data folder
            LoggerFactory.getLogger(TollgateStandalone.class).error("Start-up failed", e);
            System.err.println("Tollgate could not start: " + e.getMessage()
                    + (e instanceof StartupException ? "" : " (details in " + settings.logsDir().resolve("standalone.log") + ")"));
            stop();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return 1;
        }
    }

    private List<String> startAll() {
        lifecycle.lock();
        try {
            if (stopping) {
                return List.of();
            }
            Files.createDirectories(settings.logsDir());
            StandaloneSecrets secrets = StandaloneSecrets.loadOrCreate(settings.dataDir().resolve("secrets.properties"));
            database = LocalDatabase.start(settings.dataDir(), settings.logsDir().resolve("postgres.log"),
                    secrets.databasePassword());
            database.migrate();
            ApiKeyHasher hasher = new ApiKeyHasher(secrets.apiKeySecret().getBytes(StandardCharsets.UTF_8), "v1");
            List<String> notices = new StandaloneSeed(settings, hasher).run(database.dataSource());
            ServiceJars jars = new ServiceJars(settings.dataDir().resolve("services"));
            ServiceEnvironment environment = new ServiceEnvironment(settings, secrets, database);
            for (TollgateService service : TollgateService.values()) {
                services.add(ServiceProcess.start(service, jars.extract(service),
                        settings.logsDir().resolve(service.logName()), service.port(settings), environment.asMap()));
            }
            return notices;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lifecycle.unlock();
        }
    }

    /** Prints each service's line as soon as it is ready; fails on the first that dies or takes too long. */
    private void awaitReady() throws InterruptedException {
        try (ExecutorService waiters = Executors.newVirtualThreadPerTaskExecutor()) {
            var ready = new ExecutorCompletionService<ServiceProcess>(waiters);
            services.forEach(service -> ready.submit(() -> {
                service.awaitReady(START_LIMIT);
                return service;
            }));
            for (int i = 0; i < services.size(); i++) {
                try {
                    ServiceProcess service = ready.take().get();
                    System.out.println(Notices.ready(service.service().label(), service.service().publicUrl(settings)));
                } catch (ExecutionException e) {
                    waiters.shutdownNow();
                    throw e.getCause() instanceof StartupException startup ? startup
                            : new StartupException(e.getCause().toString(), e.getCause());
                }
            }
        }
    }

    private int awaitUnexpectedExit() {
        CompletableFuture.anyOf(services.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new)).join();
        if (stopping) {
            return 0;
        }
        services.stream().filter(service -> service.onExit().isDone()).findFirst().ifPresent(service ->
                System.err.println(service.service().label() + " stopped unexpectedly; see " + service.log()));
        stop();
        return 1;
    }

    private void stop() {
        stopping = true;
        lifecycle.lock();
        try {
            services.forEach(ServiceProcess::requestStop);
            long deadline = System.nanoTime() + STOP_LIMIT.toNanos();
            for (ServiceProcess service : services) {
                service.awaitExit(deadline);
            }
            services.clear();
            if (database != null) {
                database.close();
                database = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lifecycle.unlock();
        }
    }
}

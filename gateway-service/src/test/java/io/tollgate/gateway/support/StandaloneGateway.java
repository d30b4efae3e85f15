package io.tollgate.gateway.support;

import io.tollgate.gateway.GatewayApplication;
import io.tollgate.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A gateway of the test's own (its own database, spool and lifecycle), for outage and shutdown proofs. */
public final class StandaloneGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private StandaloneGateway(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StandaloneGateway start(TestDatabase database, Path spoolDirectory) {
        return start(database, spoolDirectory, Map.of());
    }

    /** With {@code extra} properties on top of the test defaults. */
    public static StandaloneGateway start(TestDatabase database, Path spoolDirectory, Map<String, String> extra) {
        BlockHoundSupport.install();
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("tollgate.secrets.api-key-secret", Seeder.API_KEY_SECRET);
        properties.put("tollgate.secrets.master-keys", Seeder.MASTER_KEYS);
        properties.put("tollgate.gateway.metering.flush-interval", "20ms");
        properties.put("tollgate.gateway.metering.retry-interval", "200ms");
        properties.put("tollgate.gateway.snapshot.retry-interval", "200ms");
        properties.put("tollgate.gateway.metering.spool-directory", spoolDirectory.toString());
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        properties.putAll(extra);
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new StandaloneGateway(new SpringApplicationBuilder(GatewayApplication.class).run(arguments));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A GET on the management port (actuator health, metrics, Prometheus). */
    public HttpResponse<String> managementGet(String path) {
        String base = "http://localhost:" + context.getEnvironment().getProperty("local.management.port");
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public HttpRequest chat(String key, String model) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Count my tokens exactly once\"}]}"))
                .build();
    }

    public int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}

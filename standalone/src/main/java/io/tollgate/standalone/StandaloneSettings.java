package io.tollgate.standalone;

import io.tollgate.model.apikey.ApiKeyGenerator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the standalone run reads from its environment. The names and defaults are a contract (README,
 * issue 2): scripts and users rely on them.
 */
record StandaloneSettings(
        Path dataDir,
        int gatewayPort,
        int portalPort,
        int billingPort,
        int gatewayManagementPort,
        int portalManagementPort,
        int billingManagementPort,
        Optional<String> adminEmail,
        Optional<String> adminPassword,
        Optional<String> demoApiKey) {

    static final String DEFAULT_ADMIN_EMAIL = "admin@tollgate.local";

    static StandaloneSettings from(Map<String, String> env) {
        Optional<String> demoKey = value(env, "TOLLGATE_DEMO_API_KEY");
        if (demoKey.isPresent() && !ApiKeyGenerator.isWellFormed(demoKey.get())) {
            throw new StartupException("TOLLGATE_DEMO_API_KEY must be 'tg_' followed by "
                    + ApiKeyGenerator.RANDOM_LENGTH + " letters or digits");
        }
        Optional<String> adminPassword = value(env, "TOLLGATE_ADMIN_PASSWORD");
        Optional<String> adminEmail = value(env, "TOLLGATE_ADMIN_EMAIL").map(String::toLowerCase);
        if (adminEmail.isPresent() && !adminEmail.get().matches("[^@\\s]+@[^@\\s]+")) {
            throw new StartupException("TOLLGATE_ADMIN_EMAIL is not an e-mail address");
        }
        return new StandaloneSettings(
                value(env, "TOLLGATE_DATA_DIR").map(Path::of)
                        .orElse(Path.of(System.getProperty("user.home"), ".tollgate"))
                        .toAbsolutePath(),
                port(env, "TOLLGATE_GATEWAY_PORT", 8080),
                port(env, "TOLLGATE_PORTAL_PORT", 8081),
                port(env, "TOLLGATE_BILLING_PORT", 8082),
                port(env, "TOLLGATE_GATEWAY_MANAGEMENT_PORT", 9080),
                port(env, "TOLLGATE_PORTAL_MANAGEMENT_PORT", 9081),
                port(env, "TOLLGATE_BILLING_MANAGEMENT_PORT", 9082),
                adminEmail,
                adminPassword,
                demoKey);
    }

    Path logsDir() {
        return dataDir.resolve("logs");
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.get());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StartupException(name + " must be a port number between 1 and 65535, not '" + text.get() + "'");
    }
}

package io.tollgate.standalone;

import io.tollgate.model.runtime.ParentProcessWatchdog;
import java.util.Map;

/** The configuration every child service gets, as environment variables (see tollgate-common.yml). */
record ServiceEnvironment(StandaloneSettings settings, StandaloneSecrets secrets, LocalDatabase database) {

    Map<String, String> asMap() {
        return Map.ofEntries(
                Map.entry("TOLLGATE_DB_URL", database.jdbcUrl()),
                Map.entry("TOLLGATE_DB_USER", LocalDatabase.USER),
                Map.entry("TOLLGATE_DB_PASSWORD", secrets.databasePassword()),
                // the launcher has migrated already
                Map.entry("TOLLGATE_DB_MIGRATE", "false"),
                Map.entry(StandaloneSecrets.API_KEY_SECRET, secrets.apiKeySecret()),
                Map.entry(StandaloneSecrets.MASTER_KEYS, secrets.masterKeys()),
                Map.entry("TOLLGATE_GATEWAY_PORT", Integer.toString(settings.gatewayPort())),
                Map.entry("TOLLGATE_PORTAL_PORT", Integer.toString(settings.portalPort())),
                Map.entry("TOLLGATE_BILLING_PORT", Integer.toString(settings.billingPort())),
                Map.entry("TOLLGATE_GATEWAY_URL", settings.gatewayUrl()),
                Map.entry("TOLLGATE_DATA_DIR", settings.dataDir().toString()),
                Map.entry("TOLLGATE_GATEWAY_SPOOL_DIR", settings.dataDir().resolve("gateway-spool").toString()),
                Map.entry("TOLLGATE_PARENT_PID", Long.toString(ProcessHandle.current().pid())),
                // adds the watchdog to every service, whatever packages the service scans itself
                Map.entry("SPRING_MAIN_SOURCES", ParentProcessWatchdog.class.getName()));
    }

    @Override
    public String toString() {
        return "ServiceEnvironment[<redacted>]";
    }
}

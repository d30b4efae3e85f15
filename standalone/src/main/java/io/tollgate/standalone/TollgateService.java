package io.tollgate.standalone;

/** The services the standalone run starts, in start order. */
enum TollgateService {

    GATEWAY("Gateway", "gateway-service", "/v1"),
    PORTAL("Portal", "portal-ui", ""),
    BILLING("Billing", "billing-service", "/api/v1/billing");

    private final String label;
    private final String artifact;
    private final String urlPath;

    TollgateService(String label, String artifact, String urlPath) {
        this.label = label;
        this.artifact = artifact;
        this.urlPath = urlPath;
    }

    String label() {
        return label;
    }

    String jarName() {
        return artifact + ".jar";
    }

    String logName() {
        return artifact + ".log";
    }

    int port(StandaloneSettings settings) {
        return switch (this) {
            case GATEWAY -> settings.gatewayPort();
            case PORTAL -> settings.portalPort();
            case BILLING -> settings.billingPort();
        };
    }

    /** Where its actuator (health, readiness, Prometheus) listens. */
    int managementPort(StandaloneSettings settings) {
        return switch (this) {
            case GATEWAY -> settings.gatewayManagementPort();
            case PORTAL -> settings.portalManagementPort();
            case BILLING -> settings.billingManagementPort();
        };
    }

    String publicUrl(StandaloneSettings settings) {
        return "http://localhost:" + port(settings) + urlPath;
    }
}

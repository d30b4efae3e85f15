package io.tollgate.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandaloneSettingsTest {

    @Test
    void defaults_are_the_documented_ports_and_a_folder_in_the_home_directory() {
        StandaloneSettings settings = StandaloneSettings.from(Map.of());

        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.portalPort()).isEqualTo(8081);
        assertThat(settings.billingPort()).isEqualTo(8082);
        assertThat(settings.gatewayManagementPort()).isEqualTo(9080);
        assertThat(settings.portalManagementPort()).isEqualTo(9081);
        assertThat(settings.billingManagementPort()).isEqualTo(9082);
        assertThat(settings.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".tollgate"));
        assertThat(settings.adminEmail()).isEmpty();
        assertThat(settings.demoApiKey()).isEmpty();
    }

    @Test
    void environment_overrides_ports_data_folder_and_admin() {
        StandaloneSettings settings = StandaloneSettings.from(Map.of("TOLLGATE_GATEWAY_PORT", "9000",
                "TOLLGATE_DATA_DIR", "/srv/tollgate", "TOLLGATE_ADMIN_EMAIL", "Ops@Example.com"));

        assertThat(settings.gatewayPort()).isEqualTo(9000);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/tollgate"));
        assertThat(settings.adminEmail()).contains("ops@example.com");
        assertThat(settings.gatewayUrl()).isEqualTo("http://localhost:9000");
    }

    @Test
    void malformed_demo_key_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> StandaloneSettings.from(Map.of("TOLLGATE_DEMO_API_KEY", "sk-secret-value")))
                .isInstanceOf(StartupException.class)
                .hasMessage("TOLLGATE_DEMO_API_KEY must be 'tg_' followed by 32 letters or digits")
                .message().doesNotContain("sk-secret-value");
    }

    @Test
    void port_outside_the_tcp_range_is_refused_with_the_variable_name() {
        assertThatThrownBy(() -> StandaloneSettings.from(Map.of("TOLLGATE_PORTAL_PORT", "70000")))
                .isInstanceOf(StartupException.class)
                .hasMessage("TOLLGATE_PORTAL_PORT must be a port number between 1 and 65535, not '70000'");
    }
}

package io.tollgate.portal.admin.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The provider settings the portal writes land in providers.settings as the gateway reads them, beside the others. */
@PortalIntegrationTest
class ProviderSettingsIntegrationTest {

    @Autowired
    ProviderAdminService providers;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        Tenants.signIn(new Tenants(jdbc).newPlatformUser("ADMIN"));
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void a_server_refusing_stream_options_is_marked_in_its_settings_without_touching_the_other_keys() {
        String name = "azure-" + UUID.randomUUID();
        UUID id = providers.save(null, new ProviderDraft(name, "AZURE_OPENAI", "https://contoso.openai.azure.com", true,
                null, true, null, null, null), "azure-key");
        jdbc.sql("update providers set settings = '{\"apiVersion\": \"2024-06-01\", \"latencyMs\": 20}' where id = ?")
                .param(id).update();

        providers.save(id, new ProviderDraft(name, "AZURE_OPENAI", "https://contoso.openai.azure.com", true, null, false, null, null, null), "");
        assertThat(settings(id)).isEqualTo("{\"latencyMs\": 20, \"apiVersion\": \"2024-06-01\", \"streamOptions\": false}");
        assertThat(draft(id).acceptsStreamOptions()).isFalse();

        providers.save(id, new ProviderDraft(name, "AZURE_OPENAI", "https://contoso.openai.azure.com", true, null, true, null, null, null), "");
        assertThat(settings(id)).isEqualTo("{\"latencyMs\": 20, \"apiVersion\": \"2024-06-01\"}");
        assertThat(draft(id).acceptsStreamOptions()).isTrue();
    }

    @Test
    void a_type_that_does_not_read_stream_options_keeps_no_such_setting() {
        String name = "vllm-" + UUID.randomUUID();
        UUID id = providers.save(null, new ProviderDraft(name, "OPENAI_COMPATIBLE", "http://vllm.internal:8000/v1", true,
                null, false, null, null, null), "");
        assertThat(settings(id)).isEqualTo("{\"streamOptions\": false}");

        providers.save(id, new ProviderDraft(name, "ANTHROPIC", null, true, null, false, null, null, null), "");
        assertThat(settings(id)).isEqualTo("{}");
        assertThat(draft(id).acceptsStreamOptions()).isTrue();
    }

    @Test
    void a_health_check_interval_is_stored_as_the_number_the_gateway_reads_and_removed_when_emptied() {
        String name = "checked-" + UUID.randomUUID();
        UUID id = providers.save(null, new ProviderDraft(name, "OPENAI_COMPATIBLE", "http://vllm.internal:8000/v1", true,
                null, false, 30, null, null), "");
        // the gateway's snapshot flattens these settings and its HealthChecks reads healthCheckSeconds as whole seconds
        assertThat(settings(id)).isEqualTo("{\"streamOptions\": false, \"healthCheckSeconds\": 30}");
        assertThat(draft(id).healthCheckSeconds()).isEqualTo(30);

        providers.save(id, new ProviderDraft(name, "OPENAI_COMPATIBLE", "http://vllm.internal:8000/v1", true, null, false,
                null, null, null), "");
        assertThat(settings(id)).isEqualTo("{\"streamOptions\": false}");
        assertThat(draft(id).healthCheckSeconds()).isNull();

        assertThatThrownBy(() -> providers.save(id, new ProviderDraft(name, "OPENAI_COMPATIBLE", null, true, null, true,
                3601, null, null), "")).isInstanceOf(PortalException.class).hasMessageContaining("5 to 3600 seconds");
        assertThatThrownBy(() -> providers.save(id, new ProviderDraft(name, "OPENAI_COMPATIBLE", null, true, null, true,
                4, null, null), "")).isInstanceOf(PortalException.class);
        assertThat(settings(id)).isEqualTo("{\"streamOptions\": false}");
    }

    private String settings(UUID id) {
        return jdbc.sql("select settings::text from providers where id = ?").param(id).query(String.class).single();
    }

    private ProviderDraft draft(UUID id) {
        return providers.list().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().draft();
    }
}

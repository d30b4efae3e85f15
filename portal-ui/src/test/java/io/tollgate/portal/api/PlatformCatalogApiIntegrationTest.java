package io.tollgate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.ManagementApiIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The platform's catalog over HTTP from a platform ADMIN token: plans, models and their prices, providers (with
 * write-only credentials) and deployments, each through the service the admin screens use, so the screens' rules
 * answer here too; and a tenant admin's response cache setting of an app.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlatformCatalogApiIntegrationTest extends ManagementApiIntegrationTest {

    @Autowired
    CredentialCipher cipher;

    String platform;
    String unique;

    @BeforeEach
    void aPlatformAdminToken() {
        platform = tokens.platformToken(tenants.newPlatformUser("ADMIN"), "ADMIN");
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_plan_is_created_and_updated_only_at_the_version_read() {
        Reply created = expect(201, api.post(platform, "/api/v1/plans", "{\"code\": \"team-" + unique
                + "\", \"name\": \"Team\", \"requests_per_minute\": 30, \"markup_percent\": \"12.5\"}"));
        String id = created.json().path("id").asString();
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.header("Location")).isEqualTo("/api/v1/plans/" + id);
        assertThat(new BigDecimal(created.json().path("markup_percent").asString())).isEqualByComparingTo("12.5");
        assertThat(created.json().path("tokens_per_day").isNull()).as("unlimited").isTrue();
        assertThat(new BigDecimal(created.json().path("cache_hit_per_million").asString())).as("hits free by default")
                .isEqualByComparingTo("0");

        String change = "{\"name\": \"Team plus\", \"requests_per_minute\": 60, \"markup_percent\": \"-2.5\", "
                + "\"cache_hit_per_million\": \"0.125000001\"}";
        assertThat(put(platform, "/api/v1/plans/" + id, null, change).status()).isEqualTo(428);
        Reply updated = expect(200, put(platform, "/api/v1/plans/" + id, "\"0\"", change));
        Reply stale = put(platform, "/api/v1/plans/" + id, "\"0\"", change);

        assertThat(updated.header("ETag")).isEqualTo("\"1\"");
        assertThat(updated.json().path("requests_per_minute").asInt()).isEqualTo(60);
        assertThat(updated.json().path("cache_hit_per_million").asString()).isEqualTo("0.125000001");
        assertThat(jdbc.sql("select cache_hit_per_million from plans where id = ?::uuid").param(id)
                .query(BigDecimal.class).single()).isEqualByComparingTo("0.125000001");
        assertThat(updated.json().path("code").asString()).isEqualTo("team-" + unique);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(first(api.get(platform, "/api/v1/plans").json(), "id", id).path("name").asString())
                .isEqualTo("Team plus");
        assertThat(api.post(platform, "/api/v1/plans", "{\"code\": \"team-" + unique + "\", \"name\": \"Again\"}")
                .status()).as("the code is taken").isEqualTo(409);
        assertProblem(api.post(platform, "/api/v1/plans", "{\"code\": \"x-" + unique
                + "\", \"name\": \"Odd\", \"markup_percent\": \"-100\"}"), 400, "Markup: between -100");
        assertProblem(api.post(platform, "/api/v1/plans", "{\"code\": \"x-" + unique
                + "\", \"name\": \"Odd\", \"tokens_per_minute\": 0}"), 400, "positive");
        assertProblem(api.post(platform, "/api/v1/plans", "{\"code\": \"x-" + unique
                + "\", \"name\": \"Odd\", \"cache_hit_per_million\": \"-1\"}"), 400, "Cache hit price");
        assertProblem(api.post(platform, "/api/v1/plans", "{\"code\": \"Not A Code\", \"name\": \"Odd\"}"), 400,
                "lower-case");
    }

    @Test
    void a_model_is_created_updated_disabled_and_enabled_with_the_screens_rules() {
        String name = "team-model-" + unique;
        Reply created = expect(201, api.post(platform, "/api/v1/models", "{\"name\": \"" + name
                + "\", \"display_name\": \"Team model\", \"capabilities\": [\"chat\", \"tools\"], "
                + "\"context_window\": 32000}"));
        String id = created.json().path("id").asString();
        assertThat(created.json().path("requires_approval").asBoolean()).as("gated unless said").isTrue();
        assertThat(created.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().path("capabilities").toString()).isEqualTo("[\"chat\",\"tools\"]");

        Reply updated = expect(200, put(platform, "/api/v1/models/" + id, "\"0\"", "{\"name\": \"" + name
                + "\", \"display_name\": \"Renamed\", \"context_window\": 64000, \"requires_approval\": false}"));
        assertThat(updated.json().path("requires_approval").asBoolean()).isFalse();
        assertThat(put(platform, "/api/v1/models/" + id, "\"0\"", "{\"name\": \"" + name
                + "\", \"display_name\": \"Lost\", \"context_window\": 1}").status()).isEqualTo(412);

        assertThat(expect(200, api.post(platform, "/api/v1/models/" + id + "/disable", null)).json()
                .path("status").asString()).isEqualTo("DISABLED");
        assertThat(jdbc.sql("select status from models where id = ?::uuid").param(id).query(String.class).single())
                .as("the gateway leaves DISABLED models out").isEqualTo("DISABLED");
        assertThat(expect(200, api.post(platform, "/api/v1/models/" + id + "/enable", null)).json()
                .path("status").asString()).isEqualTo("ACTIVE");

        assertThat(api.post(platform, "/api/v1/models", "{\"name\": \"" + name
                + "\", \"display_name\": \"Twin\", \"context_window\": 8}").status()).isEqualTo(409);
        assertProblem(api.post(platform, "/api/v1/models", "{\"name\": \"has space\", \"display_name\": \"X\", "
                + "\"context_window\": 8}"), 400, "Model name: letters, digits");
        assertProblem(api.post(platform, "/api/v1/models", "{\"name\": \"n-" + unique + "\", \"display_name\": \"X\"}"),
                400, "Context window");
        assertProblem(api.post(platform, "/api/v1/models", "{\"name\": \"n-" + unique + "\", \"display_name\": \"X\", "
                + "\"context_window\": 8, \"status\": \"GONE\"}"), 400, "Status is one of");
        assertThat(api.get(platform, "/api/v1/models/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void prices_start_now_or_later_keep_every_digit_and_are_listed_newest_first() {
        String modelId = expect(201, api.post(platform, "/api/v1/models", "{\"name\": \"priced-" + unique
                + "\", \"display_name\": \"Priced\", \"context_window\": 8192}")).json().path("id").asString();
        // PostgreSQL keeps microseconds
        Instant soon = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        String prices = "/api/v1/models/" + modelId + "/prices";

        Reply first = expect(201, api.post(platform, prices, price(soon, "0.000000001")));
        expect(201, api.post(platform, prices, price(soon.plus(Duration.ofDays(30)), "2.5")));

        assertThat(new BigDecimal(first.json().path("input_per_million").asString()))
                .isEqualByComparingTo("0.000000001");
        assertThat(first.json().path("cache_write_input_per_million").isNull()).as("priced as input").isTrue();
        JsonNode list = expect(200, api.get(platform, prices)).json().path("items");
        assertThat(list).hasSize(2);
        assertThat(new BigDecimal(list.get(0).path("input_per_million").asString())).isEqualByComparingTo("2.5");
        assertThat(Instant.parse(list.get(1).path("effective_from").asString())).isEqualTo(soon);
        assertProblem(api.post(platform, prices, price(Instant.now().minus(Duration.ofDays(1)), "1")), 400,
                "past costs are never rewritten");
        assertProblem(api.post(platform, prices, price(soon.plus(Duration.ofDays(60)), "0.0000000001")), 400,
                "at most 9 decimals");
        assertProblem(api.post(platform, prices, price(soon.plus(Duration.ofDays(60)), "-1")), 400, "not negative");
        assertProblem(api.post(platform, prices, price(soon.plus(Duration.ofDays(60)), "cheap")), 400,
                "decimal string");
        assertProblem(api.post(platform, prices, "{\"effective_from\": \"" + soon.plus(Duration.ofDays(90))
                + "\", \"input_per_million\": \"1\"}"), 400, "Give the start and the input");
        assertThat(api.post(platform, prices, price(soon, "3")).status()).as("that instant has a price")
                .isEqualTo(409);
        assertThat(api.get(platform, "/api/v1/models/" + UUID.randomUUID() + "/prices").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from prices where model_id = ?::uuid").param(modelId).query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void a_provider_credential_is_stored_encrypted_and_never_answered_nor_logged(CapturedOutput output) {
        String secret = "sk-live-" + UUID.randomUUID();
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        // Spring MVC logs the request bodies it reads at this level
        logging.setLogLevel("org.springframework.web", LogLevel.TRACE);
        Reply created;
        Reply updated;
        try {
            created = expect(201, api.post(platform, "/api/v1/providers", "{\"name\": \"openai-" + unique
                    + "\", \"type\": \"OPENAI\", \"base_url\": \"https://api.openai.example/v1\", \"credential\": \""
                    + secret + "\"}"));
            updated = expect(200, put(platform, "/api/v1/providers/" + created.json().path("id").asString(), "\"0\"",
                    "{\"name\": \"openai-" + unique + "\", \"type\": \"OPENAI\", \"enabled\": false, "
                            + "\"credential\": \"" + secret + "-2\"}"));
        } finally {
            logging.setLogLevel("org.springframework.web", null);
        }
        String id = created.json().path("id").asString();

        assertThat(created.body() + updated.body()).doesNotContain(secret);
        assertThat(created.json().path("has_credential").asBoolean()).isTrue();
        assertThat(updated.json().path("enabled").asBoolean()).isFalse();
        assertThat(output.getAll()).as("the request bodies were logged").contains("ProviderRequest[name=openai-")
                .doesNotContain(secret);
        assertThat(cipher.decrypt(stored(id), id)).isEqualTo(secret + "-2");
        assertThat(jdbc.sql("select string_agg(details::text, ' ') from audit_log where target_id = ?")
                .param(id).query(String.class).single()).contains("credentialReplaced").doesNotContain(secret);

        EncryptedSecret before = stored(id);
        Reply kept = expect(200, put(platform, "/api/v1/providers/" + id, "\"1\"",
                "{\"name\": \"renamed-" + unique + "\", \"type\": \"OPENAI\"}"));
        assertThat(kept.json().path("has_credential").asBoolean()).isTrue();
        assertThat(stored(id)).as("no credential sent: the stored one stays").isEqualTo(before);
        assertThat(put(platform, "/api/v1/providers/" + id, "\"1\"", "{\"name\": \"x\", \"type\": \"OPENAI\"}")
                .status()).isEqualTo(412);
        assertProblem(api.post(platform, "/api/v1/providers", "{\"name\": \"odd-" + unique + "\", \"type\": \"SOAP\"}"),
                400, "The type is one of");
        assertThat(api.post(platform, "/api/v1/providers", "{\"name\": \"renamed-" + unique
                + "\", \"type\": \"MOCK\"}").status()).as("names are unique").isEqualTo(409);
    }

    @Test
    void a_bedrock_provider_takes_its_region_and_aws_access_keys_as_the_gateway_reads_them() {
        Reply created = expect(201, api.post(platform, "/api/v1/providers", "{\"name\": \"bedrock-" + unique
                + "\", \"type\": \"BEDROCK\", \"region\": \"eu-central-1\", \"aws_access_key_id\": "
                + "\"AKIAIOSFODNN7EXAMPLE\", \"aws_secret_access_key\": \"wJalrXUtnFEMI/K7MDENG\"}"));
        String id = created.json().path("id").asString();

        assertThat(created.json().path("region").asString()).isEqualTo("eu-central-1");
        assertThat(created.body()).doesNotContain("wJalrXUtnFEMI");
        assertThat(cipher.decrypt(stored(id), id))
                .isEqualTo("{\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"secretAccessKey\":\"wJalrXUtnFEMI/K7MDENG\"}");
        assertThat(jdbc.sql("select settings ->> 'region' from providers where id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo("eu-central-1");
        assertProblem(api.post(platform, "/api/v1/providers", "{\"name\": \"b-" + unique
                + "\", \"type\": \"BEDROCK\", \"region\": \"eu-central-1\", \"aws_access_key_id\": \"AKIA\"}"), 400,
                "Give both the access key ID and the secret access key");
        assertProblem(api.post(platform, "/api/v1/providers", "{\"name\": \"b-" + unique
                + "\", \"type\": \"BEDROCK\", \"credential\": \"bedrock-api-key\"}"), 400, "AWS region");
        assertProblem(api.post(platform, "/api/v1/providers", "{\"name\": \"b-" + unique
                + "\", \"type\": \"OPENAI\", \"aws_access_key_id\": \"AKIA\", \"aws_secret_access_key\": \"s\"}"),
                400, "for BEDROCK providers");
    }

    @Test
    void a_provider_health_check_interval_is_set_read_back_and_cleared() {
        Reply created = expect(201, api.post(platform, "/api/v1/providers", "{\"name\": \"checked-" + unique
                + "\", \"type\": \"MOCK\", \"health_check_seconds\": 15}"));
        String id = created.json().path("id").asString();
        assertThat(created.json().path("health_check_seconds").asInt()).isEqualTo(15);
        assertThat(expect(200, api.get(platform, "/api/v1/providers/" + id)).json().path("health_check_seconds").asInt())
                .isEqualTo(15);
        assertThat(jdbc.sql("select settings::text from providers where id = ?::uuid").param(id)
                .query(String.class).single()).isEqualTo("{\"healthCheckSeconds\": 15}");

        Reply cleared = expect(200, put(platform, "/api/v1/providers/" + id, "\"0\"",
                "{\"name\": \"checked-" + unique + "\", \"type\": \"MOCK\"}"));
        assertThat(cleared.json().path("health_check_seconds").isNumber()).as("%s", cleared).isFalse();
        assertProblem(put(platform, "/api/v1/providers/" + id, "\"1\"", "{\"name\": \"checked-" + unique
                + "\", \"type\": \"MOCK\", \"health_check_seconds\": 2}"), 400, "5 to 3600 seconds");
    }

    @Test
    void a_providers_connect_and_response_timeouts_are_set_kept_when_absent_bounded_and_audited() {
        Reply created = expect(201, api.post(platform, "/api/v1/providers", "{\"name\": \"timed-" + unique
                + "\", \"type\": \"MOCK\"}"));
        String id = created.json().path("id").asString();
        assertThat(created.json().path("connect_timeout_ms").asInt()).as("the column's default").isEqualTo(5_000);
        assertThat(created.json().path("response_timeout_ms").asInt()).isEqualTo(120_000);

        Reply tuned = expect(200, put(platform, "/api/v1/providers/" + id, "\"0\"", "{\"name\": \"timed-" + unique
                + "\", \"type\": \"MOCK\", \"connect_timeout_ms\": 1500, \"response_timeout_ms\": 600000}"));
        assertThat(tuned.json().path("connect_timeout_ms").asInt()).isEqualTo(1_500);
        assertThat(tuned.json().path("response_timeout_ms").asInt()).isEqualTo(600_000);
        // the columns the gateway's snapshot reads
        assertThat(jdbc.sql("select connect_timeout_ms || '/' || response_timeout_ms from providers where id = ?::uuid")
                .param(id).query(String.class).single()).isEqualTo("1500/600000");
        assertThat(jdbc.sql("select details ->> 'connectTimeoutMs' || '/' || (details ->> 'responseTimeoutMs') "
                + "from audit_log where target_id = ? and action = 'provider.update'").param(id).query(String.class)
                .single()).isEqualTo("1500/600000");

        Reply renamed = expect(200, put(platform, "/api/v1/providers/" + id, "\"1\"", "{\"name\": \"timed2-" + unique
                + "\", \"type\": \"MOCK\"}"));
        assertThat(renamed.json().path("connect_timeout_ms").asInt()).as("absent keeps it").isEqualTo(1_500);
        assertThat(renamed.json().path("response_timeout_ms").asInt()).isEqualTo(600_000);
        assertProblem(put(platform, "/api/v1/providers/" + id, "\"2\"", "{\"name\": \"timed-" + unique
                + "\", \"type\": \"MOCK\", \"connect_timeout_ms\": 0}"), 400, "Connect timeout: 1 to 60000");
        assertProblem(put(platform, "/api/v1/providers/" + id, "\"2\"", "{\"name\": \"timed-" + unique
                + "\", \"type\": \"MOCK\", \"response_timeout_ms\": 3600001}"), 400, "Response timeout: 1 to");
        assertThat(expect(200, api.get(platform, "/api/v1/providers/" + id)).json().path("connect_timeout_ms").asInt())
                .isEqualTo(1_500);
    }

    @Test
    void deployments_are_added_reweighted_at_their_version_and_removed() {
        String providerId = expect(201, api.post(platform, "/api/v1/providers", "{\"name\": \"mock-" + unique
                + "\", \"type\": \"MOCK\"}")).json().path("id").asString();
        String modelId = expect(201, api.post(platform, "/api/v1/models", "{\"name\": \"routed-" + unique
                + "\", \"display_name\": \"Routed\", \"context_window\": 8192}")).json().path("id").asString();
        String deployments = "/api/v1/providers/" + providerId + "/deployments";

        Reply created = expect(201, api.post(platform, deployments, "{\"model_id\": \"" + modelId
                + "\", \"upstream_model\": \"up-a\", \"cost_input_per_million\": \"0.15\", "
                + "\"cost_output_per_million\": \"0.6\"}"));
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/deployments/" + id);
        assertThat(created.json().path("weight").asInt()).isEqualTo(100);
        assertThat(created.json().path("model_name").asString()).isEqualTo("routed-" + unique);
        assertThat(new BigDecimal(created.json().path("cost_input_per_million").asString()))
                .isEqualByComparingTo("0.15");

        Reply updated = expect(200, put(platform, "/api/v1/deployments/" + id, "\"0\"",
                "{\"upstream_model\": \"up-a\", \"weight\": 5, \"priority\": 2, \"enabled\": false, "
                        + "\"first_byte_timeout_ms\": 2000, \"total_timeout_ms\": 30000, "
                        + "\"connect_timeout_ms\": 1500, \"idle_timeout_ms\": 10000}"));
        assertThat(updated.json().path("weight").asInt()).isEqualTo(5);
        assertThat(updated.json().path("first_byte_timeout_ms").asInt()).isEqualTo(2_000);
        assertThat(updated.json().path("total_timeout_ms").asInt()).isEqualTo(30_000);
        assertThat(updated.json().path("connect_timeout_ms").asInt()).isEqualTo(1_500);
        assertThat(updated.json().path("idle_timeout_ms").asInt()).isEqualTo(10_000);
        assertThat(created.json().path("idle_timeout_ms").isNull()).as("empty: the provider's").isTrue();
        assertThat(updated.json().path("priority").asInt()).isEqualTo(2);
        assertThat(updated.json().path("enabled").asBoolean()).isFalse();
        assertThat(updated.json().path("model_id").asString()).isEqualTo(modelId);
        assertThat(put(platform, "/api/v1/deployments/" + id, "\"0\"", "{\"upstream_model\": \"up-a\"}").status())
                .isEqualTo(412);
        assertProblem(put(platform, "/api/v1/deployments/" + id, "\"1\"",
                "{\"upstream_model\": \"up-a\", \"weight\": 10001}"), 400, "Weight is a whole number from 0 to 10000");
        assertProblem(api.post(platform, deployments, "{\"model_id\": \"" + modelId + "\", \"upstream_model\": "
                + "\"up-b\", \"cost_input_per_million\": \"0.15\"}"), 400, "give the input and the output cost");
        assertThat(api.post(platform, deployments, "{\"model_id\": \"" + UUID.randomUUID()
                + "\", \"upstream_model\": \"up-b\"}").status()).as("an unknown model").isEqualTo(404);
        assertThat(expect(200, api.get(platform, deployments)).json().path("items")).hasSize(1);

        expect(204, api.send(platform, "DELETE", "/api/v1/deployments/" + id, null, Map.of()));

        assertThat(api.get(platform, "/api/v1/deployments/" + id).status()).isEqualTo(404);
        assertThat(expect(200, api.get(platform, deployments)).json().path("items")).isEmpty();
        List<String> actions = jdbc.sql("""
                        select action from audit_log where target_id = ? and actor_token_id is not null order by id""")
                .param(id).query(String.class).list();
        assertThat(actions).as("each change, with the token that made it")
                .containsExactly("deployment.create", "deployment.update", "deployment.delete");
    }

    @Test
    void a_tenant_admin_turns_an_apps_response_cache_on_at_the_version_read() {
        PortalUser admin = tenants.newTenantMember("ADMIN");
        String token = tokens.tenantToken(admin, "ADMIN");
        Reply app = expect(201, api.post(token, "/api/v1/apps", "{\"name\": \"answers\"}"));
        String id = app.json().path("id").asString();
        assertThat(app.json().path("cache").path("enabled").asBoolean()).isFalse();

        Reply cached = expect(200, put(token, "/api/v1/apps/" + id + "/cache", "\"0\"",
                "{\"enabled\": true, \"nondeterministic\": true}"));

        assertThat(cached.header("ETag")).isEqualTo("\"1\"");
        assertThat(cached.json().path("cache").path("nondeterministic").asBoolean()).isTrue();
        assertThat(first(api.get(token, "/api/v1/apps").json(), "id", id).path("cache").path("enabled").asBoolean())
                .isTrue();
        assertThat(jdbc.sql("select cache_enabled and cache_nondeterministic from apps where id = ?::uuid").param(id)
                .query(Boolean.class).single()).isTrue();
        assertThat(put(token, "/api/v1/apps/" + id + "/cache", "\"0\"", "{\"enabled\": false}").status())
                .isEqualTo(412);
        assertThat(put(token, "/api/v1/apps/" + id + "/cache", null, "{\"enabled\": false}").status())
                .isEqualTo(428);
        expect(204, api.send(token, "DELETE", "/api/v1/apps/" + id, null, Map.of()));
        assertThat(put(token, "/api/v1/apps/" + id + "/cache", "\"2\"", "{\"enabled\": false}").status())
                .as("an archived app has no cache to change").isEqualTo(404);
    }

    private static String price(Instant from, String input) {
        return "{\"effective_from\": \"" + from + "\", \"input_per_million\": \"" + input
                + "\", \"output_per_million\": \"0.60\", \"cached_input_per_million\": \"0.075\"}";
    }

    private EncryptedSecret stored(String providerId) {
        return jdbc.sql("select credential_ciphertext, credential_key_id from providers where id = ?::uuid")
                .param(providerId).query((rs, n) -> new EncryptedSecret(rs.getBytes(1), rs.getString(2))).single();
    }

    private Reply put(String token, String path, String ifMatch, String json) {
        return api.send(token, "PUT", path, json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static JsonNode first(JsonNode page, String field, String value) {
        for (JsonNode item : page.path("items")) {
            if (value.equals(item.path(field).asString())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + page);
    }

    private static void assertProblem(Reply reply, int status, String detail) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asString()).contains(detail);
    }

    private static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        return reply;
    }
}

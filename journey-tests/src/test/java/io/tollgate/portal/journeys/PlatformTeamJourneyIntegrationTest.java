package io.tollgate.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.portal.support.AccessTokens;
import io.tollgate.portal.support.ManagementApi;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import io.tollgate.portal.tokens.AccessTokenService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A platform team onboarding a team by script, over HTTP only, from a platform token made in the portal: put a model
 * in the catalog (provider, model, deployment, price), create the tenant and a service token for it, an app and a
 * key, request the gated model, approve it with a budget, read both back, call the real gateway (its packaged jar, a
 * process of its own) with the key and read the metered call back through the API.
 */
@PortalIntegrationTest
class PlatformTeamJourneyIntegrationTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccessTokenService tokenService;

    RunningGateway gateway;

    @BeforeEach
    void startTheGateway() {
        // boots while the script runs
        gateway = RunningGateway.shared();
    }

    @Test
    void a_platform_team_onboards_a_tenant_by_script_and_its_key_calls_the_gateway() {
        ManagementApi api = new ManagementApi(port);
        String platform = new AccessTokens(tokenService).platformToken(new Tenants(jdbc).newPlatformUser("ADMIN"),
                "ADMIN");
        String slug = "search-" + UUID.randomUUID().toString().substring(0, 8);
        String modelName = "team-" + UUID.randomUUID().toString().substring(0, 8);

        // the catalog: a gated model served by the built-in mock provider, priced from now on
        String provider = expect(201, api.post(platform, "/api/v1/providers", "{\"name\": \"mock-" + modelName
                + "\", \"type\": \"MOCK\"}")).json().path("id").asString();
        String catalogModel = expect(201, api.post(platform, "/api/v1/models", "{\"name\": \"" + modelName
                + "\", \"display_name\": \"Team model\", \"description\": \"Needs approval\", "
                + "\"capabilities\": [\"chat\"], \"context_window\": 128000, \"requires_approval\": true}"))
                .json().path("id").asString();
        expect(201, api.post(platform, "/api/v1/providers/" + provider + "/deployments", "{\"model_id\": \""
                + catalogModel + "\", \"upstream_model\": \"" + modelName + "\"}"));
        expect(201, api.post(platform, "/api/v1/models/" + catalogModel + "/prices", "{\"effective_from\": \""
                + Instant.now() + "\", \"input_per_million\": \"2.50\", \"output_per_million\": \"10.00\", "
                + "\"cached_input_per_million\": \"1.25\"}"));

        String plan = first(api.get(platform, "/api/v1/plans").json(), "name", "Pro").path("id").asString();
        Reply tenant = expect(201, api.post(platform, "/api/v1/tenants",
                "{\"name\": \"Search team\", \"slug\": \"" + slug + "\", \"plan_id\": \"" + plan + "\"}"));
        String tenantId = tenant.json().path("id").asString();
        Reply token = expect(201, api.post(platform, "/api/v1/tenants/" + tenantId + "/tokens",
                "{\"name\": \"search-ci\", \"role\": \"ADMIN\", \"expires_at\": \""
                        + Instant.now().plus(Duration.ofDays(30)) + "\"}"));
        String team = token.json().path("token").asString();
        assertThat(team).startsWith("tgm_");

        String appId = expect(201, api.post(team, "/api/v1/apps",
                "{\"name\": \"search\", \"description\": \"Answers search queries\"}")).json().path("id").asString();
        String key = expect(201, api.post(team, "/api/v1/apps/" + appId + "/keys", "{\"name\": \"production\"}"))
                .json().path("key").asString();
        String modelId = first(api.get(team, "/api/v1/catalog/models?limit=200").json(), "name", modelName)
                .path("id").asString();
        Reply requested = expect(201, api.post(team, "/api/v1/subscriptions", "{\"app_id\": \"" + appId
                + "\", \"model_id\": \"" + modelId + "\", \"justification\": \"search answers\"}"));
        assertThat(requested.json().path("status").asString()).isEqualTo("PENDING");
        String subscriptionId = requested.json().path("id").asString();

        first(api.get(platform, "/api/v1/approvals?limit=200").json(), "id", subscriptionId);
        expect(204, api.post(platform, "/api/v1/approvals/" + subscriptionId + "/approve",
                "{\"monthly_budget_usd\": \"25.00\", \"budget_action\": \"BLOCK\", \"reason\": \"welcome\"}"));

        assertThat(api.get(team, "/api/v1/subscriptions/" + subscriptionId).json().path("status").asString())
                .isEqualTo("APPROVED");
        JsonNode budget = first(api.get(team, "/api/v1/budgets").json(), "scope", "APP_MODEL");
        assertThat(new BigDecimal(budget.path("amount_usd").asString())).isEqualByComparingTo("25");
        assertThat(budget.path("model_id").asString()).isEqualTo(modelId).isEqualTo(catalogModel);

        gateway.awaitReady();
        HttpResponse<String> answer = gateway.chatUntil(key, modelName, 200, PROPAGATION);
        assertThat(answer.statusCode()).as("the gateway serves the approved key: %s%s", answer.body(),
                gateway.logTail()).isEqualTo(200);

        JsonNode call = meteredCall(api, team, appId);
        assertThat(call.path("model").asString()).isEqualTo(modelName);
        assertThat(new BigDecimal(call.path("cost_usd").asString())).isPositive();
        assertThat(call.path("occurred_at").asString()).endsWith("Z");

        JsonNode audit = api.get(platform, "/api/v1/audit-log?tenant_id=" + tenantId + "&limit=200").json();
        List<String> actions = new ArrayList<>();
        audit.path("items").forEach(entry -> actions.add(entry.path("action").asString()));
        assertThat(actions).contains("tenant.create", "token.create", "app.create", "apikey.create",
                "subscription.request", "subscription.approve");
        audit.path("items").forEach(entry -> assertThat(entry.path("actor_token_id").isNull())
                .as("made with a token: %s", entry).isFalse());
    }

    /** The gateway writes usage in batches; the API shows it once written. */
    private JsonNode meteredCall(ManagementApi api, String token, String appId) {
        return Awaitility.await("the call's usage").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> successfulCall(api.get(token, "/api/v1/usage?app_id=" + appId).json().path("items")),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<JsonNode> successfulCall(JsonNode items) {
        for (JsonNode item : items) {
            if (item.path("status_code").asInt() == 200) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static JsonNode first(JsonNode page, String field, String value) {
        JsonNode items = page.has("items") ? page.path("items") : page;
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asString())) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + " = " + value + " in " + page);
    }

    private static Reply expect(int status, Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        return reply;
    }
}

package io.tollgate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.AccessTokens;
import io.tollgate.portal.support.Catalog;
import io.tollgate.portal.support.Invoices;
import io.tollgate.portal.support.ManagementApi;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import io.tollgate.portal.tokens.AccessTokenService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every operation of the OpenAPI document the running application serves, for every role: a role the operation
 * allows succeeds, any other gets 403, a tenant's token naming another tenant's resource gets 404, and so does a
 * platform token naming an id that does not exist. The operations come from the document, so a new endpoint without
 * an entry in {@link #ALLOWED} fails here.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAuthorizationIntegrationTest {

    static final String T_ADMIN = "TENANT_ADMIN";
    static final String T_DEV = "TENANT_DEVELOPER";
    static final String T_BILL = "TENANT_BILLING";
    static final String P_ADMIN = "PLATFORM_ADMIN";
    static final String P_FINANCE = "PLATFORM_FINANCE";
    static final List<String> ROLES = List.of(T_ADMIN, T_DEV, T_BILL, P_ADMIN, P_FINANCE);
    static final Set<String> TENANT = Set.of(T_ADMIN, T_DEV, T_BILL);
    static final Set<String> BUILDERS = Set.of(T_ADMIN, T_DEV);
    static final Set<String> PAYERS = Set.of(T_ADMIN, T_BILL);
    static final Set<String> PLATFORM = Set.of(P_ADMIN);

    /** An operation's rule as the services hold it, and a request that succeeds for an allowed role. */
    record Allowed(Set<String> roles, String body) {
        static Allowed to(Set<String> roles) {
            return new Allowed(roles, "");
        }
        static Allowed to(Set<String> roles, String body) {
            return new Allowed(roles, body);
        }
    }

    static final Map<String, Allowed> ALLOWED = Map.ofEntries(
            Map.entry("GET /api/v1/apps", Allowed.to(TENANT)),
            Map.entry("POST /api/v1/apps", Allowed.to(BUILDERS, "{\"name\": \"{name}\"}")),
            Map.entry("GET /api/v1/apps/{appId}", Allowed.to(TENANT)),
            Map.entry("PUT /api/v1/apps/{appId}", Allowed.to(BUILDERS, "{\"name\": \"{name}\"}")),
            Map.entry("DELETE /api/v1/apps/{appId}", Allowed.to(BUILDERS)),
            Map.entry("GET /api/v1/apps/{appId}/keys", Allowed.to(BUILDERS)),
            Map.entry("POST /api/v1/apps/{appId}/keys", Allowed.to(BUILDERS, "{\"name\": \"ci\"}")),
            Map.entry("POST /api/v1/keys/{keyId}/rotate", Allowed.to(BUILDERS, "{\"grace_seconds\": 60}")),
            Map.entry("DELETE /api/v1/keys/{keyId}", Allowed.to(BUILDERS)),
            Map.entry("GET /api/v1/catalog/models", Allowed.to(Set.of(T_ADMIN, T_DEV, T_BILL, P_ADMIN))),
            Map.entry("GET /api/v1/subscriptions", Allowed.to(TENANT)),
            Map.entry("POST /api/v1/subscriptions",
                    Allowed.to(BUILDERS, "{\"app_id\": \"{appId}\", \"model_id\": \"{modelId}\"}")),
            Map.entry("GET /api/v1/subscriptions/{subscriptionId}", Allowed.to(TENANT)),
            Map.entry("POST /api/v1/subscriptions/{subscriptionId}/cancel", Allowed.to(BUILDERS)),
            Map.entry("GET /api/v1/budgets", Allowed.to(TENANT)),
            Map.entry("POST /api/v1/budgets",
                    Allowed.to(PAYERS, "{\"scope\": \"APP\", \"app_id\": \"{appId}\", \"amount_usd\": \"10.50\"}")),
            Map.entry("GET /api/v1/budgets/{budgetId}", Allowed.to(TENANT)),
            Map.entry("PUT /api/v1/budgets/{budgetId}", Allowed.to(PAYERS,
                    "{\"scope\": \"APP\", \"app_id\": \"{appId}\", \"period\": \"DAY\", "
                            + "\"amount_usd\": \"99.999999999\"}")),
            Map.entry("DELETE /api/v1/budgets/{budgetId}", Allowed.to(PAYERS)),
            Map.entry("GET /api/v1/usage", Allowed.to(TENANT)),
            Map.entry("GET /api/v1/invoices", Allowed.to(PAYERS)),
            Map.entry("GET /api/v1/members", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("GET /api/v1/access-tokens", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("DELETE /api/v1/access-tokens/{tokenId}", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("PUT /api/v1/tenants/{tenantId}/plan",
                    Allowed.to(PLATFORM, "{\"plan_id\": \"00000000-0000-0000-0000-00000000f003\"}")),
            Map.entry("POST /api/v1/approvals/approve", Allowed.to(PLATFORM,
                    "{\"subscription_ids\": [\"{subscriptionId}\", \"{subscriptionId}\"], "
                            + "\"terms\": {\"monthly_budget_usd\": \"3.50\"}}")),
            Map.entry("POST /api/v1/approvals/reject", Allowed.to(PLATFORM,
                    "{\"subscription_ids\": [\"{subscriptionId}\"], \"reason\": \"not now\"}")),
            Map.entry("DELETE /api/v1/members/{userId}", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("GET /api/v1/invitations", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("POST /api/v1/invitations",
                    Allowed.to(Set.of(T_ADMIN), "{\"email\": \"{name}@example.test\", \"role\": \"DEVELOPER\"}")),
            Map.entry("POST /api/v1/invitations/{invitationId}/resend", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("DELETE /api/v1/invitations/{invitationId}", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("GET /api/v1/invoices/{invoiceId}", Allowed.to(PAYERS)),
            Map.entry("GET /api/v1/invoices/{invoiceId}/lines", Allowed.to(PAYERS)),
            Map.entry("GET /api/v1/invoices/{invoiceId}/csv", Allowed.to(PAYERS)),
            Map.entry("GET /api/v1/invoices/{invoiceId}/pdf", Allowed.to(PAYERS)),
            Map.entry("GET /api/v1/usage/csv", Allowed.to(TENANT)),
            Map.entry("GET /api/v1/tenants", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/tenants", Allowed.to(PLATFORM,
                    "{\"name\": \"Team\", \"slug\": \"{slug}\", \"plan_id\": \"00000000-0000-0000-0000-00000000f002\"}")),
            Map.entry("GET /api/v1/tenants/{tenantId}", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/tenants/{tenantId}/suspend", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/tenants/{tenantId}/resume", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/tenants/{tenantId}/tokens", Allowed.to(PLATFORM,
                    "{\"name\": \"onboarding\", \"role\": \"ADMIN\", \"expires_at\": \"{expiry}\"}")),
            Map.entry("GET /api/v1/plans", Allowed.to(PLATFORM)),
            Map.entry("GET /api/v1/approvals", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/approvals/{subscriptionId}/approve", Allowed.to(PLATFORM, "{}")),
            Map.entry("POST /api/v1/approvals/{subscriptionId}/reject",
                    Allowed.to(PLATFORM, "{\"reason\": \"not for this team\"}")),
            Map.entry("GET /api/v1/audit-log", Allowed.to(PLATFORM)),
            Map.entry("PUT /api/v1/apps/{appId}/cache",
                    Allowed.to(Set.of(T_ADMIN), "{\"enabled\": true, \"nondeterministic\": false}")),
            Map.entry("POST /api/v1/plans", Allowed.to(PLATFORM, "{\"code\": \"{code}\", \"name\": \"Team\", "
                    + "\"requests_per_minute\": 30, \"markup_percent\": \"12.5\"}")),
            Map.entry("GET /api/v1/plans/{planId}", Allowed.to(PLATFORM)),
            Map.entry("PUT /api/v1/plans/{planId}", Allowed.to(PLATFORM,
                    "{\"name\": \"Renamed\", \"tokens_per_day\": 1000000, \"markup_percent\": \"-5\"}")),
            Map.entry("GET /api/v1/models", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/models", Allowed.to(PLATFORM,
                    "{\"name\": \"{name}\", \"display_name\": \"Team model\", \"context_window\": 8192}")),
            Map.entry("GET /api/v1/models/{modelId}", Allowed.to(PLATFORM)),
            Map.entry("PUT /api/v1/models/{modelId}", Allowed.to(PLATFORM, "{\"name\": \"{name}\", "
                    + "\"display_name\": \"Renamed\", \"context_window\": 16384, \"requires_approval\": false}")),
            Map.entry("POST /api/v1/models/{modelId}/enable", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/models/{modelId}/disable", Allowed.to(PLATFORM)),
            Map.entry("GET /api/v1/models/{modelId}/prices", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/models/{modelId}/prices", Allowed.to(PLATFORM, "{\"effective_from\": \"{later}\", "
                    + "\"input_per_million\": \"0.15\", \"output_per_million\": \"0.60\", "
                    + "\"cached_input_per_million\": \"0.075\"}")),
            Map.entry("GET /api/v1/providers", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/providers", Allowed.to(PLATFORM, "{\"name\": \"{name}\", \"type\": \"OPENAI\", "
                    + "\"base_url\": \"https://api.openai.example/v1\", \"credential\": \"sk-test\"}")),
            Map.entry("GET /api/v1/providers/{providerId}", Allowed.to(PLATFORM)),
            Map.entry("PUT /api/v1/providers/{providerId}",
                    Allowed.to(PLATFORM, "{\"name\": \"{name}\", \"type\": \"MOCK\"}")),
            Map.entry("GET /api/v1/providers/{providerId}/deployments", Allowed.to(PLATFORM)),
            Map.entry("POST /api/v1/providers/{providerId}/deployments", Allowed.to(PLATFORM,
                    "{\"model_id\": \"{modelId}\", \"upstream_model\": \"up-1\", \"weight\": 50}")),
            Map.entry("GET /api/v1/deployments/{deploymentId}", Allowed.to(PLATFORM)),
            Map.entry("PUT /api/v1/deployments/{deploymentId}", Allowed.to(PLATFORM, "{\"upstream_model\": \"up-2\", "
                    + "\"weight\": 10, \"priority\": 1, \"enabled\": false}")),
            Map.entry("DELETE /api/v1/deployments/{deploymentId}", Allowed.to(PLATFORM)),
            Map.entry("GET /api/v1/webhooks", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("POST /api/v1/webhooks",
                    Allowed.to(Set.of(T_ADMIN), "{\"url\": \"https://hooks.example.test/{name}\"}")),
            Map.entry("DELETE /api/v1/webhooks/{webhookId}", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("POST /api/v1/webhooks/{webhookId}/test", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("GET /api/v1/webhooks/{webhookId}/deliveries", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("POST /api/v1/webhooks/{webhookId}/rotate-secret", Allowed.to(Set.of(T_ADMIN))),
            Map.entry("GET /api/v1/billing-contacts", Allowed.to(PAYERS)),
            Map.entry("POST /api/v1/billing-contacts",
                    Allowed.to(PAYERS, "{\"email\": \"{name}@example.test\"}")),
            Map.entry("DELETE /api/v1/billing-contacts/{contactId}", Allowed.to(PAYERS)),
            Map.entry("GET /api/v1/tenants/{tenantId}/ceilings", Allowed.to(PLATFORM)),
            Map.entry("PUT /api/v1/tenants/{tenantId}/ceilings",
                    Allowed.to(PLATFORM, "{\"requests_per_minute\": 600, \"max_concurrent_requests\": 8}")));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccessTokenService tokenService;

    ManagementApi api;
    Map<String, String> tokens;
    String otherTenantAdmin;
    /** The tenant of each tenant admin token, for fixtures made straight in the database. */
    Map<String, UUID> tenantOfToken;
    final AtomicInteger invoicedMonths = new AtomicInteger();
    String platformAdmin;
    UUID gatedModel;

    @BeforeAll
    void tokensOfEveryRole() {
        api = new ManagementApi(port);
        Tenants tenants = new Tenants(jdbc);
        AccessTokens make = new AccessTokens(tokenService);
        PortalUser admin = tenants.newTenantMember("ADMIN");
        PortalUser platform = tenants.newPlatformUser("ADMIN");
        tokens = Map.of(T_ADMIN, make.tenantToken(admin, "ADMIN"), T_DEV, make.tenantToken(admin, "DEVELOPER"),
                T_BILL, make.tenantToken(admin, "BILLING"), P_ADMIN, make.platformToken(platform, "ADMIN"),
                P_FINANCE, make.platformToken(platform, "FINANCE"));
        PortalUser otherAdmin = tenants.newTenantMember("ADMIN");
        otherTenantAdmin = make.tenantToken(otherAdmin, "ADMIN");
        tenantOfToken = Map.of(tokens.get(T_ADMIN), admin.tenantId(), otherTenantAdmin, otherAdmin.tenantId());
        platformAdmin = tokens.get(P_ADMIN);
        gatedModel = Catalog.newModel(jdbc, true);
    }

    @AfterAll
    void forgetFailures() {
        jdbc.sql("delete from client_auth_failures").update();
    }

    @TestFactory
    Stream<DynamicTest> every_documented_operation_allows_exactly_its_roles() {
        List<String> operations = documentedOperations();
        assertThat(operations).as("operations without a rule here").allSatisfy(
                operation -> assertThat(ALLOWED).containsKey(operation));
        assertThat(ALLOWED.keySet()).as("rules for operations no longer served").allSatisfy(
                operation -> assertThat(operations).contains(operation));
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : operations) {
            for (String role : ROLES) {
                boolean allowed = ALLOWED.get(operation).roles().contains(role);
                tests.add(dynamicTest(operation + " as " + role + (allowed ? " succeeds" : " is 403"), () -> {
                    // the resources in the path are the first tenant's, made with its admin's token
                    Reply reply = call(operation, tokens.get(role), tokens.get(T_ADMIN));
                    if (allowed) {
                        assertThat(reply.status()).as("%s as %s: %s", operation, role, reply).isBetween(200, 299);
                    } else {
                        assertThat(reply.status()).as("%s as %s: %s", operation, role, reply).isEqualTo(403);
                        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                    }
                }));
            }
            if (operation.contains("{") && ALLOWED.get(operation).roles().contains(T_ADMIN)
                    || ALLOWED.get(operation).body().contains("{appId}")) {
                tests.add(dynamicTest(operation + " with another tenant's id is 404", () -> {
                    Reply reply = call(operation, tokens.get(T_ADMIN), otherTenantAdmin);
                    assertThat(reply.status()).as("%s: %s", operation, reply).isEqualTo(404);
                }));
            }
            if (operation.contains("{") && ALLOWED.get(operation).roles().contains(P_ADMIN)) {
                tests.add(dynamicTest(operation + " with an unknown id is 404", () -> {
                    Reply reply = callWithUnknownIds(operation, platformAdmin);
                    assertThat(reply.status()).as("%s: %s", operation, reply).isEqualTo(404);
                    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
                }));
            }
        }
        return tests.stream();
    }

    private Reply call(String operation, String token, String ownerOfResources) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = fill(operation.substring(operation.indexOf(' ') + 1), ownerOfResources);
        String body = ALLOWED.get(operation).body();
        Map<String, String> headers = method.equals("PUT") ? Map.of("If-Match", currentETag(token, path)) : Map.of();
        return api.send(token, method, path, body.isEmpty() ? null : fill(body, ownerOfResources), headers);
    }

    /** What a caller would send: the ETag its GET of the resource answers ("0", a fresh resource's, without one). */
    private String currentETag(String token, String path) {
        String etag = api.get(token, path).header("ETag");
        return etag == null ? "\"0\"" : etag;
    }

    /** The path's ids name nothing; the body is as for a call that succeeds. */
    private Reply callWithUnknownIds(String operation, String token) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = PLACEHOLDER.matcher(operation.substring(operation.indexOf(' ') + 1))
                .replaceAll(unknown -> UUID.randomUUID().toString());
        String body = ALLOWED.get(operation).body();
        Map<String, String> headers = method.equals("PUT") ? Map.of("If-Match", "\"0\"") : Map.of();
        return api.send(token, method, path, body.isEmpty() ? null : fill(body, token), headers);
    }

    /** A fresh resource for each placeholder, so no call depends on another's leftovers. */
    private String fill(String template, String owner) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(fresh(placeholder.group(1), owner)));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    private String fresh(String name, String owner) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return switch (name) {
            case "name" -> "n-" + unique;
            case "slug" -> "team-" + unique;
            case "expiry" -> Instant.now().plus(Duration.ofDays(7)).toString();
            case "later" -> Instant.now().plus(Duration.ofHours(1)).toString();
            case "code" -> "p-" + unique;
            case "modelId" -> Catalog.newModel(jdbc, true).toString();
            case "planId" -> created(platformAdmin, "/api/v1/plans",
                    "{\"code\": \"p-" + unique + "\", \"name\": \"Plan " + unique + "\"}");
            case "providerId" -> created(platformAdmin, "/api/v1/providers",
                    "{\"name\": \"mock-" + unique + "\", \"type\": \"MOCK\"}");
            case "deploymentId" -> created(platformAdmin, "/api/v1/providers/" + fresh("providerId", owner)
                    + "/deployments", "{\"model_id\": \"" + fresh("modelId", owner) + "\", \"upstream_model\": \"up\"}");
            case "appId" -> created(owner, "/api/v1/apps", "{\"name\": \"app-" + unique + "\"}");
            case "keyId" -> created(owner, "/api/v1/apps/" + fresh("appId", owner) + "/keys", "{\"name\": \"k\"}");
            case "budgetId" -> created(owner, "/api/v1/budgets",
                    "{\"scope\": \"APP\", \"app_id\": \"" + fresh("appId", owner) + "\", \"amount_usd\": \"5\"}");
            case "subscriptionId" -> created(owner, "/api/v1/subscriptions", "{\"app_id\": \"" + fresh("appId", owner)
                    + "\", \"model_id\": \"" + gatedModel + "\"}");
            // one invoice per tenant and month
            case "invoiceId" -> new Invoices(jdbc).finalized(tenantOfToken.get(owner),
                    LocalDate.of(2020, 1, 1).plusMonths(invoicedMonths.incrementAndGet()), "Usage", "12.34")
                    .id().toString();
            case "userId" -> new Tenants(jdbc).newMember(tenantOfToken.get(owner), "Team", "DEVELOPER").userId()
                    .toString();
            case "invitationId" -> created(owner, "/api/v1/invitations",
                    "{\"email\": \"i-" + unique + "@example.test\", \"role\": \"DEVELOPER\"}");
            case "tokenId" -> {
                PortalUser tenantAdmin = new Tenants(jdbc).newMember(tenantOfToken.get(owner), "Team", "ADMIN");
                String made = new AccessTokens(tokenService).tenantToken(tenantAdmin, "BILLING");
                yield jdbc.sql("select id from access_tokens where prefix = ?").param(made.substring(0, 12))
                        .query(UUID.class).single().toString();
            }
            // nothing listens on port 1: a test delivery fails at once and is answered as a FAILED delivery
            case "webhookId" -> created(owner, "/api/v1/webhooks", "{\"url\": \"http://localhost:1/hook\"}");
            case "contactId" -> created(owner, "/api/v1/billing-contacts",
                    "{\"email\": \"c-" + unique + "@example.test\"}");
            case "tenantId" -> created(platformAdmin, "/api/v1/tenants", "{\"name\": \"T\", \"slug\": \"t-" + unique
                    + "\", \"plan_id\": \"00000000-0000-0000-0000-00000000f002\"}");
            default -> throw new IllegalArgumentException("No fixture for {" + name + "}");
        };
    }

    private String created(String token, String path, String body) {
        Reply reply = api.post(token, path, body);
        assertThat(reply.status()).as("fixture %s: %s", path, reply).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    private List<String> documentedOperations() {
        Reply document = api.get(null, "/api/v1/openapi.json");
        Set<String> operations = new TreeSet<>();
        document.json().path("paths").properties().forEach(path -> path.getValue().properties().forEach(
                operation -> operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return List.copyOf(operations);
    }
}

package io.tollgate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.ManagementApiIntegrationTest;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The management API's conventions over real HTTP on the real database: tokens only (no session), problem details,
 * the lockout, idempotent creation, versioned updates, cursor pages, and the audit trail naming the token.
 */
class ManagementApiConventionsIntegrationTest extends ManagementApiIntegrationTest {

    PortalUser admin;
    String token;

    @BeforeEach
    void aTenantWithAnAdminToken() {
        admin = tenants.newTenantMember("ADMIN");
        token = tokens.tenantToken(admin, "ADMIN");
    }

    @Test
    void without_a_token_the_answer_is_a_401_problem_detail() {
        Reply reply = api.get(null, "/api/v1/apps");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertProblem(reply.json(), 401);
    }

    @Test
    void a_signed_in_portal_session_is_not_accepted_by_the_api() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(PortalIntegrationTest.ADMIN_EMAIL)
                        + "&password=" + encode(PortalIntegrationTest.ADMIN_PASSWORD) + "&_csrf="
                        + encode(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(browser.send(HttpRequest.newBuilder(url("/dashboard")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("the session works in the portal").isEqualTo(200);

        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(url("/api/v1/tenants")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = browser.send(HttpRequest.newBuilder(url("/api/v1/tenants"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(api.statusCode()).as("the session cookie authenticates nothing here").isEqualTo(401);
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Set-Cookie")).as("no session is made either").isEmpty();
    }

    @Test
    void wrong_tokens_are_refused_audited_and_lock_the_client_out_until_the_lock_ends() {
        String wrong = "tgm_" + "A".repeat(32);
        for (int attempt = 1; attempt <= 4; attempt++) {
            Reply refused = api.get(wrong, "/api/v1/apps");
            assertThat(refused.status()).isEqualTo(401);
            assertProblem(refused.json(), 401);
        }
        assertThat(api.get(wrong, "/api/v1/apps").status()).as("the fifth wrong token locks").isEqualTo(401);

        Reply locked = api.get(token, "/api/v1/apps");

        assertThat(locked.status()).as("even a good token, from a locked-out client").isEqualTo(429);
        assertThat(locked.header("Retry-After")).isEqualTo("900");
        assertProblem(locked.json(), 429);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'api.token.refused' and ip_address = '127.0.0.1'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'api.client.lockout'")
                .query(Long.class).single()).isPositive();

        jdbc.sql("update client_auth_failures set locked_until = now() - interval '1 second'").update();
        assertThat(api.get(token, "/api/v1/apps").status()).as("after the lock").isEqualTo(200);
    }

    @Test
    void a_revoked_token_and_a_personal_token_whose_owner_lost_the_role_stop_working() {
        String personal = tokens.personalTenantToken(admin, "DEVELOPER");
        assertThat(api.get(personal, "/api/v1/apps").status()).isEqualTo(200);

        jdbc.sql("update memberships set role = 'BILLING' where user_id = ?").param(admin.userId()).update();
        assertThat(api.get(personal, "/api/v1/apps").status()).as("the owner is no longer a developer or admin")
                .isEqualTo(401);
        assertThat(api.get(token, "/api/v1/apps").status()).as("a service token does not depend on its maker")
                .isEqualTo(200);

        UUID tokenId = jdbc.sql("select id from access_tokens where prefix = ?").param(token.substring(0, 12))
                .query(UUID.class).single();
        jdbc.sql("update memberships set role = 'ADMIN' where user_id = ?").param(admin.userId()).update();
        Tenants.signIn(admin);
        try {
            tokenService.revokeInTenant(tokenId);
        } finally {
            Tenants.signOut();
        }
        assertThat(api.get(token, "/api/v1/apps").status()).isEqualTo(401);
        assertThat(jdbc.sql("select last_used_at is not null from access_tokens where id = ?").param(tokenId)
                .query(Boolean.class).single()).as("last used is recorded").isTrue();
    }

    @Test
    void a_change_is_audited_with_the_token_that_made_it() {
        Reply created = api.post(token, "/api/v1/apps", "{\"name\": \"audited\"}");
        assertThat(created.status()).as("%s", created).isEqualTo(201);

        Map<String, Object> row = jdbc.sql("""
                        select l.actor_user_id, l.actor_email, t.prefix from audit_log l
                        join access_tokens t on t.id = l.actor_token_id
                        where l.action = 'app.create' and l.target_id = ?""")
                .param(created.json().path("id").asString()).query().singleRow();
        assertThat(row.get("prefix")).isEqualTo(token.substring(0, 12));
        assertThat(row.get("actor_email")).asString().startsWith("service token ");
        assertThat(row.get("actor_user_id")).as("a service token is not its maker").isNull();
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_creates_once_even_when_sent_concurrently() throws Exception {
        String appId = api.post(token, "/api/v1/apps", "{\"name\": \"keys\"}").json().path("id").asString();
        String key = UUID.randomUUID().toString();
        Callable<Reply> create = () -> api.send(token, "POST", "/api/v1/apps/" + appId + "/keys",
                "{\"name\": \"ci\"}", Map.of("Idempotency-Key", key));

        List<Reply> replies = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(3)) {
            List<Future<Reply>> sent = List.of(threads.submit(create), threads.submit(create), threads.submit(create));
            for (Future<Reply> reply : sent) {
                replies.add(reply.get());
            }
        }

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isEqualTo(201));
        assertThat(replies).extracting(Reply::body).containsOnly(replies.getFirst().body());
        assertThat(replies.getFirst().json().path("key").asString()).startsWith("tg_");
        assertThat(replies).filteredOn(reply -> "true".equals(reply.header("Idempotent-Replayed"))).hasSize(2);
        assertThat(jdbc.sql("select count(*) from api_keys where app_id = ?").param(UUID.fromString(appId))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select body from idempotent_requests where idem_key = ?").param(key)
                .query(byte[].class).single()).as("the stored answer holds the key only encrypted")
                .asString(StandardCharsets.ISO_8859_1).doesNotContain(replies.getFirst().json().path("key").asString());

        Reply other = api.send(token, "POST", "/api/v1/apps/" + appId + "/keys", "{\"name\": \"other\"}",
                Map.of("Idempotency-Key", key));
        assertThat(other.status()).as("the same key with another request").isEqualTo(422);
        assertProblem(other.json(), 422);
    }

    @Test
    void a_failed_creation_is_not_remembered_so_the_retry_can_succeed() {
        String key = UUID.randomUUID().toString();
        Reply refused = api.send(token, "POST", "/api/v1/apps", "{\"name\": \"\"}", Map.of("Idempotency-Key", key));
        assertThat(refused.status()).isEqualTo(400);

        Reply retried = api.send(token, "POST", "/api/v1/apps", "{\"name\": \"\"}", Map.of("Idempotency-Key", key));
        assertThat(retried.status()).isEqualTo(400);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void an_update_names_the_version_it_changes_and_a_stale_one_is_refused() {
        Reply created = api.post(token, "/api/v1/apps", "{\"name\": \"versioned\"}");
        String path = "/api/v1/apps/" + created.json().path("id").asString();
        String etag = api.get(token, path).header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        Reply missing = api.send(token, "PUT", path, "{\"name\": \"no if-match\"}", Map.of());
        assertThat(missing.status()).isEqualTo(428);
        assertProblem(missing.json(), 428);

        Reply first = api.send(token, "PUT", path, "{\"name\": \"first\"}", Map.of("If-Match", etag));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");

        Reply second = api.send(token, "PUT", path, "{\"name\": \"second\"}", Map.of("If-Match", etag));
        assertThat(second.status()).as("a change made meanwhile").isEqualTo(412);
        assertProblem(second.json(), 412);
        assertThat(api.get(token, path).json().path("name").asString()).isEqualTo("first");
    }

    @Test
    void a_list_pages_with_an_opaque_cursor_until_the_last_page() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(api.post(token, "/api/v1/apps", "{\"name\": \"page-" + i + "\"}").json().path("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = api.get(token, "/api/v1/apps?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(item -> seen.add(item.path("id").asString()));
            JsonNode next = page.json().path("next_cursor");
            cursor = next.isNull() || next.isMissingNode() ? null : next.asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(made);
        Reply bad = api.get(token, "/api/v1/apps?cursor=not-ours");
        assertThat(bad.status()).isEqualTo(400);
        assertProblem(bad.json(), 400);
        assertThat(api.get(token, "/api/v1/apps?limit=0").status()).isEqualTo(400);
    }

    @Test
    void problems_carry_type_title_status_and_detail() {
        Reply notFound = api.get(token, "/api/v1/apps/" + UUID.randomUUID());
        Reply badId = api.get(token, "/api/v1/apps/not-a-uuid");
        Reply conflict = api.post(token, "/api/v1/apps", "{\"name\": \"twice\"}");
        Reply twice = api.post(token, "/api/v1/apps", "{\"name\": \"twice\"}");

        assertThat(conflict.status()).isEqualTo(201);
        assertProblem(notFound.json(), 404);
        assertThat(notFound.json().path("detail").asString()).isEqualTo("App not found");
        assertProblem(badId.json(), 400);
        assertProblem(twice.json(), 409);
        assertThat(twice.header("Content-Type")).startsWith("application/problem+json");

        Reply unknown = api.get(token, "/api/v1/no-such-thing");
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
        assertProblem(unknown.json(), 404);
    }

    private static void assertProblem(JsonNode problem, int status) {
        assertThat(problem.path("status").asInt()).as("%s", problem).isEqualTo(status);
        // RFC 9457: an absent type means "about:blank"
        assertThat(problem.path("type").asString("about:blank")).isNotBlank();
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

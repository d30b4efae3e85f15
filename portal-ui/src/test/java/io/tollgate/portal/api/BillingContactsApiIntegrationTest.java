package io.tollgate.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.ManagementApi.Reply;
import io.tollgate.portal.support.ManagementApiIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tenant's billing e-mail contacts over real HTTP, through the service the Webhooks and Invoices screens use: a
 * list under one ETag, each address validated, at most ten, added idempotently, audited with the token, and a
 * tenant's token reaches only its own tenant's contacts.
 */
class BillingContactsApiIntegrationTest extends ManagementApiIntegrationTest {

    static final String PATH = "/api/v1/billing-contacts";

    PortalUser adminOfA;
    PortalUser adminOfB;

    @BeforeEach
    void twoTenants() {
        adminOfA = tenants.newTenantMember("ADMIN");
        adminOfB = tenants.newTenantMember("ADMIN");
    }

    @Test
    void a_billing_member_adds_and_removes_contacts_under_the_lists_etag_and_the_admin_reads_them() {
        String billing = tokens.tenantToken(adminOfA, "BILLING");
        String admin = tokens.tenantToken(adminOfA, "ADMIN");
        Reply empty = api.get(billing, PATH);
        assertThat(empty.status()).as("%s", empty).isEqualTo(200);
        assertThat(empty.json().path("contacts").size()).isZero();
        assertThat(empty.json().path("maximum").asInt()).isEqualTo(10);

        Reply first = add(billing, " finance@team-a.example ", empty.header("ETag"), "add-finance");
        Reply replay = add(billing, " finance@team-a.example ", empty.header("ETag"), "add-finance");

        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.json().path("email").asString()).isEqualTo("finance@team-a.example");
        assertThat(first.header("Location")).endsWith(PATH + "/" + first.json().path("id").asString());
        assertThat(first.header("ETag")).isNotEqualTo(empty.header("ETag"));
        assertThat(replay.status()).as("a replay answers the first result").isEqualTo(201);
        assertThat(replay.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        Reply second = add(billing, "cfo@team-a.example", first.header("ETag"), null);
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        Reply stale = add(admin, "late@team-a.example", first.header("ETag"), null);
        assertThat(stale.status()).as("an add on the version read before").isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        Reply again = add(admin, "FINANCE@team-a.example", null, null);
        assertThat(again.status()).as("the same address in other case").isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains("already a billing contact");
        Reply invalid = add(admin, "finance@localhost", null, null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");

        Reply read = api.get(admin, PATH);
        assertThat(emails(read)).containsExactly("finance@team-a.example", "cfo@team-a.example");
        assertThat(read.header("ETag")).isEqualTo(second.header("ETag"));
        assertThat(auditedTokenPrefix("tenant.billing_contact.add")).isEqualTo(billing.substring(0, 12));

        String firstPath = PATH + "/" + first.json().path("id").asString();
        assertThat(remove(admin, firstPath, first.header("ETag")).status()).as("a removal on an old version")
                .isEqualTo(412);
        Reply removed = remove(admin, firstPath, read.header("ETag"));
        assertThat(removed.status()).as("%s", removed).isEqualTo(204);
        assertThat(removed.header("ETag")).isNotEqualTo(read.header("ETag"));
        assertThat(emails(api.get(billing, PATH))).containsExactly("cfo@team-a.example");
        assertThat(auditedTokenPrefix("tenant.billing_contact.remove")).isEqualTo(admin.substring(0, 12));
        assertThat(remove(admin, firstPath, null).status()).isEqualTo(404);

        String developer = tokens.tenantToken(adminOfA, "DEVELOPER");
        assertThat(api.get(developer, PATH).status()).isEqualTo(403);
        assertThat(add(developer, "dev@team-a.example", null, null).status()).isEqualTo(403);
        assertThat(emails(api.get(admin, PATH))).containsExactly("cfo@team-a.example");
    }

    @Test
    void a_tenant_has_at_most_ten_contacts_and_can_add_again_after_removing_one() {
        String admin = tokens.tenantToken(adminOfA, "ADMIN");
        String lastId = "";
        for (int i = 1; i <= 10; i++) {
            Reply added = add(admin, "contact" + i + "@team-a.example", null, null);
            assertThat(added.status()).as("%s", added).isEqualTo(201);
            lastId = added.json().path("id").asString();
        }

        Reply eleventh = add(admin, "contact11@team-a.example", null, null);

        assertThat(eleventh.status()).isEqualTo(409);
        assertThat(eleventh.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eleventh.json().path("detail").asString()).contains("at most 10");
        assertThat(api.get(admin, PATH).json().path("contacts").size()).isEqualTo(10);
        assertThat(remove(admin, PATH + "/" + lastId, null).status()).isEqualTo(204);
        assertThat(add(admin, "contact11@team-a.example", null, null).status()).isEqualTo(201);
    }

    @Test
    void another_tenants_token_neither_reads_nor_removes_this_tenants_contacts() {
        String tokenOfA = tokens.tenantToken(adminOfA, "ADMIN");
        String tokenOfB = tokens.tenantToken(adminOfB, "BILLING");
        String secretId = add(tokenOfA, "secret-billing@team-a.example", null, null).json().path("id").asString();

        Reply readByB = api.get(tokenOfB, PATH);
        assertThat(readByB.status()).isEqualTo(200);
        assertThat(readByB.body()).doesNotContain("team-a");
        assertThat(remove(tokenOfB, PATH + "/" + secretId, null).status()).isEqualTo(404);
        assertThat(add(tokenOfB, "secret-billing@team-a.example", null, null).status())
                .as("the same address is another tenant's own contact").isEqualTo(201);

        assertThat(emails(api.get(tokenOfA, PATH))).containsExactly("secret-billing@team-a.example");
        assertThat(jdbc.sql("select tenant_id from tenant_billing_contacts where id = ?")
                .param(UUID.fromString(secretId)).query(UUID.class).single()).isEqualTo(adminOfA.tenantId());
    }

    private Reply add(String token, String email, @Nullable String etag, @Nullable String idempotencyKey) {
        Map<String, String> headers = new HashMap<>();
        if (etag != null) {
            headers.put("If-Match", etag);
        }
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey + "-" + adminOfA.tenantId());
        }
        return api.send(token, "POST", PATH, "{\"email\": \"" + email + "\"}", headers);
    }

    private Reply remove(String token, String path, @Nullable String etag) {
        return api.send(token, "DELETE", path, null, etag == null ? Map.of() : Map.of("If-Match", etag));
    }

    private static List<String> emails(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        reply.json().path("contacts").forEach(contact -> emails.add(contact.path("email").asString()));
        return emails;
    }

    private String auditedTokenPrefix(String action) {
        return jdbc.sql("""
                        select t.prefix from audit_log l join access_tokens t on t.id = l.actor_token_id
                        where l.action = ? and l.tenant_id = ? order by l.id desc limit 1""")
                .params(action, adminOfA.tenantId()).query(String.class).single();
    }
}

package io.tollgate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PolicyChain;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.Requests;
import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.Snapshots;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Each way a key is presented or fails, as a client meets it: OpenAI's 401 with the code that says why. */
class ApiKeyPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Requests.RECEIVED_AT, ZoneOffset.UTC);
    private static final String VALID = key("Va1idKey");
    private static final String REVOKED = key("Revoked1");
    private static final String EXPIRED = key("Expired1");
    private static final String EXPIRING_NOW = key("ExpNow01");
    private static final String EXPIRING_LATER = key("ExpLater");
    private static final String REVOKED_AND_EXPIRED = key("RevExp01");
    private static final String SUSPENDED = key("Suspend1");
    private static final String ARCHIVED = key("Archive1");
    private static final String FOREIGN_APP = key("Foreign1");
    private static final String DELETED_APP = key("Deleted1");

    private final ApiKeyPolicy policy = new ApiKeyPolicy(Snapshots.HASHER);
    private final Snapshots.Builder world = Snapshots.builder();
    private final AppEntry app;
    private final ConfigSnapshot snapshot;

    ApiKeyPolicyTest() {
        var acme = world.tenant("acme");
        app = world.app(acme, "support-bot");
        world.key(app, VALID);
        world.key(app, REVOKED, true, null);
        world.key(app, EXPIRED, false, Requests.RECEIVED_AT.minusSeconds(1));
        world.key(app, EXPIRING_NOW, false, Requests.RECEIVED_AT);
        world.key(app, EXPIRING_LATER, false, Requests.RECEIVED_AT.plus(Duration.ofDays(1)));
        world.key(app, REVOKED_AND_EXPIRED, true, Requests.RECEIVED_AT.minusSeconds(1));
        world.key(world.app(world.tenant("frozen", true), "batch"), SUSPENDED);
        world.key(world.app(acme, "old-bot", false), ARCHIVED);
        // a key row naming acme for an app of another tenant: it must never pass as either
        world.key(acme.id(), world.app(world.tenant("globex"), "globex-bot"), FOREIGN_APP, false, null);
        world.key(new AppEntry(UUID.randomUUID(), acme.id(), "gone", true, false, false), DELETED_APP);
        snapshot = world.build();
    }

    @Test
    void a_valid_bearer_key_attaches_its_key_app_and_tenant_to_the_request_and_passes_at_once() {
        var context = presenting(bearer(VALID));

        var decision = policy.apply(context);

        assertThat(PolicyChain.passedAtOnce(decision)).isTrue();
        var caller = context.caller().orElseThrow();
        assertThat(caller.key()).isSameAs(snapshot.keyByPrefix(VALID.substring(0, 11)).orElseThrow());
        assertThat(caller.app().id()).isEqualTo(app.id());
        assertThat(caller.app().name()).isEqualTo("support-bot");
        assertThat(caller.tenant().id()).isEqualTo(app.tenantId());
        assertThat(caller.tenant().slug()).isEqualTo("acme");
    }

    @Test
    void the_key_is_read_from_a_bearer_header_of_any_case_or_else_from_x_api_key() {
        var lowercase = new HttpHeaders();
        lowercase.set(HttpHeaders.AUTHORIZATION, "bearer   " + VALID + "  ");
        var apiKey = new HttpHeaders();
        apiKey.set("x-api-key", " " + VALID);

        assertThat(refusal(presenting(lowercase))).isNull();
        assertThat(refusal(presenting(apiKey))).isNull();
    }

    @Test
    void a_bearer_header_wins_over_x_api_key() {
        var headers = bearer(REVOKED);
        headers.set("x-api-key", VALID);

        assertThat(refusal(presenting(headers))).isEqualTo(unauthenticated("api_key_revoked",
                "This API key has been revoked."));
    }

    @Test
    void no_key_at_all_an_empty_bearer_or_another_scheme_is_401_missing_api_key() {
        var missing = unauthenticated("missing_api_key",
                "You didn't provide an API key. Send it as 'Authorization: Bearer tg_...' or in 'x-api-key'.");
        var emptyBearer = new HttpHeaders();
        emptyBearer.set(HttpHeaders.AUTHORIZATION, "Bearer    ");
        var basic = new HttpHeaders();
        basic.set(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz");

        assertThat(refusal(presenting(new HttpHeaders()))).isEqualTo(missing);
        assertThat(refusal(presenting(emptyBearer))).isEqualTo(missing);
        assertThat(refusal(presenting(basic))).isEqualTo(missing);
    }

    @Test
    void a_malformed_key_is_401_invalid_api_key() {
        var invalid = unauthenticated("invalid_api_key", "Incorrect API key provided.");

        assertThat(refusal(presenting(bearer("sk-proj-0123456789abcdef0123456789abcdef")))).isEqualTo(invalid);
        assertThat(refusal(presenting(bearer(VALID.substring(0, VALID.length() - 1))))).as("one character short")
                .isEqualTo(invalid);
        assertThat(refusal(presenting(bearer(VALID + "0")))).as("one character long").isEqualTo(invalid);
        assertThat(refusal(presenting(bearer(VALID.substring(0, 20) + "-" + VALID.substring(21)))))
                .as("a character outside base62").isEqualTo(invalid);
    }

    @Test
    void an_unknown_key_and_a_known_prefix_with_another_secret_are_401_invalid_api_key() {
        var invalid = unauthenticated("invalid_api_key", "Incorrect API key provided.");
        String samePrefix = VALID.substring(0, 11) + "z".repeat(VALID.length() - 11);

        assertThat(refusal(presenting(bearer(key("Unknown1"))))).isEqualTo(invalid);
        assertThat(refusal(presenting(bearer(samePrefix)))).isEqualTo(invalid);
    }

    @Test
    void a_revoked_key_is_401_api_key_revoked_even_when_it_has_expired_too() {
        var revoked = unauthenticated("api_key_revoked", "This API key has been revoked.");

        assertThat(refusal(presenting(bearer(REVOKED)))).isEqualTo(revoked);
        assertThat(refusal(presenting(bearer(REVOKED_AND_EXPIRED)))).isEqualTo(revoked);
    }

    @Test
    void a_key_is_401_api_key_expired_from_the_instant_it_expires_and_valid_before() {
        var expired = unauthenticated("api_key_expired", "This API key has expired.");

        assertThat(refusal(presenting(bearer(EXPIRED)))).isEqualTo(expired);
        assertThat(refusal(presenting(bearer(EXPIRING_NOW)))).isEqualTo(expired);
        assertThat(refusal(presenting(bearer(EXPIRING_LATER)))).isNull();
        assertThat(refusal(arriving(EXPIRING_LATER, Requests.RECEIVED_AT.plus(Duration.ofDays(1)))))
                .as("a day later").isEqualTo(expired);
    }

    @Test
    void a_key_of_a_suspended_tenant_is_401_tenant_suspended() {
        assertThat(refusal(presenting(bearer(SUSPENDED)))).isEqualTo(unauthenticated("tenant_suspended",
                "The organization of this API key is suspended."));
    }

    @Test
    void a_key_of_an_archived_app_is_401_app_archived() {
        assertThat(refusal(presenting(bearer(ARCHIVED)))).isEqualTo(unauthenticated("app_archived",
                "The app of this API key is archived."));
    }

    @Test
    void a_key_whose_app_belongs_to_another_tenant_or_is_gone_is_401_invalid_api_key() {
        var invalid = unauthenticated("invalid_api_key", "Incorrect API key provided.");

        assertThat(refusal(presenting(bearer(FOREIGN_APP)))).isEqualTo(invalid);
        assertThat(refusal(presenting(bearer(DELETED_APP)))).isEqualTo(invalid);
    }

    @Test
    void a_refused_request_gets_no_caller_and_the_body_openai_clients_parse() {
        var context = presenting(bearer(REVOKED));

        var rejection = refusal(context);

        assertThat(context.caller()).isEmpty();
        assertThat(new String(new ErrorWriter().body(rejection), StandardCharsets.UTF_8)).isEqualTo("{\"error\":{"
                + "\"message\":\"This API key has been revoked.\",\"type\":\"authentication_error\",\"param\":null,"
                + "\"code\":\"api_key_revoked\"}}");
    }

    private RequestContext presenting(HttpHeaders headers) {
        return arriving(ApiKeyPolicy.presentedKey(headers), CLOCK.instant());
    }

    private RequestContext arriving(@Nullable String presentedKey, Instant at) {
        return Requests.arriving(snapshot, Endpoint.CHAT, Requests.chat("gpt-4o", "Hello"), presentedKey, at);
    }

    private @Nullable Rejection refusal(RequestContext context) {
        return policy.apply(context).block();
    }

    private static HttpHeaders bearer(String key) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(key);
        return headers;
    }

    private static Rejection unauthenticated(String code, String message) {
        return new Rejection(401, "authentication_error", null, code, message);
    }

    /** A well-formed key ("tg_" and 32 base62 characters) whose public prefix ends with {@code eight}. */
    private static String key(String eight) {
        return "tg_" + eight + "0123456789abcdefghijKLMN";
    }
}

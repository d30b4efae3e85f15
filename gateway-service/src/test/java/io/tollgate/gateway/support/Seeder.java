package io.tollgate.gateway.support;

import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.MasterKeys;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Seeds configuration rows with plain JDBC, each with fresh ids and names, as the portal would. */
public final class Seeder {

    public static final String API_KEY_SECRET = "gateway-tests-api-key-secret-0123456789";
    public static final String MASTER_KEYS = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    public static final UUID BASIC_PLAN = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    /** A plan without limits, so that tests about other things are never rate limited; limit tests set their own. */
    public static final UUID UNLIMITED_PLAN = UUID.fromString("00000000-0000-0000-0000-0000000e5700");
    public static final String PROVIDER_CREDENTIAL = "sk-upstream-test-credential";

    private static final ApiKeyGenerator KEYS = new ApiKeyGenerator(
            new ApiKeyHasher(API_KEY_SECRET.getBytes(StandardCharsets.UTF_8), "v1"));
    private static final CredentialCipher CIPHER = new CredentialCipher(MasterKeys.parse(MASTER_KEYS));

    private final JdbcClient jdbc;

    public Seeder(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into plans (id, code, name) values (?, 'tests-unlimited', 'Tests: no limits') on conflict do nothing")
                .param(UNLIMITED_PLAN).update();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public record IssuedKey(UUID id, String plaintext, String prefix) {
    }

    public UUID tenant() {
        return tenant(UNLIMITED_PLAN);
    }

    public UUID tenant(UUID plan) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenants (id, slug, name, plan_id) values (?, ?, 'Test tenant', ?)")
                .params(id, "t-" + unique(), plan).update();
        return id;
    }

    public UUID app(UUID tenant) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into apps (id, tenant_id, name) values (?, ?, ?)").params(id, tenant, "app-" + unique()).update();
        return id;
    }

    public IssuedKey key(UUID tenant, UUID app, @Nullable Instant expiresAt) {
        var generated = KEYS.generate();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into api_keys (id, tenant_id, app_id, name, prefix, secret_hash, hash_key_id, expires_at)
                        values (?, ?, ?, 'test key', ?, ?, ?, ?)""")
                .params(id, tenant, app, generated.prefix(), generated.hash(), generated.hashKeyId(),
                        expiresAt == null ? null : Timestamp.from(expiresAt)).update();
        return new IssuedKey(id, generated.plaintext(), generated.prefix());
    }

    public UUID openAiCompatibleProvider(String baseUrl) {
        UUID id = UUID.randomUUID();
        var credential = CIPHER.encrypt(PROVIDER_CREDENTIAL, id.toString());
        jdbc.sql("""
                        insert into providers (id, name, type, base_url, credential_ciphertext, credential_key_id,
                                               connect_timeout_ms, response_timeout_ms)
                        values (?, ?, 'OPENAI_COMPATIBLE', ?, ?, ?, 2000, 10000)""")
                .params(id, "upstream-" + unique(), baseUrl, credential.ciphertext(), credential.keyId()).update();
        return id;
    }

    public UUID anthropicProvider(String baseUrl) {
        UUID id = UUID.randomUUID();
        var credential = CIPHER.encrypt(PROVIDER_CREDENTIAL, id.toString());
        jdbc.sql("""
                        insert into providers (id, name, type, base_url, credential_ciphertext, credential_key_id,
                                               connect_timeout_ms, response_timeout_ms)
                        values (?, ?, 'ANTHROPIC', ?, ?, ?, 2000, 10000)""")
                .params(id, "anthropic-" + unique(), baseUrl, credential.ciphertext(), credential.keyId()).update();
        return id;
    }

    public UUID mockProvider(String settingsJson) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into providers (id, name, type, settings) values (?, ?, 'MOCK', ?::jsonb)")
                .params(id, "mock-" + unique(), settingsJson).update();
        return id;
    }

    /** A model with a deployment on the provider and a price from the epoch: input, cached input, output per million. */
    public String model(UUID provider, String upstreamModel, String input, String cached, String output) {
        UUID model = UUID.randomUUID();
        String name = "model-" + unique();
        jdbc.sql("insert into models (id, name, display_name, context_window) values (?, ?, ?, 128000)")
                .params(model, name, name).update();
        jdbc.sql("insert into deployments (id, model_id, provider_id, upstream_model) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), model, provider, upstreamModel).update();
        jdbc.sql("""
                        insert into prices (id, model_id, effective_from, input_per_million, output_per_million,
                                            cached_input_per_million) values (?, ?, '2000-01-01T00:00:00Z', ?, ?, ?)""")
                .params(UUID.randomUUID(), model, new BigDecimal(input), new BigDecimal(output), new BigDecimal(cached))
                .update();
        return name;
    }

    /** Another deployment of the model (by name) on the provider. */
    public UUID deployment(String model, UUID provider, String upstreamModel, int priority) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into deployments (id, model_id, provider_id, upstream_model, priority)
                        select ?, id, ?, ?, ? from models where name = ?""")
                .params(id, provider, upstreamModel, priority, model).update();
        return id;
    }

    /** The model's deployment of that upstream model. */
    public UUID deploymentOf(String model, String upstreamModel) {
        return jdbc.sql("""
                        select d.id from deployments d join models m on m.id = d.model_id
                        where m.name = ? and d.upstream_model = ?""")
                .params(model, upstreamModel).query(UUID.class).single();
    }

    public void subscribe(UUID tenant, UUID app, String model, String status) {
        jdbc.sql("""
                        insert into subscriptions (id, tenant_id, app_id, model_id, status, decided_at)
                        select ?, ?, ?, id, ?, case when ? = 'PENDING' then null else now() end from models where name = ?""")
                .params(UUID.randomUUID(), tenant, app, status, status, model).update();
    }

    private static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }
}

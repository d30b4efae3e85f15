package io.tollgate.standalone;

import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.GeneratedApiKey;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo tenant ("demo", plan pro): its administrator demo@tollgate.local, the app "Demo app" with
 * approved subscriptions to two models, and the API key "demo". Generated secrets are returned as notices
 * to show once; what exists already is left alone.
 */
final class DemoTenantSeed {

    static final String TENANT = "demo";
    static final String USER = "demo@tollgate.local";
    static final String APP = "Demo app";
    static final String KEY_NAME = "demo";
    static final List<String> SUBSCRIBED_MODELS = List.of("gpt-4o-mini", "text-embedding-3-small");

    private final PasswordEncoder passwords;
    private final ApiKeyGenerator keys;
    private final Optional<String> demoApiKey;

    DemoTenantSeed(PasswordEncoder passwords, ApiKeyGenerator keys, Optional<String> demoApiKey) {
        this.passwords = passwords;
        this.keys = keys;
        this.demoApiKey = demoApiKey;
    }

    List<String> ensure(SeedStatements sql, UUID adminId, Map<String, UUID> models) throws SQLException {
        List<String> notices = new ArrayList<>();
        UUID tenant = sql.ensure(sql.findId("select id from tenants where slug = ?", TENANT), """
                insert into tenants (id, slug, name, plan_id) select ?, ?, 'Demo', id from plans where code = 'pro'""",
                TENANT);
        Optional<UUID> existingUser = sql.findId("select id from users where email = ?", USER);
        if (existingUser.isEmpty()) {
            String password = RandomSecrets.password();
            notices.add(Notices.login("Demo", USER, password));
            existingUser = Optional.of(sql.ensure(Optional.empty(), """
                    insert into users (id, email, display_name, password_hash) values (?, ?, 'Demo admin', ?)""",
                    USER, passwords.encode(password)));
        }
        UUID user = existingUser.get();
        sql.update("""
                insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, 'ADMIN')
                on conflict (tenant_id, user_id) do nothing""", UUID.randomUUID(), tenant, user);
        UUID app = sql.ensure(sql.findId("select id from apps where tenant_id = ? and name = ?", tenant, APP), """
                insert into apps (id, tenant_id, name, description) values (?, ?, ?, 'Created by the standalone demo')""",
                tenant, APP);
        for (String model : SUBSCRIBED_MODELS) {
            sql.ensure(sql.findId("""
                    select id from subscriptions where tenant_id = ? and app_id = ? and model_id = ?
                    and status in ('PENDING', 'APPROVED')""", tenant, app, models.get(model)), """
                    insert into subscriptions (id, tenant_id, app_id, model_id, status, justification, decision_reason,
                                               requested_by, decided_by, decided_at)
                    values (?, ?, ?, ?, 'APPROVED', 'Demo', 'Approved by the standalone demo seed', ?, ?, now())""",
                    tenant, app, models.get(model), user, adminId);
        }
        ensureKey(sql, tenant, app, user).ifPresent(notices::add);
        return notices;
    }

    private Optional<String> ensureKey(SeedStatements sql, UUID tenant, UUID app, UUID user) throws SQLException {
        Optional<UUID> existing = demoApiKey.isPresent()
                ? sql.findId("select id from api_keys where prefix = ?", keys.existing(demoApiKey.get()).prefix())
                : sql.findId("select id from api_keys where tenant_id = ? and app_id = ? and name = ?", tenant, app, KEY_NAME);
        if (existing.isPresent()) {
            return Optional.empty();
        }
        GeneratedApiKey key = demoApiKey.map(keys::existing).orElseGet(keys::generate);
        sql.ensure(Optional.empty(), """
                insert into api_keys (id, tenant_id, app_id, name, prefix, secret_hash, hash_key_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                tenant, app, KEY_NAME, key.prefix(), key.hash(), key.hashKeyId(), user);
        return demoApiKey.isPresent() ? Optional.empty() : Optional.of(Notices.apiKey(key.plaintext()));
    }
}

package io.tollgate.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** Inserts the minimal valid rows the schema tests build on, each with fresh ids. */
final class SchemaRows {

    static final UUID FREE_PLAN = UUID.fromString("00000000-0000-0000-0000-00000000f001");

    private final Connection connection;

    SchemaRows(Connection connection) {
        this.connection = connection;
    }

    UUID tenant() throws SQLException {
        UUID id = UUID.randomUUID();
        execute("insert into tenants (id, slug, name, plan_id) values (?, ?, 'Tenant', ?)",
                id, "t-" + id.toString().substring(0, 8), FREE_PLAN);
        return id;
    }

    UUID app(UUID tenantId) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("insert into apps (id, tenant_id, name) values (?, ?, ?)", id, tenantId, "app-" + id);
        return id;
    }

    UUID model() throws SQLException {
        UUID id = UUID.randomUUID();
        execute("insert into models (id, name, display_name, context_window) values (?, ?, 'Model', 8192)",
                id, "model-" + id.toString().substring(0, 8));
        return id;
    }

    UUID apiKey(UUID tenantId, UUID appId) throws SQLException {
        UUID id = UUID.randomUUID();
        execute("insert into api_keys (id, tenant_id, app_id, name, prefix, secret_hash) values (?, ?, ?, 'key', ?, ?)",
                id, tenantId, appId, prefix(), new byte[32]);
        return id;
    }

    static String prefix() {
        return "tg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    int execute(String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}

package io.tollgate.portal.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Adds models to the shared catalog with unique names. */
public final class Catalog {

    private Catalog() {
    }

    public static UUID newModel(JdbcClient jdbc, boolean requiresApproval) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into models (id, name, display_name, context_window, requires_approval)
                        values (?, ?, 'Test model', 8192, ?)""")
                .params(id, "m-" + id.toString().substring(0, 13), requiresApproval).update();
        return id;
    }
}

package io.tollgate.model;

import io.tollgate.model.tenancy.ActingTenant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tests' acting tenant (where a service has its signed-in user): runs work in a transaction of its own, so in a
 * Hibernate session of its own, acting for the given tenant or for none.
 */
@Component
public class TenantTransactions implements ActingTenant {

    private static final ThreadLocal<@Nullable UUID> ACTING = new ThreadLocal<>();

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    TenantTransactions(TransactionTemplate transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> current() {
        return Optional.ofNullable(ACTING.get());
    }

    public <T> T actingFor(UUID tenantId, Supplier<T> work) {
        ACTING.set(tenantId);
        try {
            return transactions.execute(status -> work.get());
        } finally {
            ACTING.remove();
        }
    }

    public <T> T actingForNoTenant(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** A model of the catalog (the platform's, not a tenant's), written with SQL. */
    public UUID newModel() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into models (id, name, display_name, context_window) values (?, ?, 'A model', 128000)")
                .params(id, "model-" + id.toString().substring(0, 12)).update();
        return id;
    }

    /** A new tenant on the free plan, written with SQL, as signup does. */
    public UUID newTenant() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenants (id, slug, name, plan_id) values (?, ?, ?, '00000000-0000-0000-0000-00000000f002')")
                .params(id, "t-" + id.toString().substring(0, 12), "Tenant " + id).update();
        return id;
    }
}

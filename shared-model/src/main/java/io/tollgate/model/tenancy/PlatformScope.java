package io.tollgate.model.tenancy;

import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to work on tenant-owned entities across tenants (a platform administrator's decision about a tenant's
 * row; someone joining a tenant they do not act for yet, by sign-up or an invitation's link): runs the work in a transaction whose Hibernate session is the root tenant's, which Hibernate does not filter.
 * Every entry names its reason and is logged; the work records its own audit rows as any change does.
 *
 * <p>The work always runs in a transaction of its own, a new one even inside another (a management API request with
 * an {@code Idempotency-Key} runs in one): a session already open keeps the tenant it was opened with.
 */
@Component
public class PlatformScope {

    /** No tenant has it; {@link TenantIdentifierResolver#isRoot} names it the root tenant. */
    static final UUID PLATFORM = new UUID(-1L, -1L);

    private static final Logger log = LoggerFactory.getLogger(PlatformScope.class);
    private static final ScopedValue<String> REASON = ScopedValue.newInstance();

    private final TransactionTemplate transactions;

    PlatformScope(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void run(String reason, Runnable work) {
        call(reason, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #run}, for work that answers something. */
    public <T> T call(String reason, Supplier<T> work) {
        log.info("Platform scope entered: {}", reason);
        return ScopedValue.where(REASON, reason).call(() -> transactions.execute(status -> work.get()));
    }

    static boolean isActive() {
        return REASON.isBound();
    }
}

package io.tollgate.model.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to work on tenant-owned entities across tenants (a platform administrator's decision about a tenant's
 * row; someone joining a tenant they do not act for yet, by sign-up or an invitation's link): the work's Hibernate
 * session is the root tenant's, which Hibernate does not filter. Every entry names its reason and is logged; the work
 * records its own audit rows as any change does.
 *
 * <p>A session keeps the tenant it was opened with, so the work gets a session of its own, in the caller's transaction
 * when there is one: a second session for the root tenant on the same JDBC connection, bound for the repositories
 * while the work runs, flushed when it ends. The work then commits or rolls back with the caller's transaction (a
 * management API request with an {@code Idempotency-Key} runs in one with its stored answer, so a request that fails
 * after its platform-scope work leaves nothing behind for its retry to meet), and a failure in it marks that
 * transaction rollback-only, as any participating work does. The caller's session keeps what it had loaded: a row the
 * work changes is read again in a transaction of its own. Outside a transaction, or in a read-only one (which could
 * not hold the change), the work runs in a new transaction of its own.
 */
@Component
public class PlatformScope {

    /** No tenant has it; {@link TenantIdentifierResolver#isRoot} names it the root tenant. */
    static final UUID PLATFORM = new UUID(-1L, -1L);

    private static final Logger log = LoggerFactory.getLogger(PlatformScope.class);
    private static final ScopedValue<String> REASON = ScopedValue.newInstance();

    private final TransactionTemplate ownTransactions;
    private final EntityManagerFactory entityManagers;

    PlatformScope(PlatformTransactionManager transactionManager, EntityManagerFactory entityManagers) {
        this.ownTransactions = new TransactionTemplate(transactionManager);
        this.ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.entityManagers = entityManagers;
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
        return ScopedValue.where(REASON, reason).call(() -> {
            EntityManagerHolder caller = writableTransaction();
            return caller == null ? ownTransactions.execute(status -> work.get()) : inCallersTransaction(caller, work);
        });
    }

    /** The entity manager of the caller's transaction, when there is one that can hold the work's changes. */
    private @Nullable EntityManagerHolder writableTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        return TransactionSynchronizationManager.getResource(entityManagers) instanceof EntityManagerHolder holder
                ? holder : null;
    }

    private <T> T inCallersTransaction(EntityManagerHolder caller, Supplier<T> work) {
        Session callers = caller.getEntityManager().unwrap(Session.class);
        if (PLATFORM.equals(callers.getTenantIdentifierValue())) {
            return work.get();
        }
        // the work sees what the transaction wrote so far, its entities too
        callers.flush();
        Session root = callers.sessionWithOptions().connection().tenantIdentifier(PLATFORM).openSession();
        TransactionSynchronizationManager.unbindResource(entityManagers);
        TransactionSynchronizationManager.bindResource(entityManagers, new JoinedSession(root));
        try {
            T answer = work.get();
            root.flush();
            return answer;
        } catch (RuntimeException | Error failed) {
            callers.getTransaction().setRollbackOnly();
            throw failed;
        } finally {
            TransactionSynchronizationManager.unbindResource(entityManagers);
            TransactionSynchronizationManager.bindResource(entityManagers, caller);
            root.close();
        }
    }

    static boolean isActive() {
        return REASON.isBound();
    }

    /**
     * The root session, as the caller's transaction's entity manager: the repositories use it, and Spring's
     * transactional methods inside the work take part in the caller's transaction.
     */
    private static final class JoinedSession extends EntityManagerHolder {

        JoinedSession(EntityManager root) {
            super(root);
            setTransactionActive(true);
            setSynchronizedWithTransaction(true);
        }
    }
}

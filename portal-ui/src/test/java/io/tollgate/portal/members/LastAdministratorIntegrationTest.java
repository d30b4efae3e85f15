package io.tollgate.portal.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A tenant keeps an administrator even when its last two remove each other at the same moment. */
@PortalIntegrationTest
class LastAdministratorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MemberService members;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void two_administrators_removing_each_other_at_once_leave_the_tenant_one() throws Exception {
        Tenants tenants = new Tenants(jdbc);
        PortalUser first = tenants.newTenantMember("ADMIN");
        PortalUser second = tenants.newMember(first.tenantId(), first.tenantName(), "ADMIN");
        CountDownLatch firstRemovedSecond = new CountDownLatch(1);
        CompletableFuture<Void> firstMayCommit = new CompletableFuture<>();

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> firstRemovesSecond = threads.submit(() -> as(first, () ->
                    transactions.executeWithoutResult(uncommitted -> {
                        members.remove(second.userId());
                        firstRemovedSecond.countDown();
                        firstMayCommit.join();
                    })));
            assertThat(firstRemovedSecond.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<?> secondRemovesFirst = threads.submit(() -> as(second, () -> members.remove(first.userId())));
            Awaitility.await().atMost(PATIENCE)
                    .until(() -> secondRemovesFirst.isDone() || waitsForALockOnMemberships());
            firstMayCommit.complete(null);

            firstRemovesSecond.get();
            assertThatThrownBy(secondRemovesFirst::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(PortalException.Conflict.class).hasMessageContaining("last administrator");
        }
        assertThat(administrators(first.tenantId())).isEqualTo(1);
    }

    private static void as(PortalUser user, Runnable work) {
        Tenants.signIn(user);
        try {
            work.run();
        } finally {
            Tenants.signOut();
        }
    }

    private boolean waitsForALockOnMemberships() {
        return jdbc.sql("""
                        select exists(select 1 from pg_stat_activity
                                      where wait_event_type = 'Lock' and query ilike '%memberships%')""")
                .query(Boolean.class).single();
    }

    private long administrators(UUID tenantId) {
        return jdbc.sql("select count(*) from memberships where tenant_id = ? and role = 'ADMIN'").param(tenantId)
                .query(Long.class).single();
    }
}

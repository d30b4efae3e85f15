package io.tollgate.portal.admin.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.apps.AppDraft;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.subscriptions.SubscriptionService;
import io.tollgate.portal.support.Catalog;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A decision taken inside a transaction that is already open, as the management API's {@code Idempotency-Key}
 * requests run the whole request with its stored answer in one: the decision, made in the platform scope, commits or
 * rolls back with that transaction, so the retry of a request that failed meets the subscription as it was.
 */
@PortalIntegrationTest
class ApprovalInRequestTransactionIntegrationTest {

    @Autowired
    ApprovalService approvals;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    AppService apps;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    PortalUser platformAdmin;
    UUID subscriptionId;

    @BeforeEach
    void aRequestWaitsForApproval() {
        Tenants tenants = new Tenants(jdbc);
        PortalUser developer = tenants.newTenantMember("DEVELOPER");
        platformAdmin = tenants.newPlatformUser("ADMIN");
        UUID gated = Catalog.newModel(jdbc, true);
        Tenants.signIn(developer);
        UUID appId = apps.create(new AppDraft("waits", ""));
        subscriptionId = subscriptions.request(appId, gated, "needs it").id();
        Tenants.signIn(platformAdmin);
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void an_approval_in_a_request_that_fails_afterwards_is_undone_and_its_retry_approves() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(request -> {
            approvals.approve(List.of(subscriptionId), ApprovalTerms.plain("fine"));
            throw new IllegalStateException("the answer could not be stored");
        })).hasMessage("the answer could not be stored");

        assertThat(status()).as("undone with the request's transaction").isEqualTo("PENDING");
        assertThat(approvalAudits()).isZero();

        transactions.executeWithoutResult(retry ->
                approvals.approve(List.of(subscriptionId), ApprovalTerms.plain("fine")));

        assertThat(status()).isEqualTo("APPROVED");
        assertThat(approvalAudits()).isOne();
    }

    private String status() {
        return jdbc.sql("select status from subscriptions where id = ?").param(subscriptionId).query(String.class)
                .single();
    }

    private long approvalAudits() {
        return jdbc.sql("select count(*) from audit_log where target_id = ? and action = 'subscription.approve'")
                .param(subscriptionId.toString()).query(Long.class).single();
    }
}

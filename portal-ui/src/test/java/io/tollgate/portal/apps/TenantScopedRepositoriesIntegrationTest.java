package io.tollgate.portal.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.apikey.ApiKeyRepository;
import io.tollgate.model.app.AppRepository;
import io.tollgate.portal.apikeys.ApiKeyService;
import io.tollgate.portal.apikeys.CreatedKey;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.security.TokenPrincipal;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The repositories themselves, below the services' checks: a query issued while tenant A's user (or A's access token)
 * acts cannot return tenant B's rows, even asked for them by their ids.
 */
@PortalIntegrationTest
class TenantScopedRepositoriesIntegrationTest {

    @Autowired
    AppRepository appRepository;
    @Autowired
    ApiKeyRepository keyRepository;
    @Autowired
    AppService apps;
    @Autowired
    ApiKeyService keys;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    PortalUser memberOfA;
    UUID appOfB;
    CreatedKey keyOfB;

    @BeforeEach
    void tenantBHasAnAppWithAKey() {
        Tenants tenants = new Tenants(jdbc);
        memberOfA = tenants.newTenantMember("ADMIN");
        Tenants.signIn(tenants.newTenantMember("ADMIN"));
        appOfB = apps.create(new AppDraft("b-app", ""));
        keyOfB = keys.create(appOfB, "b-key", null);
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void tenant_a_s_signed_in_user_finds_none_of_tenant_b_s_rows_by_their_ids() {
        Tenants.signIn(memberOfA);

        assertNothingOfTenantB();
    }

    @Test
    void tenant_a_s_access_token_finds_none_of_tenant_b_s_rows_by_their_ids() {
        var token = new TokenPrincipal(memberOfA, UUID.randomUUID(), "ci", false);
        Tenants.signIn(UsernamePasswordAuthenticationToken.authenticated(token, null, java.util.List.of()));

        assertNothingOfTenantB();
    }

    @Test
    void a_session_without_a_signed_in_tenant_finds_nothing_either() {
        Tenants.signOut();

        assertNothingOfTenantB();
    }

    private void assertNothingOfTenantB() {
        transactions.executeWithoutResult(status -> {
            assertThat(appRepository.findById(appOfB)).isEmpty();
            assertThat(appRepository.existsByName("b-app")).isFalse();
            assertThat(keyRepository.findById(keyOfB.id())).isEmpty();
            assertThat(keyRepository.findActiveForUpdate(keyOfB.id())).isEmpty();
            assertThat(keyRepository.findAllListedByAppId(appOfB)).isEmpty();
        });
    }
}

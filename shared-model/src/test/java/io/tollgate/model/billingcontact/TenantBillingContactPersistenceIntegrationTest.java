package io.tollgate.model.billingcontact;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PostgresIntegrationTest(classes = ModelTestApplication.class)
class TenantBillingContactPersistenceIntegrationTest {

    /** Microsecond precision, as PostgreSQL stores it. */
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions tenants;
    @Autowired
    TenantBillingContactRepository contacts;

    @Test
    void contacts_list_in_the_order_they_were_added_and_an_address_is_known_whatever_its_case() {
        UUID tenant = tenants.newTenant();
        tenants.actingFor(tenant, () -> contacts.save(new TenantBillingContact("second@example.com",
                NOW.plusSeconds(1))));
        TenantBillingContact first = tenants.actingFor(tenant, () ->
                contacts.save(new TenantBillingContact("Billing@Example.com", NOW)));

        tenants.actingFor(tenant, () -> {
            assertThat(contacts.findAllForListing()).extracting(TenantBillingContact::getEmail)
                    .containsExactly("Billing@Example.com", "second@example.com");
            assertThat(contacts.findAllForListing().getFirst().getCreatedAt()).isEqualTo(NOW);
            assertThat(contacts.count()).isEqualTo(2);
            assertThat(contacts.existsByEmailIgnoringCase("billing@EXAMPLE.com")).isTrue();
            assertThat(contacts.existsByEmailIgnoringCase("third@example.com")).isFalse();
            contacts.delete(contacts.findById(first.getId()).orElseThrow());
            return null;
        });

        assertThat(tenants.actingFor(tenant, contacts::findAllForListing)).extracting(TenantBillingContact::getEmail)
                .containsExactly("second@example.com");
    }
}

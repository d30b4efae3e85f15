package io.tollgate.portal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.Invoices;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Who may change invoices from the portal, and what happens while billing does not answer (not started here). */
@PortalIntegrationTest
class InvoiceActionsIntegrationTest {

    @Autowired
    InvoiceActions actions;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void only_the_finance_role_closes_months_and_changes_invoices_as_billing_requires() {
        Tenants tenants = new Tenants(jdbc);
        for (PortalUser user : new PortalUser[] {tenants.newPlatformUser("ADMIN"), tenants.newTenantMember("ADMIN"),
                tenants.newTenantMember("BILLING")}) {
            Tenants.signIn(user);
            assertThatThrownBy(() -> actions.closeMonth(YearMonth.of(2025, 1), false))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> actions.finalizeInvoice(UUID.randomUUID()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> actions.voidInvoice(UUID.randomUUID(), "no"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> actions.pushToStripe(UUID.randomUUID()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void while_billing_does_not_answer_nothing_changes_and_the_refusal_is_audited() {
        PortalUser finance = new Tenants(jdbc).newPlatformUser("FINANCE");
        PortalUser member = new Tenants(jdbc).newTenantMember("ADMIN");
        UUID draft = new Invoices(jdbc).draft(member.tenantId(), LocalDate.of(2024, 2, 1), "bot", "5");
        Tenants.signIn(finance);

        assertThatThrownBy(() -> actions.finalizeInvoice(draft)).isInstanceOf(PortalException.class)
                .hasMessage("Billing is not reachable just now; nothing was changed. Try again later.");
        assertThatThrownBy(actions::stripeEnabled).isInstanceOf(PortalException.class);

        assertThat(jdbc.sql("select status from invoices where id = ?").param(draft).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("""
                        select details ->> 'refused' from audit_log
                        where actor_user_id = ? and action = 'invoice.finalize.refused' and tenant_id = ?""")
                .params(finance.userId(), member.tenantId()).query(String.class).single())
                .startsWith("Billing is not reachable");
    }

    @Test
    void a_void_needs_a_reason() {
        Tenants.signIn(new Tenants(jdbc).newPlatformUser("FINANCE"));

        assertThatThrownBy(() -> actions.voidInvoice(UUID.randomUUID(), "  "))
                .isInstanceOf(PortalException.class).hasMessageContaining("reason");
    }
}

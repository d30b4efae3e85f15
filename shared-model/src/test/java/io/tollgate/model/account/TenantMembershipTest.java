package io.tollgate.model.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantMembershipTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    @Test
    void the_last_administrator_is_neither_removed_nor_given_another_role() {
        TenantMembership lastAdmin = membership(TenantRole.ADMIN);

        assertThatThrownBy(() -> lastAdmin.requireRemovable(1)).isInstanceOf(LastTenantAdminException.class);
        assertThatThrownBy(() -> lastAdmin.changeRole(TenantRole.DEVELOPER, 1))
                .isInstanceOf(LastTenantAdminException.class);
        assertThat(lastAdmin.getRole()).isEqualTo(TenantRole.ADMIN);
        assertThatCode(() -> lastAdmin.changeRole(TenantRole.ADMIN, 1)).as("keeping the role")
                .doesNotThrowAnyException();
    }

    @Test
    void an_administrator_among_others_is_removed_or_given_another_role() {
        TenantMembership admin = membership(TenantRole.ADMIN);

        assertThatCode(() -> admin.requireRemovable(2)).doesNotThrowAnyException();
        admin.changeRole(TenantRole.BILLING, 2);
        assertThat(admin.getRole()).isEqualTo(TenantRole.BILLING);
    }

    @Test
    void any_other_member_is_removed_or_given_another_role_whatever_the_administrators() {
        TenantMembership developer = membership(TenantRole.DEVELOPER);

        assertThatCode(() -> developer.requireRemovable(1)).doesNotThrowAnyException();
        developer.changeRole(TenantRole.ADMIN, 1);
        assertThat(developer.getRole()).isEqualTo(TenantRole.ADMIN);
    }

    private static TenantMembership membership(TenantRole role) {
        return new TenantMembership(UUID.randomUUID(), UUID.randomUUID(), role, NOW);
    }
}

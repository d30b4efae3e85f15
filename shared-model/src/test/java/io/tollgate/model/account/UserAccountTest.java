package io.tollgate.model.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");

    @Test
    void an_address_is_kept_in_lower_case_so_one_address_has_one_account() {
        UserAccount account = new UserAccount(" Ada@Example.TEST ", "Ada", "hash", NOW);

        assertThat(account.getEmail()).isEqualTo("ada@example.test");
        assertThat(account.getPlatformRole()).isEmpty();
        assertThat(account.getLastLoginAt()).isEmpty();
    }

    @Test
    void an_account_needs_an_address_and_a_name_of_at_most_200_characters() {
        assertThatThrownBy(() -> new UserAccount("no-at-sign", "Ada", "hash", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserAccount("ada@example.test", " ", "hash", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UserAccount("ada@example.test", "a".repeat(201), "hash", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_platform_role_is_granted_changed_and_removed_once() {
        UserAccount account = new UserAccount("ada@example.test", "Ada", "hash", NOW);

        account.grantPlatformRole(PlatformRole.FINANCE, NOW);
        account.grantPlatformRole(PlatformRole.ADMIN, NOW);
        assertThat(account.getPlatformRole()).contains(PlatformRole.ADMIN);

        account.removePlatformRole(NOW);
        assertThat(account.getPlatformRole()).isEmpty();
        assertThatThrownBy(() -> account.removePlatformRole(NOW)).isInstanceOf(IllegalStateException.class);
    }
}

package io.tollgate.model.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");
    private static final UUID APP = UUID.randomUUID();

    private final ApiKeyGenerator generator = new ApiKeyGenerator(
            new ApiKeyHasher("test-secret-test-secret-test-secret-0123456789".getBytes(StandardCharsets.UTF_8), "v1"));

    @Test
    void rotation_links_a_successor_of_the_same_app_name_and_expiry_and_ends_the_old_key_after_the_grace() {
        Instant ownExpiry = NOW.plus(Duration.ofDays(3));
        ApiKey old = ApiKey.issue(APP, "ci", generator.generate(), ownExpiry, null, NOW);

        ApiKey successor = old.rotate(generator.generate(), NOW.plus(Duration.ofHours(1)), null, NOW);

        assertThat(old.getExpiresAt()).contains(NOW.plus(Duration.ofHours(1)));
        assertThat(successor.getRotatedFrom()).contains(old.getId());
        assertThat(successor.getAppId()).isEqualTo(APP);
        assertThat(successor.getName()).isEqualTo("ci");
        assertThat(successor.getExpiresAt()).contains(ownExpiry);
        assertThat(successor.getPrefix()).isNotEqualTo(old.getPrefix());
    }

    @Test
    void a_grace_longer_than_the_old_key_s_own_life_does_not_extend_it() {
        Instant ownExpiry = NOW.plus(Duration.ofMinutes(5));
        ApiKey old = ApiKey.issue(APP, "ci", generator.generate(), ownExpiry, null, NOW);

        old.rotate(generator.generate(), NOW.plus(Duration.ofDays(1)), null, NOW);

        assertThat(old.getExpiresAt()).contains(ownExpiry);
    }

    @Test
    void a_revoked_key_is_neither_revoked_again_nor_rotated() {
        ApiKey key = ApiKey.issue(APP, "ci", generator.generate(), null, null, NOW);
        key.revoke(NOW.plusSeconds(10));

        assertThat(key.getStatus()).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(key.getRevokedAt()).contains(NOW.plusSeconds(10));
        assertThatThrownBy(() -> key.revoke(NOW.plusSeconds(20))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> key.rotate(generator.generate(), NOW, null, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThat(key.getRevokedAt()).contains(NOW.plusSeconds(10));
    }
}

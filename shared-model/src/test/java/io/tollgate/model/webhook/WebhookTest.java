package io.tollgate.model.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.crypto.EncryptedSecret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WebhookTest {

    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456789Z");
    private static final Duration GRACE = Duration.ofHours(24);

    /** A stand-in for the cipher: the "ciphertext" names the secret and the webhook it was sealed for. */
    private static Function<UUID, EncryptedSecret> sealed(String secret) {
        return id -> new EncryptedSecret((secret + "@" + id).getBytes(StandardCharsets.UTF_8), "k1");
    }

    private static String plain(EncryptedSecret secret) {
        return new String(secret.ciphertext(), StandardCharsets.UTF_8);
    }

    @Test
    void its_string_names_the_host_only_as_receivers_carry_tokens_in_the_path_and_query() {
        Webhook webhook = new Webhook("https://hooks.example.com/services/T01/B02/pathSecret?token=querySecret",
                List.of("budget.threshold"), sealed("s1"), NOW);

        assertThat(webhook.toString()).contains(webhook.getId().toString(), "hooks.example.com")
                .doesNotContain("pathSecret", "querySecret", "T01");
        assertThat(webhook.target().toString()).contains(webhook.getId().toString(), "hooks.example.com")
                .doesNotContain("pathSecret", "querySecret", "T01");
    }

    @Test
    void a_new_webhook_is_enabled_and_its_secret_is_sealed_for_its_own_id() {
        Webhook webhook = new Webhook("https://hooks.example.com/t", List.of("budget.threshold"), sealed("s1"), NOW);

        assertThat(webhook.isEnabled()).isTrue();
        assertThat(webhook.getEvents()).containsExactly("budget.threshold");
        assertThat(webhook.getCreatedAt()).isEqualTo(Instant.parse("2026-12-04T17:00:00.123456Z"));
        WebhookTarget target = webhook.target();
        assertThat(target.webhookId()).isEqualTo(webhook.getId());
        assertThat(target.url()).isEqualTo("https://hooks.example.com/t");
        assertThat(plain(target.secret())).isEqualTo("s1@" + webhook.getId());
        assertThat(target.previousSecret()).isEmpty();
    }

    @Test
    void a_disabled_webhook_can_be_enabled_again() {
        Webhook webhook = new Webhook("https://hooks.example.com/t", List.of("budget.threshold"), sealed("s1"), NOW);

        webhook.disable(NOW.plusSeconds(1));
        assertThat(webhook.isEnabled()).isFalse();
        webhook.enable(NOW.plusSeconds(2));
        assertThat(webhook.isEnabled()).isTrue();
        assertThat(webhook).extracting("updatedAt").isEqualTo(Instant.parse("2026-12-04T17:00:02.123456Z"));
    }

    @Test
    void a_rotation_keeps_the_replaced_secret_signing_through_its_grace_only() {
        Webhook webhook = new Webhook("https://hooks.example.com/t", List.of("budget.threshold"), sealed("s1"), NOW);

        Instant graceEnds = webhook.rotateSecret(sealed("s2"), GRACE, NOW);

        assertThat(graceEnds).isEqualTo(Instant.parse("2026-12-05T17:00:00.123456Z"));
        WebhookTarget target = webhook.target();
        assertThat(plain(target.secret())).isEqualTo("s2@" + webhook.getId());
        assertThat(target.previousSecret()).hasValueSatisfying(previous -> {
            assertThat(plain(previous.secret())).isEqualTo("s1@" + webhook.getId());
            assertThat(previous.expiresAt()).isEqualTo(graceEnds);
        });
        assertThat(webhook.previousSecretValidUntil(NOW.plus(GRACE).minusSeconds(1))).hasValue(graceEnds);
        assertThat(webhook.previousSecretValidUntil(graceEnds)).isEmpty();
    }

    @Test
    void a_second_rotation_retires_the_first_replaced_secret_at_once() {
        Webhook webhook = new Webhook("https://hooks.example.com/t", List.of("budget.threshold"), sealed("s1"), NOW);
        webhook.rotateSecret(sealed("s2"), GRACE, NOW);

        Instant graceEnds = webhook.rotateSecret(sealed("s3"), GRACE, NOW.plusSeconds(60));

        WebhookTarget target = webhook.target();
        assertThat(plain(target.secret())).startsWith("s3@");
        assertThat(target.previousSecret()).hasValueSatisfying(previous -> {
            assertThat(plain(previous.secret())).startsWith("s2@");
            assertThat(previous.expiresAt()).isEqualTo(graceEnds);
        });
    }
}

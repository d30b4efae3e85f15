package io.tollgate.model.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyHasherTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hmac";
    private final ApiKeyHasher hasher = new ApiKeyHasher(SECRET.getBytes(StandardCharsets.UTF_8), "v1");
    private final GeneratedApiKey key = new ApiKeyGenerator(hasher).generate();

    @Test
    void verification_accepts_the_key() {
        assertThat(hasher.verify(key.plaintext(), key.hash())).isTrue();
    }

    @Test
    void verification_rejects_every_one_character_change_of_the_key() {
        String plaintext = key.plaintext();
        for (int position = 0; position < plaintext.length(); position++) {
            for (char replacement : List.of('a', 'Z', '0', '_', '-')) {
                if (plaintext.charAt(position) == replacement) {
                    continue;
                }
                String changed = plaintext.substring(0, position) + replacement + plaintext.substring(position + 1);
                assertThat(hasher.verify(changed, key.hash())).as("changed at %d to %s", position, replacement)
                        .isFalse();
            }
        }
        assertThat(hasher.verify(plaintext.substring(1), key.hash())).isFalse();
        assertThat(hasher.verify(plaintext + "x", key.hash())).isFalse();
    }

    @Test
    void a_hash_under_another_secret_or_of_another_length_does_not_verify() {
        ApiKeyHasher other = new ApiKeyHasher("another-secret-that-is-long-enough-for-hmac".getBytes(), "v2");

        assertThat(other.verify(key.plaintext(), key.hash())).isFalse();
        assertThat(hasher.verify(key.plaintext(), new byte[0])).isFalse();
    }

    @Test
    void keys_past_the_kept_arrays_verify_like_any_other() {
        String accented = "tg_clé";
        String longKey = "tg_" + "k".repeat(200);

        assertThat(hasher.verify(accented, hasher.hash(accented))).as("not ASCII").isTrue();
        assertThat(hasher.verify(longKey, hasher.hash(longKey))).as("longer than 64 chars").isTrue();
        assertThat(hasher.verify("tg_cle", hasher.hash(accented))).isFalse();
        assertThat(hasher.verify(key.plaintext(), key.hash())).as("after them, the kept arrays still right").isTrue();
    }

    @Test
    void the_hash_is_hmac_sha256_of_the_whole_key() {
        byte[] hash = hasher.hash("tg_abc");

        // printf 'tg_abc' | openssl dgst -sha256 -hmac a-test-secret-that-is-long-enough-for-hmac
        assertThat(hash).hasSize(ApiKeyHasher.HASH_LENGTH);
        assertThat(HexFormat.of().formatHex(hash))
                .isEqualTo("580050ae373c2a069e2bb9d44f9e9ef5b8e6d732a75bb1b47dc2c8275b78795f");
    }

    @Test
    void hashing_different_keys_from_many_threads_at_once_gives_each_its_own_result() throws Exception {
        var otherKey = new ApiKeyGenerator(hasher).generate();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> results = IntStream.range(0, 2_000)
                    .mapToObj(i -> pool.submit(() -> i % 2 == 0 ? hasher.verify(key.plaintext(), key.hash())
                            : hasher.verify(otherKey.plaintext(), otherKey.hash())
                            && !hasher.verify(otherKey.plaintext(), key.hash())))
                    .toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    @Test
    void prefix_of_a_well_formed_key_is_its_first_eleven_characters() {
        assertThat(ApiKeyHasher.prefixOf(key.plaintext())).contains(key.prefix());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"tg_", "tg_abc", "sk-abcdefghijklmnopqrstuvwxyz0123456", "TG_abcdefghijklmnopqrstuvwxyz012345",
        "tg_abcdefghijklmnopqrstuvwxyz01234", "tg_abcdefghijklmnopqrstuvwxyz0123456", "tg_abcdefghijklmnopqrstuvwxyz01234!",
        "tg_abcdefghijklmnopqrstuvwxyz01234é", " tg_abcdefghijklmnopqrstuvwxyz01234", "Bearer tg_abcdefghijklmnopqrstuvwx"})
    void prefix_of_anything_that_is_not_a_key_is_empty(String junk) {
        assertThat(ApiKeyHasher.prefixOf(junk)).isEmpty();
    }

    @Test
    void short_secrets_and_bad_ids_are_refused_and_the_secret_never_shows() {
        assertThatThrownBy(() -> new ApiKeyHasher("short".getBytes(), "v1"))
                .hasMessage("The API key secret must be at least 32 bytes long, it has 5");
        assertThatThrownBy(() -> new ApiKeyHasher(SECRET.getBytes(), "v 1"))
                .hasMessageContaining("secret id");
        assertThat(hasher.toString()).contains("v1").doesNotContain(SECRET);
    }
}

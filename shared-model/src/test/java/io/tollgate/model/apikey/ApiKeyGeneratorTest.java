package io.tollgate.model.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyGeneratorTest {

    private final ApiKeyHasher hasher = new ApiKeyHasher(
            "a-test-secret-that-is-long-enough-for-hmac".getBytes(StandardCharsets.UTF_8), "v1");
    private final ApiKeyGenerator generator = new ApiKeyGenerator(hasher);

    @Test
    void a_key_is_tg_and_32_base62_characters_and_its_prefix_fits_the_database_check() {
        GeneratedApiKey key = generator.generate();

        assertThat(key.plaintext()).matches("tg_[A-Za-z0-9]{32}");
        assertThat(key.prefix()).isEqualTo(key.plaintext().substring(0, 11)).matches("^tg_[A-Za-z0-9]{8}$");
        assertThat(key.hash()).hasSize(32).isEqualTo(hasher.hash(key.plaintext()));
        assertThat(key.hashKeyId()).isEqualTo("v1");
    }

    @Test
    void a_key_carries_at_least_190_random_bits() {
        double bits = ApiKeyGenerator.RANDOM_LENGTH * Math.log(ApiKeyGenerator.ALPHABET.length()) / Math.log(2);

        assertThat(ApiKeyGenerator.ALPHABET.chars().distinct().count()).isEqualTo(62);
        assertThat(ApiKeyGenerator.ALPHABET).hasSize(62);
        assertThat(bits).isGreaterThanOrEqualTo(190);
    }

    @Test
    void keys_are_unique_and_use_every_character_about_equally_often() {
        int keys = 2_000;
        Set<String> plaintexts = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < keys; i++) {
            GeneratedApiKey key = generator.generate();
            plaintexts.add(key.plaintext());
            prefixes.add(key.prefix());
            for (char c : key.plaintext().substring(3).toCharArray()) {
                counts.merge(c, 1, Integer::sum);
            }
        }

        assertThat(plaintexts).hasSize(keys);
        assertThat(prefixes).hasSize(keys);
        // 64,000 draws over 62 symbols: about 1,032 each, standard deviation about 32
        assertThat(counts).hasSize(62);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(850, 1_220));
    }

    @Test
    void an_existing_key_is_hashed_like_a_generated_one_and_junk_is_refused() {
        String demo = "tg_DemoDemoDemoDemoDemoDemoDemoDemo";

        GeneratedApiKey key = generator.existing(demo);

        assertThat(key.prefix()).isEqualTo("tg_DemoDemo");
        assertThat(hasher.verify(demo, key.hash())).isTrue();
        assertThatThrownBy(() -> generator.existing("tg_short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An API key must be 'tg_' followed by 32 letters or digits");
    }

    @Test
    void only_tg_and_32_ascii_letters_or_digits_are_well_formed() {
        String base = "tg_DemoDemoDemoDemoDemoDemoDemo0123";

        assertThat(ApiKeyGenerator.isWellFormed(base)).isTrue();
        assertThat(ApiKeyGenerator.isWellFormed(generator.generate().plaintext())).isTrue();
        assertThat(ApiKeyGenerator.isWellFormed(null)).isFalse();
        assertThat(ApiKeyGenerator.isWellFormed(base + "x")).as("too long").isFalse();
        assertThat(ApiKeyGenerator.isWellFormed(base.substring(1))).as("too short").isFalse();
        assertThat(ApiKeyGenerator.isWellFormed("sk" + base.substring(2))).as("another scheme").isFalse();
        for (char junk : new char[] {'-', '_', ' ', '/', ':', '@', '[', '`', '{', '\u00e9', '\u0661'}) {
            assertThat(ApiKeyGenerator.isWellFormed(base.substring(0, 20) + junk + base.substring(21))).as("%s", junk).isFalse();
        }
    }

    @Test
    void a_secret_under_another_scheme_is_made_and_hashed_the_same_way_and_is_no_api_key() {
        GeneratedApiKey token = generator.generate("tgm_");

        assertThat(token.plaintext()).matches("tgm_[0-9A-Za-z]{32}");
        assertThat(token.prefix()).isEqualTo(token.plaintext().substring(0, 12)).matches("tgm_[0-9A-Za-z]{8}");
        assertThat(hasher.verify(token.plaintext(), token.hash())).isTrue();
        assertThat(ApiKeyGenerator.prefixOf("tgm_", token.plaintext())).contains(token.prefix());
        assertThat(ApiKeyGenerator.isWellFormed(token.plaintext())).as("not a gateway key").isFalse();
        assertThat(ApiKeyGenerator.prefixOf("tgm_", generator.generate().plaintext())).isEmpty();
        assertThat(ApiKeyGenerator.prefixOf("tgm_", token.plaintext() + "x")).isEmpty();
    }

    @Test
    void the_plaintext_never_shows_in_to_string() {
        GeneratedApiKey key = generator.generate();

        assertThat(key.toString()).contains(key.prefix()).doesNotContain(key.plaintext().substring(11));
    }
}

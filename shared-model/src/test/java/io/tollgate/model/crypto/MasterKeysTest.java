package io.tollgate.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasterKeysTest {

    // 32 bytes, recognisable in base64 so a leak into a message would show
    private static final String KEY_A = Base64.getEncoder().encodeToString("AAAAsecretKeyMaterialAAAAAAAAAAA".getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("BBBBsecretKeyMaterialBBBBBBBBBBB".getBytes());
    private static final String SHORT = Base64.getEncoder().encodeToString("SSSSsecretKeyMaterialSSSS".getBytes());

    @Test
    void the_first_key_is_current_and_all_keys_are_known() {
        MasterKeys keys = MasterKeys.parse("k2:" + KEY_B + ", k1:" + KEY_A);

        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.ids()).containsExactly("k2", "k1");
        assertThat(keys.key("k1")).isPresent();
        assertThat(keys.key("k3")).isEmpty();
    }

    @Test
    void encoded_keys_parse_back_to_the_same_keys() {
        MasterKeys keys = MasterKeys.parse("k2:" + KEY_B + ",k1:" + KEY_A);

        assertThat(keys.encoded()).isEqualTo("k2:" + KEY_B + ",k1:" + KEY_A);
        assertThat(MasterKeys.parse(keys.encoded()).ids()).containsExactly("k2", "k1");
    }

    @Test
    void generated_keys_are_random_32_byte_keys() {
        MasterKeys one = MasterKeys.generate("local");
        MasterKeys two = MasterKeys.generate("local");

        assertThat(one.currentId()).isEqualTo("local");
        assertThat(one.current().getEncoded()).hasSize(32);
        assertThat(one.encoded()).isNotEqualTo(two.encoded());
        assertThat(MasterKeys.parse(one.encoded()).current().getEncoded()).isEqualTo(one.current().getEncoded());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no colon          | KEY_A                   | master key entry 1 has no ':'",
        "bad id            | k 1:KEY_A               | master key entry 1 has an invalid id",
        "empty id          | :KEY_A                  | master key entry 1 has an invalid id",
        "not base64        | k1:KEY_A!!              | master key entry 1 ('k1') is not valid base64",
        "too short         | k1:KEY_A,k2:SHORT       | master key entry 2 ('k2') decodes to 25 bytes, AES-256 needs 32",
        "duplicate id      | k1:KEY_A,k1:KEY_B       | master key entry 2 ('k1') repeats an id",
        "trailing comma    | k1:KEY_A,               | master key entry 2 has no ':'",
        "swapped order     | KEY_A:k1                | master key entry 1 has an invalid id"
    })
    void malformed_keys_are_refused_with_a_precise_message_that_never_shows_key_material(
            String problem, String template, String expectedMessage) {
        String encoded = template.replace("KEY_A", KEY_A).replace("KEY_B", KEY_B).replace("SHORT", SHORT);

        assertThatThrownBy(() -> MasterKeys.parse(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expectedMessage)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(KEY_A.substring(0, 12), KEY_B.substring(0, 12), SHORT.substring(0, 12),
                                "secretKeyMaterial"));
    }

    @Test
    void an_empty_setting_says_no_key_is_configured() {
        assertThatThrownBy(() -> MasterKeys.parse("  ")).hasMessageStartingWith("No master key is configured");
    }

    @Test
    void to_string_names_ids_but_not_keys() {
        MasterKeys keys = MasterKeys.parse("k1:" + KEY_A);

        assertThat(keys.toString()).contains("k1").doesNotContain(KEY_A.substring(0, 12));
    }
}

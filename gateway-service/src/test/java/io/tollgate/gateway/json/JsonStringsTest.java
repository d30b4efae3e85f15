package io.tollgate.gateway.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

class JsonStringsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void the_strings_of_a_body_decode_to_what_jackson_reads_and_measure_their_utf8_length() {
        List<String> texts = List.of("", "plain", "façade", "東京", "€100", "🎉", "line\nbreak", "\"quoted\"",
                "tab\t", "\u0001", "back\\slash", "é written as \\u00e9", "a\u2028b");
        for (String text : texts) {
            for (String written : List.of(JSON.writeValueAsString(text), escapedAll(text))) {
                JsonStrings strings = stringsOf("[" + written + "]");
                int overCount = written.contains("\\u") ? surrogates(text) : 0;

                assertThat(strings.get(0)).as(written).isEqualTo(text);
                assertThat(strings.utf8Length(0)).as(written)
                        .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length + overCount);
                assertThat(strings.writtenLength(0)).as(written)
                        .isEqualTo(written.getBytes(StandardCharsets.UTF_8).length - 2);
                assertThat(strings.isEmpty(0)).isEqualTo(text.isEmpty());
            }
        }
    }

    @Test
    void an_escaped_surrogate_pair_counts_six_bytes_and_a_written_one_four() {
        assertThat(stringsOf("[\"\\ud83c\\udf89\"]").utf8Length(0)).isEqualTo(6);
        assertThat(stringsOf("[\"🎉\"]").utf8Length(0)).isEqualTo(4);
    }

    @Test
    void keys_are_equal_for_equal_bytes_in_any_body_and_kept_keys_hold_their_own_copy() {
        byte[] body = "[\"same text\", \"other\", \"same text\", \"same\\ttext\"]".getBytes(StandardCharsets.UTF_8);
        JsonStrings strings = stringsOf(body);
        JsonStrings elsewhere = stringsOf("{\"a\":\"same text\"}");

        assertThat(strings.key(0)).isEqualTo(strings.key(2)).isEqualTo(elsewhere.key(0))
                .hasSameHashCodeAs(elsewhere.key(0)).isNotEqualTo(strings.key(1)).isNotEqualTo(strings.key(3));
        JsonStrings.Key kept = strings.key(0).kept();
        assertThat(kept.length()).isEqualTo("same text".length());
        body[2] = 'S';
        assertThat(kept).isEqualTo(elsewhere.key(0)).isNotEqualTo(strings.key(0));
    }

    @Test
    void a_string_held_as_it_is_and_the_same_bytes_escaped_in_a_body_have_different_keys() {
        JsonStrings asItIs = JsonStrings.of(List.of("a\\nb", "x"));
        JsonStrings escaped = stringsOf("[\"a\\nb\"]");

        assertThat(asItIs.get(0)).isEqualTo("a\\nb");
        assertThat(escaped.get(0)).isEqualTo("a\nb");
        assertThat(asItIs.key(0)).isNotEqualTo(escaped.key(0));
        assertThat(asItIs.all()).containsExactly("a\\nb", "x");
        assertThat(asItIs).isEqualTo(JsonStrings.of(List.of("a\\nb", "x"))).isNotEqualTo(escaped);
    }

    @Test
    void keys_of_many_random_strings_are_equal_exactly_when_their_bytes_are() {
        var random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            var text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append("ab\\\n€東".charAt(random.nextInt(6)));
            }
            texts.add(text.toString());
        }
        JsonStrings strings = JsonStrings.of(texts);
        for (int i = 0; i < texts.size(); i++) {
            for (int j = 0; j < texts.size(); j++) {
                assertThat(strings.key(i).equals(strings.key(j))).isEqualTo(texts.get(i).equals(texts.get(j)));
            }
        }
    }

    @Test
    void a_body_of_many_strings_keeps_them_all_in_order() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            texts.add("part " + i);
        }

        JsonStrings strings = stringsOf(JSON.writeValueAsString(texts));

        assertThat(strings.size()).isEqualTo(100);
        assertThat(strings.all()).isEqualTo(texts);
        assertThat(JsonStrings.of(List.of()).all()).isEmpty();
    }

    @Test
    void only_the_body_the_cursor_reads_takes_its_strings() {
        JsonStrings strings = stringsOf("[\"a\"]");
        JsonCursor other = JsonCursor.reading("[\"b\"]".getBytes(StandardCharsets.UTF_8));
        other.nextToken();
        other.nextToken();

        assertThatThrownBy(() -> strings.addCurrent(other)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The strings of a JSON array, or of an object's values. */
    private static JsonStrings stringsOf(String json) {
        return stringsOf(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonStrings stringsOf(byte[] json) {
        JsonCursor cursor = JsonCursor.reading(json);
        JsonStrings strings = JsonStrings.in(cursor);
        for (JsonToken token = cursor.nextToken(); token != null; token = cursor.nextToken()) {
            if (token == JsonToken.VALUE_STRING) {
                strings.addCurrent(cursor);
            }
        }
        return strings;
    }

    /** Every character as a \\u escape. */
    private static String escapedAll(String text) {
        var written = new StringBuilder("\"");
        text.chars().forEach(c -> written.append(String.format("\\u%04x", c)));
        return written.append('"').toString();
    }

    /** An escaped surrogate counts 3 bytes: 2 more per pair than its UTF-8. */
    private static int surrogates(String text) {
        return 2 * (int) text.chars().filter(c -> Character.isHighSurrogate((char) c)).count();
    }
}

package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

    /** One, two, three and four bytes, and lone surrogates of both halves. */
    private static final String[] PIECES = {"a", "\t", "é", "ß", "日", "€", "😀", "\ud83d", "\ude00", "\u007f", "\u0080",
        "\u07ff", "\u0800", "\uffff"};

    @Test
    void encodes_and_measures_any_text_as_string_get_bytes_does() {
        var random = new SplittableRandom(20261205);
        for (int n = 0; n < 20_000; n++) {
            var text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String value = text.toString();
            int start = random.nextInt(value.length() + 1);
            int end = start + random.nextInt(value.length() - start + 1);
            byte[] expected = value.substring(start, end).getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[2 + (end - start) * Utf8.MAX_BYTES_PER_CHAR];

            int after = Utf8.encode(value, start, end, out, 2);

            assertThat(Arrays.copyOfRange(out, 2, after)).as("%s [%d, %d)", value, start, end).isEqualTo(expected);
            assertThat(Utf8.length(value, start, end)).isEqualTo(expected.length);
        }
    }
}

package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written split and merge against jtokkit's regular expression and merge, which is the reference. */
class O200kCounterTest {

    private static final Encoding REFERENCE = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    private static final O200kCounter COUNTER = new O200kCounter(RankTable.o200kBase());

    /** Characters of every class the pattern tells apart, and the ones where its alternatives meet. */
    private static final String[] ALPHABET = {
            " ", "  ", "\t", "\n", "\r", "\r\n", "\u000b", "\f", "\u0085", "\u00a0", "\u2003", "\u2028", "\u3000",
            "a", "e", "s", "t", "d", "m", "l", "r", "v", "z", "A", "S", "T", "L", "R", "E", "Z", "\u017f",
            "'", "'s", "'T", "'re", "'Ve", "'ll", "'D", "\u2019",
            "0", "7", "42", "1234567", "\u0663", "\u2167", "\u00bd", "\u00b2",
            ".", ",", "!", "?", "/", "//", "-", "_", "(", ")", "{", "}", "\"", "#", "$", "%", "&", "*", "+", "<", "=",
            "@", "\\", "^", "`", "|", "~", ":", ";",
            "\u00e9", "\u00c9", "\u00df", "\u01c5", "\u02b0", "\u0301", "\u0903", "\u20dd", "\u00e7a", "Stra\u00dfe",
            "\u4e2d\u6587", "\u65e5\u672c\u8a9e", "\u3042", "\u30ab", "\ud55c\uad6d\uc5b4", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
            "\u0939\u093f\u0928\u094d\u0926\u0940", "\u0440\u0443\u0441\u0441\u043a\u0438\u0439", "\u041c\u043e\u0441\u043a\u0432\u0430",
            "\ud83d\ude00", "\ud83d\udc4d\ud83c\udffd", "\ud835\udc00", "\ud801\udc28", "\ud800", "\udc00", "\u200d", "\ufe0f",
            "\u20ac", "\u00a9", "\u2014", "\u2026", "\u00bf", "\u3001", "\uff01",
    };

    @Test
    void counts_what_jtokkit_counts_for_text_in_many_languages_and_formats() {
        List<String> texts = List.of(
                "Order 48213, placed on 14 November: two paperbacks (The Left Hand of Darkness, Piranesi) and one"
                        + " hardcover atlas. The customer writes: 'My atlas still hasn't arrived, and it's a present.'",
                "We'll see; they're here, I'm sure you've heard. THEY'RE LOUD. O'Neil's DON'T",
                "def main():\n    print(\"hello\")  # comment\n\n\n    return {\"a\": [1, 2, 3]}\r\n",
                "Die Stra\u00dfe hei\u00dft \u00c4u\u00dferer Ring; \u00e7a va tr\u00e8s bien, na\u00efve caf\u00e9.",
                "\u6771\u4eac\u90fd\u306e\u5929\u6c17\u306f\u6674\u308c\u3067\u3059\u3002\u4eca\u65e5\u306f2024\u5e7411\u670823\u65e5\u3002",
                "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! \u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645 \ud83d\ude00\ud83d\udc4d",
                "https://example.com/a/b?c=d&e=f#frag  \t  x\u00a0y\u2003z",
                "1234567890 3.14159 -42 1e10 0x1F \u0661\u0662\u0663\u0664",
                "   leading and trailing   ",
                "tabs\t\tand\n\n\nbreaks \n \n",
                "");
        for (String text : texts) {
            assertThat(COUNTER.count(text)).as(text).isEqualTo(REFERENCE.countTokensOrdinary(text));
        }
    }

    @Test
    void short_pieces_count_the_same_when_their_remembered_counts_are_used_or_pushed_out_by_others() {
        var counter = new O200kCounter(RankTable.o200kBase());
        var random = new SplittableRandom(20261205);
        // 30,000 words of 2 to about 20 bytes, on both sides of the longest remembered piece (16 bytes), some with
        // letters of two and three bytes, most of them not tokens: far more than a thread remembers
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            var word = new StringBuilder(" ");
            for (int length = random.nextInt(17) + 1; word.length() <= length; ) {
                int letter = random.nextInt(40);
                word.append(letter < 26 ? (char) ('a' + letter)
                        : letter < 33 ? "\u00e9\u00df\u00e7\u00f8\u0101\u0107\u0111".charAt(letter - 26)
                        : "\u4e2d\u6587\u65e5\u672c\u8a9e\u3042\u30ab".charAt(letter - 33));
            }
            words.add(word.toString());
        }

        for (int pass = 0; pass < 2; pass++) {
            for (String word : words) {
                assertThat(counter.count(word)).as("%s, pass %d", word, pass)
                        .isEqualTo(REFERENCE.countTokensOrdinary(word));
            }
        }
        String text = String.join("", words.subList(0, 2_000));
        assertThat(counter.count(text)).isEqualTo(counter.count(text)).isEqualTo(REFERENCE.countTokensOrdinary(text));
    }

    @Test
    void counts_what_jtokkit_counts_for_random_text_from_every_character_class() {
        var random = new SplittableRandom(20261123);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            var text = new StringBuilder();
            for (int n = random.nextInt(1, 24); n > 0; n--) {
                text.append(random.nextInt(8) == 0 ? String.valueOf((char) random.nextInt(0x3000))
                        : ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String sample = text.toString();
            if (COUNTER.count(sample) != REFERENCE.countTokensOrdinary(sample)) {
                differences.add(escaped(sample));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void pieces_longer_than_the_quadratic_merge_takes_count_what_jtokkit_counts() {
        String longWord = "a".repeat(O200kCounter.LONGEST_PIECE * 3);
        String longRun = "!?".repeat(O200kCounter.LONGEST_PIECE) + " then words " + "\u4e2d".repeat(200);
        String longestExact = "ab".repeat(O200kCounter.LONGEST_EXACT_PIECE / 2);

        assertThat(COUNTER.count(longWord)).isEqualTo(REFERENCE.countTokensOrdinary(longWord));
        assertThat(COUNTER.count(longRun)).isEqualTo(REFERENCE.countTokensOrdinary(longRun));
        assertThat(COUNTER.count(longestExact)).isEqualTo(REFERENCE.countTokensOrdinary(longestExact));
    }

    @Test
    void long_pieces_of_every_script_merge_as_jtokkit_merges_them() {
        var random = new SplittableRandom(20261203);
        String[] alphabets = {"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJ", "0123456789"
                .replaceAll(".", "!"), "\u0e01\u0e02\u0e04\u0e07\u0e08\u0e32\u0e34\u0e31\u0e48", "\u4e2d\u6587\u5b57\u7684"};
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            var text = new StringBuilder();
            for (int n = random.nextInt(90, O200kCounter.LONGEST_EXACT_PIECE / 3); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String sample = text.toString();
            if (COUNTER.count(sample) != REFERENCE.countTokensOrdinary(sample)) {
                differences.add(escaped(sample));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void a_piece_too_long_to_merge_counts_one_token_per_byte_an_upper_bound() {
        String blob = "x".repeat(O200kCounter.LONGEST_EXACT_PIECE + 1);
        String thai = "\u0e01".repeat(O200kCounter.LONGEST_EXACT_PIECE); // 3 bytes each

        assertThat(COUNTER.count(blob)).isEqualTo(blob.length())
                .isGreaterThanOrEqualTo(REFERENCE.countTokensOrdinary(blob));
        // "Hello", " xxx...x" (the space leads the word), " world"
        assertThat(COUNTER.count("Hello " + blob + " world")).isEqualTo(1 + 1 + blob.length() + 1);
        assertThat(COUNTER.count(thai)).isEqualTo(3 * thai.length());
    }

    @Test
    void a_four_megabyte_word_costs_time_linear_in_its_length() {
        String word = "q".repeat(4 << 20);
        String words = ("a".repeat(O200kCounter.LONGEST_EXACT_PIECE) + " ").repeat(1000); // the slowest exact merges

        // a guard against a quadratic blow-up (seconds per request before), not a benchmark
        int tokens = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> COUNTER.count(word));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> COUNTER.count(words));

        assertThat(tokens).isEqualTo(word.length());
    }

    @Test
    void the_table_holds_every_o200k_token() {
        assertThat(RankTable.o200kBase().size()).isEqualTo(199_998);
    }

    private static String escaped(String text) {
        var out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.toString();
    }
}

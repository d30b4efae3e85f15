package io.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.json.JsonSamples;
import io.tollgate.gateway.provider.openai.OpenAiUsageReader.Parsed;
import io.tollgate.model.common.TokenUsage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiUsageReaderTest {

    private static final String CHAT_ANSWER = """
            {"id":"chatcmpl-9","object":"chat.completion","created":1733400000,"model":"gpt-4o-2024-08-06",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Caf\\u00e9 \\"ol\\u00e9\\" \\ud83d\\ude00 \
            – naïve 日本 😀","tool_calls":[{"id":"c1","type":"function","function":{"name":"f",\
            "arguments":"{\\"a\\":[1,2.5e-3,-0.0]}"}}],
             "refusal":null},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1200,"completion_tokens":300,"total_tokens":1500,
              "prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},
              "completion_tokens_details":{"reasoning_tokens":128,"accepted_prediction_tokens":0}},
             "system_fingerprint":"fp_1"}""";
    private static final String RESPONSES_ANSWER = """
            {"id":"resp_1","object":"response","output":[{"type":"message","content":[{"type":"output_text",
            "text":"Hi","annotations":[]}]}],"usage":{"input_tokens":36,"input_tokens_details":{"cached_tokens":0},
            "output_tokens":87,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":123}}""";
    private static final List<String> SEEDS = List.of(CHAT_ANSWER, RESPONSES_ANSWER,
            "{\"usage\":null,\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7}}",
            "{\"usage\":{\"prompt_tokens\":3.0,\"completion_tokens\":-2,\"prompt_tokens_details\":[1,{\"x\":2}],"
                    + "\"completion_tokens_details\":\"none\",\"prompt_tokens\":9}}",
            "{\"\\u0075sage\":{\"prompt_tok\\u0065ns\":4,\"completion_tokens\":1e2}}",
            "{\"choices\":[{\"text\":\"no usage here\",\"n\":[true,false,null,{}]}]}",
            " \r\n\t{ \"a\" : [ ] , \"usage\" : { } } trailing",
            "\uFEFF{\"usage\":{\"prompt_tokens\":9223372036854775807,\"completion_tokens\":-9223372036854775808}}");

    @Test
    void an_answer_s_usage_keeps_cached_and_reasoning_tokens_apart() {
        assertThat(scan(CHAT_ANSWER)).isEqualTo(new Parsed(Optional.of(new TokenUsage(1200, 300, 1024, 128)), false));
        assertThat(scan(RESPONSES_ANSWER)).isEqualTo(new Parsed(Optional.of(new TokenUsage(36, 87, 0, 0)), false));
    }

    @Test
    void an_answer_without_usage_is_read_to_its_end_and_one_that_is_no_json_object_is_malformed() {
        assertThat(scan("{\"usage\":null,\"id\":\"x\"}")).isEqualTo(new Parsed(Optional.empty(), false));
        assertThat(scan("{\"id\":\"x\",\"choices\":[1,]}").malformed()).isTrue();
        assertThat(scan("{\"id\":\"x\"").malformed()).isTrue();
        assertThat(scan("[{\"usage\":{\"prompt_tokens\":1}}]").malformed()).isTrue();
        assertThat(scan("").malformed()).isTrue();
    }

    @Test
    void values_that_are_no_whole_count_count_zero_and_a_count_beyond_a_long_is_malformed() {
        assertThat(scan(SEEDS.get(3)).usage()).hasValue(new TokenUsage(9, 0, 0, 0));
        assertThat(scan("{\"usage\":{\"prompt_tokens\":9223372036854775808}}").malformed()).isTrue();
    }

    @Test
    void every_seed_reads_as_jackson_reads_it() {
        for (String seed : SEEDS) {
            byte[] body = seed.getBytes(StandardCharsets.UTF_8);
            assertThat(OpenAiUsageReader.parse(body)).as(seed).isEqualTo(JacksonUsageReference.parse(body));
        }
    }

    /** Every prefix, and every position replaced by each byte that JSON treats specially, reads as Jackson reads it. */
    @Test
    void every_cut_and_every_changed_byte_of_the_seeds_reads_as_jackson_reads_it() {
        int compared = 0;
        for (String seed : SEEDS) {
            byte[] body = seed.getBytes(StandardCharsets.UTF_8);
            for (int cut = 0; cut < body.length; cut++) {
                compared += compare(Arrays.copyOf(body, cut));
            }
            for (int at = 0; at < body.length; at++) {
                for (byte replacement : JsonSamples.REPLACEMENTS) {
                    byte[] changed = body.clone();
                    changed[at] = replacement;
                    compared += compare(changed);
                }
            }
        }
        assertThat(compared).isGreaterThan(50_000);
    }

    @Test
    void random_documents_read_as_jackson_reads_them() {
        var random = new Random(20261206);
        var names = List.of("usage", "prompt_tokens", "completion_tokens", "prompt_tokens_details", "cached_tokens",
                "completion_tokens_details", "reasoning_tokens", "input_tokens", "id", "choices", "x\\u0041");
        for (int i = 0; i < 3_000; i++) {
            byte[] body = JsonSamples.randomObject(random, names);
            compare(body);
            byte[] changed = body.clone();
            changed[random.nextInt(body.length)] = (byte) random.nextInt(256);
            compare(changed);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {499, 500, 501})
    void nesting_is_refused_past_jackson_s_limit(int depth) {
        String body = "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
        assertThat(compare(body.getBytes(StandardCharsets.UTF_8))).isOne();
        assertThat(scan(body).malformed()).isEqualTo(depth > 500);
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 1000, 1001})
    void numbers_are_refused_past_jackson_s_length_limit(int digits) {
        String whole = "{\"a\":" + "1".repeat(digits) + "}";
        String fraction = "{\"a\":1." + "5".repeat(digits - 1) + "}";
        assertThat(compare(whole.getBytes(StandardCharsets.UTF_8)) + compare(fraction.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(scan(whole).malformed()).isEqualTo(digits > 1000);
    }

    private static Parsed scan(String body) {
        return OpenAiUsageReader.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor's reading is Jackson's, but that it reads UTF-8 alone: it may refuse a body that is not UTF-8, or
     * that Jackson takes for UTF-16 or UTF-32 by a zero byte among its first four, where Jackson reads it.
     */
    private static int compare(byte[] body) {
        Parsed ours = OpenAiUsageReader.parse(body);
        Parsed theirs = JacksonUsageReference.parse(body);
        if (!(ours.malformed() && !ours.equals(theirs) && JsonSamples.notUtf8ForJackson(body))) {
            assertThat(ours).as(() -> new String(body, StandardCharsets.ISO_8859_1)).isEqualTo(theirs);
        }
        return 1;
    }

    @Test
    void what_is_not_utf_8_is_malformed() {
        for (String bytes : List.of("C0 AF", "ED A0 80", "F4 90 80 80", "E2 82")) {
            var body = new ByteArrayOutputStream();
            body.writeBytes("{\"id\":\"".getBytes(StandardCharsets.US_ASCII));
            for (String hex : bytes.split(" ")) {
                body.write(Integer.parseInt(hex, 16));
            }
            body.writeBytes("\",\"usage\":{\"prompt_tokens\":1}}".getBytes(StandardCharsets.US_ASCII));
            assertThat(OpenAiUsageReader.parse(body.toByteArray()).malformed()).as(bytes).isTrue();
        }
    }
}

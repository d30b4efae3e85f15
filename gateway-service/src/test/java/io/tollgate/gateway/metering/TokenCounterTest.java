package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.request.RequestBodyParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    private static final String SYSTEM = "You are the support assistant of an online bookshop. Answer in the customer's"
            + " language, in at most five short sentences, and never promise what the order data does not show.";

    private final TokenCounter remembering = new TokenCounter(1_000_000);
    private final TokenCounter forgetful = new TokenCounter(0);

    @Test
    void a_chat_prompt_is_its_contents_plus_openais_overhead_per_message_and_for_the_reply() {
        var prompt = prompt(Endpoint.CHAT, chat(SYSTEM, "Where is my atlas?"));

        assertThat(prompt.parts()).containsExactly(SYSTEM, "Where is my atlas?");
        assertThat(prompt.messages()).isEqualTo(2);
        assertThat(remembering.countPrompt(prompt)).isEqualTo(forgetful.count(SYSTEM)
                + forgetful.count("Where is my atlas?") + 2 * TokenCounter.PER_MESSAGE_OVERHEAD + TokenCounter.REPLY_OVERHEAD);
    }

    @Test
    void a_remembered_part_counts_the_same_as_a_fresh_count_for_every_prompt_it_appears_in() {
        for (int turn = 0; turn < 5; turn++) {
            var prompt = prompt(Endpoint.CHAT, chat(SYSTEM, "Question number " + turn + ": where is parcel two?"));
            assertThat(remembering.countPrompt(prompt)).isEqualTo(forgetful.countPrompt(prompt));
        }
        assertThat(remembering.rememberedParts()).as("only the long system prompt, once").isEqualTo(1);
        assertThat(forgetful.rememberedParts()).as("a cache of 0 characters holds nothing").isZero();
    }

    @Test
    void a_long_part_is_remembered_on_its_second_sighting_so_that_one_never_sent_again_is_not_kept() {
        String message = "Order 48213, placed on 14 November: two paperbacks and one hardcover atlas, shipped in two"
                + " parcels. Parcel two shows 'label created' since 16 November. Where is it?";
        var first = prompt(Endpoint.CHAT, chat(SYSTEM, message));
        assertThat(remembering.countPrompt(first)).isEqualTo(forgetful.countPrompt(first));
        assertThat(remembering.rememberedParts()).as("each long part seen once: counted, not kept").isZero();

        var second = prompt(Endpoint.CHAT, chat(SYSTEM, "Where is my atlas?"));
        assertThat(remembering.countPrompt(second)).isEqualTo(forgetful.countPrompt(second));
        assertThat(remembering.rememberedParts()).as("the system prompt, seen twice").isEqualTo(1);
    }

    @Test
    void prompts_of_other_endpoints_have_no_message_overhead() {
        var prompt = prompt(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":[\"first text\",\"second text\"]}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(prompt.messages()).isZero();
        assertThat(remembering.countPrompt(prompt)).isEqualTo(forgetful.count("first text") + forgetful.count("second text"));
        assertThat(prompt.text()).isEqualTo("first text\nsecond text");
    }

    @Test
    void a_prompts_bound_is_at_least_its_count_whatever_the_script() {
        for (String user : List.of("Where is my atlas?", "東京駅から大阪までの新幹線の料金を教えてください。",
                "Ünïcödé façade naïve café", "emoji 🎉🎉🎉 and flags 🇩🇪🇯🇵", "for (int i = 0; i < n; i++) { sum += a[i]; }",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")) {
            var prompt = prompt(Endpoint.CHAT, chat(SYSTEM, user));

            assertThat(forgetful.promptBound(prompt)).as(user).isGreaterThanOrEqualTo(forgetful.countPrompt(prompt));
        }
    }

    @Test
    void a_prompts_bound_takes_a_part_seen_before_at_its_count_and_a_new_one_at_its_utf8_length() {
        var first = prompt(Endpoint.CHAT, chat(SYSTEM, "Wo ist mein Atlas, bitte?"));
        var second = prompt(Endpoint.CHAT, chat(SYSTEM, "Und das zweite Paket?"));
        long overhead = 2 * TokenCounter.PER_MESSAGE_OVERHEAD + TokenCounter.REPLY_OVERHEAD;

        assertThat(remembering.promptBound(first)).as("everything new: bytes, nothing counted")
                .isEqualTo(SYSTEM.length() + "Wo ist mein Atlas, bitte?".length() + overhead);
        assertThat(remembering.rememberedParts()).isZero();
        assertThat(remembering.promptBound(second)).as("the system prompt, sent again, at its count")
                .isEqualTo(forgetful.count(SYSTEM) + "Und das zweite Paket?".length() + overhead);
        assertThat(remembering.rememberedParts()).isEqualTo(1);
    }

    @Test
    void a_part_with_escapes_is_counted_as_its_decoded_text_and_remembered_by_its_bytes() {
        String written = SYSTEM
                + "\\nRules:\\n\\t- say \\\"caf\\u00e9\\\" as written\\n\\t- no \\u201cmarketing\\u201d";
        String decoded = SYSTEM + "\nRules:\n\t- say \"café\" as written\n\t- no \u201cmarketing\u201d";
        var first = prompt(Endpoint.CHAT, chat(written, "Where is my atlas?"));
        var second = prompt(Endpoint.CHAT, chat(written, "And parcel two?"));
        long overhead = 2 * TokenCounter.PER_MESSAGE_OVERHEAD + TokenCounter.REPLY_OVERHEAD;

        assertThat(first.parts()).containsExactly(decoded, "Where is my atlas?");
        assertThat(remembering.promptBound(first)).as("new: its decoded UTF-8 length")
                .isEqualTo(decoded.getBytes(StandardCharsets.UTF_8).length + "Where is my atlas?".length() + overhead);
        assertThat(remembering.countPrompt(second)).isEqualTo(forgetful.count(decoded)
                + forgetful.count("And parcel two?") + overhead);
        assertThat(remembering.rememberedParts()).isEqualTo(1);
        assertThat(remembering.countPrompt(first)).as("remembered").isEqualTo(forgetful.countPrompt(first));
    }

    @Test
    void a_body_that_escapes_what_another_prompt_holds_as_it_is_gets_its_own_count() {
        String raw = SYSTEM + " \\n\\n\\n\\n";
        var asItIs = new PromptText(List.of(raw), 1);
        var escaped = prompt(Endpoint.CHAT, chat(raw, "Hi"));
        assertThat(escaped.parts().getFirst()).isEqualTo(SYSTEM + " \n\n\n\n");

        for (int sighting = 0; sighting < 3; sighting++) {
            assertThat(remembering.countPrompt(asItIs)).isEqualTo(forgetful.countPrompt(asItIs));
            assertThat(remembering.countPrompt(escaped)).isEqualTo(forgetful.countPrompt(escaped));
        }
        assertThat(remembering.rememberedParts()).as("same bytes, two texts: two counts").isEqualTo(2);
        assertThat(forgetful.count(raw)).isNotEqualTo(forgetful.count(escaped.parts().getFirst()));
    }

    /** The prompt as the gateway reads it with the rest of the body. */
    private static PromptText prompt(Endpoint endpoint, byte[] body) {
        var parsed = RequestBodyParser.parse(endpoint, body);
        assertThat(parsed.rejection()).isNull();
        return parsed.facts().prompt();
    }

    private static byte[] chat(String system, String user) {
        return ("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"" + system + "\"},"
                + "{\"role\":\"user\",\"content\":\"" + user + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }
}

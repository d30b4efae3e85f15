package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    private static final String SYSTEM = "You are the support assistant of an online bookshop. Answer in the customer's"
            + " language, in at most five short sentences, and never promise what the order data does not show.";

    private final TokenCounter remembering = new TokenCounter(1_000_000);
    private final TokenCounter forgetful = new TokenCounter(0);

    @Test
    void a_chat_prompt_is_its_contents_plus_openais_overhead_per_message_and_for_the_reply() {
        var prompt = PromptText.of(Endpoint.CHAT, chat(SYSTEM, "Where is my atlas?"));

        assertThat(prompt.parts()).containsExactly(SYSTEM, "Where is my atlas?");
        assertThat(prompt.messages()).isEqualTo(2);
        assertThat(remembering.countPrompt(prompt)).isEqualTo(forgetful.count(SYSTEM)
                + forgetful.count("Where is my atlas?") + 2 * TokenCounter.PER_MESSAGE_OVERHEAD + TokenCounter.REPLY_OVERHEAD);
    }

    @Test
    void a_remembered_part_counts_the_same_as_a_fresh_count_for_every_prompt_it_appears_in() {
        for (int turn = 0; turn < 5; turn++) {
            var prompt = PromptText.of(Endpoint.CHAT, chat(SYSTEM, "Question number " + turn + ": where is parcel two?"));
            assertThat(remembering.countPrompt(prompt)).isEqualTo(forgetful.countPrompt(prompt));
        }
        assertThat(remembering.rememberedParts()).as("only the long system prompt, once").isEqualTo(1);
        assertThat(forgetful.rememberedParts()).as("a cache of 0 characters holds nothing").isZero();
    }

    @Test
    void prompts_of_other_endpoints_have_no_message_overhead() {
        var prompt = PromptText.of(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":[\"first text\",\"second text\"]}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(prompt.messages()).isZero();
        assertThat(remembering.countPrompt(prompt)).isEqualTo(forgetful.count("first text") + forgetful.count("second text"));
        assertThat(prompt.text()).isEqualTo("first text\nsecond text");
    }

    private static byte[] chat(String system, String user) {
        return ("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"" + system + "\"},"
                + "{\"role\":\"user\",\"content\":\"" + user + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }
}

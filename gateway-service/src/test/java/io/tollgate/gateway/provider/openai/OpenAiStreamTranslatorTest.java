package io.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The stream watcher reads each event's JSON in the event's bytes, whatever shape the event has. */
class OpenAiStreamTranslatorTest {

    private static final String USAGE = "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}";

    @Test
    void the_json_of_an_event_is_found_after_data_with_or_without_a_space_and_after_other_fields() {
        for (String event : new String[] {"data: " + USAGE + "\n\n", "data:" + USAGE + "\n\n",
                "data:\t" + USAGE + "\r\n\r\n", "event: chunk\nid: 7\ndata: " + USAGE + "\n\n"}) {
            var translator = new OpenAiStreamTranslator(false);

            assertThat(translator.accept(bytes(event))).as(event).isNull();
            assertThat(translator.reported()).as(event).hasValue(TokenUsage.of(3, 2));
        }
    }

    @Test
    void events_without_a_json_object_are_forwarded_as_they_are_and_read_nothing() {
        var translator = new OpenAiStreamTranslator(false);
        for (String event : new String[] {"data: [DONE]\n\n", ": keep-alive\n\n", "data: \n\n", "data: 42\n\n",
                "event: ping\n\n", "data: {\"choices\": [{\"delta\": {\"content\": \"cut\n\n",
                "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":99999999999999999999}}\n\n"}) {
            byte[] bytes = bytes(event);

            assertThat(translator.accept(bytes)).as(event).isSameAs(bytes);
        }
        assertThat(translator.reported()).isEmpty();
    }

    @Test
    void text_is_decoded_exactly_escapes_and_all_and_a_repeated_key_is_read_as_jackson_read_it() {
        var translator = new OpenAiStreamTranslator(true);
        translator.accept(bytes("data: {\"choices\":[{\"delta\":{\"content\":\"Zoë 日本 😀\"}}]}\n\n"));
        translator.accept(bytes("data: {\"choices\":[{\"delta\":{\"content\":\" caf\\u00e9\\n\\\"ok\\\"\"}}]}\n\n"));
        translator.accept(bytes("data: {\"choices\":[{\"delta\":{\"content\":\"!\"}}],\"usage\":null,"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4}}\n\n"));

        assertThat(translator.generatedText()).isEqualTo("Zoë 日本 😀 café\n\"ok\"!");
        assertThat(translator.reported()).hasValue(TokenUsage.of(5, 4));
    }

    @Test
    void a_whole_answers_text_is_read_from_its_bytes() {
        byte[] answer = bytes("{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Two parcels.\\nOne arrived.\"}}]}");

        assertThat(OpenAiStreamTranslator.generatedText(answer)).isEqualTo("Two parcels.\nOne arrived.");
        assertThat(OpenAiStreamTranslator.generatedText(bytes("{\"choices\":[{\"message\":{\"content\":\"half")))
                .isEqualTo("");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package io.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.metering.PromptText;
import io.tollgate.gateway.request.RequestFacts;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OpenAiTranslationTest {

    @Test
    void the_usage_block_keeps_cached_and_reasoning_tokens_apart() {
        byte[] body = """
                {"id":"x","choices":[],"usage":{"prompt_tokens":1200,"completion_tokens":300,"total_tokens":1500,
                 "prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},
                 "completion_tokens_details":{"reasoning_tokens":128}}}""".getBytes(StandardCharsets.UTF_8);

        assertThat(OpenAiUsageReader.read(body)).hasValue(new TokenUsage(1200, 300, 1024, 128));
        assertThat(OpenAiUsageReader.read("{\"usage\":null}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void the_stream_translator_hides_the_usage_chunk_it_asked_for_and_keeps_the_text() {
        var translator = new OpenAiStreamTranslator(false);
        byte[] content = event("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}],\"usage\":null}");
        byte[] usage = event("{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}");

        assertThat(translator.accept(content)).isSameAs(content);
        assertThat(translator.accept(usage)).isNull();
        assertThat(translator.accept(event("[DONE]"))).isNotNull();
        assertThat(translator.reported()).hasValue(TokenUsage.of(3, 2));
        assertThat(translator.generatedText()).isEqualTo("Hel");
        assertThat(new OpenAiStreamTranslator(true).accept(usage)).isSameAs(usage);
    }

    @Test
    void the_body_is_forwarded_unchanged_unless_the_model_or_stream_options_must_change() {
        byte[] body = "{\"model\":\"alias\",  \"messages\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(OpenAiRequestRewriter.rewrite(body, facts("alias", false, false), "alias")).isSameAs(body);
        assertThat(new String(OpenAiRequestRewriter.rewrite(body, facts("alias", false, false), "gpt-4o")))
                .isEqualTo("{\"model\":\"gpt-4o\",\"messages\":[]}");
        assertThat(new String(OpenAiRequestRewriter.rewrite(body, facts("alias", true, false), "alias")))
                .contains("\"stream_options\":{\"include_usage\":true}");
    }

    private static RequestFacts facts(String model, boolean stream, boolean includeUsage) {
        return new RequestFacts(model, stream, OptionalInt.empty(), includeUsage, PromptText.NONE);
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}

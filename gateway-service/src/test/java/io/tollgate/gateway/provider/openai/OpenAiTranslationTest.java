package io.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestFacts;
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

        assertThat(OpenAiUsageReader.parse(body).usage()).hasValue(new TokenUsage(1200, 300, 1024, 128));
        assertThat(OpenAiUsageReader.parse("{\"usage\":null}".getBytes(StandardCharsets.UTF_8)).usage())
                .isEmpty();
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

        assertThat(OpenAiRequestRewriter.rewrite(body, facts("alias", false, false), "alias", true)).isSameAs(body);
        assertThat(new String(OpenAiRequestRewriter.rewrite(body, facts("alias", false, false), "gpt-4o", true)))
                .as("only the value changes; the client's spacing stays")
                .isEqualTo("{\"model\":\"gpt-4o\",  \"messages\":[]}");
        assertThat(new String(OpenAiRequestRewriter.rewrite(body, facts("alias", true, false), "alias", true)))
                .contains("\"stream_options\":{\"include_usage\":true}");
    }

    @Test
    void a_provider_that_refuses_stream_options_is_not_asked_for_them_but_a_clients_own_pass_unchanged() {
        byte[] plain = "{\"model\":\"m\",\"stream\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] asked = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(OpenAiRequestRewriter.rewrite(plain, facts("m", true, false), "m", false)).isSameAs(plain);
        assertThat(OpenAiRequestRewriter.rewrite(asked, facts("m", true, true), "m", false)).isSameAs(asked);
    }

    @Test
    void error_messages_are_read_from_openai_vllm_ollama_and_tgi_shapes() {
        assertThat(OpenAiErrorMessage.of(FakeCompatibleServer.fixture("vllm-error-extra-forbidden.json")))
                .hasValueSatisfying(message -> assertThat(message).contains("'msg': 'Extra inputs are not permitted'"));
        assertThat(OpenAiErrorMessage.of(FakeCompatibleServer.fixture("ollama-error-model-not-found.json")))
                .hasValue("model \"llama3.3\" not found, try pulling it first");
        assertThat(OpenAiErrorMessage.of(FakeCompatibleServer.fixture("tgi-error-validation.json")))
                .hasValueSatisfying(message -> assertThat(message).startsWith("Input validation error:"));
        assertThat(OpenAiErrorMessage.of("404 page not found".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void streamed_tool_call_names_and_arguments_count_as_generated_text() {
        var translator = new OpenAiStreamTranslator(false);
        String stream = new String(FakeCompatibleServer.fixture("vllm-stream-tool-call.sse"), StandardCharsets.UTF_8);

        for (String event : stream.split("(?<=\n\n)")) {
            translator.accept(event.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(translator.generatedText()).isEqualTo("get_weather{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\"}");
        assertThat(translator.reported()).isEmpty();
    }

    private static RequestFacts facts(String model, boolean stream, boolean includeUsage) {
        return new RequestFacts(model, stream, OptionalInt.empty(), includeUsage, PromptText.NONE);
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}

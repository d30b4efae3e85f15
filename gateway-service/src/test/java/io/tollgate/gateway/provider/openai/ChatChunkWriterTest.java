package io.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.provider.openai.schema.ChatCompletionChunk;
import io.tollgate.gateway.provider.openai.schema.Usage;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The chunks written from precomputed bytes are the bytes Jackson's databind writes for the chunk records. */
class ChatChunkWriterTest {

    private static final JsonMapper DATABIND = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private static final byte[] CONTENT = ChatChunkWriter.quotedName("content");
    private static final byte[] REASONING = ChatChunkWriter.quotedName("reasoning_content");

    @ParameterizedTest
    @ValueSource(strings = {"", "Hello", "a \"quoted\" \\ backslash / slash", "line\nbreak\ttab\r\u0001\u001f\u007f",
            "caf\u00e9 \u4e2d\u6587 \ud83d\ude00 \u2028\u2029", "</script>&<>'"})
    void a_text_chunk_is_the_bytes_databind_writes(String text) {
        var writer = new ChatChunkWriter("msg_01\"x", 1764800000L, "claude-sonnet-4-5", true);

        assertThat(utf8(writer.text(0, false, CONTENT, text)))
                .isEqualTo(databind("msg_01\"x", "claude-sonnet-4-5", 0, new ChatCompletionChunk.Delta(null, text), null));
        assertThat(utf8(writer.text(0, true, CONTENT, text)))
                .isEqualTo(databind("msg_01\"x", "claude-sonnet-4-5", 0, new ChatCompletionChunk.Delta("assistant", text), null));
        assertThat(utf8(writer.text(0, false, REASONING, text))).isEqualTo(databind("msg_01\"x", "claude-sonnet-4-5", 0,
                new ChatCompletionChunk.Delta(null, null, null, text), null));
    }

    @Test
    void finish_and_usage_chunks_and_a_restamped_id_are_the_bytes_databind_writes() {
        var writer = new ChatChunkWriter("", 1764800000L, "alias", true);
        writer.stamp("msg_2", 1764800000L, "claude-haiku-4-5");
        var usage = new TokenUsage(2073, 15, 2048, 7);

        assertThat(utf8(writer.finish(0, false, "tool_calls"))).isEqualTo(
                databind("msg_2", "claude-haiku-4-5", 0, new ChatCompletionChunk.Delta(null, null), "tool_calls"));
        assertThat(utf8(writer.usage(usage))).isEqualTo("data: " + DATABIND.writeValueAsString(new ChatCompletionChunk(
                "msg_2", "chat.completion.chunk", 1764800000L, "claude-haiku-4-5", List.of(), Usage.of(usage))) + "\n\n");
    }

    @Test
    void without_null_usage_a_chunk_has_no_usage_field_and_other_choices_carry_their_index() {
        var writer = new ChatChunkWriter("chatcmpl-1", 1733270400L, "gemini-2.5-flash", false);

        assertThat(utf8(writer.text(2, true, CONTENT, "Hi"))).isEqualTo("data: {\"id\":\"chatcmpl-1\","
                + "\"object\":\"chat.completion.chunk\",\"created\":1733270400,\"model\":\"gemini-2.5-flash\","
                + "\"choices\":[{\"index\":2,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
                + "\"finish_reason\":null}]}\n\n");
        assertThat(utf8(writer.finish(1, true, "stop"))).endsWith(
                "\"choices\":[{\"index\":1,\"delta\":{\"role\":\"assistant\"},\"finish_reason\":\"stop\"}]}\n\n");
        assertThat(utf8(writer.delta(0, json -> {
            json.writeStartObject();
            json.writeStringProperty("content", "x");
            json.writeEndObject();
        }))).endsWith("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}\n\n");
    }

    private static String databind(String id, String model, int index, ChatCompletionChunk.Delta delta,
                                   @Nullable String finishReason) {
        return "data: " + DATABIND.writeValueAsString(new ChatCompletionChunk(id, "chat.completion.chunk", 1764800000L,
                model, List.of(new ChatCompletionChunk.Choice(index, delta, finishReason)), null)) + "\n\n";
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

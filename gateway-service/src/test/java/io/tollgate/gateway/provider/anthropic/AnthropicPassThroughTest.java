package io.tollgate.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.support.FakeAnthropic;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A client's own Messages request and Anthropic's answers and events, passed through and read for their usage. */
class AnthropicPassThroughTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void only_the_model_of_the_clients_request_changes() {
        byte[] body = ("{\"model\":\"claude-alias\",\"max_tokens\":1024,\"system\":[{\"type\":\"text\",\"text\":\"Be brief\","
                + "\"cache_control\":{\"type\":\"ephemeral\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2048}}").getBytes(StandardCharsets.UTF_8);

        var sent = JSON.readTree(AnthropicPassThrough.withModel(body, "claude-sonnet-4-5"));

        var expected = (tools.jackson.databind.node.ObjectNode) JSON.readTree(body);
        expected.put("model", "claude-sonnet-4-5");
        assertThat(sent).isEqualTo(expected);
    }

    @Test
    void an_answer_passes_unchanged_with_its_usage_read_cache_reads_included() {
        byte[] message = FakeAnthropic.fixture("message-cache-read.json");

        var reply = AnthropicPassThrough.reply(message);

        assertThat(reply.body()).isSameAs(message);
        assertThat(reply.usage()).isEqualTo(new TokenUsage(188107, 393, 188086, 0, 0));
    }

    @Test
    void stream_events_pass_unchanged_and_the_usage_is_final_at_message_delta() {
        var watcher = new AnthropicPassThrough.Watcher();
        List<byte[]> passed = new ArrayList<>();
        List<byte[]> events = events("stream-text.sse");

        for (byte[] event : events) {
            passed.add(watcher.accept(event));
        }

        assertThat(passed).containsExactlyElementsOf(events);
        assertThat(watcher.reported()).contains(new TokenUsage(2073, 15, 2048, 0, 0));
        assertThat(watcher.generatedText()).isEqualTo("Hello!");
    }

    @Test
    void an_error_event_fails_the_stream_with_its_meaning() {
        var watcher = new AnthropicPassThrough.Watcher();
        var events = events("stream-error.sse");

        var failure = catchThrowableOfType(RejectedException.class, () -> events.forEach(watcher::accept));

        assertThat(failure.rejection().status()).isEqualTo(503);
        assertThat(watcher.reported()).isEmpty();
    }

    private static List<byte[]> events(String fixture) {
        List<byte[]> events = new ArrayList<>();
        for (String event : new String(FakeAnthropic.fixture(fixture), StandardCharsets.UTF_8).split("(?<=\n\n)")) {
            events.add(event.getBytes(StandardCharsets.UTF_8));
        }
        return events;
    }
}

package io.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every model request leaves one JSON line in the access log, naming who and what but never a key or a prompt. */
class AccessLogIntegrationTest extends GatewayIntegrationTest {

    private static final String PROMPT = "A secret plan nobody may log";

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void an_answered_request_is_one_line_with_its_caller_route_tokens_cost_and_latency() {
        var world = world();
        var answer = postJson("/chat/completions", world.key().plaintext(), chat(world.chatModel()));
        assertThat(answer.statusCode()).isEqualTo(200);
        String requestId = answer.headers().firstValue("x-request-id").orElseThrow();

        JsonNode line = lineOf(requestId);
        assertThat(line.get("endpoint").asString()).isEqualTo("/v1/chat/completions");
        assertThat(line.get("key_prefix").asString()).isEqualTo(world.key().prefix());
        assertThat(line.get("model").asString()).isEqualTo(world.chatModel());
        assertThat(line.get("served_model").asString()).isEqualTo(world.chatModel());
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("attempts").asInt()).isEqualTo(1);
        var event = events(world.key().id(), 1).getFirst();
        assertThat(line.get("prompt_tokens").asInt()).isEqualTo(event.get("prompt_tokens"));
        assertThat(line.get("completion_tokens").asInt()).isEqualTo(event.get("completion_tokens"));
        assertThat(new BigDecimal(line.get("cost_usd").asString())).isEqualByComparingTo((BigDecimal) event.get("cost_usd"))
                .isPositive();
        assertThat(line.get("tenant").asString()).isNotBlank();
        assertThat(line.get("latency_ms").asInt()).isNotNegative();
        assertThat(line.toString()).doesNotContain(world.key().plaintext()).doesNotContain(PROMPT);
    }

    @Test
    void a_refused_key_is_one_line_with_its_status_and_no_caller() {
        var refused = postJson("/chat/completions", "tg_not_a_key_at_all_0123456789", chat("gpt-4o"));
        assertThat(refused.statusCode()).isEqualTo(401);
        String requestId = refused.headers().firstValue("x-request-id").orElseThrow();

        JsonNode line = lineOf(requestId);
        assertThat(line.get("status").asInt()).isEqualTo(401);
        assertThat(line.has("tenant")).isFalse();
        assertThat(line.has("key_prefix")).isFalse();
        assertThat(line.get("error").asString()).isNotBlank();
        assertThat(line.toString()).doesNotContain("tg_not_a_key_at_all_0123456789").doesNotContain(PROMPT);
    }

    private JsonNode lineOf(String requestId) {
        await(() -> matching(requestId).size() == 1, Duration.ofSeconds(5), "the access log line");
        return matching(requestId).getFirst();
    }

    private List<JsonNode> matching(String requestId) {
        var json = JsonMapper.builder().build();
        return List.copyOf(lines.list).stream().map(event -> json.readTree(event.getFormattedMessage()))
                .filter(line -> requestId.equals(line.path("request_id").asString(null))).toList();
    }

    private static String chat(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + PROMPT + "\"}]}";
    }
}

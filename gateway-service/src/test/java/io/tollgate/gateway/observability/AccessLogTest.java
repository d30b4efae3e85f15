package io.tollgate.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.Requests;
import io.tollgate.gateway.snapshot.Snapshots;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccessLogTest {

    @Test
    void switched_off_it_writes_nothing() {
        var lines = new ListAppender<ILoggingEvent>();
        lines.start();
        var logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        logger.addAppender(lines);
        try {
            new AccessLog(false).log(context(), null);
            assertThat(lines.list).isEmpty();
            new AccessLog(true).log(context(), null);
            assertThat(lines.list).hasSize(1);
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void a_line_is_one_json_object_with_every_string_escaped() {
        var snapshot = Snapshots.builder();
        var tenant = snapshot.tenant("acme");
        var app = snapshot.app(tenant, "Team \"Ünïcode\" \\ tab\t line\nend \u0001");
        var key = snapshot.key(app, "tg_AccessLg0123456789abcdefghijKLMN");
        snapshot.model("gpt-test");
        var context = Requests.authenticated(snapshot.build(), snapshot.caller(key), Endpoint.CHAT,
                Requests.chat("gpt-test", "Hi"));
        context.outcome().failed(429, "rate_limit_exceeded");

        String line = AccessLog.line(context, null);
        JsonNode json = JsonMapper.builder().build().readTree(line);

        assertThat(line).doesNotContain("\n").startsWith("{\"time\":\"2026-12-04T12:00:00Z\",").endsWith("}");
        assertThat(json.get("app").asString()).isEqualTo(app.name());
        assertThat(json.get("tenant").asString()).isEqualTo("acme");
        assertThat(json.get("key_prefix").asString()).isEqualTo(key.prefix());
        assertThat(json.get("endpoint").asString()).isEqualTo("/v1/chat/completions");
        assertThat(json.get("model").asString()).isEqualTo("gpt-test");
        assertThat(json.get("status").asInt()).isEqualTo(429);
        assertThat(json.get("error").asString()).isEqualTo("rate_limit_exceeded");
        assertThat(json.get("stream").asBoolean()).isFalse();
        assertThat(json.get("latency_ms").isIntegralNumber()).isTrue();
        assertThat(json.has("served_model")).as("no route was planned").isFalse();
        assertThat(line).doesNotContain("tg_AccessLg0123456789abcdefghijKLMN", "Hi");
    }

    private static RequestContext context() {
        return new RequestContext(UUID.randomUUID(), "req_1", Instant.now(), System.nanoTime(), Endpoint.CHAT, null,
                new byte[0], ConfigSnapshot.empty(Instant.now()), null, new DefaultHttpHeaders());
    }
}

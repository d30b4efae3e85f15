package io.tollgate.gateway.observability;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.pipeline.RequestContext;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * One JSON line per model request on the logger {@value #LOGGER} (logback-spring.xml writes it to standard output
 * from a queue, off the event loops): who asked for what, where it went, and what it cost. Never prompts, answers or
 * keys: a key is named by its prefix. The usage events are the record to bill from; this log is for people and log
 * pipelines, and drops lines rather than slow requests when its output cannot keep up.
 */
@Component
public class AccessLog {

    static final String LOGGER = "tollgate.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final boolean enabled;

    AccessLog(@Value("${tollgate.gateway.access-log}") boolean enabled) {
        this.enabled = enabled;
    }

    /** Writes the request's line; {@code event} is empty when the caller was never identified (a bad key). */
    public void log(RequestContext context, @Nullable UsageEvent event) {
        if (enabled && log.isInfoEnabled()) {
            log.info(line(context, event));
        }
    }

    static String line(RequestContext context, @Nullable UsageEvent event) {
        var out = new StringWriter(384);
        var outcome = context.outcome();
        try (JsonGenerator json = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            json.writeStringProperty("time", context.receivedAt().toString());
            json.writeStringProperty("request_id", context.requestId());
            json.writeStringProperty("endpoint", context.endpoint().apiPath());
            context.caller().ifPresent(caller -> {
                json.writeStringProperty("tenant", caller.tenant().slug());
                json.writeStringProperty("app", caller.app().name());
                json.writeStringProperty("key_prefix", caller.key().prefix());
            });
            context.facts().ifPresent(facts -> json.writeStringProperty("model", facts.recordedModel()));
            context.route().ifPresent(route -> {
                json.writeStringProperty("served_model", route.model().name());
                json.writeStringProperty("provider", route.provider().name());
            });
            json.writeNumberProperty("status", outcome.status());
            outcome.errorType().ifPresent(error -> json.writeStringProperty("error", error));
            json.writeBooleanProperty("stream", outcome.isStreamed());
            json.writeNumberProperty("attempts", outcome.attempts());
            if (event != null) {
                json.writeNumberProperty("prompt_tokens", event.promptTokens());
                json.writeNumberProperty("completion_tokens", event.completionTokens());
                json.writeBooleanProperty("usage_estimated", event.usageEstimated());
                json.writeStringProperty("cost_usd", event.costUsd().toPlainString());
                json.writeNumberProperty("latency_ms", event.latencyMs());
                if (event.ttftMs() != null) {
                    json.writeNumberProperty("ttft_ms", event.ttftMs());
                }
            } else {
                json.writeNumberProperty("latency_ms",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - context.startNanos()));
            }
            json.writeEndObject();
        }
        return out.toString();
    }
}

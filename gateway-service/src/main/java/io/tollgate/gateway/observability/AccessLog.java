package io.tollgate.gateway.observability;

import io.tollgate.gateway.metering.UsageEvent;
import io.tollgate.gateway.pipeline.RequestContext;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.io.JsonStringEncoder;

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
        var line = new Line();
        var outcome = context.outcome();
        line.field("time");
        DateTimeFormatter.ISO_INSTANT.formatTo(context.receivedAt(), line.out);
        line.end();
        line.text("request_id", context.requestId());
        line.text("endpoint", context.endpoint().apiPath());
        var caller = context.caller().orElse(null);
        if (caller != null) {
            line.text("tenant", caller.tenant().slug());
            line.text("app", caller.app().name());
            line.text("key_prefix", caller.key().prefix());
        }
        var facts = context.facts().orElse(null);
        if (facts != null) {
            line.text("model", facts.recordedModel());
        }
        var route = context.route().orElse(null);
        if (route != null) {
            line.text("served_model", route.model().name());
            line.text("provider", route.provider().name());
        }
        line.number("status", outcome.status());
        var error = outcome.errorType().orElse(null);
        if (error != null) {
            line.text("error", error);
        }
        line.bool("stream", outcome.isStreamed());
        line.number("attempts", outcome.attempts());
        if (event != null) {
            line.number("prompt_tokens", event.promptTokens());
            line.number("completion_tokens", event.completionTokens());
            line.bool("usage_estimated", event.usageEstimated());
            line.text("cost_usd", event.costUsd().toPlainString());
            line.number("latency_ms", event.latencyMs());
            if (event.ttftMs() != null) {
                line.number("ttft_ms", event.ttftMs());
            }
        } else {
            line.number("latency_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - context.startNanos()));
        }
        return line.close();
    }

    /**
     * A JSON object written straight into its thread's builder, reused line after line: the fields' names are
     * constants, and each string value is escaped by Jackson's encoder. (A streaming generator and a writer per line
     * allocated twice as much.)
     */
    private static final class Line {

        private static final JsonStringEncoder ESCAPES = JsonStringEncoder.getInstance();
        private static final int KEPT_CAPACITY = 4096;
        private static final ThreadLocal<StringBuilder> BUILDERS = ThreadLocal.withInitial(() -> new StringBuilder(512));

        private final StringBuilder out = BUILDERS.get();

        Line() {
            out.setLength(0);
            out.append('{');
        }

        /** The name of the next field, and its value's opening quote: a string is written into it. */
        void field(String name) {
            name(name);
            out.append('"');
        }

        /** The string's closing quote. */
        void end() {
            out.append('"');
        }

        void text(String name, String value) {
            field(name);
            ESCAPES.quoteAsString(value, out);
            end();
        }

        void number(String name, long value) {
            name(name);
            out.append(value);
        }

        void bool(String name, boolean value) {
            name(name);
            out.append(value);
        }

        private void name(String name) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(name).append("\":");
        }

        String close() {
            String line = out.append('}').toString();
            if (out.capacity() > KEPT_CAPACITY) {
                BUILDERS.remove(); // a line of very long names does not keep its builder's size
            }
            return line;
        }
    }
}

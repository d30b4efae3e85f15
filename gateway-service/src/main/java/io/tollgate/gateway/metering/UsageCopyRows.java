package io.tollgate.gateway.metering;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Usage events as rows of PostgreSQL's {@code COPY ... FROM STDIN} text format: one line per event, columns in
 * {@link #COLUMNS} order separated by tabs, {@code \N} for null, and the format's backslash escapes in text.
 */
final class UsageCopyRows {

    static final String COLUMNS = """
            id, occurred_at, tenant_id, app_id, api_key_id, endpoint, requested_model, served_model, provider_id,
            deployment_id, upstream_model, price_id, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
            usage_estimated, cost_usd, latency_ms, ttft_ms, status_code, error_type, streamed, tags, cache_write_tokens,
            attempts, cache_hit""";

    private static final int ROW_BYTES = 400;

    private final StringBuilder line = new StringBuilder(ROW_BYTES);

    private UsageCopyRows() {
    }

    static byte[] encode(List<UsageEvent> batch) {
        var rows = new UsageCopyRows();
        var out = new ByteArrayOutputStream(batch.size() * ROW_BYTES);
        for (UsageEvent event : batch) {
            out.writeBytes(rows.row(event).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private String row(UsageEvent e) {
        line.setLength(0);
        value(e.id()).value(e.occurredAt()).value(e.tenantId()).value(e.appId()).value(e.apiKeyId())
                .text(e.endpoint()).text(e.requestedModel()).text(e.servedModel()).value(e.providerId())
                .value(e.deploymentId()).text(e.upstreamModel()).value(e.priceId()).value(e.promptTokens())
                .value(e.completionTokens()).value(e.cachedTokens()).value(e.reasoningTokens())
                .value(e.usageEstimated()).value(e.costUsd().toPlainString()).value(e.latencyMs()).value(e.ttftMs())
                .value(e.statusCode()).text(e.errorType()).value(e.streamed()).text(e.tags())
                .value(e.cacheWriteTokens()).value(e.attempts()).value(e.cacheHit());
        line.setCharAt(line.length() - 1, '\n');
        return line.toString();
    }

    private UsageCopyRows value(int value) {
        line.append(value).append('\t');
        return this;
    }

    private UsageCopyRows value(boolean value) {
        line.append(value ? 't' : 'f').append('\t');
        return this;
    }

    /** A value whose text has nothing to escape (numbers, UUIDs, ISO-8601 times). */
    private UsageCopyRows value(@Nullable Object value) {
        if (value == null) {
            line.append("\\N");
        } else {
            line.append(value);
        }
        line.append('\t');
        return this;
    }

    private UsageCopyRows text(@Nullable String value) {
        if (value == null) {
            line.append("\\N");
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }
        line.append('\t');
        return this;
    }
}

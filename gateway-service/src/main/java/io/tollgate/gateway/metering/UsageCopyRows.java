package io.tollgate.gateway.metering;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Usage events as rows of PostgreSQL's {@code COPY ... FROM STDIN} text format: one line per event, columns in
 * {@link #COLUMNS} order separated by tabs, {@code \N} for null, and the format's backslash escapes in text. Values are
 * written as UTF-8 straight into one buffer for the batch: no string per value or per row.
 */
final class UsageCopyRows {

    static final String COLUMNS = """
            id, occurred_at, tenant_id, app_id, api_key_id, endpoint, requested_model, served_model, provider_id,
            deployment_id, upstream_model, price_id, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
            usage_estimated, cost_usd, latency_ms, ttft_ms, status_code, error_type, streamed, tags, cache_write_tokens,
            attempts, cache_hit""";

    private static final int ROW_BYTES = 400;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    private UsageCopyRows(int capacity) {
        this.bytes = new byte[capacity];
    }

    static byte[] encode(List<UsageEvent> batch) {
        var rows = new UsageCopyRows(batch.size() * ROW_BYTES);
        batch.forEach(rows::row);
        return rows.size == rows.bytes.length ? rows.bytes : Arrays.copyOf(rows.bytes, rows.size);
    }

    private void row(UsageEvent e) {
        uuid(e.id()).ascii(e.occurredAt().toString()).uuid(e.tenantId()).uuid(e.appId()).uuid(e.apiKeyId())
                .text(e.endpoint()).text(e.requestedModel()).text(e.servedModel()).uuid(e.providerId())
                .uuid(e.deploymentId()).text(e.upstreamModel()).uuid(e.priceId()).number(e.promptTokens())
                .number(e.completionTokens()).number(e.cachedTokens()).number(e.reasoningTokens())
                .bool(e.usageEstimated()).ascii(e.costUsd().toPlainString()).number(e.latencyMs())
                .number(e.ttftMs()).number(e.statusCode()).text(e.errorType()).bool(e.streamed()).text(e.tags())
                .number(e.cacheWriteTokens()).number(e.attempts()).bool(e.cacheHit());
        bytes[size - 1] = '\n';
    }

    private UsageCopyRows uuid(@Nullable UUID value) {
        if (value == null) {
            return nullValue();
        }
        ensure(37);
        hex(value.getMostSignificantBits() >>> 32, 8);
        bytes[size++] = '-';
        hex(value.getMostSignificantBits() >>> 16, 4);
        bytes[size++] = '-';
        hex(value.getMostSignificantBits(), 4);
        bytes[size++] = '-';
        hex(value.getLeastSignificantBits() >>> 48, 4);
        bytes[size++] = '-';
        hex(value.getLeastSignificantBits(), 12);
        return separator();
    }

    /** The lowest {@code digits} hexadecimal digits of {@code value}. */
    private void hex(long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            bytes[size + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        size += digits;
    }

    private UsageCopyRows number(@Nullable Integer value) {
        return value == null ? nullValue() : number(value.intValue());
    }

    private UsageCopyRows number(int value) {
        ensure(12);
        long rest = value;
        if (rest < 0) {
            bytes[size++] = '-';
            rest = -rest;
        }
        int digits = 1;
        for (long bound = 10; rest >= bound; bound *= 10) {
            digits++;
        }
        for (int i = digits - 1; i >= 0; i--) {
            bytes[size + i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size += digits;
        return separator();
    }

    private UsageCopyRows bool(boolean value) {
        ensure(2);
        bytes[size++] = (byte) (value ? 't' : 'f');
        return separator();
    }

    /** A value whose text has nothing to escape and is ASCII (ISO-8601 times, decimals). */
    private UsageCopyRows ascii(String value) {
        ensure(value.length() + 1);
        for (int i = 0; i < value.length(); i++) {
            bytes[size++] = (byte) value.charAt(i);
        }
        return separator();
    }

    private UsageCopyRows text(@Nullable String value) {
        if (value == null) {
            return nullValue();
        }
        // every char as at most 3 bytes of UTF-8 or a 2-byte escape (a surrogate pair: 4 bytes for 2 chars)
        ensure(3 * value.length() + 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escape('\\');
                case '\t' -> escape('t');
                case '\n' -> escape('n');
                case '\r' -> escape('r');
                default -> {
                    if (c < 0x80) {
                        bytes[size++] = (byte) c;
                    } else {
                        i = utf8(value, i);
                    }
                }
            }
        }
        return separator();
    }

    private void escape(char c) {
        bytes[size++] = '\\';
        bytes[size++] = (byte) c;
    }

    /** Writes the non-ASCII character at {@code i} (a pair of surrogates as one); the index of its last char. */
    private int utf8(String value, int i) {
        int end = Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length() ? i + 2 : i + 1;
        byte[] encoded = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(encoded, 0, bytes, size, encoded.length);
        size += encoded.length;
        return end - 1;
    }

    private UsageCopyRows nullValue() {
        ensure(3);
        bytes[size++] = '\\';
        bytes[size++] = 'N';
        return separator();
    }

    private UsageCopyRows separator() {
        bytes[size++] = '\t';
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}

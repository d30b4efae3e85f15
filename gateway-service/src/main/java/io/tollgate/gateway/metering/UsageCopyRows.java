package io.tollgate.gateway.metering;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Usage events as rows of PostgreSQL's {@code COPY ... FROM STDIN} text format: one line per event, columns in
 * {@link #COLUMNS} order separated by tabs, {@code \N} for null, and the format's backslash escapes in text. The rows
 * are written as UTF-8 straight into one array that the writer keeps from batch to batch, with no string per row or
 * per value (the metering worker's largest allocation was this encoding, about a kilobyte per event).
 */
final class UsageCopyRows {

    static final String COLUMNS = """
            id, occurred_at, tenant_id, app_id, api_key_id, endpoint, requested_model, served_model, provider_id,
            deployment_id, upstream_model, price_id, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
            usage_estimated, cost_usd, latency_ms, ttft_ms, status_code, error_type, streamed, tags, cache_write_tokens,
            attempts, cache_hit""";

    private static final int ROW_BYTES = 400;
    /** A batch's array grown past this is not kept for the next batch. */
    private static final int KEPT_BYTES = 4 * 1024 * 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[64 * 1024];
    private int size;

    /** The batch's rows, read from this object's array until the next {@code encode}. */
    InputStream encode(List<UsageEvent> batch) {
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[64 * 1024];
        }
        size = 0;
        ensure(batch.size() * ROW_BYTES);
        for (UsageEvent event : batch) {
            row(event);
        }
        return new ByteArrayInputStream(bytes, 0, size);
    }

    private void row(UsageEvent e) {
        uuid(e.id()).time(e.occurredAt().getEpochSecond(), e.occurredAt().getNano()).uuid(e.tenantId())
                .uuid(e.appId()).uuid(e.apiKeyId()).text(e.endpoint()).text(e.requestedModel()).text(e.servedModel())
                .uuid(e.providerId()).uuid(e.deploymentId()).text(e.upstreamModel()).uuid(e.priceId())
                .number(e.promptTokens()).number(e.completionTokens()).number(e.cachedTokens())
                .number(e.reasoningTokens()).bool(e.usageEstimated()).ascii(e.costUsd().toPlainString())
                .number(e.latencyMs()).number(e.ttftMs()).number(e.statusCode()).text(e.errorType()).bool(e.streamed())
                .text(e.tags()).number(e.cacheWriteTokens()).number(e.attempts()).bool(e.cacheHit());
        bytes[size - 1] = '\n';
    }

    private UsageCopyRows number(@Nullable Integer value) {
        return value == null ? nullValue() : number(value.intValue());
    }

    private UsageCopyRows number(int value) {
        ensure(12);
        if (value < 0) {
            bytes[size++] = '-';
        }
        long rest = Math.abs((long) value);
        int end = size + digits(rest);
        for (int i = end - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        size = end;
        return separator();
    }

    private UsageCopyRows bool(boolean value) {
        ensure(2);
        bytes[size++] = (byte) (value ? 't' : 'f');
        return separator();
    }

    /** ISO-8601 in UTC with nine digits of fraction, as {@code Instant.toString} writes it but always whole. */
    private UsageCopyRows time(long epochSecond, int nano) {
        ensure(32);
        var t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        padded(t.getYear(), 4).put('-').padded(t.getMonthValue(), 2).put('-').padded(t.getDayOfMonth(), 2).put('T')
                .padded(t.getHour(), 2).put(':').padded(t.getMinute(), 2).put(':').padded(t.getSecond(), 2).put('.')
                .padded(nano, 9).put('Z');
        return separator();
    }

    private UsageCopyRows uuid(@Nullable UUID value) {
        if (value == null) {
            return nullValue();
        }
        ensure(37);
        hex(value.getMostSignificantBits() >>> 32, 8).put('-').hex(value.getMostSignificantBits() >>> 16, 4).put('-')
                .hex(value.getMostSignificantBits(), 4).put('-').hex(value.getLeastSignificantBits() >>> 48, 4).put('-')
                .hex(value.getLeastSignificantBits(), 12);
        return separator();
    }

    /** A value whose text has nothing to escape and is ASCII (a number's). */
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
        // at most three bytes of UTF-8 per char (a surrogate pair's four for its two chars), or two of an escape
        ensure(value.length() * 3 + 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> put('\\').put('\\');
                case '\t' -> put('\\').put('t');
                case '\n' -> put('\\').put('n');
                case '\r' -> put('\\').put('r');
                default -> {
                    if (c < 0x80) {
                        put(c);
                    } else if (c < 0x800) {
                        put(0xc0 | c >> 6).put(0x80 | c & 0x3f);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        int point = Character.toCodePoint(c, value.charAt(++i));
                        put(0xf0 | point >> 18).put(0x80 | point >> 12 & 0x3f).put(0x80 | point >> 6 & 0x3f)
                                .put(0x80 | point & 0x3f);
                    } else if (Character.isSurrogate(c)) {
                        put('?'); // an unpaired surrogate, as String.getBytes(UTF_8) writes it
                    } else {
                        put(0xe0 | c >> 12).put(0x80 | c >> 6 & 0x3f).put(0x80 | c & 0x3f);
                    }
                }
            }
        }
        return separator();
    }

    private UsageCopyRows nullValue() {
        ensure(3);
        return put('\\').put('N').separator();
    }

    private UsageCopyRows separator() {
        return put('\t');
    }

    private UsageCopyRows put(int b) {
        bytes[size++] = (byte) b;
        return this;
    }

    private UsageCopyRows padded(int value, int width) {
        for (int i = size + width - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
        return this;
    }

    private UsageCopyRows hex(long value, int width) {
        for (int i = size + width - 1; i >= size; i--) {
            bytes[i] = HEX[(int) value & 0xf];
            value >>>= 4;
        }
        size += width;
        return this;
    }

    private static int digits(long value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }
}

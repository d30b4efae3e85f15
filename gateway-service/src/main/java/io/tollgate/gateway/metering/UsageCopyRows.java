package io.tollgate.gateway.metering;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Usage events in PostgreSQL's binary {@code COPY} format: a header, then per event a field count and each column in
 * {@link #COLUMNS} order as its length and its value in the column type's binary form (-1 for null), then a trailer.
 * The database reads values without parsing text (a quarter less of its CPU per event than the text format's rows,
 * docs/benchmarks.md). The rows are written straight into one array that the writer keeps from batch to batch.
 */
final class UsageCopyRows {

    static final String COLUMNS = """
            id, occurred_at, tenant_id, app_id, api_key_id, endpoint, requested_model, served_model, provider_id,
            deployment_id, upstream_model, price_id, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
            usage_estimated, cost_usd, latency_ms, ttft_ms, status_code, error_type, streamed, tags, cache_write_tokens,
            attempts, cache_hit""";
    private static final int FIELDS = 27;

    /** The signature, no flags, no header extension. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final int ROW_BYTES = 400;
    /** A batch's array grown past this is not kept for the next batch. */
    private static final int KEPT_BYTES = 4 * 1024 * 1024;
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;
    private static final BigInteger NUMERIC_BASE = BigInteger.valueOf(10_000);

    private byte[] bytes = new byte[64 * 1024];
    private int size;

    /** The batch's rows, read from this object's array until the next {@code encode}. */
    InputStream encode(List<UsageEvent> batch) {
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[64 * 1024];
        }
        size = 0;
        ensure(HEADER.length + batch.size() * ROW_BYTES + 2);
        System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
        size = HEADER.length;
        for (UsageEvent event : batch) {
            row(event);
        }
        ensure(2);
        return int16(-1).stream();
    }

    private void row(UsageEvent e) {
        ensure(2);
        int16(FIELDS).uuid(e.id()).timestamp(e.occurredAt()).uuid(e.tenantId()).uuid(e.appId()).uuid(e.apiKeyId())
                .text(e.endpoint()).text(e.requestedModel()).text(e.servedModel()).uuid(e.providerId())
                .uuid(e.deploymentId()).text(e.upstreamModel()).uuid(e.priceId()).integer(e.promptTokens())
                .integer(e.completionTokens()).integer(e.cachedTokens()).integer(e.reasoningTokens())
                .bool(e.usageEstimated()).numeric(e.costUsd()).integer(e.latencyMs()).integer(e.ttftMs())
                .integer(e.statusCode()).text(e.errorType()).bool(e.streamed()).text(e.tags())
                .integer(e.cacheWriteTokens()).smallint(e.attempts()).bool(e.cacheHit());
    }

    private InputStream stream() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    private UsageCopyRows uuid(@Nullable UUID value) {
        if (value == null) {
            return nullValue();
        }
        ensure(20);
        return int32(16).int64(value.getMostSignificantBits()).int64(value.getLeastSignificantBits());
    }

    /**
     * Rounded to the microsecond as PostgreSQL rounds a text timestamp's fraction ({@code rint} of the fraction's
     * double times a million): a batch replayed through the text INSERT finds the rows this wrote by their key.
     */
    static long postgresMicros(Instant at) {
        return Math.multiplyExact(at.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L)
                + (long) Math.rint(at.getNano() / 1e9 * 1e6);
    }

    private UsageCopyRows timestamp(Instant at) {
        ensure(12);
        return int32(8).int64(postgresMicros(at));
    }

    private UsageCopyRows integer(@Nullable Integer value) {
        return value == null ? nullValue() : integer(value.intValue());
    }

    private UsageCopyRows integer(int value) {
        ensure(8);
        return int32(4).int32(value);
    }

    private UsageCopyRows smallint(int value) {
        if (value != (short) value) {
            throw new IllegalArgumentException("out of range for a smallint column: " + value);
        }
        ensure(6);
        return int32(2).int16(value);
    }

    private UsageCopyRows bool(boolean value) {
        ensure(5);
        int32(1);
        bytes[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /**
     * PostgreSQL's numeric: base-10000 digits from the most significant, the first one's weight (its power of 10000),
     * the sign and the display scale; zero groups at either end are left out. The column's own scale is applied by
     * the database, as it is to text.
     */
    private UsageCopyRows numeric(BigDecimal value) {
        BigDecimal exact = value.scale() < 0 ? value.setScale(0) : value;
        int scale = exact.scale();
        int padding = (4 - scale % 4) % 4;
        int fractionGroups = (scale + padding) / 4;
        BigInteger rest = exact.unscaledValue().abs().multiply(BigInteger.TEN.pow(padding));
        // groups from the least significant, the first fractionGroups of them after the point
        int[] groups = new int[Math.max(fractionGroups, rest.bitLength() / 13 + 1) + 1];
        int count = 0;
        while (rest.signum() > 0) {
            if (rest.bitLength() < 63) {
                for (long small = rest.longValueExact(); small > 0; small /= 10_000) {
                    groups[count++] = (int) (small % 10_000);
                }
                break;
            }
            BigInteger[] division = rest.divideAndRemainder(NUMERIC_BASE);
            groups[count++] = division[1].intValue();
            rest = division[0];
        }
        int high = Math.max(count, fractionGroups) - 1;
        int weight = high - fractionGroups;
        while (high >= 0 && groups[high] == 0) {
            high--;
            weight--;
        }
        int low = 0;
        while (low <= high && groups[low] == 0) {
            low++;
        }
        int digits = high - low + 1;
        ensure(12 + 2 * digits);
        int32(8 + 2 * digits).int16(digits).int16(digits == 0 ? 0 : weight)
                .int16(exact.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE).int16(scale);
        for (int i = high; i >= low; i--) {
            int16(groups[i]);
        }
        return this;
    }

    /** UTF-8, an unpaired surrogate as '?' (as {@code String.getBytes} writes it), after its length. */
    private UsageCopyRows text(@Nullable String value) {
        if (value == null) {
            return nullValue();
        }
        // at most three bytes of UTF-8 per char (a surrogate pair's four for its two chars)
        ensure(4 + value.length() * 3);
        int lengthAt = size;
        size += 4;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
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
                put('?');
            } else {
                put(0xe0 | c >> 12).put(0x80 | c >> 6 & 0x3f).put(0x80 | c & 0x3f);
            }
        }
        int end = size;
        size = lengthAt;
        int32(end - lengthAt - 4);
        size = end;
        return this;
    }

    private UsageCopyRows nullValue() {
        ensure(4);
        return int32(-1);
    }

    private UsageCopyRows put(int b) {
        bytes[size++] = (byte) b;
        return this;
    }

    private UsageCopyRows int16(int value) {
        return put(value >> 8).put(value);
    }

    private UsageCopyRows int32(int value) {
        return put(value >> 24).put(value >> 16).put(value >> 8).put(value);
    }

    private UsageCopyRows int64(long value) {
        return int32((int) (value >>> 32)).int32((int) value);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
        }
    }
}

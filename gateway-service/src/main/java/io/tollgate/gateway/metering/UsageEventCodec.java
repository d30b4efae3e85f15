package io.tollgate.gateway.metering;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * A usage event as one journal record: {@code [payload length][CRC-32C of the payload][payload]}, the payload a
 * compact binary form of the event (a version byte, then its fields in order; UUIDs as 16 bytes, strings as UTF-8
 * with their length, -1 for null). The checksum tells a whole record from one torn by a crash. Version 2 added the
 * cache-hit flag at the end; version 1 records (written before it) still read, as no cache hit.
 */
final class UsageEventCodec {

    static final int HEADER_BYTES = 8;
    private static final byte VERSION = 2;
    private static final byte VERSION_WITHOUT_CACHE_HIT = 1;
    /**
     * Version, id, time, three ids, three nullable ids, counts, flags, scale, timings, status, 7 lengths, cache writes,
     * attempts, cache hit.
     */
    private static final int FIXED_PAYLOAD_BYTES = 1 + 16 + 12 + 3 * 16 + 3 * 17 + 4 * 4 + 1 + 4 + 4 + 5 + 4 + 1 + 7 * 4 + 4 + 2 + 1;

    private UsageEventCodec() {
    }

    /**
     * Writes the whole record, header included, from {@code scratch}'s start; returns the buffer holding it between 0
     * and its limit: {@code scratch}, or a larger one when the record does not fit in it.
     */
    static ByteBuffer encode(UsageEvent event, ByteBuffer scratch) {
        String endpoint = event.endpoint();
        String requestedModel = event.requestedModel();
        String servedModel = event.servedModel();
        String upstreamModel = event.upstreamModel();
        String errorType = event.errorType();
        String tags = event.tags();
        byte[] cost = event.costUsd().unscaledValue().toByteArray();
        int payload = FIXED_PAYLOAD_BYTES + cost.length + utf8Length(endpoint) + utf8Length(requestedModel)
                + utf8Length(servedModel) + utf8Length(upstreamModel) + utf8Length(errorType) + utf8Length(tags);
        ByteBuffer out = scratch.capacity() >= HEADER_BYTES + payload ? scratch.clear()
                : ByteBuffer.allocate(Math.max(HEADER_BYTES + payload, scratch.capacity() * 2));
        out.position(HEADER_BYTES);
        out.put(VERSION);
        uuid(out, event.id());
        out.putLong(event.occurredAt().getEpochSecond()).putInt(event.occurredAt().getNano());
        uuid(out, event.tenantId());
        uuid(out, event.appId());
        uuid(out, event.apiKeyId());
        string(out, endpoint);
        string(out, requestedModel);
        string(out, servedModel);
        nullableUuid(out, event.providerId());
        nullableUuid(out, event.deploymentId());
        string(out, upstreamModel);
        nullableUuid(out, event.priceId());
        out.putInt(event.promptTokens()).putInt(event.completionTokens()).putInt(event.cachedTokens())
                .putInt(event.reasoningTokens());
        out.put((byte) (event.usageEstimated() ? 1 : 0));
        out.putInt(event.costUsd().scale());
        out.putInt(cost.length).put(cost);
        out.putInt(event.latencyMs());
        out.put((byte) (event.ttftMs() == null ? 0 : 1)).putInt(event.ttftMs() == null ? 0 : event.ttftMs());
        out.putInt(event.statusCode());
        string(out, errorType);
        out.put((byte) (event.streamed() ? 1 : 0));
        string(out, tags);
        out.putInt(event.cacheWriteTokens());
        out.putShort((short) event.attempts());
        out.put((byte) (event.cacheHit() ? 1 : 0));
        var crc = new CRC32C();
        crc.update(out.array(), HEADER_BYTES, payload);
        out.putInt(0, payload).putInt(4, (int) crc.getValue());
        return out.flip();
    }

    /** Whether {@code payload} (its {@code length} bytes from its position) is what the header's checksum says. */
    static boolean intact(ByteBuffer payload, int length, int checksum) {
        var crc = new CRC32C();
        crc.update(payload.slice(payload.position(), length));
        return (int) crc.getValue() == checksum;
    }

    /**
     * Reads one payload from {@code in}'s position (an intact one: see {@link #intact}), its repeating ids and names
     * taken from {@code recent} when they are the ones read before.
     */
    static UsageEvent decode(ByteBuffer in, RecentValues recent) {
        byte version = in.get();
        if (version != VERSION && version != VERSION_WITHOUT_CACHE_HIT) {
            throw new IllegalStateException("Unknown usage journal record version " + version);
        }
        UUID id = new UUID(in.getLong(), in.getLong()); // new for every event
        Instant occurredAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
        UUID tenantId = uuid(in, recent);
        UUID appId = uuid(in, recent);
        UUID apiKeyId = uuid(in, recent);
        String endpoint = string(in, recent);
        String requestedModel = string(in, recent);
        String servedModel = string(in, recent);
        UUID providerId = nullableUuid(in, recent);
        UUID deploymentId = nullableUuid(in, recent);
        String upstreamModel = string(in, recent);
        UUID priceId = nullableUuid(in, recent);
        int prompt = in.getInt();
        int completion = in.getInt();
        int cached = in.getInt();
        int reasoning = in.getInt();
        boolean estimated = in.get() == 1;
        int scale = in.getInt();
        BigDecimal cost = new BigDecimal(new BigInteger(bytes(in)), scale);
        int latency = in.getInt();
        boolean hasTtft = in.get() == 1;
        int ttft = in.getInt();
        int status = in.getInt();
        String errorType = string(in, recent);
        boolean streamed = in.get() == 1;
        String tags = string(in, recent);
        int cacheWrites = in.getInt();
        int attempts = in.getShort();
        boolean cacheHit = version != VERSION_WITHOUT_CACHE_HIT && in.get() == 1;
        return new UsageEvent(id, occurredAt, tenantId, appId, apiKeyId, endpoint, requestedModel, servedModel,
                providerId, deploymentId, upstreamModel, priceId, prompt, completion, cached, reasoning, estimated,
                cost, latency, hasTtft ? ttft : null, status, errorType, streamed, tags, cacheWrites, attempts, cacheHit);
    }

    /** The UTF-8 length of a string; 0 for null, whose length field says -1. */
    private static int utf8Length(@Nullable String value) {
        if (value == null) {
            return 0;
        }
        int length = value.length();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return value.getBytes(StandardCharsets.UTF_8).length; // rare: names and tags are mostly ASCII
            }
        }
        return length;
    }

    private static void string(ByteBuffer out, @Nullable String value) {
        if (value == null) {
            out.putInt(-1);
            return;
        }
        int lengthAt = out.position();
        out.putInt(0);
        boolean ascii = true;
        for (int i = 0; i < value.length() && ascii; i++) {
            ascii = value.charAt(i) < 0x80;
        }
        if (ascii) {
            for (int i = 0; i < value.length(); i++) {
                out.put((byte) value.charAt(i));
            }
        } else {
            out.put(value.getBytes(StandardCharsets.UTF_8));
        }
        out.putInt(lengthAt, out.position() - lengthAt - 4);
    }

    private static void uuid(ByteBuffer out, UUID value) {
        out.putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits());
    }

    private static void nullableUuid(ByteBuffer out, @Nullable UUID value) {
        if (value == null) {
            out.put((byte) 0).putLong(0).putLong(0);
        } else {
            out.put((byte) 1);
            uuid(out, value);
        }
    }

    private static UUID uuid(ByteBuffer in, RecentValues recent) {
        return recent.uuid(in.getLong(), in.getLong());
    }

    private static @Nullable UUID nullableUuid(ByteBuffer in, RecentValues recent) {
        boolean present = in.get() == 1;
        long most = in.getLong();
        long least = in.getLong();
        return present ? recent.uuid(most, least) : null;
    }

    private static byte @Nullable [] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static @Nullable String string(ByteBuffer in, RecentValues recent) {
        int length = in.getInt();
        return length < 0 ? null : recent.string(in, length);
    }
}

package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UsageEventCodecTest {

    @Test
    void a_cache_hit_reads_back_as_a_cache_hit() {
        var hit = event(true);

        assertThat(UsageEventCodec.decode(payload(record(hit)), new RecentValues())).isEqualTo(hit);
    }

    @Test
    void a_record_written_before_cache_hits_existed_reads_as_no_cache_hit() {
        var event = event(false);
        byte[] record = record(event);
        // version 1 had the same fields without the trailing cache-hit byte
        byte[] versionOne = Arrays.copyOf(record, record.length - 1);
        versionOne[UsageEventCodec.HEADER_BYTES] = 1;

        assertThat(UsageEventCodec.decode(payload(versionOne), new RecentValues())).isEqualTo(event);
    }

    @Test
    void names_and_tags_in_any_script_read_back_as_written() {
        var event = new UsageEvent(UUID.randomUUID(), Instant.parse("2026-12-05T19:30:00.123456789Z"),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "CHAT", "gpt-4o-modèle-日本-😀", "gpt-4o",
                UUID.randomUUID(), null, "gpt-4o-2024-08-06", UUID.randomUUID(), 1200, 300, 1024, 128, true,
                new BigDecimal("-0.000004720000001"), 54, 41, 502, "stream\r\ninterrupted", true, "owner=Zoë", 17, 2,
                false);

        assertThat(UsageEventCodec.decode(payload(record(event)), new RecentValues())).isEqualTo(event);
    }

    @Test
    void a_scratch_buffer_too_small_is_replaced_and_a_reused_one_holds_exactly_the_next_record() {
        var longer = event(true);
        var shorter = new UsageEvent(UUID.randomUUID(), Instant.EPOCH, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "CHAT", "m", "m", null, null, null, null, 0, 0, 0, 0, false, BigDecimal.ONE, 0, null,
                200, null, false, null, 0, 0, false);
        var small = ByteBuffer.allocate(16);

        ByteBuffer first = UsageEventCodec.encode(longer, small);
        ByteBuffer second = UsageEventCodec.encode(shorter, first);

        assertThat(first).isNotSameAs(small);
        assertThat(second).isSameAs(first);
        assertThat(second.position()).isZero();
        assertThat(second.limit()).isEqualTo(record(shorter).length).isLessThan(record(longer).length);
        assertThat(UsageEventCodec.decode(second.position(UsageEventCodec.HEADER_BYTES), new RecentValues()))
                .isEqualTo(shorter);
    }

    @Test
    void events_read_one_after_another_share_the_ids_and_names_they_have_in_common_and_only_those() {
        // Fixed ids: the values are kept in slots, and random ids would now and then share one and evict each other.
        UUID tenant = id(1);
        UUID app = id(2);
        UUID key = id(3);
        var recent = new RecentValues();
        var first = new UsageEvent(id(10), Instant.parse("2026-12-04T06:30:00Z"), tenant, app, key, "CHAT", "gpt-4o",
                "gpt-4o", null, null, null, null, 0, 0, 0, 0, false, BigDecimal.ZERO, 3, null, 200, null, false, "", 0,
                0, false);
        var same = new UsageEvent(id(11), first.occurredAt(), tenant, app, key, "CHAT", "gpt-4o", "gpt-4o", null,
                null, null, null, 1, 2, 0, 0, false, BigDecimal.ONE, 3, null, 200, null, false, "", 0, 0, false);
        var other = new UsageEvent(id(12), first.occurredAt(), id(4), app, key, "CHAT", "gpt-4o-mini", "gpt-4o", null,
                null, null, null, 1, 2, 0, 0, false, BigDecimal.ONE, 3, null, 200, null, false, "", 0, 0, false);

        var a = UsageEventCodec.decode(payload(record(first)), recent);
        var b = UsageEventCodec.decode(payload(record(same)), recent);
        var c = UsageEventCodec.decode(payload(record(other)), recent);

        assertThat(List.of(a, b, c)).containsExactly(first, same, other);
        assertThat(b.tenantId()).isSameAs(a.tenantId());
        assertThat(b.requestedModel()).isSameAs(a.requestedModel());
        assertThat(c.appId()).isSameAs(a.appId());
        assertThat(c.apiKeyId()).isSameAs(a.apiKeyId());
        assertThat(c.tenantId()).isNotSameAs(a.tenantId());
        assertThat(c.requestedModel()).isNotSameAs(a.requestedModel());
        assertThat(b.id()).isNotSameAs(a.id());
    }

    @Test
    void a_value_evicted_from_its_slot_is_read_back_equal() {
        var recent = new RecentValues();
        var ids = IntStream.range(0, 2_000).mapToObj(UsageEventCodecTest::id).toList();
        ids.forEach(id -> recent.uuid(id.getMostSignificantBits(), id.getLeastSignificantBits()));

        assertThat(ids).allSatisfy(id ->
                assertThat(recent.uuid(id.getMostSignificantBits(), id.getLeastSignificantBits())).isEqualTo(id));
    }

    private static UUID id(int n) {
        return UUID.nameUUIDFromBytes(new byte[] {(byte) (n >>> 8), (byte) n});
    }

    private static byte[] record(UsageEvent event) {
        ByteBuffer record = UsageEventCodec.encode(event, ByteBuffer.allocate(0));
        return Arrays.copyOf(record.array(), record.limit());
    }

    private static ByteBuffer payload(byte[] record) {
        return ByteBuffer.wrap(record).position(UsageEventCodec.HEADER_BYTES);
    }

    private static UsageEvent event(boolean cacheHit) {
        return new UsageEvent(UUID.randomUUID(), Instant.parse("2026-12-04T06:30:00Z"), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "CHAT", "gpt-4o", "gpt-4o", null, null, null, null, 0, 0, 0, 0,
                false, BigDecimal.ZERO, 3, null, 200, null, false, "", 0, 0, cacheHit);
    }
}

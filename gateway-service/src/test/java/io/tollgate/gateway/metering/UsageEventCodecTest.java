package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageEventCodecTest {

    @Test
    void a_cache_hit_reads_back_as_a_cache_hit() {
        var hit = event(true);

        assertThat(UsageEventCodec.decode(payload(UsageEventCodec.encode(hit)))).isEqualTo(hit);
    }

    @Test
    void a_record_written_before_cache_hits_existed_reads_as_no_cache_hit() {
        var event = event(false);
        byte[] record = UsageEventCodec.encode(event);
        // version 1 had the same fields without the trailing cache-hit byte
        byte[] versionOne = Arrays.copyOf(record, record.length - 1);
        versionOne[UsageEventCodec.HEADER_BYTES] = 1;

        assertThat(UsageEventCodec.decode(payload(versionOne))).isEqualTo(event);
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
